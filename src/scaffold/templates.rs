//! The text of each new document, with every field of the format present
//! and explained. The files are in `templates/`, beside this one.

use crate::model::Date;

/// What `oversight new` can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Type {
    Inspection,
    Visit,
    Review,
    Plan,
    Action,
    Meeting,
    Paper,
    Risk,
    Indicator,
}

pub const INSPECTION: &str = include_str!("templates/inspection.md");
pub const VISIT: &str = include_str!("templates/visit.md");
pub const REVIEW: &str = include_str!("templates/review.md");
pub const PLAN: &str = include_str!("templates/plan.md");
pub const ACTIONS: &str = include_str!("templates/actions.yaml");
pub const ACTION: &str = include_str!("templates/action.yaml");
pub const MEETING: &str = include_str!("templates/meeting.md");
pub const PAPER: &str = include_str!("templates/paper.md");
pub const RISKS: &str = include_str!("templates/risks.yaml");
pub const RISK: &str = include_str!("templates/risk.yaml");
pub const INDICATOR: &str = include_str!("templates/indicator.yaml");

/// Fills a template: today's date, the document's id, an item's id, and
/// the title when one is given (quoted for YAML).
pub fn fill(text: &str, today: Date, id: &str, item: &str, title: Option<&str>) -> String {
    let mut out = text
        .replace("{{today}}", &today.iso())
        .replace("{{id}}", id)
        .replace("{{slug}}", id.rsplit('/').next().unwrap_or(id))
        .replace("{{item}}", item);
    if let Some(t) = title {
        out = fill_title(&out, t);
    }
    out.lines().map(|l| realign(l) + "\n").collect()
}

/// The column comments start at in the templates.
const COMMENT_COLUMN: usize = 30;

/// Puts a line's trailing comment back at `COMMENT_COLUMN` after a
/// placeholder changed the length of what comes before it.
fn realign(line: &str) -> String {
    let Some(at) = line.find("  #") else {
        return line.to_string();
    };
    let (before, comment) = (line[..at].trim_end(), line[at..].trim_start());
    if before.trim().is_empty() {
        return line.to_string();
    }
    let width = before.chars().count();
    let pad = if width < COMMENT_COLUMN {
        COMMENT_COLUMN - width
    } else {
        1
    };
    format!("{before}{}{comment}", " ".repeat(pad))
}

/// Replaces the first empty `title:` with the given title.
fn fill_title(text: &str, title: &str) -> String {
    let quoted = format!(
        "\"{}\"",
        title.trim().replace('\\', "\\\\").replace('"', "\\\"")
    );
    let mut done = false;
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            if !done
                && (trimmed == "title:"
                    || trimmed.starts_with("title: ") && trimmed[6..].trim_start().starts_with('#'))
            {
                done = true;
                let comment = trimmed.find('#').map_or("", |i| &trimmed[i..]);
                let sep = if comment.is_empty() { "" } else { "  " };
                format!("{indent}title: {quoted}{sep}{comment}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_filled_in_quoted_and_keeps_its_comment() {
        let d = Date::parse("2024-05-01").unwrap();
        let out = fill(
            INSPECTION,
            d,
            "inspections/x",
            "",
            Some(r#"Visit: "front door""#),
        );
        assert!(
            out.contains(r#"title: "Visit: \"front door\"" # required"#),
            "{out}"
        );
        assert!(out.contains("start: 2024-05-01"));
        assert_eq!(out.matches("title: \"").count(), 1);
    }
}
