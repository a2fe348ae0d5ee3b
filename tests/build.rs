//! A valid fixture site built and checked page by page, as a member would
//! read it.

mod common;
use common::*;
use std::path::Path;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, stdout, err) = build(&fixture("valid"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.is_empty(),
        "a valid site builds with no warnings: {err}"
    );
    assert!(
        stdout.starts_with("built ") && stdout.contains("as at 30 June 2024"),
        "{stdout}"
    );
    (tmp, out)
}

fn page(out: &Path, rel: &str) -> String {
    read(out, rel)
}

#[test]
fn every_page_of_the_contract_exists() {
    let (_t, out) = built();
    // Each page is the right page: its heading is what the contract puts there.
    for (p, heading) in [
        ("index.html", "Welcome to the fixture journey"),
        ("404.html", "Page not found"),
        ("about/index.html", "About this site"),
        ("guides/reading/index.html", "Reading the record"),
        ("guides/index.html", "Guides"),
        ("inspections/index.html", "Inspections"),
        (
            "inspections/2023-05-ilacs/index.html",
            "Inspection of Testshire children&#39;s services",
        ),
        (
            "inspections/2019-ilacs/index.html",
            "Inspection of Testshire children&#39;s services (2019)",
        ),
        ("visits/index.html", "Visits"),
        (
            "visits/2020-02-monitoring/index.html",
            "Monitoring visit: front door",
        ),
        ("plans/index.html", "Plans"),
        ("plans/recovery/index.html", "Recovery plan"),
        (
            "plans/recovery/actions/P1.1/index.html",
            "P1.1 Introduce the new practice model",
        ),
        (
            "plans/recovery/actions/P2.2/index.html",
            "P2.2 Workforce strategy refresh",
        ),
        ("meetings/index.html", "Meetings"),
        (
            "meetings/2024-01-10-scrutiny/index.html",
            "Children&#39;s Scrutiny Committee, 10 January 2024",
        ),
        (
            "meetings/2024-01-10-scrutiny/report/index.html",
            "Improvement update report",
        ),
        (
            "meetings/2024-01-10-scrutiny/response/index.html",
            "Response to the committee",
        ),
        ("risks/index.html", "Risk register"),
        ("indicators/index.html", "Indicators"),
        (
            "indicators/caseloads/index.html",
            "Average social worker caseload",
        ),
        ("timeline/index.html", "Timeline"),
        ("status/index.html", "Status"),
        ("recommendations/index.html", "Recommendations"),
    ] {
        let html = page(&out, p);
        assert_eq!(first_text_of(&html, "h1"), heading, "{p}");
    }
    let css = std::fs::read(out.join("assets/style.css")).expect("the style sheet");
    assert!(
        css.len() > 1_000,
        "the theme's style sheet is written whole"
    );
    assert_eq!(
        std::fs::read(out.join("images/logo.png")).unwrap(),
        std::fs::read(fixture("valid").join("images/logo.png")).unwrap(),
        "a linked image is copied as it is"
    );
}

/// The text of the first `<tag ...>` element, up to its first child tag.
fn first_text_of<'a>(html: &'a str, tag: &str) -> &'a str {
    let open = html
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let rest = &html[open..];
    let text = &rest[rest.find('>').expect("closed") + 1..];
    &text[..text.find('<').unwrap_or(text.len())]
}

