//! Stage 4, write: the built site goes into a fresh folder beside the
//! output folder and is swapped in only when every file is written, so a
//! failed build leaves the previous output exactly as it was. `place.rs`
//! decides where that is and whether it may be replaced; `swap.rs` puts
//! the new site in; `unchanged.rs` keeps files whose bytes did not change,
//! and `spare.rs` keeps the previous site's folders for the next build.

mod place;
mod record;
/// A path made absolute with its links followed, even before it exists,
/// and whether one such path is read as part of a folder.
pub use place::{read_inside, resolve as real_path};
pub use record::{RecordSlot, Stamp};
mod spare;
mod swap;
mod unchanged;

use crate::output::Content;
use crate::output::OutputFile;
use place::{Place, Swap};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use unchanged::Reuse;

/// Marks a folder as made by oversight, so it may be replaced.
pub const MARKER: &str = ".oversight-output";
const MARKER_TEXT: &[u8] = b"This folder is built by oversight and replaced on every build.\n";

/// A new site being written beside the output folder (or, for a mount
/// point, inside it). Files go in as they are made ([`put`](Staging::put),
/// from any thread); [`commit`](Staging::commit) swaps the finished site
/// in. Dropped without a commit, it removes what it wrote and the output
/// folder is as it was.
pub struct Staging {
    dir: PathBuf,
    place: Place,
    /// Folders already made, so each is made once.
    made: Mutex<HashSet<PathBuf>>,
    written: AtomicUsize,
    committed: bool,
    /// The staging folder is the spare: it began as the previous site.
    reused: bool,
    /// There was a site in the output folder when this build began, whose
    /// unchanged files may be kept. A first build looks for none.
    previous: bool,
    /// Where the previous site's folders are kept for the next build, or
    /// `None` where they are not (a mount point, a system without links).
    spare: Option<PathBuf>,
    /// Every file of the new site, and those of them not already the
    /// previous site's file (written, or linked afresh).
    placed: Mutex<(HashSet<PathBuf>, Vec<PathBuf>)>,
    /// Where this build may leave its record, with the spare.
    record_at: Option<PathBuf>,
    /// The record the last build left of the spare this build claimed.
    record: Option<Vec<u8>>,
}

/// A site swapped in.
pub struct Committed {
    /// How many files it has.
    pub files: usize,
    /// Where its record may be left: only where a spare was kept.
    pub record: Option<RecordSlot>,
}

impl Staging {
    /// Checks that `output` may be replaced, clears what killed builds
    /// left, and makes a fresh staging folder. `sources` are the folders
    /// the build reads, by what they are ("content folder"): the output
    /// may neither hold them nor sit inside them. Nothing is written when
    /// this refuses.
    pub fn begin(output: &Path, sources: &[(&str, &Path)]) -> io::Result<Staging> {
        let place = place::locate(output, sources)?;
        let mut spare = None;
        let mut record_at = None;
        let mut record = None;
        let dir = match place.swap {
            Swap::Beside => {
                fs::create_dir_all(&place.parent)?;
                let name = &place.name;
                swap::remove_leftovers(
                    &place.parent,
                    &[
                        format!(".{name}.building-"),
                        format!(".{name}.old-"),
                        format!(".{name}.record."),
                    ],
                );
                let at = record::path(&place.parent, name);
                // Taken by this build, whatever becomes of it.
                record = record::take(&at);
                if cfg!(unix) {
                    spare = Some(spare::path(&place.parent, name));
                    record_at = Some(at);
                }
                place
                    .parent
                    .join(format!(".{name}.building-{}", std::process::id()))
            }
            Swap::Within => {
                let prefix = swap::WITHIN_PREFIX;
                swap::remove_leftovers(
                    &place.output,
                    &[format!("{prefix}next-"), format!("{prefix}old-")],
                );
                place
                    .output
                    .join(format!("{prefix}next-{}", std::process::id()))
            }
        };
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        // The spare is only worth taking when there is a site to stage over.
        let previous = place.output.is_dir();
        let reused = previous && spare.as_ref().is_some_and(|s| spare::claim(s, &dir));
        if !reused {
            fs::create_dir_all(&dir)?;
        }
        let staging = Staging {
            made: Mutex::new(HashSet::from([dir.clone()])),
            dir,
            place,
            written: AtomicUsize::new(0),
            committed: false,
            reused,
            previous,
            spare,
            placed: Mutex::new((HashSet::new(), Vec::new())),
            record_at,
            record: record.filter(|_| reused),
        };
        staging.put(&OutputFile {
            path: MARKER.into(),
            content: Content::Bytes(MARKER_TEXT.to_vec()),
        })?;
        Ok(staging)
    }

