//! The home page: a dashboard of where the journey stands.

use super::pages::Renderer;
use super::timeline::event_row;
use super::views::{ATTENTION, View, band_summary, progress, status};
use crate::model::{Kind, KindName};
use crate::resolve::{EventKind, ResolvedPlan, doc_url};
use serde_json::{Value, json};

/// How many past and coming events the dashboard lists.
const EVENTS: usize = 5;

/// How many of each list (overdue actions, off track and at risk actions,
/// plans) the dashboard shows, worst first, before its "all N" link.
const WORST: usize = 10;

impl Renderer<'_> {
    pub(super) fn home(&mut self) {
        let path = "index.html";
        let view = self.view(path);
        let site = self.site;
        // A superseded plan leaves the dashboard once the new one is adopted.
        let current: Vec<ResolvedPlan> = site
            .plans()
            .filter(|p| p.status.is_current(site.today))
            .collect();
        // Plans worst first: by overall status, then by how many are overdue.
        let mut ranked: Vec<&ResolvedPlan> = current.iter().collect();
        ranked.sort_by_key(|p| {
            let rank = ATTENTION.iter().position(|r| *r == p.status.overall.status);
            (rank, std::cmp::Reverse(p.overdue()))
        });
        let plans: Vec<Value> = ranked
            .iter()
            .take(WORST)
            .map(|p| plan_spread(&view, **p))
            .collect();
        // Every action needing attention, without its row: rows are made
        // only for the few the page shows.
        let mut overdue = Vec::new();
        let mut attention = Vec::new();
        for rp in &current {
            for (a, s) in rp.actions() {
                let rank = ATTENTION.iter().take(2).position(|r| *r == s.current);
                if !s.overdue && rank.is_none() {
                    continue;
                }
                let due = a.revised_due.or(a.due).map(|d| d.last_day());
                if s.overdue {
                    overdue.push(((due.is_none(), due), (rp, a, s)));
                }
                if let Some(rank) = rank {
                    attention.push(((rank, !s.overdue, due.is_none(), due), (rp, a, s)));
                }
            }
        }
        // The longest overdue first; off track before at risk.
        overdue.sort_by_key(|(key, _)| *key);
        attention.sort_by_key(|(key, _)| *key);
        let overdue_count = overdue.len();
        let attention_count = attention.len();
        let row = |(rp, a, s): (&ResolvedPlan, _, _)| {
            let mut row = view.action_row(rp.id(), a, s);
            row["plan"] = json!(rp.doc.common.title);
            row
        };
        let overdue: Vec<Value> = overdue
            .into_iter()
            .take(WORST)
            .map(|(_, r)| row(r))
            .collect();
        let attention: Vec<Value> = attention
            .into_iter()
            .take(WORST)
            .map(|(_, r)| row(r))
            .collect();
        let all = |name: &str| view.linker.href(&super::status_page::list_url(name, 1));
        // Actions only: a plan's or priority's roll-up restates its
        // actions, so counting both would count the same work twice.
        let at_a_glance: Vec<Value> = ATTENTION
            .iter()
            .take(2)
            .map(|rag| {
                let n = current
                    .iter()
                    .flat_map(|p| p.actions())
                    .filter(|(_, s)| s.current == *rag)
                    .count();
                crate::obj!({ "status": status(&site.settings.statuses, *rag), "count": n })
            })
            .collect();
        let page = crate::obj!({
            "intro": self.intro("", path),
            "latest_inspection": latest_graded(&view),
            "in_force": in_force(&view),
            "indicators": indicator_glance(&view),
            "plans": plans,
            "plans_count": current.len(),
            "plans_href": view.linker.href(&doc_url("plans")),
            "overdue": overdue,
            "overdue_count": overdue_count,
            "overdue_href": all("overdue"),
            "attention": attention,
            "attention_count": attention_count,
            "red_href": all("red"),
            "amber_href": all("amber"),
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

/// Indicators against their targets, by status, apart from actions: only
/// those with a target and a recent value have a status; those with a
/// target whose latest value is out of date are counted apart, as not rated.
fn indicator_glance(view: &View) -> Value {
    let site = view.site;
    let mut counts = [0usize; 5];
    let mut out_of_date = 0;
    for d in &site.documents {
        // Without a target an indicator is never rated, recent or not.
        let Kind::Indicator(ind) = &d.kind else {
            continue;
        };
        let Some(s) = site.indicators.get(&d.id).filter(|_| ind.target.is_some()) else {
            continue;
        };
        if s.stale {
            out_of_date += 1;
        } else if let Some(rag) = s.status {
            counts[rag as usize] += 1;
        }
    }
    let rated: Vec<Value> = ATTENTION
        .iter()
        .filter(|r| counts[**r as usize] > 0)
        .map(|r| crate::obj!({ "status": status(&site.settings.statuses, *r), "count": counts[*r as usize] }))
        .collect();
    if rated.is_empty() && out_of_date == 0 {
        return Value::Null;
    }
    crate::obj!({
        "href": view.linker.href(&doc_url("indicators")),
        "rated": rated,
        "out_of_date": out_of_date,
    })
}

/// Each review, notice or direction in force today, oldest first.
fn in_force(view: &View) -> Vec<Value> {
    let today = view.site.today;
    let mut out: Vec<(Option<chrono::NaiveDate>, Value)> = view
        .site
        .documents
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Review(r) if r.in_force(today) => Some((
                r.start.map(|s| s.first_day()),
                crate::obj!({
                    "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title,
                    "kind": &r.kind.value, "by": &r.by, "start": r.start, "ended": r.ended,
                }),
            )),
            _ => None,
        })
        .collect();
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, v)| v).collect()
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
fn plan_spread(view: &View, rp: ResolvedPlan) -> Value {
    let site = view.site;
    let (counts, chart) = view.spread(rp);
    let overall = rp.status.overall;
    crate::obj!({
        "href": view.linker.href(&doc_url(rp.id())), "title": &rp.doc.common.title,
        "status": status(&site.settings.statuses, overall.status),
        "progress": progress(overall.progress),
        "counts": counts, "chart": chart,
        "total": overall.progress.total,
        "overdue": rp.overdue(),
    })
}

