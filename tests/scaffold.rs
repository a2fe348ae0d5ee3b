//! `oversight new` and `oversight init`: new files carry every field,
//! explained, with today's date; once the title is written they pass
//! `check`; nothing is ever overwritten; a new site builds as it is.

mod common;
use common::*;
use std::path::Path;

fn new(content: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = oversight();
    cmd.env("SOURCE_DATE_EPOCH", "1714521600") // 1 May 2024
        .arg("new")
        .args(args)
        .arg("--content")
        .arg(content);
    run(cmd)
}

fn bare_site(dir: &Path) -> std::path::PathBuf {
    let content = dir.join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(content.join("site.yaml"), "title: Scaffold test\n").unwrap();
    content
}

const EVERY_TYPE: [(&str, &str, &str); 9] = [
    (
        "inspection",
        "2024-05-ilacs",
        "inspections/2024-05-ilacs.md",
    ),
    ("visit", "2024-06-focused", "visits/2024-06-focused.md"),
    ("review", "2024-08-peer", "reviews/2024-08-peer.md"),
    ("plan", "recovery", "plans/recovery/index.md"),
    ("action", "recovery/P1.1", "plans/recovery/actions.yaml"),
    (
        "meeting",
        "2024-07-01-cypssc",
        "meetings/2024-07-01-cypssc/index.md",
    ),
    (
        "paper",
        "2024-07-01-cypssc/minutes",
        "meetings/2024-07-01-cypssc/minutes.md",
    ),
    ("risk", "R1", "risks.yaml"),
    ("indicator", "caseloads", "indicators/caseloads.yaml"),
];

#[test]
fn every_type_is_made_with_today_and_passes_check_once_titled() {
    let tmp = tempfile::tempdir().unwrap();
    let content = bare_site(tmp.path());
    for (kind, name, file) in EVERY_TYPE {
        let (code, out, err) = new(&content, &[kind, name]);
        assert_eq!(code, 0, "new {kind}: {err}");
        assert!(out.contains(file), "new {kind} says what it wrote: {out}");
        let text = read(&content, file);
        assert!(text.contains("# "), "{file} explains its fields");
        if !matches!(kind, "indicator" | "paper") {
            assert!(
                text.contains("2024-05-01"),
                "{file} has today's date:\n{text}"
            );
        }
    }
    // Untitled, each is an error that says so.
    let (code, _, err) = check(&content, &["--strict"]);
    assert_eq!(code, 1);
    assert_eq!(err.matches("has no `title`").count(), 9, "{err}");
    // Write the titles, as an officer would.
    for (_, _, file) in EVERY_TYPE {
        let path = content.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let titled: String = text
            .lines()
            .map(|l| match l.find("title:") {
                Some(i) if l[i + 6..].trim_start().starts_with('#') => {
                    format!("{}title: A title\n", &l[..i])
                }
                _ => format!("{l}\n"),
            })
            .collect();
        std::fs::write(&path, titled).unwrap();
    }
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "no warnings: {err}");
    assert!(out.contains("checked 8 documents"), "{out}");
}

#[test]
fn the_contract_fields_are_all_present() {
    let tmp = tempfile::tempdir().unwrap();
    let content = bare_site(tmp.path());
    for (kind, name, _) in EVERY_TYPE {
        assert_eq!(new(&content, &[kind, name, "--title", "T"]).0, 0);
    }
    for (file, fields) in [
        (
            "inspections/2024-05-ilacs.md",
            &[
                "inspectorate:",
                "framework:",
                "scale:",
                "start:",
                "end:",
                "published:",
                "lead_inspector:",
                "source:",
                "judgements:",
                "overall: true",
                "recommendations:",
                "follows:",
                "attachments:",
                "wording: summary",
                "draft:",
                "exempt:",
            ][..],
        ),
        (
            "visits/2024-06-focused.md",
            &[
                "kind:",
                "inspectorate:",
                "date:",
                "theme:",
                "follows:",
                "priority_actions:",
                "recommendations:",
            ],
        ),
        (
            "reviews/2024-08-peer.md",
            &[
                "kind:",
                "by:",
                "date:",
                "ended:",
                "follows:",
                "recommendations:",
                "to:",
                "wording: summary",
            ],
        ),
        (
            "plans/recovery/index.md",
            &[
                "owner:",
                "adopted:",
                "responds_to:",
                "supersedes:",
                "priorities:",
                "status:",
            ],
        ),
        (
            "plans/recovery/actions.yaml",
            &[
                "priority: P1",
                "continues:",
                "owner:",
                "due:",
                "revised_due:",
                "addresses:",
                "evidence:",
                "updates:",
                "status: grey",
            ],
        ),
        (
            "meetings/2024-07-01-cypssc/index.md",
            &[
                "committee:",
                "date:",
                "location:",
                "time:",
                "attendees:",
                "apologies:",
                "agenda:",
                "paper:",
                "recommendations:",
                "to:",
            ],
        ),
        (
            "meetings/2024-07-01-cypssc/minutes.md",
            &[
                "kind:",
                "author:",
                "date:",
                "discusses:",
                "resolutions:",
                "responses:",
                "to: meetings/2024-07-01-cypssc#rec-1",
            ],
        ),
        (
            "risks.yaml",
            &[
                "likelihood:",
                "impact:",
                "status:",
                "reviewed:",
                "mitigation:",
                "target:",
                "reviews:",
            ],
        ),
        (
            "indicators/caseloads.yaml",
            &["unit:", "better:", "target:", "values:"],
        ),
    ] {
        let text = read(&content, file);
        for f in fields {
            assert!(text.contains(f), "{file} lacks {f}:\n{text}");
        }
    }
    let (code, _, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "titled with --title, they pass: {err}");
}

