//! A line chart of an indicator's values over time, with an optional target.

use super::{escape, num, open};
use chrono::{Datelike, NaiveDate};

/// One recorded value.
pub struct LinePoint {
    pub date: NaiveDate,
    pub value: f64,
    /// The value as people read it, e.g. "245 children".
    pub label: String,
    /// The date as people read it, e.g. "November 2021".
    pub date_label: String,
}

/// What to draw: the values, the target (value and label) and which way is good.
pub struct LineChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub points: &'a [LinePoint],
    pub target: Option<(f64, String)>,
    pub higher_is_better: bool,
}

const W: u32 = 640;
const H: u32 = 320;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 616.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 280.0;
/// Keeps the first and last points off the axes.
const PAD: f64 = 12.0;
/// Values beyond this are drawn at this, so the arithmetic stays finite.
const LIMIT: f64 = 1e100;

/// The chart as an SVG string. Points whose value is not finite are skipped.
pub fn line_chart(c: &LineChart) -> String {
    let mut pts: Vec<&LinePoint> = c.points.iter().filter(|p| p.value.is_finite()).collect();
    pts.sort_by_key(|p| p.date);
    let target = c.target.as_ref().filter(|t| t.0.is_finite());
    let desc = describe(&pts, target, c.higher_is_better);
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        let mut s = open("line", c.id, W, 48, c.title, &desc);
        s.push_str("<text class=\"chart-label chart-muted\" x=\"320\" y=\"30\" text-anchor=\"middle\">No values recorded.</text></svg>");
        return s;
    };
    let mut s = open("line", c.id, W, H, c.title, &desc);

    let clamp = |v: f64| v.clamp(-LIMIT, LIMIT);
    let all = pts
        .iter()
        .map(|p| clamp(p.value))
        .chain(target.map(|t| clamp(t.0)));
    let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (k_lo, k_hi, step) = nice_range(lo, hi);
    let (lo, hi) = (k_lo as f64 * step, k_hi as f64 * step);
    let y = |v: f64| BOTTOM - (clamp(v) - lo) / (hi - lo) * (BOTTOM - TOP);
    let top_tick = k_lo.abs().max(k_hi.abs()) as f64 * step;
    for k in k_lo..=k_hi {
        let gy = num(y(k as f64 * step));
        let class = if k == 0 {
            "chart-grid chart-zero"
        } else {
            "chart-grid"
        };
        s.push_str(&format!(
            "<line class=\"{class}\" x1=\"{}\" y1=\"{gy}\" x2=\"{}\" y2=\"{gy}\"/>\
             <text class=\"chart-label chart-muted\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            num(LEFT), num(RIGHT), num(LEFT - 8.0), num(y(k as f64 * step) + 5.0),
            tick_label(k as f64 * step, step, top_tick)
        ));
    }
    s.push_str(&format!(
        "<path class=\"chart-axis\" d=\"M{l} {t}V{b}H{r}\"/>",
        l = num(LEFT),
        t = num(TOP),
        b = num(BOTTOM),
        r = num(RIGHT)
    ));

    let days = (last.date - first.date).num_days();
    let x = |d: NaiveDate| {
        if days == 0 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + PAD
                + (d - first.date).num_days() as f64 / days as f64 * (RIGHT - LEFT - 2.0 * PAD)
        }
    };
    let mut ticks: Vec<(f64, String, &str)> = Vec::new();
    if days >= 365 {
        let years: Vec<i32> = (first.date.year()..=last.date.year())
            .filter(|&yr| {
                NaiveDate::from_ymd_opt(yr, 1, 1).is_some_and(|d| d >= first.date && d <= last.date)
            })
            .collect();
        let stride = years.len().div_ceil(10).max(1);
        for (i, yr) in years.iter().enumerate() {
            let label = if i % stride == 0 {
                yr.to_string()
            } else {
                String::new()
            };
            ticks.push((
                x(NaiveDate::from_ymd_opt(*yr, 1, 1).unwrap_or(first.date)),
                label,
                "middle",
            ));
        }
    } else if days == 0 {
        ticks.push((x(first.date), escape(&first.date_label), "middle"));
    } else {
        ticks.push((x(first.date), escape(&first.date_label), "start"));
        ticks.push((x(last.date), escape(&last.date_label), "end"));
    }
    for (tx, label, anchor) in &ticks {
        let (tx, b) = (num(*tx), num(BOTTOM));
        s.push_str(&format!(
            "<line class=\"chart-axis\" x1=\"{tx}\" y1=\"{b}\" x2=\"{tx}\" y2=\"{}\"/>",
            num(BOTTOM + 6.0)
        ));
        if !label.is_empty() {
            s.push_str(&format!(
                "<text class=\"chart-label\" x=\"{tx}\" y=\"{}\" text-anchor=\"{anchor}\">{label}</text>",
                num(BOTTOM + 24.0)
            ));
        }
    }

    if let Some((tv, tl)) = target {
        let ty = y(*tv);
        s.push_str(&format!(
            "<line class=\"chart-target\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            num(LEFT),
            num(RIGHT),
            y = num(ty)
        ));
        s.push_str(&format!(
            "<text class=\"chart-label chart-target-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">Target: {}</text>",
            num(RIGHT), num(ty - 6.0), escape(tl)
        ));
    }
    if pts.len() > 1 {
        let coords: Vec<String> = pts
            .iter()
            .map(|p| format!("{},{}", num(x(p.date)), num(y(p.value))))
            .collect();
        s.push_str(&format!(
            "<polyline class=\"chart-line\" points=\"{}\"/>",
            coords.join(" ")
        ));
    }
    for p in &pts {
        s.push_str(&format!(
            "<circle class=\"chart-point\" cx=\"{}\" cy=\"{}\" r=\"5\"><title>{}: {}</title></circle>",
            num(x(p.date)), num(y(p.value)), escape(&p.date_label), escape(&p.label)
        ));
    }
    s.push_str("</svg>");
    s
}

