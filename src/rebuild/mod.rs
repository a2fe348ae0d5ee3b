//! Rebuilds that render only what an edit touched. A build that keeps a
//! spare leaves a record of itself beside it: a fingerprint of everything
//! every page depends on, each published document's digest (its files'
//! SHA-256) with the files its pages are, and the references between
//! published documents. The next build that claims the spare compares:
//! when the fingerprint and the published documents are the same, it
//! renders again only the documents within two references of one whose
//! digest changed (the rule the preview follows, see
//! [`graph`](crate::resolve::graph)) and every page made from the whole
//! site, and keeps the other documents' files where they are, provided
//! each is still the very file the last build published.
//!
//! The record names only what the published site shows: published
//! documents and their links. A change to a file of an unpublished
//! document, to `site.yaml` or to anything else outside a published
//! document is folded into the fingerprint, so it renders every page.

mod fingerprint;

use crate::render::{Kept, Rendered};
use crate::resolve::Site;
use crate::resolve::graph::{Graph, touched};
use crate::write::{RecordSlot, Stamp};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Changes whenever what the record holds, or how it is read, changes.
const VERSION: u32 = 1;

/// What the last build left.
#[derive(Serialize, Deserialize)]
struct Record<'g> {
    version: u32,
    fingerprint: String,
    /// Each published document, in the site's order.
    documents: Vec<Entry>,
    graph: Graph<'g>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    id: String,
    digest: String,
    /// The files its pages are, each as the last build published it.
    files: Vec<(String, Stamp)>,
}

/// This build, as a record compares it.
pub struct Now<'a> {
    fingerprint: String,
    /// Each published document's digest, in the site's order.
    digests: Vec<String>,
    graph: Graph<'a>,
}

impl<'a> Now<'a> {
    /// `None` where this build cannot be told apart from another (the
    /// program's own file cannot be read): then nothing is kept.
    pub fn of(
        site: &'a Site,
        theme: &crate::render::theme::Theme,
        publish: crate::resolve::Publish,
    ) -> Option<Now<'a>> {
        let published: BTreeSet<&str> = site.documents.iter().map(|d| d.id.as_str()).collect();
        Some(Now {
            fingerprint: fingerprint::everything(site, theme, publish, &published)?,
            digests: fingerprint::documents(site, &published),
            graph: Graph::of(site),
        })
    }

    /// What of the last build, recorded in `record`, can be kept
    /// unrendered: the documents within two references of no changed one,
    /// with their files. Nothing when the record is of another kind of
    /// build (another date, theme, program or `site.yaml`) or another set
    /// of documents.
    pub fn keepable(&self, site: &Site, record: &[u8]) -> Option<Keepable> {
        let record: Record<'static> = serde_json::from_slice(record).ok()?;
        let same_build = record.version == VERSION && record.fingerprint == self.fingerprint;
        let same_documents = record.documents.len() == site.documents.len()
            && record
                .documents
                .iter()
                .zip(&site.documents)
                .all(|(e, d)| e.id == d.id);
        if !same_build || !same_documents {
            return None;
        }
        let changed: BTreeSet<String> = record
            .documents
            .iter()
            .zip(&self.digests)
            .filter(|(e, digest)| e.digest != **digest)
            .map(|(e, _)| e.id.clone())
            .collect();
        let touched = touched(&record.graph, &self.graph, &changed);
        let mut keep = Keepable::default();
        for (i, entry) in record.documents.into_iter().enumerate() {
            if !touched.contains(&entry.id) {
                let paths = entry.files.iter().map(|(p, _)| p.clone()).collect();
                keep.kept.documents.insert(i, paths);
                keep.files.extend(entry.files);
            }
        }
        Some(keep)
    }

    /// The record of this build, once committed: `None` if a file of it
    /// cannot be stamped (then the next build renders everything).
    pub fn record(
        self,
        site: &Site,
        rendered: &Rendered,
        kept: &Kept,
        slot: &RecordSlot,
    ) -> Option<Vec<u8>> {
        let mut made: BTreeMap<usize, &Vec<String>> =
            rendered.documents.iter().map(|(i, p)| (*i, p)).collect();
        made.extend(kept.documents.iter().map(|(i, p)| (*i, p)));
        let documents = site
            .documents
            .par_iter()
            .zip(self.digests)
            .enumerate()
            .map(|(i, (doc, digest))| {
                let mut paths = made.get(&i).map(|p| p.to_vec()).unwrap_or_default();
                paths.sort_unstable();
                let files = paths
                    .into_iter()
                    .map(|p| slot.stamp(&p).map(|s| (p, s)))
                    .collect::<Option<Vec<_>>>()?;
                Some(Entry {
                    id: doc.id.clone(),
                    digest,
                    files,
                })
            })
            .collect::<Option<Vec<Entry>>>()?;
        let record = Record {
            version: VERSION,
            fingerprint: self.fingerprint,
            documents,
            graph: self.graph.published_only(),
        };
        serde_json::to_vec(&record).ok()
    }
}

/// What a rebuild keeps of the last build.
#[derive(Debug, Default)]
pub struct Keepable {
    pub kept: Kept,
    /// The kept files, as the last build published them.
    pub files: Vec<(String, Stamp)>,
}
