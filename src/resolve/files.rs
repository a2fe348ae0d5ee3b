//! Which files from the content folder (images, PDFs) are copied to the
//! site. A file is published only when a published page links to it (in
//! its text, or as one of its `attachments`), or it
//! sits in a published document's own folder and no unpublished document
//! uses it. A file in an exempt or draft document's folder is never
//! published, whoever links to it: the folder is the document's.

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Severity};
use crate::load::Asset;
use crate::model::{Document, Kind, RelativeLink, relative_link};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The files that are copied, and why each of the others is not.
#[derive(Debug, Default)]
pub struct Files {
    /// Copied to the site, by path under `content/`.
    pub published: Vec<Asset>,
    /// Not copied: path under `content/` → why, as a link to it from a
    /// public page says ("exempt (paragraph 3)", "draft", "not published").
    pub withheld: BTreeMap<String, String>,
}

/// Decides, for every file, whether it is copied. `hidden` holds the
/// documents this build leaves out, with why. A file nothing uses, in no
/// document's folder, is not copied and is reported as a warning.
pub fn decide(
    docs: &[Arc<Document>],
    assets: Vec<Asset>,
    hidden: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) -> Files {
    let mut linked_by_published: BTreeSet<String> = BTreeSet::new();
    let mut linked_by_hidden: BTreeSet<String> = BTreeSet::new();
    for doc in docs {
        let set = if hidden.contains_key(&doc.id) {
            &mut linked_by_hidden
        } else {
            &mut linked_by_published
        };
        for link in &doc.relative_links {
            if let Some(RelativeLink::File { path, .. }) =
                relative_link(&link.value, doc.source_dir())
            {
                set.insert(path);
            }
        }
        // An attachment is a link from its document.
        for a in &doc.common.attachments {
            if let Some(path) = doc.attachment_path(a) {
                set.insert(path);
            }
        }
    }
    // The folders that belong to a document: `meetings/m/` is the
    // meeting's, `meetings/m/closed/` the paper `closed`'s. The home page
    // and the lists' introductions own no folder.
    let folders: BTreeMap<&str, Option<&String>> = docs
        .iter()
        .filter(|d| !matches!(d.kind, Kind::Home | Kind::ListIntro) && !d.id.is_empty())
        .map(|d| (d.id.as_str(), hidden.get(&d.id)))
        .collect();

    let mut files = Files::default();
    for asset in assets {
        // Each folder the file sits in, looked up: a document's, or not.
        let owners: Vec<Option<&String>> = asset
            .rel
            .match_indices('/')
            .filter_map(|(at, _)| folders.get(&asset.rel[..at]).copied())
            .collect();
        let owned = !owners.is_empty();
        let hidden_owner = owners.into_iter().flatten().next_back();
        let decision = if let Some(why) = hidden_owner {
            Err(why.clone())
        } else if linked_by_published.contains(&asset.rel) {
            Ok(())
        } else if linked_by_hidden.contains(&asset.rel) {
            Err("not published".to_string())
        } else if owned {
            Ok(())
        } else {
            let mut warning = FileReporter::whole_file_error(
                Code::UnlinkedFile,
                &asset.path.display().to_string(),
                "no published page links to this file and it is in no document's folder, so it is not copied to the site",
                Some("link to it from a page (`[title](path/to/file)`), put it in the folder of the document it belongs to, or delete it".into()),
            );
            warning.severity = Severity::Warning;
            diags.push(warning);
            Err("not published".to_string())
        };
        match decision {
            Ok(()) => files.published.push(asset),
            Err(why) => {
                files.withheld.insert(asset.rel, why);
            }
        }
    }
    files
}
