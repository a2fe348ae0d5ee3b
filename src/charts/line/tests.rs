//! The line chart: its text alternative, dated axis, layout and safety.

use super::super::assert_well_formed;
use super::*;

fn pt(y: i32, m: u32, value: f64) -> LinePoint {
    let date = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    LinePoint {
        date,
        value,
        label: format!("{value} children"),
        date_label: date.format("%B %Y").to_string(),
        axis_label: date.format("%b %Y").to_string(),
        drawn_at: None,
        estimate: false,
    }
}

/// The text of every label on the chart, left to right, in each row.
fn labels(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
        .filter_map(|rest| rest.split_once("</text>").map(|(l, _)| l.to_string()))
        .collect()
}

fn chart(points: &[LinePoint], target: Option<(f64, String)>) -> String {
    let c = LineChart {
        id: "cla",
        title: "Children looked after",
        points,
        target,
        higher_is_better: false,
    };
    let svg = line_chart(&c);
    assert_well_formed(&svg);
    svg
}

#[test]
fn describes_the_values_target_and_direction() {
    let pts = [pt(2021, 11, 245.0), pt(2022, 5, 260.0), pt(2023, 3, 238.0)];
    let svg = chart(&pts, Some((250.0, "250 children".into())));
    assert!(svg.contains(
        "<desc id=\"cla-desc\">3 values from November 2021 (245 children) to March 2023 (238 children). \
         Target 250 children. Lower is better.</desc>"
    ));
    assert_eq!(svg.matches("<circle class=\"chart-point\"").count(), 3);
    assert!(svg.contains("<title>November 2021: 245 children</title>"));
    assert_eq!(svg.matches("class=\"chart-target\"").count(), 1);
    assert!(svg.contains(">Target: 250 children</text>"));
    assert!(svg.contains("<polyline class=\"chart-line\""));
    assert!(
        svg.contains(">2022</text>")
            && svg.contains(">2023</text>")
            && !svg.contains(">2021</text>")
    );
}

#[test]
fn no_target_line_without_a_target() {
    let svg = chart(&[pt(2021, 1, 1.0), pt(2021, 3, 2.0)], None);
    assert!(!svg.contains("chart-target") && !svg.contains("Target"));
    // Under a year: the first and last dates label the axis, with the
    // year whose 1 January is among them.
    let l = labels(&svg);
    assert!(
        l.contains(&"Jan 2021".into()) && l.contains(&"Mar 2021".into()),
        "{l:?}"
    );
    assert!(l.contains(&"2021".into()), "{l:?}");
}

#[test]
fn the_time_axis_labels_the_first_and_last_dates_and_each_year() {
    let pts = [pt(2019, 3, 1.0), pt(2021, 11, 2.0), pt(2023, 3, 3.0)];
    let svg = chart(&pts, None);
    let l = labels(&svg);
    for want in ["Mar 2019", "Mar 2023", "2020", "2021", "2022", "2023"] {
        assert!(l.contains(&want.to_string()), "{want} in {l:?}");
    }
    assert!(!l.contains(&"2019".into()), "no 1 January 2019 on the axis");
    // The first date starts at the first point; the last ends at the last.
    assert!(svg.contains("text-anchor=\"start\">Mar 2019</text>"));
    assert!(svg.contains("text-anchor=\"end\">Mar 2023</text>"));
    // Years in one row, the end dates in the row below.
    assert!(svg.contains("dy=\"1.3em\" text-anchor=\"middle\">2020</text>"));
    assert!(svg.contains("dy=\"2.6em\" text-anchor=\"start\">Mar 2019</text>"));
    // One date: one label, in the middle.
    let one = chart(&[pt(2022, 4, 12.0)], None);
    assert!(one.contains("text-anchor=\"middle\">Apr 2022</text>"));
}

