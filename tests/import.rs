//! `oversight import`: a council's tracker, generated as councils lay them
//! out, becomes a plan that passes `check --strict`; a bad row is refused
//! by sheet, row and column and nothing is written.

mod common;

use common::{check, oversight, run, write_site};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};

const SITE: &str = "title: Test council\norganisation: Testshire County Council\nservice: Children's Services\nlanguage: en-GB\ntoday: 2024-06-30\n";

/// A tracker the way councils keep one: a merged title row, a blank
/// spacer, headings on row 3, a section row per priority, UK dates as
/// text and as real Excel dates, and (when `bad`) one row whose target
/// date cannot be read (row 9, column E).
fn tracker(path: &Path, bad: bool) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Action plan").unwrap();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .merge_range(
            0,
            0,
            0,
            7,
            "Children's Services Improvement Plan 2024",
            &bold,
        )
        .unwrap();
    let heads = [
        "Ref",
        "Action",
        "Ofsted recommendation",
        "Lead officer",
        "Target date",
        "RAG",
        "Progress update",
        "Date of update",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet
            .write_string_with_format(2, c as u16, *h, &bold)
            .unwrap();
    }
    sheet
        .merge_range(3, 0, 3, 7, "Priority 1: Practice quality", &bold)
        .unwrap();
    let row = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, cells: [&str; 8]| {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r, c as u16, *v).unwrap();
            }
        }
    };
    row(
        sheet,
        4,
        [
            "1.1",
            "Audit case files monthly",
            "Management oversight",
            "Head of Quality",
            "31/03/2024",
            "G",
            "Audits running in all teams",
            "15/02/2024",
        ],
    );
    row(
        sheet,
        5,
        [
            "1.2",
            "Reduce caseloads",
            "",
            "Head of Service",
            "",
            "Amber",
            "Recruitment behind plan",
            "March 2024",
        ],
    );
    // A real Excel date in the target column.
    sheet.write_string(6, 0, "1.3").unwrap();
    sheet
        .write_string(6, 1, "Launch the practice framework")
        .unwrap();
    sheet
        .write_datetime_with_format(6, 4, ExcelDateTime::from_ymd(2023, 9, 30).unwrap(), &date)
        .unwrap();
    sheet.write_string(6, 5, "Complete").unwrap();
    // Row 8 is a spacer; row 9 the bad row when asked for.
    let due = if bad { "soon" } else { "30/06/2024" };
    row(
        sheet,
        8,
        [
            "1.4",
            "Improve supervision",
            "",
            "Principal Social Worker",
            due,
            "R",
            "",
            "",
        ],
    );
    sheet
        .merge_range(9, 0, 9, 7, "Priority 2: Leadership", &bold)
        .unwrap();
    // RAG by fill colour alone: green, with no words in the cell.
    row(
        sheet,
        10,
        [
            "2.1",
            "Train team managers",
            "",
            "Workforce lead",
            "Sept 2024",
            "",
            "Two cohorts done",
            "01/05/2024",
        ],
    );
    let green = Format::new().set_background_color(0x00B050);
    sheet.write_blank(10, 5, &green).unwrap();
    book.save(path).unwrap();
}

fn import(file: &Path, content: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut cmd = oversight();
    cmd.arg("import")
        .arg(file)
        .args(["--plan", "plans/imported", "--content"])
        .arg(content)
        .args(extra)
        .env("SOURCE_DATE_EPOCH", "1717200000");
    run(cmd)
}

fn setup(bad: bool) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        SITE,
        &[("index.md", "---\ntitle: Home\n---\nHello.\n")],
    );
    let file = tmp.path().join("tracker.xlsx");
    tracker(&file, bad);
    (tmp, content, file)
}

