//! Which documents' pages an edit can change. A document's page shows
//! what it says and, of other documents, what is within two references of
//! it either way: the titles and statuses of what it links to and what
//! links to it, and through a plan's actions the evidence behind each
//! recommendation's chain. A meeting and its papers show each other.
//!
//! The preview compares the site before and after a save; a rebuild
//! compares the site with the graph the last build kept.

use super::Site;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Who refers to whom, as far as pages can show it: borrowed from a site,
/// or owned when read back from a record.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Graph<'a> {
    /// The published documents' ids, sorted.
    pub published: Vec<Cow<'a, str>>,
    /// For each document referred to (published or not), the documents
    /// that refer to it, in the site's order.
    pub referred_by: BTreeMap<Cow<'a, str>, Vec<Cow<'a, str>>>,
}

impl<'a> Graph<'a> {
    pub fn of(site: &'a Site) -> Graph<'a> {
        Graph {
            published: site
                .documents
                .iter()
                .map(|d| Cow::Borrowed(d.id.as_str()))
                .collect(),
            referred_by: site
                .backlinks
                .iter()
                .map(|(target, list)| {
                    let mut sources: Vec<Cow<str>> = list
                        .iter()
                        .map(|b| Cow::Borrowed(b.source.as_str()))
                        .collect();
                    sources.dedup();
                    (Cow::Borrowed(target.as_str()), sources)
                })
                .collect(),
        }
    }

    /// Only what the published site shows: references between published
    /// documents.
    pub fn published_only(mut self) -> Graph<'a> {
        let published = &self.published;
        let shown = |id: &str| published.binary_search_by(|p| (**p).cmp(id)).is_ok();
        self.referred_by.retain(|target, sources| {
            sources.retain(|s| shown(s));
            shown(target) && !sources.is_empty()
        });
        self
    }

    fn is_published(&self, id: &str) -> bool {
        self.published.binary_search_by(|p| (**p).cmp(id)).is_ok()
    }

    /// The published documents one link from any of `found`, either way:
    /// what refers to them, what they refer to, the document whose folder
    /// each sits in (a paper's meeting) and the documents in its folder.
    fn next_to<'s>(&'s self, found: &BTreeSet<&'s str>) -> Vec<&'s str> {
        let mut next: Vec<&str> = Vec::new();
        for &id in found {
            let referring = self.referred_by.get(id).into_iter().flatten();
            next.extend(
                referring
                    .map(|s| s.as_ref())
                    .filter(|s| self.is_published(s)),
            );
            if let Some((parent, _)) = id.rsplit_once('/')
                && let Ok(i) = self.published.binary_search_by(|p| (**p).cmp(parent))
            {
                next.push(&self.published[i]);
            }
            if !id.is_empty() {
                let prefix = format!("{id}/");
                let from = self.published.partition_point(|p| **p < *prefix);
                next.extend(
                    self.published[from..]
                        .iter()
                        .take_while(|p| p.starts_with(&prefix))
                        .filter(|p| !p[prefix.len()..].contains('/'))
                        .map(|p| p.as_ref()),
                );
            }
        }
        // What they refer to: every reference is looked at once, and only
        // the ones from `found` kept.
        for (target, sources) in &self.referred_by {
            if sources.iter().any(|s| found.contains(s.as_ref())) && self.is_published(target) {
                next.push(target);
            }
        }
        next
    }

    /// Every published document within two links of `changed`.
    fn within_two<'s>(&'s self, changed: &'s BTreeSet<String>) -> BTreeSet<&'s str> {
        let mut found: BTreeSet<&str> = changed
            .iter()
            .filter(|id| self.is_published(id))
            .map(String::as_str)
            .collect();
        for _ in 0..2 {
            let next = self.next_to(&found);
            found.extend(next);
        }
        found
    }
}

/// What other pages show of a document when they name it: its title, its
/// name ("2023 Ofsted inspection"), its address and why it is not
/// published. One document's edit can change another's name (two Ofsted
/// inspections in one year go by their months), and with it every page
/// that names the other: so a document whose name changed counts as
/// changed itself.
pub fn named(site: &Site, id: &str) -> String {
    format!("{:?}", site.index.doc(id))
}

/// The published documents of `new` that `old` named otherwise.
pub fn renamed(old: &Site, new: &Site) -> Vec<String> {
    new.documents
        .iter()
        .filter(|d| old.index.doc(&d.id) != new.index.doc(&d.id))
        .map(|d| d.id.clone())
        .collect()
}

/// The documents whose pages may differ between the sites `old` and `new`
/// are graphs of, when the documents `changed` were edited, judged in both
/// (a reference added and one removed both count).
pub fn touched(old: &Graph, new: &Graph, changed: &BTreeSet<String>) -> BTreeSet<String> {
    // An edit to a document that is not published can still change how
    // links to it read ("exempt (paragraph 3)"): its neighbours count.
    let mut ids: BTreeSet<String> = old
        .within_two(changed)
        .into_iter()
        .chain(new.within_two(changed))
        .map(str::to_string)
        .collect();
    for id in changed {
        for graph in [old, new] {
            let referring = graph.referred_by.get(id.as_str()).into_iter().flatten();
            ids.extend(referring.map(|s| s.to_string()));
        }
    }
    ids
}
