//! (v2) Risk history: a risk's current score by its band, which way it
//! moved since the review before, its target and its score over time; risks
//! counted by band apart from the statuses of actions; and the errors a bad
//! review order or band list gives.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn built(content: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "builds with no warnings: {err}");
    (tmp, out)
}

/// A risk's row in the register's table.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    between(html, &format!("<tr id=\"{id}\">"), "</tr>")
}

#[test]
fn the_register_shows_each_risk_by_band_with_its_direction_target_and_chart() {
    let (_t, out) = built(&fixture("risk-history"));
    let html = read(&out, "risks/index.html");

    let r1 = row(&html, "R1");
    assert!(
        r1.contains("<strong class=\"risk-band\">High (12)</strong>"),
        "the last review's score, not the risk's own 4 × 5: {r1}"
    );
    assert!(r1.contains("Lower since 1 June 2023"), "{r1}");
    assert!(r1.contains("<td>Medium (6)<br>"), "the target: {r1}");
    assert!(r1.contains("<desc id=\"R1-scores-desc\">Score at each review: 1 June 2023, High (16); 1 March 2024, High (12). Target: Medium (6).</desc>"), "{r1}");
    assert!(
        r1.contains("1 June 2023</time>: High (16)") && r1.contains("Before the new front door."),
        "the reviews in words, with their notes: {r1}"
    );
    assert!(
        r1.contains("<td>1 March 2024</td>"),
        "reviewed: the last review, later than `reviewed`: {r1}"
    );

    let r2 = row(&html, "R2");
    assert!(
        r2.contains("Very high (20)") && r2.contains("Higher since January 2024"),
        "{r2}"
    );
    let r5 = row(&html, "R5");
    assert!(
        r5.contains("No change since 1 November 2023"),
        "3 × 2 then 2 × 3: {r5}"
    );
    let r4 = row(&html, "R4");
    assert!(
        r4.contains("Medium (9)") && r4.contains("No earlier review") && !r4.contains("<svg"),
        "one review: no direction, no chart: {r4}"
    );
    let r3 = row(&html, "R3");
    assert!(
        r3.contains("Medium (6)") && r3.contains("No earlier review") && !r3.contains("<svg"),
        "{r3}"
    );

    let order: Vec<usize> = ["R2", "R1", "R4"]
        .iter()
        .map(|id| html.find(&format!("<tr id=\"{id}\">")).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "highest current score first"
    );
    assert!(
        html.contains("Risks by current score: 1 Very high, 1 High, 3 Medium."),
        "{html}"
    );

    let map = between(&html, "<svg", "</svg>");
    assert!(
        map.contains(
            "R1 Children wait too long at the front door: likelihood 3, impact 4, score 12."
        ),
        "the heat map places a risk by its current score: {map}"
    );
}

#[test]
fn a_risks_status_is_labelled_as_its_mitigations() {
    let (_t, out) = built(&fixture("risk-history"));
    let html = read(&out, "risks/index.html");
    let r2 = row(&html, "R2");
    assert!(
        r2.contains("<strong class=\"tag tag-red\">Mitigation: Off track</strong>"),
        "{r2}"
    );
    assert!(row(&html, "R1").contains("tag-green\">Mitigation: On track</strong>"));
    assert!(row(&html, "R3").contains("tag-amber\">Mitigation: At risk</strong>"));
    // The only bare status is the action's in the chain under R2.
    assert_eq!(html.matches(">Off track</strong>").count(), 1, "{html}");
    assert!(between(r2, "<div class=\"chain\">", "</div>").contains(">Off track</strong>"));
    // Search shows the same words beside a found risk.
    let index = search_records(&out);
    let found = between(&index, "{\"u\":\"risks/index.html#R2\"", "}");
    assert!(
        found.contains("\"s\":\"Mitigation: Off track\",\"r\":\"red\""),
        "{found}"
    );
}

#[test]
fn the_home_and_status_pages_count_risks_by_band_apart_from_actions() {
    let (_t, out) = built(&fixture("risk-history"));
    let home = read(&out, "index.html");
    let glance = between(&home, "<section class=\"glance\"", "</section>");
    assert!(
        glance.contains("<a href=\"risks/index.html\">Risks: 1 Very high, 1 High, 3 Medium</a>"),
        "{glance}"
    );
    // Off track: action P1.1 (the home page counts actions); not R2, whose
    // mitigation is red. At risk: nothing; not R3, whose mitigation is amber.
    assert!(
        glance.contains(
            "<span class=\"glance-count\">1</span> <strong class=\"tag tag-red\">Off track</strong>"
        ),
        "{glance}"
    );
    assert!(
        glance.contains(
            "<span class=\"glance-count\">0</span> <strong class=\"tag tag-amber\">At risk</strong>"
        ),
        "{glance}"
    );

    let status = read(&out, "status/index.html");
    let counts = between(
        &status,
        "<caption>How many of each are at each status</caption>",
        "</table>",
    );
    assert!(
        !counts.contains("Risk"),
        "no risks among the statuses: {counts}"
    );
    assert!(
        !status.contains("Not enough social workers"),
        "no risk listed by status"
    );
    let bands = between(
        &status,
        "<h2 id=\"risks-h\">Risks by current score</h2>",
        "</section>",
    );
    for (band, scores, n) in [
        ("Very high", "17 to 25", 1),
        ("High", "10 to 16", 1),
        ("Medium", "5 to 9", 3),
        ("Low", "1 to 4", 0),
    ] {
        assert!(
            bands.contains(&format!(
                "<tr><th scope=\"row\">{band}</th><td>{scores}</td><td>{n}</td></tr>"
            )),
            "{band}: {bands}"
        );
    }
}

