//! Where the output folder really is, and whether it may be replaced.
//! Every check here runs before anything is written, so a refusal leaves
//! every folder exactly as it was.

use super::MARKER;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// How the new site is put in place of the old.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swap {
    /// Staged beside the output folder and swapped with it whole.
    Beside,
    /// The output folder is a mount point (a Docker volume, a disk), which
    /// cannot be renamed: staged inside it and swapped in entry by entry.
    Within,
}

/// The output folder to replace, after following a symbolic link.
#[derive(Debug)]
pub struct Place {
    /// The real folder: a link given as `--output` is followed, so the
    /// link stays and what it points at is replaced.
    pub output: PathBuf,
    pub parent: PathBuf,
    pub name: String,
    pub swap: Swap,
}

/// Finds the real output folder and checks that it may be replaced:
/// it is not a link that leads nowhere, it neither holds nor sits inside
/// a folder the build reads (`sources`: what each is, and where), and it
/// is empty or was built by oversight.
pub fn locate(output: &Path, sources: &[(&str, &Path)]) -> io::Result<Place> {
    let given: PathBuf = output.components().collect();
    let output = follow_link(&given)?;
    let output = resolve(&output)?;
    refuse_nesting(&output, sources)?;
    let swap = if output.is_dir() && is_mount_point(&output) {
        Swap::Within
    } else {
        Swap::Beside
    };
    refuse_foreign_folder(&output, swap)?;
    let parent = output.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = output
        .file_name()
        .ok_or_else(|| io::Error::other(format!("{} is not a folder name", output.display())))?
        .to_string_lossy()
        .to_string();
    Ok(Place {
        output,
        parent,
        name,
        swap,
    })
}

/// The folder a link given as `--output` leads to. Swapping the link
/// itself would put a folder in its place, and removing "the old site"
/// would then empty the folder it pointed at.
fn follow_link(output: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(output) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(output).map_err(|_| {
            let target = fs::read_link(output).unwrap_or_default();
            io::Error::other(format!(
                "{} is a symbolic link to {}, which does not exist; create that folder, or give --output a real folder",
                output.display(),
                target.display()
            ))
        }),
        _ => Ok(output.to_path_buf()),
    }
}

/// `path` made absolute with every link in it followed, for a path that
/// may not exist yet: its nearest existing folder is resolved and the rest
/// added as written.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest: Vec<Component> = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for c in rest.into_iter().rev() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return Ok(out);
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(up), Some(last)) => {
                rest.push(last);
                existing = up;
            }
            _ => return Ok(absolute),
        }
    }
}

/// Refuses an output folder that holds a folder the build reads (replacing
/// the site would delete it) or sits inside one (the next build would read
/// the site back in). A folder whose name starts with `.` inside the
/// content folder is never read, so it may hold the output.
fn refuse_nesting(output: &Path, sources: &[(&str, &Path)]) -> io::Result<()> {
    for (what, source) in sources {
        let Ok(source) = source.canonicalize() else {
            continue;
        };
        if source.starts_with(output) {
            return Err(io::Error::other(format!(
                "the {what} {} is inside the output folder {}, so replacing the site would delete it; choose an --output outside it",
                source.display(),
                output.display()
            )));
        }
        if read_inside(output, &source) {
            return Err(io::Error::other(format!(
                "the output folder {} is inside the {what} {}, so the next build would read the site back in; choose an --output outside it",
                output.display(),
                source.display()
            )));
        }
    }
    Ok(())
}

/// Whether `dir` lies inside `folder` where a build reads it: not under a
/// folder whose name starts with `.`, which is never read as content. Both
/// are real paths (see [`resolve`]).
pub fn read_inside(dir: &Path, folder: &Path) -> bool {
    dir.strip_prefix(folder).is_ok_and(|inner| {
        !inner
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    })
}

/// Names at the top of an output folder that say nothing about who made
/// it: a file system's `lost+found`, and what an interrupted build of
/// ours left inside a mount point.
pub fn ignored(name: &str) -> bool {
    name == "lost+found" || name.starts_with(super::swap::WITHIN_PREFIX)
}

/// Never replace a folder oversight did not make: `--output .` must not wipe a project.
fn refuse_foreign_folder(output: &Path, swap: Swap) -> io::Result<()> {
    let Ok(meta) = fs::metadata(output) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(io::Error::other(format!(
            "{} exists and is not a folder",
            output.display()
        )));
    }
    let empty = fs::read_dir(output)?
        .flatten()
        .all(|e| swap == Swap::Within && ignored(&e.file_name().to_string_lossy()));
    if empty || output.join(MARKER).exists() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{} already exists and was not built by oversight; refusing to replace it (choose another --output, or empty it)",
            output.display()
        )))
    }
}

/// Whether `dir` is the top of a mounted file system, which cannot be
/// renamed (Linux says "Device or resource busy"). Linux says so directly
/// since 5.8; elsewhere, and before, a folder on another device than its
/// parent is one.
fn is_mount_point(dir: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{AtFlags, CWD, StatxAttributes, StatxFlags, statx};
        if let Ok(s) = statx(
            CWD,
            dir,
            AtFlags::SYMLINK_NOFOLLOW | AtFlags::NO_AUTOMOUNT,
            StatxFlags::empty(),
        ) && s.stx_attributes_mask.contains(StatxAttributes::MOUNT_ROOT)
        {
            return s.stx_attributes.contains(StatxAttributes::MOUNT_ROOT);
        }
    }
    on_another_device(dir)
}

#[cfg(unix)]
fn on_another_device(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = dir.parent().unwrap_or(dir);
    match (fs::metadata(dir), fs::metadata(parent)) {
        (Ok(d), Ok(p)) => d.dev() != p.dev() || d.ino() == p.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn on_another_device(_: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_not_yet_made_is_resolved_through_the_part_that_exists() {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let real = tmp.path().canonicalize().expect("resolves");
        let asked = tmp.path().join("a/b/../c");
        assert_eq!(resolve(&asked).expect("resolves"), real.join("a/c"));
    }

    #[test]
    fn nesting_either_way_is_refused_but_a_hidden_output_is_not() {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let root = tmp.path().canonicalize().expect("resolves");
        let content = root.join("content");
        fs::create_dir_all(&content).expect("made");
        let sources = [("content folder", content.as_path())];
        assert!(refuse_nesting(&root, &sources).is_err());
        assert!(refuse_nesting(&content, &sources).is_err());
        assert!(refuse_nesting(&content.join("site"), &sources).is_err());
        assert!(refuse_nesting(&content.join(".site"), &sources).is_ok());
        assert!(refuse_nesting(&root.join("output"), &sources).is_ok());
    }
}
