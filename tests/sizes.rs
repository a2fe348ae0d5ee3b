//! Hostile sizes: huge files, huge plans, deep or explosive YAML and very
//! long lines are built or refused with a clear message; nothing crashes.

mod common;
use common::*;
use std::path::Path;

fn site(dir: &Path, files: &[(&str, String)]) -> std::path::PathBuf {
    write_site(dir, "title: Sizes\ntoday: 2024-06-30\n", files)
}

/// About `bytes` of Markdown, with an `@` link in every paragraph.
fn long_markdown(bytes: usize) -> String {
    let para = "Lorem ipsum dolor sit amet, see [the about page](@about) and *more* text. "
        .repeat(8)
        + "\n\n";
    format!("---\ntitle: Long\n---\n{}", para.repeat(bytes / para.len()))
}

#[test]
fn a_ten_megabyte_page_with_many_links_is_built() {
    let tmp = tempfile::tempdir().unwrap();
    let about = "---\ntitle: About\n---\nAbout.\n".to_string();
    let content = site(
        tmp.path(),
        &[("about.md", about), ("long.md", long_markdown(10 << 20))],
    );
    let out = tmp.path().join("out");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let page = read(&out, "long/index.html");
    assert!(page.len() > 10 << 20, "all of it is there");
    assert!(page.contains("href=\"../about/index.html\">the about page</a>"));
}

#[test]
fn a_file_over_sixteen_megabytes_is_refused_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(tmp.path(), &[("huge.md", long_markdown(17 << 20))]);
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1);
    snapshot("file-too-large", &err);
    assert!(
        err.contains("huge.md: error: this file is larger than 16 MB"),
        "{err}"
    );
}

#[test]
fn a_plan_of_fifty_thousand_actions_is_refused_with_its_count() {
    let tmp = tempfile::tempdir().unwrap();
    let mut actions = String::new();
    for i in 0..50_000 {
        actions.push_str(&format!(
            "- id: A{i}\n  priority: P1\n  title: Action {i}\n  updates:\n    - {{ date: 2024-01-01, status: amber }}\n"
        ));
    }
    let index = "---\ntitle: Plan\npriorities:\n  - id: P1\n    title: One\n---\n".to_string();
    let content = site(
        tmp.path(),
        &[
            ("plans/big/index.md", index),
            ("plans/big/actions.yaml", actions),
        ],
    );
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("actions.yaml:25001:3: error: this plan has 50000 actions; oversight builds at most 5000 in one plan"),
        "{err}"
    );
    assert!(err.contains("split the work into several plans"), "{err}");
}

#[test]
fn explosive_and_deeply_nested_yaml_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    // "Billion laughs": nine aliases of nine aliases, nine levels deep.
    let mut laughs =
        String::from("title: Laughs\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut prev = 'a';
    for c in 'b'..='j' {
        laughs.push_str(&format!(
            "{c}: &{c} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
        prev = c;
    }
    let deep = format!(
        "- id: R1\n  title: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let content = site(tmp.path(), &[("site.yaml", laughs), ("risks.yaml", deep)]);
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("site.yaml:"), "{err}");
    assert_eq!(
        err.matches("too large or too deeply nested to read safely")
            .count(),
        2,
        "{err}"
    );
    assert!(!err.contains("there is no site.yaml"), "it is there: {err}");
    // The 200,000-character line is shown only around the problem.
    assert!(err.len() < 4_000, "{} bytes of messages", err.len());
}

#[test]
fn a_one_megabyte_line_is_built_and_an_error_in_one_is_shown_briefly() {
    let tmp = tempfile::tempdir().unwrap();
    let line = "word ".repeat(1 << 18);
    let ok = format!("---\ntitle: One line\n---\n{line}\n");
    let bad = format!("---\ntitle: Bad\nsummary: {line}\ndate_of_birth: {line}\n---\n");
    let content = site(tmp.path(), &[("line.md", ok)]);
    let out = tmp.path().join("out");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(read(&out, "line/index.html").len() > 1 << 20);
    std::fs::write(content.join("bad.md"), bad).unwrap();
    let (code, _, err) = check(&content, &["--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bad.md:4:1: error: `date_of_birth` is not a field of a page"),
        "{err}"
    );
    assert!(err.len() < 2_000, "{} bytes of messages", err.len());
}

#[test]
fn lists_that_would_make_a_page_each_or_take_seconds_to_read_are_refused_by_line() {
    let tmp = tempfile::tempdir().unwrap();
    // Each tag is a page: a million tags were a million pages (170 s, 18 GB).
    let tags: Vec<String> = (0..60).map(|i| format!("t{i}")).collect();
    let page = format!("---\ntitle: Tagged\ntags: [{}]\n---\n", tags.join(", "));
    // A register of a thousand and one risks.
    let risks: String = (0..1_001)
        .map(|i| format!("- id: R{i}\n  title: Risk {i}\n  likelihood: 2\n  impact: 3\n"))
        .collect();
    // Front matter of 600 fields (a list that lost its `- `).
    let fields: String = (0..600).map(|i| format!("k{i}: 1\n")).collect();
    let wide = format!("---\ntitle: Wide\n{fields}---\n");
    // Two million values in one file.
    let values: String = (0..400_000)
        .map(|i| format!("  - {{ date: 2024-01, value: {i} }}\n"))
        .collect();
    let indicator = format!("title: Many values\nunit: number\nvalues:\n{values}");
    let content = site(
        tmp.path(),
        &[
            ("site.yaml", "title: Sizes\n".into()),
            ("tagged.md", page),
            ("risks.yaml", risks),
            ("wide.md", wide),
            ("indicators/many.yaml", indicator),
        ],
    );
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    for at in [
        "tagged.md:3:",
        "risks.yaml:4001:3: error: this register has 1001 risks; oversight builds at most 1000",
        "wide.md:502:1: error: the front matter has 601 fields; oversight reads at most 500",
        "indicators/many.yaml:",
    ] {
        assert!(err.contains(at), "missing {at}\n{err}");
    }
    assert!(err.contains("this is tag 51 of 60"), "{err}");
    assert!(err.contains("more than 1,500,000 values and keys"), "{err}");
}
