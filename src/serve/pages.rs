//! The preview's pages: the site kept in memory, or a page of errors.

use super::burst::Burst;
use super::live::{Live, Lookup};
use crate::app::{Options, Report, prepare_with, warn_without_base_url};
use crate::load::LoadCache;
use crate::output::Content;
use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::Response;
use std::time::Instant;

/// The latest build: its site, or the errors that stopped it.
pub struct Preview {
    pub report: Report,
    live: Option<Live>,
    /// The page shown for every address while the content has errors.
    errors: Option<String>,
    /// How many documents' pages the last edit put out of date (the
    /// edited ones rendered at once, the rest when asked for); `None` when
    /// every page was rendered again.
    pub rendered_again: Option<usize>,
    /// How many content files the build checked for changes: every file,
    /// or only those the watcher named.
    pub files_checked: usize,
}

impl Preview {
    /// Builds the site in memory, reading only the files that changed since
    /// `cache` last loaded. With a `previous` preview of a valid site and an
    /// edit that added or removed no document, only what the edit touched
    /// is rendered again; `everything` (a theme change) renders it all.
    /// `Err` only for trouble that is not the content's fault (the content
    /// folder is missing).
    pub fn build(
        opts: &Options,
        cache: &mut LoadCache,
        previous: Option<&Preview>,
        everything: bool,
    ) -> Result<Preview, String> {
        let (mut report, ready, changes) = prepare_with(opts, Some(cache))?;
        let Some((site, theme)) = ready else {
            return Ok(Preview {
                files_checked: changes.checked,
                ..Preview::failed(report)
            });
        };
        let rendering = Instant::now();
        warn_without_base_url(&mut report, &site, opts);
        let previous = previous
            .and_then(|p| p.live.as_ref())
            .filter(|live| !everything && !changes.everything && live.can_update(&site));
        let (result, rendered_again) = match previous {
            Some(live) => match live.update(site, &changes.documents) {
                Ok((live, n)) => (Ok(live), Some(n)),
                Err(e) => (Err(e), None),
            },
            None => (Live::render_all(site, theme), None),
        };
        match result {
            Ok(live) => {
                report.pages = live.pages();
                report.stages.push(("render", rendering.elapsed()));
                report.elapsed = report.started.elapsed();
                Ok(Preview {
                    report,
                    live: Some(live),
                    errors: None,
                    rendered_again,
                    files_checked: changes.checked,
                })
            }
            Err(errors) => {
                add_errors(&mut report, errors);
                Ok(Preview::failed(report))
            }
        }
    }

    /// [`build`](Preview::build) after the saves of `burst`: only the
    /// paths it names are looked at again, unless it asks for the whole
    /// folder to be listed (and for a theme change, every page rendered).
    pub fn rebuild(
        opts: &Options,
        cache: &mut LoadCache,
        previous: Option<&Preview>,
        burst: &Burst,
    ) -> Result<Preview, String> {
        cache.changed(burst.paths());
        Preview::build(opts, cache, previous, burst.theme())
    }

    fn failed(report: Report) -> Preview {
        Preview {
            errors: Some(error_page(&report)),
            report,
            live: None,
            rendered_again: None,
            files_checked: 0,
        }
    }

    /// The response for `path`, or `None` when a page must be rendered
    /// first (see [`refresh`](Preview::refresh)).
    pub fn respond(&self, path: &str) -> Option<Response> {
        if let Some(page) = &self.errors {
            return Some(html(
                StatusCode::INTERNAL_SERVER_ERROR,
                page.clone().into_bytes(),
            ));
        }
        let live = self.live.as_ref()?;
        for p in &candidates(path) {
            match live.lookup(p) {
                Lookup::Found(content) => return Some(file(p, &content)),
                Lookup::Stale => return None,
                Lookup::Missing => {}
            }
        }
        Some(match live.lookup("404.html") {
            Lookup::Found(c) => match &*c {
                Content::Bytes(b) => html(StatusCode::NOT_FOUND, b.clone()),
                Content::Copy(_) => html(StatusCode::NOT_FOUND, b"Not found".to_vec()),
            },
            _ => html(StatusCode::NOT_FOUND, b"Not found".to_vec()),
        })
    }

