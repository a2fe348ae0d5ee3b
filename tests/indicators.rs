//! Indicators, version 2: values shown as words or marked as estimates,
//! how often values come, and what a member sees when the latest value is
//! out of date.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const SITE: &str = "title: Indicator test site\nbase_url: https://intranet.example/\n";

/// Below its target and falling, reported quarterly; last valued in March
/// 2023, so recent up to 30 September 2023 (twice a quarter from the end of
/// March), out of date from 1 October.
const GOOD_JUDGEMENTS: &str = "\
title: Judgements graded good
unit: '%'
better: higher
target: 80
frequency: quarterly
values:
  - { date: 2022-12, value: 60 }
  - { date: 2023-03, value: 50, shown_as: over half, estimate: true, note: From a sample of audits }
";

/// No target, no frequency: the site's `stale_after` decides.
const VISITS: &str = "\
title: Visits on time
unit: visits
better: higher
values:
  - { date: 2021-06-15, value: 120 }
  - { date: 2022-06-15, value: 140 }
";

fn site(dir: &Path, site_yaml: &str) -> PathBuf {
    write_site(
        dir,
        site_yaml,
        &[
            ("indicators/good-judgements.yaml", GOOD_JUDGEMENTS),
            ("indicators/visits.yaml", VISITS),
        ],
    )
}

fn built(site_yaml: &str, as_of: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = site(tmp.path(), site_yaml);
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &["--as-of", as_of]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    (tmp, out)
}

/// The number of indicators the home page's headline counts at a status
/// label ("0" when it lists none there).
fn glance(home: &str, label: &str) -> String {
    let line = between(home, "class=\"glance-indicators\"", "</p>");
    line.split("class=\"glance-indicator\">")
        .skip(1)
        .find(|c| c.contains(&format!(">{label}<")))
        .map_or("0".into(), |c| {
            c.split(' ').next().unwrap_or("").to_string()
        })
}

