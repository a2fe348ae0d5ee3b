//! Improvement plans (`plans/<plan>/index.md`) and their actions (`actions.yaml`).

use super::common::{read_item_id, valid_item_id};
use super::fields::{Fields, parse_rag};
use super::yaml::{Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::FileReporter;
use crate::model::shapes;
use crate::model::{Action, At, Plan, Priority, StatusLabels, Update, unwritable};

pub fn read_plan(r: &mut FileReporter, f: &mut Fields, labels: &StatusLabels) -> Plan {
    let mut priorities = Vec::new();
    for node in f.list("priorities") {
        let Some(mut p) = Fields::of(r, node, &shapes::PRIORITY, "a priority") else {
            continue;
        };
        let id = read_item_id(r, &mut p, "a priority");
        let title = p.required(r, "title", "a priority");
        let summary = p.string(r, "summary");
        let status = p.rag(r, "status", labels);
        p.finish(r, "a priority");
        if let (Some(id), Some(title)) = (id, title) {
            priorities.push(Priority {
                id,
                title: title.value,
                summary,
                status,
            });
        }
    }
    Plan {
        owner: f.string(r, "owner"),
        adopted: f.date(r, "adopted"),
        responds_to: f.references(r, "responds_to"),
        supersedes: f.references(r, "supersedes").into_iter().next(),
        priorities,
        actions: Vec::new(),
        actions_file: None,
    }
}

/// `actions.yaml`: a list of actions.
pub fn read_actions(r: &mut FileReporter, root: &Node, labels: &StatusLabels) -> Vec<Action> {
    let items = match &root.value {
        Value::Seq(items) => items,
        Value::Null => return Vec::new(),
        _ => {
            r.error(
                Code::WrongShape,
                root.loc,
                format!(
                    "actions.yaml should be a list of actions (`- id: ...`), not {}",
                    root.type_name()
                ),
                None,
            );
            return Vec::new();
        }
    };
    if items.len() > MAX_ACTIONS {
        r.error(
            Code::OverLimit,
            items[MAX_ACTIONS].loc,
            format!(
                "this plan has {} actions; oversight builds at most {MAX_ACTIONS} in one plan",
                items.len()
            ),
            Some("split the work into several plans, each a folder under plans/ with its own index.md and actions.yaml".into()),
        );
    }
    items
        .iter()
        .take(MAX_ACTIONS)
        .filter_map(|n| read_action(r, n, labels))
        .collect()
}

/// The most actions one plan may have (see `model::shapes`).
pub const MAX_ACTIONS: usize = shapes::ACTIONS_MAX;

fn read_action(r: &mut FileReporter, node: &Node, labels: &StatusLabels) -> Option<Action> {
    let mut f = Fields::of(r, node, &shapes::ACTION, "an action")?;
    // An action has a page of its own, in a folder named by its id.
    let id = read_item_id(r, &mut f, "an action").filter(|id| match unwritable(&id.value) {
        None => true,
        Some(why) => {
            r.error(
                Code::BadName,
                id.loc,
                format!("the action id `{}` cannot be a folder name: {why}", id.value),
                Some("each action has a page in a folder named by its id: give it another id, such as `P1.1`".into()),
            );
            false
        }
    });
    let priority = f.required(r, "priority", "an action");
    if let Some(p) = &priority
        && !valid_item_id(&p.value)
    {
        r.error(
            Code::BadName,
            p.loc,
            format!("`priority: {}` is not a priority id", p.value),
            None,
        );
    }
    let title = f.required(r, "title", "an action");
    let due = f.date(r, "due");
    let revised_due = f.date(r, "revised_due");
    let mut updates = Vec::new();
    let mut last: Option<At<crate::model::Date>> = None;
    for u in f.list("updates") {
        let Some(mut uf) = Fields::of(r, u, &shapes::UPDATE, "an update") else {
            continue;
        };
        let date_node = uf.get("date").map(|n| n.loc);
        let date = uf.date(r, "date");
        let status = match uf.text(r, "status") {
            Some(t) => parse_rag(r, &t, "status", labels),
            None => {
                r.error(
                    Code::MissingField,
                    u.loc,
                    "an update has no `status`",
                    Some("add `status: red`, `amber`, `green`, `blue` or `grey`".into()),
                );
                None
            }
        };
        if date.is_none() && date_node.is_none() {
            r.error(
                Code::MissingField,
                u.loc,
                "an update has no `date`",
                Some("add `date: YYYY-MM-DD`".into()),
            );
        }
        let note = uf.string(r, "note");
        uf.finish(r, "an update");
        if let (Some(date), Some(status)) = (date, status) {
            let loc = date_node.unwrap_or(u.loc);
            if let Some(prev) = &last
                && date < prev.value
            {
                r.error(
                    Code::OutOfOrder,
                    loc,
                    format!(
                        "updates are oldest first, but {} comes after {}",
                        date.iso(),
                        prev.value.iso()
                    ),
                    Some(
                        "put the updates in date order; the last one is the current status".into(),
                    ),
                );
            }
            last = Some(At::new(date, loc));
            updates.push(Update { date, status, note });
        }
    }
    let summary = f.string(r, "summary");
    let owner = f.string(r, "owner");
    let addresses = f.references(r, "addresses");
    let evidence = f.texts(r, "evidence");
    let continues = f.references(r, "continues").into_iter().next();
    let tags = f.tags(r);
    f.finish(r, "an action");
    let action = Action {
        id: id?,
        priority: priority?,
        title: title?.value,
        summary,
        owner,
        due,
        revised_due,
        addresses,
        evidence,
        continues,
        updates,
        tags,
    };
    Some(action)
}
