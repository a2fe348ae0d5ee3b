//! A 5×5 risk heat map: impact across, likelihood up, risk ids in their cells.

use super::{escape, num, open};
use crate::model::RiskBands;

/// One risk as the heat map needs it. Scores outside 1..=5 are clamped.
pub struct HeatRisk {
    pub id: String,
    pub likelihood: u8,
    pub impact: u8,
    pub title: String,
}

const W: u32 = 640;
const H: u32 = 530;
const LEFT: f64 = 80.0;
const TOP: f64 = 12.0;
const CELL_W: f64 = 104.0;
const CELL_H: f64 = 84.0;
const BOTTOM: f64 = TOP + 5.0 * CELL_H;
const LINE: f64 = 18.0;
/// Ids drawn in one cell; beyond this the cell shows `SHOWN - 1` and "+N more".
const SHOWN: usize = 4;

/// The shades of the cells, lowest band first.
const SHADES: [&str; 4] = ["heat-low", "heat-medium", "heat-high", "heat-severe"];
/// Legend entries on one line, and the width of each.
const PER_ROW: usize = 4;
const KEY_W: f64 = 140.0;

/// The shade of the band at `place` of `count`: the lowest band takes the
/// lightest shade and the highest the darkest, those between spread over
/// the rest (the band's name is always said in words too).
fn shade(place: usize, count: usize) -> &'static str {
    let top = SHADES.len() - 1;
    let i = match count {
        0 | 1 => 0,
        n => (place * top + (n - 1) / 2) / (n - 1),
    };
    SHADES[i.min(top)]
}

/// The band a score falls in: its shade and its name.
fn band(bands: &RiskBands, score: u8) -> (&'static str, &str) {
    (
        shade(bands.place(score), bands.all().len()),
        bands.name(score),
    )
}

/// The top-left corner of the cell for a likelihood and impact (both 1..=5).
fn cell(likelihood: u8, impact: u8) -> (f64, f64) {
    (
        LEFT + f64::from(impact - 1) * CELL_W,
        TOP + f64::from(5 - likelihood) * CELL_H,
    )
}