#[test]
fn no_relative_link_is_broken_and_none_is_absolute() {
    let (_t, out) = built();
    let broken = broken_links(&out);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn inspection_page_shows_grades_as_text_and_recommendations_with_anchors() {
    let (_t, out) = built();
    let html = page(&out, "inspections/2023-05-ilacs/index.html");
    assert!(
        html.contains("<h1>Inspection of Testshire children&#39;s services</h1>")
            || html.contains("<h1>Inspection of Testshire children's services</h1>"),
        "{html}"
    );
    assert!(
        html.contains("<strong class=\"tag tag-amber\">Requires improvement to be good</strong>")
    );
    // A grade written in another case is shown as the scale spells it.
    assert!(html.contains("<strong class=\"tag tag-green\">Good</strong>"));
    assert!(html.contains("<li id=\"rec-one\">"));
    assert!(
        html.contains("8 May 2023") && html.contains("19 May 2023") && html.contains("July 2023")
    );
    // The action that addresses rec-one is listed under it, and the guide that links to it.
    assert!(
        html.contains("P1.2 Strategy discussions on time"),
        "backlink from the action"
    );
    assert!(
        html.contains("Reading the record"),
        "backlink from the guide"
    );
    // A custom scale from site.yaml works.
    let local = page(&out, "inspections/2022-local-review/index.html");
    assert!(local.contains("tag tag-green\">Strong</strong>"));
}

#[test]
fn plan_page_rolls_up_statuses_and_flags_overdue_actions() {
    let (_t, out) = built();
    let html = page(&out, "plans/recovery/index.html");
    // Plan: P1.1 blue, P1.2 red, P2.1 amber, P2.2 grey, P3.1 amber: worst is red.
    assert!(
        html.contains("Overall status: <strong class=\"tag tag-red\">Off track</strong>"),
        "{html}"
    );
    // Priority P3 is set by hand to green although its action is amber.
    let p3 = &html[html.find("id=\"P3\"").unwrap()..];
    assert!(
        p3.contains("tag-green\">On track</strong> <span class=\"meta\">(set by hand)"),
        "{p3}"
    );
    // P1.2 (due 31 Dec 2023, red) and P3.1 (due May 2024) are overdue at 30 June 2024;
    // P2.1 is not: its revised due date is later.
    assert!(html.contains("<strong>2 overdue</strong>"), "{html}");
    // Blue is labelled as site.yaml says.
    assert!(html.contains("tag-blue\">Done</strong>"));
    let p12 = page(&out, "plans/recovery/actions/P1.2/index.html");
    assert!(
        p12.contains("Overdue") && p12.contains("Worsening"),
        "{p12}"
    );
    let p21 = page(&out, "plans/recovery/actions/P2.1/index.html");
    assert!(
        !p21.contains("Overdue") && p21.contains("Improving"),
        "{p21}"
    );
    assert!(p21.contains("Revised due") && p21.contains("31 December 2024"));
    let p22 = page(&out, "plans/recovery/actions/P2.2/index.html");
    assert!(p22.contains("Not started"), "{p22}");
}

#[test]
fn risk_register_lists_risks_highest_score_first_with_their_tags() {
    let (_t, out) = built();
    let html = page(&out, "risks/index.html");
    let (r1, r2) = (
        html.find("id=\"R1\"").unwrap(),
        html.find("id=\"R2\"").unwrap(),
    );
    assert!(r1 < r2, "R1 scores 20, R2 scores 6");
    assert!(
        html.contains("<strong class=\"risk-band\">Very high (20)</strong>")
            && html.contains("tag-red\">Mitigation: Off track</strong>"),
        "the score by its band, the status as the mitigation's: {html}"
    );
    assert!(
        html[r1..r2]
            .contains("<a class=\"tag-word\" href=\"../tags/workforce/index.html\">workforce</a>"),
        "{html}"
    );
}

#[test]
fn action_page_links_what_it_addresses_and_its_evidence() {
    let (_t, out) = built();
    let html = page(&out, "plans/recovery/actions/P1.1/index.html");
    assert!(
        html.contains("href=\"../../../../inspections/2019-ilacs/index.html#oversight\""),
        "{html}"
    );
    assert!(html.contains("href=\"../../../../visits/2020-02-monitoring/index.html\""));
    assert!(html.contains("href=\"https://example.org/evidence\""));
    // Newest update first.
    let live = html.find("Live everywhere").unwrap();
    let late = html.find("Started late").unwrap();
    assert!(live < late);
}

#[test]
fn references_work_both_ways() {
    let (_t, out) = built();
    let inspection = page(&out, "inspections/2019-ilacs/index.html");
    // Read only the "Mentioned in" section: the same titles appear in the
    // lists of actions above it.
    let start = inspection
        .find("<section class=\"referenced-by\"")
        .expect("a Mentioned in section");
    let section = &inspection[start..];
    let section = &section[..section.find("</section>").expect("closed")];
    for (from, how) in [
        ("Monitoring visit: front door", "follows it"),
        (
            "Recovery plan",
            "action P1.1 addresses improvement 1; mentions it; answers it",
        ),
    ] {
        assert!(
            section.contains(&format!("{from}</a> <span class=\"meta\">{how}</span>")),
            "2019 inspection should show it is mentioned in {from} ({how}):\n{section}"
        );
    }
    let meeting = page(&out, "meetings/2024-01-10-scrutiny/index.html");
    assert!(meeting.contains("href=\"../../meetings/2024-01-10-scrutiny/report/index.html\">Improvement update report</a>"), "agenda links its paper: {meeting}");
    let rec = &meeting[meeting.find("id=\"rec-1\"").unwrap()..];
    assert!(
        rec[..rec.find("</li>").unwrap()].contains("Response to the committee"),
        "{rec}"
    );
    let response = page(&out, "meetings/2024-01-10-scrutiny/response/index.html");
    assert!(response.contains("Accepted") && response.contains("Caseload figures"));
    let minutes = page(&out, "meetings/2024-01-10-scrutiny/minutes/index.html");
    // A paper without a date takes its meeting's.
    assert!(minutes.contains("10 January 2024"), "{minutes}");
}

#[test]
fn markdown_renders_tables_footnotes_strikethrough_heading_ids_and_relative_images() {
    let (_t, out) = built();
    let html = page(&out, "guides/reading/index.html");
    assert!(html.contains("<table>") && html.contains("<th>Column</th>"));
    assert!(html.contains("footnote-definition"));
    assert!(html.contains("<del>struck</del>"));
    assert!(
        html.contains("<h2 id=\"how-to-read\">How to read</h2>"),
        "{html}"
    );
    assert!(html.contains("src=\"../../images/logo.png\""), "{html}");
    // A link by file name goes to that document's page; `#main` after it is an anchor, not an item.
    assert!(
        html.contains("<a href=\"../../about/index.html\">about this site</a>"),
        "{html}"
    );
    let report = page(&out, "meetings/2024-01-10-scrutiny/report/index.html");
    assert!(
        report.contains("href=\"../../../meetings/2024-01-10-scrutiny/response/index.html#main\"")
    );
    assert_eq!(
        std::fs::read(out.join("images/logo.png")).unwrap(),
        std::fs::read(fixture("valid/images/logo.png")).unwrap()
    );
}

#[test]
fn exempt_and_draft_documents_leave_no_trace() {
    let (_t, out) = built();
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("CANARY"),
            "{path} carries an exempt or draft trace"
        );
    }
    assert!(!out.join("meetings/2024-01-10-scrutiny/staffing").exists());
    let report = page(&out, "meetings/2024-01-10-scrutiny/report/index.html");
    assert!(
        report.contains(
            "exempt staffing paper <span class=\"not-published\">(exempt (paragraph 1))</span>"
        ),
        "{report}"
    );
    let meeting = page(&out, "meetings/2024-01-10-scrutiny/index.html");
    assert!(
        meeting.contains("(exempt (paragraph 1))"),
        "the agenda says its paper is exempt"
    );
    assert!(
        report.contains(
            "same paper by file <span class=\"not-published\">(exempt (paragraph 1))</span>"
        ),
        "a link by file name to an exempt paper is unlinked too: {report}"
    );
}

