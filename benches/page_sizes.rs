//! The largest pages of the example and of synthetic sites (1,000 and
//! 10,000 documents by default; name others: `cargo bench --bench
//! page_sizes -- 3000`): each site is built, and its five largest HTML
//! pages are printed with their sizes. Each built site is left in
//! `target/bench-sites/<name>/output` for `tests/browser/load-times.mjs`,
//! which prints Chromium's load time of the same pages.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::Command;

fn build(bin: &str, content: &Path, out: &Path) {
    let _ = std::fs::remove_dir_all(out);
    let status = Command::new(bin)
        .args(["build", "--quiet", "--content"])
        .arg(content)
        .arg("--output")
        .arg(out)
        .status()
        .expect("run oversight");
    assert!(status.success(), "building {} failed", content.display());
}

/// Every HTML page under `out`, largest first.
fn pages(out: &Path) -> Vec<(u64, String)> {
    let mut pages: Vec<(u64, String)> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap_or(e.path());
            (
                e.metadata().map_or(0, |m| m.len()),
                rel.display().to_string(),
            )
        })
        .collect();
    pages.sort_by(|a, b| b.cmp(a));
    pages
}

fn report(name: &str, out: &Path) {
    let pages = pages(out);
    println!("{name}: {} HTML pages", pages.len());
    for (size, path) in pages.iter().take(5) {
        println!("  {:>10.1} KB  {path}", *size as f64 / 1024.0);
    }
}

fn main() {
    let bin = env!("CARGO_BIN_EXE_oversight");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let sites = root.join("target/bench-sites");
    let example = sites.join("example/output");
    build(bin, &root.join("content"), &example);
    report("example", &example);
    for docs in synthetic::sizes(&[1_000, 10_000]) {
        let dir = sites.join(docs.to_string());
        synthetic::generate(&dir, docs);
        let out = dir.join("output");
        build(bin, &dir.join("content"), &out);
        report(&format!("{docs} documents"), &out);
    }
}
