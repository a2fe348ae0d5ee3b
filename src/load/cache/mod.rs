//! Loading again after an edit: files whose size and modification time
//! are unchanged are not read again; their documents and problems are
//! taken from the last load. The preview loads through a cache.
//!
//! After a save the preview can say which paths changed (the file
//! watcher's events): then only those are looked at, a folder among them
//! listed again, and the rest of the folder is taken as the last load
//! listed it. Otherwise the whole folder is listed and every file's size
//! and time checked. Either way each file looked at is judged by the same
//! code ([`LoadCache::check`]), so both give the same site.

use super::file::{FileRead, Made, read_file};
use super::walk::{Loaded, assemble, display_root, read_content_file};
use crate::diagnostics::Diagnostics;
use crate::model::StatusLabels;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the last load listed and read, in the order the walk lists it.
#[derive(Default)]
pub struct LoadCache {
    files: BTreeMap<Key, Entry>,
    /// Whether `files` is the folder as listed (not before the first load,
    /// nor after one that failed).
    listed: bool,
    /// What the watcher told of changes since the last load.
    told: Told,
}

/// What changed since the last load, as the watcher told it.
#[derive(Default)]
enum Told {
    /// Nothing was told: the next load lists the whole folder.
    #[default]
    Nothing,
    /// Only these paths changed: the next load looks only at them.
    Paths(BTreeSet<String>),
    /// A change whose paths cannot be told: the next load lists the
    /// whole folder, whatever else is told before it.
    Unknown,
}

enum Entry {
    /// A file: where it is, and what the last load read of it.
    File { path: PathBuf, read: Option<Read> },
    /// A symbolic link that is not followed: its message, on every load.
    Refused(crate::diagnostics::Diagnostic),
}

#[derive(Clone)]
struct Read {
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
    /// How many files' size and time were checked: every file when the
    /// folder was listed, only the changed paths otherwise.
    pub checked: usize,
}

mod listing;
#[cfg(test)]
mod tests;

use listing::Key;

const SETTINGS: &str = "site.yaml";

impl LoadCache {
    /// Says which paths under the content folder (with `/` between names;
    /// `""` is the folder itself) changed since the last load, or `None`
    /// when that cannot be told. When every change since the last load was
    /// told with its paths, the next load looks only at them, and lists
    /// again any of them that is a folder; otherwise it lists the whole
    /// folder.
    pub fn changed(&mut self, paths: Option<&BTreeSet<String>>) {
        self.told = match (std::mem::take(&mut self.told), paths) {
            (Told::Nothing, Some(p)) => Told::Paths(p.clone()),
            (Told::Paths(mut q), Some(p)) => {
                q.extend(p.iter().cloned());
                Told::Paths(q)
            }
            _ => Told::Unknown,
        };
    }

    /// Loads `content_dir`, reading only files that changed since the last
    /// load, and says which did.
    pub fn load(
        &mut self,
        content_dir: &Path,
        diags: &mut Diagnostics,
    ) -> std::io::Result<(Loaded, Changes)> {
        let loaded = self.load_listed(content_dir, diags);
        if loaded.is_err() {
            self.listed = false;
        }
        loaded
    }

    fn load_listed(
        &mut self,
        content_dir: &Path,
        diags: &mut Diagnostics,
    ) -> std::io::Result<(Loaded, Changes)> {
        let root = content_dir.canonicalize()?;
        let told = std::mem::take(&mut self.told);
        let (everything, look_at) = match told {
            Told::Paths(paths) if self.listed => {
                match self.relist_paths(content_dir, &root, &paths)? {
                    Some(change) => change,
                    None => (self.relist(content_dir, &root)?, None),
                }
            }
            _ => (self.relist(content_dir, &root)?, None),
        };
        self.listed = true;
        let mut changes = self.check(content_dir, look_at)?;
        changes.everything |= everything;
        let mut cached = Vec::with_capacity(self.files.len());
        for entry in self.files.values() {
            match entry {
                Entry::File { read: Some(r), .. } => cached.push(&r.read),
                Entry::File { read: None, .. } => {}
                Entry::Refused(d) => diags.push(d.clone()),
            }
        }
        // Every document is copied out of the cache for the new site: on
        // a large site that is most of a load after one save, so it is
        // shared between the cores.
        let reads: Vec<FileRead> = cached.into_par_iter().map(FileRead::clone).collect();
        Ok((assemble(&display_root(content_dir), reads, diags), changes))
    }

