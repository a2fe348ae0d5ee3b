//! What the command line prints: one summary line, less with --quiet, the
//! stages with --verbose; colour only on a terminal and never with
//! NO_COLOR; no progress bar when the output is not a terminal.

mod common;
use common::*;

fn build_with(extra: &[&str], content: &str) -> (i32, String, String) {
    let tmp = tempfile::tempdir().unwrap();
    build(&fixture(content), &tmp.path().join("out"), extra)
}

#[test]
fn a_build_prints_one_summary_line_and_no_progress_bar_into_a_pipe() {
    let (code, out, err) = build_with(&["--as-of", "2024-06-30"], "valid");
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("built ") && out.contains(" pages from "),
        "{out}"
    );
    assert!(err.is_empty(), "nothing else, no progress bar: {err:?}");
    assert!(
        !out.contains('\u{1b}') && !err.contains('\u{1b}'),
        "no colour in a pipe"
    );
}

#[test]
fn quiet_prints_only_errors_and_verbose_adds_the_stages() {
    let (code, out, err) = build_with(&["--quiet"], "valid");
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty() && err.is_empty(), "{out}{err}");
    let (code, out, err) = build_with(&["--quiet"], "bad/bad-grade");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("error: `Goodish` is not a grade"), "{err}");
    let (_, _, err) = build_with(&["--quiet"], "bad/unknown-field");
    assert!(!err.contains("warning"), "warnings are not errors: {err}");
    let (code, out, err) = build_with(&["--verbose"], "valid");
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1);
    for stage in ["load", "resolve", "render and write", "swap"] {
        assert!(
            err.lines()
                .any(|l| l.trim_start().starts_with(stage) && l.ends_with(" ms")),
            "{stage} missing: {err}"
        );
    }
}

/// Runs `oversight` under a pseudo-terminal (util-linux `script`).
fn on_a_terminal(args: &str, no_colour: bool) -> String {
    let bin = assert_cmd::cargo::cargo_bin("oversight");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"]);
    if no_colour {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.output().expect("script runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_appears_on_a_terminal_unless_no_color_is_set() {
    let tmp = tempfile::tempdir().unwrap();
    let args = format!(
        "build --content {} --output {}",
        fixture("bad/bad-grade").display(),
        tmp.path().join("out").display()
    );
    let coloured = on_a_terminal(&args, false);
    assert!(
        coloured.contains("\u{1b}[1m\u{1b}[31m: error: "),
        "{coloured:?}"
    );
    let plain = on_a_terminal(&args, true);
    assert!(plain.contains(": error: `Goodish`"), "{plain:?}");
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
}

#[test]
fn a_terminal_sees_a_progress_bar_that_clears_for_the_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let args = format!(
        "build --content {} --output {}",
        fixture("valid").display(),
        tmp.path().join("out").display()
    );
    let shown = on_a_terminal(&args, true);
    assert!(shown.contains("building ["), "{shown:?}");
    let last = shown
        .rsplit('\r')
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    assert!(shown.contains("built "), "{shown:?}");
    assert!(
        last.contains("built ") && !last.contains("building ["),
        "the bar is cleared for the summary: {last:?}"
    );
    // Quiet on a terminal too: no bar (whatever its label), no summary.
    let quiet = on_a_terminal(&format!("{args} --quiet"), true);
    assert!(quiet.trim().is_empty(), "{quiet:?}");
}
