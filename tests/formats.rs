//! `--message-format`: the code on every human message, one JSON object a
//! line for tools, and GitHub Actions annotations for pull requests.

mod common;
use common::*;

fn lines_as_json(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn a_human_message_ends_with_its_code_and_name() {
    let (code, _, err) = check(&fixture("bad/bad-grade"), &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("inspections/2023-ilacs.md:7:12: error: `Goodish` is not a grade on the `ofsted-ilacs` scale [OV0210 unknown-grade]\n"),
        "{err}"
    );
}

#[test]
fn json_prints_one_object_a_line_on_stdout_and_the_count_on_stderr() {
    let (code, out, err) = check(&fixture("bad/many"), &["--message-format", "json"]);
    assert_eq!(code, 1, "{err}");
    let all = lines_as_json(&out);
    assert_eq!(all.len(), 5, "{out}");
    let grade = all
        .iter()
        .find(|v| v["code"] == "OV0210")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(grade["name"], "unknown-grade");
    assert_eq!(grade["severity"], "error");
    assert!(
        grade["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("bad/many/inspections/2023-ilacs.md")),
        "{grade}"
    );
    assert_eq!(
        (grade["line"].as_u64(), grade["column"].as_u64()),
        (Some(7), Some(12))
    );
    assert_eq!(
        grade["message"],
        "`Brilliant` is not a grade on the `ofsted-ilacs` scale"
    );
    assert!(
        grade["help"]
            .as_str()
            .is_some_and(|h| h.contains("Requires improvement"))
    );
    assert!(err.contains("5 errors"), "{err}");
    assert!(!err.contains("[OV0210"), "human messages as well: {err}");
}

#[test]
fn json_from_a_clean_build_keeps_stdout_to_messages() {
    let out_dir = tempfile::tempdir().unwrap();
    let site = out_dir.path().join("site");
    let (code, out, err) = build(&fixture("valid"), &site, &["--message-format", "json"]);
    assert_eq!(code, 0, "{err}");
    // Warnings, if any, are JSON; the "built ..." line went to stderr.
    lines_as_json(&out);
    assert!(err.contains("built "), "{err}");
    assert!(site.join("index.html").exists());
}

#[test]
fn github_annotates_the_line_with_code_message_and_help() {
    let dir = fixture("bad/bad-grade");
    let (code, out, _) = check(&dir, &["--message-format", "github"]);
    assert_eq!(code, 1);
    let file = dir.join("inspections/2023-ilacs.md").display().to_string();
    assert_eq!(
        out,
        format!(
            "::error file={file},line=7,col=12,endLine=7,endColumn=18,title=OV0210 unknown-grade::`Goodish` is not a grade on the `ofsted-ilacs` scale%0Ahelp: valid grades, best first: Outstanding; Good; Requires improvement to be good; Inadequate\n"
        )
    );
}

#[test]
fn github_warnings_are_warnings_and_strict_makes_them_errors() {
    let (code, out, _) = check(
        &fixture("bad/unknown-field"),
        &["--message-format", "github"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("::warning file="), "{out}");
    assert!(out.contains(",title=OV0201 unknown-field::"), "{out}");
    let (code, out, _) = check(
        &fixture("bad/unknown-field"),
        &["--message-format", "github", "--strict"],
    );
    assert_eq!(code, 1);
    assert!(out.starts_with("::error file="), "{out}");
}

#[test]
fn a_duplicate_id_in_two_files_points_to_where_it_was_first_used() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        "title: Two files\n",
        &[
            (
                "plans/recovery/index.md",
                "---\ntitle: Recovery\npriorities:\n  - id: P1\n    title: Do it\n---\n",
            ),
            (
                "plans/recovery/actions.yaml",
                "- id: P1\n  title: One\n  priority: P1\n",
            ),
        ],
    );
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    let index = content
        .join("plans/recovery/index.md")
        .display()
        .to_string();
    assert!(
        err.contains(&format!(
            "1 | - id: P1\n  |       ^^\n --> {index}:4:9\n  |\n4 |   - id: P1\n  |         -- first used here\n"
        )),
        "{err}"
    );
    let (_, out, _) = check(&content, &["--message-format", "json"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(v["code"], "OV0304");
    assert_eq!(v["related"][0]["file"], index.as_str());
    assert_eq!(
        (
            v["related"][0]["line"].as_u64(),
            v["related"][0]["column"].as_u64()
        ),
        (Some(4), Some(9))
    );
}
