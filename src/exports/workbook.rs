//! `data/oversight.xlsx`: the members' workbook. The same rows as the CSV
//! files (actions, recommendations, risks, indicators) and every update of
//! every action, with real dates, a frozen header, filters, wrapped text
//! and statuses filled in the site's colours (keeping their words).
//!
//! Text is always written as text (`write_string`), so a cell that starts
//! like a formula is never run. The file's creation date is the site's
//! "today", so the same input and date give the same bytes.

use super::cell::{Cell, Sheet};
use super::tables;
use crate::model::{Colour, Date, Rag};
use crate::resolve::Site;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// The longest text a cell holds.
const CELL_LIMIT: usize = 32_767;

/// The workbook's bytes; an error only if the site outgrows Excel (more
/// than a million rows in a sheet).
pub fn workbook(site: &Site) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // Deflate's quicker level: about a third of the default's time for a
    // file some 20% larger (see docs/performance.md).
    book.set_zip_compression_level(2);
    book.set_properties(
        &DocProperties::new()
            .set_title(&site.settings.title)
            .set_creation_datetime(&excel_day(site.today.first_day())?),
    );
    let formats = Formats::new(site);
    let sheets = [
        ("Actions", tables::actions(site, true)),
        ("Updates", updates(site)),
        ("Recommendations", tables::recommendations(site)),
        ("Risks", tables::risks(site, true)),
        ("Indicators", tables::indicators(site)),
    ];
    for (name, sheet) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        write_sheet(ws, &sheet, &formats)?;
    }
    book.save_to_buffer()
}

/// One row per update of every action, oldest first within each action.
fn updates(site: &Site) -> Sheet {
    let mut rows = Vec::new();
    for rp in site.plans() {
        for (a, _) in rp.actions() {
            for u in &a.updates {
                rows.push(vec![
                    rp.doc.common.title.clone().into(),
                    a.id.value.clone().into(),
                    a.title.clone().into(),
                    Cell::Date(Some(u.date)),
                    Cell::Status(Some(u.status)),
                    u.note.clone().unwrap_or_default().into(),
                ]);
            }
        }
    }
    Sheet {
        header: vec!["Plan", "Ref", "Action", "Date", "Status", "Note"],
        rows,
    }
}

struct Formats {
    header: Format,
    text: Format,
    number: Format,
    day: Format,
    month: Format,
    status: [Format; 5],
    /// The site's words for each status.
    labels: [String; 5],
}

/// The theme's status colours (`themes/default/static/style.css`):
/// background and text.
fn theme_colours(rag: Rag) -> (u32, u32) {
    match rag {
        Rag::Red => (0xc0281b, 0xffffff),
        Rag::Amber => (0xffbf47, 0x0b0c0c),
        Rag::Green => (0xcce2d8, 0x005a30),
        Rag::Blue => (0x1d70b8, 0xffffff),
        Rag::Grey => (0xe5e6e7, 0x282d30),
    }
}

fn rgb(c: Colour) -> u32 {
    u32::from_str_radix(c.to_string().trim_start_matches('#'), 16).unwrap_or(0)
}

impl Formats {
    fn new(site: &Site) -> Self {
        let base = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let status = Rag::ALL.map(|rag| {
            let (bg, fg) = match site.settings.statuses.colour(rag) {
                Some(c) => (rgb(c), rgb(c.text_on().0)),
                None => theme_colours(rag),
            };
            base.clone()
                .set_background_color(bg)
                .set_font_color(fg)
                .set_border(FormatBorder::Thin)
        });
        Formats {
            header: base
                .clone()
                .set_bold()
                .set_border_bottom(FormatBorder::Medium),
            text: base.clone(),
            number: base.clone().set_align(FormatAlign::Right),
            day: base.clone().set_num_format("d mmmm yyyy"),
            month: base.set_num_format("mmmm yyyy"),
            status,
            labels: Rag::ALL.map(|rag| site.settings.statuses.label(rag).to_string()),
        }
    }
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    let columns = sheet.header.len();
    let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, col(c), *h, &f.header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let width = write_cell(ws, r, col(c), cell, f)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    // Wide enough for short columns, wrapped beyond 60 characters.
    let widths: Vec<usize> = widths.iter().map(|w| (*w).clamp(8, 60)).collect();
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col(c), *w as f64 + 2.0)?;
    }
    // Spreadsheet programs do not grow a row to its wrapped text on opening
    // (LibreOffice's print and PDF overlap the lines), so set each height.
    for (r, row) in sheet.rows.iter().enumerate() {
        let lines = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| match cell {
                Cell::Text(s) => wrapped_lines(fit(s), *w),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            ws.set_row_height(r, row_height(lines))?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let last = u32::try_from(sheet.rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    ws.autofilter(0, 0, last, col(columns.saturating_sub(1)))?;
    for_print(ws)?;
    Ok(())
}

/// Prints on A4 landscape, a page wide, with the heading row on every page,
/// so a sheet printed for a meeting is not cut into columns across pages.
pub fn for_print(ws: &mut Worksheet) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)?;
    Ok(())
}

