//! The whole of what `oversight check` prints for every bad fixture, kept
//! as a snapshot (`tests/snapshots/`), as ruff keeps its own: a change to
//! any message, its code, its underline or its help shows up in review.
//!
//! After changing a message on purpose: `INSTA_UPDATE=always cargo test
//! --test snapshots` (or `cargo insta review`), and read the diff.

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use oversight::diagnostics::Code;
use std::path::Path;
use std::process::Command;

fn bad() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad"))
}

/// `oversight check --content <name>`, run in `tests/fixtures/bad` so the
/// file names printed are the same on every machine.
fn check(name: &str, extra: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("oversight"));
    cmd.current_dir(bad())
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .args(["check", "--content", name])
        .args(extra);
    cmd
}

fn snapshot(name: &str) {
    insta::with_settings!({
        snapshot_suffix => name,
        // Timings differ from run to run.
        filters => vec![(r"in \d+ ms", "in [time] ms")],
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        assert_cmd_snapshot!("check", check(name, &[]));
    });
}

macro_rules! fixtures {
    ($($test:ident = $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                snapshot($name);
            }
        )*

        const FIXTURES: &[&str] = &[$($name,)*];
    };
}

fixtures! {
    at_image = "at-image",
    attachments = "attachments",
    bad_colour = "bad-colour",
    bad_exempt = "bad-exempt",
    bad_grade = "bad-grade",
    bad_indicator = "bad-indicator",
    bad_relative_links = "bad-relative-links",
    bad_slug = "bad-slug",
    bad_status = "bad-status",
    case_clash = "case-clash",
    dangling_at_link = "dangling-at-link",
    dangling_ref = "dangling-ref",
    duplicate_id = "duplicate-id",
    empty_file = "empty-file",
    garbage = "garbage",
    impossible_date = "impossible-date",
    many = "many",
    missing_title = "missing-title",
    more_codes = "more-codes",
    near_publishing_keys = "near-publishing-keys",
    nested_areas = "nested-areas",
    no_site_yaml = "no-site-yaml",
    no_front_matter = "no-front-matter",
    non_utf8 = "non-utf8",
    out_of_range = "out-of-range",
    risk_bands = "risk-bands",
    risk_reviews_order = "risk-reviews-order",
    two_overall = "two-overall",
    unclosed_front_matter = "unclosed-front-matter",
    unknown_anchor = "unknown-anchor",
    unknown_field = "unknown-field",
    unknown_priority = "unknown-priority",
    unknown_theme = "unknown-theme",
    unreadable = "unreadable",
    unsafe_addresses = "unsafe-addresses",
    unsafe_files = "unsafe-files",
    unsafe_svg_issue = "unsafe-svg-issue",
    unwritable_names = "unwritable-names",
    visit_both_dates = "visit-both-dates",
    yaml_colon = "yaml-colon",
}

/// A new bad fixture gets a snapshot too: add it to the list above.
#[test]
fn every_bad_fixture_has_a_snapshot_test() {
    let mut found: Vec<String> = std::fs::read_dir(bad())
        .expect("tests/fixtures/bad")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(found, listed);
}

/// The codes no snapshot holds, and why. Messages no bad fixture can give
/// (a theme's, a symbolic link's, a file too large to commit, a build's)
/// are snapshotted by the tests that make them, with `common::snapshot`.
const NOT_IN_A_FIXTURE: &[(Code, &str)] = &[
    (
        Code::NotShown,
        "needs over 100 messages in one file; the unit test in diagnostics compares the whole line",
    ),
    (Code::OutputFailed, "needs memory or disk to run out"),
];

/// "Snapshot tests cover every diagnostic": every code is printed by some
/// bad fixture, but those listed above; and none listed is printed.
#[test]
fn every_code_is_in_a_snapshot_or_listed_with_its_reason() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"));
    let mut all = String::new();
    for e in std::fs::read_dir(dir).expect("tests/snapshots").flatten() {
        if e.path().extension().is_some_and(|x| x == "snap") {
            all.push_str(&std::fs::read_to_string(e.path()).expect("read"));
        }
    }
    for c in Code::ALL {
        let printed = all.contains(&format!("[{} {}]", c.id(), c.name()));
        let excused = NOT_IN_A_FIXTURE.iter().any(|(x, _)| x == c);
        assert!(
            printed != excused,
            "{} {}: {}",
            c.id(),
            c.name(),
            if printed {
                "printed by a fixture now: take it off NOT_IN_A_FIXTURE"
            } else {
                "printed by no bad fixture: add one (or list it with a reason)"
            }
        );
    }
}
