//! A rebuild after one edit leaves every file it did not change as the
//! previous build left it (same inode, same modification time), so
//! `rsync -a`, a CDN's ETags and browser caches see only what changed;
//! the files it changed are new. The site is still swapped in whole.
#![cfg(unix)]

mod common;
use common::*;
use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// Every file of the site: its bytes, inode and modification time.
fn files(out: &Path) -> BTreeMap<String, (Vec<u8>, u64, i64, i64)> {
    tree(out)
        .into_iter()
        .map(|(path, bytes)| {
            let m = std::fs::metadata(out.join(&path)).unwrap();
            (path, (bytes, m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

#[test]
fn a_rebuild_keeps_every_unchanged_file_and_replaces_the_changed_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    // The first rebuild stages into an empty folder; from the second on,
    // the build stages into the spare the one before kept.
    for note in ["Slipped after two staff left.", "Back on track in March."] {
        let before = files(&out);
        set_p12_note(&content, note);
        let (code, _, err) = build(&content, &out, &[]);
        assert_eq!(code, 0, "{err}");
        let after = files(&out);
        let (kept, changed) = compare(&before, &after);
        // The action's page and the pages that quote its note change; the
        // style sheet, the other plans' pages and most of the site do not.
        assert!(
            changed.contains(&"plans/recovery/actions/P1.2/index.html"),
            "{changed:?}"
        );
        assert!(kept.iter().any(|p| p.ends_with(".css")), "{kept:?}");
        assert!(
            kept.len() > changed.len(),
            "{} kept, {} changed: {changed:?}",
            kept.len(),
            changed.len()
        );
        // Written to P12_NOTE's place for the next round.
        std::fs::write(
            content.join("plans/recovery/actions.yaml"),
            read(&content, "plans/recovery/actions.yaml").replace(note, P12_NOTE),
        )
        .unwrap();
    }
}

type Files = BTreeMap<String, (Vec<u8>, u64, i64, i64)>;

/// The files kept from `before` (same bytes: checked to be the same inode
/// and time) and those changed or new (checked to be a new inode).
fn compare<'a>(before: &Files, after: &'a Files) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut kept, mut changed) = (Vec::new(), Vec::new());
    for (path, (bytes, ino, secs, nanos)) in after {
        match before.get(path) {
            Some((old, old_ino, old_secs, old_nanos)) if old == bytes => {
                assert_eq!(
                    (ino, secs, nanos),
                    (old_ino, old_secs, old_nanos),
                    "{path} is unchanged but was written again"
                );
                kept.push(path.as_str());
            }
            Some((_, old_ino, ..)) => {
                assert_ne!(ino, old_ino, "{path} changed in place");
                changed.push(path.as_str());
            }
            None => changed.push(path.as_str()),
        }
    }
    (kept, changed)
}

/// The spare beside `out`: the folders a rebuild stages into.
fn spare(out: &Path) -> std::path::PathBuf {
    out.with_file_name(".output.spare")
}

/// Every file under `dir` and its inode.
fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    tree(dir)
        .into_keys()
        .map(|p| {
            let ino = std::fs::metadata(dir.join(&p)).unwrap().ino();
            (p, ino)
        })
        .collect()
}

#[test]
fn the_spare_is_the_published_site_and_a_withdrawn_paper_leaves_both() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let out = tmp.path().join("output");
    for _ in 0..3 {
        let (code, _, err) = build(&content, &out, &[]);
        assert_eq!(code, 0, "{err}");
    }
    let minutes = "meetings/2024-01-10-scrutiny/minutes/index.html";
    assert!(out.join(minutes).is_file());
    assert_eq!(inodes(&out), inodes(&spare(&out)), "one set of files");

    // The minutes turn out to be exempt: the next build takes them off the
    // site, and no copy of them is left beside it.
    let paper = content.join("meetings/2024-01-10-scrutiny/minutes.md");
    let text = read(&content, "meetings/2024-01-10-scrutiny/minutes.md");
    std::fs::write(
        &paper,
        text.replacen("kind: minutes\n", "kind: minutes\nexempt: 1\n", 1),
    )
    .unwrap();
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.join(minutes).exists());
    assert!(
        !spare(&out).join(minutes).exists(),
        "a copy was left in the spare"
    );
    assert_eq!(inodes(&out), inodes(&spare(&out)));

    // And the site is exactly what a first build makes.
    let fresh = tmp.path().join("fresh");
    let (code, _, err) = build(&content, &fresh, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(tree(&out) == tree(&fresh), "the rebuilt site differs");
}

