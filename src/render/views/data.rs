//! Views of the data files: indicators (the risk register is in `risks.rs`).

use super::View;
use crate::charts::{LineChart, LinePoint, axis_date, line_chart};
use crate::model::{Better, Document, Indicator, IndicatorValue, Kind, Rag, with_unit};
use serde_json::{Value, json};

/// A value as it is shown: the words written for it (`shown_as`), else
/// its number with the unit.
pub fn shown(v: &IndicatorValue, unit: Option<&str>) -> String {
    v.shown_as
        .clone()
        .unwrap_or_else(|| with_unit(v.value, unit))
}

/// A value as it is shown, marked when it is an estimate: "over half (estimate)".
pub fn display(v: &IndicatorValue, unit: Option<&str>) -> String {
    let text = shown(v, unit);
    if v.estimate {
        format!("{text} (estimate)")
    } else {
        text
    }
}

impl View<'_> {
    pub(super) fn indicator(&self, id: &str, ind: &Indicator) -> Value {
        let unit = ind.unit.as_deref();
        let values: Vec<Value> = ind
            .values
            .iter()
            .map(|v| crate::obj!({ "date": v.date, "value": v.value, "display": display(v, unit), "note": &v.note }))
            .collect();
        let mut out = self.indicator_status(id, ind);
        out["values"] = json!(values);
        out["estimates"] = json!(ind.values.iter().any(|v| v.estimate));
        out["in_words"] = json!(ind.values.iter().any(|v| v.shown_as.is_some()));
        let points: Vec<LinePoint> = ind
            .values
            .iter()
            .map(|v| LinePoint {
                date: v.date.first_day(),
                value: v.value,
                label: shown(v, unit),
                date_label: v.date.long(),
                axis_label: axis_date(&v.date),
                drawn_at: v.shown_as.as_ref().map(|_| with_unit(v.value, unit)),
                estimate: v.estimate,
            })
            .collect();
        let title = self
            .linker
            .index
            .doc(id)
            .map_or(String::new(), |e| e.title.clone());
        out["chart"] = json!(line_chart(&LineChart {
            id: "values-chart",
            title: &format!("{title}: values over time"),
            points: &points,
            target: ind.target.map(|t| (t, with_unit(t, unit))),
            higher_is_better: matches!(ind.better, Better::Higher),
        }));
        out
    }

    /// What the indicators list and the status page show of an indicator.
    pub fn indicator_summary(&self, doc: &Document) -> Value {
        match &doc.kind {
            Kind::Indicator(ind) => self.indicator_status(&doc.id, ind),
            // Only indicators have a latest value and a target.
            Kind::Home
            | Kind::ListIntro
            | Kind::Page(_)
            | Kind::Inspection(_)
            | Kind::Visit(_)
            | Kind::Review(_)
            | Kind::Plan(_)
            | Kind::Meeting(_)
            | Kind::Paper(_)
            | Kind::Risks(_) => Value::Null,
        }
    }

    fn indicator_status(&self, id: &str, ind: &Indicator) -> Value {
        let unit = ind.unit.as_deref();
        let s = self.site.indicators.get(id);
        let latest = ind.values.last();
        let previous = ind.values.len().checked_sub(2).map(|i| &ind.values[i]);
        // Words or an estimate make a difference of numbers look surer than
        // it is: say what the values were instead.
        let inexact = |v: &IndicatorValue| v.shown_as.is_some() || v.estimate;
        let change = s
            .and_then(|s| s.change)
            .map(|c| match latest.zip(previous) {
                Some((l, p)) if inexact(l) || inexact(p) => {
                    format!("from {} to {}", display(p, unit), display(l, unit))
                }
                _ => {
                    let sign = if c > 0.0 {
                        "+"
                    } else if c < 0.0 {
                        "−"
                    } else {
                        ""
                    };
                    format!("{sign}{}", with_unit(c.abs(), unit))
                }
            });
        // Two values that measure different things have no change to read.
        let change = match (change, s) {
            (None, Some(s)) if !s.comparable && previous.is_some() => {
                Some("not comparable with the value before".to_string())
            }
            (c, _) => c,
        };
        let target = ind.target.map(|t| with_unit(t, unit));
        // An out-of-date value is not read against the target at all.
        let stale = s.is_some_and(|s| s.stale);
        let against = match (s.and_then(|s| s.met), s.and_then(|s| s.status)) {
            _ if stale => None,
            (Some(true), _) => Some("met"),
            (Some(false), Some(Rag::Amber)) => Some("not met; moving towards it"),
            (Some(false), _) => Some("not met"),
            _ => None,
        };
        crate::obj!({
            "unit": &ind.unit,
            "better": match ind.better { Better::Higher => "higher", Better::Lower => "lower" },
            "target": target,
            "latest": latest.map(|l| display(l, unit)),
            "latest_date": latest.map(|l| l.date),
            "no_recent_value": s.and_then(|s| s.no_recent_value()),
            "frequency": ind.frequency.map(|f| f.label()),
            "change": change,
            "trend": super::trend_word(s.and_then(|s| s.trend)),
            "status": s.and_then(|s| s.status).map(|r| super::status(self.labels(), r)),
            "against": against,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_read_naturally() {
        assert_eq!(with_unit(139.0, Some("£m")), "£139m");
        assert_eq!(with_unit(45.5, Some("%")), "45.5%");
        assert_eq!(with_unit(245.0, Some("children")), "245 children");
        assert_eq!(with_unit(2.25, None), "2.25");
    }
}
