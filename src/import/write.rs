//! Writing the plan: `index.md` with its priorities in the front matter,
//! and `actions.yaml`, both through the YAML serialiser.

use super::rows::{Action, Priority};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
struct Front<'a> {
    title: &'a str,
    priorities: Vec<PriorityOut<'a>>,
}

#[derive(Serialize)]
struct PriorityOut<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct ActionOut<'a> {
    id: &'a str,
    priority: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revised_due: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    updates: Vec<UpdateOut<'a>>,
}

#[derive(Serialize)]
struct UpdateOut<'a> {
    date: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

/// The text of `index.md`.
pub fn index(title: &str, priorities: &[Priority], source: &str) -> Result<String, String> {
    let front = Front {
        title,
        priorities: priorities
            .iter()
            .map(|p| PriorityOut {
                id: &p.id,
                title: &p.title,
            })
            .collect(),
    };
    let yaml = serde_saphyr::to_string(&front).map_err(|e| e.to_string())?;
    Ok(format!(
        "---\n{yaml}---\nThis plan was brought in from the tracker `{source}` by `oversight import`.\n"
    ))
}

/// The text of `actions.yaml`.
pub fn actions(actions: &[Action]) -> Result<String, String> {
    let out: Vec<ActionOut> = actions
        .iter()
        .map(|a| ActionOut {
            id: &a.id,
            priority: &a.priority,
            title: &a.title,
            summary: a.summary.as_deref(),
            owner: a.owner.as_deref(),
            due: a.due.map(|d| d.iso()),
            revised_due: a.revised_due.map(|d| d.iso()),
            updates: a
                .update
                .iter()
                .map(|(date, status, note)| UpdateOut {
                    date: date.iso(),
                    status: status.name(),
                    note: note.as_deref(),
                })
                .collect(),
        })
        .collect();
    serde_saphyr::to_string(&out).map_err(|e| e.to_string())
}

/// Writes both files into a new folder `dir`; refuses a folder that exists.
pub fn plan(dir: &Path, index: &str, actions: &str) -> Result<(), String> {
    if dir.exists() {
        return Err(format!(
            "{} already exists: oversight import makes a new plan and never overwrites one; choose another --plan, or move the old plan away first",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot make it: {e}", dir.display()))?;
    for (name, text) in [("index.md", index), ("actions.yaml", actions)] {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| format!("{}: cannot write it: {e}", path.display()))?;
    }
    Ok(())
}