/// The latest events up to today (newest first), or the next ones after it
/// (soonest first). Status changes are left to the timeline. A document is
/// listed once: an inspection whose report is out by its publication, one
/// still on site (or awaiting its report) by its first day.
fn events(view: &View, past: bool) -> Vec<Value> {
    let today = view.site.today.first_day();
    let wanted = |e: &&crate::resolve::Event| {
        !matches!(
            e.kind,
            EventKind::StatusChanged | EventKind::ActionCompleted
        ) && (e.date.first_day() <= today) == past
    };
    let events = view.site.events.iter().filter(wanted);
    let ordered: Vec<&crate::resolve::Event> = if past {
        events.rev().collect()
    } else {
        events.collect()
    };
    let mut seen = std::collections::BTreeSet::new();
    ordered
        .into_iter()
        .filter(|e| seen.insert(e.doc.as_str()))
        .take(EVENTS)
        .filter_map(|e| event_row(view, e))
        .collect()
}

/// Each section of the record and how much is in it.
fn sections(view: &View) -> Vec<Value> {
    let site = view.site;
    KindName::sections()
        .map(|(kind, s)| {
            let n: usize = site
                .documents
                .iter()
                .filter(|d| d.kind.name() == kind)
                .map(|d| match &d.kind {
                    // The register counts its risks.
                    Kind::Risks(r) => r.len(),
                    _ => 1,
                })
                .sum();
            crate::obj!({ "href": view.linker.href(&doc_url(s.folder)), "title": s.title, "count": n })
        })
        .collect()
}