fn describe(pts: &[&LinePoint], target: Option<&(f64, String)>, higher_is_better: bool) -> String {
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        return "No values recorded.".to_string();
    };
    let mut d = if pts.len() == 1 {
        format!("1 value: {} ({}).", first.date_label, first.label)
    } else {
        format!(
            "{} values from {} ({}) to {} ({}).",
            pts.len(),
            first.date_label,
            first.label,
            last.date_label,
            last.label
        )
    };
    if let Some((_, label)) = target {
        d.push_str(&format!(" Target {label}."));
    }
    d.push_str(if higher_is_better {
        " Higher is better."
    } else {
        " Lower is better."
    });
    d
}

/// Gridlines at `k * step` for `k` in the returned range: 4 to 6 of them,
/// covering `lo..=hi`, the step being 1, 2, 2.5 or 5 times a power of ten.
fn nice_range(lo: f64, hi: f64) -> (i64, i64, f64) {
    let hi = if hi > lo { hi } else { lo + 1.0 };
    let mut exp = (hi - lo).log10().floor() as i32 - 2;
    loop {
        for m in [1.0, 2.0, 2.5, 5.0] {
            let step = m * 10f64.powi(exp);
            let (k_lo, k_hi) = ((lo / step).floor(), (hi / step).ceil());
            if k_hi - k_lo <= 5.0 {
                return (k_lo as i64, k_hi as i64, step);
            }
        }
        exp += 1;
    }
}

/// A gridline's number: "1,500", "2.5", "1.25m", "3bn".
fn tick_label(v: f64, step: f64, largest: f64) -> String {
    let (div, unit) = match largest {
        l if l >= 1e9 => (1e9, "bn"),
        l if l >= 1e6 => (1e6, "m"),
        _ => (1.0, ""),
    };
    let (v, step) = (v / div, step / div);
    let decimals = (0..8).find(|&d| {
        let f = step * 10f64.powi(d);
        (f - f.round()).abs() < 1e-6
    });
    let s = format!("{:.*}", decimals.unwrap_or(8) as usize, v);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    let (sign, digits) = s.strip_prefix('-').map_or(("", s), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, ""), |(i, f)| (i, f));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if grouped.chars().all(|c| c == '0' || c == ',') && frac.is_empty() {
        ""
    } else {
        sign
    };
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{sign}{grouped}{dot}{frac}{unit}")
}

#[cfg(test)]
mod tests {
    use super::super::assert_well_formed;
    use super::*;

    fn pt(y: i32, m: u32, value: f64) -> LinePoint {
        let date = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        LinePoint {
            date,
            value,
            label: format!("{value} children"),
            date_label: date.format("%B %Y").to_string(),
        }
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
        // Under a year: the first and last dates label the axis.
        assert!(svg.contains(">January 2021</text>") && svg.contains(">March 2021</text>"));
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
}
