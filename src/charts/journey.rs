//! The improvement journey: graded judgements above a time axis, visits,
//! meetings and plan adoptions on it, each kind its own shape.

use super::{escape, num, open, plural};
use chrono::{Datelike, NaiveDate};

/// One event on the journey.
pub struct JourneyMark {
    pub date: NaiveDate,
    /// e.g. "Inspection: Inadequate".
    pub label: String,
    /// One to three characters drawn on a graded mark, e.g. "RI".
    pub short: String,
    /// "red".."grey" for a graded judgement, otherwise `None`.
    pub rag: Option<&'static str>,
    /// "inspection", "visit", "meeting" or "plan".
    pub kind: &'static str,
}

const W: u32 = 640;
const H: u32 = 244;
const X0: f64 = 24.0;
const X1: f64 = 616.0;
const AXIS_Y: f64 = 130.0;
const GRADE_R: f64 = 15.0;
/// Vertical distance between staggered rows of graded marks.
const ROW: f64 = 36.0;
const ROWS: usize = 3;

fn when(d: NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

/// The first row whose last mark is at least `gap` to the left of `x`, or
/// failing that the row whose last mark is furthest left.
fn row_for(last: &mut [f64], x: f64, gap: f64) -> usize {
    let row = last.iter().position(|&l| x - l >= gap).unwrap_or_else(|| {
        (0..last.len()).fold(0, |best, i| if last[i] < last[best] { i } else { best })
    });
    last[row] = x;
    row
}

/// The journey as an SVG string.
pub fn journey(id: &str, title: &str, marks: &[JourneyMark]) -> String {
    let mut sorted: Vec<&JourneyMark> = marks.iter().collect();
    sorted.sort_by_key(|m| m.date);
    let (Some(first), Some(last)) = (sorted.first(), sorted.last()) else {
        let mut s = open("journey", id, W, 48, title, "Nothing recorded yet.");
        s.push_str("<text class=\"chart-label chart-muted\" x=\"320\" y=\"30\" text-anchor=\"middle\">Nothing recorded yet.</text></svg>");
        return s;
    };
    let (y0, y1) = (first.date.year(), last.date.year());
    let (graded, other): (Vec<&JourneyMark>, Vec<&JourneyMark>) =
        sorted.iter().partition(|m| m.rag.is_some());
    let count = |kind: &str| other.iter().filter(|m| m.kind == kind).count();
    let (visits, meetings, plans) = (count("visit"), count("meeting"), count("plan"));
    let others = other.len() - visits - meetings - plans;

    let mut desc = if y0 == y1 {
        format!("In {y0}: ")
    } else {
        format!("From {y0} to {y1}: ")
    };
    if graded.is_empty() {
        desc.push_str("no graded judgements.");
    } else {
        let list: Vec<String> = graded
            .iter()
            .map(|m| format!("{}, {}", m.label, when(m.date)))
            .collect();
        desc.push_str(&(list.join("; ") + "."));
    }
    desc.push_str(&format!(
        " {}, {}, {}.",
        plural(visits, "visit", "visits"),
        plural(meetings, "meeting", "meetings"),
        plural(plans, "plan adopted", "plans adopted")
    ));
    if others > 0 {
        desc.push_str(&format!(
            " {}.",
            plural(others, "other event", "other events")
        ));
    }
    let mut s = open("journey", id, W, H, title, &desc);

    let start = NaiveDate::from_ymd_opt(y0, 1, 1).unwrap_or(first.date);
    let end = NaiveDate::from_ymd_opt(y1 + 1, 1, 1).unwrap_or(last.date);
    let total = (end - start).num_days().max(1) as f64;
    let x = |d: NaiveDate| X0 + (d - start).num_days() as f64 / total * (X1 - X0);

    s.push_str(&format!(
        "<line class=\"chart-axis\" x1=\"{}\" y1=\"{a}\" x2=\"{}\" y2=\"{a}\"/>",
        num(X0),
        num(X1),
        a = num(AXIS_Y)
    ));
    let stride = usize::try_from(y1 - y0 + 1)
        .unwrap_or(1)
        .div_ceil(12)
        .max(1);
    for (i, yr) in (y0..=y1).enumerate() {
        let from = NaiveDate::from_ymd_opt(yr, 1, 1).map_or(X0, x);
        let to = NaiveDate::from_ymd_opt(yr + 1, 1, 1).map_or(X1, x);
        for tx in [from, to] {
            s.push_str(&format!(
                "<line class=\"chart-axis\" x1=\"{t}\" y1=\"{}\" x2=\"{t}\" y2=\"{}\"/>",
                num(AXIS_Y - 6.0),
                num(AXIS_Y + 6.0),
                t = num(tx)
            ));
        }
        if i % stride == 0 {
            s.push_str(&format!(
                "<text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{yr}</text>",
                num((from + to) / 2.0),
                num(AXIS_Y + 42.0)
            ));
        }
    }

    let mut last_x = [f64::NEG_INFINITY; 2];
    for m in &other {
        let (mx, my) = (
            x(m.date),
            AXIS_Y + 14.0 * row_for(&mut last_x, x(m.date), 6.0) as f64,
        );
        let tip = format!("<title>{}, {}</title>", escape(&m.label), when(m.date));
        s.push_str(&marker(m.kind, mx, my, &tip));
    }

    let mut last_x = [f64::NEG_INFINITY; ROWS];
    for m in &graded {
        let gx = x(m.date);
        let cy = AXIS_Y - 34.0 - ROW * row_for(&mut last_x, gx, 2.0 * GRADE_R + 4.0) as f64;
        let rag = escape(m.rag.unwrap_or("grey"));
        s.push_str(&format!(
            "<g class=\"journey-graded\"><title>{}, {}</title>\
             <line class=\"journey-stem\" x1=\"{gx}\" y1=\"{}\" x2=\"{gx}\" y2=\"{}\"/>\
             <circle class=\"journey-grade rag-{rag}\" cx=\"{gx}\" cy=\"{}\" r=\"{}\"/>\
             <text class=\"chart-label chart-on-{rag} journey-short\" x=\"{gx}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            escape(&m.label), when(m.date), num(cy + GRADE_R), num(AXIS_Y), num(cy), num(GRADE_R), num(cy + 5.0),
            escape(&m.short), gx = num(gx)
        ));
    }

    let ly = AXIS_Y + 72.0;
    s.push_str("<g class=\"chart-legend\">");
    let mut items = vec![
        ("visit", "Visit", 24.0),
        ("meeting", "Meeting", 110.0),
        ("plan", "Plan adopted", 220.0),
    ];
    if others > 0 {
        items.push(("other", "Other", 370.0));
    }
    for (kind, text, lx) in items {
        s.push_str(&marker(kind, lx + 8.0, ly - 5.0, ""));
        s.push_str(&format!(
            "<text class=\"chart-label\" x=\"{}\" y=\"{}\">{text}</text>",
            num(lx + 20.0),
            num(ly)
        ));
    }
    s.push_str(&format!(
        "<circle class=\"journey-grade journey-legend-grade\" cx=\"{}\" cy=\"{}\" r=\"9\"/>\
         <text class=\"chart-label\" x=\"{}\" y=\"{}\">Graded judgement (overall grade shown)</text></g></svg>",
        num(X0 + 9.0), num(ly + 21.0), num(X0 + 26.0), num(ly + 26.0)
    ));
    s
}

/// A small mark centred on (x, y): circle for a visit, square for a meeting,
/// diamond for a plan, triangle for anything else.
fn marker(kind: &str, x: f64, y: f64, tip: &str) -> String {
    let class = format!("journey-mark journey-{}", escape(kind));
    let pt = |dx: f64, dy: f64| format!("{},{}", num(x + dx), num(y + dy));
    match kind {
        "visit" => format!(
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"6\">{tip}</circle>",
            num(x),
            num(y)
        ),
        "meeting" => format!(
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"12\" height=\"12\">{tip}</rect>",
            num(x - 6.0),
            num(y - 6.0)
        ),
        "plan" => format!(
            "<polygon class=\"{class}\" points=\"{} {} {} {}\">{tip}</polygon>",
            pt(0.0, -8.0),
            pt(8.0, 0.0),
            pt(0.0, 8.0),
            pt(-8.0, 0.0)
        ),
        _ => format!(
            "<polygon class=\"{class}\" points=\"{} {} {}\">{tip}</polygon>",
            pt(0.0, -7.0),
            pt(7.0, 6.0),
            pt(-7.0, 6.0)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::assert_well_formed;
    use super::*;

    fn mark(
        y: i32,
        m: u32,
        d: u32,
        label: &str,
        short: &str,
        rag: Option<&'static str>,
        kind: &'static str,
    ) -> JourneyMark {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        JourneyMark {
            date,
            label: label.into(),
            short: short.into(),
            rag,
            kind,
        }
    }

    fn sample() -> Vec<JourneyMark> {
        vec![
            mark(
                2023,
                6,
                12,
                "Inspection: Good",
                "G",
                Some("green"),
                "inspection",
            ),
            mark(
                2019,
                3,
                4,
                "Inspection: Inadequate",
                "I",
                Some("red"),
                "inspection",
            ),
            mark(2019, 9, 1, "Monitoring visit 1", "", None, "visit"),
            mark(2020, 2, 1, "Monitoring visit 2", "", None, "visit"),
            mark(2019, 5, 20, "Improvement board", "", None, "meeting"),
            mark(2019, 7, 1, "Improvement plan adopted", "", None, "plan"),
        ]
    }

    fn draw(marks: &[JourneyMark]) -> String {
        let svg = journey("journey", "Our journey", marks);
        assert_well_formed(&svg);
        svg
    }

    #[test]
    fn describes_the_judgements_and_counts() {
        let svg = draw(&sample());
        assert!(
            svg.contains(
                "<desc id=\"journey-desc\">From 2019 to 2023: Inspection: Inadequate, March 2019; \
             Inspection: Good, June 2023. 2 visits, 1 meeting, 1 plan adopted.</desc>"
            ),
            "{svg}"
        );
        for year in 2019..=2023 {
            assert!(svg.contains(&format!(">{year}</text>")));
        }
    }

    #[test]
    fn shapes_and_text_not_colour_alone() {
        let svg = draw(&sample());
        assert_eq!(svg.matches("<circle class=\"journey-grade rag-").count(), 2);
        assert!(
            svg.contains("class=\"journey-grade rag-red\"")
                && svg.contains("class=\"journey-grade rag-green\"")
        );
        assert!(
            svg.contains("class=\"chart-label chart-on-red journey-short\"")
                && svg.contains(">I</text>")
        );
        assert!(svg.contains("<title>Inspection: Inadequate, March 2019</title>"));
        // Two visits plus the legend's circle; one meeting square, one plan diamond, plus the legend's.
        assert_eq!(
            svg.matches("<circle class=\"journey-mark journey-visit\"")
                .count(),
            3
        );
        assert_eq!(
            svg.matches("<rect class=\"journey-mark journey-meeting\"")
                .count(),
            2
        );
        assert_eq!(
            svg.matches("<polygon class=\"journey-mark journey-plan\"")
                .count(),
            2
        );
        assert!(svg.contains("<title>Monitoring visit 1, September 2019</title>"));
        for t in [
            ">Visit<",
            ">Meeting<",
            ">Plan adopted<",
            ">Graded judgement (overall grade shown)<",
        ] {
            assert!(svg.contains(t), "{t}");
        }
        assert!(!svg.contains(">Other<"));
    }

    #[test]
    fn close_judgements_are_staggered() {
        let marks = [
            mark(
                2021,
                1,
                1,
                "Focused visit: RI",
                "RI",
                Some("amber"),
                "inspection",
            ),
            mark(
                2021,
                1,
                20,
                "Inspection: Good",
                "G",
                Some("green"),
                "inspection",
            ),
        ];
        let svg = draw(&marks);
        let cys: Vec<&str> = svg
            .split("<circle class=\"journey-grade rag-")
            .skip(1)
            .map(|c| c.split("cy=\"").nth(1).unwrap().split('"').next().unwrap())
            .collect();
        assert_eq!(cys.len(), 2);
        assert_ne!(cys[0], cys[1]);
        assert!(svg.contains("In 2021: "));
    }

    #[test]
    fn empty_and_ungraded() {
        let svg = draw(&[]);
        assert!(
            svg.contains("<desc id=\"journey-desc\">Nothing recorded yet.</desc>")
                && svg.contains("viewBox=\"0 0 640 48\"")
        );
        let svg = draw(&[mark(2020, 1, 1, "Focused visit", "", None, "inspection")]);
        assert!(svg.contains(
            "no graded judgements. 0 visits, 0 meetings, 0 plans adopted. 1 other event."
        ));
        assert!(svg.contains("journey-inspection") && svg.contains(">Other<"));
    }

    #[test]
    fn escapes_and_is_deterministic() {
        let marks = [mark(
            2022,
            2,
            2,
            "<b>&amp;</b>",
            "<I>",
            Some("red"),
            "inspection",
        )];
        let a = journey("j", "<script>alert(1)</script>", &marks);
        assert_well_formed(&a);
        assert!(
            a.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                && a.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;")
        );
        assert!(a.contains(">&lt;I&gt;</text>"));
        assert_eq!(a, journey("j", "<script>alert(1)</script>", &marks));
        assert_eq!(draw(&sample()), draw(&sample()));
    }
}