#[test]
fn nothing_is_overwritten_and_names_are_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let content = bare_site(tmp.path());
    assert_eq!(
        new(&content, &["inspection", "x-1", "--title", "First"]).0,
        0
    );
    let before = read(&content, "inspections/x-1.md");
    let (code, _, err) = new(&content, &["inspection", "x-1"]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists; nothing was written"), "{err}");
    assert_eq!(read(&content, "inspections/x-1.md"), before);

    assert_eq!(new(&content, &["plan", "p"]).0, 0);
    assert_eq!(new(&content, &["action", "p/A1"]).0, 0);
    let actions = read(&content, "plans/p/actions.yaml");
    let (code, _, err) = new(&content, &["action", "p/A1"]);
    assert_eq!(code, 2);
    assert!(err.contains("already has `A1`"), "{err}");
    assert_eq!(read(&content, "plans/p/actions.yaml"), actions);

    for (args, says) in [
        (&["inspection", "Bad Name"][..], "is not a valid name"),
        (
            &["action", "no-such-plan/A1"],
            "there is no plan `plans/no-such-plan`",
        ),
        (&["action", "A1"], "name the action as <plan>/<action id>"),
        (&["paper", "no-meeting/report"], "there is no meeting"),
        (&["risk", "R1/x"], "is not a valid id"),
    ] {
        let (code, _, err) = new(&content, args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn init_makes_a_site_that_builds_and_refuses_a_folder_in_use() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new-site");
    let mut cmd = oversight();
    cmd.arg("init").arg(&dir);
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created a new site"), "{out}");
    assert!(read(&dir, ".gitignore").lines().any(|l| l == "output/"));
    // A build keeps the folders of the last site beside the output: git
    // must not offer them for committing either.
    let (code, _, err) = build(&dir.join("content"), &dir.join("output"), &[]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = build(&dir.join("content"), &dir.join("output"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(dir.join(".output.spare").is_dir());
    assert!(dir.join(".output.record").is_file());
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(args)
            .output()
            .expect("git runs")
    };
    assert!(git(&["init", "-q"]).status.success());
    let status = git(&["status", "--porcelain", "--untracked-files=all"]);
    let untracked = String::from_utf8_lossy(&status.stdout);
    assert!(
        !untracked.contains("output"),
        "git offers the built site: {untracked}"
    );
    let publishing = read(&dir, "docs/publishing.md");
    for text in [
        "oversight check --strict",
        ".gitlab-ci.yml",
        ".github/workflows",
        "oversight build",
    ] {
        assert!(publishing.contains(text), "publishing.md lacks {text}");
    }
    let content = dir.join("content");
    let (code, _, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    let out = dir.join("output");
    let (code, stdout, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.contains("from 9 documents"),
        "one of each kind: {stdout}"
    );
    assert!(
        out.join("plans/improvement-plan/actions/P1.1/index.html")
            .is_file()
    );
    assert!(broken_links(&out).is_empty());

    let mut again = oversight();
    again.arg("init").arg(&dir);
    let (code, _, err) = run(again);
    assert_eq!(code, 2);
    assert!(err.contains("already exists and is not empty"), "{err}");
}
