//! What is written, and where, cannot be turned against the officer who
//! builds: a theme cannot smuggle files from the build machine into the
//! site, and `--output` cannot be aimed (by a link, a nesting or a mount)
//! at something whose contents are then lost.
#![cfg(unix)]

mod common;
use common::*;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

/// A value set in the build's environment that must never be published.
const CANARY: &str = "canary-env-7f3a9c";
/// The text of a file outside the theme that must never be published.
const OUTSIDE: &str = "canary-outside-5d1e";

/// A copy of the valid fixture in `dir/content` that uses `themes/linked`,
/// whose `static` and `templates` folders exist and are empty.
fn site_with_theme(dir: &Path) -> (PathBuf, PathBuf) {
    let content = dir.join("content");
    copy_dir(&fixture("valid"), &content);
    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(content.join("site.yaml"), format!("{yaml}theme: linked\n")).unwrap();
    let theme = dir.join("themes/linked");
    std::fs::create_dir_all(theme.join("static")).unwrap();
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    (content, theme)
}

/// Builds with the canary in the environment.
fn build_with_canary(content: &Path, output: &Path) -> (i32, String, String) {
    let mut cmd = oversight();
    cmd.env("OVERSIGHT_CANARY_ENV", CANARY)
        .arg("build")
        .arg("--content")
        .arg(content)
        .arg("--output")
        .arg(output);
    run(cmd)
}

/// Every file under `dir` (if it exists) that contains `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    if !dir.exists() {
        return Vec::new();
    }
    tree(dir)
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn a_theme_file_linked_to_the_environment_or_outside_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, theme) = site_with_theme(tmp.path());
    let secret = tmp.path().join("secret.txt");
    std::fs::write(&secret, OUTSIDE).unwrap();
    symlink("/proc/self/environ", theme.join("static/env.css")).unwrap();
    symlink(&secret, theme.join("static/notes.txt")).unwrap();
    symlink(&secret, theme.join("templates/page.html")).unwrap();
    let out = tmp.path().join("output");

    let (code, _, err) = build_with_canary(&content, &out);

    assert_eq!(code, 1, "a linked theme file is a content error: {err}");
    snapshot("theme-file-links", &err);
    for name in ["static/env.css", "static/notes.txt", "templates/page.html"] {
        assert!(
            err.contains(&format!(
                "linked/{name}: error: this theme file is a symbolic link"
            )),
            "{name} is named: {err}"
        );
    }
    assert!(err.contains("copy the file itself into the theme"), "{err}");
    assert!(files_containing(&out, CANARY).is_empty());
    assert!(files_containing(&out, OUTSIDE).is_empty());
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn a_theme_folder_that_is_a_link_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, theme) = site_with_theme(tmp.path());
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("leak.css"), OUTSIDE).unwrap();
    std::fs::remove_dir(theme.join("static")).unwrap();
    symlink(&elsewhere, theme.join("static")).unwrap();
    let out = tmp.path().join("output");

    let (code, _, err) = build_with_canary(&content, &out);

    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("linked/static: error: this theme folder is a symbolic link"),
        "{err}"
    );
    assert!(files_containing(&out, OUTSIDE).is_empty());

    // The same theme with a real folder builds.
    std::fs::remove_file(theme.join("static")).unwrap();
    std::fs::create_dir(theme.join("static")).unwrap();
    std::fs::write(theme.join("static/extra.css"), "body { color: black }").unwrap();
    let (code, _, err) = build_with_canary(&content, &out);
    assert_eq!(code, 0, "{err}");
    assert_eq!(read(&out, "assets/extra.css"), "body { color: black }");
}

/// Builds the valid fixture into `out` as at `date`.
fn build_valid(content: &Path, out: &Path, date: &str) -> (i32, String, String) {
    build(content, out, &["--as-of", date])
}

#[test]
fn an_output_that_is_a_link_keeps_the_link_and_replaces_what_it_points_at() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let real = tmp.path().join("releases/current");
    let (code, _, err) = build_valid(&content, &real, "2024-06-30");
    assert_eq!(code, 0, "{err}");
    let link = tmp.path().join("site");
    symlink(&real, &link).unwrap();

    let (code, _, err) = build_valid(&content, &link, "2024-07-31");

    assert_eq!(code, 0, "{err}");
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link is kept");
    assert_eq!(std::fs::read_link(&link).unwrap(), real);
    assert!(
        read(&real, "index.html").contains("31 July 2024"),
        "the folder it points at holds the new site"
    );
    let beside: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        beside.is_empty(),
        "nothing left beside the link: {beside:?}"
    );
}

