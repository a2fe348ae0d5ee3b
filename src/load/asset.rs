//! Files copied to the site as they are (pictures, PDFs, office documents):
//! which kinds are, and that none of them can run in a member's browser.
//!
//! Kinds are allowed by name, not refused by name: a file whose kind is not
//! on the list below is an error, so a kind nobody thought of is not
//! published by default. SVG drawings are the one kind a browser opens as a
//! document that could hold script, so each is read and checked
//! (`svg.rs`). Everything else on the list a browser shows as a picture,
//! as text, or hands to another program.

mod address;
mod css;
mod pdf;
mod svg;

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Severity};
use std::sync::Arc;

/// The kinds copied, by extension in lower case, grouped as the messages
/// and `docs/safety.md` list them.
pub const ALLOWED: [(&str, &[&str]); 5] = [
    (
        "pictures",
        &["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"],
    ),
    ("PDF", &["pdf"]),
    (
        "office documents",
        &[
            "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf",
        ],
    ),
    ("data", &["csv"]),
    ("plain text", &["txt"]),
];

/// Files Windows and Office leave in shared folders. They are skipped with
/// a warning, so a folder copied from a file share still builds.
fn clutter(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["thumbs.db", "ehthumbs.db", "desktop.ini"].contains(&lower.as_str()) || lower.starts_with("~$")
}

/// What may be copied: `Some(None)` for the file as it is, `Some(Some(bytes))`
/// for a file read to be checked (the checked bytes are what is published).
pub type Copied = Option<Option<Arc<[u8]>>>;

/// Checks a file that would be copied as it is (`rel` under `content/`,
/// named `file` in messages); `None` when it is not to be copied. Only an
/// SVG drawing is read. `Err` only when that drawing cannot be read at all.
pub fn check(
    file: &str,
    rel: &str,
    bytes: impl FnOnce() -> std::io::Result<Vec<u8>>,
    diags: &mut Diagnostics,
) -> std::io::Result<Copied> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if clutter(name) {
        diags.push(FileReporter::whole_file_warning(
            Code::IgnoredFile,
            file,
            &format!("`{name}` is a file Windows or Office leaves in folders; it is not published (you can delete it)"),
        ));
        return Ok(None);
    }
    let ext = extension(name);
    if ext == "svg" {
        return drawing(file, bytes, diags);
    }
    if allowed(&ext) {
        return Ok(Some(None));
    }
    let (message, help) = refusal(&ext);
    diags.push(FileReporter::whole_file_error(
        Code::UnsafeFileType,
        file,
        &message,
        Some(help),
    ));
    Ok(None)
}

/// A file name's extension in lower case; empty when it has none.
fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn allowed(ext: &str) -> bool {
    ALLOWED.iter().any(|(_, exts)| exts.contains(&ext))
}

/// Why a file of this name is never copied, and what to do instead: the
/// same reasons [`check`] gives the file itself. `None` for a kind that is
/// copied (an SVG drawing still has its content checked).
pub fn refused(name: &str) -> Option<(String, String)> {
    if clutter(name) {
        return Some((
            format!(
                "`{name}` is a file Windows or Office leaves in folders, and is never published"
            ),
            "name the document itself".into(),
        ));
    }
    let ext = extension(name);
    (!allowed(&ext)).then(|| refusal(&ext))
}

/// What the build knows of a copied file: its size, and for a PDF its
/// pages (`Err` with why they could not be read). A PDF too large to read
/// (see `MAX_FILE_BYTES`) has its size and no pages, and no complaint.
pub fn facts(
    name: &str,
    path: &std::path::Path,
    checked: Option<&[u8]>,
    read: impl FnOnce() -> std::io::Result<Vec<u8>>,
) -> (Option<u64>, Option<Result<u32, String>>) {
    let on_disk = || std::fs::metadata(path).ok().map(|m| m.len());
    if extension(name) == "pdf" {
        return match read() {
            Ok(bytes) => (Some(bytes.len() as u64), Some(pdf::pages(&bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => (on_disk(), None),
            Err(e) => (on_disk(), Some(Err(e.to_string()))),
        };
    }
    match checked {
        Some(bytes) => (Some(bytes.len() as u64), None),
        // A site held in memory has no files on disk: read it to measure it.
        None => (
            on_disk().or_else(|| read().ok().map(|b| b.len() as u64)),
            None,
        ),
    }
}

/// Reads and checks an SVG drawing, reporting every reason it is refused.
fn drawing(
    file: &str,
    bytes: impl FnOnce() -> std::io::Result<Vec<u8>>,
    diags: &mut Diagnostics,
) -> std::io::Result<Copied> {
    let bytes = match bytes() {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
            diags.push(FileReporter::whole_file_error(
                Code::FileTooLarge,
                file,
                "this drawing is larger than 16 MB, more than oversight reads to check it",
                Some("export it as PNG, or attach it as a PDF".into()),
            ));
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let (text, findings) = match svg::decode(&bytes) {
        Ok(text) => (text, svg::check(text)),
        Err(f) => ("", vec![f]),
    };
    let mut r = FileReporter { file, text, diags };
    for f in &findings {
        r.report(
            Code::UnsafeSvg,
            Severity::Error,
            f.loc,
            f.message.clone(),
            Some(f.help.clone()),
        );
    }
    Ok(findings.is_empty().then(|| Some(Arc::from(bytes))))
}

/// What to say about a kind that is not copied, and what to do instead.
fn refusal(ext: &str) -> (String, String) {
    let kinds = || {
        ALLOWED
            .iter()
            .map(|(what, exts)| format!("{what} ({})", exts.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let own = |message: &str, help: &str| (message.to_string(), help.to_string());
    match ext {
        "html" | "htm" | "xhtml" | "xht" | "shtml" | "js" | "mjs" | "cjs" => own(
            "oversight does not publish HTML or script files from the content folder: they would reach members as they are, unchecked",
            "write the page in Markdown (a `.md` file), or attach the document as a PDF",
        ),
        "xml" | "xsl" | "xslt" => own(
            "oversight does not publish XML files: a browser opens one as a page, and a style sheet (XSLT) can make it run script",
            "publish the data as CSV, or attach the document as a PDF",
        ),
        "svgz" => own(
            "oversight does not publish compressed drawings (`.svgz`): they cannot be checked for script",
            "save the drawing as plain, uncompressed SVG (`.svg`), or export it as PNG",
        ),
        "docm" | "dotm" | "xlsm" | "xltm" | "pptm" | "potm" | "ppsm" => own(
            "oversight does not publish Office files with macros: macros are programs",
            "save it without macros (`.docx`, `.xlsx`, `.pptx`), or as PDF",
        ),
        "css" => own(
            "oversight does not publish style sheets from the content folder",
            "put styles in the theme: `themes/<name>/static/`",
        ),
        "md" | "markdown" | "yaml" | "yml" => own(
            "this file's extension is not the lower-case `.md` or `.yaml` oversight reads",
            "rename it with a lower-case `.md` (a page) or `.yaml` (data) extension",
        ),
        "tif" | "tiff" | "bmp" | "heic" | "heif" => own(
            "browsers cannot show this kind of picture, so oversight does not publish it",
            "export it as PNG or JPEG",
        ),
        "" => (
            "this file has no extension, so neither oversight nor a browser can tell what it is; it is not published".into(),
            format!("only these kinds are copied: {}", kinds()),
        ),
        _ => (
            format!("oversight does not publish `.{ext}` files; only the kinds listed below are copied to the site"),
            format!(
                "{}; attach the document as a PDF, or link to where it is published",
                kinds()
            ),
        ),
    }
}

#[cfg(test)]
mod tests;
