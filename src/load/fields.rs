//! Reading typed fields out of a YAML mapping. Every field a parser asks for
//! becomes "known"; whatever is left is reported as an unknown field with
//! the nearest known one. Problems are reported, never thrown: a parser reads
//! on and finds every mistake in the file in one pass.

use super::yaml::{Key, Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::{FileReporter, Loc, suggest};
use crate::model::shapes::Shape;
use crate::model::{At, Date, Period, Rag, Reference, StatusLabels};

pub use crate::model::shapes::MAX_TAGS;

/// The most fields one mapping may have: a document has a few dozen at
/// most, and a mapping of a million would take seconds to report on.
pub const MAX_FIELDS: usize = 500;

/// A mapping being read, of a shape declared in `model::shapes`: the
/// fields a parser may ask for are the shape's (checked in debug builds),
/// and the tests check that it asks for every one of them.
pub struct Fields<'n> {
    entries: &'n [(Key, Node)],
    pub loc: Loc,
    shape: &'static Shape,
    known: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    /// `None` (with an error) when `node` is not a mapping.
    pub fn of(
        r: &mut FileReporter,
        node: &'n Node,
        shape: &'static Shape,
        what: &str,
    ) -> Option<Fields<'n>> {
        match &node.value {
            Value::Map(entries) if entries.len() > MAX_FIELDS => {
                r.error(
                    Code::OverLimit,
                    entries[MAX_FIELDS].0.loc,
                    format!(
                        "{what} has {} fields; oversight reads at most {MAX_FIELDS} in one place",
                        entries.len()
                    ),
                    Some(
                        "check the indentation: lines meant for a list may have lost their `- `"
                            .into(),
                    ),
                );
                None
            }
            Value::Map(entries) => Some(Fields {
                entries,
                loc: node.loc,
                shape,
                known: Vec::new(),
            }),
            _ => {
                r.error(
                    Code::WrongShape,
                    node.loc,
                    format!(
                        "{what} should be a set of `field: value` lines, not {}",
                        node.type_name()
                    ),
                    None,
                );
                None
            }
        }
    }

    /// Marks `key` as a field of this mapping. A key its shape does not
    /// declare is a mistake in the loader, never in the content.
    fn ask(&mut self, key: &'static str) {
        debug_assert!(
            self.shape.field(key).is_some(),
            "the loader asks for `{key}`, which the shape `{}` does not declare (src/model/shapes)",
            self.shape.name
        );
        self.known.push(key);
    }

    /// The node under `key`, if written and not empty.
    pub fn get(&mut self, key: &'static str) -> Option<&'n Node> {
        self.ask(key);
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v.value, Value::Null))
    }

    /// Where `key` is written with nothing after it, if it is.
    pub fn empty_at(&mut self, key: &'static str) -> Option<Loc> {
        self.ask(key);
        self.entries
            .iter()
            .find(|(k, v)| k.name == key && matches!(v.value, Value::Null))
            .map(|(k, _)| k.loc)
    }

    pub fn text(&mut self, r: &mut FileReporter, key: &'static str) -> Option<At<String>> {
        let node = self.get(key)?;
        scalar_text(r, node, key)
    }

    pub fn string(&mut self, r: &mut FileReporter, key: &'static str) -> Option<String> {
        self.text(r, key).map(|a| a.value)
    }

    /// A field that must be present; its absence is an error at the mapping.
    pub fn required(
        &mut self,
        r: &mut FileReporter,
        key: &'static str,
        what: &str,
    ) -> Option<At<String>> {
        let v = self.text(r, key);
        if v.is_none() {
            r.error(
                Code::MissingField,
                self.loc,
                format!("{what} has no `{key}`"),
                Some(format!("add `{key}: ...`")),
            );
        }
        v
    }

    pub fn date(&mut self, r: &mut FileReporter, key: &'static str) -> Option<Date> {
        let t = self.text(r, key)?;
        match Date::parse(&t.value) {
            Ok(d) => Some(d),
            Err(e) => {
                r.error(Code::BadDate, t.loc, format!("`{key}`: {e}"), None);
                None
            }
        }
    }

    /// `quarterly`, `6 months` and the like (see [`Period::parse`]).
    pub fn period(&mut self, r: &mut FileReporter, key: &'static str) -> Option<Period> {
        let t = self.text(r, key)?;
        match Period::parse(&t.value) {
            Ok(p) => Some(p),
            Err(e) => {
                r.error(Code::BadPeriod, t.loc, format!("`{key}`: {e}"), None);
                None
            }
        }
    }

    pub fn rag(
        &mut self,
        r: &mut FileReporter,
        key: &'static str,
        labels: &StatusLabels,
    ) -> Option<Rag> {
        let t = self.text(r, key)?;
        parse_rag(r, &t, key, labels)
    }

    pub fn bool(&mut self, r: &mut FileReporter, key: &'static str) -> Option<bool> {
        let node = self.get(key)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                r.error(
                    Code::BadBoolean,
                    node.loc,
                    format!(
                        "`{key}` should be `true` or `false`, not {}",
                        describe(node)
                    ),
                    None,
                );
                None
            }
        }
    }

    pub fn number(&mut self, r: &mut FileReporter, key: &'static str) -> Option<f64> {
        let node = self.get(key)?;
        match node.value {
            Value::Int(n) => Some(n as f64),
            Value::Float(f) if f.is_finite() => Some(f),
            _ => {
                r.error(
                    Code::BadNumber,
                    node.loc,
                    format!("`{key}` should be a number, not {}", describe(node)),
                    None,
                );
                None
            }
        }
    }

    /// A whole number in `lo..=hi`.
    pub fn int_in(
        &mut self,
        r: &mut FileReporter,
        key: &'static str,
        lo: i64,
        hi: i64,
    ) -> Option<i64> {
        let node = self.get(key)?;
        match node.value {
            Value::Int(n) if (lo..=hi).contains(&n) => Some(n),
            _ => {
                r.error(
                    Code::BadNumber,
                    node.loc,
                    format!(
                        "`{key}` should be a whole number from {lo} to {hi}, not {}",
                        describe(node)
                    ),
                    None,
                );
                None
            }
        }
    }

    /// A list under `key` (a single value is taken as a list of one).
    pub fn list(&mut self, key: &'static str) -> Vec<&'n Node> {
        match self.get(key) {
            None => Vec::new(),
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => items.iter().collect(),
            Some(other) => vec![other],
        }
    }

    /// `tags:`, at most [`MAX_TAGS`]: each tag is a page of the site, so a
    /// list of a million would be a million pages.
    pub fn tags(&mut self, r: &mut FileReporter) -> Vec<String> {
        let nodes = self.list("tags");
        if let Some(extra) = nodes.get(MAX_TAGS) {
            r.error(
                Code::OverLimit,
                extra.loc,
                format!(
                    "this is tag {} of {}; a document, action or risk has at most {MAX_TAGS}",
                    MAX_TAGS + 1,
                    nodes.len()
                ),
                Some("keep the few words a reader would look things up by".into()),
            );
        }
        nodes
            .into_iter()
            .take(MAX_TAGS)
            .filter_map(|n| scalar_text(r, n, "tags"))
            .map(|t| t.value)
            .collect()
    }

    pub fn texts(&mut self, r: &mut FileReporter, key: &'static str) -> Vec<At<String>> {
        self.list(key)
            .into_iter()
            .filter_map(|n| scalar_text(r, n, key))
            .collect()
    }

    pub fn references(&mut self, r: &mut FileReporter, key: &'static str) -> Vec<Reference> {
        self.texts(r, key)
            .into_iter()
            .map(|mut t| {
                t.value = t.value.trim().trim_start_matches('@').to_string();
                t
            })
            .collect()
    }

    /// Warns about every field nobody asked for. A field that could be
    /// meant as a publishing control is an error instead: read as unknown,
    /// it would publish what the officer meant to hold back.
    pub fn finish(self, r: &mut FileReporter, what: &str) {
        let mut known = self.known;
        known.sort_unstable();
        known.dedup();
        #[cfg(debug_assertions)]
        asked::record(self.shape, &known);
        for (k, _) in self.entries {
            if known.binary_search(&k.name.as_str()).is_ok() {
                continue;
            }
            if let Some((control, near)) = publishing_control(&k.name) {
                let (message, help) = control_misplaced(&k.name, control, near, &known, what);
                r.error(Code::MisplacedPublishingControl, k.loc, message, Some(help));
            } else if r.diags.full(r.file) {
                // Counted, not shown: no need to work out a suggestion.
                r.warning(Code::UnknownField, k.loc, String::new(), None);
            } else {
                r.warning(
                    Code::UnknownField,
                    k.loc,
                    format!("`{}` is not a field of {what}", k.name),
                    suggest(&k.name, known.iter().copied(), "known fields"),
                );
            }
        }
    }
}

