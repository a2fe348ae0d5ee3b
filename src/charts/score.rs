//! (v2) A small chart of one risk's score at each review, with its target.

use super::{escape, num, open};
use chrono::NaiveDate;

/// A risk's score at one review.
pub struct ScorePoint {
    pub date: NaiveDate,
    /// e.g. "1 March 2024".
    pub date_label: String,
    /// Likelihood × impact, 1 to 25.
    pub score: u8,
    /// The score by its band, e.g. "High (12)".
    pub label: String,
}

/// What to draw: the reviews, the target (score and label) and the band
/// boundaries (each band's `up_to`) as gridlines.
pub struct ScoreChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub points: &'a [ScorePoint],
    pub target: Option<(u8, String)>,
    pub bounds: &'a [u8],
}

const W: u32 = 320;
const H: u32 = 176;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 304.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 136.0;
/// Keeps the first and last points off the axes.
const PAD: f64 = 12.0;
const MAX: f64 = 25.0;

/// The chart as an SVG string, its description listing every score.
pub fn score_chart(c: &ScoreChart) -> String {
    let mut pts: Vec<&ScorePoint> = c.points.iter().collect();
    pts.sort_by_key(|p| p.date);
    let scores: Vec<String> = pts
        .iter()
        .map(|p| format!("{}, {}", p.date_label, p.label))
        .collect();
    let mut desc = if scores.is_empty() {
        "No reviews recorded.".to_string()
    } else {
        format!("Score at each review: {}.", scores.join("; "))
    };
    if let Some((_, label)) = &c.target {
        desc.push_str(&format!(" Target: {label}."));
    }
    let mut s = open("score", c.id, W, H, c.title, &desc);
    let y = |v: u8| BOTTOM - f64::from(v.min(25)) / MAX * (BOTTOM - TOP);

    for bound in std::iter::once(&0).chain(c.bounds.iter()) {
        let gy = num(y(*bound));
        s.push_str(&format!(
            "<line class=\"chart-grid\" x1=\"{}\" y1=\"{gy}\" x2=\"{}\" y2=\"{gy}\"/>\
             <text class=\"chart-label chart-muted\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{bound}</text>",
            num(LEFT),
            num(RIGHT),
            num(LEFT - 6.0),
            num(y(*bound) + 5.0)
        ));
    }
    s.push_str(&format!(
        "<path class=\"chart-axis\" d=\"M{l} {t}V{b}H{r}\"/>",
        l = num(LEFT),
        t = num(TOP),
        b = num(BOTTOM),
        r = num(RIGHT)
    ));

    if let Some((score, _)) = &c.target {
        let ty = num(y(*score));
        s.push_str(&format!(
            "<line class=\"chart-target\" x1=\"{}\" y1=\"{ty}\" x2=\"{}\" y2=\"{ty}\"/>\
             <text class=\"chart-label chart-target-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">Target {score}</text>",
            num(LEFT),
            num(RIGHT),
            num(RIGHT),
            num(y(*score) - 6.0)
        ));
    }

    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        s.push_str("</svg>");
        return s;
    };
    let days = (last.date - first.date).num_days();
    let x = |d: NaiveDate| {
        if days == 0 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + PAD
                + (d - first.date).num_days() as f64 / days as f64 * (RIGHT - LEFT - 2.0 * PAD)
        }
    };
    let label_y = num(BOTTOM + 22.0);
    if days == 0 {
        s.push_str(&format!(
            "<text class=\"chart-label\" x=\"{}\" y=\"{label_y}\" text-anchor=\"middle\">{}</text>",
            num(x(first.date)),
            escape(&first.date_label)
        ));
    } else {
        s.push_str(&format!(
            "<text class=\"chart-label\" x=\"{}\" y=\"{label_y}\" text-anchor=\"start\">{}</text>\
             <text class=\"chart-label\" x=\"{}\" y=\"{label_y}\" text-anchor=\"end\">{}</text>",
            num(LEFT),
            escape(&first.date_label),
            num(RIGHT),
            escape(&last.date_label)
        ));
    }
    if pts.len() > 1 {
        let coords: Vec<String> = pts
            .iter()
            .map(|p| format!("{},{}", num(x(p.date)), num(y(p.score))))
            .collect();
        s.push_str(&format!(
            "<polyline class=\"chart-line\" points=\"{}\"/>",
            coords.join(" ")
        ));
    }
    for p in &pts {
        s.push_str(&format!(
            "<circle class=\"chart-point\" cx=\"{}\" cy=\"{}\" r=\"5\"><title>{}: {}</title></circle>",
            num(x(p.date)),
            num(y(p.score)),
            escape(&p.date_label),
            escape(&p.label)
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::super::assert_well_formed;
    use super::*;

    fn pt(y: i32, m: u32, score: u8, label: &str) -> ScorePoint {
        let date = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        ScorePoint {
            date,
            date_label: date.format("1 %B %Y").to_string(),
            score,
            label: label.into(),
        }
    }

    fn chart(points: &[ScorePoint], target: Option<(u8, String)>) -> String {
        let svg = score_chart(&ScoreChart {
            id: "R1-scores",
            title: "R1: score at each review",
            points,
            target,
            bounds: &[4, 9, 16, 25],
        });
        assert_well_formed(&svg);
        svg
    }

    #[test]
    fn lists_every_score_and_the_target_in_words() {
        let pts = [pt(2024, 3, 12, "High (12)"), pt(2023, 6, 16, "High (16)")];
        let svg = chart(&pts, Some((6, "Medium (6)".into())));
        assert!(
            svg.contains(
                "<desc id=\"R1-scores-desc\">Score at each review: 1 June 2023, High (16); \
                 1 March 2024, High (12). Target: Medium (6).</desc>"
            ),
            "{svg}"
        );
        assert_eq!(svg.matches("<circle class=\"chart-point\"").count(), 2);
        assert!(svg.contains("<title>1 March 2024: High (12)</title>"));
        assert!(svg.contains(">Target 6</text>") && svg.contains("class=\"chart-target\""));
        assert!(svg.contains(">1 June 2023</text>") && svg.contains(">1 March 2024</text>"));
        // Gridlines at 0 and at each band's top.
        assert_eq!(svg.matches("<line class=\"chart-grid\"").count(), 5);
    }

    #[test]
    fn higher_scores_are_drawn_higher() {
        let svg = chart(&[pt(2023, 1, 25, "a"), pt(2024, 1, 1, "b")], None);
        let cy = |title: &str| {
            let end = svg.find(&format!("<title>{title}")).unwrap();
            let tag = &svg[svg[..end].rfind("<circle").unwrap()..end];
            let v = &tag[tag.find(" cy=\"").unwrap() + 5..];
            v[..v.find('"').unwrap()].parse::<f64>().unwrap()
        };
        assert_eq!(cy("1 January 2023: a"), TOP);
        let one = BOTTOM - (BOTTOM - TOP) / 25.0;
        assert!((cy("1 January 2024: b") - one).abs() < 0.1);
        assert!(!svg.contains("Target"));
    }

    #[test]
    fn survives_no_points_one_point_and_text_to_escape() {
        let none = chart(&[], None);
        assert!(none.contains(">No reviews recorded.</desc>") && !none.contains("chart-point"));
        let one = chart(&[pt(2024, 3, 9, "<b>&\"Medium\"</b> (9)")], None);
        assert!(one.contains("&lt;b&gt;&amp;&quot;Medium&quot;&lt;/b&gt; (9)"));
        assert!(!one.contains("polyline"));
        assert_eq!(
            one,
            chart(&[pt(2024, 3, 9, "<b>&\"Medium\"</b> (9)")], None)
        );
    }
}
