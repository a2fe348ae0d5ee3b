//! Keeping the files a rebuild did not change: a file of the new site
//! whose bytes equal the previous site's at the same path is hard-linked
//! from it, so it keeps its inode and modification time and only what
//! changed looks new to `rsync -a`, a CDN or a browser cache. The swap
//! still puts the whole new site in at once.

use crate::output::Content;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// What became of a file of the new site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reuse {
    /// The staging folder already held it: the spare's link to the
    /// previous site's file, whose bytes are the new ones.
    Kept,
    /// Linked from the previous site, whose file has the new bytes.
    Linked,
    /// Neither: the caller writes it, after clearing the way.
    No,
}

/// Puts the previous site's file at `target` when its bytes are exactly
/// `content`, or finds it there already (a spare staging folder holds
/// links to the previous site). A previous file linked from anywhere else
/// is never reused: a change to that other file would change the page.
pub fn reuse(previous: &Path, content: &Content, target: &Path) -> Reuse {
    let Ok(prev) = fs::symlink_metadata(previous) else {
        return Reuse::No;
    };
    if !prev.is_file() {
        return Reuse::No;
    }
    let here = fs::symlink_metadata(target).ok();
    let linked_here = here
        .as_ref()
        .is_some_and(|t| t.is_file() && same_file(t, &prev));
    // The previous site's own link, and the spare's when it is here.
    let links = if linked_here { 2 } else { 1 };
    if links_of(&prev) != Some(links) || !same_bytes(previous, prev.len(), content) {
        return Reuse::No;
    }
    if linked_here {
        return Reuse::Kept;
    }
    if here.is_some() && clear(target).is_err() {
        return Reuse::No;
    }
    match fs::hard_link(previous, target) {
        Ok(()) => Reuse::Linked,
        Err(_) => Reuse::No,
    }
}

/// Removes whatever is at `path` (a file, a link or a folder tree), so a
/// new file can be made there; nothing there is fine.
pub fn clear(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether the file at `path`, `len` bytes long, holds exactly `content`.
fn same_bytes(path: &Path, len: u64, content: &Content) -> bool {
    match content {
        Content::Bytes(b) => len == b.len() as u64 && same_stream(path, b.as_slice()),
        Content::Copy(src) => {
            fs::metadata(src).is_ok_and(|m| m.len() == len)
                && fs::File::open(src).is_ok_and(|f| same_stream(path, f))
        }
    }
}

/// Whether the file at `path` and `other` hold the same bytes, read a
/// piece at a time (an attached PDF is never held whole), stopping at the
/// first difference.
fn same_stream(path: &Path, mut other: impl Read) -> bool {
    let Ok(mut f) = fs::File::open(path) else {
        return false;
    };
    let (mut a, mut b) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let Ok(n) = read_full(&mut f, &mut a) else {
            return false;
        };
        let Ok(m) = read_full(&mut other, &mut b) else {
            return false;
        };
        if a[..n] != b[..m] {
            return false;
        }
        if n == 0 {
            return true;
        }
    }
}

/// Fills `buf` as far as the reader allows; the count read (0 at the end).
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut at = 0;
    while at < buf.len() {
        match r.read(&mut buf[at..])? {
            0 => break,
            n => at += n,
        }
    }
    Ok(at)
}

/// Whether two entries are one file (the same inode on the same device).
#[cfg(unix)]
pub fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
pub fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// How many names the file has, where that can be read.
#[cfg(unix)]
fn links_of(meta: &fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    Some(meta.nlink())
}

/// Where the number of links cannot be read, every file is written.
#[cfg(not(unix))]
fn links_of(_: &fs::Metadata) -> Option<u64> {
    None
}
