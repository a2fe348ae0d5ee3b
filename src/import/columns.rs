//! Which column holds what: headings found by their words, on whatever row
//! they sit, and `--map` to say so by hand.

use super::grid::Grid;

/// What a column of the tracker holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Ref,
    Priority,
    Title,
    Recommendation,
    Owner,
    Due,
    Revised,
    Status,
    Note,
    Updated,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Ref,
        Field::Priority,
        Field::Title,
        Field::Recommendation,
        Field::Owner,
        Field::Due,
        Field::Revised,
        Field::Status,
        Field::Note,
        Field::Updated,
    ];

    /// The name `--map` uses and the import prints.
    pub fn name(self) -> &'static str {
        match self {
            Field::Ref => "Ref",
            Field::Priority => "Priority",
            Field::Title => "Title",
            Field::Recommendation => "Recommendation",
            Field::Owner => "Owner",
            Field::Due => "Due",
            Field::Revised => "Revised",
            Field::Status => "Status",
            Field::Note => "Note",
            Field::Updated => "Updated",
        }
    }

    /// What it becomes in the plan.
    pub fn becomes(self) -> &'static str {
        match self {
            Field::Ref => "the action's id",
            Field::Priority => "its priority",
            Field::Title => "its title",
            Field::Recommendation => "its summary",
            Field::Owner => "its owner",
            Field::Due => "its due date",
            Field::Revised => "its revised_due date",
            Field::Status => "the status of its update",
            Field::Note => "the note of its update",
            Field::Updated => "the date of its update",
        }
    }
}

/// The field a heading names, by its words; `None` for a heading the
/// import does not use.
pub fn field_of(heading: &str) -> Option<Field> {
    let w = words(heading);
    let has = |s: &str| w.split(' ').any(|x| x == s);
    let is = |s: &[&str]| s.contains(&w.as_str());
    if w.is_empty() {
        return None;
    }
    if is(&[
        "ref",
        "ref no",
        "no",
        "number",
        "reference",
        "id",
        "action ref",
        "action no",
        "item",
    ]) {
        return Some(Field::Ref);
    }
    if has("revised")
        && (has("date") || has("dates") || has("due") || has("deadline") || has("target"))
    {
        return Some(Field::Revised);
    }
    if w.contains("date of update")
        || w.contains("update date")
        || w.contains("updated")
        || w.contains("date of last update")
    {
        return Some(Field::Updated);
    }
    if has("rag") || is(&["status", "current status", "rating"]) {
        return Some(Field::Status);
    }
    if has("progress") || has("commentary") || has("comments") || has("update") || has("narrative")
    {
        return Some(Field::Note);
    }
    if has("due")
        || has("deadline")
        || is(&[
            "target date",
            "target",
            "completion date",
            "by when",
            "timescale",
            "timescales",
        ])
    {
        return Some(Field::Due);
    }
    if has("owner") || has("lead") || has("responsible") || is(&["officer", "accountable"]) {
        return Some(Field::Owner);
    }
    if has("recommendation") || has("finding") {
        return Some(Field::Recommendation);
    }
    if has("priority") || has("theme") || has("workstream") || has("objective") {
        return Some(Field::Priority);
    }
    if has("action")
        || has("actions")
        || is(&["what we will do", "task", "activity", "description"])
    {
        return Some(Field::Title);
    }
    None
}

