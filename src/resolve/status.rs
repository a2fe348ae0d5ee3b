//! Derived statuses, as the content model defines them: an action's current
//! status, trend and overdue flag, and where an indicator stands and
//! whether its latest value is out of date. The roll-ups of priorities and
//! plans are in `plans.rs`.

use crate::model::{Action, Better, Date, Indicator, Period, Rag};
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
/// against its target, and whether that value is recent enough to rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorStatus {
    /// The date of the latest value.
    pub last: Option<Date>,
    /// The latest value is out of date: older than twice the indicator's
    /// `frequency` (else `stale_after`) before today. Such an indicator has
    /// no status.
    pub stale: bool,
    /// Latest minus previous value; none when the latest is marked
    /// `comparable: false`.
    pub change: Option<f64>,
    /// False when the latest value does not measure what the one before did.
    pub comparable: bool,
    /// That change read against `better`.
    pub trend: Option<Trend>,
    /// Whether the latest value meets the target, when there is one.
    pub met: Option<bool>,
    /// Green when the target is met; amber when it is not but the last
    /// change moved towards it; red otherwise. None without a target, and
    /// none when the latest value is out of date.
    pub status: Option<Rag>,
}

impl IndicatorStatus {
    /// "No recent value (last: March 2023)", when the latest value is out of date.
    pub fn no_recent_value(&self) -> Option<String> {
        self.last
            .filter(|_| self.stale)
            .map(|d| format!("No recent value (last: {})", d.month_year()))
    }
}

/// Whether a value dated `latest` is out of date on `today`: more than
/// `within` has passed since it. A month alone counts from the month's last
/// day, so a value is never called out of date early: `2023-03` within 6
/// months is recent up to and including 30 September 2023.
pub fn out_of_date(latest: Date, within: Period, today: NaiveDate) -> bool {
    within.end_after(latest) < today
}

/// `stale_after` is the site's limit for an indicator with no `frequency`.
pub fn indicator(ind: &Indicator, today: NaiveDate, stale_after: Period) -> IndicatorStatus {
    let n = ind.values.len();
    let latest = ind.values.last().map(|v| v.value);
    let previous = n.checked_sub(2).map(|i| ind.values[i].value);
    // Values that measure different things have no change between them.
    let comparable = ind.values.last().is_none_or(|v| v.comparable);
    let change = latest
        .zip(previous)
        .filter(|_| comparable)
        .map(|(l, p)| l - p);
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
    let last = ind.values.last().map(|v| v.date);
    let within = ind.frequency.map_or(stale_after, Period::twice);
    let stale = last.is_some_and(|d| out_of_date(d, within, today));
    let status = met.filter(|_| !stale).map(|m| match (m, trend) {
        (true, _) => Rag::Green,
        (false, Some(Trend::Better)) => Rag::Amber,
        (false, _) => Rag::Red,
    });
    IndicatorStatus {
        last,
        stale,
        change,
        comparable,
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
            frequency: None,
            values: values
                .iter()
                .enumerate()
                .map(|(i, v)| crate::model::IndicatorValue {
                    comparable: true,
                    date: Date::parse(&format!("202{i}-01")).unwrap(),
                    value: *v,
                    note: None,
                    shown_as: None,
                    estimate: false,
                })
                .collect(),
        }
    }

    /// Rated early in 2022, with none of `ind`'s values out of date.
    fn rate(i: &Indicator) -> IndicatorStatus {
        indicator(i, day("2022-01-01"), Period::months(36))
    }

    #[test]
    fn indicators_read_against_direction_and_target() {
        let s = rate(&ind(Better::Lower, Some(18.0), &[24.0, 21.0]));
        assert_eq!(s.change, Some(-3.0));
        assert_eq!(s.trend, Some(Trend::Better));
        assert_eq!((s.met, s.status), (Some(false), Some(Rag::Amber)));
        let s = rate(&ind(Better::Higher, Some(5.0), &[3.0, 2.0]));
        assert_eq!((s.trend, s.status), (Some(Trend::Worse), Some(Rag::Red)));
        let s = rate(&ind(Better::Higher, Some(5.0), &[5.0]));
        assert_eq!((s.change, s.status), (None, Some(Rag::Green)));
        let s = rate(&ind(Better::Higher, None, &[1.0, 1.0]));
        assert_eq!((s.trend, s.status), (Some(Trend::Same), None));
        assert_eq!(rate(&ind(Better::Higher, Some(1.0), &[])).status, None);
    }

    #[test]
    fn out_of_date_counts_a_month_alone_from_its_last_day() {
        let d = |s: &str| Date::parse(s).unwrap();
        let six = Period::months(6);
        // March 2023 may mean 31 March: recent for six months from then.
        assert!(!out_of_date(d("2023-03"), six, day("2023-09-30")));
        assert!(out_of_date(d("2023-03"), six, day("2023-10-01")));
        // A day counts from itself.
        assert!(!out_of_date(d("2023-03-24"), six, day("2023-09-24")));
        assert!(out_of_date(d("2023-03-24"), six, day("2023-09-25")));
        // Later than today is never out of date.
        assert!(!out_of_date(d("2024-01"), six, day("2023-06-30")));
    }

    #[test]
    fn a_stale_indicator_has_no_status_and_says_when_it_was_last_valued() {
        // Latest value January 2021, target missed: red while recent.
        let mut i = ind(Better::Higher, Some(5.0), &[3.0, 2.0]);
        let s = indicator(&i, day("2022-01-31"), Period::months(12));
        assert_eq!((s.stale, s.status), (false, Some(Rag::Red)));
        assert_eq!(s.no_recent_value(), None);
        let s = indicator(&i, day("2022-02-01"), Period::months(12));
        assert_eq!((s.stale, s.status), (true, None));
        assert_eq!(
            s.no_recent_value().as_deref(),
            Some("No recent value (last: January 2021)")
        );
        // The trend and target are still read; only the status goes.
        assert_eq!((s.trend, s.met), (Some(Trend::Worse), Some(false)));
        // With a frequency, twice it is the limit, whatever `stale_after` says.
        i.frequency = Some(Period::months(3));
        let s = indicator(&i, day("2021-07-31"), Period::months(120));
        assert!(!s.stale);
        let s = indicator(&i, day("2021-08-01"), Period::months(120));
        assert!(s.stale && s.status.is_none());
        // No values: nothing to be out of date.
        let s = indicator(
            &ind(Better::Higher, None, &[]),
            day("2030-01-01"),
            Period::months(1),
        );
        assert!(!s.stale && s.last.is_none());
    }
}
