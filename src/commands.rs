//! The commands that are not a build: `new`, `init`, `import` and the
//! update round, and the summary line a build or check ends with.

use crate::cli::RoundStep;
use crate::terminal::Terminal;
use oversight::app::{Options, Report};
use oversight::model::Date;
use oversight::scaffold::{self, Type};
use std::process::ExitCode;

/// Today for dates filled into new files: `SOURCE_DATE_EPOCH`, else the
/// clock. `Err` when `SOURCE_DATE_EPOCH` is set but is not a time.
pub fn today() -> Result<Date, String> {
    let epoch = oversight::resolve::source_date_epoch();
    oversight::resolve::choose_today(
        None,
        epoch.as_deref(),
        None,
        chrono::Local::now().date_naive(),
    )
}

pub fn new(
    term: &Terminal,
    content: &std::path::Path,
    kind: Type,
    name: &str,
    title: Option<&str>,
) -> ExitCode {
    let today = match today() {
        Ok(d) => d,
        Err(message) => {
            term.error(&message);
            return ExitCode::from(2);
        }
    };
    match scaffold::new_item(content, kind, name, today, title) {
        Ok(made) => {
            let what = if made.appended { "added to" } else { "created" };
            let mut lines = vec![format!("{what} {}", made.file.display())];
            lines.extend(made.also.iter().map(|f| format!("created {}", f.display())));
            if title.is_none() {
                lines.push("next: fill in its title, then run `oversight check`".into());
            }
            term.summary(true, &lines.join("\n"));
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
    }
}

pub fn round(term: &Terminal, step: RoundStep) -> ExitCode {
    use oversight::round;
    match step {
        RoundStep::Start {
            plan,
            out,
            one_workbook,
            owner_column,
            date,
            content,
        } => {
            let date = match date.map_or_else(today, Ok) {
                Ok(d) => d,
                Err(message) => {
                    term.error(&message);
                    return ExitCode::from(2);
                }
            };
            let opts = round::StartOptions {
                content,
                plan,
                out,
                layout: match (one_workbook, owner_column) {
                    (_, true) => round::Layout::OwnerColumn,
                    (true, false) => round::Layout::SheetPerOwner,
                    (false, false) => round::Layout::PerOwner,
                },
                date,
            };
            match round::start(&opts) {
                Ok(made) => {
                    let lines: Vec<String> = made
                        .iter()
                        .map(|(f, owners)| format!("wrote {} ({})", f.display(), owners.join(", ")))
                        .collect();
                    term.summary(true, &lines.join("\n"));
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    term.error(&message);
                    ExitCode::from(2)
                }
            }
        }
        RoundStep::Collect {
            files,
            dry_run,
            content,
        } => match round::collect(&content, &files, !dry_run) {
            Err(errors) => {
                for e in &errors {
                    term.error(e);
                }
                let noun = if errors.len() == 1 {
                    "problem"
                } else {
                    "problems"
                };
                term.summary(
                    false,
                    &format!("{} {noun}: nothing was changed", errors.len()),
                );
                ExitCode::from(1)
            }
            Ok(c) => {
                let mut lines = Vec::new();
                if dry_run {
                    for u in &c.updates {
                        let note = u
                            .note
                            .as_deref()
                            .map_or(String::new(), |n| format!(": {n}"));
                        lines.push(format!(
                            "would add to {} {}: {} {}{note}",
                            u.plan,
                            u.action,
                            u.date.iso(),
                            u.status.name()
                        ));
                    }
                }
                let changed = c.updates.iter().filter(|u| u.changed).count();
                let verb = if dry_run { "would add" } else { "added" };
                let n = c.updates.len();
                let updates = if n == 1 { "update" } else { "updates" };
                let statuses = if changed == 1 { "status" } else { "statuses" };
                lines.push(format!(
                    "{verb} {n} {updates}, {changed} {statuses} changed"
                ));
                if !c.no_update.is_empty() {
                    lines.push(format!("no update for: {}", c.no_update.join(", ")));
                }
                term.summary(true, &lines.join("\n"));
                ExitCode::SUCCESS
            }
        },
    }
}

pub fn import(term: &Terminal, mut opts: oversight::import::Options) -> ExitCode {
    opts.today = match today() {
        Ok(d) => d,
        Err(message) => {
            term.error(&message);
            return ExitCode::from(2);
        }
    };
    match oversight::import::run(&opts) {
        Ok(outcome) => {
            let what = if outcome.written {
                "imported"
            } else {
                "checked"
            };
            term.summary(true, &format!("{}\n{what}", outcome.lines.join("\n")));
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(1)
        }
    }
}

pub fn init(term: &Terminal, dir: &std::path::Path) -> ExitCode {
    match today().and_then(|today| scaffold::init(dir, today)) {
        Ok(files) => {
            term.summary(
                true,
                &format!(
                    "created a new site in {} ({} files)\nnext: cd {} && oversight serve",
                    dir.display(),
                    files.len(),
                    dir.display()
                ),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
    }
}

pub fn summarise(term: &Terminal, r: &Report, building: bool, opts: &Options) -> ExitCode {
    let warnings = match r.warnings {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    };
    if !r.ok() {
        let noun = if r.errors == 1 { "error" } else { "errors" };
        let outcome = if building {
            ": nothing was written; the previous output is unchanged"
        } else {
            ""
        };
        term.summary(false, &format!("{} {noun}{warnings}{outcome}", r.errors));
        return ExitCode::from(1);
    }
    let ms = r.elapsed.as_millis();
    if building {
        let out = opts
            .output
            .as_ref()
            .map_or(String::new(), |o| o.display().to_string());
        let as_at = r
            .today
            .map_or(String::new(), |d| format!(", as at {}", d.long()));
        let kept = match r.kept {
            0 => String::new(),
            1 => " (1 document's pages kept from the last build)".to_string(),
            n => format!(" ({n} documents' pages kept from the last build)"),
        };
        term.summary(
            true,
            &format!(
                "built {} pages from {} documents into {out}{warnings}{as_at} in {ms} ms{kept}",
                r.pages, r.documents
            ),
        );
    } else {
        term.summary(
            true,
            &format!(
                "checked {} documents: no errors{warnings} in {ms} ms",
                r.documents
            ),
        );
    }
    ExitCode::SUCCESS
}
