//! `search/index.html`: a search box that searches as you type (with
//! JavaScript, from an index loaded by `<script>` tags so it works from
//! `file://`), and without JavaScript a list of everything by type.

use super::pages::Renderer;
use super::views::{View, date, status};
use crate::model::{Date, Document, Kind, KindName};
use crate::resolve::doc_url;
use serde_json::Value;

/// A document's date and status as the listing shows them.
fn date_and_status(view: &View, d: &Document) -> (Option<Date>, Value) {
    let site = view.site;
    let labels = &site.settings.statuses;
    let st = match &d.kind {
        Kind::Plan(_) => site
            .resolved(d)
            .map_or(Value::Null, |p| status(labels, p.status.overall.status)),
        Kind::Indicator(_) => site
            .indicators
            .get(&d.id)
            .and_then(|s| s.status)
            .map_or(Value::Null, |r| status(labels, r)),
        Kind::Home
        | Kind::ListIntro
        | Kind::Page(_)
        | Kind::Inspection(_)
        | Kind::Visit(_)
        | Kind::Review(_)
        | Kind::Meeting(_)
        | Kind::Paper(_)
        | Kind::Risks(_) => Value::Null,
    };
    (d.kind.date(), st)
}

/// How many of each kind the search page lists, newest first, for readers
/// without JavaScript.
const LISTED: usize = 25;

impl Renderer<'_> {
    pub(super) fn search(&mut self) {
        let path = "search/index.html";
        let view = self.view(path);
        let groups: Vec<Value> = KindName::ALL
            .iter()
            .filter_map(|k| k.info().group.map(|title| (*k, title)))
            .map(|(kind, title)| {
                let mut items: Vec<(Option<chrono::NaiveDate>, Value)> = view
                    .site
                    .documents
                    .iter()
                    .filter(|d| d.kind.name() == kind)
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
                // The page's first load stays small: the newest of each kind,
                // and its own list for the rest.
                let total = items.len();
                let shown: Vec<Value> = items.into_iter().take(LISTED).map(|(_, v)| v).collect();
                let list = kind
                    .info()
                    .section
                    .map(|s| view.linker.href(&doc_url(s.folder)));
                crate::obj!({ "title": title, "items": shown, "total": total, "list": list })
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
