//! The tracker's rows into priorities and actions: section rows and a
//! Priority or Theme column become priorities; every other row with words
//! in it is an action, and a row that cannot be read is a problem naming
//! its row and column.

use super::cells;
use super::columns::{Columns, Field};
use super::grid::{Cell, Grid};
use crate::load::valid_item_id;
use crate::model::{Date, Rag, StatusLabels};

pub struct Priority {
    pub id: String,
    pub title: String,
}

pub struct Action {
    pub id: String,
    pub priority: String,
    pub title: String,
    pub summary: Option<String>,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub revised_due: Option<Date>,
    pub update: Option<(Date, Rag, Option<String>)>,
}

/// A row that cannot be read: its sheet row (from 1), column and why.
pub struct Problem {
    pub row: usize,
    pub col: usize,
    pub message: String,
}

#[derive(Default)]
pub struct Read {
    pub priorities: Vec<Priority>,
    pub actions: Vec<Action>,
    pub problems: Vec<Problem>,
    /// Rows read as section rows (priorities).
    pub sections: usize,
}

/// Reads every row below the headings. `today` dates an update whose row
/// has a status but no date of update.
pub fn read(grid: &Grid, cols: &Columns, labels: &StatusLabels, today: Date) -> Read {
    let mut out = Read::default();
    let first = cols.header_row.map_or(0, |h| h + 1);
    let mut current: Option<String> = None;
    for r in first..grid.rows.len() {
        let row = &grid.rows[r];
        let filled: Vec<usize> = (0..row.len()).filter(|&c| !row[c].is_empty()).collect();
        if filled.is_empty() {
            continue; // a spacer row
        }
        if is_section(row, &filled, cols) {
            let text = row[filled[0]].text();
            let id = format!("P{}", out.priorities.len() + 1);
            out.priorities.push(Priority {
                id: id.clone(),
                title: section_title(&text),
            });
            out.sections += 1;
            current = Some(id);
            continue;
        }
        let mut probs: Vec<(usize, String)> = Vec::new();
        let get = |f: Field| cols.of(f).map(|c| (c, grid.cell(r, c)));
        let text = |f: Field| get(f).map(|(_, c)| c.text()).filter(|t| !t.is_empty());
        let date = |f: Field, probs: &mut Vec<(usize, String)>| match get(f) {
            None => None,
            Some((c, cell)) => match cells::date(cell) {
                Ok(d) => d,
                Err(e) => {
                    probs.push((c, e));
                    None
                }
            },
        };
        let Some(title) = text(Field::Title) else {
            let col = cols.of(Field::Title).unwrap_or(0);
            out.problems.push(Problem {
                row: r + 1,
                col,
                message: "this row has no action: its title cell is empty".into(),
            });
            continue;
        };
        let priority = match text(Field::Priority) {
            Some(p) => Some(priority_for(&mut out.priorities, &p)),
            None => current.clone(),
        };
        let id = match get(Field::Ref) {
            Some((c, cell)) if !cell.is_empty() => {
                let id = ref_text(cell);
                if !valid_item_id(&id) {
                    probs.push((
                        c,
                        format!("`{id}` cannot be an action's id: use letters, digits, `.`, `_` and `-`, starting with a letter or digit (such as `1.2`)"),
                    ));
                }
                id
            }
            _ => String::new(),
        };
        let due = date(Field::Due, &mut probs);
        let revised_due = date(Field::Revised, &mut probs);
        let updated = date(Field::Updated, &mut probs);
        let status = match get(Field::Status) {
            Some((c, cell)) if !cell.is_empty() => {
                let t = cell.text();
                let s = cells::rag(&t, labels);
                if s.is_none() {
                    probs.push((c, format!("`{t}` is not a RAG status: write Red, Amber, Green, Blue (complete) or Grey (not started), or R, A, G, B, On track, Complete")));
                }
                s
            }
            // No words: the cell's fill colour, when it has one.
            Some((c, _)) => grid.fill(r, c).and_then(cells::rag_of_fill),
            None => None,
        };
        let note = text(Field::Note);
        if status.is_none() && note.is_some() && probs.is_empty() {
            let col = cols.of(Field::Status).or(cols.of(Field::Note)).unwrap_or(0);
            probs.push((
                col,
                "this row has a progress update but no RAG status: give it one, such as Amber"
                    .into(),
            ));
        }
        if !probs.is_empty() {
            out.problems
                .extend(probs.into_iter().map(|(col, message)| Problem {
                    row: r + 1,
                    col,
                    message,
                }));
            continue;
        }
        let priority = priority.unwrap_or_else(|| priority_for(&mut out.priorities, "Actions"));
        let id = if id.is_empty() {
            let n = out
                .actions
                .iter()
                .filter(|a| a.priority == priority)
                .count()
                + 1;
            format!("{priority}.{n}")
        } else {
            id
        };
        if out.actions.iter().any(|a| a.id == id) || out.priorities.iter().any(|p| p.id == id) {
            let col = cols.of(Field::Ref).unwrap_or(0);
            out.problems.push(Problem {
                row: r + 1,
                col,
                message: format!("the ref `{id}` is used twice: give each action its own"),
            });
            continue;
        }
        out.actions.push(Action {
            id,
            priority,
            title,
            summary: text(Field::Recommendation),
            owner: text(Field::Owner),
            due,
            revised_due,
            update: status.map(|s| (updated.unwrap_or(today), s, note)),
        });
    }
    out
}

/// A section row: words in one cell only (merged across, most often), and
/// not in the title column beside a ref, date or status.
fn is_section(row: &[Cell], filled: &[usize], cols: &Columns) -> bool {
    if filled.len() != 1 {
        return false;
    }
    let c = filled[0];
    let t = row[c].text();
    matches!(row[c], Cell::Text(_))
        && cols.of(Field::Title) != Some(c)
        && cols.of(Field::Note) != Some(c)
        && cols.of(Field::Owner) != Some(c)
        || t.to_ascii_lowercase().starts_with("priority")
        || t.to_ascii_lowercase().starts_with("theme")
}

/// "Priority 1: Practice improvement" is "Practice improvement".
fn section_title(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    for word in ["priority", "theme", "workstream", "objective"] {
        if let Some(rest) = lower.strip_prefix(word) {
            let skip = text.len() - rest.len();
            let rest = text[skip..].trim_start_matches(|c: char| {
                c.is_ascii_digit() || c.is_whitespace() || matches!(c, ':' | '-' | '.' | '–')
            });
            if !rest.trim().is_empty() {
                return rest.trim().to_string();
            }
        }
    }
    text.trim().to_string()
}

fn priority_for(ps: &mut Vec<Priority>, title: &str) -> String {
    let title = section_title(title);
    if let Some(p) = ps.iter().find(|p| p.title == title) {
        return p.id.clone();
    }
    let id = format!("P{}", ps.len() + 1);
    ps.push(Priority {
        id: id.clone(),
        title,
    });
    id
}

fn ref_text(cell: &Cell) -> String {
    cell.text().split_whitespace().collect::<Vec<_>>().join("-")
}
