//! `timeline/index.html`: the improvement journey in date order, grouped by
//! year, under a drawn timeline of graded judgements and visits.

use super::pages::Renderer;
use super::views::{StatusWord, View};
use crate::charts::{JourneyMark, journey};
use crate::model::{Date, Inspection, Kind};
use crate::resolve::{Event, EventKind, action_url, doc_url};
use serde::Serialize;
use serde_json::{Value, json};
use std::borrow::Cow;

/// `Requires improvement to be good` → `RI`: a grade short enough to draw.
pub fn grade_initials(grade: &str) -> String {
    const SMALL: [&str; 6] = ["to", "be", "and", "or", "and/or", "of"];
    grade
        .split_whitespace()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .take(2)
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The judgement that stands for an inspection: the overall one, else the
/// first one written (named by its area where shown); null when none.
pub fn headline(view: &View, i: &Inspection) -> Value {
    view.judgements(i).into_iter().next().unwrap_or(Value::Null)
}

/// What the timeline, the changes pages and the dashboard show of one
/// event. Keys a kind of event does not have are left out, not null.
#[derive(Serialize)]
pub struct EventRow<'a> {
    date: Date,
    kind: &'static str,
    href: String,
    title: Cow<'a, str>,
    note: &'a Option<String>,
    #[serde(rename = "type")]
    what: Cow<'a, str>,
    /// An inspection's headline judgement, null when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<Option<Cow<'a, str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<Option<StatusWord<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<Option<StatusWord<'a>>>,
}

/// An event's row as JSON (see [`typed_event_row`]).
pub fn event_row(view: &View, e: &Event) -> Option<Value> {
    typed_event_row(view, e).map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
}