#[test]
fn the_spreadsheet_and_json_carry_the_current_score_band_and_direction() {
    let (_t, out) = built(&fixture("risk-history"));
    let csv = read(&out, "data/risks.csv");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Ref,Risk,Owner,Likelihood,Impact,Score,Band,Direction,Since,Target score,Target band,Mitigation status,Reviewed,Mitigation"
    );
    let r1 = lines.iter().find(|l| l.starts_with("R1,")).unwrap();
    assert!(
        r1.contains(",3,4,12,High,Lower,2023-06-01,6,Medium,On track,2024-03-01,"),
        "{r1}"
    );

    let json: serde_json::Value = serde_json::from_str(&read(&out, "data/site.json")).unwrap();
    let register = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "risks")
        .unwrap();
    let r2 = register["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "R2")
        .unwrap();
    assert_eq!(
        r2["current"],
        serde_json::json!({ "likelihood": 4, "impact": 5, "score": 20, "band": "Very high" })
    );
    assert_eq!(
        (r2["direction"].as_str(), r2["direction_since"].as_str()),
        (Some("higher"), Some("2024-01"))
    );
    assert_eq!(r2["score"], 4, "as written: 2 × 2");
    assert_eq!(r2["reviews"].as_array().map(Vec::len), Some(2));

    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/site.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let mut extra = json.clone();
    extra["documents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == "risks")
        .unwrap()["risks"][0]["current"]["colour"] = "red".into();
    assert!(
        !validator.is_valid(&extra),
        "the schema knows every field of a score"
    );
}

#[test]
fn a_sites_own_bands_name_the_scores() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        "title: Bands\nrisk_bands:\n  - { name: Tolerable, up_to: 12 }\n  - { name: Intolerable, up_to: 25 }\n",
        &[(
            "risks.yaml",
            "- { id: R1, title: Workforce, likelihood: 4, impact: 4 }\n- { id: R2, title: Data, likelihood: 3, impact: 4 }\n",
        )],
    );
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let html = read(&out, "risks/index.html");
    assert!(
        row(&html, "R1").contains("Intolerable (16)")
            && row(&html, "R2").contains("Tolerable (12)"),
        "{html}"
    );
    assert!(
        html.contains(">Tolerable 1–12</text>") && html.contains(">Intolerable 13–25</text>"),
        "the heat map's key"
    );
    assert!(read(&out, "index.html").contains("Risks: 1 Intolerable, 1 Tolerable"));
}

/// The first error at `file:line:col`, and the help after it.
fn error_at(dir: &Path, file: &str, at: &str) -> String {
    let (code, _, err) = check(dir, &[]);
    assert_eq!(code, 1, "{err}");
    let name = format!("{}/{file}:{at}: error: ", dir.display());
    let start = err
        .find(&name)
        .unwrap_or_else(|| panic!("no error at {name}\n{err}"));
    err[start..].split("\n\n").next().unwrap().to_string()
}

#[test]
fn reviews_out_of_date_order_are_an_error_at_the_review() {
    let dir = fixture("bad/risk-reviews-order");
    let e = error_at(&dir, "risks.yaml", "7:15");
    assert!(
        e.contains("reviews go oldest first, but 2023-06-01 comes after 2024-03-01"),
        "{e}"
    );
    assert!(
        e.contains("help: put the reviews in date order, oldest first"),
        "{e}"
    );
    let e = error_at(&dir, "risks.yaml", "8:39");
    assert!(
        e.contains("`likelihood` should be a whole number from 1 to 5, not `6`"),
        "{e}"
    );
    let e = error_at(&dir, "risks.yaml", "9:11");
    assert!(e.contains("a risk's `target` has no `impact`"), "{e}");
}

#[test]
fn a_bad_band_list_is_an_error_in_site_yaml() {
    let dir = fixture("bad/risk-bands");
    for (at, words) in [
        (
            "4:28",
            "risk bands go lowest first, but `Medium` ends at 6, not above `Low` before it (up to 9)",
        ),
        ("5:13", "a risk band's `name` is empty"),
        (
            "6:13",
            "the risk band `low` has the same name as `Low` on line 3",
        ),
        (
            "7:26",
            "the last risk band ends at 20, so scores 21 to 25 have no band",
        ),
    ] {
        let e = error_at(&dir, "site.yaml", at);
        assert!(e.contains(words), "{at}: {e}");
        assert!(e.contains("help: "), "{at}: says what would be right: {e}");
    }
}
