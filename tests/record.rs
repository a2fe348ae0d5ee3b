//! (v2) The record as a real council keeps it: government intervention as
//! reviews, chains of visits, responses to an inspection's recommendations,
//! a refreshed plan, and statuses written as the site's words for them.

mod common;
use common::*;
use std::path::PathBuf;

const SITE: &str = "title: Record\nbase_url: https://intranet.example/\ntoday: 2024-06-30\n";

const INSPECTION: &str = "---
title: Inspection 2019
inspectorate: Ofsted
scale: ofsted-ilacs
start: 2019-02-25
judgements:
  - area: Overall effectiveness
    grade: Inadequate
    overall: true
recommendations:
  - id: oversight
    text: Management oversight of casework.
  - id: caseloads
    text: The number of children on caseloads.
    wording: summary
---
";

const VISIT_1: &str = "---
title: First monitoring visit
kind: monitoring visit
date: 2019-12-04
follows: inspections/2019
---
";

const VISIT_2: &str = "---
title: Second monitoring visit
kind: monitoring visit
date: 2020-06-10
follows: [visits/first]
---
";

const DIRECTION: &str = "---
title: Statutory direction to the Council
kind: Statutory Direction
by: Secretary of State for Education
date: 2019-11
follows: inspections/2019
recommendations:
  - id: commissioner
    text: Co-operate with the Commissioner.
    to: [Chief Executive, Leader of the Council]
---
The direction.
";

const PEER_REVIEW: &str = "---
title: Peer review of the front door
kind: peer review
by: Local Government Association
date: 2021-03-01
---
";

const RESPONSE: &str = "---
title: Our response to the inspection
responses:
  - to: inspections/2019#oversight
    status: accepted
    summary: Team managers now audit every case monthly.
---
";

const OLD_PLAN: &str = "---
title: Improvement plan 2019
adopted: 2019-06-01
priorities:
  - id: P1
    title: Practice
---
";

// A2 is overdue in the old plan, and carried forward; A3 is overdue and not.
const OLD_ACTIONS: &str = "- id: A1
  priority: P1
  title: Done early
  due: 2020-01-31
  updates:
    - { date: 2020-01-10, status: Complete }
- id: A2
  priority: P1
  title: Audit casework
  due: 2021-01-31
  updates:
    - { date: 2020-06-01, status: at risk }
- id: A3
  priority: P1
  title: Left behind
  due: 2021-01-31
  updates:
    - { date: 2020-06-01, status: OFF TRACK }
";

const NEW_PLAN: &str = "---
title: Improvement plan 2022
adopted: 2022-04-01
supersedes: plans/old
priorities:
  - id: P1
    title: Practice
---
";

// Two complete and one not yet due: the priority is under way, not "not started".
const NEW_ACTIONS: &str = "- id: B1
  priority: P1
  title: Audit casework, again
  due: 2024-12-31
  continues: plans/old#A2
  updates:
    - { date: 2022-05-01, status: blue }
- id: B2
  priority: P1
  title: Second
  due: 2023-12-31
  updates:
    - { date: 2023-01-01, status: blue }
- id: B3
  priority: P1
  title: Third, not yet due
  due: 2025-03-31
";

fn files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("inspections/2019.md", INSPECTION),
        ("visits/first.md", VISIT_1),
        ("visits/second.md", VISIT_2),
        ("reviews/direction.md", DIRECTION),
        ("reviews/peer.md", PEER_REVIEW),
        ("response.md", RESPONSE),
        ("plans/old/index.md", OLD_PLAN),
        ("plans/old/actions.yaml", OLD_ACTIONS),
        ("plans/new/index.md", NEW_PLAN),
        ("plans/new/actions.yaml", NEW_ACTIONS),
    ]
}

fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(tmp.path(), SITE, &files());
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    (tmp, out)
}

#[test]
fn site_json_of_the_record_matches_its_schema() {
    let (_t, out) = built();
    validate(&out);
}

#[test]
fn a_chain_is_shown_both_ways() {
    let (_t, out) = built();
    let first = read(&out, "visits/first/index.html");
    let follows = between(&first, "<dt>Follows</dt>", "</div>");
    assert!(follows.contains("Inspection 2019"), "{follows}");
    let followed = between(&first, "<dt>Followed by</dt>", "</div>");
    assert!(followed.contains("Second monitoring visit"), "{followed}");
    let inspection = read(&out, "inspections/2019/index.html");
    let followed = between(&inspection, "<dt>Followed by</dt>", "</div>");
    for who in [
        "First monitoring visit",
        "Statutory direction to the Council",
    ] {
        assert!(followed.contains(who), "{who}: {followed}");
    }
}

