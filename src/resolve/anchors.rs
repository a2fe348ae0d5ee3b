//! `#anchor` links: `[x](other.md#a-heading)` and `[x](#a-heading)` must
//! name a heading (or an id written in the page) that the target page
//! has, as `zola check` does. An anchor that names an item (a
//! recommendation, an action) is checked with the other references.

use super::index::Index;
use crate::diagnostics::{Code, Diagnostics, FileReporter, suggest};
use crate::load::{Sources, source_text};
use crate::model::{At, Document, PAGE_IDS, RelativeLink, relative_link};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Reports every `#anchor` link whose target page has no such anchor.
/// A page that could not be read in full (a plan whose actions.yaml is
/// broken) is not checked: its items are unknown.
pub fn check(
    docs: &[Arc<Document>],
    index: &Index,
    known: (&Sources, &BTreeSet<String>),
    diags: &mut Diagnostics,
) {
    let (sources, unreadable) = known;
    let by_id: BTreeMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), &**d)).collect();
    for doc in docs {
        for link in &doc.relative_links {
            let Some((target, anchor)) = anchor_link(doc, link, index) else {
                continue;
            };
            let Some(page) = by_id.get(target.as_str()) else {
                continue;
            };
            if unreadable.contains(&page.id) {
                continue;
            }
            if anchor.is_empty()
                || page.anchors.contains(&anchor)
                || PAGE_IDS.contains(&anchor.as_str())
            {
                continue;
            }
            let on = if page.id == doc.id {
                "this page".to_string()
            } else {
                format!("`{}`", page.file)
            };
            let help = suggest(
                &anchor,
                page.anchors.iter().map(String::as_str),
                "its headings' anchors are",
            )
            .unwrap_or_else(|| "that page has no headings to link to".into());
            let text = source_text(sources, &doc.file);
            FileReporter {
                file: &doc.file,
                text,
                diags,
            }
            .error(
                Code::UnknownAnchor,
                link.loc,
                format!(
                    "`{}` names no heading on {on}: there is no `#{anchor}` there",
                    link.value
                ),
                Some(help),
            );
        }
    }
}

/// For a link with an anchor that is not an item: the id of the document
/// it leads to and the anchor. `None` for other links, and for links to a
/// document that does not exist (reported with the other references).
fn anchor_link(doc: &Document, link: &At<String>, index: &Index) -> Option<(String, String)> {
    if let Some(anchor) = link.value.strip_prefix('#') {
        if index.lookup(&link.value, &doc.id).is_ok() {
            return None;
        }
        return Some((doc.id.clone(), anchor.to_string()));
    }
    let Some(RelativeLink::Document(target)) = relative_link(&link.value, doc.source_dir()) else {
        return None;
    };
    let (name, anchor) = target.split_once('#')?;
    if index.lookup(&target, &doc.id).is_ok() {
        return None;
    }
    let (_, entry) = index.lookup(name, &doc.id).ok()?;
    Some((entry.doc.clone(), anchor.to_string()))
}
