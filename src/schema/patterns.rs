//! The regular expressions the schemas check values with, written to
//! accept what the loader's own readers accept (`Date::parse`,
//! `StatusLabels::parse`, `Period::parse`…). They run in two engines, an
//! editor's (JavaScript) and the tests' (Rust), so they use only what both
//! read alike: classes, groups, `\s`, `\d`, `\uXXXX`. Where a pattern
//! cannot be exact it is looser than the loader, never stricter: an editor
//! must never mark what `oversight check` accepts.

use crate::model::{Rag, StatusLabels};

/// Each letter as `[xX]`, runs of white space as `\s+`, the rest escaped.
pub fn any_case(text: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push_str(r"\s+");
            }
            space = true;
            continue;
        }
        space = false;
        let (mut lower, mut upper) = (c.to_lowercase(), c.to_uppercase());
        match (lower.next(), lower.next(), upper.next(), upper.next()) {
            (Some(l), None, Some(u), None) if l != u => {
                out.push('[');
                out.push(l);
                out.push(u);
                out.push(']');
            }
            _ => escape_into(&mut out, c),
        }
    }
    out
}

fn escape_into(out: &mut String, c: char) {
    // Not `-`: escaped outside a class, JavaScript's Unicode mode refuses it.
    if r"\^$.|?*+()[]{}/".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// `^\s*(a|b)\s*$`: one of `alternatives`, trimmed.
fn trimmed(alternatives: &[String]) -> String {
    format!(r"^\s*(?:{})\s*$", alternatives.join("|"))
}

/// A status: one of the five values (and `gray`), or the site's label for
/// one, in any case and spacing.
pub fn status(labels: &StatusLabels) -> String {
    let mut alts: Vec<String> = Rag::NAMES.iter().map(|n| any_case(n)).collect();
    alts.push(any_case("gray"));
    for rag in Rag::ALL {
        let label = labels.label(rag).split_whitespace().collect::<Vec<_>>();
        if !label.is_empty() {
            alts.push(any_case(&label.join(" ")));
        }
    }
    trimmed(&alts)
}

/// One of `words`, in any case; `-` or `_` may stand for a space.
pub fn words(words: &[&str]) -> String {
    let alts: Vec<String> = words
        .iter()
        .map(|w| w.split(' ').map(any_case).collect::<Vec<_>>().join("[ _-]"))
        .collect();
    trimmed(&alts)
}

/// `YYYY-MM-DD` (a day that exists, 29 February in leap years only) or
/// `YYYY-MM`.
pub const DATE: &str = concat!(
    r"^\s*(?:\d{4}-(?:0[1-9]|1[0-2])",
    r"|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])",
    r"|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)",
    r"|02-(?:0[1-9]|1\d|2[0-8]))",
    r"|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)\s*$"
);

/// `monthly`, `quarterly`, `annual` (`annually`, `yearly`), or 1 to 1200
/// months, 1 to 100 years.
pub fn period() -> String {
    let mut alts: Vec<String> = ["monthly", "quarterly", "annual", "annually", "yearly"]
        .iter()
        .map(|w| any_case(w))
        .collect();
    alts.push(format!(
        r"0*(?:[1-9]\d{{0,2}}|1[01]\d\d|1200)\s*{}",
        any_case_group(&["months", "month"])
    ));
    alts.push(format!(
        r"0*(?:[1-9]\d?|100)\s*{}",
        any_case_group(&["years", "year"])
    ));
    trimmed(&alts)
}

fn any_case_group(words: &[&str]) -> String {
    let alts: Vec<String> = words.iter().map(|w| any_case(w)).collect();
    format!("(?:{})", alts.join("|"))
}

/// `HH:MM` on the 24-hour clock (`9:30` too).
pub const TIME: &str = r"^\s*(?:[01]?\d|2[0-3]):[0-5]\d\s*$";

/// `#rrggbb` or `#rgb`.
pub const COLOUR: &str = r"^\s*#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})\s*$";

/// An item id.
pub const ITEM_ID: &str = r"^[A-Za-z0-9][A-Za-z0-9._-]*$";

/// A slug: lower-case letters, digits and `-`, not at either end.
pub const SLUG: &str = r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$";

/// A document id: slugs joined by `/`.
const DOCUMENT: &str = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*";

/// `doc`, `doc#item` or `#item`, with `@` before it if you like.
pub fn reference() -> String {
    format!(r"^\s*@*(?:{DOCUMENT}/*|(?:{DOCUMENT})?#[A-Za-z0-9][A-Za-z0-9._-]*)\s*$")
}

/// Characters no address may hold: white space and control characters.
const NOT_IN_ADDRESS: &str = r"\s\u0000-\u001f\u007f-\u009f";

/// A web address, `https://` or `http://`, with no spaces.
pub fn web_address() -> String {
    format!(
        r"^\s*{}[^{NOT_IN_ADDRESS}]*\s*$",
        any_case_group(&["https://", "http://"])
    )
}

/// `base_url`: it starts `https://` or `http://`.
pub const BASE_URL: &str = r"^https?://";

/// An email address (`mailto:` before it allowed) or a web address.
pub fn contact() -> String {
    let web = format!(
        r#"{}[^{NOT_IN_ADDRESS}"<>`]+"#,
        any_case_group(&["https://", "http://"])
    );
    let label = r"[A-Za-z0-9\u00aa-\uffff-]+";
    let email = format!(
        r"(?:{})?[A-Za-z0-9!#$%&'*+/=^_{{|}}~.-]+@{label}(?:\.{label})+",
        any_case("mailto:")
    );
    format!(r"^\s*(?:{web}|{email})\s*$")
}

/// `exempt:` written as text: a paragraph number, or `true`.
pub fn exempt_text() -> String {
    format!(r"^\s*(?:\+?0*(?:[1-7]|1[2-8])|{})\s*$", any_case("true"))
}

/// One of a scale's grades, in any case.
pub fn grades<'a>(grades: impl Iterator<Item = &'a str>) -> String {
    let alts: Vec<String> = grades.map(|g| any_case(g.trim())).collect();
    trimmed(&alts)
}

#[cfg(test)]
mod tests;
