//! What must never be published stays unpublished: the publishing keys fail
//! closed, nothing of an exempt or draft document (files and item ids
//! included) leaves the build, and names the file system cannot hold are
//! content errors, found by `check` as well as `build`.

mod common;
use common::*;

/// Builds a fixture; returns its output folder (kept alive by the TempDir).
fn built(name: &str, extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture(name), &out, extra);
    assert_eq!(code, 0, "{name} builds: {err}");
    (tmp, out)
}

/// Every error line of a run, as `file:line:col: error: message`.
fn errors(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains(": error: ")).collect()
}

#[test]
fn a_near_miss_of_exempt_or_draft_is_an_error_that_names_file_line_and_key() {
    let dir = fixture("bad/near-publishing-keys");
    let root = dir.display().to_string();
    // No --strict: these are errors however the build is run.
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 1, "{err}");
    for at in [
        "guides/closed-minute.md:3:1: error: `Exempt` is not `exempt`",
        "guides/closed-note.md:3:1: error: `exmpt` is not `exempt`",
        "guides/draft-letter.md:3:1: error: `Draft` is not `draft`",
        "guides/unfinished.md:3:8: error: `draft` should be `true` or `false`",
        "meetings/2024-01-10-c/appendix.md:3:1: error: `confidential` is not `exempt`",
        "plans/p/actions.yaml:4:3: error: `exempt` cannot hold back an action",
        "risks.yaml:5:3: error: `draft` cannot hold back a risk",
    ] {
        assert!(err.contains(&format!("{root}/{at}")), "missing {at}\n{err}");
    }
    assert_eq!(errors(&err).len(), 7, "{err}");
    assert!(
        err.contains("goes in a document's front matter"),
        "says where the control belongs: {err}"
    );

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, _) = build(&dir, &out, &[]);
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing is published");
}

/// Every byte of a built site, as text, with the path of each file; the
/// workbook (a zip) unpacked, each XML file inside it as `oversight.xlsx!name`.
fn everything(out: &std::path::Path) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for (path, bytes) in tree(out) {
        if path.ends_with(".xlsx") {
            all.extend(unzipped(&path, bytes.clone()));
        }
        all.push((path, String::from_utf8_lossy(&bytes).into_owned()));
    }
    all
}

#[test]
fn the_workbook_carries_no_exempt_or_draft_trace() {
    // The fixture's exempt and draft plans, papers, visit and indicator all
    // carry CANARY; the workbook has a sheet of each list they would be in.
    let (_t, out) = built("valid", &[]);
    let inside: Vec<(String, String)> = everything(&out)
        .into_iter()
        .filter(|(p, _)| p.starts_with("data/oversight.xlsx!"))
        .collect();
    assert!(inside.len() > 5, "the workbook is unpacked: {inside:?}");
    for (path, text) in &inside {
        for secret in ["CANARY", "secret-plan", "staffing", "draft-notes"] {
            assert!(!text.contains(secret), "{path} carries `{secret}`");
        }
    }
}

#[test]
fn no_file_of_an_exempt_document_is_copied_and_public_files_are() {
    let (_t, out) = built("publish-files", &["--as-of", "2024-07-01"]);
    let site = everything(&out);
    for (path, text) in &site {
        for secret in [
            "CANARY",
            "rec-suspend-director",
            "secret-chart",
            "used-by-exempt",
            "minutes.pdf",
            "closed-report/annex",
            // Attachments: of a paper of an exempt meeting, of an exempt
            // paper of a public meeting (in that meeting's own folder), and
            // of an exempt plain page; their names, titles and contents.
            "canary-attach",
            "CANARY-ATTACH",
        ] {
            assert!(!text.contains(secret), "{path} carries `{secret}`");
            assert!(!path.contains(secret), "{path} was written");
        }
    }
    let paths: Vec<&str> = site.iter().map(|(p, _)| p.as_str()).collect();
    // Linked from a published page; in a published meeting's folder.
    for public in [
        "images/logo.png",
        "meetings/2024-06-01-open/chart.png",
        "meetings/2024-06-01-open/agenda-pack.pdf",
        // Attached to a public page, in no document's folder.
        "guides/reading-list.pdf",
    ] {
        assert!(paths.contains(&public), "{public} is published: {paths:?}");
    }
    // Linked from nowhere, in no document's folder.
    assert!(!paths.contains(&"images/orphan.png"));
    // The public guide's link to the exempt paper's annex is text, marked.
    let guide = read(&out, "guides/reading/index.html");
    assert!(
        guide.contains(
            "The staffing annex <span class=\"not-published\">(exempt (paragraph 3))</span>"
        ),
        "{guide}"
    );
    // The response to the closed recommendation says so, in the index too.
    let docs = search_records(&out);
    assert!(
        docs.contains("Response to an item not published here (accepted)"),
        "{docs}"
    );
}

