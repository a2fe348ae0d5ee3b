//! The improvement journey as dated events: inspections, visits, meetings,
//! papers, plan adoptions, and every change of an action's status. Built
//! from published documents only.

use crate::model::{Date, Document, Kind, Rag};

/// What happened. The order here is the order of events on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKind {
    Inspection,
    Visit,
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
            EventKind::Visit => "visit",
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
pub fn events(documents: &[Document]) -> Vec<Event> {
    let mut out = Vec::new();
    for doc in documents {
        match &doc.kind {
            Kind::Inspection(i) => {
                if let Some(d) = i.start.or(i.published) {
                    out.push(Event::of(d, EventKind::Inspection, doc));
                }
            }
            Kind::Visit(v) => {
                if let Some(d) = v.start.or(v.published) {
                    out.push(Event::of(d, EventKind::Visit, doc));
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
            _ => {}
        }
    }
    // Stable: documents come sorted by id, and actions in file order.
    out.sort_by_key(|e| (e.date.first_day(), e.kind));
    out
}
