//! `round start`: a workbook per owner (or one with a sheet per owner, or
//! one sheet with an Owner column) listing their actions, with empty columns
//! for the new status, note and date, and a hidden marker sheet that
//! `round collect` checks.

use super::{COLUMNS, MARKER_SHEET, OWNER_COLUMN, PlanNow, fingerprint, load_plan};
use crate::model::{Action, Date, Rag};
use chrono::Datelike;
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;
use std::path::PathBuf;

pub struct StartOptions {
    pub content: PathBuf,
    /// `plans/<slug>`.
    pub plan: String,
    /// Where the workbooks go; `round-<slug>-<date>` when not given.
    pub out: Option<PathBuf>,
    pub layout: Layout,
    /// The round's date: the default date of each update.
    pub date: Date,
}

/// How the round's actions are split into workbooks and sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A workbook per owner, to send to each.
    PerOwner,
    /// One workbook with a sheet per owner.
    SheetPerOwner,
    /// One workbook with one sheet of every action and an Owner column, to
    /// share (on SharePoint, say) and filter by owner.
    OwnerColumn,
}

/// Writes the round's workbooks; returns each file with the owners in it.
pub fn start(opts: &StartOptions) -> Result<Vec<(PathBuf, Vec<String>)>, String> {
    let plan = load_plan(&opts.content, &opts.plan)?;
    if plan.actions.is_empty() {
        return Err(format!("the plan `{}` has no actions", plan.id));
    }
    let slug = plan.id.rsplit('/').next().unwrap_or("plan").to_string();
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("round-{slug}-{}", opts.date.iso())));
    let by_owner = owners(&plan);
    let files: Vec<(PathBuf, Vec<&str>)> = if opts.layout != Layout::PerOwner {
        let name = out.join(format!("round-{slug}-{}.xlsx", opts.date.iso()));
        vec![(name, by_owner.keys().map(String::as_str).collect())]
    } else {
        let mut used = Vec::new();
        by_owner
            .keys()
            .map(|owner| {
                let base = match crate::load::slugify(owner) {
                    s if s.is_empty() => "owner".to_string(),
                    s => s,
                };
                let name = unique(&base, &mut used, usize::MAX);
                (out.join(format!("{name}.xlsx")), vec![owner.as_str()])
            })
            .collect()
    };
    if let Some((taken, _)) = files.iter().find(|(f, _)| f.exists()) {
        return Err(format!(
            "{} already exists: move it away or choose another folder with --out",
            taken.display()
        ));
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("making {}: {e}", out.display()))?;
    let mut made = Vec::new();
    for (file, owners) in &files {
        let mut book = Workbook::new();
        let sheets: Vec<(&str, Vec<(&str, &Action)>)> = if opts.layout == Layout::OwnerColumn {
            vec![("Actions", in_plan_order(&plan, &by_owner))]
        } else {
            owners
                .iter()
                .map(|o| (*o, by_owner[*o].iter().map(|a| (*o, *a)).collect()))
                .collect()
        };
        let owner_column = opts.layout == Layout::OwnerColumn;
        write_book(&mut book, &plan, opts.date, &sheets, owner_column)
            .and_then(|_| book.save(file))
            .map_err(|e| format!("writing {}: {e}", file.display()))?;
        made.push((file.clone(), owners.iter().map(|o| o.to_string()).collect()));
    }
    Ok(made)
}

/// Actions by owner (the action's, else the plan's), in plan order.
fn owners(plan: &PlanNow) -> BTreeMap<String, Vec<&Action>> {
    let mut out: BTreeMap<String, Vec<&Action>> = BTreeMap::new();
    for a in &plan.actions {
        out.entry(owner_of(plan, a)).or_default().push(a);
    }
    out
}

/// The action's owner, else the plan's, else "No owner".
fn owner_of(plan: &PlanNow, action: &Action) -> String {
    action
        .owner
        .clone()
        .or_else(|| plan.owner.clone())
        .unwrap_or_else(|| "No owner".into())
}

/// Every action with its owner, in the plan's order.
fn in_plan_order<'a>(
    plan: &'a PlanNow,
    by_owner: &'a BTreeMap<String, Vec<&'a Action>>,
) -> Vec<(&'a str, &'a Action)> {
    plan.actions
        .iter()
        .filter_map(|a| {
            let (owner, _) = by_owner.get_key_value(&owner_of(plan, a))?;
            Some((owner.as_str(), a))
        })
        .collect()
}

