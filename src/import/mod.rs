//! `oversight import`: a council's tracker (a workbook or CSV file) into a
//! new plan, `plans/<slug>/index.md` and `actions.yaml`.
//!
//! [`grid`] reads the sheet, [`columns`] finds the headings by their words,
//! [`rows`] reads each row through [`cells`], and [`write`] serialises the plan.

pub mod cells;
pub mod columns;
pub mod grid;
pub mod rows;
pub mod write;

use crate::model::{Date, StatusLabels};
use columns::{Field, column_letter};
use std::path::{Path, PathBuf};

pub struct Options {
    pub file: PathBuf,
    pub content: PathBuf,
    /// `plans/<slug>`, under the content folder.
    pub plan: String,
    pub sheet: Option<String>,
    pub map: Option<String>,
    pub dry_run: bool,
    pub skip_bad: bool,
    /// Dates an update whose row has no date of update.
    pub today: Date,
}

/// What was done: lines to print, and whether the plan was written.
pub struct Outcome {
    pub lines: Vec<String>,
    pub written: bool,
}

/// Imports the tracker. `Err` holds every problem found, each naming the
/// file, sheet, row and column; nothing is written then.
pub fn run(o: &Options) -> Result<Outcome, String> {
    let slug = o
        .plan
        .trim_end_matches('/')
        .strip_prefix("plans/")
        .filter(|s| crate::load::is_slug(s))
        .ok_or_else(|| {
            format!(
                "--plan {}: write `plans/<slug>`, the slug in lower-case letters, digits and `-` (such as `plans/improvement-2024`)",
                o.plan
            )
        })?;
    let dir = o.content.join("plans").join(slug);
    if dir.exists() {
        return Err(format!(
            "{} already exists: oversight import makes a new plan and never overwrites one; choose another --plan",
            dir.display()
        ));
    }
    let grid = grid::read(&o.file, o.sheet.as_deref())?;
    let mut cols = columns::find(&grid);
    if let Some(map) = &o.map {
        columns::apply_map(&mut cols, map)?;
    }
    let place = where_(&o.file, grid.sheet.as_deref());
    if cols.of(Field::Title).is_none() {
        return Err(format!(
            "{place}: no column of actions found: no heading such as \"Action\" in the first 40 rows; name the columns with --map, such as --map 'Ref=A,Title=B,Owner=C,Due=D,Status=E'"
        ));
    }
    let mut lines = vec![match cols.header_row {
        Some(r) => format!("{place}: headings on row {}", r + 1),
        None => format!("{place}: no heading row; columns from --map"),
    }];
    for (c, f, heading) in &cols.found {
        lines.push(format!(
            "  column {} \"{heading}\" -> {} ({})",
            column_letter(*c),
            f.name(),
            f.becomes()
        ));
    }
    // The site's own words for statuses (`statuses:` in site.yaml) are read
    // as well as the five values.
    let labels = site_labels(&o.content);
    let read = rows::read(&grid, &cols, &labels, o.today);
    let problems: Vec<String> = read
        .problems
        .iter()
        .map(|p| {
            let heading = cols
                .heading(p.col)
                .map_or(String::new(), |h| format!(" (\"{h}\")"));
            format!(
                "{place}, row {}, column {}{heading}: {}",
                p.row,
                column_letter(p.col),
                p.message
            )
        })
        .collect();
    if !problems.is_empty() && !o.skip_bad {
        let n = problems.len();
        let noun = if n == 1 { "row" } else { "rows" };
        return Err(format!(
            "{}\n{n} {noun} could not be read: nothing was written; correct the tracker, or give --skip-bad to leave {} out",
            problems.join("\n"),
            if n == 1 { "it" } else { "them" }
        ));
    }
    for p in &problems {
        lines.push(format!("skipped: {p}"));
    }
    let title = plan_title(&grid, cols.header_row, &o.file);
    let index = write::index(&title, &read.priorities, &file_name(&o.file))?;
    let actions = write::actions(&read.actions)?;
    lines.push(format!(
        "{} priorities ({} from section rows), {} actions, {} rows skipped",
        read.priorities.len(),
        read.sections,
        read.actions.len(),
        problems.len()
    ));
    if o.dry_run {
        lines.push(format!("--dry-run: would write {}", dir.display()));
        return Ok(Outcome {
            lines,
            written: false,
        });
    }
    write::plan(&dir, &index, &actions)?;
    lines.push(format!(
        "wrote {} and {}",
        dir.join("index.md").display(),
        dir.join("actions.yaml").display()
    ));
    Ok(Outcome {
        lines,
        written: true,
    })
}

fn where_(file: &Path, sheet: Option<&str>) -> String {
    match sheet {
        Some(s) => format!("{}, sheet \"{s}\"", file.display()),
        None => file.display().to_string(),
    }
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
}

/// The plan's title: the first words above the headings (a merged title
/// row), else the file's name.
fn plan_title(g: &grid::Grid, header: Option<usize>, file: &Path) -> String {
    let above = header.unwrap_or(0);
    g.rows
        .iter()
        .take(above)
        .flat_map(|r| r.iter())
        .map(grid::Cell::text)
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| {
            file.file_stem()
                .map_or("Imported plan".into(), |s| s.to_string_lossy().into_owned())
        })
}

/// The status labels of the site in `content`; the defaults when it has
/// none or cannot be read.
fn site_labels(content: &std::path::Path) -> StatusLabels {
    let mut diags = crate::diagnostics::Diagnostics::default();
    crate::load::load(content, &mut diags)
        .map(|l| l.settings.statuses)
        .unwrap_or_default()
}
