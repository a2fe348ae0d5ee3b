//! The monthly update round: `round start` hands each action owner a
//! workbook of their actions; `round collect` reads the returned workbooks
//! and appends each filled row as a dated update in the plan's
//! `actions.yaml`, as inserted text, so nothing else in the file changes.

pub mod collect;
pub mod insert;
pub mod start;

pub use collect::{Collected, NewUpdate, collect};
pub use start::{Layout, StartOptions, start};

use crate::diagnostics::Diagnostics;
use crate::model::{Action, Kind, StatusLabels};
use std::path::{Path, PathBuf};

/// The hidden sheet that marks a workbook as a round's: the plan, the
/// round's date, and each action's last update as it was at the start.
pub const MARKER_SHEET: &str = "Round marker";

/// The columns of an owner's sheet, in order.
pub const COLUMNS: [&str; 8] = [
    "Ref",
    "Title",
    "Due",
    "Current status",
    "Last note",
    "New status",
    "Note",
    "Date",
];

/// The column `round start --owner-column` adds after Title.
pub const OWNER_COLUMN: &str = "Owner";

/// A plan as it is now, read from the content folder.
pub(crate) struct PlanNow {
    /// `plans/<slug>`.
    pub id: String,
    pub owner: Option<String>,
    pub actions: Vec<Action>,
    pub labels: StatusLabels,
    /// `actions.yaml` on disk.
    pub actions_path: PathBuf,
    /// `actions.yaml` as messages name it.
    pub actions_name: String,
}

impl PlanNow {
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id.value == id)
    }
}

/// Loads the content and finds `plan` (`plans/<slug>`, a trailing `/` allowed).
pub(crate) fn load_plan(content: &Path, plan: &str) -> Result<PlanNow, String> {
    let plan = plan.trim_end_matches('/');
    let mut diags = Diagnostics::default();
    let loaded = crate::load::load(content, &mut diags)
        .map_err(|e| format!("reading {}: {e}", content.display()))?;
    if diags.has_errors() {
        return Err(format!(
            "the content in {} has {} errors: run `oversight check --content {}` and fix them first",
            content.display(),
            diags.error_count(),
            content.display()
        ));
    }
    let plans: Vec<&str> = loaded
        .documents
        .iter()
        .filter(|d| matches!(d.kind, Kind::Plan(_)))
        .map(|d| d.id.as_str())
        .collect();
    let Some(doc) = loaded.documents.iter().find(|d| d.id == plan) else {
        return Err(format!(
            "there is no plan `{plan}` in {}; the plans are: {}",
            content.display(),
            plans.join(", ")
        ));
    };
    let Kind::Plan(p) = &doc.kind else {
        return Err(format!(
            "`{plan}` is not a plan; the plans are: {}",
            plans.join(", ")
        ));
    };
    let Some(actions_name) = p.actions_file.clone() else {
        return Err(format!(
            "the plan `{plan}` has no actions.yaml: add its actions first"
        ));
    };
    Ok(PlanNow {
        id: plan.to_string(),
        owner: p.owner.clone(),
        actions: p.actions.clone(),
        labels: loaded.settings.statuses.clone(),
        actions_path: content.join(plan).join("actions.yaml"),
        actions_name,
    })
}

/// The action's last update as a short fingerprint: its date, status and a
/// hash of its note (`none` when it has no update).
pub(crate) fn fingerprint(action: &Action) -> String {
    use std::hash::Hasher;
    match action.updates.last() {
        None => "none".into(),
        Some(u) => {
            let mut h = fnv::FnvHasher::default();
            h.write(u.note.as_deref().unwrap_or("").as_bytes());
            format!("{} {} {:016x}", u.date.iso(), u.status.name(), h.finish())
        }
    }
}

/// A fingerprint in words, for "what changed" messages.
pub(crate) fn describe(fingerprint: &str) -> String {
    let mut parts = fingerprint.split(' ');
    match (parts.next(), parts.next()) {
        (Some(date), Some(status)) => format!("last update {date} {status}"),
        _ => "no update".into(),
    }
}
