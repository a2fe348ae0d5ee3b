//! The site in parts that render independently of each other: each
//! document's pages, and each page or file made from the whole site. A
//! build renders every part in parallel and hands each file on as soon as
//! it is made; the preview renders only the parts an edit touched.

use super::pages::Renderer;
use super::shared::Shared;
use super::theme::Theme;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, FileReporter};
use crate::model::{Document, Kind, KindName};
use crate::output::{Collect, OutputFile, Sink};
use crate::progress::Progress;
use crate::resolve::Site;
use rayon::prelude::*;
use serde_json::Value;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// One independently rendered piece of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// The page of `site.documents[i]`, and a plan's action pages.
    Document(usize),
    Home,
    Status,
    Timeline,
    Recommendations,
    Tags,
    Changes,
    Search,
    Accessibility,
    /// The built-in lists, the risk register when empty, and the lists of
    /// folders of plain pages.
    Lists,
    NotFound,
    /// The theme's static files.
    Assets,
    /// CSV files, `site.json` and the workbook.
    Data,
    /// The search index.
    SearchIndex,
    /// Images and other files copied from the content folder.
    Copies,
}

impl Part {
    /// Every part of a site: the documents first, then the whole-site
    /// parts. `feed.xml` and `sitemap.xml` are not among them: they are
    /// made from the list of every page (see [`web_files`](crate::exports::web_files)).
    pub fn all(site: &Site) -> Vec<Part> {
        let mut parts: Vec<Part> = (0..site.documents.len()).map(Part::Document).collect();
        parts.extend(Part::CONTENT_WIDE);
        parts.extend(Part::SETTINGS_WIDE);
        parts
    }

    /// The parts made from the whole site that an edit to any document
    /// may change.
    pub const CONTENT_WIDE: [Part; 11] = [
        Part::Home,
        Part::Status,
        Part::Timeline,
        Part::Recommendations,
        Part::Tags,
        Part::Changes,
        Part::Search,
        Part::Lists,
        Part::Data,
        Part::SearchIndex,
        // Which files are copied depends on which documents link to them.
        Part::Copies,
    ];

    /// The whole-site parts that depend only on the theme, `site.yaml` and
    /// which files there are.
    pub const SETTINGS_WIDE: [Part; 3] = [Part::Accessibility, Part::NotFound, Part::Assets];

    /// Rough cost, so that the largest parts start first and do not end a
    /// parallel build on one core.
    fn weight(self) -> u8 {
        match self {
            Part::Changes | Part::Timeline | Part::Data | Part::SearchIndex => 0,
            Part::Status | Part::Search | Part::Home | Part::Recommendations | Part::Lists => 1,
            Part::Tags => 2,
            _ => 3,
        }
    }
}

/// What rendering a site made, besides the files handed on.
pub struct Rendered {
    /// The path of every file of the site (those kept too), in no
    /// particular order.
    pub paths: Vec<String>,
    pub errors: Vec<Diagnostic>,
    /// The files each document's part made, by the document's index in
    /// `site.documents`, in no particular order: what a rebuild may keep.
    pub documents: Vec<(usize, Vec<String>)>,
}

/// Documents whose files a rebuild keeps from the last build, unrendered:
/// none, for a fresh build.
#[derive(Debug, Default)]
pub struct Kept {
    /// By each one's index in `site.documents`, its files, already in
    /// place.
    pub documents: std::collections::BTreeMap<usize, Vec<String>>,
}

/// Hands each file on to a sink as it is made and notes its path. After
/// the sink's first error it hands on nothing more and keeps that error,
/// so the parts rendering at once need not stop to ask.
pub(crate) struct Giving<'s> {
    sink: &'s dyn Sink,
    failed: Mutex<Option<std::io::Error>>,
    stopped: AtomicBool,
    paths: Mutex<Vec<String>>,
}

impl<'s> Giving<'s> {
    fn new(sink: &'s dyn Sink) -> Giving<'s> {
        Giving {
            sink,
            failed: Mutex::new(None),
            stopped: AtomicBool::new(false),
            paths: Mutex::new(Vec::new()),
        }
    }

    fn handed(&self, path: &str, given: impl FnOnce() -> std::io::Result<()>) {
        self.paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.to_string());
        if self.stopped.load(Ordering::Relaxed) {
            return;
        }
        if let Err(e) = given() {
            self.stopped.store(true, Ordering::Relaxed);
            self.failed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(e);
        }
    }

