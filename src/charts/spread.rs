//! One stacked bar: how a plan's actions spread across statuses.

use super::{escape, num, open, plural};

/// One status and how many actions have it.
pub struct SpreadPart {
    /// "red", "amber", "green", "blue" or "grey".
    pub rag: &'static str,
    /// e.g. "On track".
    pub label: String,
    pub count: usize,
}

const W: u32 = 640;
const H: u32 = 56;
const X0: f64 = 1.0;
const X1: f64 = 639.0;
const Y: f64 = 4.0;
const BAR_H: f64 = 48.0;

/// The bar as an SVG string. Parts with no actions are left out.
pub fn spread(id: &str, title: &str, parts: &[SpreadPart]) -> String {
    let shown: Vec<&SpreadPart> = parts.iter().filter(|p| p.count > 0).collect();
    let total: usize = shown.iter().map(|p| p.count).sum();
    if total == 0 {
        let mut s = open("spread", id, W, H, title, "No actions.");
        s.push_str(&format!(
            "<rect class=\"spread-empty\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\
             <text class=\"chart-label chart-muted\" x=\"320\" y=\"{}\" text-anchor=\"middle\">No actions</text></svg>",
            num(X0), num(Y), num(X1 - X0), num(BAR_H), num(Y + BAR_H / 2.0 + 5.0)
        ));
        return s;
    }
    let list: Vec<String> = shown
        .iter()
        .map(|p| format!("{} {}", p.count, p.label))
        .collect();
    let desc = format!(
        "{}: {}.",
        plural(total, "action", "actions"),
        list.join(", ")
    );
    let mut s = open("spread", id, W, H, title, &desc);

    let at = |n: usize| X0 + (X1 - X0) * n as f64 / total as f64;
    let mut before = 0;
    for p in &shown {
        let (left, right) = (at(before), at(before + p.count));
        before += p.count;
        let rag = escape(p.rag);
        s.push_str(&format!(
            "<rect class=\"spread-part rag-{rag}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} {}</title></rect>",
            num(left), num(Y), num(right - left), num(BAR_H), p.count, escape(&p.label)
        ));
        let digits = p.count.to_string().len() as f64;
        if right - left >= 10.0 + 9.0 * digits {
            s.push_str(&format!(
                "<text class=\"chart-label chart-on-{rag}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                num((left + right) / 2.0), num(Y + BAR_H / 2.0 + 5.0), p.count
            ));
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::super::assert_well_formed;
    use super::*;

    fn part(rag: &'static str, label: &str, count: usize) -> SpreadPart {
        SpreadPart {
            rag,
            label: label.into(),
            count,
        }
    }

    fn draw(parts: &[SpreadPart]) -> String {
        let svg = spread("spread", "Actions by status", parts);
        assert_well_formed(&svg);
        svg
    }

    fn sample() -> Vec<SpreadPart> {
        vec![
            part("red", "Off track", 2),
            part("amber", "At risk", 9),
            part("blue", "Not started", 0),
            part("green", "On track", 29),
        ]
    }

    #[test]
    fn segments_in_order_with_counts() {
        let svg = draw(&sample());
        assert!(svg.contains(
            "<desc id=\"spread-desc\">40 actions: 2 Off track, 9 At risk, 29 On track.</desc>"
        ));
        let red = svg.find("rag-red").unwrap();
        let amber = svg.find("rag-amber").unwrap();
        let green = svg.find("rag-green").unwrap();
        assert!(red < amber && amber < green && !svg.contains("rag-blue"));
        assert!(svg.contains("<title>9 At risk</title>") && svg.contains(">29</text>"));
        assert!(svg.contains("class=\"chart-label chart-on-amber\""));
        // Segments fill the bar exactly, each as wide as its share: they
        // start at the bar's left edge, each where the one before ends, and
        // the last ends at its right edge. Positions and widths are each
        // written to a tenth, so an end may be off by a tenth, no more.
        let segments = rects(&svg);
        assert_eq!(segments.len(), 3, "{svg}");
        let (left, width) = (X0, X1 - X0);
        assert!((segments[0].0 - left).abs() < 0.051, "{segments:?}");
        let mut end = left;
        for ((x, w), count) in segments.iter().zip([2.0, 9.0, 29.0]) {
            assert!((x - end).abs() < 0.101, "{segments:?}");
            assert!((w - width * count / 40.0).abs() < 0.051, "{segments:?}");
            end = x + w;
        }
        assert!((end - X1).abs() < 0.101, "{segments:?}");
    }

    /// The `(x, width)` of each segment, in order.
    fn rects(svg: &str) -> Vec<(f64, f64)> {
        let attr = |tag: &str, name: &str| -> f64 {
            let at = tag.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
            tag[at..at + tag[at..].find('"').expect("closed")]
                .parse()
                .expect("a number")
        };
        svg.split("<rect class=\"spread-part")
            .skip(1)
            .map(|tag| (attr(tag, "x"), attr(tag, "width")))
            .collect()
    }

    #[test]
    fn narrow_segments_keep_their_title_but_not_their_text() {
        let svg = draw(&[part("red", "Off track", 1), part("green", "On track", 200)]);
        assert!(svg.contains("<title>1 Off track</title>") && !svg.contains(">1</text>"));
        assert!(svg.contains(">200</text>"));
    }

    #[test]
    fn empty_is_an_outline() {
        for parts in [vec![], vec![part("red", "Off track", 0)]] {
            let svg = draw(&parts);
            assert!(svg.contains("<desc id=\"spread-desc\">No actions.</desc>"));
            assert!(svg.contains("class=\"spread-empty\"") && !svg.contains("rag-"));
        }
        assert!(draw(&[part("grey", "Done", 1)]).contains(">1 action: 1 Done.</desc>"));
    }

    #[test]
    fn escapes_and_is_deterministic() {
        let parts = [part("red", "<Off & \"track\">", 3)];
        let svg = spread("s", "<script>alert(1)</script>", &parts);
        assert_well_formed(&svg);
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                && svg.contains("&lt;Off &amp; &quot;track&quot;&gt;")
        );
        assert_eq!(svg, spread("s", "<script>alert(1)</script>", &parts));
        assert!(!draw(&sample()).contains("NaN"));
    }
}
