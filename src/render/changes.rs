//! `changes/index.html`: what moved between meetings, so members see what
//! changed since their committee last met; and, with `build --since`, since
//! any date.

use super::pages::Renderer;
use super::timeline::{EventRow, typed_event_row};
use super::views::View;
use crate::model::{Date, Kind};
use crate::resolve::{EventKind, doc_url};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// What happened in a window between two dates, and how it is headed.
#[derive(Serialize)]
struct Window<'a> {
    from: Option<Date>,
    to: Date,
    changes: Vec<EventRow<'a>>,
    documents: Vec<EventRow<'a>>,
    heading: String,
    /// The meeting the window starts from (none for `--since`).
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<Value>,
    /// The window after the last meeting: the next one, null if none.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<Value>,
    /// A window between meetings: the meeting it ends at.
    #[serde(skip_serializing_if = "Option::is_none")]
    meeting: Option<Value>,
}

/// A window's own page (`page` in `changes-window.html`).
#[derive(Serialize)]
struct WindowPage<'a, 'c> {
    committee: &'c str,
    window: Window<'a>,
    overview: String,
}

/// What happened after `from` (exclusive) up to `to` (inclusive).
fn window<'a>(view: &View<'a>, from: Option<Date>, to: Date, heading: String) -> Window<'a> {
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
        let Some(row) = typed_event_row(view, e) else {
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
    let mut documents: Vec<EventRow> = documents
        .into_iter()
        .rev()
        .filter(|(doc, _)| seen.insert(*doc))
        .map(|(_, row)| row)
        .collect();
    documents.reverse();
    Window {
        from,
        to,
        changes,
        documents,
        heading,
        since: None,
        next: None,
        meeting: None,
    }
}

/// `changes/2022-11-16-cypssc/index.html`: the page of the window that
/// ends at a meeting (`meetings/2022-11-16-cypssc`).
fn window_url(meeting: &str) -> String {
    let slug = meeting.strip_prefix("meetings/").unwrap_or(meeting);
    format!("changes/{slug}/index.html")
}

/// How a window is listed on the overview: its heading, a link to its own
/// page, and how much moved in it.
fn summary(view: &View, w: &Window, url: &str) -> Value {
    crate::obj!({
        "heading": &w.heading, "href": view.linker.href(url),
        "changes": w.changes.len(), "documents": w.documents.len(),
        "from": w.from, "to": w.to,
    })
}

/// The overview's list of windows, newest first, with each run of empty
/// windows collapsed into one line.
fn collapse(rows: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for row in rows {
        let empty = row["changes"] == json!(0) && row["documents"] == json!(0);
        match out.last_mut() {
            Some(last) if empty && last["empty"] == json!(true) => {
                last["from"] = row["from"].clone();
                last["meetings"] = json!(last["meetings"].as_u64().unwrap_or(1) + 1);
            }
            _ => {
                let mut row = row;
                if empty {
                    row["empty"] = json!(true);
                    row["meetings"] = json!(1);
                }
                out.push(row);
            }
        }
    }
    out
}

impl<'a> Renderer<'a> {
    /// `changes/index.html` lists, for each committee, the windows between
    /// its meetings, each with its own page; and the `--since` window.
    pub(super) fn changes(&mut self) {
        let path = "changes/index.html";
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
        let view = self.view(path);
        for (name, mut meetings) in committees {
            meetings.sort_by_key(|(date, id, _)| (date.first_day(), *id));
            // Links are written from a window's page, one folder down.
            let page_view = self.view("changes/x/index.html");
            let link = |id: &str, title: &str| crate::obj!({ "href": page_view.linker.href(&doc_url(id)), "title": title });
            let held: Vec<_> = meetings
                .iter()
                .filter(|(d, _, _)| d.first_day() <= today.first_day())
                .collect();
            let next = meetings
                .iter()
                .find(|(d, _, _)| d.first_day() > today.first_day());
            let mut rows = Vec::new();
            if let Some((last, id, title)) = held.last() {
                let heading = match next {
                    Some((d, _, _)) => format!("Before the next meeting on {}", d.long()),
                    None => "Since the last meeting".to_string(),
                };
                let mut w = window(&page_view, Some(*last), today, heading);
                w.since = Some(link(id, title));
                w.next = Some(next.map_or(Value::Null, |(_, id, title)| link(id, title)));
                // The window before the next meeting is that meeting's; with
                // none planned, it is named after the last one.
                let url = match next {
                    Some((_, nid, _)) => window_url(nid),
                    None => window_url(&format!("{id}-since")),
                };
                rows.push(summary(&view, &w, &url));
                self.window_page(&url, &name, w);
            }
            for pair in held.windows(2).rev() {
                let ((prev, pid, ptitle), (date, id, title)) = (pair[0], pair[1]);
                let heading = format!("Before the meeting on {}", date.long());
                let mut w = window(&page_view, Some(*prev), *date, heading);
                w.since = Some(link(pid, ptitle));
                w.meeting = Some(link(id, title));
                let url = window_url(id);
                let row = summary(&view, &w, &url);
                if row["changes"] != json!(0) || row["documents"] != json!(0) {
                    self.window_page(&url, &name, w);
                }
                rows.push(row);
            }
            sections.push(crate::obj!({ "committee": name, "windows": collapse(rows) }));
        }
        let since = site.since.map(|d| {
            let url = format!("changes/since-{}/index.html", d.iso());
            let heading = format!("Since {}", d.long());
            let w = window(&self.view(&url), Some(d), today, heading);
            let row = summary(&view, &w, &url);
            self.window_page(&url, "", w);
            row
        });
        let page = crate::obj!({ "committees": sections, "since": since });
        self.page(path, "changes.html", "What changed", "changes", page);
    }

    /// A window's own page, rendered as soon as its window is worked out,
    /// so the build never holds every window at once.
    fn window_page(&mut self, url: &str, committee: &str, w: Window) {
        let heading = &w.heading;
        let title = if committee.is_empty() {
            format!("What changed: {heading}")
        } else {
            format!("What changed for {committee}: {heading}")
        };
        let page = WindowPage {
            committee,
            overview: self.view(url).linker.href("changes/index.html"),
            window: w,
        };
        self.typed_page(url, "changes-window.html", &title, "changes", &page);
    }
}