    /// Whether this build may leave a record for the next: only where the
    /// site it replaces can be kept as the spare. A first build, into no
    /// folder, leaves none, so it need not work out what a record holds.
    pub fn may_record(&self) -> bool {
        self.record_at.is_some() && self.previous
    }

    /// The record the last build left of the spare this build stages
    /// into; `None` when it stages into an empty folder.
    pub fn record(&self) -> Option<&[u8]> {
        self.record.as_deref()
    }

    /// Keeps files of the last build, unwritten, if each is still the
    /// file that build published, as `files` recorded it, in a real folder
    /// of the staging folder (the spare). `false`, and nothing kept, if
    /// any is not: then the caller renders them.
    pub fn keep(&self, files: &[(String, Stamp)]) -> bool {
        if !self.reused {
            return false;
        }
        let Ok(kept) = files
            .iter()
            .map(|(path, _)| safe_relative(path))
            .collect::<io::Result<Vec<PathBuf>>>()
        else {
            return false;
        };
        // No folder on the way may be a link that leads elsewhere.
        let folders: HashSet<&Path> = kept
            .iter()
            .flat_map(|relative| relative.ancestors().skip(1))
            .filter(|folder| !folder.as_os_str().is_empty())
            .collect();
        // Looked at on both cores: a rebuild of 10,000 documents keeps some
        // 10,000 files, and renders nothing until they are checked.
        let real = folders
            .par_iter()
            .all(|folder| fs::symlink_metadata(self.dir.join(folder)).is_ok_and(|m| m.is_dir()));
        let same = real
            && kept
                .par_iter()
                .zip(files.par_iter())
                .all(|(relative, (_, stamp))| Stamp::of(&self.dir.join(relative)) == Some(*stamp));
        if !same {
            return false;
        }
        for relative in kept {
            self.placed(relative, Reuse::Kept);
        }
        true
    }

    /// Writes one file of the new site. A file whose bytes are those the
    /// site being replaced has at that path is linked, not written, so it
    /// keeps its inode and modification time: `rsync -a`, ETags and
    /// browser caches then see only what changed.
    pub fn put(&self, file: &OutputFile) -> io::Result<()> {
        let (relative, target) = self.target(&file.path)?;
        let reuse = self.reuse(&relative, &file.content, &target);
        if reuse == Reuse::No {
            self.clear_for_new(&target)?;
            match &file.content {
                Content::Bytes(b) => fs::write(&target, b)?,
                Content::Copy(src) => {
                    fs::copy(src, &target)?;
                }
            }
        }
        self.placed(relative, reuse);
        Ok(())
    }

    /// Writes a file that `write` makes a piece at a time, through a
    /// buffer into a file beside its place, so it is never held whole;
    /// then keeps the previous site's file instead if the bytes are the
    /// same.
    pub fn stream(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let (relative, target) = self.target(path)?;
        let mut partial = target.clone().into_os_string();
        partial.push(".oversight-partial");
        let partial = PathBuf::from(partial);
        let mut file = io::BufWriter::new(fs::File::create(&partial)?);
        write(&mut file)?;
        io::Write::flush(&mut file)?;
        drop(file);
        let reuse = self.reuse(&relative, &Content::Copy(partial.clone()), &target);
        if reuse == Reuse::No {
            self.clear_for_new(&target)?;
            fs::rename(&partial, &target)?;
        } else {
            fs::remove_file(&partial)?;
        }
        self.placed(relative, reuse);
        Ok(())
    }

    /// The path of a file of the site under the staging folder, its
    /// folder made.
    fn target(&self, path: &str) -> io::Result<(PathBuf, PathBuf)> {
        let relative = safe_relative(path)?;
        let target = self.dir.join(&relative);
        if let Some(folder) = target.parent() {
            self.make_folder(folder)?;
        }
        Ok((relative, target))
    }

