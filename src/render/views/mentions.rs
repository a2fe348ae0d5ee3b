//! "Mentioned in": what refers to a document or item, each referring
//! document once, with how it refers in words ("answers improvement 2",
//! "discusses it at the committee of 16 November 2022"). The page itself,
//! the home page and the About page are left out: they mention everything.

use super::View;
use crate::resolve::{Backlink, doc_url};
use serde::Serialize;

/// One referring document, and what it says of the one referred to.
#[derive(Serialize)]
pub struct Mention<'a> {
    pub href: String,
    pub title: &'a str,
    pub says: String,
    pub relations: Vec<&'static str>,
}

/// Documents whose mentions are not listed: the home page and About.
const QUIET: [&str; 2] = ["", "about"];

/// "a", "a and b", "a, b and c".
fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "improvements 1, 2 and 5", "actions P1.1 and P1.11", "it and risk R2":
/// items of one word share it, in their natural order.
fn objects(mut labels: Vec<String>, whole: bool) -> String {
    labels.sort_by_key(|l| natural(l));
    labels.dedup();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for l in labels {
        let (word, n) = l.rsplit_once(' ').unwrap_or(("", l.as_str()));
        match groups.iter_mut().find(|(w, _)| w == word) {
            Some((_, ns)) => ns.push(n.to_string()),
            None => groups.push((word.to_string(), vec![n.to_string()])),
        }
    }
    let mut out: Vec<String> = if whole { vec!["it".into()] } else { Vec::new() };
    for (word, ns) in groups {
        out.push(match (word.as_str(), ns.len()) {
            ("", _) => and_list(&ns),
            (w, 1) => format!("{w} {}", ns[0]),
            (w, _) => format!("{w}s {}", and_list(&ns)),
        });
    }
    and_list(&out)
}

/// Sorts "P1.2" before "P1.11" and "improvement 2" before "improvement 10".
fn natural(s: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut n = c.to_digit(10).unwrap_or(0) as u64;
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(d as u64);
                chars.next();
            }
            out.push((std::mem::take(&mut text), n));
        } else {
            text.push(c);
        }
    }
    out.push((text, u64::MAX));
    out
}

/// The verb for a relation, for one subject and for several.
fn verb(relation: &str) -> (&'static str, &'static str) {
    match relation {
        "addresses" => ("addresses", "address"),
        "discusses" => ("discusses", "discuss"),
        "follows" => ("follows", "follow"),
        "responds to" => ("answers", "answer"),
        "supersedes" => ("supersedes", "supersede"),
        "continues" => ("continues", "continue"),
        "evidence" => ("cites as evidence", "cite as evidence"),
        "agenda" => ("takes as a paper", "take as a paper"),
        _ => ("mentions", "mention"),
    }
}

impl<'a> View<'a> {
    /// What refers to `doc` (or its `item`), each referring document once.
    pub fn backlinks(&self, doc: &str, item: Option<&str>) -> Vec<Mention<'a>> {
        self.backlinks_where(doc, item, |_| true)
    }

    /// As [`backlinks`](Self::backlinks), of the references `keep` keeps.
    pub fn backlinks_where(
        &self,
        doc: &str,
        item: Option<&str>,
        keep: impl Fn(&Backlink) -> bool,
    ) -> Vec<Mention<'a>> {
        let Some(list) = self.site.backlinks.get(doc) else {
            return Vec::new();
        };
        // The page the list is on: the document's, or an action's own.
        let own = doc_url(doc);
        let page = item
            .and_then(|i| self.site.index.lookup(&format!("{doc}#{i}"), doc).ok())
            .map_or(own.clone(), |(_, e)| {
                e.url
                    .split_once('#')
                    .map_or(e.url.clone(), |(p, _)| p.to_string())
            });
        let itself = |b: &Backlink| {
            if page == own {
                b.source == doc
            } else {
                b.url == page
            }
        };
        // By referring document, in the order first met (by page address).
        let mut groups: Vec<(&str, Vec<&'a Backlink>)> = Vec::new();
        for b in list.iter().filter(|b| {
            (item.is_none() || b.item.as_deref() == item)
                && !itself(b)
                && !QUIET.contains(&b.source.as_str())
                && keep(b)
        }) {
            match groups.iter_mut().find(|(s, _)| *s == b.source) {
                Some((_, g)) => g.push(b),
                None => groups.push((&b.source, vec![b])),
            }
        }
        groups
            .into_iter()
            .map(|(source, refs)| self.mention(doc, item.is_some(), source, &refs))
            .collect()
    }

    /// One referring document, and what it says of `doc` in words.
    fn mention(&self, doc: &str, single: bool, source: &str, refs: &[&'a Backlink]) -> Mention<'a> {
        let title = self
            .site
            .index
            .doc(source)
            .map_or(refs[0].title.as_str(), |e| e.title.as_str());
        // A paper speaks at its meeting.
        let at = match self.site.document(source).map(|d| &d.kind) {
            Some(crate::model::Kind::Paper(_)) => source
                .rsplit_once('/')
                .and_then(|(m, _)| self.site.index.doc(m))
                .map(|m| format!(" at {}", m.label.in_sentence())),
            _ => None,
        };
        let mut phrases: Vec<String> = Vec::new();
        let mut relations: Vec<&str> = Vec::new();
        for b in refs {
            if !relations.contains(&b.relation) {
                relations.push(b.relation);
            }
        }
        for relation in relations {
            let of: Vec<&&Backlink> = refs.iter().filter(|b| b.relation == relation).collect();
            let mut labels: Vec<String> = Vec::new();
            let mut actions: Vec<String> = Vec::new();
            let mut whole = false;
            for b in &of {
                match &b.item {
                    // A list about one item calls it "it".
                    Some(i) if !single => labels.push(
                        self.site
                            .index
                            .lookup(&format!("{doc}#{i}"), doc)
                            .ok()
                            .and_then(|(_, e)| e.label.item.clone())
                            .unwrap_or_else(|| i.clone()),
                    ),
                    _ => whole = true,
                }
                if let Some(a) = &b.action
                    && !actions.contains(a)
                {
                    actions.push(a.clone());
                }
            }
            actions.sort_by_key(|a| natural(a));
            let (one, many) = verb(relation);
            let object = objects(labels, whole);
            let v = if actions.len() > 1 { many } else { one };
            // "cites it as evidence"
            let said = match v.split_once(' ') {
                Some((v, rest)) => format!("{v} {object} {rest}"),
                None => format!("{v} {object}"),
            };
            let phrase = match actions.as_slice() {
                [] => said,
                [a] => format!("action {a} {said}"),
                _ => format!("actions {} {said}", and_list(&actions)),
            };
            phrases.push(phrase);
        }
        Mention {
            href: self.linker.href(&doc_url(source)),
            title,
            says: format!("{}{}", phrases.join("; "), at.as_deref().unwrap_or("")),
            relations: refs.iter().map(|b| b.relation).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::and_list;

    #[test]
    fn lists_read_as_english() {
        let w = |v: &[&str]| and_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&["a"]), "a");
        assert_eq!(w(&["a", "b"]), "a and b");
        assert_eq!(w(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn items_of_one_word_share_it_in_natural_order() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            super::objects(l(&["improvement 10", "improvement 2", "risk R2"]), true),
            "it, improvements 2 and 10 and risk R2"
        );
        assert_eq!(
            super::objects(l(&["action P1.11", "action P1.2"]), false),
            "actions P1.2 and P1.11"
        );
    }
}
