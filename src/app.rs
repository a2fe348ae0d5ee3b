//! The commands: each runs the stages in order and says what happened.

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Date;
use crate::progress::Progress;
use crate::resolve::{Publish, Site};
use crate::{load, rebuild, render, resolve, write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    /// `None` for `check`: validate, write nothing.
    pub output: Option<PathBuf>,
    pub as_of: Option<Date>,
    /// Also report on the changes page what changed after this date.
    pub since: Option<Date>,
    pub strict: bool,
    pub publish: Publish,
    /// `build --base-url`: the site's address for this build, instead of
    /// `base_url` in `site.yaml`.
    pub base_url: Option<String>,
}

impl Options {
    /// Checking or previewing `content` as it stands: no output, today's
    /// date, nothing unpublished.
    pub fn for_content(content: PathBuf) -> Options {
        Options {
            content,
            output: None,
            as_of: None,
            since: None,
            strict: false,
            publish: Publish::default(),
            base_url: None,
        }
    }
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
    /// Documents whose pages a rebuild kept from the last build without
    /// rendering them (nothing an edit touched).
    pub kept: usize,
    pub today: Option<Date>,
    pub elapsed: Duration,
    /// When the run began.
    pub started: Instant,
    /// How long each stage took: load, resolve, render, write.
    pub stages: Vec<(&'static str, Duration)>,
    /// One-line notes that are neither errors nor warnings ("no feed is
    /// written without a base_url").
    pub notes: Vec<String>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.errors == 0
    }
}

/// Runs `check` or `build`. `Err` is for trouble that is not the content's
/// fault: a missing folder, a file that cannot be written.
///
/// A build renders every part of the site in parallel and writes each file
/// into a staging folder as soon as it is made, so the whole site is never
/// held in memory; the staging folder is swapped in only when every page
/// rendered and every file was written.
pub fn run(opts: &Options, progress: &dyn Progress) -> Result<Report, String> {
    let (mut report, ready) = prepare(opts)?;
    let (Some(output), Some((site, theme))) = (&opts.output, ready) else {
        return Ok(report);
    };
    warn_without_base_url(&mut report, &site, opts);
    if !report.ok() {
        // Under --strict, the warning that a published feed would go.
        report.elapsed = report.started.elapsed();
        return Ok(report);
    }
    let writing = |e: std::io::Error| format!("writing {}: {e}", output.display());
    let building = Instant::now();
    let themes = render::theme::themes_folder(&opts.content);
    let sources = [
        ("content folder", opts.content.as_path()),
        ("themes folder", themes.as_path()),
    ];
    let staging = write::Staging::begin(output, &sources).map_err(writing)?;
    let now = staging
        .may_record()
        .then(|| rebuild::Now::of(&site, &theme, opts.publish))
        .flatten();
    let keep = now
        .as_ref()
        .zip(staging.record())
        .and_then(|(now, record)| now.keepable(&site, record))
        .filter(|keep| staging.keep(&keep.files))
        .unwrap_or_default();
    report.kept = keep.kept.documents.len();
    let rendered =
        render::render_parts(&site, &theme, progress, &staging, &keep.kept).map_err(writing)?;
    if !rendered.errors.is_empty() {
        // `staging` is dropped unused: the output stays as it was.
        return Ok(with_render_errors(report, rendered.errors, &site));
    }
    report.stages.push(("render and write", building.elapsed()));
    let swapping = Instant::now();
    let committed = staging.commit().map_err(writing)?;
    report.files = committed.files;
    report.stages.push(("swap", swapping.elapsed()));
    if let (Some(now), Some(slot)) = (now, &committed.record) {
        // Only a saving for the next build: a record that cannot be left
        // means it renders everything.
        let recording = Instant::now();
        if let Some(bytes) = now.record(&site, &rendered, &keep.kept, slot) {
            let _ = slot.write(&bytes);
        }
        report.stages.push(("record", recording.elapsed()));
    }
    report.pages = rendered
        .paths
        .iter()
        .filter(|p| p.ends_with(".html"))
        .count();
    report.elapsed = report.started.elapsed();
    Ok(report)
}

