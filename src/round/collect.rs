//! `round collect`: reads the returned workbooks, checks every row of every
//! file first, then appends each filled row as an update to its action.
//! A refused run writes nothing.

use super::insert::{UpdateYaml, insert_updates};
use super::{COLUMNS, MARKER_SHEET, PlanNow, describe, fingerprint, load_plan};
use crate::import::columns::column_letter;
use crate::model::{Date, Rag};
use calamine::{Data, Reader, open_workbook_auto};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One update taken from a workbook row.
#[derive(Debug, Clone)]
pub struct NewUpdate {
    pub plan: String,
    pub action: String,
    pub date: Date,
    pub status: Rag,
    pub note: Option<String>,
    /// The status differs from the action's last.
    pub changed: bool,
}

/// What a collect found (and, unless a dry run, wrote).
#[derive(Debug, Default)]
pub struct Collected {
    pub updates: Vec<NewUpdate>,
    /// Actions listed in the workbooks that got no update.
    pub no_update: Vec<String>,
    /// Each `actions.yaml` changed (or that would change), with its new text.
    pub files: Vec<(PathBuf, String)>,
}

/// Where a row came from, for messages.
struct Place {
    file: String,
    sheet: String,
    row: u32,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}, sheet '{}', row {}", self.file, self.sheet, self.row)
    }
}

