//! How quantities read: numbers as people write them, with their units.

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
