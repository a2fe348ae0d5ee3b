//! The example site in `content/`: it checks clean under `--strict`, builds
//! every page of the contract, and has no broken relative link.

mod common;
use common::*;
use std::path::Path;

fn content() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

#[test]
fn the_example_site_checks_clean_under_strict() {
    let (code, out, err) = check(&content(), &["--strict"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "no warnings expected:\n{err}");
    assert!(out.contains("no errors"), "{out}");
}

#[test]
fn the_example_site_builds_every_document_with_no_broken_link() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, stdout, err) = build(&content(), &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("as at 30 June 2023"), "{stdout}");
    let files = tree(&out);
    // Every document of content/ has its page.
    for e in walkdir::WalkDir::new(content()) {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(content())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let page = match rel.rsplit_once('.') {
            Some((stem, "md" | "yaml")) if rel != "site.yaml" && !rel.ends_with("actions.yaml") => {
                let id = stem.strip_suffix("/index").unwrap_or(stem);
                if id == "index" {
                    "index.html".to_string()
                } else {
                    format!("{id}/index.html")
                }
            }
            _ => continue,
        };
        assert!(files.contains_key(&page), "{rel} has no page {page}");
    }
    for list in [
        "inspections",
        "visits",
        "plans",
        "meetings",
        "risks",
        "indicators",
        "timeline",
        "status",
        "recommendations",
    ] {
        assert!(
            files.contains_key(&format!("{list}/index.html")),
            "no list {list}"
        );
    }
    assert!(files.contains_key("404.html"));
    let actions = files
        .keys()
        .filter(|k| k.starts_with("plans/practice-improvement/actions/"))
        .count();
    assert!(actions >= 15, "every action has a page ({actions})");
    let broken = broken_links(&out);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    // The facts members look for first.
    let ilacs = read(&out, "inspections/2023-03-ilacs/index.html");
    assert!(ilacs.contains("Requires improvement to be good") && ilacs.contains("Maire Atherton"));
    let about = read(&out, "about/index.html");
    assert!(
        about.to_lowercase().contains("illustrative"),
        "the about page says statuses are illustrative"
    );
}

#[test]
fn the_example_changes_page_shows_what_moved_between_scrutiny_meetings() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    assert_eq!(build(&content(), &out, &[]).0, 0);
    let html = read(&out, "changes/index.html");
    assert!(
        html.contains("href=\"../changes/2022-11-16-cypssc/index.html\">Before the meeting on 16 November 2022</a>"),
        "a window per meeting, each on its own page: {html}"
    );
    let page = read(&out, "changes/2022-11-16-cypssc/index.html");
    let before = &page[page
        .find("<h1>Before the meeting on 16 November 2022</h1>")
        .expect("the meeting's window")..];
    let before = &before[..before.find("</table>").unwrap_or(before.len())];
    assert!(
        before.contains("P1.1 Introduce the Family Safeguarding Model, phase 1"),
        "P1.1 was completed between the June 2021 and November 2022 meetings: {before}"
    );
    assert!(html.contains("Since the last meeting"), "{html}");
}
