//! Checking every reference (fields and `@` links) and recording, for each
//! target, what refers to it.

use super::index::{Entry, Index, action_url, doc_url};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter};
use crate::load::{Sources, source_text};
use crate::model::{At, Document, Kind, RelativeLink, relative_link};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// One thing that refers to a document or item.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Backlink {
    /// The page of the referring document or item, from the site root.
    pub url: String,
    pub title: String,
    pub kind: &'static str,
    /// How it refers: "addresses", "discusses", "links to", ...
    pub relation: &'static str,
    /// The item referred to, when the reference named one.
    pub item: Option<String>,
    /// The id of the referring document (a plan, for its actions).
    #[serde(skip)]
    pub source: String,
    /// The referring action's id, when an action refers.
    #[serde(skip)]
    pub action: Option<String>,
}

pub type Backlinks = BTreeMap<String, Vec<Backlink>>;

/// What a reference must name.
#[derive(Clone, Copy)]
enum Want {
    Anything,
    Doc(&'static [&'static str]),
    /// An item of this kind in a document of that kind.
    Item(&'static str, &'static str),
    /// A recommendation or priority action of an inspection, visit, review
    /// or meeting.
    Recommendation,
}

/// What `follows` and `responds_to` may name.
const FOLLOWABLE: [&str; 3] = ["inspection", "visit", "review"];

struct Source<'a> {
    doc: &'a str,
    file: &'a str,
    url: String,
    title: String,
    kind: &'static str,
    published: bool,
    /// The action that refers, for an action's references.
    action: Option<&'a str>,
}

/// Checks the references of one document.
struct Checker<'a> {
    index: &'a Index,
    /// Documents that could not be read: references to them are not
    /// reported again.
    unreadable: &'a BTreeSet<String>,
    sources: &'a Sources,
    /// The document's messages, in the order found.
    diags: Diagnostics,
    /// What it refers to: the document referred to (or that holds the
    /// item), by its place in the index, and the backlink.
    found: Vec<(usize, Backlink)>,
}

impl Checker<'_> {
    fn report(
        &mut self,
        code: Code,
        src: &Source,
        loc: crate::diagnostics::Loc,
        message: String,
        help: Option<String>,
    ) {
        let text = source_text(self.sources, src.file);
        FileReporter {
            file: src.file,
            text,
            diags: &mut self.diags,
        }
        .error(code, loc, message, help);
    }

    fn check(&mut self, src: &Source, r: &At<String>, relation: &'static str, want: Want) {
        let index = self.index;
        let (at, _, item, entry) = match index.find_at(&r.value, src.doc) {
            Ok(found) => found,
            Err(_) if self.unreadable.contains(target_doc(&r.value, src.doc)) => return,
            Err(u) => return self.report(Code::DanglingReference, src, r.loc, u.message, u.help),
        };
        if let Some(problem) = mismatch(want, entry, item.is_some()) {
            return self.report(
                Code::WrongKindReference,
                src,
                r.loc,
                format!("`{}` {problem}", r.value),
                None,
            );
        }
        if src.published {
            let backlink = Backlink {
                url: src.url.clone(),
                title: src.title.clone(),
                kind: src.kind,
                relation,
                item: item.map(str::to_string),
                source: src.doc.to_string(),
                action: src.action.map(str::to_string),
            };
            self.found.push((at, backlink));
        }
    }
}

/// Why `entry` is not what `want` asks for; `item` when the reference
/// named an item in a document.
fn mismatch(want: Want, entry: &Entry, item: bool) -> Option<String> {
    match want {
        Want::Anything => None,
        Want::Doc(kinds) => {
            if item || !kinds.contains(&entry.kind) {
                let wanted: Vec<String> = kinds.iter().map(|k| article(k)).collect();
                Some(format!(
                    "names {}; it should name {}",
                    article(entry.kind),
                    wanted.join(" or ")
                ))
            } else {
                None
            }
        }
        Want::Recommendation => {
            if item && matches!(entry.kind, "recommendation" | "priority action") {
                None
            } else {
                Some(format!(
                    "names {}; it should name a recommendation or priority action (`inspections/<slug>#<id>`, `meetings/<meeting>#<id>`)",
                    article(entry.kind)
                ))
            }
        }
        Want::Item(doc_kind, kind) => {
            if entry.doc_kind == doc_kind && entry.kind == kind && item {
                None
            } else {
                Some(format!(
                    "names {}; it should name {}'s {kind} (`{}s/<{doc_kind}>#<id>`)",
                    article(entry.kind),
                    article(doc_kind),
                    doc_kind
                ))
            }
        }
    }
}

