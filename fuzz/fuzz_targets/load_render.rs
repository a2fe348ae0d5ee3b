//! A whole site from one input: the files of a content folder, each after a
//! line `==> PATH` (bytes before the first such line are `about.md`). A
//! minimal `site.yaml` is added unless the input has one. The site is
//! loaded, resolved and rendered; see `oversight_fuzz::run_site` for the checks.
//!
//! ```text
//! ==> site.yaml
//! title: A site
//! ==> inspections/2019-ilacs.md
//! ---
//! title: An inspection
//! ---
//! Text with an [@ link](@plans/p).
//! ```

#![no_main]

use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"==> ";
const MAX_FILES: usize = 64;

fuzz_target!(|data: &[u8]| {
    let mut files: Vec<(&str, &[u8])> = Vec::new();
    for (path, bytes) in split(data) {
        if files.len() < MAX_FILES && could_be_on_disk(path, &files) {
            files.push((path, bytes));
        }
    }
    if could_be_on_disk("site.yaml", &files) {
        files.push(("site.yaml", b"title: Fuzzed site\n"));
    }
    oversight_fuzz::run_site(&files);
});

/// The input cut into files at each line that starts with `==> `.
fn split(data: &[u8]) -> Vec<(&str, &[u8])> {
    let mut starts: Vec<usize> = Vec::new();
    if data.starts_with(HEADER) {
        starts.push(0);
    }
    for (i, w) in data.windows(HEADER.len() + 1).enumerate() {
        if w[0] == b'\n' && &w[1..] == HEADER {
            starts.push(i + 1);
        }
    }
    let mut out = Vec::new();
    let first = starts.first().copied().unwrap_or(data.len());
    if first > 0 {
        out.push(("about.md", &data[..first]));
    }
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(data.len());
        let chunk = &data[s + HEADER.len()..end];
        let (line, body) = match chunk.iter().position(|&b| b == b'\n') {
            Some(nl) => (&chunk[..nl], &chunk[nl + 1..]),
            None => (chunk, &chunk[chunk.len()..]),
        };
        if let Ok(path) = std::str::from_utf8(line) {
            out.push((path, body));
        }
    }
    out
}

/// Only what a walk of a real folder could give: a relative path of
/// non-empty names that are not hidden (the walk skips those), no file
/// twice, and no file where another file needs a folder.
fn could_be_on_disk(path: &str, files: &[(&str, &[u8])]) -> bool {
    let names_ok = !path.is_empty()
        && !path.contains(['\\', '\0'])
        && path
            .split('/')
            .all(|n| !n.is_empty() && !n.starts_with('.') && n.len() <= 255);
    names_ok
        && files.iter().all(|(p, _)| {
            p != &path
                && !p.strip_prefix(path).is_some_and(|r| r.starts_with('/'))
                && !path.strip_prefix(p).is_some_and(|r| r.starts_with('/'))
        })
}
