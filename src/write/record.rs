//! What a rebuild may keep without rendering: the last build leaves a
//! record of itself beside the spare (`.<name>.record`, made by the caller),
//! and the next build that claims the spare takes the record with it. A
//! file the record names is kept only while it is still the very file the
//! last build published: same inode, size and change time. Writing to a
//! file, or linking, renaming or changing it in any way, changes its
//! change time, which no one but the system clock can set back.

use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Where the record of the site `name` is kept, in the output folder's
/// parent, beside its spare.
pub fn path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.record"))
}

/// Takes the record at `path` away: its bytes, if it could be both read
/// and removed. A record is used by one build only, so one that outlives
/// its spare cannot describe another.
pub fn take(path: &Path) -> Option<Vec<u8>> {
    let bytes = fs::read(path).ok();
    match fs::remove_file(path) {
        Ok(()) => bytes,
        Err(_) => None,
    }
}

/// What a file was when the last build recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub inode: u64,
    pub len: u64,
    /// The change time, seconds and nanoseconds.
    pub changed: (i64, i64),
}

impl Stamp {
    /// The stamp of the entry at `path` itself (a link is not followed):
    /// `None` unless it is an ordinary file.
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let m = fs::symlink_metadata(path).ok()?;
        m.is_file().then(|| Stamp {
            inode: m.ino(),
            len: m.len(),
            changed: (m.ctime(), m.ctime_nsec()),
        })
    }

    /// Without inodes nothing is kept: every file is rendered again.
    #[cfg(not(unix))]
    pub fn of(_: &Path) -> Option<Stamp> {
        None
    }
}

/// Where a committed build may leave its record: only where it kept a
/// spare.
pub struct RecordSlot {
    pub(super) output: PathBuf,
    pub(super) at: PathBuf,
}

impl RecordSlot {
    /// The stamp of a file of the published site (a path under it).
    pub fn stamp(&self, path: &str) -> Option<Stamp> {
        Stamp::of(&self.output.join(super::safe_relative(path).ok()?))
    }

    /// Leaves `bytes` as the record, whole or not at all.
    pub fn write(&self, bytes: &[u8]) -> io::Result<()> {
        let mut partial = self.at.clone().into_os_string();
        partial.push(format!(".{}", std::process::id()));
        let partial = PathBuf::from(partial);
        let written = fs::write(&partial, bytes).and_then(|()| fs::rename(&partial, &self.at));
        if written.is_err() {
            let _ = fs::remove_file(&partial);
        }
        written
    }
}
