//! `timeline/index.html`: the improvement journey in date order, grouped by
//! year, under a drawn timeline of graded judgements and visits.

use super::pages::Renderer;
use super::views::{View, status};
use crate::charts::{JourneyMark, journey};
use crate::model::{Inspection, Kind};
use crate::resolve::{Event, EventKind, action_url, doc_url};
use serde_json::{Value, json};

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

/// What the timeline and the dashboard show of one event.
pub fn event_row(view: &View, e: &Event) -> Option<Value> {
    let doc = view.site.document(&e.doc)?;
    let labels = &view.site.settings.statuses;
    let mut row = crate::obj!({
        "date": e.date,
        "kind": e.kind.name(),
        "href": view.linker.href(&doc_url(&doc.id)),
        "title": &doc.common.title,
        "note": &e.note,
    });
    match (e.kind, &doc.kind) {
        (EventKind::ReportPublished, Kind::Inspection(i)) => {
            row["type"] = json!("Report published");
            row["grade"] = headline(view, i);
        }
        (EventKind::Inspection, Kind::Inspection(i)) => {
            row["type"] = json!("Inspection");
            // Grades are public from the report's day: when that has an
            // event of its own, the grade is shown there.
            if i.start.is_none() || i.published.is_none() {
                row["grade"] = headline(view, i);
            }
        }
        (EventKind::Visit, Kind::Visit(v)) => row["type"] = json!(capitalise(&v.kind)),
        (EventKind::Review, Kind::Review(r)) => {
            row["type"] = json!(capitalise(&r.kind.value));
            row["context"] = json!(r.by);
        }
        (EventKind::ReviewEnded, Kind::Review(r)) => {
            row["type"] = json!(if r.is_intervention() {
                format!("{} lifted", capitalise(&r.kind.value))
            } else {
                format!("{} ended", capitalise(&r.kind.value))
            });
        }
        (EventKind::Meeting, Kind::Meeting(m)) => {
            row["type"] = json!("Meeting");
            row["context"] = json!(m.committee);
        }
        (EventKind::Paper, Kind::Paper(p)) => {
            row["type"] = json!(capitalise(&p.kind));
            if let Some((m, _)) = doc.id.rsplit_once('/') {
                row["context"] = json!(view.site.document(m).map(|m| &m.common.title));
            }
        }
        (EventKind::PlanAdopted, Kind::Plan(p)) => {
            row["type"] = json!("Plan adopted");
            row["context"] = json!(format!("{} actions", p.actions.len()));
        }
        (EventKind::StatusChanged | EventKind::ActionCompleted, Kind::Plan(p)) => {
            let id = e.action.as_deref()?;
            let a = p.actions.iter().find(|a| a.id.value == id)?;
            row["type"] = json!(if e.kind == EventKind::ActionCompleted {
                "Action completed"
            } else {
                "Status change"
            });
            row["href"] = json!(view.linker.href(&action_url(&doc.id, id)));
            row["title"] = json!(format!("{id} {}", a.title));
            row["context"] = json!(doc.common.title);
            row["from"] = e.from.map_or(Value::Null, |r| status(labels, r));
            row["to"] = e.to.map_or(Value::Null, |r| status(labels, r));
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

impl Renderer<'_> {
    pub(super) fn timeline(&mut self) {
        let path = "timeline/index.html";
        let view = self.view(path);
        let events = &self.site.events;
        let mut years: Vec<Value> = Vec::new();
        let mut current: Option<(i32, Vec<Value>)> = None;
        for e in events {
            let Some(row) = event_row(&view, e) else {
                continue;
            };
            let y = e.date.year();
            match &mut current {
                Some((year, rows)) if *year == y => rows.push(row),
                _ => {
                    if let Some((year, rows)) = current.take() {
                        years.push(crate::obj!({ "year": year, "events": rows }));
                    }
                    current = Some((y, vec![row]));
                }
            }
        }
        if let Some((year, rows)) = current {
            years.push(crate::obj!({ "year": year, "events": rows }));
        }
        let chart = journey("journey", "The improvement journey", &marks(&view, events));
        let page = crate::obj!({ "years": years, "chart": chart, "count": events.len() });
        self.page(path, "timeline.html", "Timeline", "timeline", page);
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
