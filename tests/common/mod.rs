//! Shared helpers for the integration tests: run the binary, read a built
//! site, follow its links.
#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The binary, with a fixed "today" source cleared so each test decides.
pub fn oversight() -> Command {
    let mut cmd = Command::cargo_bin("oversight").expect("binary built");
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// Runs a command; returns (exit code, stdout, stderr).
pub fn run(mut cmd: Command) -> (i32, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Builds `content` into `output`.
pub fn build(content: &Path, output: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut cmd = oversight();
    cmd.arg("build")
        .arg("--content")
        .arg(content)
        .arg("--output")
        .arg(output)
        .args(extra);
    run(cmd)
}

/// Checks `content`.
pub fn check(content: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut cmd = oversight();
    cmd.arg("check").arg("--content").arg(content).args(extra);
    run(cmd)
}

/// Every file under `dir`, by path relative to it.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(e.path()).expect("read"));
        }
    }
    out
}

pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Copies a folder (a fixture) so a test can change it.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("walk");
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A copy of the valid fixture in `dir/content` whose site.yaml has no
/// `base_url`.
pub fn valid_without_base_url(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    copy_dir(&fixture("valid"), &content);
    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    let without: String = yaml
        .lines()
        .filter(|l| !l.starts_with("base_url:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(content.join("site.yaml"), without).unwrap();
    content
}

/// The values of every `href="..."` and `src="..."` in `html`.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    out
}

/// Every relative link in every page that leads to no file, or to no
/// element with the anchor it names: `page -> link`.
pub fn broken_links(site: &Path) -> Vec<String> {
    let files = tree(site);
    let mut broken = Vec::new();
    for (page, bytes) in &files {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let dir = Path::new(page).parent().unwrap_or(Path::new(""));
        for link in links(&html) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            assert!(!link.starts_with('/'), "{page}: root-absolute link {link}");
            let (path, anchor) = match link.split_once('#') {
                Some((p, a)) => (p.to_string(), Some(a.to_string())),
                None => (link.clone(), None),
            };
            let target = if path.is_empty() {
                page.clone()
            } else {
                normalise(&dir.join(&path))
            };
            let Some(content) = files.get(&target) else {
                broken.push(format!("{page} -> {link}"));
                continue;
            };
            if let Some(a) = anchor {
                let text = String::from_utf8_lossy(content);
                if !text.contains(&format!("id=\"{a}\"")) {
                    broken.push(format!("{page} -> {link} (no anchor)"));
                }
            }
        }
    }
    broken
}

fn normalise(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// A content folder `dir/content` holding `files` (path under `content/`,
/// text), with `site_yaml` as its `site.yaml` unless `files` has one.
pub fn write_site<S: AsRef<str>>(dir: &Path, site_yaml: &str, files: &[(&str, S)]) -> PathBuf {
    let content = dir.join("content");
    for (rel, text) in files {
        let p = content.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text.as_ref()).unwrap();
    }
    if !content.join("site.yaml").exists() {
        std::fs::write(content.join("site.yaml"), site_yaml).unwrap();
    }
    content
}

/// The part of `html` from `start` up to (not including) the first `end`
/// after it, or to the end; fails the test when `start` is not there.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {html}"));
    let rest = &html[from..];
    &rest[..rest[start.len()..]
        .find(end)
        .map_or(rest.len(), |i| i + start.len())]
}

/// Checks `data/site.json` in `out` against `docs/site.schema.json`.
pub fn validate(out: &std::path::Path) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/site.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/site.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The text of each file in a zip (an `.xlsx` workbook), named
/// `<path>!<entry>`.
pub fn unzipped(path: &str, bytes: Vec<u8>) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("an entry");
            let mut text = String::new();
            std::io::Read::read_to_string(&mut f, &mut text).expect("text");
            (format!("{path}!{}", f.name().unwrap_or_default()), text)
        })
        .collect()
}

/// What oversight printed, kept as an insta snapshot in `tests/snapshots/`
/// beside the bad fixtures' (so the check that every code is in a snapshot
/// sees it), with temporary folders written as `[tmp]` and timings as
/// `[time]`. For the messages no bad fixture can give: a theme's, a link's,
/// a file too large to commit.
pub fn snapshot(name: &str, printed: &str) {
    insta::with_settings!({
        snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
        filters => vec![
            (r"/tmp/\.tmp[A-Za-z0-9]+", "[tmp]"),
            (r"/private/var/folders/[^ ]+?/T/\.tmp[A-Za-z0-9]+", "[tmp]"),
            (r"in \d+ ms", "in [time] ms"),
        ],
    }, {
        insta::assert_snapshot!(name, printed);
    });
}

/// The note of the valid fixture's action P1.2 that tests rewrite.
pub const P12_NOTE: &str = "Slipped after staff losses.";

/// Replaces P1.2's last note in a copy of the valid fixture at `content`
/// with `note` (YAML as it would be written after `note: `).
pub fn set_p12_note(content: &Path, note: &str) {
    let actions = content.join("plans/recovery/actions.yaml");
    let text = std::fs::read_to_string(&actions).unwrap();
    assert!(text.contains(P12_NOTE), "the fixture's note changed");
    std::fs::write(&actions, text.replace(P12_NOTE, note)).unwrap();
}

/// Every record of the site's search index: its `search/d-<n>.js` files,
/// in order. Fails if there are none.
pub fn search_records(out: &Path) -> String {
    let mut all = String::new();
    for n in 0.. {
        let path = out.join(format!("search/d-{n}.js"));
        if !path.is_file() {
            break;
        }
        all.push_str(&std::fs::read_to_string(path).expect("read"));
    }
    assert!(!all.is_empty(), "the site has no search records");
    all
}

/// A site of two inspections and a plan that addresses the first one's
/// recommendation: the plan names it "2019 Ofsted inspection".
pub fn two_inspections(content: &Path) {
    let files = [
        ("site.yaml", "title: Two inspections\ntoday: 2024-06-30\n"),
        (
            "inspections/2019-first.md",
            "---\ntitle: First inspection\ninspectorate: Ofsted\nscale: ofsted-ilacs\n\
             start: 2019-03-04\nrecommendations:\n  - id: oversight\n    \
             text: Management oversight of casework.\n---\nJudged inadequate.\n",
        ),
        (
            "inspections/2023-second.md",
            "---\ntitle: Second inspection\ninspectorate: Ofsted\nscale: ofsted-ilacs\n\
             start: 2023-03-06\n---\nJudged good.\n",
        ),
        (
            "plans/recovery/index.md",
            "---\ntitle: Recovery plan\nadopted: 2019-09-01\npriorities:\n  - id: P1\n    \
             title: Practice\n---\nThe plan.\n",
        ),
        (
            "plans/recovery/actions.yaml",
            "- id: P1.1\n  priority: P1\n  title: Supervision\n  due: 2020-03-31\n  \
             addresses: [inspections/2019-first#oversight]\n  updates:\n    \
             - { date: 2019-12-01, status: green }\n",
        ),
    ];
    for (rel, text) in files {
        let path = content.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}