    fn finish(self) -> std::io::Result<Vec<String>> {
        match self.failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
            Some(e) => Err(e),
            None => Ok(self.paths.into_inner().unwrap_or_else(|e| e.into_inner())),
        }
    }
}

impl Sink for Giving<'_> {
    fn put(&self, file: OutputFile) -> std::io::Result<()> {
        let path = file.path.clone();
        self.handed(&path, || self.sink.put(file));
        Ok(())
    }

    fn stream(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.handed(path, || self.sink.stream(path, write));
        Ok(())
    }
}

/// Renders every part of the site in parallel, handing each file to `sink`
/// as soon as it is made (so a build need not hold the whole site, or a
/// whole part, in memory), then `feed.xml` and `sitemap.xml`. Stops
/// handing on files after the first error `sink` returns, and returns that
/// error.
///
/// The documents in `kept` are not rendered: their files are taken to be
/// in place already (a rebuild keeps them from the last build).
pub fn render_parts(
    site: &Site,
    theme: &Theme,
    progress: &dyn Progress,
    sink: &dyn Sink,
    kept: &Kept,
) -> std::io::Result<Rendered> {
    let mut parts = Part::all(site);
    parts.retain(|p| !matches!(p, Part::Document(i) if kept.documents.contains_key(i)));
    parts.sort_by_key(|p| p.weight());
    let giving = Giving::new(sink);
    progress.begin("building", parts.len());
    let (errors, documents) = render_each(site, theme, &parts, &giving, progress);
    progress.end();
    let mut made = std::mem::take(&mut *giving.paths.lock().unwrap_or_else(|e| e.into_inner()));
    made.extend(kept.documents.values().flatten().cloned());
    let pages: Vec<&str> = made.iter().map(String::as_str).collect();
    for file in crate::exports::web_files(site, &pages) {
        let _ = giving.put(file);
    }
    let mut paths = giving.finish()?;
    paths.extend(made);
    Ok(Rendered {
        paths,
        errors,
        documents,
    })
}

/// Renders some parts of a site, in parallel: their files, and the errors
/// their templates gave. For the preview, which renders what an edit touched.
pub fn render_some(
    site: &Site,
    theme: &Theme,
    parts: &[Part],
) -> Vec<(Part, Vec<OutputFile>, Vec<Diagnostic>)> {
    let shared = Shared::new(site);
    parts
        .par_iter()
        .with_max_len(1)
        .map(|&part| {
            let files = Collect::default();
            let giving = Giving::new(&files);
            let errors = render_part(site, theme, &shared, part, &giving);
            // Memory takes every file: nothing can have failed.
            let _ = giving.finish();
            (part, files.into_files(), errors)
        })
        .collect()
}

/// Renders some parts of a site into `sink`, in parallel, as a build
/// would: the errors their templates gave, or the sink's first error.
pub fn render_into(
    site: &Site,
    theme: &Theme,
    parts: &[Part],
    sink: &dyn Sink,
) -> std::io::Result<Vec<Diagnostic>> {
    let giving = Giving::new(sink);
    let (errors, _) = render_each(site, theme, parts, &giving, &crate::progress::Silent);
    giving.finish().map(|_| errors)
}

/// Renders `parts` in parallel, one part to a task, into `giving`: the
/// errors their templates gave, and the files each document's part made.
fn render_each(
    site: &Site,
    theme: &Theme,
    parts: &[Part],
    giving: &Giving,
    progress: &dyn Progress,
) -> (Vec<Diagnostic>, Vec<(usize, Vec<String>)>) {
    let shared = Shared::new(site);
    let documents = Mutex::new(Vec::new());
    let errors = parts
        .par_iter()
        .with_max_len(1)
        .flat_map_iter(|&part| {
            let errors = match part {
                Part::Document(i) => {
                    // Its own note of what it made, handing each file on.
                    let own = Giving::new(giving);
                    let errors = render_part(site, theme, &shared, part, &own);
                    let made = own.finish().unwrap_or_default();
                    documents
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((i, made));
                    errors
                }
                _ => render_part(site, theme, &shared, part, giving),
            };
            progress.advance(1);
            errors
        })
        .collect();
    let documents = documents.into_inner().unwrap_or_else(|e| e.into_inner());
    (errors, documents)
}

