//! The lists of documents: one per section, and one per folder of plain pages.

use super::pages::Renderer;
use super::views::{Detail, View, date};
use crate::model::{Date, Document, Inspection, Kind, KindName};
use crate::resolve::{JudgementTable, doc_url};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Documents on one page of a list: the page stays well under 1 MB however
/// large the site.
pub const LIST_ROWS: usize = 300;

/// A page of a list (`page` in `list.html`).
#[derive(Serialize)]
struct ListPage<'a, 'v> {
    folder: &'v str,
    intro: Value,
    judgements: Value,
    csv: &'v Value,
    items: Vec<ListRow<'a>>,
    total: usize,
    pager: Option<Vec<Pager>>,
    page_number: usize,
    pages: usize,
}

/// A link to one page of a list.
#[derive(Serialize)]
struct Pager {
    number: usize,
    href: String,
    current: bool,
}

/// A document in a list: its kind's `detail` as on its page.
#[derive(Serialize)]
pub struct ListRow<'a> {
    href: String,
    title: &'a str,
    summary: &'a Option<String>,
    date: Option<Date>,
    /// For an inspection its overall judgement, for a plan its status.
    status: Value,
    kind: &'static str,
    /// Already in Tera's values, which the page's data takes in without
    /// copying: a plan's detail (every action's row) is held once, not
    /// also as a JSON tree for the whole page.
    detail: tera::Value,
}

impl<'a> View<'a> {
    fn list_row(&self, d: &'a Document) -> ListRow<'a> {
        let detail = self.typed_detail(d);
        let status = match (&d.kind, &detail) {
            (Kind::Inspection(_), Detail::Built(v)) => v["overall"].clone(),
            (Kind::Plan(_), Detail::Built(v)) => v["status"].clone(),
            _ => Value::Null,
        };
        ListRow {
            href: self.linker.href(&doc_url(&d.id)),
            title: &d.common.title,
            summary: &d.common.summary,
            date: d.kind.date(),
            status,
            kind: d.kind.noun(),
            detail: tera::Value::try_from_serializable(&detail)
                .unwrap_or_else(|_| tera::Value::none()),
        }
    }
}

impl<'a> Renderer<'a> {
    pub(super) fn intro(&self, id: &str, path: &str) -> Value {
        self.site
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or(Value::Null, |d| {
                serde_json::to_value(self.view(path).document(d)).unwrap_or(Value::Null)
            })
    }

    pub(super) fn list(&mut self, folder: &str, title: &str, docs: &[&'a Document]) {
        let path = doc_url(folder);
        let view = self.view(&path);
        // Undated documents sort by title.
        let mut order: Vec<(String, &'a Document)> = docs
            .iter()
            .map(|d| {
                let sort = d
                    .kind
                    .date()
                    .map_or_else(|| d.common.title.clone(), |w| w.iso());
                (sort, *d)
            })
            .collect();
        let newest_first = matches!(folder, "inspections" | "visits" | "reviews" | "meetings");
        order.sort_by(|a, b| {
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
        // (no document or copied file can be named so). Each page's rows
        // are made as it is rendered, so only one page's are ever held.
        let total = order.len();
        let pages = total.div_ceil(LIST_ROWS).max(1);
        let page_path = |n: usize| {
            if n <= 1 {
                path.clone()
            } else {
                format!("{folder}/{n}.html")
            }
        };
        let mut judgements = Some(judgements);
        let mut intro = Some(intro);
        let mut rest = order.iter();
        for i in 0..pages {
            // Every page of a list is in its folder: links are the same.
            let items: Vec<ListRow> = rest
                .by_ref()
                .take(LIST_ROWS)
                .map(|(_, d)| view.list_row(d))
                .collect();
            let here = page_path(i + 1);
            let linker = super::links::Linker::new(&self.site.index, &here);
            let pager: Vec<Pager> = if pages > 1 {
                (1..=pages)
                    .map(|n| Pager {
                        number: n,
                        href: linker.href(&page_path(n)),
                        current: n == i + 1,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let page = ListPage {
                folder,
                intro: intro.take().unwrap_or(Value::Null),
                judgements: judgements.take().unwrap_or(Value::Null),
                csv: &csv,
                items,
                total,
                pager: (pages > 1).then_some(pager),
                page_number: i + 1,
                pages,
            };
            let title = if pages > 1 {
                format!("{title} (page {} of {pages})", i + 1)
            } else {
                title.to_string()
            };
            self.typed_page(&here, "list.html", &title, folder, &page);
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
                .map(|d| &**d)
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
