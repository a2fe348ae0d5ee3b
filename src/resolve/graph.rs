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
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Who refers to whom, as far as pages can show it.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Graph {
    /// The published documents' ids, sorted.
    pub published: Vec<String>,
    /// For each document referred to (published or not), the documents
    /// that refer to it, in the site's order.
    pub referred_by: BTreeMap<String, Vec<String>>,
}

impl Graph {
    pub fn of(site: &Site) -> Graph {
        Graph {
            published: site.documents.iter().map(|d| d.id.clone()).collect(),
            referred_by: site
                .backlinks
                .iter()
                .map(|(target, list)| {
                    let mut sources: Vec<String> = list.iter().map(|b| b.source.clone()).collect();
                    sources.dedup();
                    (target.clone(), sources)
                })
                .collect(),
        }
    }

    /// Only what the published site shows: references between published
    /// documents.
    pub fn published_only(mut self) -> Graph {
        let published = &self.published;
        let shown = |id: &str| published.binary_search_by(|p| p.as_str().cmp(id)).is_ok();
        self.referred_by.retain(|target, sources| {
            sources.retain(|s| shown(s));
            shown(target) && !sources.is_empty()
        });
        self
    }

    fn is_published(&self, id: &str) -> bool {
        self.published
            .binary_search_by(|p| p.as_str().cmp(id))
            .is_ok()
    }

    /// Links between published documents, either way: every reference,
    /// and each document with the one whose folder it sits in (a paper and
    /// its meeting).
    fn neighbours(&self) -> HashMap<&str, Vec<&str>> {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for (target, sources) in &self.referred_by {
            if !self.is_published(target) {
                continue;
            }
            for source in sources.iter().filter(|s| self.is_published(s)) {
                pairs.push((target, source));
            }
        }
        for id in &self.published {
            if let Some((parent, _)) = id.rsplit_once('/')
                && self.is_published(parent)
            {
                pairs.push((parent, id));
            }
        }
        let mut near: HashMap<&str, Vec<&str>> = HashMap::new();
        for (a, b) in pairs.into_iter().filter(|(a, b)| a != b) {
            near.entry(a).or_default().push(b);
            near.entry(b).or_default().push(a);
        }
        near
    }

    /// Every published document within two links of `changed`.
    fn within_two<'a>(&'a self, changed: &'a BTreeSet<String>) -> BTreeSet<&'a str> {
        let near = self.neighbours();
        let mut found: BTreeSet<&str> = changed
            .iter()
            .filter(|id| self.is_published(id))
            .map(String::as_str)
            .collect();
        for _ in 0..2 {
            let next: Vec<&str> = found
                .iter()
                .flat_map(|id| near.get(id).into_iter().flatten().copied())
                .collect();
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
        .filter(|d| named(old, &d.id) != named(new, &d.id))
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
            ids.extend(graph.referred_by.get(id).into_iter().flatten().cloned());
        }
    }
    ids
}
