//! The pure-YAML data files: the risk register and indicators.

use super::common::{read_common, read_item_id};
use super::fields::Fields;
use super::yaml::{Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::FileReporter;
use crate::model::shapes;
use crate::model::{
    At, Better, Common, Date, Indicator, IndicatorValue, Risk, RiskReview, RiskScore, StatusLabels,
};

/// `risks.yaml`: a list of risks.
pub fn read_risks(r: &mut FileReporter, root: &Node, labels: &StatusLabels) -> Vec<Risk> {
    let items = match &root.value {
        Value::Seq(items) => items,
        Value::Null => return Vec::new(),
        _ => {
            r.error(
                Code::WrongShape,
                root.loc,
                format!(
                    "risks.yaml should be a list of risks (`- id: R1`), not {}",
                    root.type_name()
                ),
                None,
            );
            return Vec::new();
        }
    };
    if let Some(extra) = items.get(MAX_RISKS) {
        r.error(
            Code::OverLimit,
            extra.loc,
            format!(
                "this register has {} risks; oversight builds at most {MAX_RISKS}",
                items.len()
            ),
            Some(
                "a register holds the risks the service manages; keep closed risks out of it"
                    .into(),
            ),
        );
    }
    items
        .iter()
        .take(MAX_RISKS)
        .filter_map(|n| read_risk(r, n, labels))
        .collect()
}

/// The most risks in the register (see `model::shapes`).
pub const MAX_RISKS: usize = shapes::RISKS_MAX;

fn read_risk(r: &mut FileReporter, node: &Node, labels: &StatusLabels) -> Option<Risk> {
    let mut f = Fields::of(r, node, &shapes::RISK, "a risk")?;
    let id = read_item_id(r, &mut f, "a risk");
    let title = f.required(r, "title", "a risk");
    let score = read_score(r, &mut f, "a risk");
    let risk = (
        f.string(r, "owner"),
        f.rag(r, "status", labels),
        f.date(r, "reviewed"),
        f.string(r, "mitigation"),
        f.tags(r),
    );
    let target = f
        .get("target")
        .and_then(|t| Fields::of(r, t, &shapes::RISK_TARGET, "a risk's `target`"))
        .and_then(|mut t| {
            let score = read_score(r, &mut t, "a risk's `target`");
            t.finish(r, "a risk's `target`");
            score
        });
    let reviews = read_reviews(r, &mut f);
    f.finish(r, "a risk");
    let (owner, status, reviewed, mitigation, tags) = risk;
    let score = score?;
    Some(Risk {
        id: id?,
        title: title?.value,
        owner,
        likelihood: score.likelihood,
        impact: score.impact,
        status,
        reviewed,
        mitigation,
        tags,
        target,
        reviews,
    })
}

/// `likelihood` and `impact`, each required and 1 to 5.
fn read_score(r: &mut FileReporter, f: &mut Fields, what: &str) -> Option<RiskScore> {
    for key in ["likelihood", "impact"] {
        if f.get(key).is_none() {
            r.error(
                Code::MissingField,
                f.loc,
                format!("{what} has no `{key}`"),
                Some(format!("add `{key}:` with a score from 1 to 5")),
            );
        }
    }
    let likelihood = f.int_in(r, "likelihood", 1, 5);
    let impact = f.int_in(r, "impact", 1, 5);
    Some(RiskScore {
        likelihood: likelihood? as u8,
        impact: impact? as u8,
    })
}

/// The most reviews one risk may have (see `model::shapes`).
pub const MAX_REVIEWS: usize = shapes::REVIEWS_MAX;

/// (v2) `reviews:`, oldest first: a review dated before the one above it
/// is an error at its date.
fn read_reviews(r: &mut FileReporter, f: &mut Fields) -> Vec<RiskReview> {
    let nodes = f.list("reviews");
    if let Some(extra) = nodes.get(MAX_REVIEWS) {
        r.error(
            Code::OverLimit,
            extra.loc,
            format!(
                "this risk has {} reviews; oversight reads at most {MAX_REVIEWS}",
                nodes.len()
            ),
            Some(
                "keep the reviews that show how the risk moved; older ones can stay in the papers"
                    .into(),
            ),
        );
    }
    let mut reviews: Vec<RiskReview> = Vec::new();
    for node in nodes.into_iter().take(MAX_REVIEWS) {
        let Some(mut rf) = Fields::of(r, node, &shapes::RISK_REVIEW, "a review") else {
            continue;
        };
        let date_loc = rf.get("date").map(|n| n.loc);
        let date = rf.date(r, "date");
        if date_loc.is_none() {
            r.error(
                Code::MissingField,
                node.loc,
                "a review has no `date`",
                Some("write `- { date: 2024-03-01, likelihood: 3, impact: 4 }`".into()),
            );
        }
        let score = read_score(r, &mut rf, "a review");
        let note = rf.string(r, "note");
        rf.finish(r, "a review");
        let (Some(date), Some(score)) = (date, score) else {
            continue;
        };
        if let Some(before) = reviews.last()
            && date < before.date
        {
            r.error(
                Code::OutOfOrder,
                date_loc.unwrap_or(node.loc),
                format!(
                    "reviews go oldest first, but {} comes after {}",
                    date.iso(),
                    before.date.iso()
                ),
                Some("put the reviews in date order, oldest first: the last one is the risk's current score".into()),
            );
        }
        reviews.push(RiskReview { date, score, note });
    }
    reviews
}

/// `indicators/<slug>.yaml`.
pub fn read_indicator(r: &mut FileReporter, f: &mut Fields) -> (Common, Indicator) {
    let common = read_common(r, f, "an indicator", true);
    let better = match f.text(r, "better") {
        None => {
            r.error(
                Code::MissingField,
                f.loc,
                "an indicator has no `better`",
                Some("add `better: higher` or `better: lower`".into()),
            );
            Better::Higher
        }
        Some(t) => match t.value.trim().to_ascii_lowercase().as_str() {
            "higher" => Better::Higher,
            "lower" => Better::Lower,
            _ => {
                r.error(
                    Code::UnknownChoice,
                    t.loc,
                    format!("`better: {}` should be `higher` or `lower`", t.value),
                    None,
                );
                Better::Higher
            }
        },
    };
    let mut values = Vec::new();
    for node in f.list("values") {
        let Some(mut v) = Fields::of(r, node, &shapes::INDICATOR_VALUE, "an indicator value")
        else {
            continue;
        };
        let date = v.date(r, "date");
        let value = v.number(r, "value");
        if v.get("date").is_none() {
            r.error(
                Code::MissingField,
                node.loc,
                "a value has no `date`",
                Some("write `- { date: 2021-11, value: 245 }`".into()),
            );
        }
        let shown_as = v.text(r, "shown_as");
        if v.get("value").is_none() {
            no_value(r, node, shown_as.as_ref(), date);
        }
        if let Some(s) = shown_as.as_ref().filter(|s| s.value.trim().is_empty()) {
            r.error(
                Code::EmptyValue,
                s.loc,
                "`shown_as` is empty",
                Some("write the words to show for the value, e.g. `shown_as: \"over half\"`, or leave `shown_as` out".into()),
            );
        }
        let note = v.string(r, "note");
        let estimate = v.bool(r, "estimate").unwrap_or(false);
        let comparable = v.bool(r, "comparable").unwrap_or(true);
        v.finish(r, "an indicator value");
        if let (Some(date), Some(value)) = (date, value) {
            values.push(IndicatorValue {
                date,
                value,
                note,
                shown_as: shown_as.map(|s| s.value.trim().to_string()),
                estimate,
                comparable,
            });
        }
    }
    values.sort_by_key(|v| v.date);
    let ind = Indicator {
        unit: f.string(r, "unit"),
        better,
        target: f.number(r, "target"),
        frequency: f.period(r, "frequency"),
        values,
    };
    (common, ind)
}

/// A value with no `value`. With `shown_as`, the words are not enough: the
/// chart needs a number to place them.
fn no_value(r: &mut FileReporter, node: &Node, shown_as: Option<&At<String>>, date: Option<Date>) {
    match shown_as {
        Some(s) => r.error(
            Code::MissingField,
            s.loc,
            format!(
                "`shown_as: {}` has no `value`: the words are shown, but the chart needs a number to place them",
                s.value.trim()
            ),
            Some(format!(
                "add the number the words stand for, e.g. `- {{ date: {}, value: 50, shown_as: \"{}\" }}`",
                date.map_or("2023-03".into(), |d| d.iso()),
                s.value.trim()
            )),
        ),
        None => r.error(
            Code::MissingField,
            node.loc,
            "a value has no `value`",
            Some("write `- { date: 2021-11, value: 245 }`".into()),
        ),
    }
}
