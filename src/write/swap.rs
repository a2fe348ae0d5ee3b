//! Putting the new site in place of the old, and clearing what killed
//! builds left behind.

use rayon::prelude::*;
use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a build staging inside a mount point names its folders with:
/// `.oversight-next-<pid>` for the new site, `.oversight-old-<pid>` for
/// what it replaced.
pub const WITHIN_PREFIX: &str = ".oversight-";

/// Puts the new site in place of the old, and says where the old now is
/// (`None` when there was none), for the caller to keep or remove. Where
/// the system can, the two folders are exchanged in one step, so there is
/// no moment, even if the build is killed, when `output` is missing or
/// partly written.
pub fn beside(
    staging: &Path,
    output: &Path,
    parent: &Path,
    name: &str,
) -> io::Result<Option<PathBuf>> {
    if fs::symlink_metadata(output).is_err() {
        return fs::rename(staging, output).map(|()| None);
    }
    if exchange(staging, output)? {
        // `staging` now holds the previous site.
        return Ok(Some(staging.to_path_buf()));
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
    Ok(Some(old))
}

/// Replaces what `output` holds with what `staging` (a folder inside it)
/// holds, for an output folder that cannot itself be renamed. Each entry
/// at the top of the site (`index.html`, `plans/`, ...) is swapped in one
/// step, so a reader finds each one old or new and whole, never missing
/// and never half-written; `index.html` goes last, so the new home page
/// links only to what is already there. Entries the new site does not
/// have are then moved away and removed with the old ones.
pub fn within(staging: &Path, output: &Path) -> io::Result<()> {
    let old = output.join(format!("{WITHIN_PREFIX}old-{}", std::process::id()));
    if old.exists() {
        remove_tree(&old)?;
    }
    fs::create_dir(&old)?;
    let mut new: Vec<(bool, OsString)> = fs::read_dir(staging)?
        .map(|e| e.map(|e| (e.file_name() == "index.html", e.file_name())))
        .collect::<io::Result<_>>()?;
    new.sort();
    for (_, name) in &new {
        let (from, to) = (staging.join(name), output.join(name));
        if fs::symlink_metadata(&to).is_err() {
            fs::rename(&from, &to)?;
        } else if !exchange(&from, &to)? {
            // No exchange here: the name is missing for the moment
            // between two renames.
            fs::rename(&to, old.join(name))?;
            fs::rename(&from, &to)?;
        }
    }
    let keep: HashSet<OsString> = new.into_iter().map(|(_, n)| n).collect();
    for e in fs::read_dir(output)? {
        let name = e?.file_name();
        let ours = name.to_string_lossy().starts_with(WITHIN_PREFIX) && name != super::MARKER;
        if !keep.contains(&name) && !ours && name != "lost+found" {
            fs::rename(output.join(&name), old.join(&name))?;
        }
    }
    remove_tree(staging)?;
    remove_tree(&old)
}

/// Removes a folder tree, its folders in parallel. Symbolic links are
/// removed, never followed.
pub fn remove_tree(dir: &Path) -> io::Result<()> {
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

/// Exchanges two entries atomically: `renameat2(RENAME_EXCHANGE)` on
/// Linux, `renameatx_np(RENAME_SWAP)` on macOS. `Ok(false)` when this
/// system or file system cannot, so the caller falls back to two renames.
#[cfg(any(target_os = "linux", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::NOSYS | Errno::INVAL | Errno::NOTSUP | Errno::XDEV) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Removes what builds that were killed left in `dir`: folders whose name
/// is one of `prefixes` followed by the id of a process that is no longer
/// running.
pub fn remove_leftovers(dir: &Path, prefixes: &[String]) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().to_string();
        let pid = prefixes.iter().find_map(|prefix| {
            file.strip_prefix(prefix.as_str())
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

/// Whether process `pid` is still running: `kill(pid, 0)` on Linux, macOS
/// and the BSDs. Where this cannot be known, it is taken to be, and its
/// folder left alone.
#[cfg(unix)]
fn running(pid: u32) -> bool {
    use rustix::io::Errno;
    use rustix::process::{Pid, test_kill_process};
    // 0 and ids past `pid_t`'s range are no process's.
    let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) else {
        return false;
    };
    // No such process is the one answer that says it has gone; "not
    // permitted" means it runs as someone else.
    !matches!(test_kill_process(pid), Err(Errno::SRCH))
}

/// Whether process `pid` is still running, on Windows: a process that
/// cannot be opened because there is none has gone, and one that can is
/// running until it has an exit code.
#[cfg(windows)]
fn running(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{
        CloseHandle, ERROR_INVALID_PARAMETER, GetLastError, STILL_ACTIVE,
    };
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: plain Win32 calls on a process id; the handle is closed
    // before returning and never used after.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            return GetLastError() != ERROR_INVALID_PARAMETER;
        }
        let mut code = 0u32;
        let ok = GetExitCodeProcess(handle, &mut code) != 0;
        CloseHandle(handle);
        !ok || code == STILL_ACTIVE as u32
    }
}

#[cfg(not(any(unix, windows)))]
fn running(_: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_that_ended_is_not_running_and_this_one_is() {
        assert!(running(std::process::id()));
        let mut child = std::process::Command::new(std::env::current_exe().expect("this test"))
            .arg("--list")
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("a child");
        let pid = child.id();
        child.wait().expect("it ends");
        assert!(!running(pid), "process {pid} ended and was reaped");
    }

    fn write(path: &Path, text: &str) {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("folder made");
        }
        fs::write(path, text).expect("written");
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .expect("listed")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        n.sort();
        n
    }

    /// The fallback for a mount point, run on an ordinary folder.
    #[test]
    fn within_replaces_every_entry_and_keeps_nothing_else() {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let out = tmp.path();
        write(&out.join(".oversight-output"), "old marker");
        write(&out.join("index.html"), "old home");
        write(&out.join("plans/a/index.html"), "old plan a");
        write(&out.join("gone/index.html"), "a page the new site lacks");
        write(&out.join("lost+found/x"), "the file system's");
        let staging = out.join(".oversight-next-1");
        write(&staging.join(".oversight-output"), "new marker");
        write(&staging.join("index.html"), "new home");
        write(&staging.join("plans/b/index.html"), "new plan b");
        write(&staging.join("assets/style.css"), "new style");

        within(&staging, out).expect("swapped");

        assert_eq!(
            names(out),
            [
                ".oversight-output",
                "assets",
                "index.html",
                "lost+found",
                "plans"
            ]
        );
        assert_eq!(
            fs::read_to_string(out.join("index.html")).ok().as_deref(),
            Some("new home")
        );
        assert_eq!(names(&out.join("plans")), ["b"]);
        assert_eq!(
            fs::read_to_string(out.join(".oversight-output"))
                .ok()
                .as_deref(),
            Some("new marker")
        );
    }

    #[test]
    fn leftovers_of_running_processes_are_kept() {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let mine = format!(".oversight-next-{}", std::process::id());
        for name in [
            mine.as_str(),
            ".oversight-next-4294967295",
            ".oversight-nextx-1",
        ] {
            fs::create_dir_all(tmp.path().join(name)).expect("made");
        }
        remove_leftovers(tmp.path(), &[format!("{WITHIN_PREFIX}next-")]);
        assert_eq!(
            names(tmp.path()),
            [
                ".oversight-next-".to_string() + &std::process::id().to_string(),
                ".oversight-nextx-1".into()
            ]
        );
    }
}