#[test]
fn a_direction_is_on_the_timeline_and_in_force_on_the_home_page() {
    let (_t, out) = built();
    let home = read(&out, "index.html");
    let in_force = between(&home, "In force now", "</section>");
    assert!(
        in_force.contains("Statutory direction to the Council")
            && in_force.contains("Secretary of State for Education")
            && in_force.contains("since November 2019"),
        "{in_force}"
    );
    // A peer review is a report: it is in force only when `ended` bounds it.
    assert!(!in_force.contains("Peer review"), "{in_force}");
    let timeline = read(&out, "timeline/index.html");
    assert!(timeline.contains("Statutory direction to the Council"));
    assert!(timeline.contains("Peer review of the front door"));
    let list = read(&out, "reviews/index.html");
    assert!(list.contains("<h1>Reviews and intervention</h1>"), "{list}");
    let page = read(&out, "reviews/direction/index.html");
    assert!(
        page.contains("To: Chief Executive; Leader of the Council"),
        "{page}"
    );
}

#[test]
fn a_lifted_direction_leaves_the_home_page_and_its_end_is_on_the_timeline() {
    let tmp = tempfile::tempdir().unwrap();
    let mut f = files();
    let lifted = DIRECTION.replace("date: 2019-11\n", "date: 2019-11\nended: 2022-01\n");
    f.retain(|(p, _)| *p != "reviews/direction.md");
    let content = write_site(tmp.path(), SITE, &f);
    std::fs::write(content.join("reviews/direction.md"), lifted).unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(!read(&out, "index.html").contains("In force now"));
    let timeline = read(&out, "timeline/index.html");
    assert!(
        timeline.contains("Statutory Direction lifted"),
        "{timeline}"
    );
}

#[test]
fn a_response_to_an_inspections_recommendation_is_shown_under_it() {
    let (_t, out) = built();
    let inspection = read(&out, "inspections/2019/index.html");
    let item = between(&inspection, "<li id=\"oversight\">", "</li>\n");
    assert!(
        item.contains("Accepted") && item.contains("Our response to the inspection"),
        "{item}"
    );
    let summary = between(&inspection, "<li id=\"caseloads\">", "</li>\n");
    assert!(
        summary.contains("(summary, not the source's own words)"),
        "{summary}"
    );
    let recs = read(&out, "recommendations/index.html");
    let row = between(&recs, "#oversight\">Improvement 1</a>", "</tr>");
    assert!(row.contains("Team managers now audit"), "{row}");
    let page = read(&out, "response/index.html");
    assert!(page.contains("Responses to recommendations"), "{page}");
}

#[test]
fn a_superseded_plan_leaves_the_counts_and_its_carried_action_is_not_overdue() {
    let (_t, out) = built();
    let home = read(&out, "index.html");
    // Only the new plan is on the dashboard: its three actions, none overdue.
    assert!(!home.contains("Improvement plan 2019"), "{home}");
    assert!(home.contains("2 of 3 complete"), "{home}");
    let overdue = between(&home, "id=\"overdue-h\"", "</section>");
    assert!(!overdue.contains("Left behind"), "{overdue}");
    let glance = between(&home, "glance-list", "</ul>");
    assert!(
        glance.contains("<span class=\"glance-count\">0</span>"),
        "{glance}"
    );
    let status = read(&out, "status/index.html");
    assert!(!status.contains("Left behind"), "{status}");
    let old = read(&out, "plans/old/index.html");
    assert!(old.contains("Superseded</strong> by"), "{old}");
    assert!(old.contains("from 1 April 2022"), "{old}");
    let a2 = between(&old, "actions/A2/index.html\">A2</a>", "</tr>");
    assert!(
        a2.contains("Carried forward to") && a2.contains("B1 Audit casework, again"),
        "{a2}"
    );
    assert!(!a2.contains("class=\"overdue\">Overdue"), "{a2}");
    let b1 = read(&out, "plans/new/actions/B1/index.html");
    assert!(
        b1.contains("Continues") && b1.contains("A2 Audit casework"),
        "{b1}"
    );
}

#[test]
fn work_under_way_never_reads_as_not_started() {
    let (_t, out) = built();
    let new = read(&out, "plans/new/index.html");
    let p1 = between(&new, "<h2 id=\"P1-h\">", "</p>\n");
    assert!(p1.contains("tag-green\">On track</strong>"), "{p1}");
    assert!(p1.contains("2 of 3 complete"), "{p1}");
}

#[test]
fn statuses_may_be_written_as_the_sites_words_for_them() {
    let (_t, out) = built();
    let old = read(&out, "plans/old/index.html");
    let a1 = between(&old, "actions/A1/index.html\">A1</a>", "</tr>");
    assert!(a1.contains("tag-blue\">Complete"), "{a1}");
    let a3 = between(&old, "actions/A3/index.html\">A3</a>", "</tr>");
    assert!(a3.contains("tag-red\">Off track"), "{a3}");
    // A renamed label is the word to write.
    let tmp = tempfile::tempdir().unwrap();
    let site = format!("{SITE}statuses:\n  red: Off track, escalate\n");
    let mut f = files();
    f.retain(|(p, _)| *p != "plans/old/actions.yaml");
    let content = write_site(tmp.path(), &site, &f);
    std::fs::write(
        content.join("plans/old/actions.yaml"),
        OLD_ACTIONS.replace("OFF TRACK", "\"off track, Escalate\""),
    )
    .unwrap();
    let (code, _, err) = check(&content, &[]);
    assert_eq!(code, 0, "{err}");
}

