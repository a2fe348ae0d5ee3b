//! The spare: after a swap, the folder that held the previous site is not
//! deleted but made a copy of the new one, file by file hard links to the
//! same files, and kept beside the output folder as `.<name>.spare`. The
//! next build stages into it, so a rebuild makes no folders and links no
//! files that did not change, and no old tree is deleted: only what
//! changed is touched. The spare never holds more than the site that is
//! published, so a page taken off the site (an exempt paper) leaves the
//! spare too.

use super::MARKER;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Where the spare of `name` is kept, in the output folder's parent.
pub fn path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.spare"))
}

/// Takes the spare for a build by renaming it to `dir`. Only a folder that
/// oversight made (it has the marker) is taken; `false` leaves the build
/// to start from an empty folder.
pub fn claim(spare: &Path, dir: &Path) -> bool {
    let ours = fs::symlink_metadata(spare).is_ok_and(|m| m.is_dir())
        && fs::symlink_metadata(spare.join(MARKER)).is_ok_and(|m| m.is_file());
    ours && fs::rename(spare, dir).is_ok()
}

/// Makes `folder` (under `root`) a real folder: whatever is in the way of
/// it or of a folder above it (a file, or a symbolic link that would lead
/// the site's files elsewhere) is removed first.
pub fn make_folder(root: &Path, folder: &Path) -> io::Result<()> {
    let Ok(relative) = folder.strip_prefix(root) else {
        return fs::create_dir_all(folder);
    };
    let mut at = root.to_path_buf();
    for part in relative.components() {
        at.push(part);
        match fs::create_dir(&at) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let m = fs::symlink_metadata(&at)?;
                if !m.is_dir() {
                    fs::remove_file(&at)?;
                    fs::create_dir(&at)?;
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Removes from the tree at `root` every file that is not in `placed`
/// (paths relative to `root`) and every folder left empty, and returns
/// the files removed. A reused staging folder held the previous site:
/// this takes away what the new one does not have.
pub fn prune(root: &Path, placed: &HashSet<PathBuf>) -> io::Result<Vec<PathBuf>> {
    Ok(prune_in(root, Path::new(""), placed)?.1)
}

/// [`prune`] of one folder: whether it is now empty, and the files it
/// removed. Its entries are looked at on both cores: a site has a folder
/// for every page, and a rebuild waits for this before the swap.
fn prune_in(
    root: &Path,
    relative: &Path,
    placed: &HashSet<PathBuf>,
) -> io::Result<(bool, Vec<PathBuf>)> {
    let entries = fs::read_dir(root.join(relative))?
        .map(|entry| {
            let entry = entry?;
            Ok((
                relative.join(entry.file_name()),
                entry.file_type()?.is_dir(),
            ))
        })
        .collect::<io::Result<Vec<(PathBuf, bool)>>>()?;
    // For each entry: whether it is left, and the files removed.
    let each = entries
        .into_par_iter()
        .map(|(path, is_dir)| {
            if is_dir {
                let (empty, removed) = prune_in(root, &path, placed)?;
                if empty {
                    fs::remove_dir(root.join(&path))?;
                }
                Ok((!empty, removed))
            } else if placed.contains(&path) {
                Ok((true, Vec::new()))
            } else {
                fs::remove_file(root.join(&path))?;
                Ok((false, vec![path]))
            }
        })
        .collect::<io::Result<Vec<(bool, Vec<PathBuf>)>>>()?;
    let empty = each.iter().all(|(left, _)| !left);
    Ok((
        empty,
        each.into_iter().flat_map(|(_, removed)| removed).collect(),
    ))
}

/// Makes the tree at `old` a copy of the site at `new` by hard links. With
/// `changed`, `old` already mirrors `new` except for those files (written
/// or linked afresh) and `removed` ones; without, every file of `placed`
/// is checked and the whole tree pruned.
pub fn mirror(
    new: &Path,
    old: &Path,
    placed: &HashSet<PathBuf>,
    changed: Option<(&[PathBuf], &[PathBuf])>,
) -> io::Result<()> {
    let link = |relative: &Path| -> io::Result<()> {
        let (from, to) = (new.join(relative), old.join(relative));
        let source = fs::symlink_metadata(&from)?;
        if let Ok(here) = fs::symlink_metadata(&to) {
            if here.is_file() && super::unchanged::same_file(&here, &source) {
                return Ok(());
            }
            super::unchanged::clear(&to)?;
        }
        if let Some(folder) = to.parent() {
            make_folder(old, folder)?;
        }
        fs::hard_link(&from, &to)
    };
    match changed {
        Some((changed, removed)) => {
            changed.iter().try_for_each(|p| link(p))?;
            for path in removed {
                super::unchanged::clear(&old.join(path))?;
                // Folders left empty go too; the first that is not stops it.
                let mut up = path.parent();
                while let Some(folder) = up.filter(|f| !f.as_os_str().is_empty()) {
                    if fs::remove_dir(old.join(folder)).is_err() {
                        break;
                    }
                    up = folder.parent();
                }
            }
            Ok(())
        }
        None => {
            placed.iter().try_for_each(|p| link(p))?;
            prune(old, placed).map(|_| ())
        }
    }
}
