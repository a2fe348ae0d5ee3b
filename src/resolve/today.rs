//! "Today", for overdue and "as at" wording: `--as-of`, else
//! `SOURCE_DATE_EPOCH`, else `today:` in `site.yaml`, else the clock.

use crate::model::Date;
use chrono::{DateTime, NaiveDate};

pub fn choose(
    as_of: Option<Date>,
    source_date_epoch: Option<&str>,
    site_today: Option<Date>,
    clock: NaiveDate,
) -> Date {
    if let Some(d) = as_of {
        return d;
    }
    if let Some(secs) = source_date_epoch.and_then(|s| s.trim().parse::<i64>().ok())
        && let Some(dt) = DateTime::from_timestamp(secs, 0)
    {
        return Date::day(dt.date_naive());
    }
    site_today.unwrap_or(Date::day(clock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_as_of_then_epoch_then_site_then_clock() {
        let clock = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let site = Some(Date::parse("2022-11-16").unwrap());
        let as_of = Some(Date::parse("2021-01-01").unwrap());
        assert_eq!(choose(as_of, Some("0"), site, clock).iso(), "2021-01-01");
        assert_eq!(
            choose(None, Some("1700000000"), site, clock).iso(),
            "2023-11-14"
        );
        assert_eq!(choose(None, Some("junk"), site, clock).iso(), "2022-11-16");
        assert_eq!(choose(None, None, None, clock).iso(), "2026-11-23");
    }
}
