//! `feed.xml` and `sitemap.xml`: valid XML with absolute addresses, made
//! only when the site says where it is published.

mod common;
use common::*;

const BASE: &str = "https://intranet.testshire.example/cyp/";

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture("valid"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    (tmp, out)
}

#[test]
fn the_feed_is_atom_with_documents_and_status_changes_newest_first() {
    let (_t, out) = built();
    let text = read(&out, "feed.xml");
    let doc = roxmltree::Document::parse(&text).expect("feed.xml is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    let titles: Vec<&str> = entries
        .iter()
        .filter_map(|e| {
            e.children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
        })
        .collect();
    assert!(
        titles.contains(&"P1.2 Strategy discussions on time: On track to Off track"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Letter: Response to the committee"),
        "{titles:?}"
    );
    assert!(titles.iter().all(|t| !t.contains("CANARY")));
    let updated: Vec<&str> = entries
        .iter()
        .filter_map(|e| {
            e.children()
                .find(|c| c.has_tag_name("updated"))
                .and_then(|t| t.text())
        })
        .collect();
    let mut sorted = updated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(updated, sorted, "newest first");
    for e in &entries {
        let href = e
            .children()
            .find(|c| c.has_tag_name("link"))
            .and_then(|l| l.attribute("href"))
            .unwrap_or_default();
        assert!(href.starts_with(BASE), "absolute links: {href}");
    }
    let ids: std::collections::BTreeSet<_> = entries
        .iter()
        .filter_map(|e| {
            e.children()
                .find(|c| c.has_tag_name("id"))
                .and_then(|t| t.text())
        })
        .collect();
    assert_eq!(ids.len(), entries.len(), "every entry has its own id");
}

#[test]
fn the_sitemap_lists_every_page_but_the_missing_page() {
    let (_t, out) = built();
    let text = read(&out, "sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap.xml is XML");
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let pages = tree(&out).keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(locs.len(), pages - 1, "every page but 404.html");
    assert!(locs.contains(&"https://intranet.testshire.example/cyp/plans/recovery/actions/P1.2/"));
    assert!(locs.contains(&BASE), "the home page");
    assert!(!locs.iter().any(|l| l.contains("404")));
}

#[test]
fn without_base_url_neither_is_written_and_a_note_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let content = valid_without_base_url(tmp.path());
    let out = tmp.path().join("output");
    let (code, stdout, err) = build(&content, &out, &["--strict"]);
    assert_eq!(code, 0, "a site with no feed: a note, not a warning: {err}");
    assert!(
        err.contains("note: ")
            && err.contains(
                "site.yaml has no `base_url`, so feed.xml and sitemap.xml are not written"
            ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(!stdout.contains("warning"), "{stdout}");
    assert!(!out.join("feed.xml").exists() && !out.join("sitemap.xml").exists());
    let (_, _, err) = check(&content, &["--strict"]);
    assert!(err.is_empty(), "check is about the content only: {err}");
    let (_, _, err) = build(&content, &out, &["--quiet"]);
    assert!(err.is_empty(), "--quiet leaves notes out: {err}");
}

#[test]
fn losing_a_published_feed_is_a_warning_and_under_strict_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture("valid"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    let content = valid_without_base_url(tmp.path());
    let (code, _, err) = build(&content, &out, &["--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("site.yaml: error: there is no `base_url`, so this build leaves out feed.xml and sitemap.xml, which the site in the output folder has"),
        "{err}"
    );
    assert!(err.contains("1 error: nothing was written"), "{err}");
    snapshot("no-base-url-strict", &err);
    assert!(out.join("feed.xml").is_file(), "the published site is kept");
    let (code, stdout, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("site.yaml: warning: there is no `base_url`"),
        "{err}"
    );
    assert!(stdout.contains("1 warning"), "{stdout}");
    assert!(!out.join("feed.xml").exists());
}

#[test]
fn markup_in_a_title_or_note_reaches_the_feed_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    set_p12_note(&content, "\"Q&A <b>bold</b> ]]> \\\"quoted\\\"\"");
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let feed = read(&out, "feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is XML");
    let summaries: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("summary"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        summaries.contains(&"Q&A <b>bold</b> ]]> \"quoted\""),
        "{summaries:?}"
    );
    assert!(!feed.contains("<b>"), "{feed}");
}