/// Loads and checks the site and, when `pages` is asked for and there are no
/// errors, renders every file of it in memory. Writes nothing.
pub fn render(
    opts: &Options,
    pages: bool,
    progress: &dyn Progress,
) -> Result<(Report, Vec<crate::output::OutputFile>), String> {
    let (mut report, ready) = prepare(opts)?;
    let (true, Some((site, theme))) = (pages, ready) else {
        return Ok((report, Vec::new()));
    };
    let rendering = Instant::now();
    let files = match render::render_site(&site, &theme, progress) {
        Ok(f) => f,
        Err(errors) => return Ok((with_render_errors(report, errors, &site), Vec::new())),
    };
    warn_without_base_url(&mut report, &site, opts);
    report.pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    report.stages.push(("render", rendering.elapsed()));
    report.elapsed = report.started.elapsed();
    Ok((report, files))
}

/// Loads, resolves and checks the site and loads its theme. The site and
/// theme come back only when there are no errors and the run will render.
pub fn prepare(opts: &Options) -> Result<(Report, Option<(Site, render::theme::Theme)>), String> {
    prepare_with(opts, None).map(|(report, ready, _)| (report, ready))
}

/// [`prepare`], loading through `cache` when given: only files changed
/// since its last load are read again, and what changed comes back too.
#[allow(clippy::type_complexity)]
pub fn prepare_with(
    opts: &Options,
    cache: Option<&mut load::LoadCache>,
) -> Result<(Report, Option<(Site, render::theme::Theme)>, load::Changes), String> {
    let started = Instant::now();
    let mut stages = Vec::new();
    let mut diags = Diagnostics::default();
    if !opts.content.is_dir() {
        return Err(format!(
            "the content folder {} does not exist (give another with --content)",
            opts.content.display()
        ));
    }
    let (loaded, changes) = match cache {
        Some(cache) => cache.load(&opts.content, &mut diags),
        None => load::load(&opts.content, &mut diags).map(|l| (l, load::Changes::default())),
    }
    .map_err(|e| format!("reading {}: {e}", opts.content.display()))?;
    stages.push(("load", started.elapsed()));
    let resolving = Instant::now();
    let epoch = resolve::source_date_epoch();
    let today = resolve::choose_today(
        opts.as_of,
        epoch.as_deref(),
        loaded.settings.today,
        chrono::Local::now().date_naive(),
    )?;
    let theme_name = loaded.settings.theme.clone();
    let mut loaded = loaded;
    if let Some(url) = &opts.base_url {
        loaded.settings.base_url = Some(url.clone());
    }
    let mut site = resolve::resolve(loaded, today, opts.publish, &mut diags);
    site.since = opts.since;
    stages.push(("resolve", resolving.elapsed()));
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
    report.stages = stages;
    let ready = theme.filter(|_| report.ok()).map(|t| (site, t));
    Ok((report, ready, changes))
}

/// The report of a run whose templates failed: their errors after what
/// loading and checking found.
fn with_render_errors(report: Report, errors: Vec<Diagnostic>, site: &Site) -> Report {
    let mut d = Diagnostics::default();
    errors.into_iter().for_each(|e| d.push(e));
    let mut r = finish(d, site, report.started);
    r.diagnostics.splice(0..0, report.diagnostics);
    r.warnings += report.warnings;
    r.today = report.today;
    r
}

/// Without `base_url` there is no feed or sitemap. On a site that
/// publishes no feed that is only a note. When the output folder holds a
/// `feed.xml` from an earlier build, this build would take away a feed
/// that readers may follow: a warning, and an error under --strict.
pub fn warn_without_base_url(report: &mut Report, site: &Site, opts: &Options) {
    if site.settings.base_url.is_some() {
        return;
    }
    let settings = opts.content.join("site.yaml").display().to_string();
    let published_feed = opts
        .output
        .as_ref()
        .is_some_and(|o| o.join("feed.xml").is_file());
    if !published_feed {
        report.notes.push(format!(
            "{settings} has no `base_url`, so feed.xml and sitemap.xml are not written"
        ));
        return;
    }
    let mut d = crate::diagnostics::FileReporter::whole_file_error(
        Code::NoBaseUrl,
        &settings,
        "there is no `base_url`, so this build leaves out feed.xml and sitemap.xml, which the site in the output folder has: readers following the feed would lose it",
        Some("add `base_url: https://...` (the address the site is published at) to site.yaml, or give `--base-url` to build".into()),
    );
    if opts.strict {
        report.errors += 1;
    } else {
        d.severity = crate::diagnostics::Severity::Warning;
        report.warnings += 1;
    }
    report.diagnostics.push(d);
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
        kept: 0,
        today: None,
        elapsed: started.elapsed(),
        started,
        stages: Vec::new(),
        notes: Vec::new(),
    }
}