    /// Renders what `path` needs after an edit. A template that fails
    /// shows its errors instead of the site.
    pub fn refresh(&mut self, path: &str) {
        let Some(live) = &mut self.live else {
            return;
        };
        let result = candidates(path)
            .iter()
            .find(|p| !matches!(live.lookup(p), Lookup::Missing))
            .map_or(Ok(()), |p| live.refresh(p));
        if let Err(errors) = result {
            add_errors(&mut self.report, errors);
            self.errors = Some(error_page(&self.report));
            self.live = None;
        }
    }

    /// Every file of the site, as a fresh build would make it (tests).
    pub fn everything(&mut self) -> Vec<(String, Vec<u8>)> {
        let Some(live) = &mut self.live else {
            return Vec::new();
        };
        live.everything()
            .unwrap_or_default()
            .into_iter()
            .map(|(p, c)| {
                let bytes = match &*c {
                    Content::Bytes(b) => b.clone(),
                    Content::Copy(src) => std::fs::read(src).unwrap_or_default(),
                };
                (p, bytes)
            })
            .collect()
    }
}

/// Template errors found while rendering, added to what the build found.
fn add_errors(report: &mut Report, errors: Vec<crate::diagnostics::Diagnostic>) {
    report.errors += errors.len();
    report.diagnostics.extend(errors);
}

/// The files an address may name: itself, or a folder's `index.html`.
fn candidates(address: &str) -> Vec<String> {
    let path = decode(address.trim_start_matches('/'));
    if path.is_empty() || path.ends_with('/') {
        vec![format!("{path}index.html")]
    } else {
        let folder = format!("{path}/index.html");
        vec![path, folder]
    }
}

/// `%20` and friends, as the browser sends them.
fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = path
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn file(path: &str, content: &Content) -> Response {
    let bytes = match content {
        Content::Bytes(b) => b.clone(),
        Content::Copy(src) => match std::fs::read(src) {
            Ok(b) => b,
            Err(_) => return html(StatusCode::NOT_FOUND, b"Not found".to_vec()),
        },
    };
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, mime.as_ref())
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(bytes))
        .unwrap_or_default()
}

fn html(status: StatusCode, bytes: Vec<u8>) -> Response {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(bytes))
        .unwrap_or_default()
}

pub fn broken_lock() -> Response {
    html(
        StatusCode::INTERNAL_SERVER_ERROR,
        b"The preview stopped after an internal fault; restart oversight serve.".to_vec(),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every error and warning of a failed build, as a page: what the officer
/// sees in the browser instead of a stale site.
fn error_page(report: &Report) -> String {
    let items: String = report
        .diagnostics
        .iter()
        .map(|d| format!("<li><pre>{}</pre></li>\n", escape(&d.to_string())))
        .collect();
    let noun = if report.errors == 1 {
        "error"
    } else {
        "errors"
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{n} {noun} – oversight preview</title>\n\
         <style>body{{font-family:Arial,sans-serif;margin:2rem;color:#0b0c0c}}\
         h1{{font-size:1.75rem}}li{{margin-bottom:1rem}}\
         pre{{white-space:pre-wrap;background:#f3f2f1;padding:1rem;border-left:5px solid #942514;font-size:1rem}}</style>\n\
         </head>\n<body>\n<main>\n<h1>The content has {n} {noun}</h1>\n\
         <p>Nothing can be shown until {it} fixed. This page reloads by itself when you save the file.</p>\n\
         <ol>\n{items}</ol>\n</main>\n</body>\n</html>\n",
        n = report.errors,
        it = if report.errors == 1 {
            "it is"
        } else {
            "they are"
        },
    )
}
