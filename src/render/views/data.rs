//! Views of the data files: the risk register and indicators.

use super::View;
use crate::model::{Better, Indicator};
use serde_json::{Value, json};

/// A number as people write it: no trailing `.0`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `£139m`, `45%`, `245 children`.
pub fn with_unit(v: f64, unit: Option<&str>) -> String {
    let n = number(v);
    match unit.map(str::trim) {
        None | Some("") => n,
        Some("%") => format!("{n}%"),
        Some(u) if u.starts_with('£') || u.starts_with('$') || u.starts_with('€') => {
            let (sym, rest) = u.split_at(u.chars().next().map_or(0, char::len_utf8));
            format!("{sym}{n}{rest}")
        }
        Some(u) => format!("{n} {u}"),
    }
}

impl View<'_> {
    pub(super) fn indicator(&self, ind: &Indicator) -> Value {
        let unit = ind.unit.as_deref();
        let values: Vec<Value> = ind
            .values
            .iter()
            .map(|v| json!({ "date": v.date, "value": v.value, "display": with_unit(v.value, unit), "note": v.note }))
            .collect();
        let latest = ind.values.last();
        let against = match (latest, ind.target) {
            (Some(l), Some(t)) => {
                let met = match ind.better {
                    Better::Higher => l.value >= t,
                    Better::Lower => l.value <= t,
                };
                Some(if met { "met" } else { "not met" })
            }
            _ => None,
        };
        json!({
            "unit": ind.unit,
            "better": match ind.better { Better::Higher => "higher", Better::Lower => "lower" },
            "target": ind.target.map(|t| with_unit(t, unit)),
            "values": values,
            "latest": latest.map(|l| with_unit(l.value, unit)),
            "target_status": against,
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