/// What references are checked against.
pub struct Known<'a> {
    pub index: &'a Index,
    pub published: &'a (dyn Fn(&str) -> bool + Sync),
    /// Documents that could not be read: references to them are not reported again.
    pub unreadable: &'a BTreeSet<String>,
    /// Files copied as they are, by path under `content/`.
    pub assets: &'a BTreeSet<String>,
    pub sources: &'a Sources,
}

/// Checks every reference in `docs`; returns what refers to what. The
/// documents are checked in parallel; their messages are kept in document
/// order, as if checked one after another.
pub fn check_references(
    docs: &[Arc<Document>],
    known: &Known,
    diags: &mut Diagnostics,
) -> Backlinks {
    let checked: Vec<Checker> = docs
        .par_iter()
        .map(|doc| check_document(doc, known))
        .collect();
    let mut found = Vec::new();
    for c in checked {
        diags.extend(c.diags);
        found.extend(c.found);
    }
    // Each target's backlinks sorted, without repeats. Their places are
    // sorted rather than the backlinks themselves, which are large to move.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.par_sort_unstable_by(|&a, &b| found[a].cmp(&found[b]));
    order.dedup_by(|b, a| found[*a] == found[*b]);
    let mut slots: Vec<Option<(usize, Backlink)>> = found.into_iter().map(Some).collect();
    let mut grouped: Vec<(usize, Vec<Backlink>)> = Vec::new();
    for (target, backlink) in order.into_iter().filter_map(|i| slots[i].take()) {
        match grouped.last_mut() {
            Some((last, list)) if *last == target => list.push(backlink),
            _ => grouped.push((target, vec![backlink])),
        }
    }
    // In index order, which is id order.
    grouped
        .into_iter()
        .map(|(at, list)| (known.index.id_at(at).to_string(), list))
        .collect()
}

