//! Inserting updates into `actions.yaml` as text: each new update goes on
//! the lines after the action's last update (or, for an action with none,
//! an `updates:` list after its last field), found from the parsed
//! document's line numbers. Nothing else in the file changes.

use crate::load::yaml::{self, Node, Value};
use crate::model::{Date, Rag};
use serde::Serialize;

/// One update to add, as the serialiser writes it.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateYaml {
    pub date: String,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl UpdateYaml {
    pub fn new(date: Date, status: Rag, note: Option<String>) -> Self {
        UpdateYaml {
            date: date.iso(),
            status: status.name(),
            note,
        }
    }
}

/// `text` with each action's new updates inserted. `Err` names the action
/// whose place could not be found.
pub fn insert_updates(text: &str, adds: &[(String, Vec<UpdateYaml>)]) -> Result<String, String> {
    let root = yaml::parse(text, 1).map_err(|e| format!("line {}: {}", e.loc.line, e.message))?;
    let Value::Seq(actions) = &root.value else {
        return Err("the file is not a list of actions".into());
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // (insert after this many lines, text), applied from the bottom up.
    let mut edits: Vec<(usize, String)> = Vec::new();
    for (id, updates) in adds {
        let action = actions
            .iter()
            .find(|a| field(a, "id").is_some_and(|n| scalar(n) == Some(id.as_str())))
            .ok_or_else(|| format!("action {id} is not in the file"))?;
        let mut block = String::new();
        edits.push(match field(action, "updates") {
            Some(Node {
                value: Value::Seq(items),
                ..
            }) if !items.is_empty() => {
                let last = &items[items.len() - 1];
                let key_line = key_line(action, "updates");
                if Some(last.loc.line) == key_line {
                    return Err(format!(
                        "the updates of {id} are written on one line (`updates: [...]`): write them one per line (`- {{ date: ..., status: ... }}`) and collect again"
                    ));
                }
                let dash = dash_col(&lines, last.loc.line, last.loc.col);
                for u in updates {
                    block.push_str(&item(u, dash)?);
                }
                (end_of(&lines, last.loc.line, dash), block)
            }
            Some(Node {
                value: Value::Null,
                ..
            })
            | None => {
                let Value::Map(fields) = &action.value else {
                    return Err(format!("action {id} is not a set of fields"));
                };
                let Some((first, _)) = fields.first() else {
                    return Err(format!("action {id} has no fields"));
                };
                let indent = first.loc.col.saturating_sub(1) as usize;
                let dash = dash_col(&lines, first.loc.line, first.loc.col);
                let at = match key_line(action, "updates") {
                    // `updates:` with nothing after it: the list goes under it.
                    Some(line) => line as usize,
                    None => {
                        block.push_str(&format!("{}updates:\n", " ".repeat(indent)));
                        end_of(&lines, first.loc.line, dash)
                    }
                };
                for u in updates {
                    block.push_str(&item(u, indent + 2)?);
                }
                (at, block)
            }
            Some(_) => {
                return Err(format!(
                    "the updates of {id} are not written as a list of updates one per line"
                ));
            }
        });
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    if let Some(l) = out.last_mut()
        && !l.ends_with('\n')
    {
        l.push('\n');
    }
    for (at, block) in edits {
        out.insert(at.min(out.len()), block);
    }
    Ok(out.concat())
}

fn field<'a>(node: &'a Node, name: &str) -> Option<&'a Node> {
    match &node.value {
        Value::Map(fields) => fields.iter().find(|(k, _)| k.name == name).map(|(_, v)| v),
        _ => None,
    }
}

fn key_line(node: &Node, name: &str) -> Option<u32> {
    match &node.value {
        Value::Map(fields) => fields
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(k, _)| k.loc.line),
        _ => None,
    }
}

fn scalar(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Str(s) => Some(s),
        _ => node.raw.as_deref(),
    }
}

/// The column (0-based) of the `-` that starts the item at `line`/`col`.
fn dash_col(lines: &[&str], line: u32, col: u32) -> usize {
    let text = lines.get(line as usize - 1).copied().unwrap_or("");
    let before: Vec<char> = text.chars().take(col.saturating_sub(1) as usize).collect();
    before
        .iter()
        .rposition(|c| *c == '-')
        .unwrap_or(col.saturating_sub(1) as usize)
}

/// The number of lines up to the end of the item starting on `line` whose
/// `-` is at column `dash`: its lines are those indented further, not
/// counting blank or comment lines after its last.
fn end_of(lines: &[&str], line: u32, dash: usize) -> usize {
    let mut end = line as usize;
    for (i, l) in lines.iter().enumerate().skip(line as usize) {
        let body = l.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if l.len() - body.len() <= dash {
            break;
        }
        end = i + 1;
    }
    end
}

/// One update as a list item at `indent`, written by the serialiser.
fn item(u: &UpdateYaml, indent: usize) -> Result<String, String> {
    let text = serde_saphyr::to_string(u).map_err(|e| format!("writing an update: {e}"))?;
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        let lead = if i == 0 { "- " } else { "  " };
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("{pad}{lead}{line}\n"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(id: &str, date: &str, note: Option<&str>) -> (String, Vec<UpdateYaml>) {
        let date = Date::parse(date).expect("date");
        (
            id.into(),
            vec![UpdateYaml::new(date, Rag::Green, note.map(String::from))],
        )
    }

    #[test]
    fn inserts_after_the_last_update_and_adds_a_list_where_none() {
        let text = "# The plan\n- id: A1\n  title: One\n  updates:\n    - { date: 2024-01-01, status: red }\n    # keep this\n\n- id: A2 # two\n  title: Two\n\n# end\n";
        let out = insert_updates(
            text,
            &[
                add("A1", "2024-05-01", Some("Done: mostly")),
                add("A2", "2024-05-02", None),
            ],
        )
        .expect("inserts");
        assert_eq!(
            out,
            "# The plan\n- id: A1\n  title: One\n  updates:\n    - { date: 2024-01-01, status: red }\n    - date: \"2024-05-01\"\n      status: green\n      note: \"Done: mostly\"\n    # keep this\n\n- id: A2 # two\n  title: Two\n  updates:\n    - date: \"2024-05-02\"\n      status: green\n\n# end\n"
        );
    }
}