#[test]
fn year_labels_thin_out_so_they_never_touch_at_the_largest_size() {
    let pts: Vec<LinePoint> = (1990..=2040).map(|y| pt(y, 1, 1.0)).collect();
    let svg = chart(&pts, None);
    let years: Vec<f64> = svg
        .split("<text class=\"chart-label\" x=\"")
        .skip(1)
        .filter(|t| t.contains("text-anchor=\"middle\">"))
        .map(|t| t.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(years.len() >= 5 && years.len() < 51, "{}", years.len());
    let room = width("2000", BIG);
    assert!(years.windows(2).all(|w| w[1] - w[0] > room), "{years:?}");
}

#[test]
fn value_labels_get_room_at_the_largest_size() {
    let svg = chart(&[pt(2020, 1, 1200.0), pt(2021, 1, 1500.0)], None);
    // "1,500" at the narrow screen's size is wider than the usual margin.
    let x: f64 = svg
        .split_once("text-anchor=\"end\">1,500</text>")
        .and_then(|(before, _)| before.rsplit_once("x=\""))
        .and_then(|(_, rest)| rest.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(x >= width("1,500", BIG), "{x}");
}

#[test]
fn estimates_and_words_are_said_in_the_text_alternative() {
    let mut est = pt(2023, 3, 50.0);
    est.label = "over half".into();
    est.drawn_at = Some("50%".into());
    est.estimate = true;
    let pts = [pt(2020, 2, 30.0), est];
    let svg = chart(&pts, None);
    assert!(
        svg.contains(
            "2 values from February 2020 (30 children) to March 2023 (over half, an estimate). \
             March 2023: “over half” is drawn at 50%. The value for March 2023 is an estimate."
        ),
        "{svg}"
    );
    assert!(svg.contains("<title>March 2023: over half (estimate)</title>"));
    assert_eq!(
        svg.matches("class=\"chart-point chart-estimate\"").count(),
        1
    );
    assert_eq!(svg.matches("class=\"chart-point\"").count(), 1);
}

#[test]
fn skips_values_that_are_not_numbers() {
    let pts = [
        pt(2020, 1, f64::NAN),
        pt(2021, 1, 5.0),
        pt(2022, 1, f64::INFINITY),
        pt(2023, 1, 7.0),
    ];
    let svg = chart(&pts, Some((f64::NEG_INFINITY, "never".into())));
    assert_eq!(svg.matches("<circle class=\"chart-point\"").count(), 2);
    assert!(!svg.contains("NaN") && !svg.contains("inf") && !svg.contains("chart-target"));
    assert!(svg.contains(">2 values from January 2021"));
}

#[test]
fn survives_awkward_inputs() {
    let empty = chart(&[], Some((3.0, "3".into())));
    assert!(empty.contains("<desc id=\"cla-desc\">No values recorded.</desc>"));
    assert!(!empty.contains("chart-point"));
    let one = chart(&[pt(2022, 4, 12.0)], None);
    assert!(one.contains("cx=\"344\"") && one.contains(">1 value: April 2022 (12 children)."));
    let cases = [
        vec![pt(2020, 1, 4.0), pt(2021, 1, 4.0), pt(2022, 1, 4.0)],
        vec![pt(2020, 1, 0.0), pt(2021, 1, 0.0)],
        vec![pt(2020, 1, -40.0), pt(2021, 1, -3.5), pt(2022, 1, 12.0)],
        vec![pt(2020, 1, 1e12), pt(2021, 1, 3.2e12)],
        vec![pt(2020, 1, 1.0), pt(2020, 1, 9.0), pt(2020, 1, 3.0)],
        vec![pt(2000, 1, 0.001), pt(2040, 1, 0.002)],
        vec![pt(2020, 1, f64::MAX), pt(2021, 1, f64::MIN)],
    ];
    for pts in &cases {
        let svg = chart(pts, Some((2.0, "2".into())));
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert_eq!(
            svg.matches("<circle class=\"chart-point\"").count(),
            pts.len()
        );
    }
}

#[test]
fn escapes_input_text() {
    let mut p = pt(2021, 1, 1.0);
    p.label = "<b>\"x\" & 'y'</b>".into();
    let c = LineChart {
        id: "x",
        title: "<script>alert(1)</script>",
        points: &[p],
        target: None,
        higher_is_better: true,
    };
    let svg = line_chart(&c);
    assert_well_formed(&svg);
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svg.contains("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"));
}

#[test]
fn same_input_same_bytes() {
    let pts = [pt(2019, 3, 1.23456), pt(2024, 7, 98.7654)];
    assert_eq!(
        chart(&pts, Some((50.0, "50".into()))),
        chart(&pts, Some((50.0, "50".into())))
    );
}

#[test]
fn gridlines_are_nice_and_few() {
    for (lo, hi) in [
        (0.0, 0.0),
        (0.0, 1.0),
        (0.0, 7.3),
        (0.0, 245.0),
        (-40.0, 12.0),
        (0.0, 3.2e12),
        (-0.3, 0.0),
    ] {
        let (k_lo, k_hi, step) = nice_range(lo, hi);
        assert!(
            (3..=5).contains(&(k_hi - k_lo)),
            "{lo}..{hi}: {k_lo}..{k_hi} x {step}"
        );
        assert!(k_lo as f64 * step <= lo && k_hi as f64 * step >= hi);
    }
    assert_eq!(tick_label(1500.0, 500.0, 2000.0), "1,500");
    assert_eq!(tick_label(2.5, 2.5, 10.0), "2.5");
    assert_eq!(tick_label(1.25e6, 2.5e5, 2e6), "1.25m");
    assert_eq!(tick_label(-3e12, 1e12, 4e12), "-3,000bn");
    assert_eq!(tick_label(0.0, 0.1, 0.5), "0");
}
