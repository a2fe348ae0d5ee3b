//! Charts drawn at build time as plain SVG strings: no scripts, no inline
//! styles, no literal colours. Every mark carries a class that the theme's
//! `charts.css` colours, and everything a colour says is also said in words,
//! in a label on the chart or in its accessible description.
//!
//! Output is deterministic: the same input gives the same bytes, coordinates
//! are written with at most one decimal place, and every piece of text from
//! the input is escaped.

pub mod heatmap;
pub mod journey;
pub mod line;
pub mod score;
pub mod spread;

pub use heatmap::{HeatRisk, heat_map};
pub use journey::{JourneyMark, journey};
pub use line::{LineChart, LinePoint, axis_date, line_chart};
pub use score::{ScoreChart, ScorePoint, score_chart};
pub use spread::{SpreadPart, spread};

/// Text made safe for XML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate: rounded to one decimal place, no trailing `.0`, never
/// `NaN`, `inf` or `-0`.
fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let mut s = format!("{:.1}", (v * 10.0).round() / 10.0);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    if s == "-0" {
        s = "0".to_string();
    }
    s
}

/// The `<svg>` opening tag with its accessible name and description.
fn open(kind: &str, id: &str, width: u32, height: u32, title: &str, desc: &str) -> String {
    let id = escape(id);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{kind}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>",
        kind = escape(kind),
        title = escape(title),
        desc = escape(desc),
    )
}

/// `n thing` or `n things`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Checks the things every chart promises: tags balance (so text was
/// escaped), no scripts, inline styles, sizes or non-numbers.
#[cfg(test)]
fn assert_well_formed(svg: &str) {
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    assert!(svg.ends_with("</svg>"), "{svg}");
    assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
    assert_eq!(
        svg.matches("<title").count(),
        svg.matches("</title>").count()
    );
    for bad in [
        "NaN", "=\"inf", "=\"-inf", ",inf", "style=", "<script", "href", "fill=",
    ] {
        assert!(!svg.contains(bad), "found {bad:?} in {svg}");
    }
    let root = &svg[..svg.find('>').unwrap_or(0)];
    assert!(
        !root.contains(" width=") && !root.contains(" height="),
        "{root}"
    );
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("unclosed tag") + start;
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "stray < in {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap_or(""));
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    let text: String = svg
        .split('<')
        .map(|p| p.split_once('>').map_or("", |x| x.1))
        .collect();
    assert!(!text.contains('>'), "unescaped > in text");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn numbers_have_at_most_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
        assert_eq!(num(0.05), "0.1");
    }

    #[test]
    fn opening_tag_names_the_chart() {
        let s = open("line", "a\"b", 640, 320, "<script>alert(1)</script>", "d");
        assert!(s.contains("aria-labelledby=\"a&quot;b-title a&quot;b-desc\""));
        assert!(s.contains(
            "<title id=\"a&quot;b-title\">&lt;script&gt;alert(1)&lt;/script&gt;</title>"
        ));
        assert!(!s.contains("width=") && !s.contains("height="));
        assert_well_formed(&format!("{s}</svg>"));
    }
}