/// `base`, or `base-2`, `base-3`… when taken; cut to `max` characters.
fn unique(base: &str, used: &mut Vec<String>, max: usize) -> String {
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut name = cut(base, max);
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        let tail = format!("-{n}");
        name = format!("{}{tail}", cut(base, max.saturating_sub(tail.len())));
        n += 1;
    }
    used.push(name.clone());
    name
}

/// An owner's name as a sheet name: no `[]:*?/\`, at most 31 characters.
fn sheet_name(owner: &str, used: &mut Vec<String>) -> String {
    let clean: String = owner
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    unique(if clean.is_empty() { "Owner" } else { clean }, used, 31)
}

fn write_book(
    book: &mut Workbook,
    plan: &PlanNow,
    date: Date,
    sheets: &[(&str, Vec<(&str, &Action)>)],
    owner_column: bool,
) -> Result<(), XlsxError> {
    let mut used = vec![MARKER_SHEET.to_string()];
    let mut marker_rows = Vec::new();
    for (owner, actions) in sheets {
        let name = sheet_name(owner, &mut used);
        let ws = book.add_worksheet();
        ws.set_name(&name)?;
        owner_sheet(ws, plan, date, actions, owner_column)?;
        marker_rows.extend(actions.iter().map(|(_, a)| (*a, name.clone())));
    }
    let ws = book.add_worksheet();
    ws.set_name(MARKER_SHEET)?;
    ws.write_string(0, 0, "plan")?;
    ws.write_string(0, 1, &plan.id)?;
    ws.write_string(1, 0, "round")?;
    ws.write_string(1, 1, date.iso())?;
    for (i, (a, sheet)) in marker_rows.iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_string(row, 0, &a.id.value)?;
        ws.write_string(row, 1, fingerprint(a))?;
        ws.write_string(row, 2, sheet)?;
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}

fn owner_sheet(
    ws: &mut Worksheet,
    plan: &PlanNow,
    date: Date,
    actions: &[(&str, &Action)],
    owner_column: bool,
) -> Result<(), XlsxError> {
    let head = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let day = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let columns = columns(owner_column);
    let at = |name: &str| columns.iter().position(|(c, _)| *c == name).unwrap_or(0) as u16;
    for (c, (title, width)) in columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *title, &head)?;
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if owner_column {
        ws.autofilter(0, 0, actions.len() as u32, columns.len() as u16 - 1)?;
    }
    let first = date.first_day();
    let round_day = ExcelDateTime::from_ymd(
        u16::try_from(first.year()).unwrap_or(1900),
        first.month() as u8,
        first.day() as u8,
    )?;
    for (i, (owner, a)) in actions.iter().enumerate() {
        let row = 1 + i as u32;
        let last = a.updates.last();
        let cells = [
            ("Ref", a.id.value.clone()),
            ("Title", a.title.clone()),
            ("Owner", owner.to_string()),
            (
                "Due",
                a.revised_due.or(a.due).map_or(String::new(), |d| d.iso()),
            ),
            (
                "Current status",
                last.map_or(String::new(), |u| plan.labels.label(u.status).to_string()),
            ),
            (
                "Last note",
                last.and_then(|u| u.note.clone()).unwrap_or_default(),
            ),
        ];
        for (name, text) in &cells {
            if *name != "Owner" || owner_column {
                ws.write_string_with_format(row, at(name), text, &wrap)?;
            }
        }
        ws.write_datetime_with_format(row, at("Date"), &round_day, &day)?;
        let lines = [("Title", &a.title), ("Last note", &cells[5].1)]
            .iter()
            .map(|(name, text)| {
                let width = columns
                    .iter()
                    .find(|(c, _)| c == name)
                    .map_or(40.0, |c| c.1);
                crate::exports::wrapped_lines(text, width as usize)
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(row, crate::exports::row_height(lines))?;
        }
    }
    let labels: Vec<String> = Rag::ALL
        .iter()
        .map(|r| plan.labels.label(*r).to_string())
        .collect();
    let list = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_title("Not a status")?
        .set_error_message(format!("Choose one of: {}.", labels.join(", ")))?;
    crate::exports::for_print(ws)?;
    let status = at("New status");
    ws.add_data_validation(1, status, actions.len() as u32, status, &list)?;
    Ok(())
}

/// The sheet's columns and their widths; `Owner` after `Title` when asked.
fn columns(owner_column: bool) -> Vec<(&'static str, f64)> {
    let widths = [8.0, 40.0, 12.0, 14.0, 40.0, 14.0, 40.0, 12.0];
    let mut out: Vec<(&str, f64)> = COLUMNS.iter().copied().zip(widths).collect();
    if owner_column {
        out.insert(2, (OWNER_COLUMN, 24.0));
    }
    out
}