/// What the timeline, the changes pages and the dashboard show of one event.
pub fn typed_event_row<'a>(view: &View<'a>, e: &'a Event) -> Option<EventRow<'a>> {
    let doc = view.site.document(&e.doc)?;
    let labels = &view.site.settings.statuses;
    let mut row = EventRow {
        date: e.date,
        kind: e.kind.name(),
        href: view.linker.href(&doc_url(&doc.id)),
        title: Cow::Borrowed(&doc.common.title),
        note: &e.note,
        what: Cow::Borrowed(""),
        grade: None,
        context: None,
        from: None,
        to: None,
    };
    let some = |s: &'a Option<String>| Some(s.as_deref().map(Cow::Borrowed));
    match (e.kind, &doc.kind) {
        (EventKind::ReportPublished, Kind::Inspection(i)) => {
            row.what = Cow::Borrowed("Report published");
            row.grade = Some(headline(view, i));
        }
        (EventKind::Inspection, Kind::Inspection(i)) => {
            row.what = Cow::Borrowed("Inspection");
            // Grades are public from the report's day: when that has an
            // event of its own, the grade is shown there.
            if i.start.is_none() || i.published.is_none() {
                row.grade = Some(headline(view, i));
            }
        }
        (EventKind::Visit, Kind::Visit(v)) => row.what = Cow::Owned(capitalise(&v.kind)),
        (EventKind::Review, Kind::Review(r)) => {
            row.what = Cow::Owned(capitalise(&r.kind.value));
            row.context = some(&r.by);
        }
        (EventKind::ReviewEnded, Kind::Review(r)) => {
            row.what = Cow::Owned(if r.is_intervention() {
                format!("{} lifted", capitalise(&r.kind.value))
            } else {
                format!("{} ended", capitalise(&r.kind.value))
            });
        }
        (EventKind::Meeting, Kind::Meeting(m)) => {
            row.what = Cow::Borrowed("Meeting");
            row.context = some(&m.committee);
        }
        (EventKind::Paper, Kind::Paper(p)) => {
            row.what = Cow::Owned(capitalise(&p.kind));
            if let Some((m, _)) = doc.id.rsplit_once('/') {
                row.context = Some(
                    view.site
                        .document(m)
                        .map(|m| Cow::Borrowed(m.common.title.as_str())),
                );
            }
        }
        (EventKind::PlanAdopted, Kind::Plan(p)) => {
            row.what = Cow::Borrowed("Plan adopted");
            row.context = Some(Some(Cow::Owned(format!("{} actions", p.actions.len()))));
        }
        (EventKind::StatusChanged | EventKind::ActionCompleted, Kind::Plan(p)) => {
            let id = e.action.as_deref()?;
            let a = p.actions.iter().find(|a| a.id.value == id)?;
            row.what = Cow::Borrowed(if e.kind == EventKind::ActionCompleted {
                "Action completed"
            } else {
                "Status change"
            });
            row.href = view.linker.href(&action_url(&doc.id, id));
            row.title = Cow::Owned(format!("{id} {}", a.title));
            row.context = Some(Some(Cow::Borrowed(&doc.common.title)));
            row.from = Some(e.from.map(|r| StatusWord::new(labels, r)));
            row.to = Some(e.to.map(|r| StatusWord::new(labels, r)));
        }
        // Each event kind comes from its own kind of document (see
        // `resolve::journey`).
        (
            EventKind::Inspection
            | EventKind::ReportPublished
            | EventKind::Visit
            | EventKind::Review
            | EventKind::ReviewEnded
            | EventKind::Meeting
            | EventKind::Paper
            | EventKind::PlanAdopted
            | EventKind::StatusChanged
            | EventKind::ActionCompleted,
            _,
        ) => return None,
    }
    Some(row)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The marks of the drawn timeline: inspections by their overall grade,
/// visits, meetings and plan adoptions by shape.
fn marks(view: &View, events: &[Event]) -> Vec<JourneyMark> {
    let mut out = Vec::new();
    for e in events {
        let Some(doc) = view.site.document(&e.doc) else {
            continue;
        };
        let (kind, rag, short, label) = match (&doc.kind, e.kind) {
            // One mark an inspection, on its first day.
            (Kind::Inspection(i), EventKind::Inspection) => {
                let overall = headline(view, i);
                let what = [i.inspectorate.as_deref(), i.framework.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                let what = if what.is_empty() {
                    "Inspection".to_string()
                } else {
                    what
                };
                match overall.as_object() {
                    Some(j) => {
                        let grade = j["grade"].as_str().unwrap_or_default();
                        let rag = match j["rag"].as_str() {
                            Some("red") => "red",
                            Some("amber") => "amber",
                            Some("green") => "green",
                            Some("blue") => "blue",
                            _ => "grey",
                        };
                        let label = if j["overall"] == json!(true) {
                            format!("{what}: {grade}")
                        } else {
                            format!("{what}: {} {grade}", j["area"].as_str().unwrap_or_default())
                        };
                        ("inspection", Some(rag), grade_initials(grade), label)
                    }
                    None => (
                        "inspection",
                        Some("grey"),
                        "–".into(),
                        format!("{what}: no overall grade"),
                    ),
                }
            }
            (Kind::Visit(v), _) => ("visit", None, String::new(), capitalise(&v.kind)),
            (Kind::Meeting(_), _) => ("meeting", None, String::new(), doc.common.title.clone()),
            (Kind::Plan(_), EventKind::PlanAdopted) => (
                "plan",
                None,
                String::new(),
                format!("{} adopted", doc.common.title),
            ),
            // Status changes are too many to draw; reviews and papers are
            // listed below the drawing.
            // The report's publication is listed, not drawn a second time.
            (Kind::Plan(_) | Kind::Inspection(_), _)
            | (Kind::Review(_) | Kind::Paper(_), _)
            | (Kind::Home | Kind::ListIntro | Kind::Page(_), _)
            | (Kind::Risks(_) | Kind::Indicator(_), _) => continue,
        };
        out.push(JourneyMark {
            date: e.date.first_day(),
            label,
            short,
            rag,
            kind,
        });
    }
    out
}

/// How many milestones a year lists on the overview; the rest are on the
/// year's own page.
const MILESTONES_PER_YEAR: usize = 100;

/// Whether an event is a milestone of the journey, shown on the overview:
/// status changes and papers are on the year pages only.
fn is_milestone(kind: EventKind) -> bool {
    !matches!(
        kind,
        EventKind::StatusChanged | EventKind::ActionCompleted | EventKind::Paper
    )
}

fn is_status(kind: EventKind) -> bool {
    matches!(kind, EventKind::StatusChanged | EventKind::ActionCompleted)
}

/// `timeline/2022/index.html`.
fn year_url(year: i32) -> String {
    format!("timeline/{year}/index.html")
}

/// `m2022-04`: a month's anchor on its year page.
fn month_anchor(date: &crate::model::Date) -> String {
    format!("m{}", &date.first_day().format("%Y-%m"))
}

/// One month of a year page (see [`month`]).
#[derive(Serialize)]
struct Month<'a> {
    anchor: Option<String>,
    title: Option<String>,
    entries: Vec<EventRow<'a>>,
    plans: Vec<PlanChanges<'a>>,
    changes: usize,
}

/// A plan's status changes in one month, each action once.
#[derive(Serialize)]
struct PlanChanges<'a> {
    link: PlainLink<'a>,
    actions: Vec<ActionChanges<'a>>,
}

