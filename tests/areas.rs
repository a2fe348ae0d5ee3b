//! (v2) Judgement areas across frameworks: a grade given to a combined area
//! before 2023 shows in each row it covers, marked "judged together"; each
//! scale has its own table; an inspection's report day is on the timeline;
//! `covers` that names no area is an error at its line.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const SITE: &str = "title: Areas\nbase_url: https://intranet.example/\ntoday: 2024-01-31\n";

const ILACS_2019: &str = "---
title: Inspection 2019
inspectorate: Ofsted
framework: ILACS
scale: ofsted-ilacs
start: 2019-02-25
end: 2019-03-08
published: 2019-05
judgements:
  - area: Overall effectiveness
    grade: Inadequate
    overall: true
  - area: The experiences and progress of children in care and care leavers
    grade: Inadequate
---
";

const ILACS_2023: &str = "---
title: Inspection 2023
inspectorate: Ofsted
framework: ILACS
scale: ofsted-ilacs
start: 2023-03-13
end: 2023-03-24
published: 2023-05-09
judgements:
  - area: Overall effectiveness
    grade: Requires improvement to be good
    overall: true
  - area: THE EXPERIENCES, AND PROGRESS, OF CHILDREN IN CARE
    grade: Good
  - area: Care leavers
    grade: Requires improvement to be good
---
";

const HMIP: &str = "---
title: Youth justice inspection
inspectorate: HM Inspectorate of Probation
scale: hmip
start: 2022-03-14
judgements:
  - area: Overall rating
    grade: Good
    overall: true
---
";

fn site(dir: &Path, site_yaml: &str) -> PathBuf {
    write_site(
        dir,
        site_yaml,
        &[
            ("inspections/2019-ilacs.md", ILACS_2019),
            ("inspections/2023-ilacs.md", ILACS_2023),
            ("inspections/2022-hmip.md", HMIP),
        ],
    )
}

fn built(site_yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(tmp.path(), site_yaml);
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    (tmp, out)
}

/// The cells of the row headed `area`, as text with the tags taken out.
fn row(table: &str, area: &str) -> Vec<String> {
    let tr = between(table, &format!("<th scope=\"row\">{area}</th>"), "</tr>");
    // Cells open `<td>` or `<td data-label="...">` (labelled for phones).
    tr.split("<td")
        .skip(1)
        .map(|td| td.split_once('>').map_or("", |(_, cell)| cell))
        .map(|td| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in td.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                        text.push(' ');
                    }
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn a_combined_2019_grade_shows_in_both_2023_rows_judged_together() {
    let (_t, out) = built(SITE);
    let html = read(&out, "inspections/index.html");
    let ilacs = between(&html, "id=\"judgements-ofsted-ilacs\"", "</table>");
    assert!(
        ilacs.contains("Judgements over time: Ofsted ILACS, oldest inspection first"),
        "{ilacs}"
    );
    let together = "Inadequate Judged together as “The experiences and progress of children in care and care leavers”";
    assert_eq!(
        row(ilacs, "The experiences and progress of children in care"),
        [together, "Good"]
    );
    assert_eq!(
        row(ilacs, "The experiences and progress of care leavers"),
        [together, "Requires improvement to be good"]
    );
    assert_eq!(
        row(ilacs, "Overall effectiveness"),
        ["Inadequate", "Requires improvement to be good"]
    );
    // The combined area is not a row of its own.
    assert!(
        !ilacs.contains(
            "<th scope=\"row\">The experiences and progress of children in care and care leavers"
        ),
        "{ilacs}"
    );
    assert!(!ilacs.contains("Not judged"), "{ilacs}");
}

#[test]
fn each_scale_has_its_own_table() {
    let (_t, out) = built(SITE);
    let html = read(&out, "inspections/index.html");
    let ilacs = between(&html, "id=\"judgements-ofsted-ilacs\"", "</table>");
    assert!(
        !ilacs.contains("14 March 2022") && !ilacs.contains("Overall rating"),
        "{ilacs}"
    );
    let hmip = between(&html, "id=\"judgements-hmip\"", "</table>");
    assert!(
        hmip.contains(
            "Judgements over time: HM Inspectorate of Probation, oldest inspection first"
        ) && hmip.contains("14 March 2022"),
        "{hmip}"
    );
    assert_eq!(row(hmip, "Overall rating"), ["Good"]);
    assert!(!hmip.contains("Not judged"), "{hmip}");
}

#[test]
fn a_site_area_names_the_row_and_matches_by_also_ignoring_case_and_punctuation() {
    let yaml = format!(
        "{SITE}areas:
  - name: Children in care
    also: [The experiences and progress of children in care]
  - name: Children in care and care leavers
    also: [The experiences and progress of children in care and care leavers]
    covers: [Children in care, Care leavers]
"
    );
    let (_t, out) = built(&yaml);
    let html = read(&out, "inspections/index.html");
    let ilacs = between(&html, "id=\"judgements-ofsted-ilacs\"", "</table>");
    assert_eq!(
        row(ilacs, "Children in care"),
        [
            "Inadequate Judged together as “The experiences and progress of children in care and care leavers”",
            "Good"
        ]
    );
    assert!(
        !ilacs.contains("<th scope=\"row\">The experiences and progress of children in care</th>"),
        "the site's area replaces the built-in one: {ilacs}"
    );
}

#[test]
fn a_published_report_is_a_second_timeline_entry_on_its_day() {
    let (_t, out) = built(SITE);
    let html = read(&out, "timeline/index.html");
    let first = between(&html, "<time datetime=\"2023-03-13\">", "</li>");
    assert!(
        first.contains("13 March 2023</time> <span class=\"event-type\">Inspection</span>")
            && first.contains("Inspection 2023</a>"),
        "{first}"
    );
    let report = between(&html, "<time datetime=\"2023-05-09\">", "</li>");
    assert!(
        report.contains("9 May 2023</time> <span class=\"event-type\">Report published</span>")
            && report.contains("Inspection 2023</a>")
            && report.contains(
                "Overall: <strong class=\"tag tag-amber\">Requires improvement to be good</strong>"
            ),
        "{report}"
    );
    // A month-only publication reads as its month.
    let old = between(&html, "<time datetime=\"2019-05\">", "</li>");
    assert!(
        old.contains("May 2019</time> <span class=\"event-type\">Report published</span>"),
        "{old}"
    );
    // The home page lists the inspection once, by its report.
    let home = read(&out, "index.html");
    let latest = between(&home, "id=\"latest-events-h\"", "</section>");
    assert_eq!(latest.matches("Inspection 2023</a>").count(), 1, "{latest}");
    assert!(
        latest.contains("9 May 2023</time> · Report published"),
        "{latest}"
    );
}

#[test]
fn covers_naming_no_area_is_an_error_at_its_line_with_the_nearest_name() {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = format!(
        "{SITE}areas:
  - name: Help and protection together
    covers: [Children in care, Care leaver]
"
    );
    let content = site(tmp.path(), &yaml);
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "site.yaml:6:32: error: `covers` names `Care leaver`, which is not a judgement area"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `Care leavers`?"), "{err}");
}

#[test]
fn a_report_published_before_the_inspection_began_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(tmp.path(), SITE);
    let early = ILACS_2023.replace("published: 2023-05-09", "published: 2023-02");
    std::fs::write(content.join("inspections/2023-ilacs.md"), early).unwrap();
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "2023-ilacs.md:8:12: error: `published` (2023-02) is before the start (2023-03-13)"
        ),
        "{err}"
    );
}
