//! The improvement journey as dated events: inspections (and, apart, the
//! publication of their reports), visits, meetings, papers, plan adoptions,
//! and every change of an action's status. Built from published documents
//! only.

use crate::model::{Date, Document, Kind, Rag};
use std::sync::Arc;

/// What happened. The order here is the order of events on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKind {
    Inspection,
    /// (v2) The day an inspection's report and grades were published, when
    /// it has a first day too.
    ReportPublished,
    Visit,
    /// A review, notice or direction begins.
    Review,
    /// A notice or direction is lifted, or a review's term ends.
    ReviewEnded,
    Meeting,
    Paper,
    PlanAdopted,
    /// An action's first update, or one whose status differs from the one
    /// before.
    StatusChanged,
    /// An update that made an action blue.
    ActionCompleted,
}

impl EventKind {
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Inspection => "inspection",
            EventKind::ReportPublished => "report published",
            EventKind::Visit => "visit",
            EventKind::Review => "review",
            EventKind::ReviewEnded => "review ended",
            EventKind::Meeting => "meeting",
            EventKind::Paper => "paper",
            EventKind::PlanAdopted => "plan adopted",
            EventKind::StatusChanged => "status change",
            EventKind::ActionCompleted => "action completed",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Event {
    pub date: Date,
    pub kind: EventKind,
    /// The document it belongs to.
    pub doc: String,
    /// For action events, the action's id.
    pub action: Option<String>,
    /// For action events, the status before (none for a first update) and after.
    pub from: Option<Rag>,
    pub to: Option<Rag>,
    pub note: Option<String>,
}

impl Event {
    fn of(date: Date, kind: EventKind, doc: &Document) -> Event {
        Event {
            date,
            kind,
            doc: doc.id.clone(),
            action: None,
            from: None,
            to: None,
            note: None,
        }
    }
}

/// Every event, oldest first; on one day in `EventKind` order, then by
/// document id and an action's place in its file.
/// A month-only date sorts as the month's first day.
pub fn events(documents: &[Arc<Document>]) -> Vec<Event> {
    let mut out = Vec::new();
    for doc in documents {
        match &doc.kind {
            Kind::Inspection(i) => {
                if let Some(d) = i.start.or(i.published) {
                    out.push(Event::of(d, EventKind::Inspection, doc));
                }
                if let (Some(_), Some(p)) = (i.start, i.published) {
                    out.push(Event::of(p, EventKind::ReportPublished, doc));
                }
            }
            Kind::Visit(v) => {
                if let Some(d) = v.start.or(v.published) {
                    out.push(Event::of(d, EventKind::Visit, doc));
                }
            }
            Kind::Review(r) => {
                if let Some(d) = r.start {
                    out.push(Event::of(d, EventKind::Review, doc));
                }
                if let Some(d) = r.ended {
                    out.push(Event::of(d, EventKind::ReviewEnded, doc));
                }
            }
            Kind::Meeting(m) => out.push(Event::of(m.date, EventKind::Meeting, doc)),
            Kind::Paper(p) => {
                if let Some(d) = p.date {
                    out.push(Event::of(d, EventKind::Paper, doc));
                }
            }
            Kind::Plan(p) => {
                if let Some(d) = p.adopted {
                    out.push(Event::of(d, EventKind::PlanAdopted, doc));
                }
                for a in &p.actions {
                    let mut before: Option<Rag> = None;
                    for u in &a.updates {
                        if before != Some(u.status) {
                            let kind = if u.status == Rag::Blue {
                                EventKind::ActionCompleted
                            } else {
                                EventKind::StatusChanged
                            };
                            out.push(Event {
                                action: Some(a.id.value.clone()),
                                from: before,
                                to: Some(u.status),
                                note: u.note.clone(),
                                ..Event::of(u.date, kind, doc)
                            });
                        }
                        before = Some(u.status);
                    }
                }
            }
            Kind::Home | Kind::ListIntro | Kind::Page(_) | Kind::Risks(_) | Kind::Indicator(_) => {}
        }
    }
    // Stable: documents come sorted by id, and actions in file order.
    out.sort_by_key(|e| (e.date.first_day(), e.kind));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Loc;
    use crate::model::{Action, At, Common, Plan, Update};

    fn plan(adopted: &str, updates: &[(&str, Rag)]) -> Document {
        let action = Action {
            id: At::new("A1".into(), Loc::FILE),
            priority: At::new("P1".into(), Loc::FILE),
            title: "An action".into(),
            summary: None,
            owner: None,
            due: None,
            revised_due: None,
            addresses: vec![],
            evidence: vec![],
            continues: None,
            updates: updates
                .iter()
                .map(|(d, s)| Update {
                    date: Date::parse(d).unwrap(),
                    status: *s,
                    note: None,
                })
                .collect(),
            tags: vec![],
        };
        Document {
            id: "plans/p".into(),
            file: "plans/p/index.md".into(),
            common: Common::default(),
            body: "".into(),
            body_line: 1,
            links: vec![],
            relative_links: vec![],
            anchors: Default::default(),
            kind: Kind::Plan(Plan {
                owner: None,
                adopted: Some(Date::parse(adopted).unwrap()),
                responds_to: vec![],
                supersedes: None,
                priorities: vec![],
                actions: vec![action],
                actions_file: None,
            }),
        }
    }

    #[test]
    fn only_changes_of_status_are_events_and_blue_is_a_completion() {
        let doc = plan(
            "2020-03",
            &[
                ("2020-06-01", Rag::Amber),
                ("2020-09-01", Rag::Amber),
                ("2020-12-01", Rag::Red),
                ("2021-03-01", Rag::Blue),
            ],
        );
        let kinds: Vec<(String, EventKind)> = events(&[Arc::new(doc)])
            .into_iter()
            .map(|e| (e.date.iso(), e.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("2020-03".into(), EventKind::PlanAdopted),
                ("2020-06-01".into(), EventKind::StatusChanged),
                ("2020-12-01".into(), EventKind::StatusChanged),
                ("2021-03-01".into(), EventKind::ActionCompleted),
            ]
        );
    }

    #[test]
    fn a_month_only_date_sorts_as_the_first_day_of_its_month() {
        let doc = plan("2020-06", &[("2020-06-01", Rag::Green)]);
        let e = events(&[Arc::new(doc)]);
        // Same day: the adoption comes before the status change.
        assert_eq!(e[0].kind, EventKind::PlanAdopted);
        assert_eq!(e[1].kind, EventKind::StatusChanged);
        assert_eq!(e[1].from, None);
        assert_eq!(e[1].to, Some(Rag::Green));
    }
}
