//! `status/index.html`: everything with a status, in one place, red first.

use super::pages::Renderer;
use super::views::{ATTENTION, View, band_counts, progress, status};
use crate::model::{Kind, Rag};
use crate::resolve::{action_url, doc_url};
use serde_json::{Value, json};

/// The kinds of thing that carry a status, in the order they are listed.
/// Risks are not among them: they are counted by band (see [`risk_bands`]).
const TYPES: [&str; 4] = ["plan", "priority", "action", "indicator"];

/// One thing with a status.
pub struct Rated {
    pub rag: Rag,
    pub kind: &'static str,
    pub overdue: bool,
    /// An action's due date (revised where it was), for the most overdue first.
    pub due: Option<chrono::NaiveDate>,
    pub row: Value,
}

/// How many rows a page of a full status list holds.
pub const PAGE_ROWS: usize = 200;

/// How many rows of each status the status page shows before its "all N"
/// link, as the home page does.
pub const FIRST_ROWS: usize = 10;

/// Most pressing first: by status (off track first), overdue before not,
/// then by type, then the longest overdue (the earliest due) first.
pub fn sort_worst_first(all: &mut [Rated]) {
    all.sort_by_key(|r| {
        let rank = ATTENTION.iter().position(|x| *x == r.rag);
        let kind = TYPES.iter().position(|k| *k == r.kind);
        (rank, !r.overdue, kind, r.due.is_none(), r.due)
    });
}

/// `status/red/index.html`, `status/red/2.html`: page `n` (from 1) of a
/// full list. All pages of a list are in one folder, so links are the same.
pub fn list_url(name: &str, n: usize) -> String {
    if n <= 1 {
        format!("status/{name}/index.html")
    } else {
        format!("status/{name}/{n}.html")
    }
}

/// Every status on the site, in document order. A risk's `status` is the
/// RAG of its mitigation work, not of the risk, so risks are left out.
pub fn everything(view: &View) -> Vec<Rated> {
    let site = view.site;
    let labels = &site.settings.statuses;
    let mut out = Vec::new();
    let mut push = |rag: Rag,
                    kind: &'static str,
                    overdue: bool,
                    due: Option<chrono::NaiveDate>,
                    row: Value| {
        let mut row = row;
        row["type"] = json!(kind);
        row["status"] = status(labels, rag);
        out.push(Rated {
            rag,
            kind,
            overdue,
            due,
            row,
        });
    };
    for d in &site.documents {
        let href = view.linker.href(&doc_url(&d.id));
        match &d.kind {
            Kind::Plan(_) => {
                // A superseded plan leaves the counts once the new one is adopted.
                let Some(rp) = site.resolved(d).filter(|p| p.status.is_current(site.today)) else {
                    continue;
                };
                let overall = rp.status.overall;
                let overdue = rp.overdue();
                push(
                    overall.status,
                    "plan",
                    overdue > 0,
                    None,
                    crate::obj!({ "href": &href, "ref": "", "title": &d.common.title, "context": "",
                        "note": format!("{}{}", progress(overall.progress)["text"].as_str().unwrap_or_default(),
                            if overdue > 0 { format!(", {overdue} overdue") } else { String::new() }) }),
                );
                for (pr, r) in rp.priorities() {
                    let how = if r.manual {
                        "set by hand"
                    } else {
                        "from its actions"
                    };
                    push(
                        r.status,
                        "priority",
                        false,
                        None,
                        crate::obj!({ "href": format!("{href}#{}", pr.id.value), "ref": &pr.id.value,
                            "title": &pr.title, "context": &d.common.title,
                            "note": format!("{how}; {}", progress(r.progress)["text"].as_str().unwrap_or_default()) }),
                    );
                }
                for (a, s) in rp.actions() {
                    let mut row = view.action_row(&d.id, a, s);
                    row["href"] = json!(view.linker.href(&action_url(&d.id, &a.id.value)));
                    row["ref"] = json!(a.id.value);
                    row["context"] = json!(d.common.title);
                    let due = a.revised_due.or(a.due).map(|d| d.last_day());
                    push(s.current, "action", s.overdue, due, row);
                }
            }
            Kind::Indicator(_) => {
                let detail = view.indicator_summary(d);
                if let Some(rag) = site.indicators.get(&d.id).and_then(|s| s.status) {
                    push(
                        rag,
                        "indicator",
                        false,
                        None,
                        crate::obj!({ "href": href, "ref": "", "title": &d.common.title, "context": "",
                            "note": format!("Target {} {}", detail["target"].as_str().unwrap_or_default(),
                                detail["against"].as_str().unwrap_or_default()) }),
                    );
                }
            }
            // No status of their own; risks are counted by band, apart.
            Kind::Risks(_)
            | Kind::Home
            | Kind::ListIntro
            | Kind::Page(_)
            | Kind::Inspection(_)
            | Kind::Visit(_)
            | Kind::Review(_)
            | Kind::Meeting(_)
            | Kind::Paper(_) => {}
        }
    }
    out
}