/// The heat map as an SVG string, its cells shaded and named by `bands`.
pub fn heat_map(id: &str, title: &str, risks: &[HeatRisk], bands: &RiskBands) -> String {
    let placed: Vec<(u8, u8, &HeatRisk)> = risks
        .iter()
        .map(|r| (r.likelihood.clamp(1, 5), r.impact.clamp(1, 5), r))
        .collect();
    let summary = |(l, i, r): &(u8, u8, &HeatRisk)| {
        format!(
            "{} {}: likelihood {l}, impact {i}, score {}",
            r.id,
            r.title,
            l * i
        )
    };
    let desc = if placed.is_empty() {
        "No risks recorded.".to_string()
    } else {
        placed
            .iter()
            .map(|p| summary(p) + ".")
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rows = bands.all().len().div_ceil(PER_ROW).max(1);
    let height = H + 24 * (rows as u32 - 1);
    let mut s = open("heatmap", id, W, height, title, &desc);

    for likelihood in (1..=5u8).rev() {
        for impact in 1..=5u8 {
            let (x, y) = cell(likelihood, impact);
            let score = likelihood * impact;
            let (class, name) = band(bands, score);
            s.push_str(&format!(
                "<rect class=\"heat-cell {class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">\
                 <title>Likelihood {likelihood}, impact {impact}: score {score}, {}</title></rect>",
                num(x),
                num(y),
                num(CELL_W),
                num(CELL_H),
                escape(name)
            ));
            let here: Vec<_> = placed
                .iter()
                .filter(|p| p.0 == likelihood && p.1 == impact)
                .collect();
            let lines = here.len().min(SHOWN);
            let cx = num(x + CELL_W / 2.0);
            let line_y = |j: usize| {
                num(y + CELL_H / 2.0 + (j as f64 - (lines as f64 - 1.0) / 2.0) * LINE + 5.0)
            };
            for (j, p) in here.iter().enumerate() {
                if here.len() > SHOWN && j == SHOWN - 1 {
                    let rest: Vec<String> = here[j..].iter().map(|p| summary(p)).collect();
                    s.push_str(&format!(
                        "<g class=\"heat-risk\"><title>{}</title><text class=\"chart-label heat-more\" \
                         x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">+{} more</text></g>",
                        escape(&rest.join("; ")), line_y(j), here.len() - j
                    ));
                    break;
                }
                s.push_str(&format!(
                    "<g class=\"heat-risk\"><title>{}</title><text class=\"chart-label heat-id\" \
                     x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                    escape(&summary(p)),
                    line_y(j),
                    escape(&short_id(&p.2.id))
                ));
            }
        }
    }

    for n in 1..=5u8 {
        let (x, _) = cell(1, n);
        let (_, y) = cell(n, 1);
        s.push_str(&format!(
            "<text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{n}</text>\
             <text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{n}</text>",
            num(x + CELL_W / 2.0),
            num(BOTTOM + 22.0),
            num(LEFT - 12.0),
            num(y + CELL_H / 2.0 + 5.0)
        ));
    }
    let mid_y = num(TOP + 2.5 * CELL_H);
    s.push_str(&format!(
        "<text class=\"chart-label chart-axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">Impact</text>\
         <text class=\"chart-label chart-axis-title\" x=\"28\" y=\"{mid_y}\" text-anchor=\"middle\" \
         transform=\"rotate(-90 28 {mid_y})\">Likelihood</text>",
        num(LEFT + 2.5 * CELL_W), num(BOTTOM + 48.0)
    ));

    s.push_str("<g class=\"chart-legend\">");
    let count = bands.all().len();
    for (i, b) in bands.all().iter().enumerate() {
        let x = LEFT + (i % PER_ROW) as f64 * KEY_W;
        let y = BOTTOM + 66.0 + (i / PER_ROW) as f64 * 24.0;
        let from = bands.from(i);
        let range = if from == b.up_to {
            from.to_string()
        } else {
            format!("{from}–{}", b.up_to)
        };
        s.push_str(&format!(
            "<rect class=\"heat-swatch {}\" x=\"{}\" y=\"{}\" width=\"16\" height=\"16\"/>\
             <text class=\"chart-label\" x=\"{}\" y=\"{}\">{} {range}</text>",
            shade(i, count),
            num(x),
            num(y),
            num(x + 22.0),
            num(y + 13.0),
            escape(&b.name)
        ));
    }
    s.push_str("</g></svg>");
    s
}

/// An id short enough to fit its cell; the full id is in the mark's title.
fn short_id(id: &str) -> String {
    if id.chars().count() > 10 {
        id.chars().take(9).chain(['…']).collect()
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::assert_well_formed;
    use super::*;

    fn risk(id: &str, likelihood: u8, impact: u8, title: &str) -> HeatRisk {
        HeatRisk {
            id: id.into(),
            likelihood,
            impact,
            title: title.into(),
        }
    }

    fn map(risks: &[HeatRisk]) -> String {
        let svg = heat_map("risks", "Risk heat map", risks, &RiskBands::default());
        assert_well_formed(&svg);
        svg
    }

    /// The (x, y) of the text element whose content is `text`.
    fn text_at(svg: &str, text: &str) -> (f64, f64) {
        let end = svg.find(&format!(">{text}</text>")).expect(text);
        let tag = &svg[svg[..end].rfind("<text").unwrap()..end];
        let attr = |name: &str| {
            let v = &tag[tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3..];
            v[..v.find('"').unwrap()].parse::<f64>().unwrap()
        };
        (attr("x"), attr("y"))
    }

    #[test]
    fn places_a_risk_in_its_cell() {
        let svg = map(&[
            risk("R1", 3, 4, "Sustaining improvement"),
            risk("R2", 1, 1, "Data"),
        ]);
        let (x, y) = cell(3, 4);
        assert_eq!((x, y), (LEFT + 3.0 * CELL_W, TOP + 2.0 * CELL_H));
        let rect = format!(
            "<rect class=\"heat-cell heat-high\" x=\"{}\" y=\"{}\"",
            num(x),
            num(y)
        );
        assert!(svg.contains(&rect), "{svg}");
        let (tx, ty) = text_at(&svg, "R1");
        assert!(
            tx > x && tx < x + CELL_W && ty > y && ty < y + CELL_H,
            "R1 at {tx},{ty}"
        );
        let (_, y2) = text_at(&svg, "R2");
        assert!(y2 > BOTTOM - CELL_H && y2 < BOTTOM);
        assert!(svg.contains(
            "<desc id=\"risks-desc\">R1 Sustaining improvement: likelihood 3, impact 4, score 12. \
             R2 Data: likelihood 1, impact 1, score 1.</desc>"
        ));
    }

    #[test]
    fn bands_and_legend() {
        let svg = map(&[]);
        assert!(svg.contains("<desc id=\"risks-desc\">No risks recorded.</desc>"));
        assert_eq!(svg.matches("class=\"heat-cell ").count(), 25);
        assert_eq!(svg.matches("class=\"heat-cell heat-low\"").count(), 8);
        // 4 × 5, 5 × 4 and 5 × 5 are above 16: Very high.
        assert_eq!(svg.matches("class=\"heat-cell heat-severe\"").count(), 3);
        for t in [
            "Low 1–4",
            "Medium 5–9",
            "High 10–16",
            "Very high 17–25",
            "score 16, High</title>",
            ">Impact<",
            ">Likelihood<",
        ] {
            assert!(svg.contains(t), "{t}");
        }
        let d = RiskBands::default();
        assert_eq!(band(&d, 5).0, "heat-medium");
        assert_eq!(band(&d, 16).0, "heat-high");
        assert_eq!(band(&d, 17), ("heat-severe", "Very high"));
    }

    #[test]
    fn a_sites_own_bands_shade_and_name_the_cells() {
        let b = |name: &str, up_to| crate::model::RiskBand {
            name: name.into(),
            up_to,
        };
        let two = RiskBands::checked(vec![b("Tolerable", 12), b("<Act now>", 25)]).unwrap();
        let svg = heat_map("h", "Heat", &[], &two);
        assert_well_formed(&svg);
        assert!(
            svg.contains(">Tolerable 1–12</text>") && svg.contains(">&lt;Act now&gt; 13–25</text>")
        );
        assert!(svg.contains("score 15, &lt;Act now&gt;</title>"));
        assert_eq!(svg.matches("class=\"heat-cell heat-medium\"").count(), 0);
        let five: Vec<_> = [3, 6, 10, 20, 25]
            .iter()
            .enumerate()
            .map(|(i, u)| b(&format!("B{i}"), *u))
            .collect();
        let svg = heat_map("h", "Heat", &[], &RiskBands::checked(five).unwrap());
        assert_well_formed(&svg);
        assert!(
            svg.contains("viewBox=\"0 0 640 554\""),
            "a second row of the legend"
        );
        assert!(svg.contains(">B4 21–25</text>"));
        assert_eq!((shade(0, 5), shade(4, 5)), ("heat-low", "heat-severe"));
    }

    #[test]
    fn clamps_scores_outside_one_to_five() {
        let svg = map(&[risk("R9", 0, 9, "Odd")]);
        assert!(svg.contains("R9 Odd: likelihood 1, impact 5, score 5."));
        let (x, y) = cell(1, 5);
        let (tx, ty) = text_at(&svg, "R9");
        assert!(tx > x && tx < x + CELL_W && ty > y && ty < y + CELL_H);
    }

    #[test]
    fn crowded_cells_say_how_many_more() {
        let risks: Vec<_> = (1..=6)
            .map(|n| risk(&format!("R{n}"), 5, 5, "Same"))
            .collect();
        let svg = map(&risks);
        for shown in ["R1", "R2", "R3", "+3 more"] {
            let (tx, ty) = text_at(&svg, shown);
            assert!(
                tx > LEFT + 4.0 * CELL_W && ty > TOP && ty < TOP + CELL_H,
                "{shown}"
            );
        }
        assert!(!svg.contains(">R4</text>"));
        let four: Vec<_> = (1..=4)
            .map(|n| risk(&format!("R{n}"), 2, 2, "Same"))
            .collect();
        assert!(map(&four).contains(">R4</text>") && !map(&four).contains("more"));
    }

    #[test]
    fn escapes_and_is_deterministic() {
        let risks = [risk("<R&1>", 2, 3, "\"Quoted\" 'title'")];
        let bands = RiskBands::default();
        let svg = heat_map("h", "<script>alert(1)</script>", &risks, &bands);
        assert_well_formed(&svg);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains(">&lt;R&amp;1&gt;</text>"));
        assert!(svg.contains("&quot;Quoted&quot; &#39;title&#39;"));
        assert_eq!(
            svg,
            heat_map("h", "<script>alert(1)</script>", &risks, &bands)
        );
        assert!(map(&[risk("RISK-000123-LONG", 1, 1, "x")]).contains(">RISK-0001…</text>"));
    }
}
