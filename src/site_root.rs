//! Finding the site from any folder inside it, as Zola does: when
//! `--content` is not given and there is no `content/site.yaml` here, the
//! nearest folder above that holds one is the site, and its `content` and
//! `output` are used.

use std::path::{Path, PathBuf};

/// The folder above `start` (or `start` itself) that holds
/// `content/site.yaml`. The search stops at the filesystem's root and, for
/// a folder inside the home folder, below the home folder itself: a stray
/// `~/content/` is never taken for the site.
pub fn find(start: &Path, home: Option<&Path>) -> Option<PathBuf> {
    let mut at = Some(start);
    while let Some(dir) = at {
        if home.is_some_and(|h| dir == h) && dir != start {
            return None;
        }
        if dir.join("content").join("site.yaml").is_file() {
            return Some(dir.to_path_buf());
        }
        at = dir.parent();
    }
    None
}

/// Where the site is when the defaults are used: `Some(root)` when it is
/// not the current folder.
pub fn locate() -> Option<PathBuf> {
    if Path::new("content").join("site.yaml").is_file() {
        return None;
    }
    let here = std::env::current_dir().ok()?;
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty())
        .map(PathBuf::from);
    let root = find(&here, home.as_deref())?;
    (root != here).then_some(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_site_above_is_found_and_home_is_not_crossed() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        let deep = site.join("content/plans/p");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(site.join("content/site.yaml"), "title: T\n").unwrap();
        assert_eq!(find(&deep, None), Some(site.clone()));
        // A site in the home folder itself is not looked for from below it.
        assert_eq!(find(&deep, Some(&site)), None);
        assert_eq!(find(tmp.path(), None), None);
    }
}