/// The good-judgements indicator's record in `data/site.json`.
fn indicator_json(out: &Path) -> serde_json::Value {
    let site: serde_json::Value = serde_json::from_str(&read(out, "data/site.json")).unwrap();
    site["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "indicators/good-judgements")
        .cloned()
        .unwrap_or_else(|| panic!("no indicator in {site}"))
}

#[test]
fn an_out_of_date_indicator_says_so_has_no_status_and_is_not_counted() {
    // The last day it is recent: rated red (target missed, falling), and
    // counted on the home page.
    let (_t, out) = built(SITE, "2023-09-30");
    let page = read(&out, "indicators/good-judgements/index.html");
    assert!(page.contains("tag-red"), "red while recent");
    assert!(!page.contains("No recent value"));
    assert_eq!(glance(&read(&out, "index.html"), "Off track"), "1");

    // The day after: out of date.
    let (_t, out) = built(SITE, "2023-10-01");
    let page = read(&out, "indicators/good-judgements/index.html");
    let latest = between(&page, "<dt>Latest</dt>", "</div>");
    assert!(
        latest.contains("No recent value (last: March 2023)"),
        "{latest}"
    );
    let target = between(&page, "<dt>Target</dt>", "</div>");
    assert!(
        !target.contains("class=\"tag") && target.contains("No status"),
        "{target}"
    );
    let list = read(&out, "indicators/index.html");
    let row = between(&list, "Judgements graded good</a>", "</tr>");
    assert!(
        row.contains("No recent value (last: March 2023)") && !row.contains("class=\"tag"),
        "{row}"
    );
    let home = read(&out, "index.html");
    assert_eq!(
        glance(&home, "Off track"),
        "0",
        "left out of the home page's counts"
    );
    assert!(
        home.contains("(1 with no recent value, not rated)"),
        "{home}"
    );
    let status = read(&out, "status/index.html");
    assert!(
        !status.contains("<th scope=\"row\">Indicators</th>"),
        "nor counted on the status page"
    );
    let stale = between(&status, "Indicators with no recent value", "</section>");
    assert!(
        stale.contains("Judgements graded good</a>: No recent value (last: March 2023)"),
        "{stale}"
    );
    assert_eq!(indicator_json(&out)["out_of_date"], true);
}

#[test]
fn with_no_frequency_the_sites_stale_after_decides() {
    // Last valued 15 June 2022; twelve months by default.
    let (_t, out) = built(SITE, "2023-06-15");
    let list = read(&out, "indicators/index.html");
    assert!(
        !list.contains("No recent value (last: June 2022)"),
        "{list}"
    );
    let (_t, out) = built(SITE, "2023-06-16");
    let list = read(&out, "indicators/index.html");
    assert!(list.contains("No recent value (last: June 2022)"), "{list}");
    // Longer in site.yaml, written in any case.
    let (_t, out) = built(&format!("{SITE}stale_after: 18 Months\n"), "2023-12-15");
    let page = read(&out, "indicators/visits/index.html");
    let latest = between(&page, "<dt>Latest</dt>", "</div>");
    assert_eq!(latest, "<dt>Latest</dt><dd>140 visits (15 June 2022)</dd>");
    let (_t, out) = built(&format!("{SITE}stale_after: 18 Months\n"), "2023-12-16");
    let page = read(&out, "indicators/visits/index.html");
    assert!(page.contains("No recent value (last: June 2022)"), "{page}");
}

#[test]
fn words_and_estimates_are_shown_wherever_the_value_is() {
    let (_t, out) = built(SITE, "2023-06-30");
    let page = read(&out, "indicators/good-judgements/index.html");
    let latest = between(&page, "<dt>Latest</dt>", "</div>");
    assert!(
        latest.contains("over half (estimate) (March 2023)"),
        "{latest}"
    );
    assert!(!latest.contains("50%"), "{latest}");
    assert!(page.contains("<dt>Reported</dt><dd>Quarterly</dd>"));
    // A difference of numbers would look surer than the words are.
    let change = between(&page, "<dt>Change since the previous value</dt>", "</div>");
    assert!(
        change.contains("from 60% to over half (estimate)"),
        "{change}"
    );
    let table = between(&page, "<caption>Values over time</caption>", "</table>");
    assert!(table.contains("<td>over half (estimate)</td>"), "{table}");
    assert!(table.contains("<td>60%</td>"), "{table}");
    // The chart places the point at 50 and says so.
    let chart = between(&page, "<svg", "</svg>");
    assert!(
        chart.contains(
            "to March 2023 (over half, an estimate). March 2023: “over half” is drawn at 50%. \
             The value for March 2023 is an estimate."
        ),
        "{chart}"
    );
    assert!(chart.contains("<title>March 2023: over half (estimate)</title>"));
    assert!(chart.contains("class=\"chart-point chart-estimate\""));
    assert!(page.contains("Hollow points are estimates."));
    let list = read(&out, "indicators/index.html");
    let row = between(&list, "Judgements graded good</a>", "</tr>");
    assert!(row.contains("over half (estimate)"), "{row}");
    let csv = read(&out, "data/indicators.csv");
    assert!(csv.contains("Shown as,Estimate"), "{csv}");
    assert!(
        csv.contains("2023-03,50,%,80,From a sample of audits,over half,Yes"),
        "{csv}"
    );
    let json = indicator_json(&out);
    assert_eq!(json["values"][1]["shown_as"], "over half");
    assert_eq!(json["values"][1]["estimate"], true);
    assert_eq!(json["out_of_date"], false);
}

#[test]
fn the_chart_dates_its_time_axis() {
    let (_t, out) = built(SITE, "2022-07-01");
    let page = read(&out, "indicators/visits/index.html");
    let chart = between(&page, "<svg", "</svg>");
    // The first and last dates, and the one 1 January between them.
    for label in [">15 Jun 2021</text>", ">15 Jun 2022</text>", ">2022</text>"] {
        assert!(chart.contains(label), "{label} in {chart}");
    }
    assert!(!chart.contains(">2021</text>"), "{chart}");
}

#[test]
fn the_example_shows_its_old_figure_as_out_of_date_and_the_grant_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    // As at 30 June 2023, a November 2021 count is more than 12 months old.
    let list = read(&out, "indicators/index.html");
    let row = between(&list, "Children in permanent placements</a>", "</tr>");
    assert!(
        row.contains("No recent value (last: November 2021)"),
        "{row}"
    );
    // The report gives no exact figure for the grant: "over £6m annual".
    let grant = read(&out, "indicators/improvement-grant/index.html");
    let latest = between(&grant, "<dt>Latest</dt>", "</div>");
    assert!(
        latest.contains("over £6m a year (November 2022)"),
        "{latest}"
    );
    assert!(grant.contains("<dt>Reported</dt><dd>Annually</dd>"));
}

#[test]
fn a_value_that_measures_something_else_is_not_read_as_a_change() {
    // The definition changed in 2023: the fall from 60 to 40 is not a fall.
    let changed = "\
title: Caseloads per social worker
unit: children
better: lower
target: 18
values:
  - { date: 2022-12, value: 24 }
  - { date: 2023-06, value: 16, comparable: false, note: Counted per full-time post from 2023 }
";
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(tmp.path(), SITE, &[("indicators/caseloads.yaml", changed)]);
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &["--as-of", "2023-07-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    let page = read(&out, "indicators/caseloads/index.html");
    let change = between(&page, "<dt>Change since the previous value</dt>", "</div>");
    assert!(
        change.contains("not comparable with the value before") && !change.contains("Improving"),
        "{change}"
    );
    let list = read(&out, "indicators/index.html");
    let row = between(&list, "Caseloads per social worker</a>", "</tr>");
    assert!(!row.contains("Improving") && !row.contains("−8"), "{row}");
    validate(&out);
}