/// How many lines `text` takes wrapped at word breaks in a column `width`
/// characters wide.
pub fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.lines()
        .map(|line| {
            let (mut lines, mut used) = (1, 0);
            for word in line.split_whitespace() {
                let n = word.chars().count();
                let need = if used == 0 { n } else { used + 1 + n };
                if need <= width {
                    used = need;
                } else {
                    // A word longer than the column breaks across lines.
                    lines += usize::from(used > 0) + n.saturating_sub(1) / width;
                    used = (n - 1) % width + 1;
                }
            }
            lines
        })
        .sum::<usize>()
        .max(1)
}

/// A row's height in points for `lines` lines of the default 11-point text,
/// at most Excel's 409.
pub fn row_height(lines: usize) -> f64 {
    (lines as f64 * 15.0).min(409.0)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Writes one cell; returns the width its text takes, in characters.
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<usize, XlsxError> {
    match cell {
        Cell::Text(s) => {
            if !s.is_empty() {
                ws.write_string_with_format(r, c, fit(s), &f.text)?;
            }
            Ok(s.lines().map(|l| l.chars().count()).max().unwrap_or(0))
        }
        Cell::Number(Some(n)) => {
            ws.write_number_with_format(r, c, *n, &f.number)?;
            Ok(crate::model::number(*n).len())
        }
        Cell::Date(Some(d)) => {
            write_date(ws, r, c, *d, f)?;
            Ok(if d.is_month_only() { 14 } else { 17 })
        }
        Cell::Status(Some(rag)) => {
            let label = &f.labels[*rag as usize];
            ws.write_string_with_format(r, c, label, &f.status[*rag as usize])?;
            Ok(label.chars().count())
        }
        Cell::Date(None) | Cell::Status(None) | Cell::Number(None) => Ok(0),
    }
}

/// A real Excel date: a month-only date is the month's first day, shown
/// as "March 2023".
fn write_date(ws: &mut Worksheet, r: u32, c: u16, d: Date, f: &Formats) -> Result<(), XlsxError> {
    let format = if d.is_month_only() { &f.month } else { &f.day };
    match excel_day(d.first_day()) {
        Ok(when) => ws.write_datetime_with_format(r, c, &when, format)?,
        // Before 1900 Excel has no dates: keep the date as text.
        Err(_) => ws.write_string_with_format(r, c, d.iso(), &f.text)?,
    };
    Ok(())
}

/// A day as Excel holds it; an error before 1900 or after 9999.
fn excel_day(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    // Month and day always fit a u8.
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// Text cut to what a cell holds.
fn fit(s: &str) -> &str {
    match s.char_indices().nth(CELL_LIMIT) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn text_wraps_at_word_breaks() {
        assert_eq!(wrapped_lines("", 10), 1);
        assert_eq!(wrapped_lines("short", 10), 1);
        assert_eq!(wrapped_lines("exactly ten", 11), 1);
        // "three four" does not fit after "one two": a second line.
        assert_eq!(wrapped_lines("one two three four", 10), 2);
        assert_eq!(wrapped_lines("first\nsecond\nthird", 60), 3);
        // A 25-character word in a 10-wide column takes three lines.
        assert_eq!(wrapped_lines("a bbbbbbbbbbbbbbbbbbbbbbbbb", 10), 4);
    }
}
