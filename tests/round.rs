//! The monthly update round: start writes workbooks, owners fill them (done
//! here with calamine and rust_xlsxwriter, as Excel would), collect adds
//! exactly the filled rows to `actions.yaml`, or refuses and changes nothing.

mod common;

use calamine::{Data, Reader, open_workbook_auto};
use common::{check, copy_dir, fixture, oversight, run};
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

const ACTIONS: &str = "plans/recovery/actions.yaml";

/// A copy of the valid fixture and a started round: per owner, or with
/// `layout` (`--one-workbook` or `--owner-column`).
fn started(layout: Option<&str>) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let out = dir.path().join("round");
    let (code, stdout, stderr) = run(start(&content, &out, layout));
    assert_eq!(code, 0, "{stdout}{stderr}");
    (dir, content, out)
}

/// `round start` of the fixture's plan on 2024-06-01 into `out`.
fn start(content: &Path, out: &Path, layout: Option<&str>) -> assert_cmd::Command {
    let mut cmd = oversight();
    cmd.args([
        "round",
        "start",
        "--plan",
        "plans/recovery",
        "--date",
        "2024-06-01",
    ])
    .arg("--content")
    .arg(content)
    .arg("--out")
    .arg(out)
    .args(layout);
    cmd
}

/// A filled row: (sheet, ref, new status, note, date as typed or None).
type Fill<'a> = (&'a str, &'a str, &'a str, &'a str, Option<&'a str>);

/// Reads `from` as an owner's spreadsheet program would and saves a copy to
/// `to` with `fills` typed in under the sheet's headings (a fill's ref may
/// replace the row's ref).
fn fill(from: &Path, to: &Path, fills: &[Fill]) {
    let mut book = open_workbook_auto(from).unwrap();
    let mut out = Workbook::new();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let at = |heading: &str| -> u16 {
            let headings = range.rows().next().unwrap_or(&[]);
            let found = headings.iter().position(|h| *h == heading);
            found.unwrap_or(usize::from(u16::MAX - 1)) as u16
        };
        let ws = out.add_worksheet();
        ws.set_name(&name).unwrap();
        for (r, row) in range.rows().enumerate() {
            let (r32, mut fill_for) = (r as u32, None);
            for (c, cell) in row.iter().enumerate() {
                let c16 = c as u16;
                match cell {
                    Data::DateTime(d) => {
                        ws.write_number_with_format(r32, c16, d.as_f64(), &day)
                            .unwrap();
                    }
                    Data::Empty => {}
                    other => {
                        ws.write_string(r32, c16, other.to_string()).unwrap();
                    }
                }
                if c == 0 {
                    fill_for = fills.iter().find(|f| {
                        f.0 == name && (*cell == f.1 || f.1.ends_with(&format!("<-{cell}")))
                    });
                }
            }
            if let Some((_, id, status, note, date)) = fill_for {
                let id = id.split("<-").next().unwrap();
                ws.write_string(r32, at("Ref"), id).unwrap();
                ws.write_string(r32, at("New status"), *status).unwrap();
                ws.write_string(r32, at("Note"), *note).unwrap();
                if let Some(d) = date {
                    ws.write_string(r32, at("Date"), *d).unwrap();
                }
            }
        }
        if name == "Round marker" {
            ws.set_hidden(true);
        }
    }
    out.save(to).unwrap();
}

fn collect(content: &Path, files: &[&Path], extra: &[&str]) -> (i32, String, String) {
    let mut cmd = oversight();
    cmd.args(["round", "collect"])
        .args(files)
        .arg("--content")
        .arg(content)
        .args(extra);
    run(cmd)
}

/// The lines of `new` not in `old`, checking that `old`'s lines all remain in order.
fn added_lines(old: &str, new: &str) -> Vec<String> {
    let mut old_lines = old.lines().peekable();
    let mut added = Vec::new();
    for line in new.lines() {
        if old_lines.peek() == Some(&line) {
            old_lines.next();
        } else {
            added.push(line.to_string());
        }
    }
    assert_eq!(
        old_lines.next(),
        None,
        "a line of the old file was changed or lost"
    );
    added
}