/// Checks a site made of the fixture with `change` applied and returns
/// what `check` printed.
fn check_changed(path: &str, text: &str) -> String {
    check_changed_site(SITE, path, text)
}

fn check_changed_site(site: &str, path: &str, text: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut f = files();
    f.retain(|(p, _)| *p != path);
    let content = write_site(tmp.path(), site, &f);
    let file = content.join(path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
    let (code, out, err) = check(&content, &[]);
    assert_eq!(code, 1, "{out}{err}");
    err
}

#[test]
fn bad_v2_record_fields_are_errors_at_their_line() {
    let err = check_changed(
        "reviews/peer.md",
        &PEER_REVIEW.replace("kind: peer review", "kind: \"\""),
    );
    assert!(err.contains("content/reviews/peer.md:3:"), "{err}");
    let err = check_changed(
        "reviews/peer.md",
        &PEER_REVIEW.replace("date: 2021-03-01", "date: 2021-03-01\nended: 2020-01-01"),
    );
    assert!(
        err.contains("content/reviews/peer.md:6:8")
            && err.contains("`ended` (2020-01-01) is before the review's date (2021-03-01)"),
        "{err}"
    );
    let err = check_changed(
        "visits/second.md",
        &VISIT_2.replace("follows: [visits/first]", "follows: [plans/new]"),
    );
    assert!(
        err.contains("content/visits/second.md:5:")
            && err.contains(
                "`plans/new` names a plan; it should name an inspection or a visit or a review"
            ),
        "{err}"
    );
    let err = check_changed(
        "plans/new/actions.yaml",
        &NEW_ACTIONS.replace("continues: plans/old#A2", "continues: plans/new#B2"),
    );
    assert!(
        err.contains("content/plans/new/actions.yaml:5:")
            && err.contains("names an action of `plans/new`, which this plan does not supersede"),
        "{err}"
    );
    snapshot("not-superseded", &err);
    let err = check_changed(
        "plans/new/index.md",
        &NEW_PLAN.replace("adopted: 2022-04-01\n", ""),
    );
    assert!(
        err.contains("a plan that supersedes another has no `adopted` date"),
        "{err}"
    );
    let err = check_changed(
        "inspections/2019.md",
        &INSPECTION.replace("    wording: summary", "    wording: paraphrase"),
    );
    assert!(
        err.contains("`wording: paraphrase` is not a kind of wording"),
        "{err}"
    );
    let err = check_changed_site(
        &format!("{SITE}statuses:\n  amber: Red\n"),
        "reviews/peer.md",
        PEER_REVIEW,
    );
    assert!(err.contains("would both be read from the status"), "{err}");
}

#[test]
fn a_circle_of_follows_is_an_error_naming_every_file() {
    let err = check_changed(
        "visits/first.md",
        &VISIT_1.replace("follows: inspections/2019", "follows: visits/second"),
    );
    assert!(
        err.contains("these documents follow one another in a circle")
            && err.contains("content/visits/first.md")
            && err.contains("content/visits/second.md"),
        "{err}"
    );
    let err = check_changed(
        "visits/first.md",
        &VISIT_1.replace("follows: inspections/2019", "follows: visits/first"),
    );
    assert!(err.contains("`visits/first` follows itself"), "{err}");
}

#[test]
fn a_long_tracker_is_split_into_pages_that_link_to_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    let extra: String = (1..=160)
        .map(|n| format!("  - id: more-{n}\n    text: Further improvement {n}.\n"))
        .collect();
    let inspection = INSPECTION.replace(
        "    wording: summary\n",
        &format!("    wording: summary\n{extra}"),
    );
    let mut f = files();
    f.retain(|(p, _)| *p != "inspections/2019.md");
    f.push(("inspections/2019.md", &inspection));
    let content = write_site(tmp.path(), SITE, &f);
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let first = read(&out, "recommendations/index.html");
    let second = read(&out, "recommendations/2/index.html");
    assert!(first.contains("(page 1 of 2)"), "{first}");
    assert!(
        first.contains("href=\"../recommendations/2/index.html\">Page 2</a>"),
        "{first}"
    );
    assert!(
        second.contains("href=\"../../recommendations/index.html\">Page 1</a>"),
        "{second}"
    );
    assert!(second.contains("Further improvement 160."), "{second}");
    assert!(!first.contains("Further improvement 160."));
    assert!(second.contains("163 recommendations"), "{second}");
}
