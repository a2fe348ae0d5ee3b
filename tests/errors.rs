//! Each kind of bad input: the exit code, the file and line in the message,
//! what the message says, and that a failed build leaves the previous
//! output exactly as it was.

mod common;
use common::*;

/// (fixture, file, line:col or "" for the whole file, words the message must contain)
const CASES: &[(&str, &str, &str, &[&str])] = &[
    (
        "unsafe-files",
        "page.html",
        "",
        &[
            "oversight does not publish HTML or script files",
            "write the page in Markdown",
        ],
    ),
    (
        "unsafe-files",
        "logo.svg",
        ":1:41:",
        &[
            "this drawing has an event handler `onload`, which runs script",
            "export the drawing as PNG",
        ],
    ),
    (
        "unsafe-files",
        "plans/p/actions/a1.md",
        "",
        &[
            "this and action a1 in",
            "would both make `plans/p/actions/a1/index.html`",
        ],
    ),
    (
        "case-clash",
        "plans/p/actions.yaml",
        ":4:7:",
        &[
            "the action ids `P1.1` and `p1.1` differ only in upper and lower case",
            "the same folder",
        ],
    ),
    (
        "unsafe-addresses",
        "about.md",
        ":3:9:",
        &[
            "`source: javascript:alert(1)` is not a web address",
            "starting https://",
        ],
    ),
    (
        "unsafe-addresses",
        "guide.md",
        ":3:9:",
        &["`source: data:text/html,<script>alert(1)</script>` is not a web address"],
    ),
    (
        "unsafe-addresses",
        "plans/p/actions.yaml",
        ":4:14:",
        &[
            "`javascript:alert(1)` is neither a web address nor an id",
            "evidence is a web address",
        ],
    ),
    (
        "bad-grade",
        "inspections/2023-ilacs.md",
        ":7:12:",
        &[
            "`Goodish` is not a grade",
            "valid grades, best first: Outstanding; Good; Requires improvement to be good; Inadequate",
        ],
    ),
    (
        "bad-status",
        "plans/recovery/actions.yaml",
        ":6:15:",
        &[
            "`purple` is not a status",
            "write a status or its label, in any case: `red` (Off track), `amber` (At risk), `green` (On track), `blue` (Complete), `grey` (Not started)",
        ],
    ),
    (
        "dangling-ref",
        "visits/2020-visit.md",
        ":5:10:",
        &[
            "`inspections/2019-ilac` names no document",
            "did you mean `inspections/2019-ilacs`?",
        ],
    ),
    (
        "dangling-at-link",
        "about.md",
        ":6:16:",
        &[
            "`plans/recover` names no document",
            "did you mean `plans/recovery`?",
        ],
    ),
    (
        "dangling-at-link",
        "about.md",
        ":6:55:",
        &[
            "`plans/recovery` has no item `P2`",
            "ids in `plans/recovery`: `P1`",
        ],
    ),
    (
        "unknown-priority",
        "plans/recovery/actions.yaml",
        ":5:13:",
        &["`priority: P9` is not a priority of plans/recovery", "`P1`"],
    ),
    (
        "duplicate-id",
        "inspections/2023-ilacs.md",
        ":8:9:",
        &["the id `rec-one` is used twice"],
    ),
    (
        "two-overall",
        "inspections/2023-ilacs.md",
        ":9:5:",
        &[
            "more than one judgement is marked `overall: true`",
            "the first is on line 6",
        ],
    ),
    (
        "impossible-date",
        "inspections/2023-ilacs.md",
        ":4:8:",
        &["`2023-02-30` is not a date: February 2023 has 28 days"],
    ),
    (
        "unclosed-front-matter",
        "inspections/2023-ilacs.md",
        ":1:1:",
        &["the front matter opened here is never closed"],
    ),
    (
        "no-front-matter",
        "about.md",
        ":1:1:",
        &["the file has no front matter"],
    ),
    ("non-utf8", "about.md", ":2:11:", &["not UTF-8"]),
    ("empty-file", "about.md", "", &["the file is empty"]),
    (
        "out-of-range",
        "risks.yaml",
        ":3:15:",
        &["`likelihood` should be a whole number from 1 to 5, not `7`"],
    ),
    (
        "yaml-colon",
        "visits/2020-visit.md",
        ":2:24:",
        &["YAML syntax", "must be in quotes"],
    ),
    ("missing-title", "about.md", ":2:1:", &["has no `title`"]),
    (
        "bad-exempt",
        "meetings/2024-01-10-c/appendix.md",
        ":3:9:",
        &[
            "`exempt: 9` is not a Schedule 12A paragraph",
            "1 to 7 (England) or 12 to 18 (Wales)",
        ],
    ),
    (
        "bad-slug",
        "guides/My Report.md",
        "",
        &["`My Report` is not a valid name", "rename it `my-report`"],
    ),
    (
        "visit-both-dates",
        "visits/2020-visit.md",
        ":5:8:",
        &[
            "a visit has both `date` and `start`",
            "use `date` for a single day, or `start` and `end`",
        ],
    ),
    (
        "bad-colour",
        "site.yaml",
        ":3:36:",
        &["`crimson` is not a colour", "`colour: \"#00703c\"`"],
    ),
    (
        "bad-colour",
        "site.yaml",
        ":5:5:",
        &["`colour` is empty", "`#` starts a comment"],
    ),
    (
        "bad-relative-links",
        "guides/reading.md",
        ":4:23:",
        &[
            "`guides/othr` names no document",
            "did you mean `guides/other`?",
        ],
    ),
    (
        "bad-relative-links",
        "guides/reading.md",
        ":4:52:",
        &[
            "`../images/nope.png` leads to no file: there is no `images/nope.png` in the content folder",
        ],
    ),
    (
        "bad-relative-links",
        "guides/reading.md",
        ":5:29:",
        &["`../../secret.txt` leads outside the content folder"],
    ),
    (
        "bad-indicator",
        "indicators/grades.yaml",
        ":3:12:",
        &[
            "`frequency`: `fortnightly-ish` is not a period",
            "write `monthly`, `quarterly`, `annual` (or `yearly`), or a number of months or years such as `6 months`",
        ],
    ),
    (
        "bad-indicator",
        "indicators/grades.yaml",
        ":5:32:",
        &[
            "`shown_as: over half` has no `value`: the words are shown, but the chart needs a number to place them",
            "add the number the words stand for, e.g. `- { date: 2022-12, value: 50, shown_as: \"over half\" }`",
        ],
    ),
    (
        "bad-indicator",
        "indicators/grades.yaml",
        ":6:42:",
        &["`estimate` should be `true` or `false`, not `maybe`"],
    ),
    (
        "bad-indicator",
        "site.yaml",
        ":2:14:",
        &[
            "`stale_after`: `a while` is not a period",
            "such as `6 months`",
        ],
    ),
    ("garbage", "risks.yaml", ":1:", &["too deeply nested"]),
    ("garbage", "indicators/noise.yaml", ":1:", &["not UTF-8"]),
    ("garbage", "about.md", ":3:", &["YAML syntax"]),
];

