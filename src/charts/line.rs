//! A line chart of an indicator's values over time, with an optional target.
//!
//! The time axis is dated: a tick for each 1 January, labelled with its
//! year, and below them the first and last values' dates. On a narrow
//! screen the theme draws the labels larger (see `.chart-line .chart-label`
//! in style.css); the layout leaves room for them at that size, [`BIG`].

use super::{escape, num, open};
use crate::model::Date;
use chrono::{Datelike, NaiveDate};

/// One recorded value.
pub struct LinePoint {
    pub date: NaiveDate,
    pub value: f64,
    /// The value as people read it: "245 children", or the words written
    /// for it ("over half").
    pub label: String,
    /// The date as people read it, e.g. "November 2021".
    pub date_label: String,
    /// The date on the axis, e.g. "Nov 2021" (see [`axis_date`]).
    pub axis_label: String,
    /// When `label` is words: the number the point is drawn at ("50%").
    pub drawn_at: Option<String>,
    pub estimate: bool,
}

/// A date short enough for the axis: "Nov 2021", "24 Mar 2023".
pub fn axis_date(d: &Date) -> String {
    const SHORT: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = d.first_day();
    let month = SHORT[day.month0() as usize];
    if d.is_month_only() {
        format!("{month} {}", day.year())
    } else {
        format!("{} {month} {}", day.day(), day.year())
    }
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
/// The plot's left edge, unless the value labels need more room.
const LEFT: f64 = 72.0;
const RIGHT: f64 = 616.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 280.0;
/// The largest size the theme draws labels at (on a narrow screen), in
/// the chart's units: the layout makes room for labels this size.
const BIG: f64 = 28.0;
/// The baseline of each row of date labels below the axis, in ems.
const ROWS: [f64; 2] = [1.3, 2.6];
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
    let gridlines: Vec<(f64, String)> = (k_lo..=k_hi)
        .map(|k| (k as f64 * step, tick_label(k as f64 * step, step, top_tick)))
        .collect();
    let widest = gridlines
        .iter()
        .map(|(_, l)| width(l, BIG))
        .fold(0.0, f64::max);
    let left = LEFT.max(widest + 12.0);

    let days = (last.date - first.date).num_days();
    let x = |d: NaiveDate| {
        if days == 0 {
            (left + RIGHT) / 2.0
        } else {
            left + PAD
                + (d - first.date).num_days() as f64 / days as f64 * (RIGHT - left - 2.0 * PAD)
        }
    };
    let axis = time_axis(first, last, &x);
    let rows = if axis.years.iter().any(|(_, l)| !l.is_empty()) {
        2
    } else {
        1
    };
    let height = (BOTTOM + 8.0 + ROWS[rows - 1] * BIG).ceil() as u32;
    let mut s = open("line", c.id, W, height, c.title, &desc);

    for (k, (v, label)) in (k_lo..).zip(&gridlines) {
        let gy = num(y(*v));
        let class = if k == 0 {
            "chart-grid chart-zero"
        } else {
            "chart-grid"
        };
        s.push_str(&format!(
            "<line class=\"{class}\" x1=\"{}\" y1=\"{gy}\" x2=\"{}\" y2=\"{gy}\"/>\
             <text class=\"chart-label chart-muted\" x=\"{}\" y=\"{gy}\" dy=\"0.35em\" text-anchor=\"end\">{label}</text>",
            num(left), num(RIGHT), num(left - 8.0),
        ));
    }
    s.push_str(&format!(
        "<path class=\"chart-axis\" d=\"M{l} {t}V{b}H{r}\"/>",
        l = num(left),
        t = num(TOP),
        b = num(BOTTOM),
        r = num(RIGHT)
    ));
    let row = |n: usize| format!("y=\"{}\" dy=\"{}em\"", num(BOTTOM), ROWS[n]);
    let date_row = rows - 1;
    for (tx, label) in &axis.years {
        s.push_str(&tick(*tx));
        if !label.is_empty() {
            s.push_str(&format!(
                "<text class=\"chart-label\" x=\"{}\" {} text-anchor=\"middle\">{label}</text>",
                num(*tx),
                row(0)
            ));
        }
    }
    for (tx, label, anchor) in &axis.ends {
        s.push_str(&tick(*tx));
        s.push_str(&format!(
            "<text class=\"chart-label chart-muted\" x=\"{}\" {} text-anchor=\"{anchor}\">{}</text>",
            num(*tx),
            row(date_row),
            escape(label)
        ));
    }

    if let Some((tv, tl)) = target {
        let ty = y(*tv);
        s.push_str(&format!(
            "<line class=\"chart-target\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            num(left),
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
        let class = if p.estimate {
            "chart-point chart-estimate"
        } else {
            "chart-point"
        };
        s.push_str(&format!(
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"5\"><title>{}: {}</title></circle>",
            num(x(p.date)),
            num(y(p.value)),
            escape(&p.date_label),
            escape(&point_text(p))
        ));
    }
    s.push_str("</svg>");
    s
}

/// The ticks and labels of the time axis, in the chart's units.
struct TimeAxis {
    /// Each 1 January between the first and last values, and its year, or
    /// nothing where the years are too close to label each one.
    years: Vec<(f64, String)>,
    /// The first and last values' dates, and how each is anchored; one
    /// label when they are the same day.
    ends: Vec<(f64, String, &'static str)>,
}

fn time_axis(first: &LinePoint, last: &LinePoint, x: &dyn Fn(NaiveDate) -> f64) -> TimeAxis {
    let jan_firsts: Vec<NaiveDate> = (first.date.year()..=last.date.year())
        .filter_map(|yr| NaiveDate::from_ymd_opt(yr, 1, 1))
        .filter(|d| *d >= first.date && *d <= last.date)
        .collect();
    // Label every year, or every second, third...: as often as labels the
    // narrow screen's size leave a gap between them.
    let apart = match jan_firsts.as_slice() {
        [a, b, ..] => x(*b) - x(*a),
        _ => f64::INFINITY,
    };
    let stride = ((width("2000", BIG) + 12.0) / apart).ceil().max(1.0) as usize;
    let years = jan_firsts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let label = if i % stride == 0 {
                d.year().to_string()
            } else {
                String::new()
            };
            (x(*d), label)
        })
        .collect();
    let ends = if first.date == last.date {
        vec![(x(first.date), first.axis_label.clone(), "middle")]
    } else {
        vec![
            (x(first.date), first.axis_label.clone(), "start"),
            (x(last.date), last.axis_label.clone(), "end"),
        ]
    };
    TimeAxis { years, ends }
}

/// A short tick below the time axis.
fn tick(x: f64) -> String {
    let (x, b) = (num(x), num(BOTTOM));
    format!(
        "<line class=\"chart-axis\" x1=\"{x}\" y1=\"{b}\" x2=\"{x}\" y2=\"{}\"/>",
        num(BOTTOM + 6.0)
    )
}

/// Roughly how wide `text` is at `size`: wide enough for the theme's sans
/// serif, so that labels laid out by it never meet.
fn width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|ch| match ch {
            '.' | ',' | ' ' | ':' | '\'' => 0.3,
            '0'..='9' => 0.58,
            'M' | 'W' | 'm' | 'w' => 0.9,
            c if c.is_uppercase() => 0.7,
            _ => 0.58,
        })
        .sum();
    ems * size
}

