//! The preview's pages: the site built in memory, or a page of errors.

use crate::app::{Options, Report, render};
use crate::render::{Content, OutputFile};
use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::Response;
use std::collections::HashMap;

/// The latest build: its files, or the errors that stopped it.
pub struct Preview {
    pub report: Report,
    files: HashMap<String, Content>,
    /// The page shown for every address while the content has errors.
    errors: Option<String>,
}

impl Preview {
    /// Builds the site in memory. `Err` only for trouble that is not the
    /// content's fault (the content folder is missing).
    pub fn build(opts: &Options) -> Result<Preview, String> {
        let (report, files) = render(opts, true, &crate::progress::Silent)?;
        let errors = (!report.ok()).then(|| error_page(&report));
        let files = files
            .into_iter()
            .map(|OutputFile { path, content }| (path, content))
            .collect();
        Ok(Preview {
            report,
            files,
            errors,
        })
    }

    pub fn respond(&self, path: &str) -> Response {
        if let Some(page) = &self.errors {
            return html(StatusCode::INTERNAL_SERVER_ERROR, page.clone().into_bytes());
        }
        let path = decode(path.trim_start_matches('/'));
        let candidates = if path.is_empty() || path.ends_with('/') {
            vec![format!("{path}index.html")]
        } else {
            vec![path.clone(), format!("{path}/index.html")]
        };
        for p in candidates {
            if let Some(content) = self.files.get(&p) {
                return file(&p, content);
            }
        }
        match self.files.get("404.html") {
            Some(Content::Bytes(b)) => html(StatusCode::NOT_FOUND, b.clone()),
            _ => html(StatusCode::NOT_FOUND, b"Not found".to_vec()),
        }
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
