//! Which files the content folder holds: listed whole, or again only at
//! the paths the watcher named.

use super::{Entry, LoadCache};
use crate::load::walk::{Listed, list_under, listed};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A path under `content/`, ordered as the walk lists files: name by
/// name, so that `a/x` comes before `a-b/x`.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Key(pub(super) String);

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.split('/').cmp(other.0.split('/'))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Key {
    /// Whether this is `folder` or inside it.
    pub(super) fn within(&self, folder: &str) -> bool {
        self.0 == folder
            || (self.0.starts_with(folder) && self.0.as_bytes().get(folder.len()) == Some(&b'/'))
    }
}

impl LoadCache {
    /// Lists the whole folder, keeping what was read of files still there.
    /// Returns whether a file was added or removed.
    pub(super) fn relist(&mut self, content_dir: &Path, root: &Path) -> std::io::Result<bool> {
        let mut old = std::mem::take(&mut self.files);
        let mut added = false;
        for (rel, listed) in list_under(content_dir, root, "")? {
            let key = Key(rel);
            let entry = carry(old.remove(&key), listed, &mut added);
            self.files.insert(key, entry);
        }
        let removed = old.values().any(|e| matches!(e, Entry::File { .. }));
        Ok(added || removed)
    }

    /// Lists again only `paths`: a file is looked at, a folder listed, and
    /// what is gone taken out with everything under it. Returns whether a
    /// file was added or removed, and the files to look at; `None` when
    /// the whole folder must be listed instead (the folder itself changed,
    /// or a path could not be looked at).
    #[allow(clippy::type_complexity)]
    pub(super) fn relist_paths(
        &mut self,
        content_dir: &Path,
        root: &Path,
        paths: &BTreeSet<String>,
    ) -> std::io::Result<Option<(bool, Option<BTreeSet<Key>>)>> {
        let mut added = false;
        let mut removed = false;
        let mut look_at = BTreeSet::new();
        for rel in paths {
            if rel.is_empty() {
                return Ok(None);
            }
            let path = content_dir.join(rel);
            let kind = match std::fs::symlink_metadata(&path) {
                Ok(m) if inside_folders(content_dir, rel) => Some(m.file_type()),
                Ok(_) => None,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(_) => return Ok(None),
            };
            // What was at this path, or under it when it was a folder.
            let mut old: BTreeMap<Key, Entry> = BTreeMap::new();
            let gone: Vec<Key> = self
                .files
                .keys()
                .filter(|k| k.within(rel))
                .cloned()
                .collect();
            for key in gone {
                if let Some(entry) = self.files.remove(&key) {
                    old.insert(key, entry);
                }
            }
            let now = match kind {
                Some(k) if k.is_dir() => list_under(content_dir, root, rel)?,
                Some(k) => listed(content_dir, root, rel, path, k)
                    .map(|l| vec![(rel.clone(), l)])
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            for (rel, listed) in now {
                let key = Key(rel);
                let entry = carry(old.remove(&key), listed, &mut added);
                look_at.insert(key.clone());
                self.files.insert(key, entry);
            }
            removed |= old.values().any(|e| matches!(e, Entry::File { .. }));
        }
        Ok(Some((added || removed, Some(look_at))))
    }
}

/// The entry for a path listed again: what was read of the file there
/// is kept (its size and time are checked next); `added` is set when a
/// file is new.
fn carry(old: Option<Entry>, listed: Listed, added: &mut bool) -> Entry {
    match (old, listed) {
        (Some(Entry::File { path, read }), Listed::File(_)) => Entry::File { path, read },
        (_, Listed::File(path)) => {
            *added = true;
            Entry::File { path, read: None }
        }
        (_, Listed::Refused(d)) => Entry::Refused(d),
    }
}

/// Whether every folder above `rel` is a folder the walk goes into: not
/// hidden, and not a symbolic link (which it does not follow).
fn inside_folders(content_dir: &Path, rel: &str) -> bool {
    let mut folder = content_dir.to_path_buf();
    let names: Vec<&str> = rel.split('/').collect();
    if names.iter().any(|n| n.starts_with('.') || n.is_empty()) {
        return false;
    }
    for name in &names[..names.len() - 1] {
        folder.push(name);
        match std::fs::symlink_metadata(&folder) {
            Ok(m) if m.is_dir() => {}
            _ => return false,
        }
    }
    true
}
