//! The linked site on the valid fixture: the recommendation → action →
//! status → evidence chain, the status page, the timeline, judgements over
//! time, committee recommendations, the dashboard, and the charts.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn built(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture("valid"), &out, extra);
    assert_eq!(code, 0, "{err}");
    (tmp, out)
}

/// Where each needle first appears; panics naming any that is missing.
fn positions(html: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| html.find(n).unwrap_or_else(|| panic!("{n:?} missing")))
        .collect()
}

fn in_order(html: &str, needles: &[&str]) -> bool {
    positions(html, needles).windows(2).all(|w| w[0] < w[1])
}

#[test]
fn a_recommendation_shows_the_actions_that_address_it_with_status_and_evidence() {
    let (_t, out) = built(&[]);
    let html = read(&out, "inspections/2019-ilacs/index.html");
    let item = between(&html, "<li id=\"oversight\">", "</li>\n</ol>");
    assert!(item.contains("Actions addressing this"), "{item}");
    assert!(
        item.contains("href=\"../../plans/recovery/actions/P1.1/index.html\">P1.1 Introduce the new practice model</a>"),
        "{item}"
    );
    assert!(item.contains("tag-blue\">Done</strong>"), "{item}");
    assert!(
        item.contains("href=\"../../visits/2020-02-monitoring/index.html\""),
        "the action's evidence is linked in the chain: {item}"
    );
    let later = read(&out, "inspections/2023-05-ilacs/index.html");
    let rec = between(&later, "<li id=\"rec-one\">", "</li>");
    assert!(
        rec.contains("P1.2 Strategy discussions on time") && rec.contains("Overdue"),
        "{rec}"
    );
    let other = between(&later, "<li id=\"rec-two\">", "</li>");
    assert!(
        !other.contains("Actions addressing this"),
        "nothing addresses rec-two: {other}"
    );
}

#[test]
fn the_status_page_lists_everything_red_first_with_counts() {
    let (_t, out) = built(&[]);
    let html = read(&out, "status/index.html");
    // Red: the plan, priority P1 and action P1.2. Amber: P2, P2.1, P3.1 and
    // the caseloads indicator (target missed, improving). Risks are counted
    // by band, apart: their status is their mitigation's.
    assert!(html.contains("Off track (3)"), "{html}");
    assert!(html.contains("At risk (4)"), "{html}");
    assert!(html.contains("On track (1)") && html.contains("Not started (1)"));
    assert!(html.contains("Done (1)"));
    assert!(in_order(
        &html,
        &[
            "id=\"status-red\"",
            "id=\"status-amber\"",
            "id=\"status-green\"",
            "id=\"status-grey\"",
            "id=\"status-blue\""
        ]
    ));
    let red = between(&html, "id=\"status-red\"", "</section>");
    // Overdue first (the plan, which has overdue actions, then the overdue
    // action), then the rest by type.
    assert!(
        in_order(
            red,
            &[
                "Recovery plan</a>",
                "P1.2 Strategy discussions on time",
                "P1 Practice",
            ]
        ),
        "{red}"
    );
    let amber = between(&html, "id=\"status-amber\"", "</section>");
    assert!(
        amber.contains("Average social worker caseload")
            && amber.contains("Target 18 children not met"),
        "{amber}"
    );
    assert!(html.contains("2 actions are overdue"), "{html}");
    let counts = between(&html, "<table class=\"table counts\">", "</table>");
    assert!(
        counts.contains("<th scope=\"row\">Actions</th><td>1</td><td>2</td><td>0</td><td>1</td><td>1</td><td>5</td>"),
        "actions by status, attention first: {counts}"
    );
    assert!(!red.contains("R1 Workforce instability"), "{red}");
}

