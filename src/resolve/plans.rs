//! Plans as the site reads them: each action's derived status, each
//! priority's and the plan's roll-up with its progress, and whether a later
//! plan has superseded it.

use super::chains::ActionRef;
use super::status::{self, Trend};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter};
use crate::load::{Sources, source_text};
use crate::model::{Action, Date, Document, Kind, Plan, Priority, Rag};
use std::collections::BTreeMap;
use std::sync::Arc;

/// How much of something is done: "9 of 25 complete".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub complete: usize,
    pub total: usize,
}

/// A priority's or plan's status, and whether an officer set it by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RollUp {
    pub status: Rag,
    pub manual: bool,
    pub progress: Progress,
}

/// An action's derived status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionStatus {
    pub current: Rag,
    pub trend: Option<Trend>,
    /// Due and not complete, and not carried forward into a later plan.
    pub overdue: bool,
    /// The later plan's action that carries this one forward, once that
    /// plan has taken over.
    pub carried_forward: Option<ActionRef>,
    /// The earlier plan's action this one carries forward.
    pub continues: Option<ActionRef>,
}

/// The plan that replaced this one, and from when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Superseded {
    pub by: String,
    /// The new plan's `adopted`.
    pub on: Date,
}

/// Everything derived from one plan, in the order of its priorities and
/// actions.
#[derive(Debug, Clone)]
pub struct PlanStatus {
    pub overall: RollUp,
    pub priorities: Vec<RollUp>,
    pub actions: Vec<ActionStatus>,
    pub superseded: Option<Superseded>,
}

impl PlanStatus {
    /// Whether the plan is current on `today`: a superseded plan leaves the
    /// dashboard, the status counts and the overdue lists from the day the
    /// new plan was adopted.
    pub fn is_current(&self, today: Date) -> bool {
        self.superseded
            .as_ref()
            .is_none_or(|s| today.first_day() < s.on.first_day())
    }
}

/// A published plan with what is derived from it.
#[derive(Debug, Clone, Copy)]
pub struct ResolvedPlan<'a> {
    pub doc: &'a Document,
    pub plan: &'a Plan,
    pub status: &'a PlanStatus,
}

impl<'a> ResolvedPlan<'a> {
    pub fn id(&self) -> &'a str {
        &self.doc.id
    }

    /// Each action with its status, in file order.
    pub fn actions(&self) -> impl Iterator<Item = (&'a Action, &'a ActionStatus)> + use<'a> {
        self.plan.actions.iter().zip(&self.status.actions)
    }

    /// Each priority with its roll-up, in the order written.
    pub fn priorities(&self) -> impl Iterator<Item = (&'a Priority, &'a RollUp)> + use<'a> {
        self.plan.priorities.iter().zip(&self.status.priorities)
    }

    pub fn action(&self, id: &str) -> Option<(&'a Action, &'a ActionStatus)> {
        self.actions().find(|(a, _)| a.id.value == id)
    }

    pub fn overdue(&self) -> usize {
        self.status.actions.iter().filter(|s| s.overdue).count()
    }
}

/// Blue when every action is blue. Otherwise the worst of the red, amber
/// and green actions, where a grey action that is overdue counts as red (it
/// is due and has not started). When there are none of those: green when
/// at least one action is blue (work is done and the rest is not yet due),
/// else grey. Each item is an action's current status and whether it is
/// overdue.
pub fn roll_up(actions: impl IntoIterator<Item = (Rag, bool)>) -> Rag {
    let (mut any, mut all_blue, mut any_blue) = (false, true, false);
    let mut worst: Option<Rag> = None;
    for (s, overdue) in actions {
        any = true;
        all_blue &= s == Rag::Blue;
        any_blue |= s == Rag::Blue;
        let s = if s == Rag::Grey && overdue {
            Rag::Red
        } else {
            s
        };
        if matches!(s, Rag::Red | Rag::Amber | Rag::Green) {
            worst = Some(worst.map_or(s, |w| w.min(s)));
        }
    }
    match worst {
        _ if any && all_blue => Rag::Blue,
        Some(w) => w,
        None if any_blue => Rag::Green,
        None => Rag::Grey,
    }
}

fn progress<'s>(statuses: impl IntoIterator<Item = &'s ActionStatus>) -> Progress {
    statuses
        .into_iter()
        .fold(Progress::default(), |p, s| Progress {
            complete: p.complete + usize::from(s.current == Rag::Blue),
            total: p.total + 1,
        })
}