/// "over half (estimate)", "245 children".
fn point_text(p: &LinePoint) -> String {
    if p.estimate {
        format!("{} (estimate)", p.label)
    } else {
        p.label.clone()
    }
}

fn describe(pts: &[&LinePoint], target: Option<&(f64, String)>, higher_is_better: bool) -> String {
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        return "No values recorded.".to_string();
    };
    let one = |p: &LinePoint| {
        let est = if p.estimate { ", an estimate" } else { "" };
        format!("{} ({}{est})", p.date_label, p.label)
    };
    let mut d = if pts.len() == 1 {
        format!("1 value: {}.", one(first))
    } else {
        format!("{} values from {} to {}.", pts.len(), one(first), one(last))
    };
    for p in pts {
        if let Some(at) = &p.drawn_at {
            d.push_str(&format!(
                " {}: “{}” is drawn at {at}.",
                p.date_label, p.label
            ));
        }
    }
    let estimates: Vec<&str> = pts
        .iter()
        .filter(|p| p.estimate)
        .map(|p| p.date_label.as_str())
        .collect();
    match estimates.as_slice() {
        [] => {}
        [one] => d.push_str(&format!(" The value for {one} is an estimate.")),
        many => d.push_str(&format!(
            " The values for {} are estimates.",
            and_list(many)
        )),
    }
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

/// "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
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
mod tests;
