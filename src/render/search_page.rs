//! `search/index.html`: a search box that searches as you type (with
//! JavaScript, from an index loaded by `<script>` tags so it works from
//! `file://`), and without JavaScript a list of everything by type.

use super::pages::Renderer;
use super::views::{View, date, status};
use crate::model::{Date, Document, Kind};
use crate::resolve::doc_url;
use serde_json::Value;

/// The groups of the no-JavaScript listing, in menu order.
const GROUPS: [(&str, &str); 8] = [
    ("inspection", "Inspections"),
    ("visit", "Visits"),
    ("plan", "Plans"),
    ("meeting", "Meetings"),
    ("paper", "Papers"),
    ("risk register", "Risks"),
    ("indicator", "Indicators"),
    ("page", "Pages"),
];

/// A document's date and status as the listing shows them.
fn date_and_status(view: &View, d: &Document) -> (Option<Date>, Value) {
    let site = view.site;
    let labels = &site.settings.statuses;
    match &d.kind {
        Kind::Inspection(i) => (i.start, Value::Null),
        Kind::Visit(v) => (v.start, Value::Null),
        Kind::Meeting(m) => (Some(m.date), Value::Null),
        Kind::Paper(p) => (p.date, Value::Null),
        Kind::Plan(p) => (
            p.adopted,
            site.plans
                .get(&d.id)
                .map_or(Value::Null, |(o, _)| status(labels, o.status)),
        ),
        Kind::Indicator(_) => (
            None,
            site.indicators
                .get(&d.id)
                .and_then(|s| s.status)
                .map_or(Value::Null, |r| status(labels, r)),
        ),
        _ => (None, Value::Null),
    }
}

impl Renderer<'_> {
    pub(super) fn search(&mut self) {
        let path = "search/index.html";
        let view = self.view(path);
        let groups: Vec<Value> = GROUPS
            .iter()
            .map(|(kind, title)| {
                let mut items: Vec<(Option<chrono::NaiveDate>, Value)> = view
                    .site
                    .documents
                    .iter()
                    .filter(|d| d.kind.noun() == *kind)
                    .map(|d| {
                        let (when, st) = date_and_status(&view, d);
                        let item = crate::obj!({
                            "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title,
                            "date": date(when), "status": st,
                        });
                        (when.map(|w| w.first_day()), item)
                    })
                    .collect();
                // Newest first where there are dates; the rest keep id order.
                items.sort_by_key(|(when, _)| std::cmp::Reverse(*when));
                crate::obj!({ "title": title, "items": items.into_iter().map(|(_, v)| v).collect::<Vec<_>>() })
            })
            .collect();
        let page = crate::obj!({
            "groups": groups,
            "script": view.linker.href("assets/search.js"),
            "root": view.linker.root,
        });
        self.page(path, "search.html", "Search", "search", page);
    }
}