#[test]
fn the_timeline_runs_oldest_first_grouped_by_year_with_status_changes() {
    let (_t, out) = built(&[]);
    let html = read(&out, "timeline/index.html");
    assert!(in_order(
        &html,
        &[
            "<h2 id=\"y2019-h\">2019</h2>",
            "Inspection of Testshire children&#39;s services (2019)</a>",
            "timeline-plan-adopted",
            "<h2 id=\"y2020-h\">2020</h2>",
            "Monitoring visit: front door</a>",
            "<h2 id=\"y2022-h\">2022</h2>",
            "Local peer review</a>",
            "<h2 id=\"y2024-h\">2024</h2>",
            "Children&#39;s Scrutiny Committee, 10 January 2024</a>",
        ]
    ));
    // Status changes are counted per month on the overview, listed on the
    // year's page; papers are on the year's page only.
    assert!(!html.contains("timeline-status-change"), "{html}");
    assert!(!html.contains("Response to the committee</a>"), "{html}");
    let y2024 = between(&html, "<h2 id=\"y2024-h\">2024</h2>", "</section>");
    assert!(
        y2024.contains("<a href=\"../timeline/2024/index.html#m2024-03\">March 2024</a> 1"),
        "{y2024}"
    );
    let year = read(&out, "timeline/2024/index.html");
    assert!(in_order(
        &year,
        &[
            "<h2 id=\"m2024-01-h\">January 2024</h2>",
            "Children&#39;s Scrutiny Committee, 10 January 2024</a>",
            "Response to the committee</a>",
            "<h2 id=\"m2024-03-h\">March 2024</h2>",
        ]
    ));
    // P1.2 went from green to red in March 2024, listed under its plan.
    let march = between(&year, "<h2 id=\"m2024-03-h\">", "</section>");
    let change = between(march, "P1.2 Strategy discussions on time", "</li>");
    assert!(
        change.contains("tag-green\">On track</strong> <span class=\"meta\">to</span> <strong class=\"tag tag-red\">Off track"),
        "{change}"
    );
    // The drawn timeline marks graded judgements by grade, with words.
    let svg = between(&html, "<svg", "</svg>");
    assert!(
        svg.contains("role=\"img\"") && svg.contains("<desc"),
        "{svg}"
    );
    assert!(
        svg.contains("rag-red") && svg.contains("Inadequate, March 2019"),
        "{svg}"
    );
    assert!(svg.contains("rag-amber") && svg.contains("Requires improvement to be good, May 2023"));
}

#[test]
fn judgements_over_time_tabulate_areas_against_inspections_one_table_per_scale() {
    let (_t, out) = built(&[]);
    let html = read(&out, "inspections/index.html");
    let table = between(
        &html,
        "<table class=\"table stack judgements-over-time\" id=\"judgements-ofsted-ilacs\">",
        "</table>",
    );
    assert!(
        in_order(table, &["Ofsted ILACS", "March 2019", "8 May 2023"]),
        "oldest inspection first: {table}"
    );
    assert!(
        !table.contains("3 October 2022"),
        "the peer review's own scale has its own table: {table}"
    );
    let overall = between(
        table,
        "<th scope=\"row\">Overall effectiveness</th>",
        "</tr>",
    );
    assert!(
        in_order(overall, &["Inadequate", "Requires improvement to be good"])
            && !overall.contains("Not judged"),
        "{overall}"
    );
    let care = between(
        table,
        "experiences and progress of children in care",
        "</tr>",
    );
    assert!(
        in_order(care, &["Not judged", "tag-green\">Good</strong>"]),
        "{care}"
    );
    let review = between(
        &html,
        "<table class=\"table stack judgements-over-time\" id=\"judgements-local-review\">",
        "</table>",
    );
    assert!(
        review.contains("3 October 2022")
            && review.contains("<th scope=\"row\">Leadership</th><td data-label=\"3 October 2022\"><strong class=\"tag tag-green\">Strong</strong></td>"),
        "{review}"
    );
}

#[test]
fn the_tracker_shows_responses_actions_and_flags_the_unanswered() {
    let (_t, out) = built(&[]);
    let html = read(&out, "recommendations/index.html");
    // Labels, not ids: a committee's first recommendation is "Recommendation 1".
    assert!(
        !html.contains(">rec-1<") && !html.contains(">rec-2<"),
        "{html}"
    );
    let one = between(&html, "#rec-1\">Recommendation 1</a>", "</tr>");
    assert!(
        one.contains("Accepted") && one.contains("Caseload figures will come to the next meeting"),
        "{one}"
    );
    // rec-2's only responses are in an exempt paper and a draft: unanswered.
    let two = between(&html, "#rec-2\">Recommendation 2</a>", "</tr>");
    assert!(two.contains("No response or action recorded yet"), "{two}");
    // The inspection's first recommendation: its action's status, the
    // roll-up over the actions that answer it, and their progress.
    let insp = between(&html, "#rec-one\">Improvement 1</a>", "</tr>");
    assert!(
        insp.contains("P1.2 Strategy discussions on time") && insp.contains("0 of 1 complete"),
        "{insp}"
    );
    // With the inspection's rec-two and the visit's priority action, which
    // no action addresses either.
    assert!(
        html.contains("3 have no response or action recorded"),
        "{html}"
    );
    let meeting = read(&out, "meetings/2024-01-10-scrutiny/index.html");
    let rec2 = between(&meeting, "<li id=\"rec-2\">", "</li>\n</ol>");
    assert!(rec2.contains("No response recorded yet"), "{rec2}");
}

