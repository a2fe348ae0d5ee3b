//! Hostile text stays harmless (issue 13, section 8) and no input takes
//! super-linear time (section 9): control characters and bidirectional
//! overrides never reach a built file, content printed on the terminal is
//! escaped, a `SOURCE_DATE_EPOCH` that is not a time is an error, and
//! pages nested too deeply or too costly to clean are refused by `check`,
//! with the file and line.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A content folder under `dir` with these files (and a `site.yaml`).
fn site(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
    write_site(
        dir,
        "title: Text\ntoday: 2024-06-30\nbase_url: https://example.org/\n",
        files,
    )
}

/// Characters that must never reach a built file.
const HOSTILE: [char; 9] = [
    '\u{0}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{fffe}', '\u{ffff}', '\u{202e}',
];

/// Every built file that holds one of `chars`, and which.
fn files_holding(out: &Path, chars: &[char]) -> Vec<String> {
    tree(out)
        .into_iter()
        // A workbook is a zip: its text is the XML inside it.
        .flat_map(|(rel, bytes)| {
            if rel.ends_with(".xlsx") {
                unzipped(&rel, bytes)
            } else {
                vec![(rel, String::from_utf8_lossy(&bytes).into_owned())]
            }
        })
        .filter_map(|(rel, text)| {
            let found: Vec<String> = chars
                .iter()
                .filter(|c| text.contains(**c))
                .map(|c| format!("U+{:04X}", *c as u32))
                .collect();
            (!found.is_empty()).then(|| format!("{rel}: {}", found.join(" ")))
        })
        .collect()
}

const INSPECTION: &str = "---
title: \"A\\vB \\e[2J inspection\"
inspectorate: Ofsted
scale: ofsted-ilacs
start: 2024-01
summary: \"Null \\0 here, next line \\N, form feed \\f, reversed \\u202Etxt\"
tags: [\"care\\vleavers\"]
judgements:
  - area: Overall effectiveness
    grade: Good
    overall: true
recommendations:
  - id: r1
    text: \"Vertical\\vtab and noncharacters \\uFFFE \\uFFFF\"
---
Raw in the body: \u{b}, \u{1b}[2J, \u{7f}, \u{fffe}, \u{ffff}, \u{202e}reversed.

By reference: &#11; &#x202E; &#127; &#x85;
";

#[test]
fn control_characters_never_reach_a_built_file_and_the_feed_stays_xml() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(tmp.path(), &[("inspections/2024-ilacs.md", INSPECTION)]);
    let out = tmp.path().join("out");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let found = files_holding(&out, &HOSTILE);
    assert!(found.is_empty(), "{found:#?}");
    // Removed with a warning that says where and what.
    assert!(
        err.contains("2024-ilacs.md:2:8: warning: U+000B (vertical tab, often pasted from Word as a line break) written as a YAML escape was removed"),
        "{err}"
    );
    assert!(
        err.contains("2024-ilacs.md:16:"),
        "the body is placed too: {err}"
    );
    // The text around them stays.
    let page = read(&out, "inspections/2024-ilacs/index.html");
    assert!(page.contains("AB [2J inspection"), "{page}");
    assert!(page.contains("Verticaltab and noncharacters"), "{page}");
    let feed = read(&out, "feed.xml");
    if let Err(e) = roxmltree::Document::parse(&feed) {
        panic!("feed.xml is not XML: {e}\n{feed}");
    }
    assert!(feed.contains("AB [2J inspection"), "{feed}");
    let json = read(&out, "data/site.json");
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    assert!(json.contains("AB [2J inspection"));
}

#[test]
fn a_control_character_typed_into_a_title_is_removed_not_a_syntax_error() {
    let tmp = tempfile::tempdir().unwrap();
    let page = "---\ntitle: Raw\u{b}vertical tab\u{0}\n---\nBody.\n";
    let content = site(tmp.path(), &[("raw.md", page)]);
    let out = tmp.path().join("out");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("raw.md:2:11: warning: U+000B (vertical tab"),
        "{err}"
    );
    assert!(
        err.contains("raw.md:2:24: warning: U+0000 (a null character)"),
        "{err}"
    );
    assert!(read(&out, "raw/index.html").contains("Rawvertical tab"));
}