fn rolled<'s>(statuses: impl IntoIterator<Item = &'s ActionStatus> + Clone) -> RollUp {
    RollUp {
        status: roll_up(statuses.clone().into_iter().map(|s| (s.current, s.overdue))),
        manual: false,
        progress: progress(statuses),
    }
}

/// The roll-up of the actions that address a recommendation (or anything
/// else), with their progress: none when no action addresses it. An action
/// carried forward into a later plan is left out: its continuation carries
/// the work.
pub fn roll_up_of<'a>(
    actions: impl IntoIterator<Item = &'a ActionStatus> + Clone,
) -> Option<RollUp> {
    let mut live = actions
        .into_iter()
        .filter(|s| s.carried_forward.is_none())
        .peekable();
    live.peek()?;
    let live: Vec<&ActionStatus> = live.collect();
    Some(rolled(live.iter().copied()))
}

/// Works out every plan's statuses. `today` decides what is overdue and
/// whether a later plan has taken over. Keyed by plan id.
pub fn derive(documents: &[Arc<Document>], today: Date) -> BTreeMap<String, PlanStatus> {
    let day = today.first_day();
    // Which plan supersedes which, and which action continues which.
    let mut superseded: BTreeMap<&str, Superseded> = BTreeMap::new();
    let mut continued: BTreeMap<(String, String), ActionRef> = BTreeMap::new();
    for d in documents {
        let Kind::Plan(p) = &d.kind else { continue };
        let (Some(old), Some(on)) = (&p.supersedes, p.adopted) else {
            continue;
        };
        let old = old.value.trim_end_matches('/');
        superseded.insert(
            documents
                .iter()
                .find(|x| x.id == old)
                .map_or(old, |x| x.id.as_str()),
            Superseded {
                by: d.id.clone(),
                on,
            },
        );
        for a in &p.actions {
            if let Some(r) = a
                .continues
                .as_ref()
                .and_then(|c| action_ref(&c.value, &d.id))
            {
                let this = ActionRef {
                    plan: d.id.clone(),
                    action: a.id.value.clone(),
                };
                continued.insert((r.plan, r.action), this);
            }
        }
    }
    let mut out = BTreeMap::new();
    for d in documents {
        let Kind::Plan(p) = &d.kind else { continue };
        let taken_over = superseded
            .get(d.id.as_str())
            .filter(|s| s.on.first_day() <= day)
            .is_some();
        let actions: Vec<ActionStatus> = p
            .actions
            .iter()
            .map(|a| {
                let carried_forward = continued
                    .get(&(d.id.clone(), a.id.value.clone()))
                    .filter(|_| taken_over)
                    .cloned();
                ActionStatus {
                    current: status::current(a),
                    trend: status::trend(a),
                    overdue: status::overdue(a, day) && carried_forward.is_none(),
                    carried_forward,
                    continues: a
                        .continues
                        .as_ref()
                        .and_then(|c| action_ref(&c.value, &d.id)),
                }
            })
            .collect();
        let priorities = p
            .priorities
            .iter()
            .map(|pr| {
                let mine = p
                    .actions
                    .iter()
                    .zip(&actions)
                    .filter(|(a, _)| a.priority.value == pr.id.value)
                    .map(|(_, s)| s);
                let r = rolled(mine);
                match pr.status {
                    Some(s) => RollUp {
                        status: s,
                        manual: true,
                        ..r
                    },
                    None => r,
                }
            })
            .collect();
        out.insert(
            d.id.clone(),
            PlanStatus {
                overall: rolled(actions.iter()),
                priorities,
                actions,
                superseded: superseded.get(d.id.as_str()).cloned(),
            },
        );
    }
    out
}

