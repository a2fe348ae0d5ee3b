//! The lists of documents: one per section, and one per folder of plain pages.

use super::pages::Renderer;
use super::views::{View, date};
use crate::model::{Document, Inspection, Kind, KindName};
use crate::resolve::{JudgementTable, doc_url};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Documents on one page of a list: the page stays well under 1 MB however
/// large the site.
pub const LIST_ROWS: usize = 300;

impl Renderer<'_> {
    pub(super) fn intro(&self, id: &str, path: &str) -> Value {
        self.site
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or(Value::Null, |d| {
                serde_json::to_value(self.view(path).document(d)).unwrap_or(Value::Null)
            })
    }

    pub(super) fn list(&mut self, folder: &str, title: &str, docs: &[&Document]) {
        let path = doc_url(folder);
        let view = self.view(&path);
        let mut rows: Vec<(String, Value)> = docs
            .iter()
            .map(|d| {
                // The row needs the kind's fields, not the rendered text.
                let v = crate::obj!({ "detail": view.detail(d) });
                let status_v = match &d.kind {
                    Kind::Inspection(_) => v["detail"]["overall"].clone(),
                    Kind::Plan(_) => v["detail"]["status"].clone(),
                    Kind::Home
                    | Kind::ListIntro
                    | Kind::Page(_)
                    | Kind::Visit(_)
                    | Kind::Review(_)
                    | Kind::Meeting(_)
                    | Kind::Paper(_)
                    | Kind::Risks(_)
                    | Kind::Indicator(_) => Value::Null,
                };
                let when = d.kind.date();
                // Undated documents sort by title.
                let sort = when.map_or_else(|| d.common.title.clone(), |w| w.iso());
                let when = date(when);
                let row = crate::obj!({
                    "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title,
                    "summary": &d.common.summary, "date": when, "status": status_v,
                    "kind": d.kind.noun(), "detail": &v["detail"],
                });
                (sort, row)
            })
            .collect();
        let newest_first = matches!(folder, "inspections" | "visits" | "reviews" | "meetings");
        rows.sort_by(|a, b| {
            if newest_first {
                b.0.cmp(&a.0)
            } else {
                a.0.cmp(&b.0)
            }
        });
        let judgements = if folder == "inspections" {
            judgements_over_time(&view)
        } else {
            Value::Null
        };
        let csv = download(&view.linker, folder);
        let intro = self.intro(folder, &path);
        // A long list is split into pages beside its first: `2.html`, ...
        // (no document or copied file can be named so).
        let rows: Vec<Value> = rows.into_iter().map(|(_, r)| r).collect();
        let total = rows.len();
        let pages = total.div_ceil(LIST_ROWS).max(1);
        let page_path = |n: usize| {
            if n <= 1 {
                path.clone()
            } else {
                format!("{folder}/{n}.html")
            }
        };
        let mut chunks: Vec<Vec<Value>> = Vec::with_capacity(pages);
        let mut rest = rows.into_iter();
        for _ in 0..pages {
            chunks.push(rest.by_ref().take(LIST_ROWS).collect());
        }
        let mut judgements = Some(judgements);
        let mut intro = Some(intro);
        for (i, items) in chunks.into_iter().enumerate() {
            let here = page_path(i + 1);
            let linker = super::links::Linker::new(&self.site.index, &here);
            let pager: Vec<Value> = (1..=pages)
                .map(|n| crate::obj!({ "number": n, "href": linker.href(&page_path(n)), "current": n == i + 1 }))
                .collect();
            let page = crate::obj!({
                "folder": folder,
                "intro": intro.take().unwrap_or(Value::Null),
                "judgements": judgements.take().unwrap_or(Value::Null),
                "csv": &csv,
                "items": items,
                "total": total,
                "pager": if pages > 1 { json!(pager) } else { Value::Null },
                "page_number": i + 1, "pages": pages,
            });
            let title = if pages > 1 {
                format!("{title} (page {} of {pages})", i + 1)
            } else {
                title.to_string()
            };
            self.page(&here, "list.html", &title, folder, page);
        }
    }

    pub(super) fn empty_register(&mut self) {
        let page = crate::obj!({ "id": "risks", "title": "Risk register", "kind": "risk register", "summary": null,
            "source": null, "tags": Vec::<Value>::new(), "body": "", "referenced_by": Vec::<Value>::new(), "exempt": null, "draft": false,
            "detail": { "risks": Vec::<Value>::new() } });
        self.page(
            "risks/index.html",
            "risks.html",
            "Risk register",
            "risks",
            page,
        );
    }

    /// A list for every folder of plain pages that has no index.md of its own.
    pub(super) fn plain_folders(&mut self) {
        let site = self.site;
        let ids: BTreeSet<&str> = site.documents.iter().map(|d| d.id.as_str()).collect();
        let mut folders: BTreeSet<String> = BTreeSet::new();
        for d in &site.documents {
            if !matches!(d.kind, Kind::Page(_)) {
                continue;
            }
            let mut id = d.id.as_str();
            while let Some((parent, _)) = id.rsplit_once('/') {
                let top = parent.split('/').next().unwrap_or(parent);
                let known = KindName::of_document_folder(top).is_some();
                if !known && !ids.contains(parent) {
                    folders.insert(parent.to_string());
                }
                id = parent;
            }
        }
        for folder in folders {
            let docs: Vec<&Document> = site
                .documents
                .iter()
                .filter(|d| d.id.rsplit_once('/').is_some_and(|(p, _)| p == folder))
                .collect();
            let title = folder
                .rsplit('/')
                .next()
                .unwrap_or(&folder)
                .replace('-', " ");
            let mut title_cased = title.clone();
            if let Some(first) = title.chars().next() {
                title_cased = first.to_uppercase().collect::<String>() + &title[first.len_utf8()..];
            }
            self.list(&folder, &title_cased, &docs);
        }
    }
}