#[test]
fn the_dashboard_shows_the_latest_grades_plan_spread_overdue_and_events() {
    let (_t, out) = built(&[]);
    let html = read(&out, "index.html");
    let latest = between(&html, "Latest graded inspection", "</section>");
    assert!(
        latest.contains("Inspection of Testshire children&#39;s services</a>")
            && latest.contains("Requires improvement to be good")
            && latest.contains("experiences and progress of children in care"),
        "{latest}"
    );
    let plans = between(&html, "id=\"plans-h\"", "</section>");
    assert!(
        plans.contains("5 actions") && plans.contains("2 overdue"),
        "{plans}"
    );
    assert!(
        plans.contains("<desc id=\"spread-plans-recovery-desc\">5 actions: 1 Off track, 2 At risk, 1 Not started, 1 Done."),
        "{plans}"
    );
    let overdue = between(&html, "id=\"overdue-h\"", "</section>");
    assert!(
        overdue.contains("P1.2 Strategy discussions on time")
            && overdue.contains("P3.1 Joint front door"),
        "{overdue}"
    );
    assert!(
        !overdue.contains("P2.1"),
        "P2.1's revised due date is later"
    );
    let latest_events = between(&html, "id=\"latest-events-h\"", "</section>");
    assert!(
        in_order(
            latest_events,
            &[
                "Response to the committee",
                "Children&#39;s Scrutiny Committee"
            ]
        ),
        "newest first: {latest_events}"
    );
    assert!(html.contains("Nothing is scheduled after 30 June 2024"));
}

#[test]
fn an_earlier_date_moves_events_to_coming_up_and_clears_overdue() {
    let (_t, out) = built(&["--as-of", "2023-12-01"]);
    let html = read(&out, "index.html");
    let next = between(&html, "id=\"next-events-h\"", "</section>");
    assert!(
        in_order(
            next,
            &["10 January 2024", "Children&#39;s Scrutiny Committee"]
        ),
        "{next}"
    );
    assert!(
        html.contains("No action is overdue as at 1 December 2023"),
        "{html}"
    );
}

#[test]
fn risks_and_indicators_have_charts_with_text_alternatives() {
    let (_t, out) = built(&[]);
    let risks = read(&out, "risks/index.html");
    let map = between(&risks, "<svg", "</svg>");
    assert!(
        map.contains("R1 Workforce instability: likelihood 4, impact 5, score 20."),
        "{map}"
    );
    assert!(
        map.contains(">R1</text>") && map.contains(">R2</text>"),
        "{map}"
    );
    let ind = read(&out, "indicators/caseloads/index.html");
    let chart = between(&ind, "<svg", "</svg>");
    assert_eq!(chart.matches("<circle class=\"chart-point\"").count(), 3);
    assert!(chart.contains("Target: 18 children"), "{chart}");
    assert!(chart.contains("Lower is better"), "{chart}");
    assert!(
        ind.contains("<caption>Values over time</caption>"),
        "a table too"
    );
    let list = read(&out, "indicators/index.html");
    let row = between(&list, "Average social worker caseload</a>", "</tr>");
    assert!(
        row.contains("19.5 children") && row.contains("−1.5 children") && row.contains("Improving"),
        "{row}"
    );
    assert!(row.contains("not met; moving towards it"), "{row}");
}

