//! Views of plans and their actions.

use super::{ATTENTION, View, date, status};
use crate::charts::{SpreadPart, spread};
use crate::model::{Action, Document, Rag};
use crate::resolve::{ActionRef, ActionStatus, Progress, ResolvedPlan};

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

    /// An action's row as JSON (see [`typed_row`](Self::typed_row)), for
    /// the pages still built as JSON.
    pub fn action_row(&self, plan: &str, a: &Action, s: &ActionStatus) -> Value {
        serde_json::to_value(self.typed_row(plan, a, s)).unwrap_or(Value::Null)
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
        serde_json::to_value(self.typed_evidence(plan, a)).unwrap_or(Value::Null)
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
