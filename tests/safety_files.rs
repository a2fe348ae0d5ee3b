//! Files copied as they are (issue 13, section 1): every drawing, XML and
//! XHTML file that Chromium ran script from is refused, naming the file,
//! the place in it and what to do; kinds not on the allow-list are refused;
//! Office and Windows clutter is skipped with a warning; and the kinds on
//! the list are copied byte for byte.

mod common;
use common::*;

const ISSUE: &str = "bad/unsafe-svg-issue";

/// The error block `check` prints for `file` (with `at`, `:line:col:` or
/// `:` for the whole file) in fixture `case`.
fn error_for(case: &str, file: &str, at: &str) -> String {
    let dir = fixture(case);
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 1, "{case}: exit code\n{err}");
    let start = format!("{}/{file}{at}", dir.display());
    let block = err
        .split("\n\n")
        .find(|b| b.starts_with(&start) && b.contains("error:"))
        .unwrap_or_else(|| panic!("no error at {start}\n{err}"));
    block.to_string()
}

fn assert_says(block: &str, words: &[&str]) {
    for w in words {
        assert!(block.contains(w), "`{w}` missing from\n{block}");
    }
}

#[test]
fn svg_with_prefixed_script_is_refused() {
    let b = error_for(ISSUE, "prefixed-script.svg", ":1:45:");
    assert_says(&b, &["contains a `<s:script>` element", "export it as PNG"]);
}

#[test]
fn svg_with_html_script_is_refused() {
    let b = error_for(ISSUE, "xhtml-script.svg", ":1:41:");
    assert_says(&b, &["the HTML element `<h:script>`", "plain SVG"]);
}

#[test]
fn svg_saved_as_utf16_is_refused() {
    let b = error_for(ISSUE, "utf16.svg", ": ");
    assert_says(&b, &["saved as UTF-16", "save the drawing as UTF-8"]);
}

#[test]
fn svg_link_hidden_by_a_character_reference_is_refused() {
    let b = error_for(ISSUE, "char-ref.svg", ":2:6:");
    assert_says(
        &b,
        &[
            "`xlink:href=\"javascript:alert(1)\"`, a `javascript:` address, which runs script",
            "&#106;avascript:",
            "http:// or https://",
        ],
    );
}

#[test]
fn xslt_and_the_files_that_ask_for_it_are_refused() {
    for file in ["transform.xsl", "data.xml"] {
        let b = error_for(ISSUE, file, ": ");
        assert_says(
            &b,
            &["does not publish XML files", "style sheet (XSLT)", "as CSV"],
        );
    }
    let b = error_for(ISSUE, "styled.svg", ":2:1:");
    assert_says(&b, &["asks for a style sheet", "<?xml-stylesheet"]);
}

#[test]
fn xht_copy_of_a_drawing_is_refused() {
    let b = error_for(ISSUE, "page.xht", ": ");
    assert_says(&b, &["does not publish HTML or script files", "Markdown"]);
}

#[test]
fn a_build_with_a_hostile_file_publishes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let (code, _, err) = build(&fixture(ISSUE), &out, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.exists(), "a refused build wrote {}", out.display());
    assert!(err.contains("8 errors"), "{err}");
}

#[test]
fn kinds_off_the_list_are_refused_naming_what_is_copied() {
    let case = "files-refused";
    let b = error_for(case, "archive.zip", ": ");
    assert_says(
        &b,
        &[
            "does not publish `.zip` files",
            "pictures (png, jpg, jpeg, gif, webp, avif, svg); PDF (pdf); office documents",
        ],
    );
    for (file, words) in [
        ("README", "has no extension"),
        ("budget.xlsm", "Office files with macros"),
        ("chart.svgz", "compressed drawings"),
        ("scan.tiff", "export it as PNG or JPEG"),
        ("styles.css", "themes/<name>/static/"),
    ] {
        assert_says(&error_for(case, file, ": "), &[words]);
    }
}

#[test]
fn allowed_kinds_are_copied_as_they_are_and_clutter_is_skipped_with_a_warning() {
    let content = fixture("files-allowed");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let (code, stdout, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("3 warnings"), "{stdout}");
    for clutter in ["Thumbs.db", "papers/desktop.ini", "papers/~$minutes.docx"] {
        let warning = format!("{}/{clutter}: warning:", content.display());
        assert!(err.contains(&warning), "no warning for {clutter}\n{err}");
        assert!(!out.join(clutter).exists(), "{clutter} was published");
    }
    let built = tree(&out);
    for file in [
        "drawings/structure.svg",
        "papers/report.pdf",
        "papers/minutes.docx",
        "papers/figures.csv",
        "papers/notes.txt",
        "photos/Team.PNG",
        "photos/team-photo.png",
    ] {
        let source = std::fs::read(content.join(file)).unwrap();
        assert_eq!(built.get(file), Some(&source), "{file} not copied as it is");
    }
}