/// An action and its changes in one month.
#[derive(Serialize)]
struct ActionChanges<'a> {
    link: PlainLink<'a>,
    changes: Vec<Change<'a>>,
}

#[derive(Serialize)]
struct PlainLink<'a> {
    href: String,
    title: Option<Cow<'a, str>>,
}

/// One status change of an action.
#[derive(Serialize)]
struct Change<'a> {
    date: Date,
    #[serde(rename = "type")]
    what: Cow<'a, str>,
    from: Option<StatusWord<'a>>,
    to: Option<StatusWord<'a>>,
    note: &'a Option<String>,
}

/// A year page (`page` in `timeline-year.html`).
#[derive(Serialize)]
struct YearPage<'a> {
    year: i32,
    months: Vec<Month<'a>>,
    overview: String,
    previous: Value,
    next: Value,
}

/// One month of a year page: its milestones and papers in date order, then
/// its status changes by plan, each action once with its changes in order.
/// A month-only date sorts as the month's first day, so it comes first.
fn month<'a>(view: &View<'a>, events: &[&'a Event]) -> Month<'a> {
    let mut entries = Vec::new();
    let mut plans: Vec<(&str, PlanChanges<'a>, Vec<&str>)> = Vec::new();
    for e in events {
        let Some(row) = typed_event_row(view, e) else {
            continue;
        };
        if !is_status(e.kind) {
            entries.push(row);
            continue;
        }
        let plan_at = match plans.iter().position(|(id, _, _)| *id == e.doc) {
            Some(i) => i,
            None => {
                let title = view
                    .site
                    .document(&e.doc)
                    .map(|d| Cow::Borrowed(d.common.title.as_str()));
                let link = PlainLink {
                    href: view.linker.href(&doc_url(&e.doc)),
                    title,
                };
                let changes = PlanChanges {
                    link,
                    actions: Vec::new(),
                };
                plans.push((e.doc.as_str(), changes, Vec::new()));
                plans.len() - 1
            }
        };
        let (_, plan, ids) = &mut plans[plan_at];
        let id = e.action.as_deref().unwrap_or_default();
        let EventRow {
            date,
            href,
            title,
            note,
            what,
            from,
            to,
            ..
        } = row;
        let change = Change {
            date,
            what,
            from: from.flatten(),
            to: to.flatten(),
            note,
        };
        match ids.iter().position(|a| *a == id) {
            Some(i) => plan.actions[i].changes.push(change),
            None => {
                ids.push(id);
                plan.actions.push(ActionChanges {
                    link: PlainLink {
                        href,
                        title: Some(title),
                    },
                    changes: vec![change],
                });
            }
        }
    }
    let changes: usize = plans
        .iter()
        .flat_map(|(_, p, _)| p.actions.iter().map(|a| a.changes.len()))
        .sum();
    let first = events.first().map(|e| e.date);
    Month {
        anchor: first.as_ref().map(month_anchor),
        title: first.map(|d| d.month_year()),
        entries,
        plans: plans.into_iter().map(|(_, p, _)| p).collect(),
        changes,
    }
}

impl<'a> Renderer<'a> {
    /// The overview (`timeline/index.html`): the drawn journey, each year's
    /// milestones and its status changes counted per month; and one page
    /// per year with everything in it, month by month.
    pub(super) fn timeline(&mut self) {
        let path = "timeline/index.html";
        let site = self.site;
        let events = &site.events;
        // Events are in date order: split them by year, then by month.
        let mut by_year: Vec<(i32, Vec<&Event>)> = Vec::new();
        for e in events {
            match by_year.last_mut() {
                Some((y, list)) if *y == e.date.year() => list.push(e),
                _ => by_year.push((e.date.year(), vec![e])),
            }
        }
        for i in 0..by_year.len() {
            self.timeline_year(&by_year, i);
        }
        let view = self.view(path);
        let mut years: Vec<Value> = Vec::new();
        for (year, list) in &by_year {
            let milestones: Vec<Value> = list
                .iter()
                .filter(|e| is_milestone(e.kind))
                .filter_map(|e| event_row(&view, e))
                .collect();
            let mut months: Vec<Value> = Vec::new();
            let mut last: Option<(u32, usize, usize)> = None;
            let mut flush = |m: Option<(u32, usize, usize)>| {
                if let Some((month, n, done)) = m {
                    let d = chrono::NaiveDate::from_ymd_opt(*year, month, 1);
                    let date = d.map(crate::model::Date::day);
                    months.push(crate::obj!({
                        "title": date.map(|d| d.month_year()),
                        "href": format!("{}#{}", view.linker.href(&year_url(*year)), date.as_ref().map(month_anchor).unwrap_or_default()),
                        "count": n, "completed": done,
                    }));
                }
            };
            for e in list.iter().filter(|e| is_status(e.kind)) {
                let m = chrono::Datelike::month(&e.date.first_day());
                let done = usize::from(e.kind == EventKind::ActionCompleted);
                match &mut last {
                    Some((lm, n, d)) if *lm == m => {
                        *n += 1;
                        *d += done;
                    }
                    _ => {
                        flush(last.take());
                        last = Some((m, 1, done));
                    }
                }
            }
            flush(last);
            let changes: usize = list.iter().filter(|e| is_status(e.kind)).count();
            let shown = milestones.len().min(MILESTONES_PER_YEAR);
            years.push(crate::obj!({
                "year": year,
                "href": view.linker.href(&year_url(*year)),
                "milestones": &milestones[..shown],
                "more": milestones.len() - shown,
                "months": months,
                "changes": changes,
                "count": list.len(),
            }));
        }
        let chart = journey("journey", "The improvement journey", &marks(&view, events));
        let page = crate::obj!({ "years": years, "chart": chart, "count": events.len() });
        self.page(path, "timeline.html", "Timeline", "timeline", page);
    }

    /// `timeline/<year>/index.html`: everything in one year, month by month.
    fn timeline_year(&mut self, by_year: &[(i32, Vec<&'a Event>)], i: usize) {
        let (year, list) = &by_year[i];
        let path = year_url(*year);
        let view = self.view(&path);
        let mut months: Vec<Month> = Vec::new();
        let mut start = 0;
        for end in 1..=list.len() {
            let same = end < list.len()
                && list[end].date.first_day().format("%m").to_string()
                    == list[start].date.first_day().format("%m").to_string();
            if !same {
                months.push(month(&view, &list[start..end]));
                start = end;
            }
        }
        let near = |j: Option<usize>| {
            j.and_then(|j| by_year.get(j)).map_or(
                Value::Null,
                |(y, _)| crate::obj!({ "year": y, "href": view.linker.href(&year_url(*y)) }),
            )
        };
        let page = YearPage {
            year: *year,
            months,
            overview: view.linker.href("timeline/index.html"),
            previous: near(i.checked_sub(1)),
            next: near(Some(i + 1)),
        };
        self.typed_page(
            &path,
            "timeline-year.html",
            &format!("Timeline: {year}"),
            "timeline",
            &page,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::grade_initials;

    #[test]
    fn grades_shorten_to_initials() {
        assert_eq!(grade_initials("Requires improvement to be good"), "RI");
        assert_eq!(grade_initials("Inadequate"), "I");
        assert_eq!(grade_initials("Widespread and/or systemic failings"), "WS");
    }
}