const AD: &str = "Assistant Director";
const DCS: &str = "Director of Children's Services";

#[test]
fn a_full_round_adds_exactly_the_filled_rows() {
    let (dir, content, out) = started(None);
    let ad = out.join("assistant-director.xlsx");
    let dcs = out.join("director-of-children-s-services.xlsx");
    assert!(ad.is_file() && dcs.is_file());
    // The started workbook shows each action's current status by its label.
    let mut book = open_workbook_auto(&dcs).unwrap();
    let sheet = book.worksheet_range(DCS).unwrap();
    assert_eq!(
        sheet.get_value((0, 5)),
        Some(&Data::String("New status".into()))
    );
    assert_eq!(sheet.get_value((1, 0)), Some(&Data::String("P1.2".into())));
    assert_eq!(
        sheet.get_value((1, 3)),
        Some(&Data::String("Off track".into()))
    );

    let before = std::fs::read_to_string(content.join(ACTIONS)).unwrap();
    let (ad2, dcs2) = (dir.path().join("ad.xlsx"), dir.path().join("dcs.xlsx"));
    fill(
        &ad,
        &ad2,
        &[(AD, "P1.1", "done", "Embedded: audited in May.", None)],
    );
    fill(
        &dcs,
        &dcs2,
        &[
            (DCS, "P1.2", "amber", "Recovering.", None),
            (DCS, "P2.2", "on TRACK", "", Some("15/06/2024")),
        ],
    );
    let (code, stdout, stderr) = collect(&content, &[&ad2, &dcs2], &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("added 3 updates, 2 statuses changed"),
        "{stdout}"
    );
    assert!(stdout.contains("no update for: P2.1, P3.1"), "{stdout}");
    let after = std::fs::read_to_string(content.join(ACTIONS)).unwrap();
    assert_eq!(
        added_lines(&before, &after),
        [
            "    - date: \"2024-06-01\"",
            "      status: blue",
            "      note: \"Embedded: audited in May.\"",
            "    - date: \"2024-06-01\"",
            "      status: amber",
            "      note: Recovering.",
            "  updates:",
            "    - date: \"2024-06-15\"",
            "      status: green",
        ]
    );
    let (code, stdout, stderr) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
}

