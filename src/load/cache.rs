//! Loading again after an edit: files whose size and modification time
//! are unchanged are not read again; their documents and problems are
//! taken from the last load. The preview loads through a cache.

use super::file::{FileRead, read_file};
use super::walk::{Loaded, assemble, list, read_content_file, read_settings_first};
use crate::diagnostics::Diagnostics;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::SystemTime;

/// What the last load read, by path under `content/`.
#[derive(Default)]
pub struct LoadCache {
    files: HashMap<String, Cached>,
}

struct Cached {
    stamp: Stamp,
    read: FileRead,
}

/// A file's size and modification time, or `None` when they cannot be had
/// (such a file is always read again).
type Stamp = Option<(u64, SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// What changed since the last load through the same cache.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Files read again because they changed, as messages name them.
    pub changed: BTreeSet<String>,
    /// The documents those files speak for (a plan for its `actions.yaml`).
    pub documents: BTreeSet<String>,
    /// Whether a file was added or removed (or this is the first load),
    /// `site.yaml` changed, or a file copied as it is (which a page may
    /// attach) changed: then anything may have.
    pub everything: bool,
}

impl LoadCache {
    /// Loads `content_dir`, reading only files that changed since the last
    /// load, and says which did.
    pub fn load(
        &mut self,
        content_dir: &Path,
        diags: &mut Diagnostics,
    ) -> std::io::Result<(Loaded, Changes)> {
        let (display_root, files) = list(content_dir, diags)?;
        // Any file may write a status as the site's label for it: when
        // `site.yaml` changes, every file is read again.
        let settings_stamp = files
            .iter()
            .find(|(rel, _)| rel == "site.yaml")
            .and_then(|(_, path)| stamp(path));
        let settings_same = self
            .files
            .get("site.yaml")
            .is_some_and(|c| settings_stamp.is_some() && c.stamp == settings_stamp);
        if !settings_same {
            self.files.clear();
        }
        let (labels, _) = read_settings_first(&display_root, &files, &read_content_file)?;
        let reads: Vec<(String, Stamp, FileRead, bool)> = files
            .into_par_iter()
            .map(|(rel, path)| {
                let s = stamp(&path);
                match self.files.get(&rel) {
                    Some(c) if s.is_some() && c.stamp == s => Ok((rel, s, c.read.clone(), false)),
                    _ => read_file(
                        &display_root,
                        rel.clone(),
                        path,
                        &read_content_file,
                        &labels,
                    )
                    .map(|r| (rel, s, r, true)),
                }
            })
            .collect::<std::io::Result<_>>()?;
        let mut changes = Changes {
            changed: BTreeSet::new(),
            documents: BTreeSet::new(),
            everything: self.files.len() != reads.len()
                || reads.iter().any(|(rel, ..)| !self.files.contains_key(rel)),
        };
        if changes.everything {
            let present: BTreeSet<&str> = reads.iter().map(|(rel, ..)| rel.as_str()).collect();
            self.files.retain(|rel, _| present.contains(rel.as_str()));
        }
        let mut list = Vec::with_capacity(reads.len());
        for (rel, stamp, read, fresh) in reads {
            if fresh {
                changes.changed.insert(read.file.clone());
                changes.everything |= read.settings_file;
                // A file beside the documents (a PDF) may be shown on any
                // page that attaches it, with its size and pages.
                changes.everything |= matches!(read.made, super::file::Made::Asset(_));
                if let Some((id, _)) = &read.claim {
                    changes.documents.insert(id.clone());
                }
                self.files.insert(
                    rel,
                    Cached {
                        stamp,
                        read: read.clone(),
                    },
                );
            }
            list.push(read);
        }
        Ok((assemble(&display_root, list, diags), changes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn only_changed_files_are_read_again() {
        let tmp = tempfile::tempdir().unwrap();
        let c = tmp.path().join("content");
        write(&c, "site.yaml", "title: T\n");
        write(&c, "about.md", "---\ntitle: About\n---\nHello\n");
        write(&c, "guide.md", "---\ntitle: Guide\n---\nText\n");
        let mut cache = LoadCache::default();
        let (first, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
        assert_eq!(first.documents.len(), 2);
        assert!(changes.everything);
        let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
        assert_eq!(changes, Changes::default(), "nothing changed");
        write(&c, "guide.md", "---\ntitle: The guide, longer\n---\nText\n");
        let (again, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
        let name = format!("{}/guide.md", c.display());
        assert_eq!(changes.changed, BTreeSet::from([name]));
        assert_eq!(changes.documents, BTreeSet::from(["guide".to_string()]));
        assert!(!changes.everything);
        let guide = again.documents.iter().find(|d| d.id == "guide").unwrap();
        assert_eq!(guide.common.title, "The guide, longer");
        std::fs::remove_file(c.join("about.md")).unwrap();
        let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
        assert!(changes.everything, "a file was removed");
        write(&c, "site.yaml", "title: Another title\n");
        let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
        assert!(changes.everything, "site.yaml changed");
        // A page that attaches a file shows its size: a new version of
        // the file may change any page.
        write(&c, "report.pdf", "first");
        cache.load(&c, &mut Diagnostics::default()).unwrap();
        write(&c, "report.pdf", "second, longer");
        let (_, changes) = cache.load(&c, &mut Diagnostics::default()).unwrap();
        assert!(changes.everything, "a copied file changed");
    }
}
