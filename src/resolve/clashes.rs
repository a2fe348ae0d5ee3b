//! Two things that would be one file of the site: two documents with one
//! id, a page and a copied file at one path, names that differ only in case
//! or in how an accent is encoded (one file on a Windows or Mac share), and
//! a file where a page needs a folder. Each is an error naming both, found
//! by `check`, rather than one silently replacing the other or the build
//! failing on the file system with no file named.

use super::index::{action_url, doc_url};
use crate::diagnostics::{Diagnostics, FileReporter};
use crate::model::{Document, Kind, folded};
use std::collections::BTreeMap;

/// Two files that claim one id (`about.md` and `about/index.md`).
pub fn report_duplicate_ids(docs: &[Document], diags: &mut Diagnostics) {
    for pair in docs.windows(2) {
        if pair[0].id == pair[1].id {
            diags.push(FileReporter::whole_file_error(
                &pair[1].file,
                &format!(
                    "this file and {} both make the page `{}`",
                    pair[0].file, pair[0].id
                ),
                Some("rename or remove one of them".into()),
            ));
        }
    }
}

/// One path of the site and what makes it.
struct Maker {
    /// The path as the build writes it.
    path: String,
    /// What makes it, as a message names it: a file, or an action in one.
    who: String,
    /// The content file to blame.
    file: String,
}

/// Two things that would write one file of the site (`about.md` and a
/// copied `about/index.html`; a page `plans/p/actions/a1.md` and action
/// a1; `Chart.png` and `chart.png`), or a file where another needs a folder
/// (a file `about` beside `about.md`).
pub fn report_shared_pages(
    docs: &[Document],
    assets: &[crate::load::Asset],
    diags: &mut Diagnostics,
) {
    let mut makers: BTreeMap<String, Vec<Maker>> = BTreeMap::new();
    let mut add = |path: String, who: String, file: String| {
        makers
            .entry(folded(&path))
            .or_default()
            .push(Maker { path, who, file });
    };
    for d in docs {
        add(doc_url(&d.id), d.file.clone(), d.file.clone());
        if let Kind::Plan(p) = &d.kind {
            let file = p.actions_file.as_deref().unwrap_or(&d.file);
            for a in &p.actions {
                add(
                    action_url(&d.id, &a.id.value),
                    format!("action {} in {file}", a.id.value),
                    file.to_string(),
                );
            }
        }
    }
    for a in assets {
        let file = a.path.display().to_string();
        add(a.rel.clone(), file.clone(), file);
    }
    for who in makers.values() {
        // Two files with one id are reported by `report_duplicate_ids`.
        if let [first, second, ..] = who.as_slice()
            && first.who != second.who
            && !(first.who.ends_with(".md") && second.who.ends_with(".md"))
        {
            let (blamed, other) = (second, first);
            let message = if first.path == second.path {
                format!("this and {} would both make `{}`", other.who, blamed.path)
            } else if blamed.path.to_lowercase() == other.path.to_lowercase() {
                format!(
                    "this would make `{}` and {} would make `{}`: on a Windows or Mac file share, names that differ only in upper and lower case are one file",
                    blamed.path, other.who, other.path
                )
            } else {
                format!(
                    "this and {} have one name, `{}`, with its accents encoded in two ways (composed and decomposed): on a Mac or Windows file share, and to a reader, they are one file",
                    other.who, blamed.path
                )
            };
            diags.push(FileReporter::whole_file_error(
                &blamed.file,
                &message,
                Some("rename or move one of them".into()),
            ));
        }
    }
    // A file whose path is a folder that another path needs.
    let mut reported = std::collections::BTreeSet::new();
    for (key, who) in &makers {
        let mut folder = key.as_str();
        while let Some((parent, _)) = folder.rsplit_once('/') {
            folder = parent;
            let Some(blocking) = makers.get(folder).and_then(|m| m.first()) else {
                continue;
            };
            if !reported.insert(folder) {
                break;
            }
            let needs = &who[0];
            diags.push(FileReporter::whole_file_error(
                &blocking.file,
                &format!(
                    "this file would be written as `{}`, where {} needs a folder of that name for `{}`",
                    blocking.path, needs.who, needs.path
                ),
                Some("rename the file, or give it an extension such as `.pdf`".into()),
            ));
            break;
        }
    }
}