#[test]
fn every_new_page_links_back_without_breaking() {
    let (_t, out) = built(&[]);
    // Each page links back, from its own content (not the menu), to the
    // pages of what it lists.
    for (page, targets) in [
        (
            "status/index.html",
            &[
                "../plans/recovery/actions/P1.1/index.html",
                "../indicators/caseloads/index.html",
            ][..],
        ),
        (
            "timeline/index.html",
            &[
                "../inspections/2019-ilacs/index.html",
                "../visits/2020-02-monitoring/index.html",
            ][..],
        ),
        (
            "recommendations/index.html",
            &[
                "../meetings/2024-01-10-scrutiny/index.html#rec-1",
                "../meetings/2024-01-10-scrutiny/response/index.html",
            ][..],
        ),
    ] {
        let html = read(&out, page);
        let main = between(&html, "<main", "</main>");
        for target in targets {
            assert!(
                main.contains(&format!("href=\"{target}\"")),
                "{page} links back to {target}"
            );
            let file = target.trim_start_matches("../").split('#').next().unwrap();
            assert!(out.join(file).is_file(), "{target} from {page} exists");
        }
    }
    let broken = broken_links(Path::new(&out));
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn tags_link_to_pages_that_list_everything_so_tagged() {
    let (_t, out) = built(&[]);
    let index = read(&out, "tags/index.html");
    assert!(
        index.contains("href=\"../tags/workforce/index.html\">workforce</a>"),
        "{index}"
    );
    let tag = read(&out, "tags/workforce/index.html");
    assert!(tag.contains("<h1>Tagged “workforce”</h1>"), "{tag}");
    assert!(
        tag.contains("href=\"../../risks/index.html#R1\">R1 Workforce instability</a>"),
        "{tag}"
    );
    assert!(!tag.contains("CANARY"));
}

#[test]
fn the_changes_page_shows_what_moved_since_the_committee_last_met() {
    let (_t, out) = built(&[]);
    let html = read(&out, "changes/index.html");
    let committee = between(
        &html,
        "Children&#39;s Scrutiny Committee</h2>",
        "</section>",
    );
    // The overview lists each window with its own page.
    let end = committee
        .find("\">Since the last meeting</a>")
        .expect("a link to the window since the last meeting");
    let link = &committee[committee[..end].rfind("href=\"../").expect("its href") + 9..end];
    assert!(
        committee.contains("Since the last meeting</a>: 3 status changes and 1 new document"),
        "{committee}"
    );
    let page = read(&out, link);
    let since = between(&page, "<h1>Since the last meeting</h1>", "</main>");
    assert!(
        since.contains("3 status changes and 1 new document"),
        "{since}"
    );
    let p12 = between(since, "P1.2 Strategy discussions on time", "</tr>");
    assert!(
        p12.contains("tag-green\">On track</strong> <span class=\"meta\">to</span> <strong class=\"tag tag-red\">Off track"),
        "{p12}"
    );
    assert!(
        since.contains("Response to the committee"),
        "the letter came after the meeting"
    );
    assert!(
        !since.contains("Improvement update report"),
        "the meeting's own papers are not new since it"
    );
    assert!(
        !html.contains("id=\"since-h\""),
        "no --since window unless asked"
    );
    assert!(!since.contains("Nothing changed"), "{since}");
}

#[test]
fn build_since_adds_a_window_from_any_date() {
    let (_t, out) = built(&["--since", "2024-02-15"]);
    let html = read(&out, "changes/index.html");
    let overview = between(
        &html,
        "<h2 id=\"since-h\">Since 15 February 2024</h2>",
        "</section>",
    );
    assert!(
        overview.contains(
            "href=\"../changes/since-2024-02-15/index.html\">2 status changes and 0 new documents"
        ),
        "{overview}"
    );
    let page = read(&out, "changes/since-2024-02-15/index.html");
    let since = between(&page, "<h1>Since 15 February 2024</h1>", "</main>");
    assert!(
        since.contains("2 status changes and 0 new documents"),
        "{since}"
    );
    assert!(
        since.contains("P1.2") && since.contains("P3.1") && !since.contains("P2.1"),
        "{since}"
    );
    assert!(page.contains("href=\"../../index.html\""));
}

#[test]
fn a_printed_paper_is_headed_with_its_agenda_item_and_date() {
    let (_t, out) = built(&[]);
    let paper = read(&out, "meetings/2024-01-10-scrutiny/report/index.html");
    assert!(
        paper.contains("@top-left { content: \"Agenda item 5 · Improvement update report · 10 January 2024\"; }"),
        "{paper}"
    );
    assert!(paper.contains("counter(page) \" of \" counter(pages)"));
    let plan = read(&out, "plans/recovery/index.html");
    assert!(
        plan.contains("@top-left { content: \"Recovery plan · Fixture improvement journey\"; }"),
        "other pages are headed with their title and the site"
    );
    let css = read(&out, "assets/style.css");
    let print = &css[css.find("@media print").unwrap()..];
    for rule in [
        ".site-nav",
        "a[href^=\"http\"]::after",
        "break-inside: avoid",
        "size: A4",
    ] {
        assert!(print.contains(rule), "print styles lack {rule}");
    }
}

#[test]
fn every_site_has_an_accessibility_statement_that_it_can_replace() {
    let (_t, out) = built(&[]);
    let statement = read(&out, "accessibility/index.html");
    for part in [
        "Feedback and contact information",
        "Enforcement procedure",
        "Compliance status",
        "Testshire County Council",
    ] {
        assert!(statement.contains(part), "{part} missing");
    }
    assert!(
        read(&out, "index.html")
            .contains("href=\"accessibility/index.html\">Accessibility statement</a>")
    );
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    std::fs::write(
        content.join("accessibility.md"),
        "---\ntitle: Accessibility statement for the Testshire record\n---\nOur own statement.\n",
    )
    .unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let own = read(&out, "accessibility/index.html");
    assert!(
        own.contains("Our own statement.") && !own.contains("Enforcement procedure"),
        "{own}"
    );
}
