//! Stage 4, write: the built site goes into a fresh folder beside the
//! output folder and is swapped in only when every file is written, so a
//! failed build leaves the previous output exactly as it was.

use crate::render::Content;
use crate::render::OutputFile;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Marks a folder as made by oversight, so it may be replaced.
pub const MARKER: &str = ".oversight-output";

/// Writes `files` and swaps them in at `output`. Returns how many files were written.
pub fn write_site(output: &Path, files: &[OutputFile]) -> io::Result<usize> {
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
    let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    let result =
        fill(&staging, files).and_then(|n| swap(&staging, output, &parent, &name).map(|_| n));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn fill(staging: &Path, files: &[OutputFile]) -> io::Result<usize> {
    fs::create_dir_all(staging)?;
    fs::write(
        staging.join(MARKER),
        "This folder is built by oversight and replaced on every build.\n",
    )?;
    for f in files {
        let target = staging.join(safe_relative(&f.path)?);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        match &f.content {
            Content::Bytes(b) => fs::write(&target, b)?,
            Content::Copy(src) => {
                fs::copy(src, &target)?;
            }
        }
    }
    Ok(files.len())
}

/// Moves the old output aside, the new one in, then removes the old.
fn swap(staging: &Path, output: &Path, parent: &Path, name: &str) -> io::Result<()> {
    if output.exists() {
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        fs::rename(output, &old)?;
        if let Err(e) = fs::rename(staging, output) {
            let _ = fs::rename(&old, output);
            return Err(e);
        }
        fs::remove_dir_all(&old)?;
    } else {
        fs::rename(staging, output)?;
    }
    Ok(())
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