/// Lower-case words, punctuation dropped: "Target date:" is "target date".
pub fn words(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The columns found: the field of each column that holds one.
#[derive(Debug, Default)]
pub struct Columns {
    /// (column index, field, heading as written)
    pub found: Vec<(usize, Field, String)>,
    /// The sheet's row index of the heading row, when there is one.
    pub header_row: Option<usize>,
}

impl Columns {
    pub fn of(&self, f: Field) -> Option<usize> {
        self.found.iter().find(|c| c.1 == f).map(|c| c.0)
    }

    pub fn heading(&self, col: usize) -> Option<&str> {
        self.found.iter().find(|c| c.0 == col).map(|c| c.2.as_str())
    }
}

/// How many rows from the top are searched for the headings.
const HEADER_SEARCH: usize = 40;

/// Finds the heading row: the one, among the first rows, whose cells name
/// the most fields (at least a title and one other). A title row above it
/// and blank spacer rows are passed over. Headings over two rows are read
/// too: a cell merged down over both ("Ref") is read from the row above, and
/// a sub-heading that names nothing alone ("Revised") is read with the
/// group heading merged across above it ("Dates").
pub fn find(grid: &Grid) -> Columns {
    let mut best = Columns::default();
    for (i, row) in grid.rows.iter().take(HEADER_SEARCH).enumerate() {
        let above = i.checked_sub(1).and_then(|j| grid.rows.get(j));
        let mut found: Vec<(usize, Field, String)> = Vec::new();
        let width = row.len().max(above.map_or(0, Vec::len));
        for c in 0..width {
            let text = row.get(c).map(|x| x.text()).unwrap_or_default();
            let read = field_of(&text).map(|f| (f, text.clone())).or_else(|| {
                let above = above?;
                let up = above.get(c).map(|x| x.text()).unwrap_or_default();
                if text.trim().is_empty() {
                    // A heading merged down over both rows.
                    return field_of(&up).map(|f| (f, up));
                }
                // The group heading over this column: the nearest one at
                // or to the left of it in the row above.
                let group = (0..=c)
                    .rev()
                    .map(|k| above.get(k).map(|x| x.text()).unwrap_or_default())
                    .find(|t| !t.trim().is_empty())?;
                let both = format!("{group} {text}");
                field_of(&both).map(|f| (f, both))
            });
            if let Some((f, text)) = read
                && !found.iter().any(|x| x.1 == f)
            {
                found.push((c, f, text));
            }
        }
        let useful = found.iter().any(|x| x.1 == Field::Title) && found.len() >= 2;
        if useful && found.len() > best.found.len() {
            best = Columns {
                found,
                header_row: Some(i),
            };
        }
    }
    best
}

/// Applies `--map 'Ref=A,Title=B'`: each named field is taken from that
/// column, in place of any guess.
pub fn apply_map(cols: &mut Columns, map: &str) -> Result<(), String> {
    for part in map.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((name, letter)) = part.split_once('=') else {
            return Err(format!(
                "--map: `{part}` should be FIELD=COLUMN, such as `Title=B`"
            ));
        };
        let field = Field::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                format!(
                    "--map: `{}` is not a field; use one of {}",
                    name.trim(),
                    Field::ALL.map(Field::name).join(", ")
                )
            })?;
        let col = column_index(letter.trim()).ok_or_else(|| {
            format!(
                "--map: `{}` is not a column letter; write a letter such as `B` or `AA`",
                letter.trim()
            )
        })?;
        cols.found.retain(|c| c.1 != field && c.0 != col);
        cols.found
            .push((col, field, format!("--map {}", field.name())));
    }
    cols.found.sort_by_key(|c| c.0);
    Ok(())
}

/// `A` is 0, `Z` 25, `AA` 26.
pub fn column_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let mut n = 0usize;
    for c in letters.chars() {
        n = n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1);
    }
    Some(n - 1)
}

/// 0 is `A`, 26 is `AA`.
pub fn column_letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push((b'A' + (col % 26) as u8) as char);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_by_their_words() {
        assert_eq!(field_of("Ref."), Some(Field::Ref));
        assert_eq!(field_of("No."), Some(Field::Ref));
        assert_eq!(field_of("Action"), Some(Field::Title));
        assert_eq!(field_of("Lead officer"), Some(Field::Owner));
        assert_eq!(field_of("Target date"), Some(Field::Due));
        assert_eq!(field_of("Revised date"), Some(Field::Revised));
        assert_eq!(field_of("RAG"), Some(Field::Status));
        assert_eq!(field_of("Progress update"), Some(Field::Note));
        assert_eq!(field_of("Date of update"), Some(Field::Updated));
        assert_eq!(field_of("Theme"), Some(Field::Priority));
        assert_eq!(
            field_of("Ofsted recommendation"),
            Some(Field::Recommendation)
        );
    }

    #[test]
    fn letters() {
        assert_eq!(column_index("A"), Some(0));
        assert_eq!(column_index("aa"), Some(26));
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(2), "C");
    }
}
