//! The anchors of a page: the id each heading gets, and ids written in raw
//! HTML. Computed once here so that loading (which records them, for
//! `check` to verify `#heading` links) and rendering (which writes them)
//! agree on every id.

use std::collections::{BTreeSet, HashMap};

/// Ids the built-in theme gives every document's page, besides its
/// headings and items: the main content (the skip link's target) and the
/// list of attachments.
pub const PAGE_IDS: &[&str] = &["main", "attachments-heading"];

/// A heading as written: its explicit `{#id}` if any, and its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    pub id: Option<String>,
    pub text: String,
}

/// The id of each heading, in order. A heading without an explicit
/// `{#id}` gets one from its text, unique on the page: `scope`,
/// `scope-2`, ...; an empty text gives `section`.
pub fn heading_ids(headings: &[Heading]) -> Vec<String> {
    let mut used: BTreeSet<String> = headings.iter().filter_map(|h| h.id.clone()).collect();
    // The next number to try after each heading text, so that a page of
    // many headings alike takes linear time, not quadratic.
    let mut next: HashMap<String, usize> = HashMap::new();
    headings
        .iter()
        .map(|h| {
            if let Some(id) = &h.id {
                return id.clone();
            }
            let base = slug(&h.text);
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut candidate = base.clone();
            let n = next.entry(base.clone()).or_insert(2);
            while used.contains(&candidate) {
                candidate = format!("{base}-{n}");
                *n += 1;
            }
            used.insert(candidate.clone());
            candidate
        })
        .collect()
}

/// Heading text as an anchor: lower case, words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The values of `id="..."` (or `id='...'`) attributes in raw HTML.
pub fn html_ids(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("id=") {
        let at = from + i;
        from = at + 3;
        let before = lower[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = &html[from..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = rest[1..].find(quote) {
            out.push(rest[1..1 + end].to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(id: Option<&str>, text: &str) -> Heading {
        Heading {
            id: id.map(String::from),
            text: text.into(),
        }
    }

    #[test]
    fn ids_are_unique_and_explicit_ones_are_kept() {
        let ids = heading_ids(&[
            h(None, "Scope"),
            h(Some("scope-2"), "Other"),
            h(None, "Scope"),
            h(None, "!!"),
        ]);
        assert_eq!(ids, ["scope", "scope-2", "scope-3", "section"]);
    }

    #[test]
    fn html_ids_are_read_from_attributes() {
        let ids = html_ids(r#"<a id="one"></a><div class='x' ID='two'>"#);
        assert_eq!(ids, ["one", "two"]);
        assert!(html_ids(r#"<a data-id="no">"#).is_empty());
    }
}
