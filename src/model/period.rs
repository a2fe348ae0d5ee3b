//! Periods as officers write them: how often an indicator is reported
//! (`frequency: quarterly`) and how long a value stays recent
//! (`stale_after: 12 months` in site.yaml). A period is a whole number of
//! months.

use super::Date;
use chrono::{Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    months: u32,
}

/// The longest period accepted: a hundred years.
const LONGEST: u32 = 1_200;

/// What a period may be written as, for messages and the guide.
pub const PERIOD_FORMS: &str = "`monthly`, `quarterly`, `annual` (or `yearly`), or a number of months or years such as `6 months` or `2 years`";

impl Period {
    pub const fn months(months: u32) -> Period {
        Period { months }
    }

    /// Parses `monthly`, `quarterly`, `annual`, `annually`, `yearly`,
    /// `N months`, `N month`, `N years`, `N year`, in any case. The error
    /// says what is wrong and what may be written.
    pub fn parse(text: &str) -> Result<Period, String> {
        let t = text.trim().to_lowercase();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let months = match t.as_str() {
            "monthly" => Some(1),
            "quarterly" => Some(3),
            "annual" | "annually" | "yearly" => Some(12),
            _ => count(&t),
        };
        match months {
            Some(0) => Err(format!(
                "`{}` is no time at all: a period is at least `1 month`",
                text.trim()
            )),
            Some(m) if m <= LONGEST => Ok(Period { months: m }),
            Some(_) => Err(format!(
                "`{}` is longer than oversight reads: a period is at most 100 years",
                text.trim()
            )),
            None => Err(format!(
                "`{}` is not a period: write {PERIOD_FORMS}",
                text.trim()
            )),
        }
    }

    pub fn in_months(self) -> u32 {
        self.months
    }

    /// This period twice over.
    pub fn twice(self) -> Period {
        Period {
            months: self.months * 2,
        }
    }

    /// "Monthly", "Quarterly", "Annually", "Every 6 months".
    pub fn label(self) -> String {
        match self.months {
            1 => "Monthly".into(),
            3 => "Quarterly".into(),
            12 => "Annually".into(),
            m if m % 12 == 0 => format!("Every {} years", m / 12),
            m => format!("Every {m} months"),
        }
    }

    /// The last day that is no more than this period after `date`. A month
    /// alone means some time in the month, so the period runs from the
    /// month's end: `2023-03` plus 6 months ends on 30 September 2023.
    pub fn end_after(self, date: Date) -> NaiveDate {
        let first = date.first_day();
        let end = if date.is_month_only() {
            // The first of the month after the one the period ends in, less a day.
            first
                .checked_add_months(Months::new(self.months + 1))
                .and_then(|d| d.pred_opt())
        } else {
            first.checked_add_months(Months::new(self.months))
        };
        end.unwrap_or(NaiveDate::MAX)
    }
}

/// `6 months`, `1 month`, `2 years`, `6months`: the number of months.
fn count(t: &str) -> Option<u32> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let unit = t[digits.len()..].trim();
    let n: u32 = digits.parse().ok()?;
    match unit {
        "month" | "months" => Some(n),
        "year" | "years" => n.checked_mul(12).or(Some(u32::MAX)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(t: &str) -> u32 {
        Period::parse(t).unwrap().in_months()
    }

    #[test]
    fn the_named_periods_and_counts_parse_in_any_case() {
        assert_eq!(months("monthly"), 1);
        assert_eq!(months("Quarterly"), 3);
        assert_eq!(months("ANNUAL"), 12);
        assert_eq!(months("annually"), 12);
        assert_eq!(months("Yearly"), 12);
        assert_eq!(months("6 months"), 6);
        assert_eq!(months("1 month"), 1);
        assert_eq!(months(" 18  Months "), 18);
        assert_eq!(months("6months"), 6);
        assert_eq!(months("2 years"), 24);
        assert_eq!(months("1 year"), 12);
    }

    #[test]
    fn anything_else_says_what_may_be_written() {
        for bad in [
            "fortnightly-ish",
            "weekly",
            "6",
            "six months",
            "-3 months",
            "3.5 months",
            "",
        ] {
            let e = Period::parse(bad).unwrap_err();
            assert!(
                e.contains("is not a period") && e.contains("`6 months`"),
                "{bad}: {e}"
            );
        }
        assert!(
            Period::parse("0 months")
                .unwrap_err()
                .contains("at least `1 month`")
        );
        assert!(
            Period::parse("101 years")
                .unwrap_err()
                .contains("at most 100 years")
        );
        assert!(Period::parse("99999999999 years").is_err());
    }

    #[test]
    fn labels_read_as_sentences_begin() {
        assert_eq!(Period::months(3).label(), "Quarterly");
        assert_eq!(Period::months(12).label(), "Annually");
        assert_eq!(Period::months(6).label(), "Every 6 months");
        assert_eq!(Period::months(24).label(), "Every 2 years");
    }

    #[test]
    fn a_month_alone_runs_from_its_last_day() {
        let end = |d: &str, m: u32| {
            Period::months(m)
                .end_after(Date::parse(d).unwrap())
                .to_string()
        };
        assert_eq!(end("2023-03", 6), "2023-09-30");
        assert_eq!(end("2023-04", 6), "2023-10-31");
        assert_eq!(end("2023-08", 6), "2024-02-29");
        assert_eq!(end("2023-03-24", 6), "2023-09-24");
        assert_eq!(end("2023-08-31", 6), "2024-02-29");
        assert_eq!(end("9999-12", 12), "+10000-12-31");
    }
}