#[test]
fn a_spare_changed_by_hand_cannot_change_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let out = tmp.path().join("output");
    for _ in 0..2 {
        let (code, _, err) = build(&content, &out, &[]);
        assert_eq!(code, 0, "{err}");
    }
    let s = spare(&out);
    assert!(s.join("about/index.html").is_file());
    // A file added, a page replaced by another file, a folder made a
    // file, and a folder made a link to a folder outside the site.
    std::fs::write(s.join("extra.html"), "added by hand").unwrap();
    std::fs::remove_file(s.join("about/index.html")).unwrap();
    std::fs::write(s.join("about/index.html"), "not the page").unwrap();
    std::fs::remove_dir_all(s.join("visits")).unwrap();
    std::fs::write(s.join("visits"), "a file where a folder was").unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("keep.txt"), "not the site's").unwrap();
    std::fs::remove_dir_all(s.join("plans")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, s.join("plans")).unwrap();

    set_p12_note(&content, "Slipped after two staff left.");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let fresh = tmp.path().join("fresh");
    let (code, _, err) = build(&content, &fresh, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(tree(&out) == tree(&fresh), "the rebuilt site differs");
    assert!(
        !std::fs::symlink_metadata(out.join("plans"))
            .unwrap()
            .is_symlink()
    );
    assert_eq!(
        tree(&elsewhere).into_keys().collect::<Vec<_>>(),
        ["keep.txt"],
        "the build wrote through the link"
    );
}

/// What `rsync -ai --dry-run` would send from `new` to `old`: the paths
/// it lists, folders left out.
fn rsync_lists(new: &Path, old: &Path) -> Vec<String> {
    let out = std::process::Command::new("rsync")
        .args(["-ai", "--dry-run", "--delete"])
        .arg(format!("{}/", new.display()))
        .arg(format!("{}/", old.display()))
        .output()
        .expect("rsync runs (apt-get install rsync)");
    assert!(out.status.success());
    let mut listed: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(_, p)| p.to_string()))
        .filter(|p| !p.ends_with('/'))
        .collect();
    listed.sort();
    listed
}

#[test]
fn rsync_sends_only_the_files_an_edit_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let out = tmp.path().join("output");
    // What the web server holds: the site as last published with rsync.
    let published = tmp.path().join("published");
    let publish = || {
        let copied = std::process::Command::new("rsync")
            .args(["-a", "--delete"])
            .arg(format!("{}/", out.display()))
            .arg(format!("{}/", published.display()))
            .status()
            .expect("rsync runs (apt-get install rsync)");
        assert!(copied.success());
    };
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    publish();
    // Two edits, so that both a rebuild into an empty staging folder and
    // one into the spare are checked.
    let edits: [(&str, &dyn Fn()); 2] = [
        ("plans/recovery/actions/P1.2/index.html", &|| {
            set_p12_note(&content, "Slipped after two staff left.")
        }),
        ("about/index.html", &|| {
            let about = read(&content, "about.md") + "\nOne sentence more.\n";
            std::fs::write(content.join("about.md"), about).unwrap();
        }),
    ];
    for (page, edit) in edits {
        let before = tree(&out);
        edit();
        let (code, _, err) = build(&content, &out, &[]);
        assert_eq!(code, 0, "{err}");
        let mut changed: Vec<String> = tree(&out)
            .into_iter()
            .filter(|(p, bytes)| before.get(p) != Some(bytes))
            .map(|(p, _)| p)
            .collect();
        changed.sort();
        assert!(changed.iter().any(|p| p == page), "{changed:?}");
        assert_eq!(rsync_lists(&out, &published), changed);
        publish();
    }
}

#[test]
fn a_file_linked_from_elsewhere_is_written_afresh_not_linked_again() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture("valid"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    // Someone links a published page to a file of their own.
    let elsewhere = tmp.path().join("elsewhere.html");
    std::fs::hard_link(out.join("about/index.html"), &elsewhere).unwrap();
    let (code, _, err) = build(&fixture("valid"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::metadata(out.join("about/index.html")).unwrap();
    let theirs = std::fs::metadata(&elsewhere).unwrap();
    assert_ne!(
        page.ino(),
        theirs.ino(),
        "the new site shares no file with theirs"
    );
    assert_eq!(theirs.nlink(), 1);
}
