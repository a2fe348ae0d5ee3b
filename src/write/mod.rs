//! Stage 4, write: the built site goes into a fresh folder beside the
//! output folder and is swapped in only when every file is written, so a
//! failed build leaves the previous output exactly as it was.

use crate::render::Content;
use crate::render::OutputFile;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Marks a folder as made by oversight, so it may be replaced.
pub const MARKER: &str = ".oversight-output";

/// A new site being written beside the output folder. Files go in as they
/// are made ([`put`](Staging::put), from any thread); [`commit`](Staging::commit)
/// swaps the finished site in. Dropped without a commit, it removes what it
/// wrote and the output folder is as it was.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    parent: PathBuf,
    name: String,
    /// Folders already made, so each is made once.
    made: Mutex<HashSet<PathBuf>>,
    written: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Checks that `output` may be replaced, clears what killed builds
    /// left, and makes a fresh staging folder beside it.
    pub fn begin(output: &Path) -> io::Result<Staging> {
        refuse_foreign_folder(output)?;
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let name = output
            .file_name()
            .ok_or_else(|| io::Error::other(format!("{} is not a folder name", output.display())))?
            .to_string_lossy()
            .to_string();
        remove_leftovers(&parent, &name);
        let dir = parent.join(format!(".{name}.building-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        fs::write(
            dir.join(MARKER),
            "This folder is built by oversight and replaced on every build.\n",
        )?;
        Ok(Staging {
            made: Mutex::new(HashSet::from([dir.clone()])),
            dir,
            output: output.to_path_buf(),
            parent,
            name,
            written: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Writes one file of the new site.
    pub fn put(&self, file: &OutputFile) -> io::Result<()> {
        let target = self.dir.join(safe_relative(&file.path)?);
        if let Some(folder) = target.parent() {
            self.make_folder(folder)?;
        }
        match &file.content {
            Content::Bytes(b) => fs::write(&target, b)?,
            Content::Copy(src) => {
                fs::copy(src, &target)?;
            }
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
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
        fs::create_dir_all(folder)?;
        let mut set = self.made.lock().unwrap_or_else(|e| e.into_inner());
        let mut f = Some(folder);
        while let Some(dir) = f.filter(|d| *d != self.dir) {
            set.insert(dir.to_path_buf());
            f = dir.parent();
        }
        Ok(())
    }

    /// Swaps the new site in place of the old, removes the old, and says
    /// how many files the new site has.
    pub fn commit(mut self) -> io::Result<usize> {
        self.committed = true;
        let result = swap(&self.dir, &self.output, &self.parent, &self.name);
        if result.is_err() {
            let _ = fs::remove_dir_all(&self.dir);
        }
        result.map(|_| self.written.load(Ordering::Relaxed))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes a folder tree, its folders in parallel. Symbolic links are
/// removed, never followed.
fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            remove_tree(&e.path())
        } else {
            fs::remove_file(e.path())
        }
    })?;
    fs::remove_dir(dir)
}

/// Puts the new site in place of the old, then removes the old. Where the
/// system can, the two folders are exchanged in one step, so there is no
/// moment, even if the build is killed, when `output` is missing or partly
/// written.
fn swap(staging: &Path, output: &Path, parent: &Path, name: &str) -> io::Result<()> {
    if !output.exists() {
        return fs::rename(staging, output);
    }
    if exchange(staging, output)? {
        // `staging` now holds the previous site.
        return remove_tree(staging);
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    fs::rename(output, &old)?;
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(&old, output);
        return Err(e);
    }
    fs::remove_dir_all(&old)
}

/// Exchanges two folders atomically. `Ok(false)` when this system or file
/// system cannot, so the caller falls back to two renames.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that outlive the
    // call; renameat2 reads them and touches no other memory.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::ENOSYS | libc::EINVAL | libc::ENOTSUP | libc::EXDEV) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Removes what builds that were killed left beside the output: their
/// staging folders, and old sites not yet removed. Only folders of
/// processes that are no longer running are touched.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().to_string();
        let pid = [".building-", ".old-"].iter().find_map(|kind| {
            file.strip_prefix(&format!(".{name}{kind}"))
                .and_then(|p| p.parse::<u32>().ok())
        });
        if let Some(pid) = pid
            && pid != std::process::id()
            && !running(pid)
        {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Whether process `pid` is still running. Where this cannot be known,
/// it is taken to be, and its folder left alone.
fn running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// Never replace a folder oversight did not make: `--output .` must not wipe a project.
fn refuse_foreign_folder(output: &Path) -> io::Result<()> {
    if !output.exists() {
        return Ok(());
    }
    if !output.is_dir() {
        return Err(io::Error::other(format!(
            "{} exists and is not a folder",
            output.display()
        )));
    }
    let empty = fs::read_dir(output)?.next().is_none();
    if empty || output.join(MARKER).exists() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{} already exists and was not built by oversight; refusing to replace it (choose another --output, or empty it)",
            output.display()
        )))
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