    /// Whether the previous site's file at `relative` is kept (or linked)
    /// at `target` for `content`, instead of it being written.
    fn reuse(&self, relative: &Path, content: &Content, target: &Path) -> Reuse {
        if !self.previous {
            return Reuse::No;
        }
        unchanged::reuse(&self.place.output.join(relative), content, target)
    }

    /// A reused staging folder may hold the previous site's file at
    /// `target`, which is also the published one: it is removed, never
    /// written into.
    fn clear_for_new(&self, target: &Path) -> io::Result<()> {
        if self.reused {
            unchanged::clear(target)?;
        }
        Ok(())
    }

    /// Notes a file of the new site, for the spare.
    fn placed(&self, relative: PathBuf, reuse: Reuse) {
        self.written.fetch_add(1, Ordering::Relaxed);
        if self.spare.is_some() {
            let mut placed = self.placed.lock().unwrap_or_else(|e| e.into_inner());
            if reuse != Reuse::Kept {
                placed.1.push(relative.clone());
            }
            placed.0.insert(relative);
        }
    }

    fn make_folder(&self, folder: &Path) -> io::Result<()> {
        let made = |f: &Path| {
            self.made
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(f)
        };
        if made(folder) {
            return Ok(());
        }
        if self.reused {
            spare::make_folder(&self.dir, folder)?;
        } else {
            fs::create_dir_all(folder)?;
        }
        let mut set = self.made.lock().unwrap_or_else(|e| e.into_inner());
        let mut f = Some(folder);
        while let Some(dir) = f.filter(|d| *d != self.dir) {
            set.insert(dir.to_path_buf());
            f = dir.parent();
        }
        Ok(())
    }

    /// Swaps the new site in place of the old, keeps the old folders as
    /// the spare (or removes them), and says how many files the new site
    /// has and where its record may be left.
    pub fn commit(mut self) -> io::Result<Committed> {
        self.committed = true;
        let (placed, changed) =
            std::mem::take(&mut *self.placed.lock().unwrap_or_else(|e| e.into_inner()));
        let removed = if self.reused {
            match spare::prune(&self.dir, &placed) {
                Ok(removed) => removed,
                Err(e) => {
                    let _ = fs::remove_dir_all(&self.dir);
                    return Err(e);
                }
            }
        } else {
            Vec::new()
        };
        let p = &self.place;
        let result = match p.swap {
            Swap::Beside => swap::beside(&self.dir, &p.output, &p.parent, &p.name),
            Swap::Within => swap::within(&self.dir, &p.output).map(|()| None),
        };
        let old = match result {
            Ok(old) => old,
            Err(e) => {
                let _ = fs::remove_dir_all(&self.dir);
                return Err(e);
            }
        };
        let mut record = None;
        if let Some(old) = old {
            // The new site is in place: keeping a spare is only a saving,
            // so a spare that cannot be made is removed and never an error.
            let kept = self.spare.as_ref().is_some_and(|spare| {
                let since = self
                    .reused
                    .then_some((changed.as_slice(), removed.as_slice()));
                !spare.exists()
                    && spare::mirror(&p.output, &old, &placed, since).is_ok()
                    && fs::rename(&old, spare).is_ok()
            });
            if !kept {
                swap::remove_tree(&old)?;
            }
            if kept && let Some(at) = self.record_at.take() {
                record = Some(RecordSlot {
                    output: p.output.clone(),
                    at,
                });
            }
        }
        Ok(Committed {
            files: self.written.load(Ordering::Relaxed),
            record,
        })
    }
}

impl crate::output::Sink for Staging {
    fn put(&self, file: OutputFile) -> io::Result<()> {
        Staging::put(self, &file)
    }

    fn stream(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        Staging::stream(self, path, write)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// A path inside the output folder, never outside it.
fn safe_relative(path: &str) -> io::Result<PathBuf> {
    let p = Path::new(path);
    if p.components().all(|c| matches!(c, Component::Normal(_))) {
        Ok(p.to_path_buf())
    } else {
        Err(io::Error::other(format!(
            "refusing to write outside the output folder: {path}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out() {
        assert!(safe_relative("a/b/index.html").is_ok());
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../x").is_err());
    }
}
