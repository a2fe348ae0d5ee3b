//! The commands: each runs the stages in order and says what happened.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Date;
use crate::resolve::{Publish, Site};
use crate::{load, render, resolve, write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub struct Options {
    pub content: PathBuf,
    /// `None` for `check`: validate, write nothing.
    pub output: Option<PathBuf>,
    pub as_of: Option<Date>,
    pub strict: bool,
    pub publish: Publish,
}

/// What a run found and did.
pub struct Report {
    /// Errors and warnings in a stable order.
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    pub documents: usize,
    /// HTML pages written (0 for `check`).
    pub pages: usize,
    pub files: usize,
    pub today: Option<Date>,
    pub elapsed: Duration,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.errors == 0
    }
}

/// Runs `check` or `build`. `Err` is for trouble that is not the content's
/// fault: a missing folder, a file that cannot be written.
pub fn run(opts: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let mut diags = Diagnostics::default();
    if !opts.content.is_dir() {
        return Err(format!(
            "the content folder {} does not exist (give another with --content)",
            opts.content.display()
        ));
    }
    let loaded = load::load(&opts.content, &mut diags)
        .map_err(|e| format!("reading {}: {e}", opts.content.display()))?;
    let today = resolve::choose_today(
        opts.as_of,
        std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
        loaded.settings.today,
        chrono::Local::now().date_naive(),
    );
    let theme_name = loaded.settings.theme.clone();
    let site = resolve::resolve(loaded, today, opts.publish, &mut diags);
    let theme = match render::theme::load(&opts.content, &theme_name) {
        Ok(t) => Some(t),
        Err(errors) => {
            errors.into_iter().for_each(|e| diags.push(e));
            None
        }
    };
    if opts.strict {
        diags.make_warnings_errors();
    }
    let mut report = finish(diags, &site, started);
    report.today = Some(today);
    let (Some(output), Some(theme), true) = (&opts.output, theme, report.ok()) else {
        return Ok(report);
    };
    let files = match render::render_site(&site, &theme) {
        Ok(f) => f,
        Err(errors) => {
            let mut d = Diagnostics::default();
            errors.into_iter().for_each(|e| d.push(e));
            let mut r = finish(d, &site, started);
            r.diagnostics.splice(0..0, report.diagnostics);
            r.warnings += report.warnings;
            return Ok(r);
        }
    };
    report.pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    report.files = write::write_site(output, &files)
        .map_err(|e| format!("writing {}: {e}", output.display()))?;
    report.elapsed = started.elapsed();
    Ok(report)
}

fn finish(diags: Diagnostics, site: &Site, started: Instant) -> Report {
    let errors = diags.error_count();
    let warnings = diags.warning_count();
    Report {
        diagnostics: diags.sorted(),
        errors,
        warnings,
        documents: site.documents.len(),
        pages: 0,
        files: 0,
        today: None,
        elapsed: started.elapsed(),
    }
}
