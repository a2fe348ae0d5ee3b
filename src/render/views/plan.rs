//! Views of plans and their actions.

use super::{ATTENTION, View, date, status, trend_word};
use crate::charts::{SpreadPart, spread};
use crate::model::{Action, Document, Rag};
use crate::resolve::{ActionRef, ActionStatus, Progress, ResolvedPlan, action_url, is_web_address};

/// "9 of 25 complete", with its parts for templates.
pub fn progress(p: Progress) -> Value {
    crate::obj!({
        "complete": p.complete, "total": p.total,
        "text": format!("{} of {} complete", p.complete, p.total),
    })
}
use serde_json::{Value, json};

impl View<'_> {
    pub(super) fn plan(&self, doc: &Document) -> Value {
        let Some(rp) = self.site.resolved(doc) else {
            return Value::Null;
        };
        let (id, p) = (rp.id(), rp.plan);
        let actions: Vec<Value> = rp
            .actions()
            .map(|(a, s)| self.action_row(id, a, s))
            .collect();
        let (counts, chart) = self.spread(rp);
        let overall = rp.status.overall;
        crate::obj!({
            "owner": &p.owner, "adopted": date(p.adopted),
            "responds_to": self.links(&p.responds_to, id),
            "supersedes": p.supersedes.as_ref().map(|s| self.linker.link(&s.value, id)),
            "superseded": rp.status.superseded.as_ref().map(|s| crate::obj!({
                "by": self.linker.link(&s.by, id), "on": s.on,
                "taken_over": !rp.status.is_current(self.site.today),
            })),
            "status": status(self.labels(), overall.status),
            "progress": progress(overall.progress),
            "counts": counts,
            "chart": chart,
            "overdue": rp.overdue(),
            "priorities": rp.priorities().map(|(pr, r)| {
                crate::obj!({
                    "id": &pr.id.value, "title": &pr.title, "summary": &pr.summary,
                    "status": status(self.labels(), r.status), "manual": r.manual,
                    "progress": progress(r.progress),
                    "actions": actions.iter().filter(|a| a["priority"] == json!(pr.id.value)).cloned().collect::<Vec<_>>(),
                    "referenced_by": self.backlinks(id, Some(&pr.id.value)),
                })
            }).collect::<Vec<_>>(),
            "actions": actions,
        })
    }

    pub fn action_row(&self, plan: &str, a: &Action, s: &ActionStatus) -> Value {
        let last = a.updates.last();
        let other = |r: &ActionRef| {
            crate::obj!({
                "href": self.linker.href(&action_url(&r.plan, &r.action)),
                "title": self.site.plan(&r.plan).and_then(|p| p.action(&r.action))
                    .map_or_else(|| format!("{}#{}", r.plan, r.action),
                        |(x, _)| format!("{} {}", x.id.value, x.title)),
                "plan": self.site.document(&r.plan).map(|d| &d.common.title),
            })
        };
        crate::obj!({
            "id": &a.id.value, "priority": &a.priority.value, "title": &a.title,
            "href": self.linker.href(&action_url(plan, &a.id.value)),
            "owner": &a.owner, "due": date(a.due), "revised_due": date(a.revised_due),
            "status": status(self.labels(), s.current), "trend": trend_word(s.trend), "overdue": s.overdue,
            "carried_forward": s.carried_forward.as_ref().map(other),
            "continues": s.continues.as_ref().map(other),
            "last_update": last.map(|u| crate::obj!({ "date": u.date, "note": &u.note })),
            // What it answers, by what a member calls it.
            "addresses": self.links(&a.addresses, plan),
        })
    }

    /// The page of one action.
    pub fn action(&self, plan: &Document, a: &Action) -> Value {
        let id = plan.id.as_str();
        let Some(rp) = self.site.resolved(plan) else {
            return Value::Null;
        };
        let p = rp.plan;
        let Some((_, s)) = rp.action(&a.id.value) else {
            return Value::Null;
        };
        let mut row = self.action_row(id, a, s);
        let priority = p.priorities.iter().find(|x| x.id.value == a.priority.value);
        row["summary"] = json!(a.summary);
        row["plan"] = self.linker.link(id, id);
        row["priority_link"] = crate::obj!({
            "href": self.linker.href(&format!("{id}/index.html#{}", a.priority.value)),
            "title": priority.map_or(a.priority.value.clone(), |p| format!("{} {}", p.id.value, p.title)),
        });
        row["evidence"] = self.evidence(id, a);
        row["updates"] = json!(
            a.updates
                .iter()
                .rev()
                .map(|u| crate::obj!({
                    "date": u.date, "status": status(self.labels(), u.status), "note": &u.note,
                }))
                .collect::<Vec<_>>()
        );
        let aid = Some(a.id.value.as_str());
        row["discussed_in"] = json!(self.backlinks_where(id, aid, |b| b.relation == "discusses"));
        row["referenced_by"] = json!(self.backlinks_where(id, aid, |b| b.relation != "discusses"));
        row["tags"] = json!(self.tags(&a.tags));
        row["exempt"] = json!(self.exempt_banner(id));
        row["draft"] = json!(self.draft_banner(id));
        row
    }

    /// How many of a plan's actions are at each status, attention first,
    /// in words and as a bar.
    pub fn spread(&self, rp: ResolvedPlan) -> (Vec<Value>, String) {
        let labels = self.labels();
        let plan = rp.doc;
        let count = |rag: Rag| rp.actions().filter(|(_, s)| s.current == rag).count();
        let counts = ATTENTION
            .iter()
            .map(|r| crate::obj!({ "status": status(labels, *r), "count": count(*r) }))
            .collect();
        let parts: Vec<SpreadPart> = ATTENTION
            .iter()
            .map(|r| SpreadPart {
                rag: r.name(),
                label: labels.label(*r).to_string(),
                count: count(*r),
            })
            .collect();
        let chart = spread(
            &format!("spread-{}", plan.id.replace('/', "-")),
            &format!("{}: actions by status", plan.common.title),
            &parts,
        );
        (counts, chart)
    }

    fn evidence(&self, plan: &str, a: &Action) -> Value {
        json!(a.evidence.iter().map(|e| {
            if is_web_address(&e.value) {
                crate::obj!({ "href": e.value.trim(), "title": e.value.trim(), "kind": "web", "hidden": null })
            } else {
                self.linker.link(e.value.trim_start_matches('@'), plan)
            }
        }).collect::<Vec<_>>())
    }

    /// An action where it appears under what it addresses: its status, and
    /// the evidence that it was done.
    pub fn chained_action(&self, r: &ActionRef) -> Option<Value> {
        let rp = self.site.plan(&r.plan)?;
        let (a, s) = rp.action(&r.action)?;
        let plan = rp.doc;
        let mut row = self.action_row(&plan.id, a, s);
        row["plan"] = json!(plan.common.title);
        row["evidence"] = self.evidence(&plan.id, a);
        Some(row)
    }

    /// The actions addressing `doc`, or its item.
    pub fn addressed_by(&self, doc: &str, item: Option<&str>) -> Vec<Value> {
        self.site
            .chains
            .addressing(doc, item)
            .iter()
            .filter_map(|r| self.chained_action(r))
            .collect()
    }
}