/// Indicators with a target whose latest value is out of date: they have
/// no status, so the page says why they are not among those rated.
fn stale(view: &View) -> Vec<Value> {
    let site = view.site;
    site.documents
        .iter()
        .filter(|d| matches!(&d.kind, Kind::Indicator(i) if i.target.is_some()))
        .filter_map(|d| {
            let text = site.indicators.get(&d.id)?.no_recent_value()?;
            Some(crate::obj!({ "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title, "text": text }))
        })
        .collect()
}

impl Renderer<'_> {
    pub(super) fn status_page(&mut self) {
        let path = "status/index.html";
        let site = self.site;
        let labels = &site.settings.statuses;
        // The full lists are one folder down, where links differ.
        let mut full = everything(&self.view(&list_url("x", 1)));
        sort_worst_first(&mut full);
        let view = self.view(path);
        let mut all = everything(&view);
        sort_worst_first(&mut all);
        let groups: Vec<Value> = ATTENTION
            .iter()
            .map(|rag| {
                let rows: Vec<&Value> = all
                    .iter()
                    .filter(|r| r.rag == *rag)
                    .map(|r| &r.row)
                    .collect();
                crate::obj!({
                    "status": status(labels, *rag), "count": rows.len(),
                    "rows": &rows[..rows.len().min(FIRST_ROWS)],
                    "all": view.linker.href(&list_url(rag.name(), 1)),
                })
            })
            .collect();
        let counts: Vec<Value> = TYPES
            .iter()
            .filter(|k| all.iter().any(|r| r.kind == **k))
            .map(|k| {
                let cells: Vec<usize> = ATTENTION
                    .iter()
                    .map(|rag| all.iter().filter(|r| r.kind == *k && r.rag == *rag).count())
                    .collect();
                crate::obj!({ "type": k, "cells": &cells, "total": cells.iter().sum::<usize>() })
            })
            .collect();
        let overdue = all
            .iter()
            .filter(|r| r.overdue && r.kind == "action")
            .count();
        let csv = crate::render::lists::download(&view.linker, "status");
        let page = crate::obj!({
            "stale": stale(&view),
            "csv": csv,
            "groups": groups,
            "columns": ATTENTION.iter().map(|r| status(labels, *r)).collect::<Vec<_>>(),
            "counts": counts,
            "total": all.len(),
            "overdue": overdue,
            "overdue_href": view.linker.href(&list_url("overdue", 1)),
            "risks": risk_bands(&view),
        });
        for rag in ATTENTION {
            let rows: Vec<&Value> = full
                .iter()
                .filter(|r| r.rag == rag)
                .map(|r| &r.row)
                .collect();
            self.status_list(rag.name(), labels.label(rag), &status(labels, rag), &rows);
        }
        // Overdue actions, the longest overdue first.
        let mut late: Vec<&Rated> = full
            .iter()
            .filter(|r| r.overdue && r.kind == "action")
            .collect();
        late.sort_by_key(|r| (r.due.is_none(), r.due));
        let rows: Vec<&Value> = late.iter().map(|r| &r.row).collect();
        self.status_list("overdue", "Overdue actions", &Value::Null, &rows);
        self.page(path, "status.html", "Status", "status", page);
    }

    /// The full list of one status (or of overdue actions), in pages of
    /// [`PAGE_ROWS`]; none when it is empty.
    fn status_list(&mut self, name: &str, label: &str, status: &Value, rows: &[&Value]) {
        let pages: Vec<&[&Value]> = rows.chunks(PAGE_ROWS).collect();
        let count = pages.len();
        for (i, chunk) in pages.into_iter().enumerate() {
            let n = i + 1;
            let path = list_url(name, n);
            let view = self.view(&path);
            let nav: Vec<Value> = (1..=count)
                .map(|k| crate::obj!({ "n": k, "href": view.linker.href(&list_url(name, k)), "current": k == n }))
                .collect();
            let title = if count > 1 {
                format!("{label}: page {n} of {count}")
            } else {
                label.to_string()
            };
            let page = crate::obj!({
                "name": name, "label": label, "status": status,
                "rows": chunk, "total": rows.len(),
                "first": i * PAGE_ROWS + 1, "last": i * PAGE_ROWS + chunk.len(),
                "pages": if count > 1 { json!(nav) } else { json!([]) },
                "overview": view.linker.href("status/index.html"),
            });
            self.page(&path, "status-list.html", &title, "status", page);
        }
    }
}

/// (v2) Risks counted by the band of their current score, highest first,
/// apart from the statuses of actions; none when there are no risks.
fn risk_bands(view: &View) -> Value {
    let site = view.site;
    if site.risks.is_empty() {
        return Value::Null;
    }
    crate::obj!({ "href": view.linker.href(&doc_url("risks")), "total": site.risks.len(), "bands": band_counts(site) })
}
