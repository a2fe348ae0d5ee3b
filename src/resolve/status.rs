//! Derived statuses, as the content model defines them: an action's current
//! status, trend and overdue flag, and where an indicator stands. The
//! roll-ups of priorities and plans are in `plans.rs`.

use crate::model::{Action, Better, Indicator, Rag};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Better,
    Same,
    Worse,
}

impl Trend {
    /// `better`, `same`, `worse`.
    pub fn name(self) -> &'static str {
        match self {
            Trend::Better => "better",
            Trend::Same => "same",
            Trend::Worse => "worse",
        }
    }

    /// What members read: "Improving", "No change", "Worsening".
    pub fn label(self) -> &'static str {
        match self {
            Trend::Better => "Improving",
            Trend::Same => "No change",
            Trend::Worse => "Worsening",
        }
    }
}

/// The status of the last update; grey when there are none.
pub fn current(action: &Action) -> Rag {
    action.updates.last().map_or(Rag::Grey, |u| u.status)
}

/// The last update against the one before; none when either is grey or
/// there is only one update.
pub fn trend(action: &Action) -> Option<Trend> {
    let n = action.updates.len();
    if n < 2 {
        return None;
    }
    let now = action.updates[n - 1].status.progress()?;
    let before = action.updates[n - 2].status.progress()?;
    Some(match now.cmp(&before) {
        std::cmp::Ordering::Greater => Trend::Better,
        std::cmp::Ordering::Equal => Trend::Same,
        std::cmp::Ordering::Less => Trend::Worse,
    })
}

/// `revised_due` (else `due`) is before today and the action is not blue.
/// A month-only due date means the month's last day.
pub fn overdue(action: &Action, today: NaiveDate) -> bool {
    let due = action.revised_due.or(action.due);
    due.is_some_and(|d| d.last_day() < today) && current(action) != Rag::Blue
}

/// Where an indicator stands: its latest value against the one before and
/// against its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorStatus {
    /// Latest minus previous value.
    pub change: Option<f64>,
    /// That change read against `better`.
    pub trend: Option<Trend>,
    /// Whether the latest value meets the target, when there is one.
    pub met: Option<bool>,
    /// Green when the target is met; amber when it is not but the last
    /// change moved towards it; red otherwise. None without a target.
    pub status: Option<Rag>,
}

pub fn indicator(ind: &Indicator) -> IndicatorStatus {
    let n = ind.values.len();
    let latest = ind.values.last().map(|v| v.value);
    let previous = n.checked_sub(2).map(|i| ind.values[i].value);
    let change = latest.zip(previous).map(|(l, p)| l - p);
    let trend = change.map(|c| {
        let c = match ind.better {
            Better::Higher => c,
            Better::Lower => -c,
        };
        if c > 0.0 {
            Trend::Better
        } else if c < 0.0 {
            Trend::Worse
        } else {
            Trend::Same
        }
    });
    let met = latest.zip(ind.target).map(|(l, t)| match ind.better {
        Better::Higher => l >= t,
        Better::Lower => l <= t,
    });
    let status = met.map(|m| match (m, trend) {
        (true, _) => Rag::Green,
        (false, Some(Trend::Better)) => Rag::Amber,
        (false, _) => Rag::Red,
    });
    IndicatorStatus {
        change,
        trend,
        met,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Loc;
    use crate::model::{At, Date, Update};

    fn action(statuses: &[Rag], due: Option<&str>, revised: Option<&str>) -> Action {
        Action {
            id: At::new("A".into(), Loc::FILE),
            priority: At::new("P".into(), Loc::FILE),
            title: "t".into(),
            summary: None,
            owner: None,
            due: due.map(|d| Date::parse(d).unwrap()),
            revised_due: revised.map(|d| Date::parse(d).unwrap()),
            addresses: vec![],
            evidence: vec![],
            continues: None,
            updates: statuses
                .iter()
                .enumerate()
                .map(|(i, s)| Update {
                    date: Date::parse(&format!("2022-0{}-01", i + 1)).unwrap(),
                    status: *s,
                    note: None,
                })
                .collect(),
            tags: vec![],
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn current_is_the_last_update_or_grey() {
        assert_eq!(
            current(&action(&[Rag::Red, Rag::Green], None, None)),
            Rag::Green
        );
        assert_eq!(current(&action(&[], None, None)), Rag::Grey);
    }

    #[test]
    fn trend_compares_the_last_two_updates() {
        assert_eq!(
            trend(&action(&[Rag::Red, Rag::Amber], None, None)),
            Some(Trend::Better)
        );
        assert_eq!(
            trend(&action(&[Rag::Green, Rag::Amber], None, None)),
            Some(Trend::Worse)
        );
        assert_eq!(
            trend(&action(&[Rag::Amber, Rag::Amber], None, None)),
            Some(Trend::Same)
        );
        assert_eq!(
            trend(&action(&[Rag::Green, Rag::Blue], None, None)),
            Some(Trend::Better)
        );
        assert_eq!(trend(&action(&[Rag::Grey, Rag::Red], None, None)), None);
        assert_eq!(trend(&action(&[Rag::Red], None, None)), None);
    }

    #[test]
    fn overdue_uses_revised_due_and_month_ends_and_spares_blue() {
        let today = day("2023-06-30");
        assert!(overdue(
            &action(&[Rag::Amber], Some("2023-06-29"), None),
            today
        ));
        assert!(!overdue(
            &action(&[Rag::Amber], Some("2023-06-30"), None),
            today
        ));
        assert!(!overdue(
            &action(&[Rag::Amber], Some("2023-06"), None),
            today
        ));
        assert!(overdue(
            &action(&[Rag::Amber], Some("2023-05"), None),
            today
        ));
        assert!(!overdue(
            &action(&[Rag::Amber], Some("2022-01-01"), Some("2023-12-31")),
            today
        ));
        assert!(!overdue(
            &action(&[Rag::Blue], Some("2022-01-01"), None),
            today
        ));
        assert!(overdue(&action(&[], Some("2022-01-01"), None), today));
        assert!(!overdue(&action(&[Rag::Red], None, None), today));
    }

    fn ind(better: Better, target: Option<f64>, values: &[f64]) -> Indicator {
        Indicator {
            unit: None,
            better,
            target,
            values: values
                .iter()
                .enumerate()
                .map(|(i, v)| crate::model::IndicatorValue {
                    date: Date::parse(&format!("202{i}-01")).unwrap(),
                    value: *v,
                    note: None,
                })
                .collect(),
        }
    }

    #[test]
    fn indicators_read_against_direction_and_target() {
        let s = indicator(&ind(Better::Lower, Some(18.0), &[24.0, 21.0]));
        assert_eq!(s.change, Some(-3.0));
        assert_eq!(s.trend, Some(Trend::Better));
        assert_eq!((s.met, s.status), (Some(false), Some(Rag::Amber)));
        let s = indicator(&ind(Better::Higher, Some(5.0), &[3.0, 2.0]));
        assert_eq!((s.trend, s.status), (Some(Trend::Worse), Some(Rag::Red)));
        let s = indicator(&ind(Better::Higher, Some(5.0), &[5.0]));
        assert_eq!((s.change, s.status), (None, Some(Rag::Green)));
        let s = indicator(&ind(Better::Higher, None, &[1.0, 1.0]));
        assert_eq!((s.trend, s.status), (Some(Trend::Same), None));
        assert_eq!(indicator(&ind(Better::Higher, Some(1.0), &[])).status, None);
    }
}
