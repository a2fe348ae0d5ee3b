//! The lists of documents: one per section, and one per folder of plain pages.

use super::pages::Renderer;
use super::views::{View, date};
use crate::model::{Document, Inspection, Kind, KindName};
use crate::resolve::doc_url;
use serde_json::Value;
use std::collections::BTreeSet;

impl Renderer<'_> {
    pub(super) fn intro(&self, id: &str, path: &str) -> Value {
        self.site
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or(Value::Null, |d| self.view(path).document(d))
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
            judgements_over_time(&view, docs)
        } else {
            Value::Null
        };
        let csv = download(&view.linker, folder);
        let page = crate::obj!({
            "folder": folder, "intro": self.intro(folder, &path), "judgements": judgements,
            "csv": csv,
            "items": rows.into_iter().map(|(_, r)| r).collect::<Vec<_>>(),
        });
        self.page(&path, "list.html", title, folder, page);
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
                let known = KindName::of_section(top).is_some();
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

/// Judgement areas against inspections, oldest inspection first: each cell
/// the grade, or nothing where that inspection did not judge that area.
/// Areas match by name, ignoring case; overall judgements come first.
fn judgements_over_time(view: &View, docs: &[&Document]) -> Value {
    let mut inspections: Vec<(&Document, &Inspection)> = docs
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Inspection(i) if !i.judgements.is_empty() => Some((*d, i)),
            _ => None,
        })
        .collect();
    if inspections.is_empty() {
        return Value::Null;
    }
    inspections.sort_by_key(|(d, i)| (i.start.map(|s| s.first_day()), d.id.clone()));
    let key = |area: &str| {
        area.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut areas: Vec<(String, String, bool)> = Vec::new();
    for (_, i) in &inspections {
        for j in &i.judgements {
            match areas.iter_mut().find(|(k, _, _)| *k == key(&j.area)) {
                Some(a) => a.2 |= j.overall,
                None => areas.push((key(&j.area), j.area.trim().to_string(), j.overall)),
            }
        }
    }
    areas.sort_by_key(|(_, _, overall)| !overall);
    let graded: Vec<Vec<Value>> = inspections
        .iter()
        .map(|(_, i)| view.judgements(i))
        .collect();
    let rows: Vec<Value> = areas
        .iter()
        .map(|(k, area, _)| {
            let cells: Vec<Value> = graded
                .iter()
                .map(|js| {
                    js.iter()
                        .find(|j| j["area"].as_str().is_some_and(|a| key(a) == *k))
                        .cloned()
                        .unwrap_or(Value::Null)
                })
                .collect();
            crate::obj!({ "area": area, "cells": cells })
        })
        .collect();
    let columns: Vec<Value> = inspections
        .iter()
        .map(|(d, i)| {
            crate::obj!({
                "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title,
                "date": date(i.start), "framework": &i.framework, "inspectorate": &i.inspectorate,
            })
        })
        .collect();
    crate::obj!({ "columns": columns, "rows": rows })
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

/// The link to a list's spreadsheet, for the `download` component.
pub fn download(linker: &super::links::Linker, folder: &str) -> Value {
    csv_for(folder).map_or(
        Value::Null,
        |(f, what)| crate::obj!({ "href": linker.href(&format!("data/{f}")), "what": what }),
    )
}