/// Checks the references of `doc`.
fn check_document<'a>(doc: &'a Document, known: &Known<'a>) -> Checker<'a> {
    let (index, published, unreadable, sources) = (
        known.index,
        known.published,
        known.unreadable,
        known.sources,
    );
    let mut c = Checker {
        index,
        unreadable,
        sources,
        diags: Diagnostics::default(),
        found: Vec::new(),
    };
    let src = Source {
        doc: &doc.id,
        file: &doc.file,
        url: doc_url(&doc.id),
        title: if doc.common.title.is_empty() {
            "Home".into()
        } else {
            doc.common.title.clone()
        },
        kind: doc.kind.noun(),
        published: published(&doc.id) && !matches!(doc.kind, Kind::ListIntro),
        action: None,
    };
    for link in &doc.links {
        c.check(&src, link, "links to", Want::Anything);
    }
    for link in &doc.relative_links {
        match relative_link(&link.value, doc.source_dir()) {
            Some(RelativeLink::Document(target)) => {
                // After a file name, `#x` may be a heading rather than an item.
                let target = match target.split_once('#') {
                    Some((name, _)) if index.find(&target, &doc.id).is_err() => name.to_string(),
                    _ => target,
                };
                c.check(&src, &At::new(target, link.loc), "links to", Want::Anything);
            }
            Some(RelativeLink::File { path, .. })
                if !known.assets.contains(&path) && !path.ends_with(".html") =>
            {
                c.report(
                    Code::BrokenLink,
                    &src,
                    link.loc,
                    format!(
                        "`{}` leads to no file: there is no `{path}` in the content folder",
                        link.value
                    ),
                    None,
                );
            }
            Some(RelativeLink::Outside) => c.report(
                Code::BrokenLink,
                &src,
                link.loc,
                format!("`{}` leads outside the content folder", link.value),
                Some("put the file in the content folder and link to it from there".into()),
            ),
            _ => {}
        }
    }
    for f in doc.kind.follows() {
        c.check(&src, f, "follows", Want::Doc(&FOLLOWABLE));
    }
    for resp in doc.kind.responses() {
        c.check(&src, &resp.to, "responds to", Want::Recommendation);
    }
    match &doc.kind {
        Kind::Plan(p) => {
            for r in &p.responds_to {
                c.check(&src, r, "responds to", Want::Doc(&FOLLOWABLE));
            }
            if let Some(r) = &p.supersedes {
                c.check(&src, r, "supersedes", Want::Doc(&["plan"]));
            }
            let afile = p.actions_file.as_deref().unwrap_or(&doc.file);
            for a in &p.actions {
                let asrc = Source {
                    doc: &doc.id,
                    file: afile,
                    url: action_url(&doc.id, &a.id.value),
                    title: format!("{} {}", a.id.value, a.title),
                    kind: "action",
                    published: src.published,
                    action: Some(&a.id.value),
                };
                for r in &a.addresses {
                    c.check(&asrc, r, "addresses", Want::Anything);
                }
                if let Some(r) = &a.continues {
                    c.check(&asrc, r, "continues", Want::Item("plan", "action"));
                }
                for e in &a.evidence {
                    if has_scheme(&e.value) && !is_web_address(&e.value) {
                        c.report(
                            Code::BadAddress,
                            &asrc,
                            e.loc,
                            format!("`{}` is neither a web address nor an id", e.value.trim()),
                            Some("evidence is a web address starting https://, http:// or mailto:, or the id of a document or item, such as `@visits/2022-09-monitoring`".into()),
                        );
                    } else if !is_web_address(&e.value) {
                        let mut r = e.clone();
                        r.value = r.value.trim_start_matches('@').to_string();
                        c.check(&asrc, &r, "evidence", Want::Anything);
                    }
                }
            }
        }
        Kind::Meeting(m) => {
            for a in &m.agenda {
                if let Some(p) = &a.paper {
                    let mut r = p.clone();
                    r.value = format!("{}/{}", doc.id, p.value.trim());
                    let text = source_text(sources, &doc.file);
                    match index.doc(&r.value) {
                        Some(e) if e.kind == "paper" => c.check(&src, &r, "agenda", Want::Anything),
                        _ if unreadable.contains(&r.value) => {}
                        _ => FileReporter { file: &doc.file, text, diags: &mut c.diags }.error(
                            Code::DanglingReference,
                            p.loc,
                            format!("`paper: {}` is not a paper of this meeting", p.value),
                            Some(format!("a paper is a file in the meeting's folder: `content/{}/{}.md`; give its name without `.md`", doc.id, p.value.trim())),
                        ),
                    }
                }
            }
        }
        Kind::Paper(p) => {
            for r in &p.discusses {
                c.check(&src, r, "discusses", Want::Anything);
            }
        }
        // Their references (`follows`, `responses`) are checked above.
        Kind::Inspection(_) | Kind::Visit(_) | Kind::Review(_) | Kind::Page(_) => {}
        Kind::Home | Kind::ListIntro | Kind::Risks(_) | Kind::Indicator(_) => {}
    }
    c
}

/// The document a reference names: `doc` of `doc#item`, or `from` for `#item`.
fn target_doc<'a>(reference: &'a str, from: &'a str) -> &'a str {
    let r = reference.trim().trim_start_matches('@');
    match r.split_once('#') {
        Some(("", _)) => from,
        Some((d, _)) => d,
        None => r.trim_end_matches('/'),
    }
}

/// "an inspection", "a visit".
fn article(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
}

/// Evidence may be a web address rather than an id.
/// `javascript:x`, `data:x`, `HTTPS://x`: text that starts like an address
/// of some kind, which no id does.
fn has_scheme(s: &str) -> bool {
    let s = s.trim();
    s.split_once(':').is_some_and(|(scheme, _)| {
        scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    })
}

pub fn is_web_address(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("mailto:")
}