/// What to say of `key`, which could be meant as the publishing control
/// `control` (`near`: a spelling of it, not another word for it).
fn control_misplaced(
    key: &str,
    control: &str,
    near: bool,
    known: &[&str],
    what: &str,
) -> (String, String) {
    if known.contains(&control) {
        let help = if near {
            format!("write `{control}:` exactly, in lower case")
        } else {
            "to hold the document back, write `exempt:` with its Schedule 12A paragraph (1 to 7, or 12 to 18 in Wales)".to_string()
        };
        (
            format!("`{key}` is not `{control}`, so it would not hold the document back"),
            help,
        )
    } else {
        (
            format!("`{key}` cannot hold back {what}"),
            format!(
                "`{control}:` goes in a document's front matter and holds back the whole document; {what} is published with its document: hold that document back, or leave this out of the record until it may be published"
            ),
        )
    }
}

/// The publishing control (`exempt` or `draft`) a field name could be meant
/// as, and whether it is a spelling of it: either one in any case, within
/// two edits of one, containing one (`exemption`, `is_draft`); or a word
/// officers use for exempt papers (`confidential`, `restricted`,
/// `private`), which is not a spelling.
pub fn publishing_control(key: &str) -> Option<(&'static str, bool)> {
    let lower = key.trim().to_lowercase();
    // Two edits from a six-letter word leave at most eight characters;
    // a longer key is never measured (the measure grows with its length).
    let close = |control: &str| {
        lower.chars().count() <= 8 && strsim::damerau_levenshtein(&lower, control) <= 2
    };
    if let Some(control) = ["exempt", "draft"]
        .into_iter()
        .find(|control| lower.contains(control) || close(control))
    {
        return Some((control, true));
    }
    ["confidential", "restricted", "private"]
        .iter()
        .any(|w| lower.contains(w))
        .then_some(("exempt", false))
}

