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
    pub row: Value,
}

/// Every status on the site, in document order. A risk's `status` is the
/// RAG of its mitigation work, not of the risk, so risks are left out.
pub fn everything(view: &View) -> Vec<Rated> {
    let site = view.site;
    let labels = &site.settings.statuses;
    let mut out = Vec::new();
    let mut push = |rag: Rag, kind: &'static str, overdue: bool, row: Value| {
        let mut row = row;
        row["type"] = json!(kind);
        row["status"] = status(labels, rag);
        out.push(Rated {
            rag,
            kind,
            overdue,
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
                    push(s.current, "action", s.overdue, row);
                }
            }
            Kind::Indicator(_) => {
                let detail = view.indicator_summary(d);
                if let Some(rag) = site.indicators.get(&d.id).and_then(|s| s.status) {
                    push(
                        rag,
                        "indicator",
                        false,
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
        let view = self.view(path);
        let labels = &self.site.settings.statuses;
        let mut all = everything(&view);
        // Red first; within a status, overdue first, then by type.
        all.sort_by_key(|r| {
            let rank = ATTENTION.iter().position(|x| *x == r.rag);
            let kind = TYPES.iter().position(|k| *k == r.kind);
            (rank, !r.overdue, kind)
        });
        let groups: Vec<Value> = ATTENTION
            .iter()
            .map(|rag| {
                let rows: Vec<&Value> = all
                    .iter()
                    .filter(|r| r.rag == *rag)
                    .map(|r| &r.row)
                    .collect();
                crate::obj!({ "status": status(labels, *rag), "count": rows.len(), "rows": rows })
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
            "risks": risk_bands(&view),
        });
        self.page(path, "status.html", "Status", "status", page);
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
