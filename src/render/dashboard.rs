//! The home page: a dashboard of where the journey stands.

use super::pages::{Renderer, SECTIONS};
use super::status_page::everything;
use super::timeline::event_row;
use super::views::{ATTENTION, View, band_summary, status};
use crate::model::{Document, Kind};
use crate::resolve::{EventKind, doc_url};
use serde_json::{Value, json};

/// How many past and coming events the dashboard lists.
const EVENTS: usize = 5;

impl Renderer<'_> {
    pub(super) fn home(&mut self) {
        let path = "index.html";
        let view = self.view(path);
        let site = self.site;
        let plans: Vec<Value> = site
            .documents
            .iter()
            .filter(|d| matches!(d.kind, Kind::Plan(_)))
            .map(|d| plan_spread(&view, d))
            .collect();
        let mut overdue = Vec::new();
        for d in &site.documents {
            if let Kind::Plan(p) = &d.kind {
                for a in &p.actions {
                    if let Some(s) = site.actions.get(&d.id).and_then(|m| m.get(&a.id.value))
                        && s.overdue
                    {
                        let mut row = view.action_row(&d.id, a, s);
                        row["plan"] = json!(d.common.title);
                        overdue.push(row);
                    }
                }
            }
        }
        let rated = everything(&view);
        let at_a_glance: Vec<Value> = ATTENTION
            .iter()
            .take(2)
            .map(|rag| {
                let n = rated.iter().filter(|r| r.rag == *rag).count();
                crate::obj!({ "status": status(&site.settings.statuses, *rag), "count": n })
            })
            .collect();
        let page = crate::obj!({
            "intro": self.intro("", path),
            "latest_inspection": latest_graded(&view),
            "plans": plans,
            "overdue": overdue,
            "at_a_glance": at_a_glance,
            "risks": risk_glance(&view),
            "latest_events": events(&view, true),
            "next_events": events(&view, false),
            "sections": sections(&view),
        });
        let title = site.settings.title.clone();
        self.page(path, "home.html", &title, "home", page);
    }
}

/// (v2) The risks at a glance, by band and apart from the statuses:
/// "Risks: 1 Very high, 2 Medium". None when there are no risks.
fn risk_glance(view: &View) -> Value {
    if view.site.risks.is_empty() {
        return Value::Null;
    }
    crate::obj!({ "href": view.linker.href(&doc_url("risks")), "summary": band_summary(view.site) })
}

/// The most recent inspection that graded anything, with every area's grade.
fn latest_graded(view: &View) -> Value {
    view.site
        .documents
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Inspection(i) if !i.judgements.is_empty() => Some((i.start, d, i)),
            _ => None,
        })
        .max_by_key(|(start, d, _)| (start.map(|s| s.first_day()), d.id.clone()))
        .map_or(Value::Null, |(start, d, i)| {
            crate::obj!({
                "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title,
                "start": start, "judgements": view.judgements(i),
            })
        })
}

/// A plan's overall status and how its actions spread across statuses.
fn plan_spread(view: &View, d: &Document) -> Value {
    let site = view.site;
    let statuses = site.actions.get(&d.id);
    let (counts, chart) = view.spread(d);
    crate::obj!({
        "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title,
        "status": site.plans.get(&d.id).map(|(o, _)| status(&site.settings.statuses, o.status)),
        "counts": counts, "chart": chart,
        "total": statuses.map_or(0, |m| m.len()),
        "overdue": statuses.map_or(0, |m| m.values().filter(|s| s.overdue).count()),
    })
}

/// The latest events up to today (newest first), or the next ones after it
/// (soonest first). Status changes are left to the timeline.
fn events(view: &View, past: bool) -> Vec<Value> {
    let today = view.site.today.first_day();
    let wanted = |e: &&crate::resolve::Event| {
        !matches!(
            e.kind,
            EventKind::StatusChanged | EventKind::ActionCompleted
        ) && (e.date.first_day() <= today) == past
    };
    let events = view.site.events.iter().filter(wanted);
    let picked: Vec<&crate::resolve::Event> = if past {
        let mut v: Vec<_> = events.collect();
        v.reverse();
        v.into_iter().take(EVENTS).collect()
    } else {
        events.take(EVENTS).collect()
    };
    picked
        .into_iter()
        .filter_map(|e| event_row(view, e))
        .collect()
}

/// Each section of the record and how much is in it.
fn sections(view: &View) -> Vec<Value> {
    let site = view.site;
    SECTIONS
        .iter()
        .map(|(folder, title, kind)| {
            let n = if *folder == "risks" {
                site.documents
                    .iter()
                    .find_map(|d| match &d.kind {
                        Kind::Risks(r) => Some(r.len()),
                        _ => None,
                    })
                    .unwrap_or(0)
            } else {
                site.documents
                    .iter()
                    .filter(|d| d.kind.noun() == *kind)
                    .count()
            };
            crate::obj!({ "href": view.linker.href(&doc_url(folder)), "title": title, "count": n })
        })
        .collect()
}