#[test]
fn include_exempt_and_drafts_publish_them_with_a_banner() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("restricted");
    let (code, _, err) = build(&fixture("valid"), &out, &["--include-exempt", "--drafts"]);
    assert_eq!(code, 0, "{err}");
    let staffing = page(&out, "meetings/2024-01-10-scrutiny/staffing/index.html");
    assert!(
        staffing.contains("CANARY-EXEMPT-BODY")
            && staffing.contains("exempt (paragraph 1) under Schedule 12A")
    );
    let draft = page(&out, "meetings/2024-01-10-scrutiny/draft-notes/index.html");
    assert!(draft.contains("Draft:"));
}

#[test]
fn the_same_content_and_date_give_byte_identical_output() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(
        build(&fixture("valid"), &a, &["--as-of", "2024-01-01"]).0,
        0
    );
    assert_eq!(
        build(&fixture("valid"), &b, &["--as-of", "2024-01-01"]).0,
        0
    );
    assert_eq!(tree(&a), tree(&b));
    let home = read(&a, "index.html");
    assert!(
        home.contains("as at 1 January 2024"),
        "--as-of wins over site.yaml"
    );
}

#[test]
fn source_date_epoch_sets_today_when_no_as_of_is_given() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    let o = oversight()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["build", "--content"])
        .arg(fixture("valid"))
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(read(&out, "index.html").contains("as at 14 November 2023"));
}

#[test]
fn check_validates_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let before = tree(tmp.path());
    let (code, out, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("checked 14 documents: no errors"), "{out}");
    assert_eq!(tree(tmp.path()), before);
}

#[test]
fn a_site_theme_overrides_a_template_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(content.join("site.yaml"), format!("{yaml}theme: council\n")).unwrap();
    std::fs::create_dir_all(tmp.path().join("themes/council/templates")).unwrap();
    std::fs::write(
        tmp.path().join("themes/council/templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Not here, sorry</h1>{% endblock content %}",
    )
    .unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(read(&out, "404.html").contains("Not here, sorry"));
    assert!(
        read(&out, "index.html").contains("Welcome to the fixture journey"),
        "other templates stay built in"
    );
}

