//! "Today", for overdue and "as at" wording: `--as-of`, else
//! `SOURCE_DATE_EPOCH`, else `today:` in `site.yaml`, else the clock.
//!
//! A `SOURCE_DATE_EPOCH` that is set but is not a time is an error, as the
//! reproducible-builds.org specification asks: quietly using the clock
//! instead would publish a site whose overdue actions depend on the day it
//! happened to be built. Empty (or only spaces) counts as not set, as CI
//! systems often pass an unset variable on as an empty one.

use crate::model::Date;
use chrono::{DateTime, NaiveDate};

/// The latest time accepted: the end of 9999, the last four-digit year.
const LATEST: i64 = 253_402_300_799;

/// "Today". `source_date_epoch` is the variable's value when it is set.
/// `Err` says what is wrong with it.
pub fn choose(
    as_of: Option<Date>,
    source_date_epoch: Option<&str>,
    site_today: Option<Date>,
    clock: NaiveDate,
) -> Result<Date, String> {
    let epoch = source_date_epoch.map(epoch_date).transpose()?.flatten();
    Ok(as_of.or(epoch).or(site_today).unwrap_or(Date::day(clock)))
}

/// The value of `SOURCE_DATE_EPOCH` when it is set. A value that is not
/// Unicode is read as it is, to be refused.
pub fn source_date_epoch() -> Option<String> {
    std::env::var_os("SOURCE_DATE_EPOCH").map(|v| v.to_string_lossy().into_owned())
}

/// The UTC date of a `SOURCE_DATE_EPOCH` value; `None` when it is empty.
fn epoch_date(value: &str) -> Result<Option<Date>, String> {
    let digits = value.trim();
    if digits.is_empty() {
        return Ok(None);
    }
    let secs = digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse::<i64>().ok())
        .flatten()
        .filter(|s| *s <= LATEST);
    match secs.and_then(|s| DateTime::from_timestamp(s, 0)) {
        Some(dt) => Ok(Some(Date::day(dt.date_naive()))),
        None => Err(format!(
            "SOURCE_DATE_EPOCH is `{value}`, which is not a time: it must be a whole number of seconds since 1 January 1970 UTC, at most {LATEST} (the end of 9999), such as `1700000000`; `git log -1 --format=%ct` gives the time of the last commit. Unset it to use `today:` in site.yaml or the clock"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_is_as_of_then_epoch_then_site_then_clock() {
        let clock = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let site = Some(Date::parse("2022-11-16").unwrap());
        let as_of = Some(Date::parse("2021-01-01").unwrap());
        let iso = |d: Result<Date, String>| d.map(|d| d.iso());
        assert_eq!(
            iso(choose(as_of, Some("0"), site, clock)).unwrap(),
            "2021-01-01"
        );
        assert_eq!(
            iso(choose(None, Some("1700000000"), site, clock)).unwrap(),
            "2023-11-14"
        );
        assert_eq!(iso(choose(None, None, site, clock)).unwrap(), "2022-11-16");
        assert_eq!(iso(choose(None, None, None, clock)).unwrap(), "2026-11-23");
    }

    #[test]
    fn a_value_that_is_not_a_time_is_an_error_and_empty_is_unset() {
        let clock = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for bad in [
            "junk",
            "1.5",
            "-1",
            "+5",
            "1e9",
            "17000000000000000000",
            "253402300800",
        ] {
            let e = choose(None, Some(bad), None, clock).unwrap_err();
            assert!(
                e.starts_with(&format!("SOURCE_DATE_EPOCH is `{bad}`")),
                "{e}"
            );
        }
        // Set but invalid is refused even when `--as-of` would win.
        let as_of = Some(Date::parse("2021-01-01").unwrap());
        assert!(choose(as_of, Some("junk"), None, clock).is_err());
        for empty in ["", "  ", "\n"] {
            assert_eq!(
                choose(None, Some(empty), None, clock).unwrap().iso(),
                "2026-11-23"
            );
        }
        assert_eq!(
            choose(None, Some(" 253402300799\n"), None, clock)
                .unwrap()
                .iso(),
            "9999-12-31"
        );
    }
}
