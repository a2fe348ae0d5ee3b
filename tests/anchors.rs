//! `check` verifies `#anchor` links as `zola check` does: a link to
//! `other.md#a-heading` or to `#a-heading` on the same page must name a
//! heading (or an id) that page has.

mod common;
use common::*;

const SITE: &str = "title: Anchors\n";

fn site(dir: &std::path::Path, body: &str) -> std::path::PathBuf {
    write_site(
        dir,
        SITE,
        &[
            ("index.md", "---\ntitle: Home\n---\nHello.\n".to_string()),
            (
                "pages/guide.md",
                "---\ntitle: Guide\n---\n## How we work\n\nText.\n\n## Contacts {#people}\n\n<a id=\"annex\"></a>\n"
                    .to_string(),
            ),
            (
                "pages/notes.md",
                format!("---\ntitle: Notes\n---\n## Local part\n\n{body}\n"),
            ),
        ],
    )
}

#[test]
fn links_to_existing_headings_and_ids_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(
        tmp.path(),
        "See [how](guide.md#how-we-work), [who](guide.md#people), [annex](guide.md#annex), [here](#local-part) and [top](#main).",
    );
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn a_link_to_a_missing_heading_is_placed_with_the_nearest_suggested() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(
        tmp.path(),
        "See [how](guide.md#how-we-wrok).\n\nAnd [here](#locl-part).",
    );
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pages/notes.md:6:11: error: `guide.md#how-we-wrok` names no heading on `"),
        "{err}"
    );
    assert!(err.contains("there is no `#how-we-wrok` there"), "{err}");
    assert!(err.contains("help: did you mean `how-we-work`?"), "{err}");
    assert!(
        err.contains("pages/notes.md:8:12: error: `#locl-part` names no heading on this page"),
        "{err}"
    );
    assert!(err.contains("did you mean `local-part`?"), "{err}");
    assert!(err.contains("2 errors"), "all reported together: {err}");
}