#[test]
fn one_workbook_has_a_sheet_per_owner_and_a_dry_run_changes_nothing() {
    let (dir, content, out) = started(Some("--one-workbook"));
    let book_path = out.join("round-recovery-2024-06-01.xlsx");
    let book = open_workbook_auto(&book_path).unwrap();
    assert_eq!(book.sheet_names(), [AD, DCS, "Round marker"]);
    let filled = dir.path().join("filled.xlsx");
    fill(
        &book_path,
        &filled,
        &[(DCS, "P3.1", "Off track", "Police withdrew.", None)],
    );
    let before = std::fs::read_to_string(content.join(ACTIONS)).unwrap();
    let (code, stdout, stderr) = collect(&content, &[&filled], &["--dry-run"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("would add to plans/recovery P3.1: 2024-06-01 red: Police withdrew."),
        "{stdout}"
    );
    assert!(
        stdout.contains("would add 1 update, 1 status changed"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(content.join(ACTIONS)).unwrap(),
        before
    );
}

/// Collects `fills` of the Director's workbook (twice when `twice`), expects a
/// refusal naming `wanted`, and that `actions.yaml` is unchanged.
fn refused(fills: &[Fill], twice: bool, change: Option<&str>, wanted: &str) {
    let (dir, content, out) = started(None);
    let dcs = out.join("director-of-children-s-services.xlsx");
    let filled = dir.path().join("filled.xlsx");
    fill(&dcs, &filled, fills);
    if let Some(extra) = change {
        let path = content.join(ACTIONS);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("status: red, note: Slipped after staff losses. }", extra),
        )
        .unwrap();
    }
    let before = std::fs::read_to_string(content.join(ACTIONS)).unwrap();
    let files: Vec<&Path> = if twice {
        vec![&filled, &filled]
    } else {
        vec![&filled]
    };
    let (code, stdout, stderr) = collect(&content, &files, &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains(wanted), "{stderr}");
    assert!(stderr.contains("nothing was changed"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(content.join(ACTIONS)).unwrap(),
        before
    );
}

#[test]
fn an_unknown_action_is_refused_with_sheet_and_row() {
    refused(
        &[(DCS, "P9.9<-P1.2", "amber", "", None)],
        false,
        None,
        "sheet 'Director of Children's Services', row 2, column A: there is no action `P9.9` in plans/recovery",
    );
}

#[test]
fn a_status_that_is_not_a_status_is_refused() {
    refused(
        &[(DCS, "P2.1", "purple", "", None)],
        false,
        None,
        "row 3, column F: `purple` is not a status; choose one of Off track, At risk, On track, Done, Not started",
    );
}

#[test]
fn an_update_older_than_the_last_is_refused() {
    refused(
        &[(DCS, "P1.2", "green", "", Some("01/01/2024"))],
        false,
        None,
        "row 2, column H: the update is dated 2024-01-01, before P1.2's last update (2024-03-01)",
    );
}

#[test]
fn two_owners_updating_one_action_are_refused() {
    refused(
        &[(DCS, "P1.2", "green", "", None)],
        true,
        None,
        "row 2: P1.2 is updated here and also in",
    );
}

#[test]
fn a_workbook_whose_actions_changed_since_the_start_is_refused() {
    refused(
        &[(DCS, "P1.2", "green", "", None)],
        false,
        Some(
            "status: red, note: Slipped after staff losses. }\n    - { date: 2024-05-01, status: amber }",
        ),
        "P1.2 was updated since the round started on 2024-06-01 (last update 2024-03-01 red then, last update 2024-05-01 amber now)",
    );
}

/// Copies `from` to `to` with the sheet's columns rearranged by `order`
/// (old column index per new column), as an owner dragging columns would.
fn rearranged(from: &Path, to: &Path, sheet: &str, order: &[usize], rename: &[(&str, &str)]) {
    let mut book = open_workbook_auto(from).unwrap();
    let mut out = Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let ws = out.add_worksheet();
        ws.set_name(&name).unwrap();
        for (r, row) in range.rows().enumerate() {
            let cols: Vec<usize> = if name == sheet {
                order.to_vec()
            } else {
                (0..row.len()).collect()
            };
            for (c, old) in cols.iter().enumerate() {
                if let Some(Data::DateTime(d)) = row.get(*old) {
                    let day = Format::new().set_num_format("yyyy-mm-dd");
                    ws.write_number_with_format(r as u32, c as u16, d.as_f64(), &day)
                        .unwrap();
                    continue;
                }
                let mut text = row.get(*old).map(|d| d.to_string()).unwrap_or_default();
                if let Some((_, new)) = rename.iter().find(|(was, _)| r == 0 && *was == text) {
                    text = new.to_string();
                }
                if !text.is_empty() {
                    ws.write_string(r as u32, c as u16, text).unwrap();
                }
            }
        }
        if name == "Round marker" {
            ws.set_hidden(true);
        }
    }
    out.save(to).unwrap();
}

#[test]
fn columns_moved_with_their_headings_are_still_read_right() {
    let (dir, content, out) = started(None);
    let ad = out.join("assistant-director.xlsx");
    let filled = dir.path().join("filled.xlsx");
    fill(&ad, &filled, &[(AD, "P1.1", "done", "Audited.", None)]);
    // The owner dragged Note before New status, and Date to the front.
    let moved = dir.path().join("moved.xlsx");
    rearranged(&filled, &moved, AD, &[7, 0, 1, 2, 3, 4, 6, 5], &[]);
    let (code, stdout, stderr) = collect(&content, &[&moved], &["--dry-run"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("would add to plans/recovery P1.1: 2024-06-01 blue: Audited."),
        "{stdout}"
    );
}

#[test]
fn a_sheet_without_a_needed_heading_is_refused() {
    let (dir, content, out) = started(None);
    let ad = out.join("assistant-director.xlsx");
    let filled = dir.path().join("filled.xlsx");
    fill(&ad, &filled, &[(AD, "P1.1", "done", "Audited.", None)]);
    // An owner who renamed the New status heading.
    let renamed = dir.path().join("renamed.xlsx");
    rearranged(
        &filled,
        &renamed,
        AD,
        &[0, 1, 2, 3, 4, 5, 6, 7],
        &[("New status", "RAG")],
    );
    let before = std::fs::read_to_string(content.join(ACTIONS)).unwrap();
    let (code, stdout, stderr) = collect(&content, &[&renamed], &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("sheet 'Assistant Director', row 1: there is no `New status` heading"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(content.join(ACTIONS)).unwrap(),
        before
    );
}

#[test]
fn owner_column_writes_one_filterable_sheet_that_collects() {
    let (dir, content, out) = started(Some("--owner-column"));
    let book_path = out.join("round-recovery-2024-06-01.xlsx");
    let mut book = open_workbook_auto(&book_path).unwrap();
    assert_eq!(book.sheet_names(), ["Actions", "Round marker"]);
    let sheet = book.worksheet_range("Actions").unwrap();
    let row = |r: usize| -> Vec<String> {
        sheet
            .rows()
            .nth(r)
            .unwrap()
            .iter()
            .map(|d| d.to_string())
            .collect()
    };
    assert_eq!(
        row(0),
        [
            "Ref",
            "Title",
            "Owner",
            "Due",
            "Current status",
            "Last note",
            "New status",
            "Note",
            "Date"
        ]
    );
    // Every action, in the plan's order, each with its owner.
    let refs: Vec<(String, String)> = (1..sheet.height())
        .map(|r| (row(r)[0].clone(), row(r)[2].clone()))
        .collect();
    assert_eq!(
        refs,
        [
            ("P1.1".to_string(), AD.to_string()),
            ("P1.2".into(), DCS.into()),
            ("P2.1".into(), DCS.into()),
            ("P2.2".into(), DCS.into()),
            ("P3.1".into(), DCS.into()),
        ]
    );
    let filled = dir.path().join("filled.xlsx");
    fill(
        &book_path,
        &filled,
        &[
            ("Actions", "P1.1", "Done", "", None),
            ("Actions", "P3.1", "amber", "Police back.", None),
        ],
    );
    let (code, stdout, stderr) = collect(&content, &[&filled], &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("added 2 updates"), "{stdout}");
    // The drop-down sits on the New status column (G here), listing the labels.
    let xml = common::unzipped("round", std::fs::read(&book_path).unwrap());
    let (_, sheet_xml) = xml
        .iter()
        .find(|(n, _)| n.ends_with("worksheets/sheet1.xml"))
        .unwrap();
    assert!(
        sheet_xml.contains(r#"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Not a status" error="Choose one of: Off track, At risk, On track, Done, Not started." sqref="G2:G6">"#),
        "{sheet_xml}"
    );
    assert!(
        sheet_xml.contains("<formula1>\"Off track,At risk,On track,Done,Not started\"</formula1>"),
        "{sheet_xml}"
    );
    assert!(
        sheet_xml.contains(r#"<autoFilter ref="A1:I6"/>"#),
        "{sheet_xml}"
    );
}

#[test]
fn a_note_without_a_status_is_refused() {
    refused(
        &[(DCS, "P2.1", "", "Two starters in July.", None)],
        false,
        None,
        "row 3, column F: there is a note but no new status",
    );
}

#[test]
fn start_does_not_overwrite_a_workbook() {
    let (_dir, content, out) = started(None);
    let (code, _, stderr) = run(start(&content, &out, None));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("assistant-director.xlsx already exists"),
        "{stderr}"
    );
}