/// Reads `files` and inserts their updates into the plan's `actions.yaml`
/// (only when `write`). `Err` lists every problem; nothing is written then.
pub fn collect(content: &Path, files: &[PathBuf], write: bool) -> Result<Collected, Vec<String>> {
    let mut errors = Vec::new();
    let mut plans: BTreeMap<String, PlanNow> = BTreeMap::new();
    let mut taken: BTreeMap<(String, String), Place> = BTreeMap::new();
    let mut listed: Vec<(String, String)> = Vec::new();
    let mut out = Collected::default();
    for path in files {
        let name = path.display().to_string();
        let mut book = match open_workbook_auto(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(format!("{name}: cannot be read as a workbook: {e}"));
                continue;
            }
        };
        let Ok(marker) = book.worksheet_range(MARKER_SHEET) else {
            errors.push(format!(
                "{name}: has no hidden '{MARKER_SHEET}' sheet, so it is not a workbook made by `oversight round start`; collect only the workbooks the round sent out"
            ));
            continue;
        };
        let cell = |r: u32, c: u32| marker.get_value((r, c)).map(text).unwrap_or_default();
        let plan_id = cell(0, 1);
        let round = cell(1, 1);
        if !plans.contains_key(&plan_id) {
            match load_plan(content, &plan_id) {
                Ok(p) => {
                    plans.insert(plan_id.clone(), p);
                }
                Err(e) => {
                    errors.push(format!("{name}: {e}"));
                    continue;
                }
            }
        }
        let plan = &plans[&plan_id];
        let Ok(round_date) = Date::parse(&round) else {
            errors.push(format!("{name}: the '{MARKER_SHEET}' sheet was changed (its round date `{round}` is not a date); use the workbook as the round sent it"));
            continue;
        };
        // Actions changed since the round started.
        let mut changed = Vec::new();
        for r in 2..marker.height() as u32 {
            let (id, then) = (cell(r, 0), cell(r, 1));
            if id.is_empty() {
                continue;
            }
            listed.push((plan_id.clone(), id.clone()));
            match plan.action(&id) {
                None => changed.push(format!("{id} has been removed from the plan")),
                Some(a) if fingerprint(a) != then => changed.push(format!(
                    "{id} was updated since the round started on {round} ({} then, {} now)",
                    describe(&then),
                    describe(&fingerprint(a))
                )),
                Some(_) => {}
            }
        }
        if !changed.is_empty() {
            errors.push(format!(
                "{name}: the plan's actions changed since the round started: {}; start a new round for these actions, or add the changes by hand",
                changed.join("; ")
            ));
            continue;
        }
        for sheet in book.sheet_names() {
            if sheet == MARKER_SHEET {
                continue;
            }
            let Ok(range) = book.worksheet_range(&sheet) else {
                errors.push(format!("{name}, sheet '{sheet}': cannot be read"));
                continue;
            };
            let get = |r: u32, c: u32| range.get_value((r, c)).map(text).unwrap_or_default();
            let headings: Vec<String> = (0..range.width() as u32).map(|c| get(0, c)).collect();
            let cols = match Columns::find(&headings) {
                Ok(c) => c,
                Err(e) => {
                    errors.push(format!("{name}, sheet '{sheet}', row 1: {e}"));
                    continue;
                }
            };
            for r in 1..range.height() as u32 {
                let place = Place {
                    file: name.clone(),
                    sheet: sheet.clone(),
                    row: r + 1,
                };
                let (id, status, note) =
                    (get(r, cols.r#ref), get(r, cols.status), get(r, cols.note));
                if status.is_empty() && note.is_empty() {
                    continue;
                }
                let row = Row {
                    id: &id,
                    status: &status,
                    note: &note,
                    date: range.get_value((r, cols.date)),
                };
                match row_update(plan, &place, &cols, &row, round_date) {
                    Err(e) => errors.push(e),
                    Ok(u) => {
                        let key = (plan_id.clone(), id.clone());
                        if let Some(first) = taken.get(&key) {
                            errors.push(format!(
                                "{place}: {id} is updated here and also in {first}; keep one update (owners agree which) and collect again"
                            ));
                            continue;
                        }
                        taken.insert(key, place);
                        out.updates.push(u);
                    }
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    listed.sort();
    listed.dedup();
    out.no_update = listed
        .into_iter()
        .filter(|k| !taken.contains_key(k))
        .map(|(_, id)| id)
        .collect();
    for (plan_id, plan) in &plans {
        let adds: Vec<(String, Vec<UpdateYaml>)> = out
            .updates
            .iter()
            .filter(|u| &u.plan == plan_id)
            .map(|u| {
                (
                    u.action.clone(),
                    vec![UpdateYaml::new(u.date, u.status, u.note.clone())],
                )
            })
            .collect();
        if adds.is_empty() {
            continue;
        }
        let before = std::fs::read_to_string(&plan.actions_path)
            .map_err(|e| vec![format!("reading {}: {e}", plan.actions_name)])?;
        let after = insert_updates(&before, &adds)
            .map_err(|e| vec![format!("{}: {e}", plan.actions_name)])?;
        out.files.push((plan.actions_path.clone(), after));
    }
    if write {
        for (path, text) in &out.files {
            let tmp = path.with_extension("yaml.round-tmp");
            std::fs::write(&tmp, text)
                .and_then(|_| std::fs::rename(&tmp, path))
                .map_err(|e| vec![format!("writing {}: {e}", path.display())])?;
        }
    }
    Ok(out)
}

/// Where a sheet's columns are, found by their headings, so an owner who
/// moved a column (with its heading) is still read right.
struct Columns {
    r#ref: u32,
    status: u32,
    note: u32,
    date: u32,
}

impl Columns {
    fn find(headings: &[String]) -> Result<Self, String> {
        let at = |want: &str| -> Result<u32, String> {
            let mut found = headings
                .iter()
                .enumerate()
                .filter(|(_, h)| h.eq_ignore_ascii_case(want));
            match (found.next(), found.next()) {
                (Some((c, _)), None) => Ok(c as u32),
                (Some((a, _)), Some((b, _))) => Err(format!(
                    "the heading `{want}` is in both column {} and column {}; keep one, as the round sent it",
                    column_letter(a),
                    column_letter(b)
                )),
                (None, _) => Err(format!(
                    "there is no `{want}` heading (the headings are {}); keep the columns as the round sent them: {}",
                    headings
                        .iter()
                        .filter(|h| !h.is_empty())
                        .map(|h| format!("`{h}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    COLUMNS.join(", ")
                )),
            }
        };
        Ok(Columns {
            r#ref: at(COLUMNS[0])?,
            status: at(COLUMNS[5])?,
            note: at(COLUMNS[6])?,
            date: at(COLUMNS[7])?,
        })
    }
}

/// A filled row's cells.
struct Row<'a> {
    id: &'a str,
    status: &'a str,
    note: &'a str,
    date: Option<&'a Data>,
}

/// The update a filled row asks for, or why it cannot be taken.
fn row_update(
    plan: &PlanNow,
    place: &Place,
    cols: &Columns,
    row: &Row,
    round: Date,
) -> Result<NewUpdate, String> {
    let Row {
        id,
        status,
        note,
        date,
    } = *row;
    let Some(action) = plan.action(id) else {
        let ids: Vec<&str> = plan.actions.iter().map(|a| a.id.value.as_str()).collect();
        return Err(format!(
            "{place}, column {}: there is no action `{id}` in {}; the refs are {}",
            column_letter(cols.r#ref as usize),
            plan.id,
            ids.join(", ")
        ));
    };
    let labels: Vec<&str> = Rag::ALL.iter().map(|r| plan.labels.label(*r)).collect();
    let Some(rag) = plan.labels.parse(status) else {
        let what = if status.is_empty() {
            "there is a note but no new status".to_string()
        } else {
            format!("`{status}` is not a status")
        };
        return Err(format!(
            "{place}, column {}: {what}; choose one of {} (or red, amber, green, blue, grey)",
            column_letter(cols.status as usize),
            labels.join(", ")
        ));
    };
    let date = match date {
        None | Some(Data::Empty) => Some(round),
        Some(Data::DateTime(d)) => serial(d.as_f64()),
        Some(Data::Float(f)) => serial(*f),
        Some(Data::Int(n)) => serial(*n as f64),
        Some(other) => uk_or_iso(&text(other)),
    }
    .ok_or_else(|| {
        format!(
            "{place}, column {}: `{}` is not a date; write it as 2024-05-31 or 31/05/2024",
            column_letter(cols.date as usize),
            date.map(text).unwrap_or_default()
        )
    })?;
    let last = action.updates.last();
    if let Some(l) = last
        && date < l.date
    {
        return Err(format!(
            "{place}, column {}: the update is dated {}, before {id}'s last update ({}); give a date on or after {}",
            column_letter(cols.date as usize),
            date.iso(),
            l.date.iso(),
            l.date.iso()
        ));
    }
    let note = note.trim();
    Ok(NewUpdate {
        plan: plan.id.clone(),
        action: id.to_string(),
        date,
        status: rag,
        note: (!note.is_empty()).then(|| note.to_string()),
        changed: last.is_none_or(|l| l.status != rag),
    })
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        other => other.to_string().trim().to_string(),
    }
}

/// An Excel serial day number as a date.
fn serial(days: f64) -> Option<Date> {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let d = base.checked_add_signed(chrono::Duration::days(days.floor() as i64))?;
    Some(Date::day(d))
}

/// `2024-05-31` or `31/05/2024`.
fn uk_or_iso(s: &str) -> Option<Date> {
    if let Ok(d) = Date::parse(s) {
        return Some(d);
    }
    chrono::NaiveDate::parse_from_str(s, "%d/%m/%Y")
        .ok()
        .map(Date::day)
}
