//! (v2) `risk_bands` in `site.yaml`: the names of risk scores.

use super::fields::Fields;
use super::yaml::{Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::{FileReporter, Loc};
use crate::model::shapes;
use crate::model::{At, MAX_SCORE, RiskBand, RiskBands};

const FORM: &str =
    "write each band as `- { name: Low, up_to: 4 }`, lowest first, the last with `up_to: 25`";

/// The bands, when they are a list of named bands that ascend to 25; every
/// problem is reported, and `None` leaves the default bands in place.
pub fn read_risk_bands(r: &mut FileReporter, node: &Node) -> Option<RiskBands> {
    let Value::Seq(items) = &node.value else {
        r.error(
            Code::WrongShape,
            node.loc,
            format!(
                "`risk_bands` should be a list of `{{ name, up_to }}`, not {}",
                node.type_name()
            ),
            Some(FORM.into()),
        );
        return None;
    };
    if items.is_empty() {
        r.error(
            Code::EmptyValue,
            node.loc,
            "`risk_bands` is an empty list",
            Some(format!(
                "{FORM}; or leave `risk_bands` out for Low, Medium, High and Very high"
            )),
        );
        return None;
    }
    if let Some(extra) = items.get(usize::from(MAX_SCORE)) {
        r.error(
            Code::OverLimit,
            extra.loc,
            format!(
                "`risk_bands` has {} bands; there are only {MAX_SCORE} scores to name",
                items.len()
            ),
            Some(format!("{FORM}; a handful of bands is usual")),
        );
        return None;
    }
    let mut ok = true;
    let mut bands: Vec<(At<String>, At<u8>)> = Vec::new();
    for item in items {
        match read_band(r, item) {
            Some(band) => bands.push(band),
            None => ok = false,
        }
    }
    let last = last_written(items);
    for (i, (name, up_to)) in bands.iter().enumerate() {
        let Some((before_name, before)) = i.checked_sub(1).map(|j| &bands[j]) else {
            continue;
        };
        if up_to.value <= before.value {
            ok = false;
            r.error(
                Code::OutOfOrder,
                up_to.loc,
                format!(
                    "risk bands go lowest first, but `{}` ends at {}, not above `{}` before it (up to {})",
                    name.value, up_to.value, before_name.value, before.value
                ),
                Some(
                    "list the bands from the lowest score up, each `up_to` higher than the one before"
                        .into(),
                ),
            );
        }
        let key = name_key(&name.value);
        if let Some((first, _)) = bands[..i].iter().find(|(n, _)| name_key(&n.value) == key) {
            ok = false;
            r.error(
                Code::DuplicateEntry,
                name.loc,
                format!(
                    "the risk band `{}` has the same name as `{}` on line {}",
                    name.value, first.value, first.loc.line
                ),
                Some("give each band its own name: names that differ only in case or spacing read as one".into()),
            );
        }
    }
    if let Some(last) = last
        && last.value < MAX_SCORE
    {
        ok = false;
        r.error(
            Code::IncompleteBands,
            last.loc,
            format!(
                "the last risk band ends at {}, so scores {} to {MAX_SCORE} have no band",
                last.value,
                last.value + 1
            ),
            Some(format!(
                "give the highest band `up_to: {MAX_SCORE}`: a score is likelihood × impact, at most 5 × 5"
            )),
        );
    }
    if !ok {
        return None;
    }
    RiskBands::checked(
        bands
            .into_iter()
            .map(|(name, up_to)| RiskBand {
                name: name.value,
                up_to: up_to.value,
            })
            .collect(),
    )
}

/// Names that differ only in case or spacing are one name to a reader.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn read_band(r: &mut FileReporter, node: &Node) -> Option<(At<String>, At<u8>)> {
    let mut f = Fields::of(r, node, &shapes::RISK_BAND, "a risk band")?;
    let loc = f.loc;
    let name = f.text(r, "name");
    let up_to_loc: Option<Loc> = f.get("up_to").map(|n| n.loc);
    let up_to = f.int_in(r, "up_to", 1, i64::from(MAX_SCORE));
    if name.is_none() {
        r.error(
            Code::MissingField,
            loc,
            "a risk band has no `name`",
            Some(format!("{FORM}; the name is what the site calls the band")),
        );
    }
    if up_to_loc.is_none() {
        r.error(
            Code::MissingField,
            loc,
            "a risk band has no `up_to`",
            Some(format!(
                "{FORM}; `up_to` is the highest score (likelihood × impact) in the band"
            )),
        );
    }
    f.finish(r, "a risk band");
    let name = name?;
    if name.value.trim().is_empty() {
        r.error(
            Code::EmptyValue,
            name.loc,
            "a risk band's `name` is empty",
            Some("write the name the site shows for the band, e.g. `name: High`".into()),
        );
        return None;
    }
    let up_to = up_to? as u8;
    Some((
        At::new(name.value.trim().to_string(), name.loc),
        At::new(up_to, up_to_loc.unwrap_or(loc)),
    ))
}

/// The `up_to` of the last band, read without reporting (its problems are
/// reported as the band is read).
fn last_written(items: &[Node]) -> Option<At<u8>> {
    let Value::Map(entries) = &items.last()?.value else {
        return None;
    };
    let (_, node) = entries.iter().find(|(k, _)| k.name == "up_to")?;
    match node.value {
        Value::Int(n) if (1..=i64::from(MAX_SCORE)).contains(&n) => {
            Some(At::new(n as u8, node.loc))
        }
        _ => None,
    }
}
