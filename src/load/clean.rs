//! Removing the characters no page may carry (see `model::chars`) from a
//! file as it is read, so every field and the body are clean at once, with
//! a warning that says where each was. A file is cleaned twice: its text
//! when decoded, and its YAML strings after parsing, because a
//! double-quoted YAML escape (`"A\vB"`, `"\u202E"`) makes the character
//! only when the YAML is read.

use super::yaml::{Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Loc};
use crate::model::chars::{may_hold, strip, unwanted};
use std::collections::BTreeMap;

/// The first place each unwanted character was found, and how often.
#[derive(Default)]
struct Found(BTreeMap<char, (Loc, usize)>);

impl Found {
    fn add(&mut self, c: char, loc: Loc) {
        self.0.entry(c).or_insert((loc, 0)).1 += 1;
    }

    /// One warning per character, however often it occurs, so a file full
    /// of them gives a short report.
    fn report(self, r: &mut FileReporter, how: &str) {
        for (c, (loc, count)) in self.0 {
            let name = unwanted(c).unwrap_or("a control character");
            let more = match count {
                1 => String::new(),
                2 => ", here and once more in this file".to_string(),
                n => format!(", here and {} more times in this file", n - 1),
            };
            r.warning(
                Code::RemovedCharacter,
                loc,
                format!(
                    "U+{:04X} ({name}){how} was removed{more}: it cannot be shown safely on a page or in the feed",
                    c as u32
                ),
                Some(help(c)),
            );
        }
    }
}

fn help(c: char) -> String {
    match c {
        '\u{0B}' => "delete it; in Word a line break (Shift+Enter) is saved as this character, so use a new paragraph instead".into(),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "delete it; right-to-left text (Arabic, Urdu, Hebrew) shows correctly without it".into()
        }
        _ => "delete it (it is invisible in most editors: retype the text around it)".into(),
    }
}

/// The decoded text of `file` without unwanted characters, warning about
/// each in `diags`. The warnings quote the line as it was, so the printed
/// message shows the character (escaped) under its caret.
pub fn clean_text(file: &str, text: String, diags: &mut Diagnostics) -> String {
    if !may_hold(&text) || !text.chars().any(|c| unwanted(c).is_some()) {
        return text;
    }
    let mut found = Found::default();
    let (mut line, mut col) = (1u32, 1u32);
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if unwanted(c).is_some() {
            found.add(c, Loc::new(line, col));
        } else {
            cleaned.push(c);
        }
        if c == '\n' {
            (line, col) = (line + 1, 1);
        } else {
            col += 1;
        }
    }
    let mut r = FileReporter {
        file,
        text: &text,
        diags,
    };
    found.report(&mut r, "");
    cleaned
}

/// Removes unwanted characters that YAML escapes made in `node`'s text and
/// field names, warning at the value that held each.
pub fn clean_yaml(r: &mut FileReporter, node: &mut Node) {
    let mut found = Found::default();
    walk(node, &mut found);
    found.report(r, " written as a YAML escape");
}

fn walk(node: &mut Node, found: &mut Found) {
    match &mut node.value {
        Value::Str(s) => clean(s, node.loc, found),
        Value::Seq(items) => items.iter_mut().for_each(|n| walk(n, found)),
        Value::Map(entries) => {
            for (key, value) in entries {
                clean(&mut key.name, key.loc, found);
                walk(value, found);
            }
        }
        Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {}
    }
}

fn clean(s: &mut String, loc: Loc, found: &mut Found) {
    if let std::borrow::Cow::Owned(cleaned) = strip(s) {
        s.chars()
            .filter(|c| unwanted(*c).is_some())
            .for_each(|c| found.add(c, loc));
        *s = cleaned;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;

    #[test]
    fn raw_characters_are_removed_and_placed() {
        let mut diags = Diagnostics::default();
        let text = "title: A\u{B}B\nsummary: \u{202E}x\u{202E}y\u{202E}\n".to_string();
        let cleaned = clean_text("f.md", text, &mut diags);
        assert_eq!(cleaned, "title: AB\nsummary: xy\n");
        let d = diags.sorted();
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|d| d.severity == Severity::Warning));
        assert_eq!(d[0].loc, Loc::new(1, 9));
        assert!(
            d[0].message.starts_with("U+000B (vertical tab"),
            "{}",
            d[0].message
        );
        assert_eq!(
            d[0].snippet.as_ref().map(|s| s.line.as_str()),
            Some("title: A\u{B}B")
        );
        assert_eq!(d[1].loc, Loc::new(2, 10));
        assert!(
            d[1].message.contains("here and 2 more times"),
            "{}",
            d[1].message
        );
    }

    #[test]
    fn yaml_escapes_are_removed_at_their_value() {
        let mut node =
            super::super::yaml::parse("title: \"A\\vB\\e[2J\"\n\"k\\0\": x\n", 2).expect("parses");
        let mut diags = Diagnostics::default();
        let mut r = FileReporter {
            file: "f.md",
            text: "",
            diags: &mut diags,
        };
        clean_yaml(&mut r, &mut node);
        let Value::Map(m) = &node.value else {
            panic!("a map")
        };
        assert!(matches!(&m[0].1.value, Value::Str(s) if s == "AB[2J"));
        assert_eq!(m[1].0.name, "k");
        let d = diags.sorted();
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(d[0].loc, Loc::new(2, 8));
        assert!(d.iter().all(|d| d.message.contains("YAML escape")));
    }
}
