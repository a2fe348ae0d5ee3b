//! A tracker's first sheet (or the one named) as a grid of cells, from an
//! Excel or OpenDocument workbook (calamine) or a CSV file.

use calamine::{Data, Reader, StyleRange, Xlsx, open_workbook, open_workbook_auto};
use std::path::Path;

/// One cell as the tracker holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell Excel formats as a date: its serial day number.
    Serial(f64),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as words, for headings, titles and notes.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) | Cell::Serial(n) => number_text(*n),
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The cells of one sheet; `rows[0]` is the sheet's row 1, column A first.
pub struct Grid {
    /// The sheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The cells' styles, for an `.xlsx` or `.xlsm` workbook: RAG shown
    /// only as a cell's fill colour is read from them.
    pub styles: Option<StyleRange>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }

    /// The solid fill colour of a cell, as (red, green, blue).
    pub fn fill(&self, row: usize, col: usize) -> Option<(u8, u8, u8)> {
        let style = self.styles.as_ref()?.get((row as u32, col as u32))?;
        let c = style.fill.as_ref()?.get_color()?;
        Some((c.red, c.green, c.blue))
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// Reads `path`: `.csv` as comma-separated text, anything else as a workbook.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Grid, String> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        if sheet.is_some() {
            return Err(format!(
                "{}: a CSV file has no sheets; leave out --sheet",
                path.display()
            ));
        }
        return read_csv(path);
    }
    read_workbook(path, sheet)
}

fn read_csv(path: &Path) -> Result<Grid, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .map_err(|e| format!("{}: cannot read it as CSV: {e}", path.display()))?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Grid {
        sheet: None,
        rows,
        styles: None,
    })
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, String> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        format!(
            "{}: cannot open it as a workbook (.xlsx, .xlsm, .xls or .ods) or read it as .csv: {e}",
            path.display()
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                format!(
                    "{}: there is no sheet called `{s}`; its sheets are: {}",
                    path.display(),
                    names.join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| format!("{}: the workbook has no sheets", path.display()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| format!("{}: cannot read sheet `{name}`: {e}", path.display()))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); top as usize];
    for r in range.rows() {
        let mut row = vec![Cell::Empty; left as usize];
        row.extend(r.iter().map(cell));
        rows.push(row);
    }
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    // Styles are a help, not a need: a workbook whose styles cannot be
    // read is still imported, its RAG from words only.
    let styles = if is_xlsx {
        open_workbook::<Xlsx<_>, _>(path)
            .ok()
            .and_then(|mut b| b.worksheet_style(&name).ok())
    } else {
        None
    };
    Ok(Grid {
        sheet: Some(name),
        rows,
        styles,
    })
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            if s.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => Cell::Serial(dt.as_f64()),
    }
}
