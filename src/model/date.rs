//! Dates as officers write them: a day (`2023-03-13`) or a month alone
//! (`2019-12`, "some time in December 2019").

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    first: NaiveDate,
    month_only: bool,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    pub fn day(d: NaiveDate) -> Self {
        Date {
            first: d,
            month_only: false,
        }
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM`; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Date, String> {
        let t = text.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let shape_ok = match parts.as_slice() {
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        } && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !shape_ok {
            return Err(format!(
                "`{t}` is not a date: write `YYYY-MM-DD` (e.g. 2023-03-13) or `YYYY-MM` for a month"
            ));
        }
        let year: i32 = parts[0].parse().map_err(|_| format!("`{t}`: bad year"))?;
        let month: u32 = parts[1].parse().map_err(|_| format!("`{t}`: bad month"))?;
        if !(1..=12).contains(&month) {
            return Err(format!(
                "`{t}` is not a date: month {month} is not 01 to 12"
            ));
        }
        let day: u32 = match parts.get(2) {
            Some(d) => d.parse().map_err(|_| format!("`{t}`: bad day"))?,
            None => 1,
        };
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(first) => Ok(Date {
                first,
                month_only: parts.len() == 2,
            }),
            None => {
                let last = last_day_of_month(year, month);
                Err(format!(
                    "`{t}` is not a date: {} {year} has {last} days",
                    MONTHS[month as usize - 1]
                ))
            }
        }
    }

    /// The day it sorts as: the day itself, or the month's first day.
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// The last day it could mean: for a month alone, the month's last day.
    pub fn last_day(&self) -> NaiveDate {
        if self.month_only {
            let last = last_day_of_month(self.first.year(), self.first.month());
            self.first.with_day(last).unwrap_or(self.first)
        } else {
            self.first
        }
    }

    pub fn is_month_only(&self) -> bool {
        self.month_only
    }

    pub fn year(&self) -> i32 {
        self.first.year()
    }

    /// `2023-03-13` or `2019-12`, as written.
    pub fn iso(&self) -> String {
        let d = self.first;
        let Some(year) = plain_year(d.year()) else {
            return if self.month_only {
                format!("{:04}-{:02}", d.year(), d.month())
            } else {
                d.format("%Y-%m-%d").to_string()
            };
        };
        // Written digit by digit: pages show tens of thousands of dates,
        // and `format!` costs several times as much.
        let mut out = String::with_capacity(10);
        push_digits(&mut out, year, 4);
        out.push('-');
        push_digits(&mut out, d.month(), 2);
        if !self.month_only {
            out.push('-');
            push_digits(&mut out, d.day(), 2);
        }
        out
    }

    /// "March 2023", for a day or a month alone.
    pub fn month_year(&self) -> String {
        format!(
            "{} {}",
            MONTHS[self.first.month0() as usize],
            self.first.year()
        )
    }

    /// "13 March 2023" or "December 2019", as GOV.UK writes dates.
    pub fn long(&self) -> String {
        let d = self.first;
        let month = MONTHS[d.month0() as usize];
        let Some(year) = plain_year(d.year()) else {
            return if self.month_only {
                format!("{month} {}", d.year())
            } else {
                format!("{} {month} {}", d.day(), d.year())
            };
        };
        let mut out = String::with_capacity(18);
        if !self.month_only {
            push_digits(&mut out, d.day(), 1);
            out.push(' ');
        }
        out.push_str(month);
        out.push(' ');
        push_digits(&mut out, year, 1);
        out
    }
}

/// A year of four digits or fewer, as officers write them (see
/// [`Date::parse`]); `None` for a clock far from now.
fn plain_year(year: i32) -> Option<u32> {
    u32::try_from(year).ok().filter(|y| *y <= 9999)
}

/// Pushes `n` (at most 9999) in decimal, with zeros before it to make at
/// least `width` digits.
fn push_digits(out: &mut String, n: u32, width: u32) {
    let digits = n.checked_ilog10().unwrap_or(0) + 1;
    for _ in digits..width {
        out.push('0');
    }
    for place in (0..digits).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
    }
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    /// A month alone sorts as its first day, before the days of that month.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first, !self.month_only).cmp(&(other.first, !other.month_only))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long())
    }
}

/// In templates a date is `{ iso, long }`.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Date", 3)?;
        st.serialize_field("iso", &self.iso())?;
        st.serialize_field("long", &self.long())?;
        st.serialize_field("year", &self.year())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_digit_by_digit_as_chrono_and_format_write_them() {
        let years = [0, 5, 99, 999, 1999, 2024, 9999, 10000, 12345, -1];
        for year in years {
            for (month, day) in [(1, 1), (2, 9), (10, 10), (12, 31)] {
                let d = NaiveDate::from_ymd_opt(year, month, day).unwrap();
                let date = Date::day(d);
                assert_eq!(date.iso(), d.format("%Y-%m-%d").to_string());
                let name = MONTHS[month as usize - 1];
                assert_eq!(date.long(), format!("{day} {name} {year}"));
                let month_only = Date {
                    first: d,
                    month_only: true,
                };
                assert_eq!(month_only.iso(), format!("{year:04}-{month:02}"));
                assert_eq!(month_only.long(), format!("{name} {year}"));
            }
        }
    }

    #[test]
    fn days_and_months_parse_and_read_as_people_write_them() {
        let d = Date::parse("2023-03-13").unwrap();
        assert_eq!(d.long(), "13 March 2023");
        assert_eq!(d.iso(), "2023-03-13");
        assert_eq!(Date::parse("0099-01-02").unwrap().iso(), "0099-01-02");
        assert_eq!(d.month_year(), "March 2023");
        let m = Date::parse("2019-12").unwrap();
        assert_eq!(m.long(), "December 2019");
        assert_eq!(m.first_day().to_string(), "2019-12-01");
        assert_eq!(m.last_day().to_string(), "2019-12-31");
        assert_eq!(
            Date::parse("2024-02").unwrap().last_day().to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn impossible_dates_say_why() {
        assert!(
            Date::parse("2023-02-30")
                .unwrap_err()
                .contains("February 2023 has 28 days")
        );
        assert!(Date::parse("2023-13-01").unwrap_err().contains("month 13"));
        assert!(
            Date::parse("13/03/2023")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(Date::parse("2023-3-1").is_err());
    }

    #[test]
    fn a_month_sorts_before_its_days() {
        let m = Date::parse("2023-03").unwrap();
        let d1 = Date::parse("2023-03-01").unwrap();
        let feb = Date::parse("2023-02-28").unwrap();
        assert!(feb < m && m < d1);
    }
}
