//! Reading one cell into a field: dates as trackers write them, RAG as
//! words or letters.

use super::grid::Cell;
use crate::model::{Date, Rag, StatusLabels};
use chrono::NaiveDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date from an Excel serial day, `dd/mm/yyyy` (UK order; `-` or `.`
/// also), `YYYY-MM-DD`, `31 March 2023`, `March 2023` or `Mar-23`.
pub fn date(cell: &Cell) -> Result<Option<Date>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Serial(n) | Cell::Number(n) => serial(*n).map(Some),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            text_date(t).map(Some).ok_or_else(|| {
                format!("`{t}` is not a date: write it as 31/03/2023, 2023-03-31 or March 2023")
            })
        }
    }
}

fn serial(n: f64) -> Result<Date, String> {
    // Excel's day 1 is 1900-01-01, counted from 1899-12-30 for its leap-year bug.
    if !(1.0..=2_958_465.0).contains(&n) {
        return Err(format!("`{n}` is not a date"));
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|base| base.checked_add_days(chrono::Days::new(n.floor() as u64)))
        .map(Date::day)
        .ok_or_else(|| format!("`{n}` is not a date"))
}

fn text_date(t: &str) -> Option<Date> {
    if let Ok(d) = Date::parse(t) {
        return Some(d);
    }
    let parts: Vec<&str> = t
        .split(['/', '.', '-', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let num = |s: &str| s.parse::<u32>().ok();
    let year = |s: &str| -> Option<i32> {
        let y: i32 = s.parse().ok()?;
        match s.len() {
            2 => Some(2000 + y),
            4 => Some(y),
            _ => None,
        }
    };
    match parts.as_slice() {
        // 31/03/2023, 31-03-23
        [d, m, y] if num(d).is_some() && num(m).is_some() => {
            NaiveDate::from_ymd_opt(year(y)?, num(m)?, num(d)?).map(Date::day)
        }
        // 31 March 2023
        [d, m, y] => NaiveDate::from_ymd_opt(year(y)?, month(m)?, num(d)?).map(Date::day),
        // March 2023, Mar-23
        [m, y] => Date::parse(&format!("{:04}-{:02}", year(y)?, month(m)?)).ok(),
        _ => None,
    }
}

/// `March`, `Mar`, `Sept`.
fn month(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    if s.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&s) || (s == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// A status from its words: the five values, the site's labels, their
/// first letters (R, A, G, B) and the words trackers use.
pub fn rag(text: &str, labels: &StatusLabels) -> Option<Rag> {
    let t = text.trim();
    if let Some(r) = labels.parse(t) {
        return Some(r);
    }
    let w = super::columns::words(t);
    Some(match w.as_str() {
        "r" => Rag::Red,
        "a" => Rag::Amber,
        "g" => Rag::Green,
        "b" | "c" => Rag::Blue,
        "off track" | "behind" | "delayed" | "overdue" => Rag::Red,
        "at risk" | "some slippage" | "slippage" => Rag::Amber,
        "on track" | "on target" | "in progress" => Rag::Green,
        "complete" | "completed" | "done" | "achieved" | "closed" => Rag::Blue,
        "not started" | "not yet started" | "not due" => Rag::Grey,
        _ => return None,
    })
}

/// A status from a cell's fill colour: the nearest of the colours
/// trackers use for red, amber, green and blue, when near enough to one.
pub fn rag_of_fill((r, g, b): (u8, u8, u8)) -> Option<Rag> {
    const SHADES: [((u8, u8, u8), Rag); 10] = [
        ((0xFF, 0x00, 0x00), Rag::Red),
        ((0xC0, 0x00, 0x00), Rag::Red),
        ((0xFF, 0xC0, 0x00), Rag::Amber),
        ((0xFF, 0xA5, 0x00), Rag::Amber),
        ((0xFF, 0xFF, 0x00), Rag::Amber),
        ((0x00, 0xB0, 0x50), Rag::Green),
        ((0x92, 0xD0, 0x50), Rag::Green),
        ((0x00, 0x80, 0x00), Rag::Green),
        ((0x00, 0x70, 0xC0), Rag::Blue),
        ((0x00, 0xB0, 0xF0), Rag::Blue),
    ];
    let dist = |(x, y, z): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(x, r) + d(y, g) + d(z, b)
    };
    SHADES
        .iter()
        .min_by_key(|(c, _)| dist(*c))
        .filter(|(c, _)| dist(*c) <= 60 * 60 * 3)
        .map(|(_, rag)| *rag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(t: &str) -> String {
        date(&Cell::Text(t.into())).unwrap().unwrap().iso()
    }

    #[test]
    fn dates_as_trackers_write_them() {
        assert_eq!(d("31/03/2023"), "2023-03-31");
        assert_eq!(d("1/4/23"), "2023-04-01");
        assert_eq!(d("March 2023"), "2023-03");
        assert_eq!(d("Sept 2024"), "2024-09");
        assert_eq!(d("Mar-23"), "2023-03");
        assert_eq!(d("14 February 2022"), "2022-02-14");
        assert_eq!(d("2022-02-14"), "2022-02-14");
        assert_eq!(
            date(&Cell::Serial(45016.0)).unwrap().unwrap().iso(),
            "2023-03-31"
        );
        assert!(date(&Cell::Text("31/02/2023".into())).is_err());
        assert!(date(&Cell::Text("soon".into())).is_err());
    }

    #[test]
    fn statuses_from_words() {
        let l = StatusLabels::default();
        assert_eq!(rag("R", &l), Some(Rag::Red));
        assert_eq!(rag("Amber", &l), Some(Rag::Amber));
        assert_eq!(rag("On track", &l), Some(Rag::Green));
        assert_eq!(rag("Complete", &l), Some(Rag::Blue));
        assert_eq!(rag("purple", &l), None);
        assert_eq!(rag_of_fill((0xFF, 0xC0, 0x00)), Some(Rag::Amber));
        assert_eq!(rag_of_fill((0x00, 0xB0, 0x50)), Some(Rag::Green));
        assert_eq!(rag_of_fill((0xFF, 0xFF, 0xFF)), None);
    }
}
