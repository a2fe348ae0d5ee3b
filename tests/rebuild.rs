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
    let before = files(&out);

    // One edit: an action's last note.
    set_p12_note(&content, "Slipped after two staff left.");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let after = files(&out);

    let (mut kept, mut changed) = (Vec::new(), Vec::new());
    for (path, (bytes, ino, secs, nanos)) in &after {
        match before.get(path) {
            Some((old, old_ino, old_secs, old_nanos)) if old == bytes => {
                assert_eq!(
                    (ino, secs, nanos),
                    (old_ino, old_secs, old_nanos),
                    "{path} is unchanged but was written again"
                );
                kept.push(path);
            }
            Some((_, old_ino, ..)) => {
                assert_ne!(ino, old_ino, "{path} changed in place");
                changed.push(path.as_str());
            }
            None => changed.push(path.as_str()),
        }
    }
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
