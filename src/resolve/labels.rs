//! What a member calls a document and the items in it: "2023 Ofsted
//! inspection", "improvement 3", "committee of 5 November 2020". Ids are
//! for officers; these are what pages, search and lists show instead.
//!
//! A document's name is made from its kind, date and inspectorate (or
//! committee); when two documents of one kind would share a name, each
//! takes a longer one (month, then day), and its title as the last resort.
//! An item's label is its word and its place in its list: the third of an
//! inspection's recommendations is "improvement 3". Plan actions and
//! priorities, and risks, keep the reference numbers officers give them
//! ("action P1.2"), as the plan's own tables show them.

use crate::model::{Date, Document, Kind};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A document's name and, for an item, the item's word and number.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Label {
    /// "2023 Ofsted inspection", "committee of 5 November 2020", or the
    /// document's title when its kind has no name of its own.
    pub doc: String,
    /// Whether `doc` is a made name ("the 2023 Ofsted inspection") rather
    /// than a title.
    pub named: bool,
    /// "improvement 3", "priority action 1", "resolution 2", "action P1.2".
    pub item: Option<String>,
}

impl Label {
    /// "2023 Ofsted inspection, improvement 3", or the document's name;
    /// capitalised, for a list or a heading.
    pub fn full(&self) -> String {
        let text = match &self.item {
            Some(item) => format!("{}, {item}", self.doc),
            None => self.doc.clone(),
        };
        capitalise(&text)
    }

    /// "improvement 3 of the 2023 Ofsted inspection", or "the 2023 Ofsted
    /// inspection": for the middle of a sentence.
    pub fn in_sentence(&self) -> String {
        let doc = if self.named {
            format!("the {}", self.doc)
        } else {
            self.doc.clone()
        };
        match &self.item {
            Some(item) => format!("{item} of {doc}"),
            None => doc,
        }
    }
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The word for the recommendations of a document of this kind: an
/// inspection's are its "what needs to improve".
fn word(kind: &Kind, word: &'static str) -> &'static str {
    match (kind, word) {
        (Kind::Inspection(_), "recommendation") => "improvement",
        _ => word,
    }
}

/// Names from the shortest to the longest; the title is the last resort.
fn candidates(doc: &Document, docs: &BTreeMap<&str, &Document>) -> Vec<String> {
    let dated = |d: Option<Date>, what: String| -> Vec<String> {
        let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
        match d {
            Some(d) => vec![
                format!("{} {what}", d.year()),
                format!("{} {what}", d.month_year()),
                format!("{} {what}", d.long()),
            ],
            None => Vec::new(),
        }
    };
    let by = |who: &Option<String>, what: &str| match who.as_deref().map(str::trim) {
        Some(w) if !w.is_empty() => format!("{w} {what}"),
        _ => what.to_string(),
    };
    match &doc.kind {
        Kind::Inspection(i) => dated(i.start, by(&i.inspectorate, "inspection")),
        Kind::Visit(v) if !v.kind.trim().is_empty() => dated(v.start, by(&v.inspectorate, &v.kind)),
        Kind::Review(r) if !r.kind.value.trim().is_empty() => dated(r.start, r.kind.value.clone()),
        Kind::Meeting(m) => {
            let mut out = vec![format!("committee of {}", m.date.long())];
            if let Some(c) = m.committee.as_deref().filter(|c| !c.trim().is_empty()) {
                out.push(format!("{} of {}", c.trim(), m.date.long()));
            }
            out
        }
        // A paper is named by its meeting: "resolution 2 of the committee
        // of 30 June 2021".
        Kind::Paper(p) if !p.resolutions.is_empty() => doc
            .id
            .rsplit_once('/')
            .and_then(|(m, _)| docs.get(m))
            .map(|m| candidates(m, docs))
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The names of every document, by id.
pub struct Names {
    names: fnv::FnvHashMap<String, (String, bool)>,
}

impl Names {
    pub fn build(documents: &[Arc<Document>]) -> Names {
        let docs: BTreeMap<&str, &Document> =
            documents.iter().map(|d| (d.id.as_str(), &**d)).collect();
        let all: Vec<(&Document, Vec<String>)> = documents
            .par_iter()
            .map(|d| (&**d, candidates(d, &docs)))
            .collect();
        // Who could take each name, by kind and length: a name clashes
        // when another document (another id) of its kind could too. One
        // pass over every candidate, not one per pair of documents.
        let mut takers: fnv::FnvHashMap<(&str, usize, &str), (&str, bool)> =
            fnv::FnvHashMap::default();
        for (doc, cands) in &all {
            for (i, name) in cands.iter().enumerate() {
                takers
                    .entry((doc.kind.noun(), i, name.as_str()))
                    .and_modify(|(first, shared)| *shared |= *first != doc.id)
                    .or_insert((doc.id.as_str(), false));
            }
        }
        let names = all.par_iter().map(|(doc, cands)| {
            // The first name no other document of its kind could take at
            // the same length.
            let clash = |i: usize, name: &str| {
                takers
                    .get(&(doc.kind.noun(), i, name))
                    .is_some_and(|(first, shared)| *shared || *first != doc.id)
            };
            let chosen = cands
                .iter()
                .enumerate()
                .find(|(i, n)| !clash(*i, n))
                .map(|(_, n)| (n.clone(), true));
            let title = if doc.id.is_empty() {
                "Home".to_string()
            } else {
                doc.common.title.clone()
            };
            (doc.id.clone(), chosen.unwrap_or((title, false)))
        });
        // Collected as `insert` would: for an id made twice, the later one.
        let names: Vec<_> = names.collect();
        Names {
            names: names.into_iter().collect(),
        }
    }

    /// A document's label.
    pub fn doc(&self, id: &str) -> Label {
        let (doc, named) = self.names.get(id).cloned().unwrap_or_default();
        Label {
            doc,
            named,
            item: None,
        }
    }

    /// The labels of a document's items, by id.
    pub fn items(&self, doc: &Document) -> BTreeMap<String, Label> {
        let mut out = BTreeMap::new();
        let mut add = |id: &str, item: String| {
            let mut l = self.doc(&doc.id);
            l.item = Some(item);
            out.entry(id.to_string()).or_insert(l);
        };
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (w, it) in doc.kind.recommendations() {
            let n = counts.entry(w).or_default();
            *n += 1;
            add(&it.id.value, format!("{} {n}", word(&doc.kind, w)));
        }
        match &doc.kind {
            Kind::Paper(p) => {
                for (n, it) in p.resolutions.iter().enumerate() {
                    add(&it.id.value, format!("resolution {}", n + 1));
                }
            }
            Kind::Plan(p) => {
                for pr in &p.priorities {
                    add(&pr.id.value, format!("priority {}", pr.id.value));
                }
                for a in &p.actions {
                    add(&a.id.value, format!("action {}", a.id.value));
                }
            }
            Kind::Risks(risks) => {
                for r in risks {
                    add(&r.id.value, format!("risk {}", r.id.value));
                }
            }
            _ => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_lists_read_naturally() {
        let l = Label {
            doc: "2023 Ofsted inspection".into(),
            named: true,
            item: Some("improvement 3".into()),
        };
        assert_eq!(l.full(), "2023 Ofsted inspection, improvement 3");
        assert_eq!(
            l.in_sentence(),
            "improvement 3 of the 2023 Ofsted inspection"
        );
        let m = Label {
            doc: "committee of 5 November 2020".into(),
            named: true,
            item: None,
        };
        assert_eq!(m.full(), "Committee of 5 November 2020");
        assert_eq!(m.in_sentence(), "the committee of 5 November 2020");
    }
}