#[test]
fn a_paper_of_an_exempt_meeting_is_hidden_and_bannered_when_included() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let meeting = content.join("meetings/2024-01-10-scrutiny/index.md");
    let text = std::fs::read_to_string(&meeting).unwrap();
    // Quoted paragraph numbers are read as numbers; status labels in any case.
    std::fs::write(&meeting, text.replacen("---\n", "---\nexempt: \"3\"\n", 1)).unwrap();
    let site = content.join("site.yaml");
    let yaml = std::fs::read_to_string(&site).unwrap();
    std::fs::write(
        &site,
        yaml.replace("  blue: Done", "  Blue: Done\n  gray: Not begun"),
    )
    .unwrap();
    let out = tmp.path().join("public");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.join("meetings/2024-01-10-scrutiny/report").exists(),
        "its papers share its fate"
    );
    assert!(read(&out, "plans/recovery/index.html").contains("tag-blue\">Done</strong>"));
    assert!(read(&out, "plans/recovery/actions/P2.2/index.html").contains("Not begun"));
    let restricted = tmp.path().join("restricted");
    let (code, _, err) = build(&content, &restricted, &["--include-exempt"]);
    assert_eq!(code, 0, "{err}");
    let report = read(
        &restricted,
        "meetings/2024-01-10-scrutiny/report/index.html",
    );
    assert!(
        report.contains("exempt (paragraph 3) under Schedule 12A"),
        "{report}"
    );
}

#[test]
fn the_404_page_is_styled_anywhere_and_links_home_through_base_url() {
    // Without base_url, its links are relative to the top of the site.
    let tmp = tempfile::tempdir().unwrap();
    let content = valid_without_base_url(tmp.path());
    let plain_out = tmp.path().join("output");
    let (code, _, err) = build(&content, &plain_out, &[]);
    assert_eq!(code, 0, "{err}");
    let plain = read(&plain_out, "404.html");
    assert!(
        plain.contains("<style>") && plain.contains(".tag-red"),
        "styles inlined: no stylesheet path to get wrong"
    );
    assert!(plain.contains("<a href=\"index.html\">Go to the home page</a>"));

    // With base_url, absolute, so they work at any missing address.
    let (_t, out) = built();
    let html = read(&out, "404.html");
    assert!(
        html.contains(
            "<a href=\"https://intranet.testshire.example/cyp/index.html\">Go to the home page</a>"
        ),
        "{html}"
    );
    assert!(
        html.contains("href=\"https://intranet.testshire.example/cyp/plans/index.html\""),
        "navigation too"
    );
    // Every other page stays relative.
    assert!(read(&out, "plans/index.html").contains("href=\"../index.html\""));
}

#[test]
fn a_site_colour_for_a_status_is_used_with_text_that_reads_on_it() {
    let (_t, out) = built();
    let html = read(&out, "plans/recovery/index.html");
    assert!(
        html.contains(
            "<style>.tag-green { background: #005ea5; color: #ffffff; border-left-color: #ffffff; }"
        ),
        "{html}"
    );
    assert!(
        html.contains("tag-green\">On track</strong>"),
        "the label stays as text"
    );
    assert!(
        !html.contains(".tag-red {"),
        "statuses without a site colour keep the theme's"
    );
}

#[test]
fn a_theme_reads_all_of_a_list_rows_detail_and_a_status_rows_fields() {
    // The built-in list shows eight fields of each row's detail; a theme
    // may show any of them ("its kind's detail, as on its page").
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(content.join("site.yaml"), format!("{yaml}theme: council\n")).unwrap();
    let templates = tmp.path().join("themes/council/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("list.html"),
        "{% if page.folder == \"plans\" %}{% for d in page.items %}[{{ d.title }}: owner {{ d.detail.owner }}, {{ d.detail.actions | length }} actions, \
         first {{ d.detail.actions[0].id }} due {{ d.detail.actions[0].due.long }}, \
         priority {{ d.detail.priorities[0].id }} with {{ d.detail.priorities[0].actions | length }}]{% endfor %}{% endif %}",
    )
    .unwrap();
    std::fs::write(
        templates.join("status-list.html"),
        "{% for r in page.rows %}({{ r.type }} {{ r.ref }} in {{ r.context }}: {{ r.status.label }}{% if r.type == \"action\" %}, owner {{ r.owner | default(value=\"none\") }}{% else %}, {{ r.note }}{% endif %}){% endfor %}",
    )
    .unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &["--as-of", "2024-06-01"]);
    assert_eq!(code, 0, "{err}");
    let plans = read(&out, "plans/index.html");
    assert!(
        plans.contains("owner Director of Children&#39;s Services, 5 actions, first P1.1 due 31 March 2022, priority P1 with 2]"),
        "{plans}"
    );
    let red = read(&out, "status/red/index.html");
    assert!(red.contains("(action P1.2 in "), "{red}");
    let blue = read(&out, "status/blue/index.html");
    assert!(
        blue.contains("(action P1.1 in ") && blue.contains(", owner Assistant Director)"),
        "{blue}"
    );
}