/// Checks what the content model asks of a refreshed plan: a plan that
/// supersedes another says when it took over, and an action continues only
/// an action of the plan its own plan supersedes.
pub fn check_refresh(documents: &[Arc<Document>], sources: &Sources, diags: &mut Diagnostics) {
    for d in documents {
        let Kind::Plan(p) = &d.kind else { continue };
        let text = source_text(sources, &d.file);
        let old = p
            .supersedes
            .as_ref()
            .map(|s| s.value.trim().trim_end_matches('/'));
        if let Some(s) = &p.supersedes {
            let mut r = FileReporter {
                file: &d.file,
                text,
                diags,
            };
            if old == Some(d.id.as_str()) {
                r.error(
                    Code::CircularReference,
                    s.loc,
                    format!("`{}` supersedes itself", d.id),
                    Some("`supersedes` names the earlier plan this one replaces".into()),
                );
            }
            if p.adopted.is_none() {
                r.error(
                    Code::MissingField,
                    s.loc,
                    "a plan that supersedes another has no `adopted` date",
                    Some("add `adopted: YYYY-MM-DD`: the day this plan took over, from which the old plan leaves the dashboard".into()),
                );
            }
        }
        let file = p.actions_file.as_deref().unwrap_or(&d.file);
        let text = source_text(sources, file);
        let mut r = FileReporter { file, text, diags };
        for a in &p.actions {
            let Some(c) = &a.continues else { continue };
            let Some(target) = action_ref(&c.value, &d.id) else {
                continue; // Reported as a reference that names no action.
            };
            // Anything but an action is reported with the references.
            let is_action = documents.iter().any(|x| {
                x.id == target.plan
                    && matches!(&x.kind, Kind::Plan(q) if q.actions.iter().any(|a| a.id.value == target.action))
            });
            if is_action && Some(target.plan.as_str()) != old {
                let help = match old {
                    Some(o) => format!("name an action of `{o}`, the plan this one supersedes"),
                    None => format!(
                        "add `supersedes: {}` to {}'s index.md, if this plan replaces it",
                        target.plan, d.id
                    ),
                };
                r.error(
                    Code::NotSuperseded,
                    c.loc,
                    format!(
                        "`continues: {}` names an action of `{}`, which this plan does not supersede",
                        c.value, target.plan
                    ),
                    Some(help),
                );
            }
        }
    }
}

/// `plans/x#A1` (or `#A1` in `from`) as a plan and action.
fn action_ref(reference: &str, from: &str) -> Option<ActionRef> {
    let (plan, action) = reference.trim().trim_start_matches('@').split_once('#')?;
    let plan = if plan.is_empty() { from } else { plan };
    Some(ActionRef {
        plan: plan.trim_end_matches('/').to_string(),
        action: action.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rag::*;

    fn on_time(statuses: &[Rag]) -> Vec<(Rag, bool)> {
        statuses.iter().map(|s| (*s, false)).collect()
    }

    #[test]
    fn every_action_blue_is_blue() {
        assert_eq!(roll_up(on_time(&[Blue, Blue])), Blue);
    }

    #[test]
    fn otherwise_the_worst_of_red_amber_and_green() {
        assert_eq!(roll_up(on_time(&[Blue, Green, Amber])), Amber);
        assert_eq!(roll_up(on_time(&[Green, Red, Grey])), Red);
        assert_eq!(roll_up(on_time(&[Green, Blue])), Green);
        assert_eq!(roll_up(on_time(&[Green, Grey])), Green);
    }

    #[test]
    fn a_grey_overdue_action_counts_as_red() {
        assert_eq!(roll_up([(Green, false), (Grey, true)]), Red);
        assert_eq!(roll_up([(Blue, false), (Grey, true)]), Red);
        assert_eq!(roll_up([(Grey, true)]), Red);
        // Overdue does not change a rated action: it is judged by its rating.
        assert_eq!(roll_up([(Amber, true)]), Amber);
    }

    #[test]
    fn blue_and_grey_with_none_overdue_is_green() {
        // Two-thirds done and the rest not yet due: not "not started".
        assert_eq!(roll_up(on_time(&[Blue, Blue, Grey])), Green);
    }

    #[test]
    fn what_addresses_a_recommendation_rolls_up_leaving_out_carried_actions() {
        let s = |c, carried: bool| ActionStatus {
            current: c,
            trend: None,
            overdue: false,
            carried_forward: carried.then(|| ActionRef {
                plan: "plans/new".into(),
                action: "B1".into(),
            }),
            continues: None,
        };
        let none: [ActionStatus; 0] = [];
        assert_eq!(roll_up_of(none.iter()), None);
        let only_carried = [s(Red, true)];
        assert_eq!(roll_up_of(only_carried.iter()), None);
        let mixed = [s(Red, true), s(Blue, false), s(Grey, false)];
        let r = roll_up_of(mixed.iter()).unwrap();
        assert_eq!(
            (r.status, r.progress.complete, r.progress.total),
            (Green, 1, 2)
        );
    }

    #[test]
    fn nothing_rated_and_nothing_done_is_grey() {
        assert_eq!(roll_up(on_time(&[Grey, Grey])), Grey);
        assert_eq!(roll_up([]), Grey);
    }

    #[test]
    fn progress_counts_the_complete() {
        let s = |c| ActionStatus {
            current: c,
            trend: None,
            overdue: false,
            carried_forward: None,
            continues: None,
        };
        let all = [s(Blue), s(Amber), s(Blue), s(Grey)];
        assert_eq!(
            progress(all.iter()),
            Progress {
                complete: 2,
                total: 4
            }
        );
    }
}