    /// Checks the size and time of the files `look_at` (every file when
    /// `None`), and reads those that changed. When `site.yaml` changed,
    /// every file is read again: any of them may write a status as the
    /// site's label for it.
    fn check(
        &mut self,
        content_dir: &Path,
        look_at: Option<BTreeSet<Key>>,
    ) -> std::io::Result<Changes> {
        let display_root = display_root(content_dir);
        let settings_key = Key(SETTINGS.into());
        // site.yaml first: its labels are needed to read the rest.
        let (labels, settings_read, settings_same) = match self.files.get(&settings_key) {
            Some(Entry::File { path, read }) => {
                let s = stamp(path);
                match read {
                    Some(r) if s.is_some() && r.stamp == s => (labels_of(&r.read), None, true),
                    _ => {
                        let read = read_file(
                            &display_root,
                            SETTINGS.into(),
                            path.clone(),
                            &read_content_file,
                            &StatusLabels::default(),
                        )?;
                        (labels_of(&read), Some(Read { stamp: s, read }), false)
                    }
                }
            }
            _ => (StatusLabels::default(), None, false),
        };
        let look_at = if settings_same {
            look_at
        } else {
            for entry in self.files.values_mut() {
                if let Entry::File { read, .. } = entry {
                    *read = None;
                }
            }
            None
        };
        let files: Vec<(&Key, &PathBuf, Option<&Read>)> = self
            .files
            .iter()
            .filter(|(key, _)| look_at.as_ref().is_none_or(|l| l.contains(key)))
            .filter(|(key, _)| **key != settings_key)
            .filter_map(|(key, entry)| match entry {
                Entry::File { path, read } => Some((key, path, read.as_ref())),
                Entry::Refused(_) => None,
            })
            .collect();
        let checked = files.len() + usize::from(self.files.contains_key(&settings_key));
        let mut fresh: Vec<(Key, Read)> = files
            .into_par_iter()
            .filter_map(|(key, path, cached)| {
                let s = stamp(path);
                match cached {
                    Some(c) if s.is_some() && c.stamp == s => None,
                    _ => Some(
                        read_file(
                            &display_root,
                            key.0.clone(),
                            path.clone(),
                            &read_content_file,
                            &labels,
                        )
                        .map(|read| (key.clone(), Read { stamp: s, read })),
                    ),
                }
            })
            .collect::<std::io::Result<_>>()?;
        fresh.extend(settings_read.map(|r| (settings_key, r)));
        let mut changes = Changes {
            checked,
            ..Changes::default()
        };
        for (key, new) in fresh {
            let read = &new.read;
            changes.changed.insert(read.file.clone());
            changes.everything |= read.settings_file;
            // A file beside the documents (a PDF) may be shown on any
            // page that attaches it, with its size and pages.
            changes.everything |= matches!(read.made, Made::Asset(_));
            if let Some((id, _)) = &read.claim {
                changes.documents.insert(id.clone());
            }
            if let Some(Entry::File { read, .. }) = self.files.get_mut(&key) {
                *read = Some(new);
            }
        }
        Ok(changes)
    }
}

/// The status labels `site.yaml` gives, as read.
fn labels_of(read: &FileRead) -> StatusLabels {
    match &read.made {
        Made::Settings(s) => s.statuses.clone(),
        _ => StatusLabels::default(),
    }
}
