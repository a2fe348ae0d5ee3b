//! Two things that would be one file of the site: two documents with one
//! id, a page and a copied file at one path, names that differ only in case
//! or in how an accent is encoded (one file on a Windows or Mac share), and
//! a file where a page needs a folder. Each is an error naming both, found
//! by `check`, rather than one silently replacing the other or the build
//! failing on the file system with no file named.

use super::index::{action_url, doc_url};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Loc};
use crate::model::{Document, Kind, folded};
use std::collections::BTreeMap;

/// Two files that claim one id (`about.md` and `about/index.md`).
pub fn report_duplicate_ids(docs: &[Document], diags: &mut Diagnostics) {
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
struct Maker {
    /// The path as the build writes it.
    path: String,
    /// What makes it, as a message names it: a file, or an action in one.
    who: String,
    /// The content file to blame, and where in it (an action's id).
    file: String,
    loc: Loc,
    /// The action's id, when an action's page.
    action: Option<String>,
}

/// Two things that would write one file of the site (`about.md` and a
/// copied `about/index.html`; a page `plans/p/actions/a1.md` and action
/// a1; `Chart.png` and `chart.png`), or a file where another needs a folder
/// (a file `plans/p/actions/P1.pdf` beside the action `P1.pdf`).
pub fn report_shared_pages(
    docs: &[Document],
    assets: &[crate::load::Asset],
    sources: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) {
    let mut makers: BTreeMap<String, Vec<Maker>> = BTreeMap::new();
    let mut add = |maker: Maker| {
        makers.entry(folded(&maker.path)).or_default().push(maker);
    };
    let whole = |path: String, file: &str| Maker {
        path,
        who: file.to_string(),
        file: file.to_string(),
        loc: Loc::FILE,
        action: None,
    };
    for d in docs {
        add(whole(doc_url(&d.id), &d.file));
        if let Kind::Plan(p) = &d.kind {
            let file = p.actions_file.as_deref().unwrap_or(&d.file);
            for a in &p.actions {
                add(Maker {
                    path: action_url(&d.id, &a.id.value),
                    who: format!("action {} in {file}", a.id.value),
                    file: file.to_string(),
                    loc: a.id.loc,
                    action: Some(a.id.value.clone()),
                });
            }
        }
    }
    for a in assets {
        add(whole(a.rel.clone(), &a.path.display().to_string()));
    }
    for who in makers.values() {
        // Two files with one id are reported by `report_duplicate_ids`.
        if let [other, blamed, ..] = who.as_slice()
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
                file: &blamed.file,
                text: sources.get(&blamed.file).map_or("", String::as_str),
                diags,
            }
            .error(Code::PageClash, blamed.loc, message, Some(help));
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
