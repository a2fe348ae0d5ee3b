//! The data downloads: CSV files that open cleanly in Excel and round-trip
//! through a CSV reader, and `data/site.json`, which validates against the
//! schema in `docs/`.

mod common;
use common::*;
use std::path::Path;

fn built(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture(name), &out, &[]);
    assert_eq!(code, 0, "{err}");
    (tmp, out)
}

/// The rows of a CSV file, header first, after checking it is made for Excel.
fn rows(out: &Path, name: &str) -> Vec<Vec<String>> {
    let bytes = std::fs::read(out.join("data").join(name)).unwrap();
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "{name} starts with a BOM"
    );
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert!(
        text.split('\n')
            .filter(|l| !l.is_empty())
            .all(|l| l.ends_with('\r'))
            || text.contains("\"\r\n"),
        "{name} ends its lines with CRLF"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("parses").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn actions_csv_has_the_right_columns_and_every_action() {
    let (_t, out) = built("valid");
    let table = rows(&out, "actions.csv");
    assert_eq!(
        table[0],
        [
            "Plan",
            "Priority",
            "Ref",
            "Title",
            "Owner",
            "Due",
            "Revised due",
            "Status",
            "Trend",
            "Overdue",
            "Last update",
            "Last update note",
            "Addresses"
        ]
    );
    assert_eq!(
        table.len(),
        1 + 5,
        "a row per published action, none from the draft plan"
    );
    let p12 = table.iter().find(|r| r[2] == "P1.2").expect("P1.2");
    assert_eq!(p12[0], "Recovery plan");
    assert_eq!(p12[1], "P1 Practice");
    assert_eq!(
        &p12[5..12],
        [
            "2023-12-31",
            "",
            "Off track",
            "Worsening",
            "Yes",
            "2024-03-01",
            "Slipped after staff losses."
        ]
    );
    assert_eq!(p12[12], "inspections/2023-05-ilacs#rec-one");
    let p21 = table.iter().find(|r| r[2] == "P2.1").expect("P2.1");
    assert_eq!((p21[6].as_str(), p21[9].as_str()), ("2024-12-31", "No"));
}

#[test]
fn every_list_links_its_spreadsheet_and_every_spreadsheet_parses() {
    let (_t, out) = built("valid");
    for (page, csv) in [
        ("inspections/index.html", "inspections.csv"),
        ("visits/index.html", "visits.csv"),
        ("plans/index.html", "actions.csv"),
        ("meetings/index.html", "meetings.csv"),
        ("indicators/index.html", "indicators.csv"),
        ("risks/index.html", "risks.csv"),
        ("recommendations/index.html", "recommendations.csv"),
        ("status/index.html", "actions.csv"),
    ] {
        let html = read(&out, page);
        assert!(
            html.contains(&format!("href=\"../data/{csv}\" download")),
            "{page} links {csv}"
        );
        let table = rows(&out, csv);
        assert!(table.len() > 1, "{csv} has rows");
        assert!(
            table.iter().all(|r| r.len() == table[0].len()),
            "{csv} is rectangular"
        );
    }
    let recs = rows(&out, "recommendations.csv");
    let rec2 = recs.iter().find(|r| r[2] == "rec-2").unwrap();
    assert_eq!(rec2[5], "No", "answered only in exempt and draft papers");
}

#[test]
fn text_that_looks_like_a_formula_stays_text_in_a_spreadsheet() {
    let (_t, out) = built("hostile");
    let table = rows(&out, "actions.csv");
    let a2 = table.iter().find(|r| r[2] == "A2").expect("A2");
    assert!(a2[3].starts_with("'=HYPERLINK("), "{:?}", a2[3]);
    assert!(a2[4].starts_with("'+cmd"), "{:?}", a2[4]);
    assert!(a2[11].starts_with("'@SUM"), "{:?}", a2[11]);
    for row in &table {
        for c in row {
            assert!(
                !c.starts_with(['=', '+', '@']),
                "{c:?} would run as a formula"
            );
        }
    }
}

#[test]
fn site_json_validates_against_its_schema_and_carries_derived_statuses() {
    let (_t, out) = built("valid");
    validate(&out);
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/site.json")).unwrap())
            .unwrap();
    let plan = data["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "plans/recovery")
        .unwrap();
    assert_eq!(plan["status"]["rag"], "red");
    let p3 = plan["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "P3")
        .unwrap();
    assert_eq!(
        (p3["status"]["rag"].as_str(), p3["set_by_hand"].as_bool()),
        (Some("green"), Some(true))
    );
    let p12 = plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "P1.2")
        .unwrap();
    assert_eq!(p12["overdue"], true);
    assert_eq!(p12["trend"], "Worsening");
    let ids: Vec<&str> = data["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert!(
        !ids.iter()
            .any(|i| i.contains("staffing") || i.contains("secret")),
        "{ids:?}"
    );
}

#[test]
fn the_example_hostile_and_v2_sites_validate_too() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("example");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    assert_eq!(build(&content, &out, &[]).0, 0);
    validate(&out);
    let (_t, hostile) = built("hostile");
    validate(&hostile);
    // The v2 fixtures: attachments, risk history, a refreshed record.
    for fixture in ["attachments", "risk-history"] {
        let (_t, out) = built(fixture);
        validate(&out);
    }
}

#[test]
fn the_schema_rejects_what_the_tool_never_writes() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/site.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let (_t, out) = built("valid");
    let good: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/site.json")).unwrap())
            .unwrap();
    assert!(validator.is_valid(&good));
    let mut bad = good.clone();
    let docs = bad["documents"].as_array_mut().unwrap();
    let plan = docs
        .iter_mut()
        .find(|d| d["id"] == "plans/recovery")
        .unwrap();
    plan["actions"][0]["status"]["rag"] = serde_json::json!("purple");
    assert!(!validator.is_valid(&bad), "an unknown status is refused");
    let mut bad = good;
    bad["documents"][0]["kind"] = serde_json::json!("memo");
    assert!(!validator.is_valid(&bad), "an unknown kind is refused");
}

#[test]
fn an_actions_trend_compares_its_last_two_updates_not_its_first_and_last() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = "---\ntitle: Plan\npriorities:\n  - { id: P1, title: Practice }\n---\n";
    // Red, then green, then amber: worse than the update before, though
    // better than the first.
    let actions = "- id: P1.1\n  priority: P1\n  title: Supervision\n  updates:\n    - { date: 2024-01-01, status: red }\n    - { date: 2024-02-01, status: green }\n    - { date: 2024-03-01, status: amber }\n- id: P1.2\n  priority: P1\n  title: Audits\n  updates:\n    - { date: 2024-01-01, status: green }\n    - { date: 2024-02-01, status: red }\n    - { date: 2024-03-01, status: amber }\n";
    let content = write_site(
        tmp.path(),
        "title: Trends\ntoday: 2024-06-30\n",
        &[
            ("plans/p/index.md", plan),
            ("plans/p/actions.yaml", actions),
        ],
    );
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let rows = rows(&out, "actions.csv");
    let col = rows[0]
        .iter()
        .position(|h| h == "Trend")
        .expect("a Trend column");
    let trend = |id: &str| {
        rows.iter()
            .find(|r| r.iter().any(|c| c == id))
            .map(|r| r[col].clone())
            .unwrap_or_default()
    };
    assert_eq!(trend("P1.1"), "Worsening", "{rows:?}");
    assert_eq!(trend("P1.2"), "Improving", "{rows:?}");
    let page = read(&out, "plans/p/actions/P1.1/index.html");
    assert!(page.contains("Worsening"), "{page}");
}