#[test]
fn a_restricted_build_copies_the_exempt_files_it_shows() {
    let (_t, out) = built(
        "publish-files",
        &["--as-of", "2024-07-01", "--include-exempt"],
    );
    for file in [
        "meetings/2024-05-01-closed/minutes.pdf",
        "meetings/2024-06-01-open/secret-chart.png",
        "meetings/2024-06-01-open/closed-report/annex.pdf",
        "images/used-by-exempt.png",
        "meetings/2024-05-01-closed/canary-attach-pack.pdf",
        "meetings/2024-06-01-open/canary-attach-appendix.xlsx",
        "guides/canary-attach-sheet.xlsx",
    ] {
        assert!(out.join(file).is_file(), "{file} is in the restricted site");
    }
    // Each exempt document shows its attachment, with what the file is.
    for (page, title, meta) in [
        (
            "meetings/2024-05-01-closed/pack/index.html",
            "<a href=\"../../../meetings/2024-05-01-closed/canary-attach-pack.pdf\">CANARY-ATTACH-PACK-TITLE</a>",
            "<abbr title=\"Portable Document Format\">PDF</abbr>, ",
        ),
        (
            "meetings/2024-06-01-open/closed-report/index.html",
            "<a href=\"../../../meetings/2024-06-01-open/canary-attach-appendix.xlsx\">CANARY-ATTACH-APPENDIX-TITLE</a>",
            "MS Excel Spreadsheet, ",
        ),
        (
            "guides/exempt-note/index.html",
            "<a href=\"../../guides/canary-attach-sheet.xlsx\">CANARY-ATTACH-SHEET-TITLE</a>",
            "MS Excel Spreadsheet, ",
        ),
    ] {
        let html = read(&out, page);
        assert!(html.contains(title), "{page}: {html}");
        assert!(html.contains(meta), "{page}: {html}");
    }
    let pack =
        std::fs::read(out.join("meetings/2024-05-01-closed/canary-attach-pack.pdf")).unwrap();
    assert!(String::from_utf8_lossy(&pack).contains("CANARY-ATTACH-PACK-TEXT"));
    let docs = search_records(&out);
    assert!(
        docs.contains("Response to recommendation 1 of the committee of 1 May 2024"),
        "{docs}"
    );
}

#[test]
fn a_file_nothing_uses_is_named_in_a_warning() {
    let dir = fixture("publish-files");
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 0, "{err}");
    let orphan = format!(
        "{}/images/orphan.png: warning: no published page links to this file",
        dir.display()
    );
    assert!(err.contains(&orphan), "{err}");
    assert!(!err.contains("used-by-exempt.png: warning"), "{err}");
}

#[test]
fn an_image_of_a_document_id_is_an_error_and_never_an_address() {
    let dir = fixture("bad/at-image");
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 1, "{err}");
    let at = format!(
        "{}/about.md:6:13: error: `![...](@plans/p)` shows a document as an image",
        dir.display()
    );
    assert!(err.contains(&at), "{err}");
    assert!(err.contains("drop the `!`"), "{err}");
}

#[test]
fn names_a_file_share_cannot_hold_are_errors_that_check_finds() {
    let dir = fixture("bad/unwritable-names");
    let root = dir.display().to_string();
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 1, "{err}");
    for at in [
        // A file where the page `about` would need a folder: it has no
        // extension, so it is not published at all.
        "/about: error: this file has no extension",
        // A file where an action's page needs a folder.
        "/plans/p/actions/P1.pdf: error: this file would be written as `plans/p/actions/P1.pdf`, where action P1.pdf in",
        // A name Windows keeps for a device.
        "/con.md: error: `con.md` cannot be published under this name: `con` is a name Windows keeps",
        // Case, and composed against decomposed accents.
        "/images/chart.png: error: this would make `images/chart.png` and",
        "have one name, `images/café.png`, with its accents encoded in two ways",
        // Action ids become folders.
        "/plans/p/actions.yaml:1:7: error: the action id `P1.` cannot be a folder name: the name ends with a dot",
        "/plans/p/actions.yaml:4:7: error: the action id `CON` cannot be a folder name",
        "/plans/p/actions.yaml:7:7: error: the action id `AAAA",
    ] {
        assert!(err.contains(at), "missing {at}\n{err}");
    }
    assert!(err.contains("the name is 300 bytes long"), "{err}");
    assert!(
        err.contains(&format!("{root}/plans/p/actions.yaml needs a folder")),
        "{err}"
    );
    assert_eq!(errors(&err).len(), 8, "{err}");
}

#[test]
fn every_tag_has_its_own_page_in_any_script_and_one_word_has_one() {
    let (_t, out) = built("publish-tags", &[]);
    let pages: Vec<String> = tree(&out)
        .into_keys()
        .filter(|p| p.starts_with("tags/") && p != "tags/index.html")
        .collect();
    // 日本, Ελλάδα, !!!, CON, and café written two ways.
    assert_eq!(pages.len(), 5, "{pages:?}");
    let index = read(&out, "tags/index.html");
    for (word, titles) in [
        ("日本", vec!["Japan visit"]),
        ("Ελλάδα", vec!["Greece visit"]),
        ("!!!", vec!["Exclamations"]),
        ("CON", vec!["Console tag"]),
        ("café", vec!["Cafe composed", "Cafe decomposed"]),
    ] {
        let href = index
            .split("href=\"")
            .skip(1)
            .find(|a| a.contains(&format!(">{word}<")))
            .and_then(|a| a.split('"').next())
            .unwrap_or_else(|| panic!("no link to the tag {word}\n{index}"));
        let page = read(&out, &format!("tags/{href}"));
        for title in &titles {
            assert!(page.contains(title), "{word} lists {title}\n{page}");
        }
        let listed = ["Japan", "Greece", "Exclamations", "Console", "Cafe"]
            .iter()
            .filter(|t| page.contains(&format!(">{t}")))
            .count();
        assert_eq!(listed, 1, "{word}'s page lists only its own: {page}");
        assert!(href.is_ascii(), "{href}");
    }
}