/// A status as written: one of the five values, or the site's label for
/// one, in any case.
pub fn parse_rag(
    r: &mut FileReporter,
    t: &At<String>,
    key: &str,
    labels: &StatusLabels,
) -> Option<Rag> {
    let rag = labels.parse(&t.value);
    if rag.is_none() {
        let words: Vec<String> = Rag::ALL
            .iter()
            .map(|x| format!("`{}` ({})", x.name(), labels.label(*x)))
            .collect();
        r.error(
            Code::UnknownStatus,
            t.loc,
            format!("`{key}`: `{}` is not a status", t.value),
            Some(format!(
                "write a status or its label, in any case: {}",
                words.join(", ")
            )),
        );
    }
    rag
}

/// A scalar as text: numbers and booleans as written, so `id: 1.10` stays "1.10".
pub fn scalar_text(r: &mut FileReporter, node: &Node, key: &str) -> Option<At<String>> {
    let text = match &node.value {
        Value::Str(s) => s.clone(),
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
            node.raw.clone().unwrap_or_else(|| match node.value {
                Value::Int(n) => n.to_string(),
                Value::Float(f) => f.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => String::new(),
            })
        }
        Value::Null => return None,
        Value::Seq(_) | Value::Map(_) => {
            r.error(
                Code::WrongShape,
                node.loc,
                format!("`{key}` should be a single value, not {}", node.type_name()),
                Some(hint_for_colon(key)),
            );
            return None;
        }
    };
    Some(At::new(text, node.loc))
}

fn hint_for_colon(key: &str) -> String {
    format!("if the text of `{key}` contains \": \", put it in quotes: `{key}: \"...\"`")
}

fn describe(node: &Node) -> String {
    match (&node.value, &node.raw) {
        (Value::Str(s), _) => format!("`{s}`"),
        (_, Some(raw)) => format!("`{raw}`"),
        _ => node.type_name().to_string(),
    }
}

/// In debug builds, the fields each shape's parser asked for, over every
/// mapping read: the tests check each shape's parser asks for exactly the
/// fields the shape declares, so a field added to one and not the other
/// fails them.
#[cfg(debug_assertions)]
pub mod asked {
    use crate::model::shapes::Shape;
    use std::collections::{BTreeMap, BTreeSet};
    use std::sync::Mutex;

    static ASKED: Mutex<BTreeMap<&'static str, BTreeSet<&'static str>>> =
        Mutex::new(BTreeMap::new());

    pub(super) fn record(shape: &'static Shape, known: &[&'static str]) {
        if let Ok(mut asked) = ASKED.lock() {
            asked.entry(shape.name).or_default().extend(known);
        }
    }

    /// The fields asked of `shape` so far.
    #[cfg(test)]
    pub fn of(shape: &Shape) -> BTreeSet<&'static str> {
        ASKED
            .lock()
            .map(|a| a.get(shape.name).cloned().unwrap_or_default())
            .unwrap_or_default()
    }
}
