//! YAML into a tree of nodes that remember where they were written, so every
//! later message can name a line and column.

use crate::diagnostics::Loc;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone)]
pub struct Key {
    pub name: String,
    pub loc: Loc,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub loc: Loc,
    /// The scalar exactly as written (for `1.10` or `2023` read as text).
    pub raw: Option<String>,
}

impl Node {
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a set of fields",
        }
    }
}

/// What serde-saphyr hands us before locations are fixed up.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Raw, E> {
                Ok(Raw::Int(n))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Raw, E> {
                Ok(i64::try_from(n).map_or(Raw::Float(n as f64), Raw::Int))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Raw, E> {
                Ok(Raw::Float(n))
            }
            fn visit_str<E>(self, s: &str) -> Result<Raw, E> {
                Ok(Raw::Str(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Raw, E> {
                Ok(Raw::Str(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = seq.next_element()? {
                    out.push(x);
                }
                Ok(Raw::Seq(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Raw::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A YAML syntax error, placed in the file.
#[derive(Debug)]
pub struct SyntaxError {
    pub loc: Loc,
    pub message: String,
}

/// Limits that keep hostile YAML (alias bombs, deep nesting) cheap to refuse.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 48;
    // A plan of 5,000 actions with a year of monthly updates each is about
    // 500,000 values and keys; three times that takes seconds just to read.
    budget.max_nodes = 1_500_000;
    budget.max_events = 3_000_000;
    budget.max_aliases = 10_000;
    let mut opts = serde_saphyr::Options::default();
    opts.budget = Some(budget);
    opts.strict_booleans = true;
    opts
}

/// Parses `text`, whose first line is line `first_line` of its file.
pub fn parse(text: &str, first_line: u32) -> Result<Node, SyntaxError> {
    let offset = first_line.saturating_sub(1);
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options()) {
        Ok(root) => Ok(convert(root, text, offset)),
        Err(e) => {
            let loc = e
                .location()
                .map(|l| Loc::new(l.line() as u32 + offset, l.column() as u32))
                .unwrap_or(Loc::new(first_line, 1));
            Err(SyntaxError {
                loc,
                message: plain_message(&e),
            })
        }
    }
}

/// serde-saphyr's message without its own location prefix and snippet: ours
/// carry the file's real line numbers.
fn plain_message(e: &serde_saphyr::Error) -> String {
    let opts = serde_saphyr::render_options! {
        snippets: serde_saphyr::SnippetMode::Off,
    };
    let text = e.render_with_options(opts);
    let first = text.lines().next().unwrap_or("").trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let stripped = match first.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map(|(_, msg)| msg).unwrap_or(rest),
        None => first,
    };
    let msg = stripped
        .split(" at line ")
        .next()
        .unwrap_or(stripped)
        .replace(", set DuplicateKeyPolicy in Options if acceptable", "");
    if msg.contains("budget breached") || msg.contains("recursion limit") {
        return "the YAML is too large or too deeply nested to read safely (more than 48 levels of nesting, more than 1,500,000 values and keys, or more than 10,000 aliases)".to_string();
    }
    format!("YAML syntax: {msg}")
}

fn loc_of(l: &serde_saphyr::Location, offset: u32) -> Loc {
    Loc::new(l.line() as u32 + offset, l.column() as u32)
}

fn convert(s: Spanned<Raw>, text: &str, offset: u32) -> Node {
    let loc = loc_of(&s.referenced, offset);
    let raw_text = || {
        let span = s.referenced.span();
        let start = span.byte_offset()? as usize;
        let len = span.byte_len()? as usize;
        text.get(start..start + len).map(str::to_string)
    };
    let (value, raw) = match s.value {
        Raw::Null => (Value::Null, None),
        Raw::Bool(b) => (Value::Bool(b), raw_text()),
        Raw::Int(n) => (Value::Int(n), raw_text()),
        Raw::Float(n) => (Value::Float(n), raw_text()),
        Raw::Str(st) => (Value::Str(st), None),
        Raw::Seq(items) => (
            Value::Seq(
                items
                    .into_iter()
                    .map(|x| convert(x, text, offset))
                    .collect(),
            ),
            None,
        ),
        Raw::Map(entries) => (
            Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        let key = Key {
                            name: k.value,
                            loc: loc_of(&k.referenced, offset),
                        };
                        (key, convert(v, text, offset))
                    })
                    .collect(),
            ),
            None,
        ),
    };
    Node { value, loc, raw }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_include_the_front_matter_offset() {
        let node = parse("title: A\ngrade: Good\n", 2).unwrap();
        let Value::Map(m) = node.value else {
            panic!("not a map")
        };
        assert_eq!(m[1].0.name, "grade");
        assert_eq!(m[1].0.loc, Loc::new(3, 1));
        assert_eq!(m[1].1.loc, Loc::new(3, 8));
    }

    #[test]
    fn numbers_keep_the_text_as_written() {
        let node = parse("id: 1.10\n", 1).unwrap();
        let Value::Map(m) = node.value else {
            panic!("not a map")
        };
        assert_eq!(m[0].1.raw.as_deref(), Some("1.10"));
    }

    #[test]
    fn yes_and_no_stay_text() {
        let node = parse("a: yes\n", 1).unwrap();
        let Value::Map(m) = node.value else {
            panic!("not a map")
        };
        assert!(matches!(&m[0].1.value, Value::Str(s) if s == "yes"));
    }

    #[test]
    fn syntax_errors_are_placed_in_the_file() {
        let e = parse("a: 1\nb: [1, 2\n", 2).unwrap_err();
        assert_eq!(e.loc.line, 3);
        assert!(e.message.starts_with("YAML syntax: "), "{}", e.message);
        assert!(!e.message.contains("line "), "{}", e.message);
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut y = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='j' {
            y.push_str(&format!(
                "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = c;
        }
        assert!(parse(&y, 1).is_err());
    }
}
