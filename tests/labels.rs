//! Plain words, not ids: what a member reads where an item is named (the
//! recommendations page, search, an action's "Addresses" and the plan's
//! table) and in each page's "Mentioned in" list, on the example site and
//! on the `valid` fixture.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn built(content: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    (tmp, out)
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// The page's "Mentioned in" section, as text between its tags.
fn mentioned_in(html: &str) -> String {
    let start = html
        .find("<section class=\"referenced-by\"")
        .expect("a Mentioned in section");
    let section = &html[start..];
    section[..section.find("</section>").expect("closed")].to_string()
}

#[test]
fn the_recommendations_page_numbers_items_instead_of_showing_ids() {
    let (_t, out) = built(&example());
    let html = read(&out, "recommendations/index.html");
    assert!(
        html.contains("#strategy-discussions\">Improvement 1</a>: The timeliness and quality of strategy discussions"),
        "{html}"
    );
    assert!(html.contains("#rec-1\">Recommendation 1</a>: "), "{html}");
    for id in ["strategy-discussions", "management-quality", "rec-1"] {
        assert!(
            !html.contains(&format!(">{id}<")),
            "{id} is shown as a label"
        );
    }
}

#[test]
fn search_names_the_document_an_item_comes_from() {
    let (_t, out) = built(&example());
    let docs = search_records(&out);
    for title in [
        "\"t\":\"2023 Ofsted inspection, improvement 4: The timeliness of initial health assessments",
        "\"t\":\"Committee of 30 June 2021, resolution 1: Highlights that Youth Mental Health",
        "\"t\":\"Committee of 5 November 2020, recommendation 2: ",
        "\"t\":\"Response to recommendation 1 of the committee of 5 November 2020 (noted)",
        "\"t\":\"2021 commissioner review, recommendation 2: ",
    ] {
        assert!(docs.contains(title), "no {title} in {docs}");
    }
    for id in [
        "health-assessments-camhs",
        "res-1",
        "rec-1",
        "Response to rec-",
    ] {
        assert!(!docs.contains(&format!("\"t\":\"{id}")), "{id} as a title");
    }
    // A visit's priority actions are counted apart from its recommendations.
    let (_t, out) = built(&fixture("valid"));
    let docs = search_records(&out);
    assert!(
        docs.contains(
            "\"t\":\"2020 Ofsted monitoring visit, priority action 1: Timely pre-proceedings work."
        ),
        "{docs}"
    );
}

#[test]
fn an_action_says_which_inspection_and_item_it_answers() {
    let (_t, out) = built(&example());
    let action = read(&out, "plans/practice-improvement/actions/P1.1/index.html");
    assert!(
        action.contains("<li>2019 Ofsted inspection: improvement 2 — <a href=\"../../../../inspections/2019-03-ilacs/index.html#practice-quality\">The quality of social work practice"),
        "{action}"
    );
    let plan = read(&out, "plans/practice-improvement/index.html");
    assert!(plan.contains(">Answers</th>"), "{plan}");
    assert!(
        plan.contains("#practice-quality\">2019 Ofsted inspection, improvement 2</a>"),
        "{plan}"
    );
}

#[test]
fn mentioned_in_lists_each_document_once_in_words() {
    let (_t, out) = built(&example());
    let plan = mentioned_in(&read(&out, "plans/practice-improvement/index.html"));
    // The 2023 inspection links to 13 actions: one entry says so.
    let inspection = "inspections/2023-03-ilacs/index.html\">";
    assert_eq!(plan.matches(inspection).count(), 1, "{plan}");
    assert!(
        plan.contains("mentions actions P1.1, P1.4, P1.5, P1.6, P1.7, P1.8, P1.9, P1.11, P1.13, P2.2, P2.5, P3.2 and P3.4"),
        "{plan}"
    );
    assert!(
        plan.contains("Children First Improvement Programme: progress, current position and next steps</a> <span class=\"meta\">discusses it; mentions actions P1.1, P1.2, P1.3, P1.4, P1.5, P1.8, P1.11, P1.12, P2.1, P2.2, P2.3 and P2.5 at the committee of 16 November 2022</span>"),
        "{plan}"
    );
    assert!(
        !plan.contains("links to") && !plan.contains("P1.1 Introduce"),
        "{plan}"
    );

    let old = mentioned_in(&read(&out, "inspections/2019-03-ilacs/index.html"));
    assert!(
        old.contains("Practice Improvement Plan</a> <span class=\"meta\">actions P1.1, P1.4, P1.5, P1.6, P2.1, P2.2, P2.3, P2.5 and P3.1 address improvements 1, 2, 3, 4, 5, 6 and 7; mentions it; answers it</span>"),
        "{old}"
    );
    // The home page and About link to it, and are left out.
    assert!(
        !old.contains("About this site") && !old.contains(">Home<"),
        "{old}"
    );
    assert!(!old.contains("href=\"../../index.html\""), "{old}");

    // The minutes link to their own resolutions: they do not list themselves.
    let minutes = read(&out, "meetings/2021-06-30-cypssc/minutes/index.html");
    let section = mentioned_in(&minutes);
    assert!(
        !section.contains("Minutes: Children First Improvement Update"),
        "{section}"
    );
    assert!(!minutes.contains("Referenced by"), "{minutes}");
}

#[test]
fn mentioned_in_is_not_printed() {
    let css = read(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "themes/default/static/style.css",
    );
    assert!(
        css.contains("@media print { .referenced-by, .item-refs { display: none; } }"),
        "the list is for screens"
    );
}
