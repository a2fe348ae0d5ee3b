//! A meeting page reads like a committee system's: its title gives its date,
//! the agenda is numbered with each paper shown once, and when, where, who
//! attended, the minutes and the resolutions are on the page.

mod common;
use common::*;
use std::path::PathBuf;

const SITE: &str =
    "title: Test\norganisation: Test Council\nbase_url: https://example.org/\ntoday: 2021-01-01\n";

const MEETING: &str = "---
title: Scrutiny Committee
committee: Scrutiny Committee
date: 2020-11-05
time: \"10:30\"
location: County Hall, Chichester
attendees: [Cllr Hillier (Chairman), Cllr Russell]
apologies: [Cllr Smith]
agenda:
  - item: \"5\"
    title: Improvement programme update
    paper: report
  - item: \"6\"
    title: Minutes of the last meeting
    paper: minutes
  - title: Any other business
---
The committee met.
";

const REPORT: &str = "---
title: Improvement programme update
kind: report
---
The report.
";

const MINUTES: &str = "---
title: Minutes
kind: minutes
resolutions:
  - id: res-1
    text: Notes the progress of the improvement programme.
---
";

const LETTER: &str = "---
title: Reply from the Cabinet Member
kind: letter
---
";

fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        SITE,
        &[
            ("meetings/2020-11-05-scrutiny/index.md", MEETING),
            ("meetings/2020-11-05-scrutiny/report.md", REPORT),
            ("meetings/2020-11-05-scrutiny/minutes.md", MINUTES),
            ("meetings/2020-11-05-scrutiny/letter.md", LETTER),
        ],
    );
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    (tmp, out)
}

fn main_of(html: &str) -> &str {
    between(html, "<main", "</main>")
}

#[test]
fn a_meeting_page_gives_its_date_item_numbers_each_paper_once_and_what_was_resolved() {
    let (_t, out) = built();
    let html = read(&out, "meetings/2020-11-05-scrutiny/index.html");
    let main = main_of(&html);
    assert!(
        main.contains("<h1>Scrutiny Committee, 5 November 2020</h1>"),
        "the title gains the meeting's date: {main}"
    );
    assert!(
        html.contains("<title>Scrutiny Committee, 5 November 2020"),
        "{html}"
    );
    for paper in [
        "report/index.html",
        "minutes/index.html",
        "letter/index.html",
    ] {
        assert_eq!(
            main.matches(&format!(
                "href=\"../../meetings/2020-11-05-scrutiny/{paper}\""
            ))
            .count(),
            1,
            "{paper} is linked once: {main}"
        );
    }
    let minutes = between(main, "<dt>Minutes</dt>", "</div>");
    assert!(minutes.contains("minutes/index.html"), "{minutes}");
    for shown in [
        "<dt>Time</dt>",
        "10:30am",
        "<dt>Venue</dt><dd>County Hall, Chichester</dd>",
        "<dt>Attendees</dt>",
        "Cllr Hillier (Chairman)",
        "<dt>Apologies</dt>",
        "<td data-label=\"Item\">5</td>",
        "<td data-label=\"Item\">6</td>",
        "Any other business",
        "Notes the progress of the improvement programme.",
        "Other papers",
        "Reply from the Cabinet Member</a> <span class=\"meta\">(letter)</span>",
    ] {
        assert!(
            main.contains(shown),
            "{shown:?} on the meeting page: {main}"
        );
    }
}

#[test]
fn the_meetings_list_gives_each_meeting_s_date_once() {
    let (_t, out) = built();
    let html = read(&out, "meetings/index.html");
    let main = main_of(&html);
    assert_eq!(main.matches("5 November 2020").count(), 1, "{main}");
    assert!(main.contains("County Hall, Chichester"), "{main}");
}
