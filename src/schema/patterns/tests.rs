//! Each pattern against the loader's own reader, over many samples.

use super::*;
use crate::model::{ClockTime, Colour, Contact, Date, Period, ResponseStatus};

fn matches(pattern: &str, text: &str) -> bool {
    let schema = serde_json::json!({ "type": "string", "pattern": pattern });
    jsonschema::draft7::is_valid(&schema, &serde_json::json!(text))
}

/// The pattern accepts exactly what `reads` accepts, over `samples`.
fn agrees(pattern: &str, samples: &[String], reads: impl Fn(&str) -> bool) {
    for s in samples {
        assert_eq!(
            matches(pattern, s),
            reads(s),
            "{s:?}: the pattern and the loader disagree ({pattern})"
        );
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn dates_are_the_days_that_exist_and_months() {
    let mut samples = Vec::new();
    for year in [
        "0000", "1900", "1996", "2000", "2023", "2024", "2100", "2400",
    ] {
        for month in 0..=13 {
            samples.push(format!("{year}-{month:02}"));
            for day in 0..=32 {
                samples.push(format!("{year}-{month:02}-{day:02}"));
            }
        }
    }
    samples.extend(strings(&[
        " 2023-03-01 ",
        "2023-3-01",
        "2023-03-1",
        "23-03-01",
        "2023/03/01",
        "2023-03-01T10:00",
        "",
        "March 2023",
    ]));
    agrees(DATE, &samples, |s| Date::parse(s).is_ok());
}

#[test]
fn statuses_are_the_five_values_and_the_sites_labels_in_any_case() {
    let samples = strings(&[
        "red",
        "RED",
        " Amber ",
        "gray",
        "Grey",
        "on track",
        "On  Track",
        "Complete",
        "not started",
        "NOT STARTED",
        "purple",
        "off track, escalate",
        "Off track",
        "ontrack",
        "",
    ]);
    let labels = StatusLabels::default();
    agrees(&status(&labels), &samples, |s| labels.parse(s).is_some());
    let mut renamed = StatusLabels::default();
    renamed.set_label(Rag::Red, "Off track, escalate (see note)".into());
    let mut more = samples.clone();
    more.push("off  TRACK, Escalate (see note)".into());
    agrees(&status(&renamed), &more, |s| renamed.parse(s).is_some());
}

#[test]
fn response_statuses_take_dashes_and_underscores_for_spaces() {
    let samples = strings(&[
        "accepted",
        "Partially accepted",
        "partially_accepted",
        "not-accepted",
        " noted ",
        "partially  accepted",
        "rejected",
        "accept",
    ]);
    agrees(&words(&ResponseStatus::NAMES), &samples, |s| {
        ResponseStatus::parse(s).is_some()
    });
}

#[test]
fn periods_are_the_named_ones_and_counts_up_to_a_hundred_years() {
    let samples = strings(&[
        "monthly",
        "Quarterly",
        "ANNUAL",
        "annually",
        "yearly",
        "6 months",
        "6months",
        "1 month",
        "2 years",
        "100 years",
        "101 years",
        "1200 months",
        "1201 months",
        "0 months",
        "006 months",
        "fortnightly-ish",
        "a while",
        "6",
        " 12  Months ",
    ]);
    agrees(&period(), &samples, |s| Period::parse(s).is_ok());
}

#[test]
fn times_colours_and_ids_match_their_readers() {
    let times = strings(&[
        "10:30", "9:30", "09:05", "23:59", "24:00", "10:60", "10.30", "1030", "10:3", " 10:30 ",
        "100:30",
    ]);
    agrees(TIME, &times, |s| ClockTime::parse(s).is_some());
    let colours = strings(&[
        "#00703c", "#FFF", " #abc ", "crimson", "#ffbf4", "00703c", "#00703cc",
    ]);
    agrees(COLOUR, &colours, |s| Colour::parse(s).is_some());
    let ids = strings(&["P1.1", "rec-2", "a_b", "-x", ".x", "P 1", "", "1.10"]);
    agrees(ITEM_ID, &ids, crate::load::valid_item_id);
    let slugs = strings(&["default", "my-theme", "-x", "x-", "My", "a--b", ""]);
    agrees(SLUG, &slugs, crate::load::is_slug);
}

#[test]
fn an_address_the_loader_reads_is_never_marked() {
    let contacts = strings(&[
        "democratic.services@example.gov.uk",
        "mailto:someone@example.org",
        "https://example.org/accessible",
        "HTTP://example.org",
        "someone@müller.de",
        "someone@localhost",
        "not an address",
        "https://",
        "someone@example.org extra",
    ]);
    for c in &contacts {
        if Contact::parse(c).is_some() {
            assert!(matches(&contact(), c), "{c:?} is read but marked");
        }
    }
    assert!(!matches(&contact(), "not an address"));
    assert!(!matches(&contact(), "someone@localhost"));
    assert!(matches(&web_address(), "https://reports.ofsted.gov.uk/x"));
    assert!(!matches(&web_address(), "javascript:alert(1)"));
    assert!(!matches(&web_address(), "https://a b"));
    assert!(matches(&exempt_text(), " 3 "));
    assert!(matches(&exempt_text(), "TRUE"));
    assert!(!matches(&exempt_text(), "9"));
}

#[test]
fn references_name_documents_and_items() {
    let pattern = reference();
    for ok in [
        "inspections/2019-03-ilacs",
        "@plans/practice-improvement#P1.2",
        "#rec-2",
        "meetings/2020-11-05-cypssc/response-letter",
        "plans/p/",
    ] {
        assert!(matches(&pattern, ok), "{ok}");
    }
    for bad in [
        "Inspections/X",
        "plans/p#",
        "https://example.org",
        "plans//p",
        "",
    ] {
        assert!(!matches(&pattern, bad), "{bad}");
    }
}

#[test]
fn grades_match_in_any_case() {
    let g = grades(["Requires improvement to be good", "Good"].into_iter());
    assert!(matches(&g, "requires improvement to be GOOD"));
    assert!(matches(&g, " Good "));
    assert!(!matches(&g, "Goodish"));
}
