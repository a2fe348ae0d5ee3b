//! Search: the index the search page loads through `<script>` tags finds
//! known text in the example site, ranked; it never holds exempt or draft
//! text; and without JavaScript the page lists everything. The search
//! script is run by Node, as a browser would run it.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The ranked results of `query` on the built site in `out`: (title, url, kind, status).
fn search(out: &Path, query: &str) -> Vec<serde_json::Value> {
    let run = Command::new("node")
        .arg(repo().join("tests/js/search_site.js"))
        .arg(out)
        .arg(query)
        .output()
        .expect("node runs (Node.js is needed for the search tests)");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn built(content: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    (tmp, out)
}

#[test]
fn search_finds_known_text_in_the_example_site_ranked() {
    let (_t, out) = built(&repo().join("content"));
    let hits = search(&out, "caseloads");
    assert!(!hits.is_empty());
    assert_eq!(
        hits[0]["url"],
        "plans/practice-improvement/actions/P2.5/index.html"
    );
    assert_eq!(hits[0]["kind"], "Action");
    assert_eq!(hits[0]["status"], "At risk");
    // As you type: a prefix finds the whole word.
    let typed = search(&out, "family safeg");
    assert!(
        typed[0]["title"]
            .as_str()
            .unwrap_or("")
            .contains("Family Safeguarding"),
        "{typed:?}"
    );
    // Every term must match when something matches them all.
    let both = search(&out, "permanence panel");
    assert!(
        both.iter()
            .any(|h| h["url"] == "plans/practice-improvement/actions/P1.6/index.html"),
        "{both:?}"
    );
    assert!(search(&out, "zzqxv").is_empty(), "nothing for nonsense");
}

#[test]
fn the_index_holds_no_exempt_or_draft_text() {
    let (_t, out) = built(&fixture("valid"));
    assert!(search(&out, "canary").is_empty());
    for (path, bytes) in tree(&out) {
        if path.starts_with("search/") {
            assert!(
                !String::from_utf8_lossy(&bytes)
                    .to_lowercase()
                    .contains("canary"),
                "{path}"
            );
        }
    }
    // Published items are there: the risk by its title word.
    let hits = search(&out, "instability");
    assert_eq!(hits[0]["url"], "risks/index.html#R1");
}

#[test]
fn without_javascript_the_page_lists_everything_and_loads_the_script_relatively() {
    let (_t, out) = built(&fixture("valid"));
    let html = read(&out, "search/index.html");
    assert!(html.contains("<label for=\"search-q\">"), "a labelled box");
    assert!(html.contains("<script src=\"../assets/search.js\" data-root=\"../\" defer></script>"));
    assert!(html.contains("<noscript>"));
    let listing = &html[html.find("id=\"search-all\"").unwrap()..];
    for title in [
        "Recovery plan",
        "Monitoring visit: front door",
        "Average social worker caseload",
        "Minutes",
    ] {
        assert!(listing.contains(title), "{title} is listed");
    }
    assert!(out.join("assets/search.js").is_file());
}

#[test]
fn the_search_script_passes_its_own_tests() {
    let run = Command::new("node")
        .arg(repo().join("tests/js/search.test.js"))
        .output()
        .expect("node runs");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{text}");
    assert!(text.contains("# all") && !text.contains("not ok"), "{text}");
}