/// "Judgements over time": a table for each grade scale, its areas (rows,
/// decided in `resolve::judgements`) against its inspections, oldest first.
/// Each cell is the grade, marked where one grade covered several rows.
fn judgements_over_time(view: &View) -> Value {
    let tables: Vec<Value> = view
        .site
        .judgements
        .iter()
        .map(|t| judgement_table(view, t))
        .collect();
    if tables.is_empty() {
        Value::Null
    } else {
        json!(tables)
    }
}

fn judgement_table(view: &View, t: &JudgementTable) -> Value {
    // Every column is a published inspection (resolve made the table from
    // them); one that were not would show as judging nothing.
    let inspections: Vec<(&str, Option<&Document>, Option<&Inspection>)> = t
        .columns
        .iter()
        .map(|id| {
            let d = view.site.document(id);
            let i = d.and_then(|d| match &d.kind {
                Kind::Inspection(i) => Some(i),
                _ => None,
            });
            (id.as_str(), d, i)
        })
        .collect();
    let rows: Vec<Value> = t
        .rows
        .iter()
        .map(|r| {
            let cells: Vec<Value> = r
                .cells
                .iter()
                .zip(&inspections)
                .map(|(cell, (_, _, i))| {
                    let (Some(c), Some(i)) = (cell, i) else {
                        return Value::Null;
                    };
                    let Some(j) = i.judgements.get(c.judgement) else {
                        return Value::Null;
                    };
                    let mut v = view.judgement(i, j);
                    v["together"] = json!(c.together);
                    v
                })
                .collect();
            crate::obj!({ "area": &r.name, "cells": cells })
        })
        .collect();
    // Named by who inspected under which framework: "Ofsted ILACS".
    let mut who: Vec<&str> = Vec::new();
    let mut what: Vec<&str> = Vec::new();
    for (_, _, i) in &inspections {
        for (list, v) in [
            (&mut who, i.and_then(|i| i.inspectorate.as_deref())),
            (&mut what, i.and_then(|i| i.framework.as_deref())),
        ] {
            if let Some(v) = v.map(str::trim).filter(|v| !v.is_empty())
                && !list.contains(&v)
            {
                list.push(v);
            }
        }
    }
    let name = [who.join(" and "), what.join(" and ")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let name = if name.is_empty() {
        format!("The {} scale", t.scale)
    } else {
        name
    };
    let columns: Vec<Value> = inspections
        .iter()
        .map(|(id, d, i)| {
            crate::obj!({
                "href": view.linker.href(&doc_url(id)), "title": d.map(|d| &d.common.title),
                "date": date(i.and_then(|i| i.start)),
                "framework": i.and_then(|i| i.framework.as_ref()),
                "inspectorate": i.and_then(|i| i.inspectorate.as_ref()),
            })
        })
        .collect();
    crate::obj!({ "scale": &t.scale, "name": name, "columns": columns, "rows": rows })
}

/// The spreadsheet of a list, under `data/`, and what it holds.
fn csv_for(folder: &str) -> Option<(&'static str, &'static str)> {
    Some(match folder {
        "inspections" => ("inspections.csv", "every judgement"),
        "visits" => ("visits.csv", "the visits"),
        "reviews" => ("reviews.csv", "the reviews and intervention"),
        "plans" | "status" => ("actions.csv", "every action of every plan"),
        "meetings" => ("meetings.csv", "the meetings"),
        "indicators" => ("indicators.csv", "every indicator's values"),
        "risks" => ("risks.csv", "the risk register"),
        "recommendations" => ("recommendations.csv", "the recommendations"),
        _ => return None,
    })
}

/// The links to a list's spreadsheet and to the whole workbook
/// (`data/oversight.xlsx`), for the `download` component.
pub fn download(linker: &super::links::Linker, folder: &str) -> Value {
    csv_for(folder).map_or(Value::Null, |(f, what)| {
        crate::obj!({
            "href": linker.href(&format!("data/{f}")),
            "what": what,
            "workbook": linker.href("data/oversight.xlsx"),
        })
    })
}
