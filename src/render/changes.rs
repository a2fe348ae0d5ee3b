//! `changes/index.html`: what moved between meetings, so members see what
//! changed since their committee last met; and, with `build --since`, since
//! any date.

use super::pages::Renderer;
use super::timeline::event_row;
use super::views::View;
use crate::model::{Date, Kind};
use crate::resolve::{EventKind, doc_url};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// What happened after `from` (exclusive) up to `to` (inclusive).
fn window(view: &View, from: Option<Date>, to: Date) -> Value {
    let (start, end) = (from.map(|d| d.first_day()), to.first_day());
    let mut changes = Vec::new();
    let mut documents = Vec::new();
    // Events are in date order: find the window's first, read to its end.
    let events = &view.site.events;
    let first = start.map_or(0, |s| events.partition_point(|e| e.date.first_day() <= s));
    for e in &events[first..] {
        if e.date.first_day() > end {
            break;
        }
        let Some(row) = event_row(view, e) else {
            continue;
        };
        match e.kind {
            EventKind::StatusChanged | EventKind::ActionCompleted => changes.push(row),
            EventKind::Inspection
            | EventKind::ReportPublished
            | EventKind::Visit
            | EventKind::Review
            | EventKind::ReviewEnded
            | EventKind::Meeting
            | EventKind::Paper
            | EventKind::PlanAdopted => documents.push((e.doc.as_str(), row)),
        }
    }
    // A document is new once in a window: an inspection that began and
    // published its report in it is listed by its report.
    let mut seen = std::collections::BTreeSet::new();
    let mut documents: Vec<Value> = documents
        .into_iter()
        .rev()
        .filter(|(doc, _)| seen.insert(*doc))
        .map(|(_, row)| row)
        .collect();
    documents.reverse();
    crate::obj!({
        "from": from, "to": to,
        "changes": changes, "documents": documents,
    })
}

impl Renderer<'_> {
    pub(super) fn changes(&mut self) {
        let path = "changes/index.html";
        let view = self.view(path);
        let site = self.site;
        let today = site.today;
        // Meetings by committee, oldest first.
        let mut committees: BTreeMap<String, Vec<(Date, &str, String)>> = BTreeMap::new();
        for d in &site.documents {
            if let Kind::Meeting(m) = &d.kind {
                let name = m
                    .committee
                    .clone()
                    .unwrap_or_else(|| d.common.title.clone());
                committees.entry(name).or_default().push((
                    m.date,
                    d.id.as_str(),
                    d.common.title.clone(),
                ));
            }
        }
        let mut sections = Vec::new();
        for (name, mut meetings) in committees {
            meetings.sort_by_key(|(date, id, _)| (date.first_day(), *id));
            let link = |id: &str, title: &str| crate::obj!({ "href": view.linker.href(&doc_url(id)), "title": title });
            let held: Vec<_> = meetings
                .iter()
                .filter(|(d, _, _)| d.first_day() <= today.first_day())
                .collect();
            let next = meetings
                .iter()
                .find(|(d, _, _)| d.first_day() > today.first_day());
            let mut windows = Vec::new();
            if let Some((last, id, title)) = held.last() {
                let mut w = window(&view, Some(*last), today);
                w["heading"] = json!(match next {
                    Some((d, _, _)) => format!("Before the next meeting on {}", d.long()),
                    None => "Since the last meeting".to_string(),
                });
                w["since"] = link(id, title);
                w["next"] = next.map_or(Value::Null, |(_, id, title)| link(id, title));
                windows.push(w);
            }
            for pair in held.windows(2).rev() {
                let ((prev, pid, ptitle), (date, id, title)) = (pair[0], pair[1]);
                let mut w = window(&view, Some(*prev), *date);
                w["heading"] = json!(format!("Before the meeting on {}", date.long()));
                w["since"] = link(pid, ptitle);
                w["meeting"] = link(id, title);
                windows.push(w);
            }
            sections.push(crate::obj!({ "committee": name, "windows": windows }));
        }
        let since = site.since.map(|d| {
            let mut w = window(&view, Some(d), today);
            w["heading"] = json!(format!("Since {}", d.long()));
            w
        });
        let page = crate::obj!({ "committees": sections, "since": since });
        self.page(path, "changes.html", "What changed", "changes", page);
    }
}
