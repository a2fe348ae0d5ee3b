//! Two things that would be one file of the site: two documents with one
//! id, a page and a copied file at one path, names that differ only in case
//! or in how an accent is encoded (one file on a Windows or Mac share), and
//! a file where a page needs a folder. Each is an error naming both, found
//! by `check`, rather than one silently replacing the other or the build
//! failing on the file system with no file named.

use super::index::{action_url, doc_url};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Loc};
use crate::load::{Sources, source_text};
use crate::model::{Document, Kind, folded};
use rayon::prelude::*;
use std::borrow::Cow;
use std::sync::Arc;

/// Two files that claim one id (`about.md` and `about/index.md`).
pub fn report_duplicate_ids(docs: &[Arc<Document>], diags: &mut Diagnostics) {
    for pair in docs.windows(2) {
        if pair[0].id == pair[1].id {
            diags.push(FileReporter::whole_file_error(
                Code::PageClash,
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
struct Maker<'a> {
    /// The path as the build writes it.
    path: String,
    /// What makes it, as a message names it: a file, or an action in one.
    who: Cow<'a, str>,
    /// The content file to blame, and where in it (an action's id).
    file: Cow<'a, str>,
    loc: Loc,
    /// The action's id, when an action's page.
    action: Option<&'a str>,
}

/// The paths a document makes: its page, and a plan's action pages, each
/// under its folded form.
fn makers_of(d: &Document) -> Vec<(String, Maker<'_>)> {
    let mut out = Vec::new();
    let page = doc_url(&d.id);
    out.push((
        folded(&page),
        Maker {
            path: page,
            who: Cow::Borrowed(&d.file),
            file: Cow::Borrowed(&d.file),
            loc: Loc::FILE,
            action: None,
        },
    ));
    if let Kind::Plan(p) = &d.kind {
        let file = p.actions_file.as_deref().unwrap_or(&d.file);
        for a in &p.actions {
            let path = action_url(&d.id, &a.id.value);
            out.push((
                folded(&path),
                Maker {
                    path,
                    who: Cow::Owned(format!("action {} in {file}", a.id.value)),
                    file: Cow::Borrowed(file),
                    loc: a.id.loc,
                    action: Some(&a.id.value),
                },
            ));
        }
    }
    out
}

/// Two things that would write one file of the site (`about.md` and a
/// copied `about/index.html`; a page `plans/p/actions/a1.md` and action
/// a1; `Chart.png` and `chart.png`), or a file where another needs a folder
/// (a file `plans/p/actions/P1.pdf` beside the action `P1.pdf`).
pub fn report_shared_pages(
    docs: &[Arc<Document>],
    assets: &[crate::load::Asset],
    sources: &Sources,
    diags: &mut Diagnostics,
) {
    // Every path under its folded form, in the order made (documents, then
    // files), sorted by that form: a stable sort keeps the order made
    // within each form, so the first maker of a path comes first.
    let mut all: Vec<(String, Maker)> = docs.par_iter().flat_map_iter(|d| makers_of(d)).collect();
    for a in assets {
        let file = a.path.display().to_string();
        all.push((
            folded(&a.rel),
            Maker {
                path: a.rel.clone(),
                who: Cow::Owned(file.clone()),
                file: Cow::Owned(file),
                loc: Loc::FILE,
                action: None,
            },
        ));
    }
    all.par_sort_by(|a, b| a.0.cmp(&b.0));
    let makers: Vec<(&str, &[(String, Maker)])> = all
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| (group[0].0.as_str(), group))
        .collect();
    let by_key: fnv::FnvHashMap<&str, &Maker> =
        makers.iter().map(|(key, who)| (*key, &who[0].1)).collect();
    let first_at = |key: &str| by_key.get(key).copied();
    for (_, who) in &makers {
        // Two files with one id are reported by `report_duplicate_ids`.
        if let [(_, other), (_, blamed), ..] = who
            && other.who != blamed.who
            && !(other.who.ends_with(".md") && blamed.who.ends_with(".md"))
        {
            let mut help = "rename or move one of them".to_string();
            let message = if other.path == blamed.path {
                format!("this and {} would both make `{}`", other.who, blamed.path)
            } else if let (Some(one), Some(two)) = (&other.action, &blamed.action) {
                help = "each action has its own page, and on many file shares these two would be the same folder: give one another id".into();
                format!("the action ids `{one}` and `{two}` differ only in upper and lower case")
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
            FileReporter {
                file: blamed.file.as_ref(),
                text: source_text(sources, blamed.file.as_ref()),
                diags,
            }
            .error(Code::PageClash, blamed.loc, message, Some(help));
        }
    }
    // A file whose path is a folder that another path needs.
    // Each folder is looked at once: the paths in it share every folder
    // above it.
    let mut seen = fnv::FnvHashSet::default();
    for (key, who) in &makers {
        let mut folder = *key;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            folder = parent;
            if !seen.insert(folder) {
                break;
            }
            let Some(blocking) = first_at(folder) else {
                continue;
            };
            let needs = &who[0].1;
            diags.push(FileReporter::whole_file_error(
                Code::PageClash,
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
