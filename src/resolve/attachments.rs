//! Each attachment must be a file in its document's own folder, of a kind
//! the build copies, and there. What the build knows of the file (its
//! size, a PDF's pages) is put on the attachment for the page to show.
//! Whether the file is copied is decided with every other file, in
//! `files.rs`: an attachment counts as a link from its document.

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, suggest};
use crate::load::{Asset, refused_kind};
use crate::load::{Sources, source_text};
use crate::model::{Attachment, Document, FileFacts};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Checks every document's attachments and records what is known of each
/// file. Reports every problem; an attachment with one keeps no facts.
pub fn resolve(
    docs: &mut [Arc<Document>],
    assets: &[Asset],
    sources: &Sources,
    diags: &mut Diagnostics,
) {
    let by_path: BTreeMap<&str, &Asset> = assets.iter().map(|a| (a.rel.as_str(), a)).collect();
    for doc in docs.iter_mut() {
        if doc.common.attachments.is_empty() {
            continue;
        }
        let text = source_text(sources, &doc.file);
        let mut r = FileReporter {
            file: &doc.file,
            text,
            diags,
        };
        // The folder as messages name it: the document file's own.
        let folder = doc
            .file
            .rsplit_once('/')
            .map_or(String::new(), |(d, _)| format!("{d}/"));
        let facts: Vec<_> = doc
            .common
            .attachments
            .iter()
            .map(|a| check(&mut r, doc, a, &folder, &by_path))
            .collect();
        if doc.common.attachments.iter().map(|a| &a.facts).ne(&facts) {
            let doc = Arc::make_mut(doc);
            for (a, f) in doc.common.attachments.iter_mut().zip(facts) {
                a.facts = f;
            }
        }
    }
}

fn check(
    r: &mut FileReporter,
    doc: &Document,
    a: &Attachment,
    folder: &str,
    by_path: &BTreeMap<&str, &Asset>,
) -> Option<FileFacts> {
    let name = a.file.value.as_str();
    let Some(path) = doc.attachment_path(a) else {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        r.error(
            Code::AttachmentElsewhere,
            a.file.loc,
            format!("`{name}` is not in this document's folder"),
            Some(format!(
                "an attachment is a file in the same folder as the document, `{folder}`: put the file there and write `file: {base}`"
            )),
        );
        return None;
    };
    if name.ends_with(".md") || name.ends_with(".yaml") {
        r.error(
            Code::AttachmentIsRecord,
            a.file.loc,
            format!("`{name}` is part of the record, not a file to attach"),
            Some("attach the published file (a PDF, a spreadsheet); link to a page of the record in the text instead: `[title](other.md)`".into()),
        );
        return None;
    }
    if let Some((why, help)) = refused_kind(name) {
        r.error(
            Code::CannotAttach,
            a.file.loc,
            format!("`{name}` cannot be attached: {why}"),
            Some(help),
        );
        return None;
    }
    let Some(asset) = by_path.get(path.as_str()) else {
        let dir = doc.source_dir();
        let here = by_path.keys().filter_map(|p| {
            let (d, n) = p.rsplit_once('/').unwrap_or(("", p));
            (d == dir).then_some(n)
        });
        // Once the file's messages are full, a suggestion would not be shown.
        let help = if r.diags.full(r.file) {
            None
        } else {
            suggest(name, here, "files there")
        };
        r.error(
            Code::MissingAttachment,
            a.file.loc,
            format!("there is no file `{name}` in `{folder}`"),
            help.or_else(|| Some("put the file in the document's folder, or correct its name (names are case-sensitive)".into())),
        );
        return None;
    };
    if let Some(Err(why)) = &asset.pdf_pages {
        r.warning(
            Code::UncountedPages,
            a.file.loc,
            format!("the pages of `{name}` cannot be counted: {why}; it is published without its number of pages"),
            Some("check that it opens in a PDF reader; saved again as a PDF without a password, it shows its pages".into()),
        );
    }
    Some(FileFacts {
        bytes: asset.bytes,
        pages: asset
            .pdf_pages
            .as_ref()
            .and_then(|p| p.as_ref().ok().copied()),
    })
}