/// Renders one part, handing its files to `out`: the errors its templates
/// gave.
fn render_part(
    site: &Site,
    theme: &Theme,
    shared: &Shared,
    part: Part,
    out: &Giving,
) -> Vec<Diagnostic> {
    let mut r = Renderer::new(site, theme, shared, out);
    match part {
        Part::Document(i) => {
            if let Some(doc) = site.documents.get(i) {
                r.document_pages(doc);
            }
        }
        Part::Home => r.home(),
        Part::Status => r.status_page(),
        Part::Timeline => r.timeline(),
        Part::Recommendations => r.recommendations(),
        Part::Tags => r.tags(),
        Part::Changes => r.changes(),
        Part::Search => r.search(),
        Part::Accessibility => {
            if site.document("accessibility").is_none() {
                r.page(
                    "accessibility/index.html",
                    "accessibility.html",
                    "Accessibility statement",
                    "accessibility",
                    Value::Null,
                );
            }
        }
        Part::Lists => lists(&mut r, site),
        Part::NotFound => r.not_found(),
        Part::Assets => theme.assets.iter().for_each(|(name, bytes)| {
            let _ = out.put(OutputFile::bytes(format!("assets/{name}"), bytes.clone()));
        }),
        Part::Data => {
            let _ = crate::exports::data_files(site, out);
        }
        Part::SearchIndex => crate::exports::search_files(site)
            .into_iter()
            .for_each(|f| {
                let _ = out.put(f);
            }),
        Part::Copies => site.assets.iter().for_each(|a| {
            let _ = out.put(OutputFile {
                path: a.rel.clone(),
                content: match &a.checked {
                    Some(bytes) => super::Content::Bytes(bytes.to_vec()),
                    None => super::Content::Copy(a.path.clone()),
                },
            });
        }),
    }
    r.errors
}

fn lists<'a>(r: &mut Renderer<'a>, site: &'a Site) {
    for (kind, s) in KindName::sections() {
        if kind == KindName::Risks {
            // The register is its own list.
            if !site.documents.iter().any(|d| d.id == "risks") {
                r.empty_register();
            }
            continue;
        }
        let docs: Vec<&Document> = site
            .documents
            .iter()
            .filter(|d| d.kind.name() == kind)
            .map(|d| &**d)
            .collect();
        r.list(s.folder, s.title, &docs);
    }
    r.plain_folders();
}

impl<'a> Renderer<'a> {
    /// A document's page, and a plan's action pages.
    fn document_pages(&mut self, doc: &'a Document) {
        let template = doc.kind.name().info().template;
        match &doc.kind {
            // Rendered by the home page and the lists.
            Kind::Home | Kind::ListIntro => {}
            Kind::Plan(p) => {
                self.document(doc, template);
                for a in &p.actions {
                    self.action(doc, a);
                }
            }
            Kind::Page(_)
            | Kind::Inspection(_)
            | Kind::Visit(_)
            | Kind::Review(_)
            | Kind::Meeting(_)
            | Kind::Paper(_)
            | Kind::Risks(_)
            | Kind::Indicator(_) => self.document(doc, template),
        }
    }
}

/// Renders the whole site in memory, in a stable order: for the preview and
/// for tests. A build hands each file to the writer as it is made instead
/// ([`render_parts`](super::parts::render_parts)).
pub fn render_site(
    site: &Site,
    theme: &Theme,
    progress: &dyn Progress,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let files = Collect::default();
    let rendered = match render_parts(site, theme, progress, &files, &Kept::default()) {
        Ok(r) => r,
        Err(e) => {
            return Err(vec![FileReporter::whole_file_error(
                Code::OutputFailed,
                "output",
                &format!("keeping the site in memory failed: {e}"),
                None,
            )]);
        }
    };
    if !rendered.errors.is_empty() {
        return Err(rendered.errors);
    }
    let mut files = files.into_files();
    files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