#[test]
fn each_bad_input_is_reported_with_file_line_and_what_would_be_right() {
    for (case, file, at, words) in CASES {
        let dir = fixture(&format!("bad/{case}"));
        let (code, _, err) = check(&dir, &[]);
        assert_eq!(code, 1, "{case}: exit code\n{err}");
        let name = format!("{}/{file}{at}", dir.display());
        let line = err
            .lines()
            .find(|l| l.starts_with(&name) && l.contains("error:"))
            .unwrap_or_else(|| panic!("{case}: no error at {name}\n{err}"));
        let start = err.find(line).unwrap();
        let block = err[start..].split("\n\n").next().unwrap();
        for w in *words {
            assert!(block.contains(w), "{case}: `{w}` missing from\n{block}");
        }
    }
}

#[test]
fn no_bad_input_panics() {
    for entry in std::fs::read_dir(fixture("bad")).unwrap() {
        let dir = entry.unwrap().path();
        let (code, _, err) = check(&dir, &[]);
        // Every bad fixture is refused, except the one whose problem is a
        // warning; under --strict that one is refused too.
        let warning_only = dir.ends_with("unknown-field");
        assert_eq!(
            code,
            if warning_only { 0 } else { 1 },
            "{}: exit {code}\n{err}",
            dir.display()
        );
        assert!(!err.contains("panicked"), "{}: {err}", dir.display());
        let (code, _, err) = check(&dir, &["--strict"]);
        assert_eq!(code, 1, "{} under --strict: {err}", dir.display());
    }
}

#[test]
fn all_errors_of_a_run_are_reported_together() {
    let dir = fixture("bad/many");
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 1);
    let root = dir.display().to_string();
    for at in [
        "inspections/2023-ilacs.md:7:12: error: `Brilliant` is not a grade",
        "inspections/2023-ilacs.md:9:15: error: `inspections/nope` names no document",
        "plans/recovery/actions.yaml:2:13: error: `priority: P2`",
        "plans/recovery/actions.yaml:4:8: error: `due`: `2023-13-01` is not a date",
        "risks.yaml:4:11: error: `impact` should be a whole number from 1 to 5",
    ] {
        assert!(err.contains(&format!("{root}/{at}")), "missing {at}\n{err}");
    }
    assert!(err.trim_end().ends_with("5 errors"), "{err}");
}