#[test]
fn a_bidi_override_in_a_title_is_removed_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    // Shown as "Budget exe.txt": the override reverses what follows it.
    let page =
        "---\ntitle: Budget \u{202e}txt.exe\nsummary: \"\\u2066isolated\\u2069\"\n---\nBody.\n";
    let content = site(tmp.path(), &[("budget.md", page)]);
    let out = tmp.path().join("out");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("budget.md:2:15: warning: U+202E (right-to-left override, which reverses text) was removed"),
        "{err}"
    );
    assert!(err.contains("budget.md:3:10: warning: U+2066"), "{err}");
    let found = files_holding(&out, &['\u{202e}', '\u{2066}', '\u{2069}']);
    assert!(found.is_empty(), "{found:#?}");
    assert!(read(&out, "budget/index.html").contains("Budget txt.exe"));
    // Under --strict the warning is an error, so CI can refuse such text.
    let (code, _, _) = check(&content, &["--strict"]);
    assert_eq!(code, 1);
}

#[test]
fn terminal_control_sequences_in_content_are_printed_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let inspection = "---\ntitle: Escapes\ninspectorate: Ofsted\nscale: ofsted-ilacs\nstart: 2024-01\nti\u{1b}[31mtle2: x\njudgements:\n  - area: Overall effectiveness\n    grade: \"Good\u{1b}[2J\"\n    overall: true\n---\n";
    let content = site(
        tmp.path(),
        &[
            ("inspections/escapes.md", inspection),
            ("bad\u{1b}[2J\u{9b}1m.md", "---\ntitle: Bad name\n---\n"),
        ],
    );
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "an escape reached the terminal: {err:?}"
    );
    assert!(
        !err.contains('\u{9b}'),
        "a C1 control reached the terminal: {err:?}"
    );
    // The file name, and the line under a message, are shown escaped.
    assert!(err.contains("bad\\u{1b}[2J\\u{9b}1m.md: error:"), "{err}");
    assert!(err.contains("\n6 | ti\\u{1b}[31mtle2: x\n  |   ^"), "{err}");
    assert!(err.contains("`ti[31mtle2`"), "{err}");
}

#[test]
fn a_source_date_epoch_that_is_not_a_time_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(tmp.path(), &[("about.md", "---\ntitle: About\n---\nHi.\n")]);
    let out = tmp.path().join("out");
    for bad in ["junk", "1.5e9", "-1", "99999999999999999999"] {
        let expect = format!("error: SOURCE_DATE_EPOCH is `{bad}`, which is not a time");
        let mut cmd = oversight();
        cmd.env("SOURCE_DATE_EPOCH", bad)
            .args(["build", "--content"])
            .arg(&content)
            .arg("--output")
            .arg(&out);
        let (code, _, err) = run(cmd);
        assert_eq!(code, 2, "build with {bad}: {err}");
        assert!(err.contains(&expect), "{err}");
        assert!(!out.exists(), "nothing is written");
        let mut cmd = oversight();
        cmd.env("SOURCE_DATE_EPOCH", bad)
            .args(["check", "--content"])
            .arg(&content);
        let (code, _, err) = run(cmd);
        assert_eq!((code, err.contains(&expect)), (2, true), "check: {err}");
    }
    // The preview refuses to start rather than serve the wrong day.
    if cfg!(feature = "serve") {
        let mut cmd = oversight();
        cmd.env("SOURCE_DATE_EPOCH", "yesterday")
            .args(["serve", "--port", "0", "--content"])
            .arg(&content)
            .timeout(std::time::Duration::from_secs(30));
        let (code, _, err) = run(cmd);
        assert_eq!(code, 2, "serve: {err}");
        assert!(err.contains("SOURCE_DATE_EPOCH is `yesterday`"), "{err}");
    }
    // So does `new`, which dates what it writes.
    let mut cmd = oversight();
    cmd.env("SOURCE_DATE_EPOCH", "junk")
        .args(["new", "page", "notes", "--content"])
        .arg(&content);
    assert_eq!(run(cmd).0, 2);
    assert!(!content.join("notes.md").exists());
    // Empty counts as not set: `today:` in site.yaml is used.
    let mut cmd = oversight();
    cmd.env("SOURCE_DATE_EPOCH", "")
        .args(["build", "--content"])
        .arg(&content)
        .arg("--output")
        .arg(&out);
    let (code, said, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(said.contains("as at 30 June 2024"), "{said}");
}

