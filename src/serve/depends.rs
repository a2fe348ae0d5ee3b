//! Which documents' pages an edit can change. A document's page shows
//! what it says and, of other documents, what is within two references of
//! it either way: the titles and statuses of what it links to and what
//! links to it, and through a plan's actions the evidence behind each
//! recommendation's chain. A meeting and its papers show each other.

use crate::resolve::Site;
use std::collections::{BTreeSet, HashMap};

/// Links between published documents, either way: every reference, and
/// each document with the one whose folder it sits in (a paper and its
/// meeting).
fn neighbours(site: &Site) -> HashMap<&str, Vec<&str>> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (target, list) in &site.backlinks {
        let Some(target) = site.document(target) else {
            continue;
        };
        for b in list {
            if let Some(source) = site.document(&b.source) {
                pairs.push((&target.id, &source.id));
            }
        }
    }
    for d in &site.documents {
        if let Some((parent, _)) = d.id.rsplit_once('/')
            && let Some(p) = site.document(parent)
        {
            pairs.push((&p.id, &d.id));
        }
    }
    let mut near: HashMap<&str, Vec<&str>> = HashMap::new();
    for (a, b) in pairs.into_iter().filter(|(a, b)| a != b) {
        near.entry(a).or_default().push(b);
        near.entry(b).or_default().push(a);
    }
    near
}

/// Every document within two links of `changed` in `site`.
fn within_two<'a>(site: &'a Site, changed: &BTreeSet<String>) -> BTreeSet<&'a str> {
    let near = neighbours(site);
    let mut found: BTreeSet<&str> = changed
        .iter()
        .filter_map(|id| site.document(id))
        .map(|d| d.id.as_str())
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

/// The documents whose pages may differ between `old` and `new` when the
/// documents `changed` were edited, judged in both sites (a reference
/// added and one removed both count).
pub fn touched(old: &Site, new: &Site, changed: &BTreeSet<String>) -> BTreeSet<String> {
    // An edit to a document that is not published can still change how
    // links to it read ("exempt (paragraph 3)"): its neighbours count.
    let mut ids: BTreeSet<String> = within_two(old, changed)
        .into_iter()
        .chain(within_two(new, changed))
        .map(str::to_string)
        .collect();
    for id in changed {
        for site in [old, new] {
            let sources = site.backlinks.get(id).into_iter().flatten();
            ids.extend(sources.map(|b| b.source.clone()));
        }
    }
    ids
}