#[test]
fn unknown_fields_warn_with_a_suggestion_and_fail_under_strict() {
    let dir = fixture("bad/unknown-field");
    let (code, out, err) = check(&dir, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "inspections/2023-ilacs.md:5:1: warning: `judgments` is not a field of an inspection"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `judgements`?"), "{err}");
    assert!(out.contains("1 warning"), "{out}");
    let (code, _, err) = check(&dir, &["--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("5:1: error: `judgments`"), "{err}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_exactly_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let (code, _, err) = build(&fixture("valid"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    let before = tree(&out);
    assert!(before.contains_key("index.html"));
    for case in ["many", "garbage", "bad-grade", "unclosed-front-matter"] {
        let (code, _, err) = build(&fixture(&format!("bad/{case}")), &out, &[]);
        assert_eq!(code, 1, "{case}");
        assert!(err.contains("the previous output is unchanged"), "{err}");
        assert_eq!(tree(&out), before, "{case} changed the output");
    }
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("site")],
        "staging folders left behind"
    );
}

#[test]
fn usage_and_io_problems_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = check(&tmp.path().join("nope"), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");

    let out = oversight()
        .args(["build", "--as-of", "2023-02-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("February 2023 has 28 days"));

    // A folder oversight did not build is never replaced.
    let mine = tmp.path().join("precious");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("thesis.txt"), "years of work").unwrap();
    let (code, _, err) = build(&fixture("valid"), &mine, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("was not built by oversight"), "{err}");
    assert_eq!(
        std::fs::read_to_string(mine.join("thesis.txt")).unwrap(),
        "years of work"
    );
}

#[test]
fn a_missing_site_yaml_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("about.md"), "---\ntitle: About\n---\n").unwrap();
    let (code, _, err) = check(tmp.path(), &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("site.yaml: error: there is no site.yaml"),
        "{err}"
    );
}

#[test]
fn two_files_claiming_one_page_are_both_named() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid"), tmp.path());
    std::fs::create_dir_all(tmp.path().join("about")).unwrap();
    std::fs::write(
        tmp.path().join("about/index.md"),
        "---\ntitle: Another about\n---\n",
    )
    .unwrap();
    let (code, _, err) = check(tmp.path(), &[]);
    assert_eq!(code, 1, "{err}");
    let line = err
        .lines()
        .find(|l| l.contains("both make the page `about`"))
        .unwrap_or_else(|| panic!("{err}"));
    // The message is at one file and names the other, whichever comes first.
    let root = tmp.path().display();
    let (one, other) = (format!("{root}/about.md"), format!("{root}/about/index.md"));
    assert!(
        line.starts_with(&format!("{one}: error: this file and {other} both make"))
            || line.starts_with(&format!("{other}: error: this file and {one} both make")),
        "both files named: {line}"
    );
}

#[test]
fn an_unreadable_file_is_reported_once_not_again_by_every_reference_to_it() {
    let dir = fixture("bad/unreadable");
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 1);
    let root = dir.display().to_string();
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 3, "{err}");
    assert!(
        errors[0].starts_with(&format!(
            "{root}/about.md:5:12: error: `meetings/2024-01-10-c` has no item `rec-9`"
        )),
        "a reference to a file that was read is still checked"
    );
    assert!(errors[1].starts_with(&format!(
        "{root}/meetings/2024-01-10-c/report.md:1:1: error: the front matter"
    )));
    assert!(errors[2].starts_with(&format!(
        "{root}/plans/recovery/actions.yaml:4:5: error: YAML syntax"
    )));
    assert!(err.trim_end().ends_with("3 errors"), "{err}");
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_read_only_when_they_lead_to_a_file_inside_the_content_folder() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    std::fs::write(
        tmp.path().join("secret.md"),
        "---\ntitle: SECRET-OUTSIDE\n---\n",
    )
    .unwrap();
    symlink(tmp.path().join("secret.md"), content.join("leak.md")).unwrap();
    symlink(content.join("guides"), content.join("more-guides")).unwrap();
    symlink(content.join("about.md"), content.join("about-again.md")).unwrap();
    symlink(tmp.path().join("nowhere.md"), content.join("dangling.md")).unwrap();
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    snapshot("symbolic-links", &err);
    let root = content.display().to_string();
    assert!(
        err.contains(&format!(
            "{root}/leak.md: error: this symbolic link leads outside the content folder"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{root}/more-guides: error: this symbolic link leads to a folder"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{root}/dangling.md: error: this symbolic link leads nowhere"
        )),
        "{err}"
    );
    assert!(
        !err.contains("about-again.md"),
        "a link to a file inside is read like any file: {err}"
    );
    assert!(!err.contains("SECRET-OUTSIDE"));
}

#[test]
fn a_status_colour_too_weak_for_its_text_is_a_warning() {
    let dir = fixture("bad/bad-colour");
    let (_, _, err) = check(&dir, &[]);
    assert!(
        err.contains(&format!(
            "{}/site.yaml:8:13: warning: status text on `#787878` reaches only 4.4:1 contrast",
            dir.display()
        )),
        "{err}"
    );
}
