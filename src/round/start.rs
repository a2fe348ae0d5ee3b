//! `round start`: a workbook per owner (or one with a sheet per owner)
//! listing their actions, with empty columns for the new status, note and
//! date, and a hidden marker sheet that `round collect` checks.

use super::{COLUMNS, MARKER_SHEET, PlanNow, fingerprint, load_plan};
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
    pub one_workbook: bool,
    /// The round's date: the default date of each update.
    pub date: Date,
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
    let files: Vec<(PathBuf, Vec<&str>)> = if opts.one_workbook {
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
        let sheets: Vec<(&str, &Vec<&Action>)> =
            owners.iter().map(|o| (*o, &by_owner[*o])).collect();
        write_book(&mut book, &plan, opts.date, &sheets)
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
        let owner = a
            .owner
            .clone()
            .or_else(|| plan.owner.clone())
            .unwrap_or_else(|| "No owner".into());
        out.entry(owner).or_default().push(a);
    }
    out
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
    sheets: &[(&str, &Vec<&Action>)],
) -> Result<(), XlsxError> {
    let mut used = vec![MARKER_SHEET.to_string()];
    let mut marker_rows = Vec::new();
    for (owner, actions) in sheets {
        let name = sheet_name(owner, &mut used);
        let ws = book.add_worksheet();
        ws.set_name(&name)?;
        owner_sheet(ws, plan, date, actions)?;
        marker_rows.extend(actions.iter().map(|a| (a, name.clone())));
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
    actions: &[&Action],
) -> Result<(), XlsxError> {
    let head = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let day = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for (c, (title, width)) in COLUMNS
        .iter()
        .zip([8.0, 40.0, 12.0, 14.0, 40.0, 14.0, 40.0, 12.0])
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *title, &head)?;
        ws.set_column_width(c as u16, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let first = date.first_day();
    let round_day = ExcelDateTime::from_ymd(
        u16::try_from(first.year()).unwrap_or(1900),
        first.month() as u8,
        first.day() as u8,
    )?;
    for (i, a) in actions.iter().enumerate() {
        let row = 1 + i as u32;
        let last = a.updates.last();
        let cells = [
            a.id.value.clone(),
            a.title.clone(),
            a.revised_due.or(a.due).map_or(String::new(), |d| d.iso()),
            last.map_or(String::new(), |u| plan.labels.label(u.status).to_string()),
            last.and_then(|u| u.note.clone()).unwrap_or_default(),
        ];
        for (c, text) in cells.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, text, &wrap)?;
        }
        ws.write_datetime_with_format(row, 7, &round_day, &day)?;
    }
    let labels: Vec<String> = Rag::ALL
        .iter()
        .map(|r| plan.labels.label(*r).to_string())
        .collect();
    let list = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_title("Not a status")?
        .set_error_message(format!("Choose one of: {}.", labels.join(", ")))?;
    ws.add_data_validation(1, 5, actions.len() as u32, 5, &list)?;
    Ok(())
}
