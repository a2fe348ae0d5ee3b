//! `follows:` chains: a document may not follow itself, nor lead round in
//! a circle back to itself.

use super::Index;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Loc};
use crate::load::{Sources, source_text};
use crate::model::Document;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Reports each document that follows itself, and each circle of
/// documents that follow one another, once, naming every file in it.
pub fn check_cycles(
    docs: &[Arc<Document>],
    index: &Index,
    sources: &Sources,
    diags: &mut Diagnostics,
) {
    // What each document follows, by canonical id, with where it says so.
    let mut edges: BTreeMap<&str, Vec<(String, Loc)>> = BTreeMap::new();
    let by_id: BTreeMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), &**d)).collect();
    for doc in docs {
        for f in doc.kind.follows() {
            if let Ok((key, _)) = index.lookup(&f.value, &doc.id)
                && !key.contains('#')
            {
                edges.entry(&doc.id).or_default().push((key, f.loc));
            }
        }
    }
    let mut reported: BTreeSet<Vec<String>> = BTreeSet::new();
    for (&start, _) in edges.iter() {
        let Some(cycle) = find_cycle(start, &edges) else {
            continue;
        };
        // The same circle is found from each of its members: report it once.
        let mut key = cycle.clone();
        key.sort();
        if !reported.insert(key) {
            continue;
        }
        let Some(first) = by_id.get(start) else {
            continue;
        };
        let loc = edges
            .get(start)
            .and_then(|e| e.iter().find(|(to, _)| *to == cycle[1 % cycle.len()]))
            .map_or(Loc::FILE, |(_, loc)| *loc);
        let text = source_text(sources, &first.file);
        let mut r = FileReporter {
            file: &first.file,
            text,
            diags,
        };
        if cycle.len() == 1 {
            r.error(
                Code::CircularReference,
                loc,
                format!("`{start}` follows itself"),
                Some(
                    "`follows` names the earlier inspection, visit or review that this one follows"
                        .into(),
                ),
            );
        } else {
            let files: Vec<String> = cycle
                .iter()
                .chain(std::iter::once(&cycle[0]))
                .map(|id| {
                    by_id
                        .get(id.as_str())
                        .map_or(id.clone(), |d| d.file.clone())
                })
                .collect();
            r.error(
                Code::CircularReference,
                loc,
                format!(
                    "these documents follow one another in a circle: {}",
                    files.join(" follows ")
                ),
                Some("each document follows an earlier one: remove the `follows` that points forward in time".into()),
            );
        }
    }
}

/// The circle through `start`, if following from it leads back to it:
/// `[start, what start follows, what that follows, ...]`.
fn find_cycle(start: &str, edges: &BTreeMap<&str, Vec<(String, Loc)>>) -> Option<Vec<String>> {
    // Depth-first, remembering the path; documents are few per chain.
    let mut stack: Vec<(String, usize)> = vec![(start.to_string(), 0)];
    let mut on_path: BTreeSet<String> = BTreeSet::from([start.to_string()]);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    while let Some((node, next)) = stack.last().cloned() {
        let outs = edges.get(node.as_str()).map_or(&[][..], Vec::as_slice);
        if next >= outs.len() {
            stack.pop();
            on_path.remove(&node);
            seen.insert(node);
            continue;
        }
        if let Some(top) = stack.last_mut() {
            top.1 += 1;
        }
        let to = &outs[next].0;
        if to == start {
            return Some(stack.into_iter().map(|(n, _)| n).collect());
        }
        if !on_path.contains(to) && !seen.contains(to) {
            on_path.insert(to.clone());
            stack.push((to.clone(), 0));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(pairs: &[(&'static str, &str)]) -> BTreeMap<&'static str, Vec<(String, Loc)>> {
        let mut g: BTreeMap<&str, Vec<(String, Loc)>> = BTreeMap::new();
        for (a, b) in pairs {
            g.entry(a).or_default().push((b.to_string(), Loc::FILE));
        }
        g
    }

    #[test]
    fn circles_are_found_and_chains_are_not() {
        let g = graph(&[("c", "b"), ("b", "a")]);
        assert_eq!(find_cycle("c", &g), None);
        let g = graph(&[("a", "a")]);
        assert_eq!(find_cycle("a", &g), Some(vec!["a".to_string()]));
        let g = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]);
        assert_eq!(
            find_cycle("a", &g),
            Some(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(find_cycle("d", &g), None);
    }
}