/// A page whose body is `body`, checked: (exit code, stderr).
fn check_body(body: &str) -> (i32, String) {
    let tmp = tempfile::tempdir().unwrap();
    let page = format!("---\ntitle: Deep\n---\nIntro.\n\n{body}");
    let content = site(tmp.path(), &[("deep.md", &page)]);
    let (code, _, err) = check(&content, &[]);
    (code, err)
}

#[test]
fn block_quotes_nested_a_hundred_thousand_deep_are_refused_by_line() {
    let (code, err) = check_body(&(">".repeat(100_000) + " x\n"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "deep.md:6:65: error: this block quote (`>`) is nested more than 64 levels deep"
        ),
        "{err}"
    );
    // One `>` more per line: the line where it goes too deep, where the
    // paragraph inside 64 quotes is the 65th level.
    let stairs: String = (1..=100).map(|n| ">".repeat(n) + " x\n").collect();
    let (code, err) = check_body(&stairs);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("deep.md:69:66: error: this paragraph is nested"),
        "{err}"
    );
    let (code, err) = check_body(&("- ".repeat(1_000) + "x\n"));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("deep.md:6:"), "{err}");
    assert!(err.contains("nested more than 64 levels deep"), "{err}");
}

#[test]
fn html_nested_a_hundred_thousand_deep_is_refused_by_check_and_build() {
    let (code, err) = check_body(&("<div>".repeat(100_000) + "x\n"));
    assert_eq!(code, 1, "{err}");
    // The HTML block takes one level, so the 64th `<div>` is one too many.
    let col = 5 * 63 + 1;
    assert!(
        err.contains(&format!(
            "deep.md:6:{col}: error: this HTML element `<div>` is nested more than 64 levels deep"
        )),
        "{err}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let page = format!("---\ntitle: Deep\n---\na {}x\n", "<b>".repeat(100_000));
    let content = site(tmp.path(), &[("deep.md", &page)]);
    let out = tmp.path().join("out");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("deep.md:4:"), "{err}");
    assert!(err.contains("HTML element `<b>` is nested"), "{err}");
    assert!(!out.exists());
}

#[test]
fn a_page_of_more_than_a_million_marks_is_refused_by_line() {
    let (code, err) = check_body(&"x\n".repeat(1_100_000));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("deep.md:1000004:2: error: by this line the page has more than 1,000,000 lines and Markdown marks"),
        "{err}"
    );
    let (code, err) = check_body(&("*".repeat(2_000_000) + "x\n"));
    assert_eq!(code, 1, "{err}");
    // The two lines above hold two marks; this is the 999,999th `*`.
    assert!(
        err.contains("deep.md:6:999999: error: by this line"),
        "{err}"
    );
}

#[test]
fn ampersands_in_raw_html_and_addresses_that_would_clean_too_slowly_are_refused() {
    let amps = "&".repeat(200_000);
    let (code, err) = check_body(&format!("<abbr title=\"{amps}\">x</abbr>\n"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("deep.md:6:1: error: this raw HTML or address has so many `&`"),
        "{err}"
    );
    let (code, err) = check_body(&format!("See [the form](https://example.org/?{amps}).\n"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("deep.md:6:5: error: this raw HTML or address"),
        "{err}"
    );
}

#[test]
fn a_file_with_thousands_of_problems_shows_a_hundred_and_counts_the_rest() {
    let (code, err) = check_body(&"See [x](@nowhere). ".repeat(5_000));
    assert_eq!(code, 1);
    assert_eq!(err.matches("deep.md:6:").count(), 100, "{err}");
    assert!(
        err.contains(
            "deep.md: error: and 4900 more errors in this file, not shown: only the first 100 are"
        ),
        "{err}"
    );
    assert!(err.contains("5000 errors"), "the count is of all: {err}");
}
