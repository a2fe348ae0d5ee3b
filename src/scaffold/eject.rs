//! `oversight theme eject`: the built-in templates and static files,
//! copied out as they are, for a web officer to start a theme from.

use crate::render::theme::{STATIC, TEMPLATES};
use std::fs;
use std::path::{Path, PathBuf};

/// Writes the built-in theme into `dir` (`templates/` and `static/`), which
/// must not exist or be empty: nothing is overwritten. Returns the files
/// written.
pub fn eject_theme(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if let Ok(mut entries) = fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(format!(
                "{} already exists and is not empty; nothing was written (give another folder with --to)",
                dir.display()
            ));
        }
    } else if dir.exists() {
        return Err(format!(
            "{} exists and is not a folder; nothing was written (give another folder with --to)",
            dir.display()
        ));
    }
    let files = TEMPLATES
        .iter()
        .map(|(name, text)| (Path::new("templates").join(name), text.as_bytes()))
        .chain(
            STATIC
                .iter()
                .map(|(name, bytes)| (Path::new("static").join(name), *bytes)),
        );
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
