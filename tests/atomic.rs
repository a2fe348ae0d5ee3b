//! The output folder is always a complete site: a build killed at any
//! moment (`kill -9`) leaves the previous site or the new one, whole; and
//! the same content gives the same bytes whatever order its files were
//! created in.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The valid fixture with a plan big enough that writing takes a while.
fn big_site(dir: &Path, actions: usize) -> PathBuf {
    let content = dir.join("content");
    copy_dir(&fixture("valid"), &content);
    let file = content.join("plans/recovery/actions.yaml");
    let mut yaml = std::fs::read_to_string(&file).unwrap();
    for i in 0..actions {
        yaml.push_str(&format!(
            "- id: X{i}\n  priority: P2\n  title: Extra action {i}\n  due: 2024-0{}-01\n  updates:\n    - {{ date: 2023-01-01, status: amber }}\n",
            1 + i % 9
        ));
    }
    std::fs::write(&file, yaml).unwrap();
    content
}

fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".building-") || n.contains(".old-"))
        .collect()
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let tmp = tempfile::tempdir().unwrap();
    let content = big_site(tmp.path(), 1500);
    let out = tmp.path().join("output");
    let dates = ["2024-06-30", "2024-07-31"];
    // The two complete sites a kill may leave.
    let mut sites: Vec<BTreeMap<String, Vec<u8>>> = Vec::new();
    let mut took = Duration::ZERO;
    for d in dates {
        let started = Instant::now();
        let (code, _, err) = build(&content, &out, &["--as-of", d]);
        took = took.max(started.elapsed());
        assert_eq!(code, 0, "{err}");
        sites.push(tree(&out));
    }
    assert_ne!(sites[0], sites[1], "the two dates give different sites");
    let mut current = 1;
    let mut outcomes = [0, 0];
    for step in 0..12u32 {
        let target = 1 - current;
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("oversight"))
            .env_remove("SOURCE_DATE_EPOCH")
            .args(["build", "--as-of", dates[target], "--content"])
            .arg(&content)
            .arg("--output")
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the whole build, and a little past it.
        std::thread::sleep(took.mul_f64(f64::from(step) / 10.0));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = tree(&out);
        let which = sites.iter().position(|s| *s == now);
        assert!(
            which.is_some(),
            "after a kill at step {step} the output is neither the old nor the new site ({} files)",
            now.len()
        );
        current = which.unwrap_or(current);
        outcomes[usize::from(current == target)] += 1;
    }
    // Kills late enough let the build finish; early ones keep the old site.
    assert!(
        outcomes[0] > 0,
        "some kills came before the swap: {outcomes:?}"
    );
    // The next build clears what killed builds left beside the output.
    let (code, _, err) = build(&content, &out, &["--as-of", dates[0]]);
    assert_eq!(code, 0, "{err}");
    let now = tree(&out);
    let differ: Vec<&String> = now
        .keys()
        .chain(sites[0].keys())
        .filter(|k| now.get(*k) != sites[0].get(*k))
        .collect();
    assert!(differ.is_empty(), "the rebuilt site differs at {differ:?}");
    assert!(
        leftovers(tmp.path()).is_empty(),
        "{:?}",
        leftovers(tmp.path())
    );
}

/// Copies a folder creating its files in reverse order, so a file system
/// that lists in creation order lists them differently.
fn copy_reversed(from: &Path, to: &Path) {
    let mut entries: Vec<_> = walkdir::WalkDir::new(from)
        .into_iter()
        .map(|e| e.unwrap().path().to_path_buf())
        .collect();
    entries.sort();
    for dir in entries.iter().filter(|p| p.is_dir()) {
        std::fs::create_dir_all(to.join(dir.strip_prefix(from).unwrap())).unwrap();
    }
    for file in entries.iter().rev().filter(|p| p.is_file()) {
        std::fs::copy(file, to.join(file.strip_prefix(from).unwrap())).unwrap();
    }
}

#[test]
fn the_order_files_were_created_in_does_not_change_a_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let (forward, backward) = (tmp.path().join("f"), tmp.path().join("b"));
    copy_dir(&fixture("valid"), &forward);
    copy_reversed(&fixture("valid"), &backward);
    let (a, b) = (tmp.path().join("out-a"), tmp.path().join("out-b"));
    assert_eq!(build(&forward, &a, &["--as-of", "2024-06-30"]).0, 0);
    assert_eq!(build(&backward, &b, &["--as-of", "2024-06-30"]).0, 0);
    assert_eq!(tree(&a), tree(&b));
}
