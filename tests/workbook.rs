//! `data/oversight.xlsx`, the members' workbook: it opens (read back with
//! calamine), holds what `site.json` and the CSV files hold, shows dates as
//! dates and statuses in words and colour, keeps formula-like text as text,
//! and is the same bytes for the same input and date.

mod common;
use calamine::{Data, Reader, Xlsx};
use common::*;
use std::io::Cursor;
use std::path::Path;

fn built(name: &str, extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture(name), &out, extra);
    assert_eq!(code, 0, "{name} builds: {err}");
    (tmp, out)
}

/// Every sheet of the workbook: its name and its rows, header first.
fn sheets(out: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let bytes = std::fs::read(out.join("data/oversight.xlsx")).expect("workbook written");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet reads");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

fn sheet<'a>(all: &'a [(String, Vec<Vec<Data>>)], name: &str) -> &'a [Vec<Data>] {
    &all.iter().find(|(n, _)| n == name).expect(name).1
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The rows of a CSV file, header first.
fn csv_rows(out: &Path, name: &str) -> Vec<Vec<String>> {
    let bytes = std::fs::read(out.join("data").join(name)).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// An Excel date cell as `YYYY-MM-DD`.
fn day(d: &Data) -> String {
    let Data::DateTime(x) = d else {
        panic!("{d:?} is not a date")
    };
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (epoch + chrono::Duration::days(x.as_f64() as i64))
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn the_workbook_reads_back_and_matches_site_json_and_the_csv_files() {
    let (_t, out) = built("valid", &[]);
    let all = sheets(&out);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Actions",
            "Updates",
            "Recommendations",
            "Risks",
            "Indicators"
        ]
    );
    let data: serde_json::Value =
        serde_json::from_str(&read(&out, "data/site.json")).expect("JSON");
    let actions: Vec<&serde_json::Value> = data["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["actions"].as_array())
        .flatten()
        .collect();

    // Actions: the CSV's columns and the addresses in words; one row per
    // action, with its status in the site's words.
    let sheet_actions = sheet(&all, "Actions");
    let csv_actions = csv_rows(&out, "actions.csv");
    let mut header = csv_actions[0].clone();
    header.push("Addresses in words".into());
    assert_eq!(
        sheet_actions[0].iter().map(text).collect::<Vec<_>>(),
        header
    );
    assert_eq!(sheet_actions.len() - 1, actions.len());
    assert!(actions.len() > 1);
    for (row, a) in sheet_actions[1..].iter().zip(&actions) {
        assert_eq!(text(&row[2]), a["id"].as_str().unwrap());
        assert_eq!(text(&row[7]), a["status"]["label"].as_str().unwrap());
    }
    for (row, csv) in sheet_actions[1..].iter().zip(&csv_actions[1..]) {
        for c in [0, 1, 2, 3, 4, 7, 8, 9, 11, 12] {
            assert_eq!(text(&row[c]), csv[c], "column {}", csv_actions[0][c]);
        }
        // Due is a real date, the same day as the CSV's.
        if !csv[5].is_empty() && csv[5].len() == 10 {
            assert_eq!(day(&row[5]), csv[5]);
        }
    }
    assert!(
        sheet_actions[1..]
            .iter()
            .any(|r| text(&r[13]).contains("inspection")),
        "addresses in words: {sheet_actions:?}"
    );

    // Updates: one row per update of every action, dates as dates.
    let updates = sheet(&all, "Updates");
    let total: usize = actions
        .iter()
        .map(|a| a["updates"].as_array().unwrap().len())
        .sum();
    assert!(total > 1);
    assert_eq!(updates.len() - 1, total);
    let first = actions
        .iter()
        .find_map(|a| a["updates"].as_array().unwrap().first())
        .unwrap();
    let iso = first["date"].as_str().unwrap();
    assert_eq!(&day(&updates[1][3])[..iso.len()], iso);
    assert_eq!(
        text(&updates[1][4]),
        first["status"]["label"].as_str().unwrap()
    );

    // Recommendations, risks and indicators: as many rows as the CSVs.
    for (name, file) in [
        ("Recommendations", "recommendations.csv"),
        ("Risks", "risks.csv"),
        ("Indicators", "indicators.csv"),
    ] {
        assert_eq!(
            sheet(&all, name).len(),
            csv_rows(&out, file).len(),
            "{name}"
        );
    }
    let recs = sheet(&all, "Recommendations");
    assert_eq!(
        recs[0].iter().map(text).collect::<Vec<_>>(),
        csv_rows(&out, "recommendations.csv")[0]
    );
    let risks = sheet(&all, "Risks");
    assert_eq!(text(&risks[0][7]), "Previous score");
    // Scores and values are numbers, as the CSV writes them.
    let csv_risks = csv_rows(&out, "risks.csv");
    assert!(matches!(risks[1][5], Data::Float(_)), "{:?}", risks[1][5]);
    assert_eq!(text(&risks[1][5]), csv_risks[1][5]);
    let values = sheet(&all, "Indicators");
    assert!(matches!(values[1][3], Data::Float(_)), "{:?}", values[1][3]);
}

/// The XML files inside the workbook, by name.
fn xml(out: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(out.join("data/oversight.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut f, &mut s).unwrap();
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

#[test]
fn each_sheet_has_a_frozen_header_a_filter_and_status_colours() {
    let (_t, out) = built("valid", &[]);
    let files = xml(&out);
    for i in 1..=5 {
        let (_, s) = files
            .iter()
            .find(|(n, _)| *n == format!("xl/worksheets/sheet{i}.xml"))
            .expect("sheet");
        assert!(s.contains("state=\"frozen\""), "sheet{i} frozen");
        assert!(s.contains("<autoFilter"), "sheet{i} filtered");
        assert!(s.contains("<cols>"), "sheet{i} widths");
        // Printed on A4 landscape, a page wide.
        assert!(
            s.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#),
            "sheet{i} print set-up"
        );
    }
    // The heading row repeats on every printed page.
    let (_, book) = files.iter().find(|(n, _)| n == "xl/workbook.xml").unwrap();
    assert!(book.contains("_xlnm.Print_Titles"), "{book}");
    let (_, styles) = files.iter().find(|(n, _)| n == "xl/styles.xml").unwrap();
    // The theme's red behind the status words, and the site's own green
    // (`statuses: green: colour` in site.yaml) in place of the theme's.
    assert!(styles.contains("FFC0281B"), "{styles}");
    assert!(
        styles.contains("FF005EA5") && !styles.contains("FFCCE2D8"),
        "{styles}"
    );
    assert!(styles.contains("wrapText=\"1\""));
    assert!(styles.contains("mmmm yyyy"));
}

#[test]
fn a_row_with_a_long_note_is_tall_enough_to_show_it() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&fixture("valid"), &content);
    let long = format!("{} ", common::P12_NOTE).repeat(12);
    common::set_p12_note(&content, long.trim());
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let files = xml(&out);
    let sheet = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
    // Spreadsheet programs do not grow a row to its wrapped text on
    // opening, so the row is given a height: the Updates sheet's row of the
    // 335-character note (six lines at 60 characters), and no other.
    let updates = sheet("xl/worksheets/sheet2.xml");
    assert_eq!(
        updates.matches(r#"ht="90" customHeight="1""#).count(),
        1,
        "{updates}"
    );
    assert_eq!(updates.matches("customHeight").count(), 1, "{updates}");
    assert!(!sheet("xl/worksheets/sheet5.xml").contains("customHeight"));
}

#[test]
fn the_same_input_and_date_give_the_same_workbook() {
    let (_t1, a) = built("valid", &["--as-of", "2024-07-01"]);
    let (_t2, b) = built("valid", &["--as-of", "2024-07-01"]);
    let (x, y) = (
        std::fs::read(a.join("data/oversight.xlsx")).unwrap(),
        std::fs::read(b.join("data/oversight.xlsx")).unwrap(),
    );
    assert!(x == y, "two builds differ");
    let files = xml(&a);
    let (_, core) = files
        .iter()
        .find(|(n, _)| n == "docProps/core.xml")
        .unwrap();
    assert!(core.contains("2024-07-01T00:00:00Z"), "{core}");
}

#[test]
fn text_that_looks_like_a_formula_stays_text_in_the_workbook() {
    let (_t, out) = built("hostile", &[]);
    let all = sheets(&out);
    let a2 = sheet(&all, "Actions")
        .iter()
        .find(|r| text(&r[2]) == "A2")
        .expect("A2");
    assert!(
        matches!(&a2[3], Data::String(s) if s.starts_with("=HYPERLINK(")),
        "{:?}",
        a2[3]
    );
    for (name, s) in xml(&out) {
        assert!(!s.contains("<f>"), "{name} holds a formula");
    }
}

#[test]
fn every_list_links_the_workbook() {
    let (_t, out) = built("valid", &[]);
    for list in ["plans", "status", "recommendations", "risks", "indicators"] {
        let page = read(&out, &format!("{list}/index.html"));
        assert!(
            page.contains(
                "<a href=\"../data/oversight.xlsx\" download>Download everything as an Excel workbook</a>"
            ),
            "{list}: {page}"
        );
    }
}

#[test]
fn risks_show_the_score_before_the_last_review_and_month_dates_as_dates() {
    let (_t, out) = built("risk-history", &[]);
    let all = sheets(&out);
    let risks = sheet(&all, "Risks");
    let header: Vec<String> = risks[0].iter().map(text).collect();
    assert_eq!(
        header[5..11],
        [
            "Score",
            "Band",
            "Previous score",
            "Previous band",
            "Direction",
            "Since"
        ]
    );
    let row = |id: &str| risks.iter().find(|r| text(&r[0]) == id).expect(id);
    // R1 went from 4 × 4 to 3 × 4; R2 from 2 × 2 to 4 × 5; R4 has one review.
    assert_eq!(
        (
            text(&row("R1")[5]),
            text(&row("R1")[7]),
            text(&row("R1")[9])
        ),
        ("12".into(), "16".into(), "Lower".into())
    );
    assert_eq!(
        (text(&row("R2")[7]), text(&row("R2")[9])),
        ("4".into(), "Higher".into())
    );
    assert_eq!(text(&row("R4")[7]), "");
    // "Since" 2024-01 is a month-only date: the month's first day.
    assert_eq!(day(&row("R2")[10]), "2024-01-01");
}