#[test]
fn an_output_link_that_leads_nowhere_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let link = tmp.path().join("site");
    symlink(tmp.path().join("missing"), &link).unwrap();

    let (code, _, err) = build_valid(&content, &link, "2024-06-30");

    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is a symbolic link to"), "{err}");
    assert!(err.contains("which does not exist"), "{err}");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(!tmp.path().join("missing").exists());
}

#[test]
fn a_content_folder_inside_the_output_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build_valid(&fixture("valid"), &out, "2024-06-30");
    assert_eq!(code, 0, "{err}");
    let before = tree(&out);
    // An officer keeps a working copy of the content inside the built site.
    let content = out.join("content");
    copy_dir(&fixture("valid"), &content);

    let (code, _, err) = build_valid(&content, &out, "2024-07-31");

    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("is inside the output folder"),
        "says why: {err}"
    );
    assert_eq!(
        tree(&content),
        tree(&fixture("valid")),
        "the content is all still there"
    );
    let mut after = tree(&out);
    after.retain(|path, _| !path.starts_with("content/"));
    assert_eq!(after, before, "the site was not touched");
}

#[test]
fn an_output_inside_the_content_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let out = content.join("site");

    let (code, _, err) = build_valid(&content, &out, "2024-06-30");

    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is inside the content folder"), "{err}");
    assert!(!out.exists(), "nothing was written");
    // A dot folder is never read as content, so it may hold the output.
    let hidden = content.join(".site");
    let (code, _, err) = build_valid(&content, &hidden, "2024-06-30");
    assert_eq!(code, 0, "{err}");
    assert_eq!(build_valid(&content, &hidden, "2024-06-30").0, 0);
}

#[test]
fn a_theme_inside_the_output_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (content, theme) = site_with_theme(tmp.path());
    std::fs::write(theme.join("static/extra.css"), "body { color: black }").unwrap();
    // The output folder is the themes folder, built once while it was empty.
    let out = tmp.path().join("themes");
    std::fs::write(out.join(".oversight-output"), "").unwrap();

    let (code, _, err) = build_valid(&content, &out, "2024-06-30");

    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is inside the output folder"), "{err}");
    assert_eq!(read(&theme, "static/extra.css"), "body { color: black }");
}

/// A tmpfs mounted for the length of a test, and unmounted however the test ends.
struct Mount(PathBuf);

impl Mount {
    /// `None`, with the reason printed, where this test may not mount.
    fn tmpfs(at: &Path) -> Option<Mount> {
        std::fs::create_dir_all(at).unwrap();
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "tmpfs"])
            .arg(at)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Mount(at.to_path_buf())),
            Ok(o) => {
                eprintln!(
                    "skipped: cannot mount a tmpfs here ({})",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: cannot run mount ({e})");
                None
            }
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn an_output_that_is_a_mount_point_is_replaced_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let out = tmp.path().join("volume");
    let Some(_mount) = Mount::tmpfs(&out) else {
        return;
    };
    let (code, _, err) = build_valid(&content, &out, "2024-06-30");
    assert_eq!(code, 0, "the first build into an empty volume: {err}");
    let first = tree(&out);
    std::fs::write(out.join("by-hand.html"), "added by hand").unwrap();

    let (code, _, err) = build_valid(&content, &out, "2024-07-31");

    assert_eq!(code, 0, "{err}");
    let second = tree(&out);
    assert!(String::from_utf8_lossy(&second["index.html"]).contains("31 July 2024"));
    assert_eq!(
        second.keys().collect::<Vec<_>>(),
        first.keys().collect::<Vec<_>>(),
        "the same files, and none left over from the swap or added by hand"
    );
    let hidden: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".oversight-") && n != ".oversight-output")
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    assert!(
        mounts.contains(&format!(" {} ", out.display())),
        "the volume is still mounted"
    );
}
