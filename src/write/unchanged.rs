//! Keeping the files a rebuild did not change: a file of the new site
//! whose bytes equal the previous site's at the same path is hard-linked
//! from it, so it keeps its inode and modification time and only what
//! changed looks new to `rsync -a`, a CDN or a browser cache. The swap
//! still puts the whole new site in at once.

use crate::output::Content;
use std::fs;
use std::io::Read;
use std::path::Path;

/// Links `previous` to `target` when it is a file of the previous site
/// holding exactly `content`; `false` (and nothing made) otherwise, or
/// where links cannot be made, so the caller writes the file.
pub fn link_if_same(previous: &Path, content: &Content, target: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(previous) else {
        return false;
    };
    if !meta.is_file() || !only_link(&meta) {
        return false;
    }
    let same = match content {
        Content::Bytes(b) => meta.len() == b.len() as u64 && same_stream(previous, b.as_slice()),
        Content::Copy(src) => {
            fs::metadata(src).is_ok_and(|m| m.len() == meta.len())
                && fs::File::open(src).is_ok_and(|f| same_stream(previous, f))
        }
    };
    same && fs::hard_link(previous, target).is_ok()
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
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut at = 0;
    while at < buf.len() {
        match r.read(&mut buf[at..])? {
            0 => break,
            n => at += n,
        }
    }
    Ok(at)
}

/// A file linked from anywhere but the previous site (a link someone put
/// there to a file elsewhere) is never linked into the new one: a change
/// to that other file would change the published page.
#[cfg(unix)]
fn only_link(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() == 1
}

/// Where the number of links cannot be read, every file is written.
#[cfg(not(unix))]
fn only_link(_: &fs::Metadata) -> bool {
    false
}
