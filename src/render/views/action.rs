//! An action's data as typed structs that borrow from the resolved site:
//! its row (in a plan, a chain, the dashboard) and its own page. Tera
//! serialises them straight into its values (see `page.rs`).

use super::View;
use super::mentions::Mention;
use super::page::TagLink;
use crate::model::{Action, Date, Document, Rag, StatusLabels};
use crate::render::links::Link;
use crate::resolve::{ActionRef, ActionStatus, Trend, action_url};
use serde::Serialize;
use std::borrow::Cow;

/// A status as a template shows it: `{ rag, label }`.
#[derive(Serialize)]
pub struct StatusWord<'a> {
    pub rag: &'static str,
    pub label: &'a str,
}

impl<'a> StatusWord<'a> {
    pub fn new(labels: &'a StatusLabels, rag: Rag) -> Self {
        StatusWord {
            rag: rag.name(),
            label: labels.label(rag),
        }
    }
}

#[derive(Serialize)]
pub struct TrendWord {
    pub name: &'static str,
    pub label: &'static str,
}

/// The action an action was carried forward to, or continues.
#[derive(Serialize)]
pub struct OtherAction<'a> {
    pub href: String,
    pub title: String,
    pub plan: Option<&'a str>,
}

#[derive(Serialize)]
pub struct LastUpdate<'a> {
    pub date: Date,
    pub note: &'a Option<String>,
}

/// An action's row: its status, trend, dates and what it answers.
#[derive(Serialize)]
pub struct ActionRow<'a> {
    pub id: &'a str,
    pub priority: &'a str,
    pub title: &'a str,
    pub href: String,
    pub owner: Option<&'a str>,
    pub due: Option<Date>,
    pub revised_due: Option<Date>,
    pub status: StatusWord<'a>,
    pub trend: Option<TrendWord>,
    pub overdue: bool,
    pub carried_forward: Option<OtherAction<'a>>,
    pub continues: Option<OtherAction<'a>>,
    pub last_update: Option<LastUpdate<'a>>,
    /// What it answers, by what a member calls it.
    pub addresses: Vec<Link<'a>>,
}

#[derive(Serialize)]
pub struct PriorityLink {
    pub href: String,
    pub title: String,
}

#[derive(Serialize)]
pub struct UpdateRow<'a> {
    pub date: Date,
    pub status: StatusWord<'a>,
    pub note: &'a Option<String>,
}

/// The page of one action: its row and the rest of what it records.
#[derive(Serialize)]
pub struct ActionPage<'a> {
    #[serde(flatten)]
    pub row: ActionRow<'a>,
    pub summary: &'a Option<String>,
    pub plan: Link<'a>,
    pub priority_link: PriorityLink,
    pub evidence: Vec<Link<'a>>,
    pub updates: Vec<UpdateRow<'a>>,
    pub discussed_in: Vec<Mention<'a>>,
    pub referenced_by: Vec<Mention<'a>>,
    pub tags: Vec<TagLink<'a>>,
    pub exempt: Option<&'a str>,
    pub draft: bool,
}

fn trend(t: Option<Trend>) -> Option<TrendWord> {
    t.map(|t| TrendWord {
        name: t.name(),
        label: t.label(),
    })
}

impl<'a> View<'a> {
    pub fn typed_row<'b>(&self, plan: &str, a: &'b Action, s: &'b ActionStatus) -> ActionRow<'b>
    where
        'a: 'b,
    {
        let other = |r: &ActionRef| OtherAction {
            href: self.linker.href(&action_url(&r.plan, &r.action)),
            title: self
                .site
                .plan(&r.plan)
                .and_then(|p| p.action(&r.action))
                .map_or_else(
                    || format!("{}#{}", r.plan, r.action),
                    |(x, _)| format!("{} {}", x.id.value, x.title),
                ),
            plan: self.site.document(&r.plan).map(|d| d.common.title.as_str()),
        };
        ActionRow {
            id: &a.id.value,
            priority: &a.priority.value,
            title: &a.title,
            href: self.linker.href(&action_url(plan, &a.id.value)),
            owner: a.owner.as_deref(),
            due: a.due,
            revised_due: a.revised_due,
            status: StatusWord::new(self.labels(), s.current),
            trend: trend(s.trend),
            overdue: s.overdue,
            carried_forward: s.carried_forward.as_ref().map(other),
            continues: s.continues.as_ref().map(other),
            last_update: a.updates.last().map(|u| LastUpdate {
                date: u.date,
                note: &u.note,
            }),
            addresses: self.links(&a.addresses, plan),
        }
    }

    /// The page of one action; none if the plan or action is not resolved.
    pub fn action(&self, plan: &'a Document, a: &'a Action) -> Option<ActionPage<'a>> {
        let id = plan.id.as_str();
        let rp = self.site.resolved(plan)?;
        let (_, s) = rp.action(&a.id.value)?;
        let priority = rp
            .plan
            .priorities
            .iter()
            .find(|x| x.id.value == a.priority.value);
        let aid = Some(a.id.value.as_str());
        Some(ActionPage {
            row: self.typed_row(id, a, s),
            summary: &a.summary,
            plan: self.linker.link_to(id, id),
            priority_link: PriorityLink {
                href: self
                    .linker
                    .href(&format!("{id}/index.html#{}", a.priority.value)),
                title: priority.map_or(a.priority.value.clone(), |p| {
                    format!("{} {}", p.id.value, p.title)
                }),
            },
            evidence: self.typed_evidence(id, a),
            updates: a
                .updates
                .iter()
                .rev()
                .map(|u| UpdateRow {
                    date: u.date,
                    status: StatusWord::new(self.labels(), u.status),
                    note: &u.note,
                })
                .collect(),
            discussed_in: self.backlinks_where(id, aid, |b| b.relation == "discusses"),
            referenced_by: self.backlinks_where(id, aid, |b| b.relation != "discusses"),
            tags: self.tags(&a.tags),
            exempt: self.exempt_banner(id),
            draft: self.draft_banner(id),
        })
    }

    /// What an action cites as evidence: web addresses as they are,
    /// documents and items as links.
    pub(super) fn typed_evidence<'b>(&self, plan: &str, a: &'b Action) -> Vec<Link<'b>>
    where
        'a: 'b,
    {
        a.evidence
            .iter()
            .map(|e| {
                if crate::resolve::is_web_address(&e.value) {
                    let web = e.value.trim();
                    Link::plain(Some(Cow::Borrowed(web)), Cow::Borrowed(web), "web")
                } else {
                    self.linker.link_to(e.value.trim_start_matches('@'), plan)
                }
            })
            .collect()
    }
}
