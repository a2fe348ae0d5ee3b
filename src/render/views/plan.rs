//! Views of plans and their actions.

use super::{ATTENTION, View, date, status, trend_word};
use crate::model::{Action, Document, Kind, Rag};
use crate::render::charts::{SpreadPart, spread};
use crate::resolve::{ActionRef, action_url, is_web_address};
use serde_json::{Value, json};

impl View<'_> {
    pub(super) fn plan(&self, doc: &Document, p: &crate::model::Plan) -> Value {
        let id = doc.id.as_str();
        let (overall, priorities) = &self.site.plans[id];
        let statuses = &self.site.actions[id];
        let actions: Vec<Value> = p
            .actions
            .iter()
            .map(|a| self.action_row(id, a, &statuses[&a.id.value]))
            .collect();
        let (counts, chart) = self.spread(doc);
        crate::obj!({
            "owner": &p.owner, "adopted": date(p.adopted),
            "responds_to": self.links(&p.responds_to, id),
            "status": status(self.labels(), overall.status),
            "counts": counts,
            "chart": chart,
            "overdue": statuses.values().filter(|s| s.overdue).count(),
            "priorities": p.priorities.iter().map(|pr| {
                let r = priorities[&pr.id.value];
                crate::obj!({
                    "id": &pr.id.value, "title": &pr.title, "summary": &pr.summary,
                    "status": status(self.labels(), r.status), "manual": r.manual,
                    "actions": actions.iter().filter(|a| a["priority"] == json!(pr.id.value)).cloned().collect::<Vec<_>>(),
                    "referenced_by": self.backlinks(id, Some(&pr.id.value)),
                })
            }).collect::<Vec<_>>(),
            "actions": actions,
        })
    }

    pub fn action_row(
        &self,
        plan: &str,
        a: &crate::model::Action,
        s: &crate::resolve::ActionStatus,
    ) -> Value {
        let last = a.updates.last();
        crate::obj!({
            "id": &a.id.value, "priority": &a.priority.value, "title": &a.title,
            "href": self.linker.href(&action_url(plan, &a.id.value)),
            "owner": &a.owner, "due": date(a.due), "revised_due": date(a.revised_due),
            "status": status(self.labels(), s.current), "trend": trend_word(s.trend), "overdue": s.overdue,
            "last_update": last.map(|u| crate::obj!({ "date": u.date, "note": &u.note })),
        })
    }

    /// The page of one action.
    pub fn action(&self, plan: &Document, a: &crate::model::Action) -> Value {
        let id = plan.id.as_str();
        let Kind::Plan(p) = &plan.kind else {
            return Value::Null;
        };
        let s = &self.site.actions[id][&a.id.value];
        let mut row = self.action_row(id, a, s);
        let priority = p.priorities.iter().find(|x| x.id.value == a.priority.value);
        row["summary"] = json!(a.summary);
        row["plan"] = self.linker.link(id, id);
        row["priority_link"] = crate::obj!({
            "href": self.linker.href(&format!("{id}/index.html#{}", a.priority.value)),
            "title": priority.map_or(a.priority.value.clone(), |p| format!("{} {}", p.id.value, p.title)),
        });
        row["addresses"] = json!(self.links(&a.addresses, id));
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
        let (discussed, other): (Vec<Value>, Vec<Value>) = self
            .backlinks(id, Some(&a.id.value))
            .into_iter()
            .partition(|b| b["relation"] == "discusses");
        row["discussed_in"] = json!(discussed);
        row["referenced_by"] = json!(other);
        row["tags"] = json!(self.tags(&a.tags));
        row["exempt"] = json!(self.exempt_banner(id));
        row["draft"] = json!(self.draft_banner(id));
        row
    }

    /// How many of a plan's actions are at each status, attention first,
    /// in words and as a bar.
    pub fn spread(&self, plan: &Document) -> (Vec<Value>, String) {
        let labels = self.labels();
        let statuses = self.site.actions.get(&plan.id);
        let count =
            |rag: Rag| statuses.map_or(0, |m| m.values().filter(|s| s.current == rag).count());
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

    /// A published plan's action, by ids.
    pub fn find_action(&self, plan: &str, action: &str) -> Option<(&Document, &Action)> {
        let doc = self.site.document(plan)?;
        let Kind::Plan(p) = &doc.kind else {
            return None;
        };
        p.actions
            .iter()
            .find(|a| a.id.value == action)
            .map(|a| (doc, a))
    }

    /// An action where it appears under what it addresses: its status, and
    /// the evidence that it was done.
    pub fn chained_action(&self, r: &ActionRef) -> Option<Value> {
        let (plan, a) = self.find_action(&r.plan, &r.action)?;
        let s = self.site.actions.get(&r.plan)?.get(&r.action)?;
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