#[test]
fn a_council_tracker_becomes_a_plan_that_passes_strict_check() {
    let (_tmp, content, file) = setup(false);
    let (code, out, err) = import(&file, &content, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let said = format!("{out}{err}");
    assert!(said.contains("headings on row 3"), "{said}");
    assert!(said.contains("column E \"Target date\" -> Due"), "{said}");
    assert!(said.contains("column F \"RAG\" -> Status"), "{said}");
    assert!(
        said.contains("2 priorities (2 from section rows), 5 actions"),
        "{said}"
    );
    let plan = content.join("plans/imported");
    let index = std::fs::read_to_string(plan.join("index.md")).unwrap();
    assert!(
        index.contains("title: Children's Services Improvement Plan 2024"),
        "{index}"
    );
    assert!(
        index.contains("title: Practice quality") && index.contains("title: Leadership"),
        "{index}"
    );
    // The serialiser quotes some dates; the loader reads either.
    let actions = std::fs::read_to_string(plan.join("actions.yaml"))
        .unwrap()
        .replace('"', "");
    // UK text dates, an Excel date, "March 2023" and "Sept 2024".
    for want in [
        "due: 2024-03-31",
        "due: 2023-09-30",
        "date: 2024-03",
        "due: 2024-09",
        "date: 2024-02-15",
    ] {
        assert!(actions.contains(want), "{want} in\n{actions}");
    }
    for want in [
        "status: green",
        "status: amber",
        "status: blue",
        "status: red",
    ] {
        assert!(actions.contains(want), "{want} in\n{actions}");
    }
    let filled = actions.split("Train team managers").nth(1).unwrap_or("");
    assert!(
        filled.contains("status: green"),
        "RAG by fill in\n{actions}"
    );
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(
        code, 0,
        "check --strict failed:\n{out}{err}\n{index}\n{actions}"
    );
}

#[test]
fn a_bad_row_is_refused_by_sheet_row_and_column_and_nothing_is_written() {
    let (_tmp, content, file) = setup(true);
    let (code, out, err) = import(&file, &content, &[]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains(
            "sheet \"Action plan\", row 9, column E (\"Target date\"): `soon` is not a date"
        ),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!content.join("plans/imported").exists());
}

#[test]
fn skip_bad_leaves_the_bad_row_out_and_the_plan_passes_strict_check() {
    let (_tmp, content, file) = setup(true);
    let (code, out, err) = import(&file, &content, &["--skip-bad"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(format!("{out}{err}").contains("skipped:"), "{out}{err}");
    let actions = std::fs::read_to_string(content.join("plans/imported/actions.yaml")).unwrap();
    assert!(!actions.contains("Improve supervision"), "{actions}");
    assert!(actions.contains("Train team managers"), "{actions}");
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn an_existing_plan_is_never_overwritten_and_dry_run_writes_nothing() {
    let (_tmp, content, file) = setup(false);
    let (code, out, err) = import(&file, &content, &["--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(format!("{out}{err}").contains("would write"), "{out}{err}");
    assert!(!content.join("plans/imported").exists());
    assert_eq!(import(&file, &content, &[]).0, 0);
    let before = std::fs::read(content.join("plans/imported/actions.yaml")).unwrap();
    let (code, _, err) = import(&file, &content, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        before,
        std::fs::read(content.join("plans/imported/actions.yaml")).unwrap()
    );
}

#[test]
fn a_csv_with_a_theme_column_and_a_map() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        SITE,
        &[("index.md", "---\ntitle: Home\n---\nHello.\n")],
    );
    let file = tmp.path().join("tracker.csv");
    std::fs::write(
        &file,
        "No.,Theme,What we will do,Owner,Due,Status,Commentary\n\
         A1,Early help,Open family hubs,Head of Early Help,31/12/2024,Amber,Two of four open\n\
         A2,Early help,Join up the front door,,March 2025,,\n\
         B1,Care leavers,Local offer refreshed,Head of Care Leavers,01/10/2024,Complete,Published\n",
    )
    .unwrap();
    // "What we will do" is not a heading it knows by itself: --map says so.
    let (code, out, err) = import(&file, &content, &["--map", "Title=C"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("column C \"--map Title\" -> Title"),
        "{out}{err}"
    );
    let index = std::fs::read_to_string(content.join("plans/imported/index.md")).unwrap();
    assert!(
        index.contains("title: Early help") && index.contains("title: Care leavers"),
        "{index}"
    );
    let actions = std::fs::read_to_string(content.join("plans/imported/actions.yaml"))
        .unwrap()
        .replace('"', "");
    assert!(
        actions.contains("id: A1") && actions.contains("due: 2025-03"),
        "{actions}"
    );
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{out}{err}");
}

/// The figure for the report: a 300-action tracker in ten sections.
/// `cargo test --release --test import -- --ignored --nocapture`
#[test]
#[ignore]
fn time_a_300_action_tracker() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        SITE,
        &[("index.md", "---\ntitle: Home\n---\nHello.\n")],
    );
    let file = tmp.path().join("big.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(0, 0, 0, 7, "Big plan", &Format::new())
        .unwrap();
    for (c, h) in [
        "Ref",
        "Action",
        "Lead officer",
        "Target date",
        "RAG",
        "Progress update",
        "Date of update",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let mut r = 3;
    for p in 1..=10 {
        sheet
            .merge_range(
                r,
                0,
                r,
                6,
                &format!("Priority {p}: Theme {p}"),
                &Format::new(),
            )
            .unwrap();
        r += 1;
        for a in 1..=30 {
            let cells = [
                format!("{p}.{a}"),
                format!("Action {a} of priority {p}"),
                "Head of Service".into(),
                format!("{:02}/{:02}/2024", 1 + a % 28, 1 + a % 12),
                ["R", "A", "G", "B"][a % 4].into(),
                "A note on progress this month.".into(),
                "March 2024".into(),
            ];
            for (c, v) in cells.iter().enumerate() {
                sheet.write_string(r, c as u16, v).unwrap();
            }
            r += 1;
        }
    }
    book.save(&file).unwrap();
    let start = std::time::Instant::now();
    let (code, out, err) = import(&file, &content, &[]);
    let took = start.elapsed();
    assert_eq!(code, 0, "{out}{err}");
    assert!(format!("{out}{err}").contains("300 actions"), "{out}{err}");
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{out}{err}");
    println!(
        "import of 300 actions: {} ms (process start included)",
        took.as_millis()
    );
}

#[test]
fn headings_over_two_rows_are_read_together() {
    // "Ref", "Action" and "RAG" merged down over two rows; "Dates" merged
    // across "Target" and "Revised", which name a field only with it.
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        SITE,
        &[("index.md", "---\ntitle: Home\n---\nHello.\n")],
    );
    let file = tmp.path().join("tracker.csv");
    std::fs::write(
        &file,
        "Improvement plan 2024,,,,,\n\
         Ref,Action,Lead officer,Dates,,RAG\n\
         ,,,Target,Revised,\n\
         1.1,Audit every open case,Head of Service,31/03/2024,30/09/2024,Amber\n",
    )
    .unwrap();
    let (code, out, err) = import(&file, &content, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let actions = std::fs::read_to_string(content.join("plans/imported/actions.yaml")).unwrap();
    for want in [
        "id: '1.1'",
        "title: Audit every open case",
        "owner: Head of Service",
        "2024-03-31",
        "2024-09-30",
        "status: amber",
    ] {
        assert!(
            actions.contains(want) || actions.contains(&want.replace('\'', "\"")),
            "{want} in\n{actions}"
        );
    }
    assert!(actions.contains("revised_due"), "{actions}");
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn a_status_in_the_sites_own_words_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        &format!("{SITE}statuses:\n  red: Needs escalation\n"),
        &[("index.md", "---\ntitle: Home\n---\nHello.\n")],
    );
    let file = tmp.path().join("tracker.csv");
    std::fs::write(
        &file,
        "Ref,Action,Owner,Due,Status\n1,Fix the front door,Head of Service,31/03/2024,needs escalation\n",
    )
    .unwrap();
    let (code, out, err) = import(&file, &content, &[]);
    assert_eq!(code, 0, "{out}{err}");
    let actions = std::fs::read_to_string(content.join("plans/imported/actions.yaml")).unwrap();
    assert!(actions.contains("status: red"), "{actions}");
}
