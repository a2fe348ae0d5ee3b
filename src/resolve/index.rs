//! Every id on the site and what it points at: documents, and the items
//! inside them. Built from all documents, published or not, so a reference
//! to an exempt paper is still known (and shown as plain text).

use super::labels::{Label, Names};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Related, suggest};
use crate::load::{Sources, source_text};
use crate::model::{Document, Kind};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Something a reference can name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The page (and anchor) from the site root: `inspections/x/index.html#rec-1`.
    pub url: String,
    /// What a link to it says.
    pub title: String,
    /// `inspection`, `recommendation`, `action`, ...
    pub kind: &'static str,
    /// The kind of the document it is in (for items) or is (for documents).
    pub doc_kind: &'static str,
    /// The document it is, or is in.
    pub doc: String,
    /// `None` when published; otherwise why not ("exempt (paragraph 3)", "draft").
    pub hidden: Option<String>,
    /// What a member calls it: "2023 Ofsted inspection, improvement 3".
    pub label: Label,
}

#[derive(Debug, Default)]
pub struct Index {
    /// Every document's entry, sorted by id: one an id (of two documents
    /// with one id, the later).
    docs: Vec<(String, Entry)>,
    /// The entries of each document's items by item id, beside `docs`.
    items: Vec<BTreeMap<String, Entry>>,
    /// Where each id is in `docs`: every reference is looked up, many
    /// times over, and hashing an id is quicker than halving the list.
    positions: fnv::FnvHashMap<String, usize>,
    /// Files in the content folder that are not copied, by path under
    /// `content/`, with why ("exempt (paragraph 3)", "draft", "not published").
    withheld_files: BTreeMap<String, String>,
}

/// The page of a document, from the site root.
pub fn doc_url(id: &str) -> String {
    if id.is_empty() {
        "index.html".into()
    } else {
        format!("{id}/index.html")
    }
}

pub fn action_url(plan: &str, action: &str) -> String {
    format!("{plan}/actions/{action}/index.html")
}

/// A reference that names nothing, with the nearest thing that exists.
pub struct Unknown {
    pub message: String,
    pub help: Option<String>,
}

impl Index {
    /// Records the files this build does not copy, so that a link to one
    /// is written as text, as a link to an unpublished document is.
    pub fn withhold_files(&mut self, withheld: BTreeMap<String, String>) {
        self.withheld_files = withheld;
    }

    /// Why a file (path under `content/`) is not copied, if it is not.
    pub fn withheld_file(&self, path: &str) -> Option<&str> {
        self.withheld_files.get(path).map(String::as_str)
    }

    /// Indexes every document and item; reports duplicate ids. Documents
    /// are indexed in parallel; their messages are kept in document order.
    pub fn build(
        docs: &[Arc<Document>],
        hidden: &BTreeMap<String, String>,
        diags: &mut Diagnostics,
        sources: &Sources,
    ) -> Index {
        let names = Names::build(docs);
        let indexed: Vec<Indexed> = docs
            .par_iter()
            .map(|doc| index_document(doc, &names, hidden, sources))
            .collect();
        let mut rows = Vec::with_capacity(indexed.len());
        for (id, entry, items, found) in indexed {
            diags.extend(found);
            rows.push((id, entry, items));
        }
        // Already in id order as loaded; a stable sort keeps two documents
        // with one id in the order read, and the later one is kept.
        if !rows.is_sorted_by(|a, b| a.0 <= b.0) {
            rows.sort_by(|a, b| a.0.cmp(&b.0));
        }
        let mut index = Index {
            docs: Vec::with_capacity(rows.len()),
            items: Vec::with_capacity(rows.len()),
            ..Index::default()
        };
        for (id, entry, items) in rows {
            if index.docs.last().is_some_and(|(last, _)| *last == id) {
                index.docs.pop();
                index.items.pop();
            }
            index.docs.push((id, entry));
            index.items.push(items);
        }
        index.positions = index
            .docs
            .iter()
            .enumerate()
            .map(|(at, (id, _))| (id.clone(), at))
            .collect();
        index
    }

    /// Where `id` is in `docs`.
    fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// The id of the document at `position`, as [`find_at`](Index::find_at)
    /// gives it.
    pub fn id_at(&self, position: usize) -> &str {
        &self.docs[position].0
    }

    pub fn doc(&self, id: &str) -> Option<&Entry> {
        Some(&self.docs[self.position(id)?].1)
    }

    /// What a member calls a document, or an item in it ("2023 Ofsted
    /// inspection, improvement 3"): the one place labels come from.
    pub fn label(&self, doc: &str, item: Option<&str>) -> Option<&Label> {
        match item {
            Some(i) => self.items[self.position(doc)?].get(i).map(|e| &e.label),
            None => self.doc(doc).map(|e| &e.label),
        }
    }

    /// Resolves `doc`, `doc#item` or `#item` (in `from`) to its entry and
    /// canonical key.
    pub fn lookup(&self, reference: &str, from: &str) -> Result<(String, &Entry), Unknown> {
        let (doc, item, entry) = self.find(reference, from)?;
        let key = match item {
            Some(item) => format!("{doc}#{item}"),
            None => doc.to_string(),
        };
        Ok((key, entry))
    }

    /// [`lookup`](Index::lookup) without making the key: the document and
    /// item the canonical key is made of.
    pub fn find<'s, 'r>(
        &'s self,
        reference: &'r str,
        from: &'r str,
    ) -> Result<(&'r str, Option<&'r str>, &'s Entry), Unknown> {
        let (_, doc, item, entry) = self.find_at(reference, from)?;
        Ok((doc, item, entry))
    }

    /// [`find`](Index::find), with where the document is among all
    /// documents in id order (for [`id_at`](Index::id_at)).
    pub fn find_at<'s, 'r>(
        &'s self,
        reference: &'r str,
        from: &'r str,
    ) -> Result<(usize, &'r str, Option<&'r str>, &'s Entry), Unknown> {
        let reference = reference
            .trim()
            .trim_start_matches('@')
            .trim_end_matches('/');
        let (doc, item) = match reference.split_once('#') {
            Some((d, i)) => (if d.is_empty() { from } else { d }, Some(i)),
            None => (reference, None),
        };
        let Some(at) = self.position(doc) else {
            // Suggest from the same folder when it has documents, else from all.
            let folder = doc.rsplit_once('/').map(|(f, _)| format!("{f}/"));
            let all = || {
                self.docs
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .filter(|k| !k.is_empty())
            };
            let same: Vec<&str> = all()
                .filter(|k| folder.as_deref().is_some_and(|f| k.starts_with(f)))
                .collect();
            let help = if same.is_empty() {
                suggest(doc, all(), "document ids")
            } else {
                suggest(doc, same.iter().copied(), "documents there")
            };
            return Err(Unknown {
                message: format!("`{doc}` names no document"),
                help: help.map(|h| {
                    format!("{h} (a document's id is its path under content/ without `.md`)")
                }),
            });
        };
        let entry = &self.docs[at].1;
        let Some(item) = item else {
            return Ok((at, doc, None, entry));
        };
        let items = Some(&self.items[at]);
        match items.and_then(|m| m.get(item)) {
            Some(e) => Ok((at, doc, Some(item), e)),
            None => {
                let ids: Vec<&str> = items
                    .map(|m| m.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                Err(Unknown {
                    message: format!("`{doc}` has no item `{item}`"),
                    help: if ids.is_empty() {
                        Some(format!("`{doc}` has no items with ids"))
                    } else {
                        suggest(item, ids.iter().copied(), &format!("ids in `{doc}`"))
                    },
                })
            }
        }
    }
}

/// One document indexed: its id, its entry, its items' entries by id,
/// and its duplicate item ids reported.
type Indexed = (String, Entry, BTreeMap<String, Entry>, Diagnostics);

fn index_document(
    doc: &Document,
    names: &Names,
    hidden: &BTreeMap<String, String>,
    sources: &Sources,
) -> Indexed {
    let mut diags = Diagnostics::default();
    let mut labels = names.items(doc);
    let hide = hidden.get(&doc.id).cloned();
    let noun = doc.kind.noun();
    let entry = Entry {
        url: doc_url(&doc.id),
        title: doc.common.title.clone(),
        kind: noun,
        doc_kind: noun,
        doc: doc.id.clone(),
        hidden: hide.clone(),
        label: names.doc(&doc.id),
    };
    let mut items: BTreeMap<String, Entry> = BTreeMap::new();
    // Where each id was first used, to point back to it.
    let mut first = BTreeMap::new();
    for (id, title, kind, url, file) in items_of(doc) {
        let text = source_text(sources, file);
        if items.contains_key(&id.value) {
            let (first_file, first_loc) = first.get(&id.value).copied().unwrap_or((file, id.loc));
            let earlier = Related::new(
                first_file,
                source_text(sources, first_file),
                first_loc,
                "first used here",
            );
            let mut r = FileReporter {
                file,
                text,
                diags: &mut diags,
            };
            r.error_related(
                Code::DuplicateId,
                id.loc,
                format!("the id `{}` is used twice in {}", id.value, doc.id_or_home()),
                Some("ids of items (recommendations, priorities, actions, resolutions, risks) must be unique within their document".into()),
                earlier,
            );
            continue;
        }
        first.insert(id.value.clone(), (file, id.loc));
        items.insert(
            id.value.clone(),
            Entry {
                url,
                title,
                kind,
                doc_kind: noun,
                doc: doc.id.clone(),
                hidden: hide.clone(),
                label: labels.remove(&id.value).unwrap_or_default(),
            },
        );
    }
    (doc.id.clone(), entry, items, diags)
}

trait HomeName {
    fn id_or_home(&self) -> String;
}

impl HomeName for Document {
    fn id_or_home(&self) -> String {
        if self.id.is_empty() {
            "the home page".into()
        } else {
            format!("`{}`", self.id)
        }
    }
}

type ItemRow<'a> = (
    &'a crate::model::At<String>,
    String,
    &'static str,
    String,
    &'a str,
);

/// Each item of a document: its id, title, kind, page and the file it is written in.
fn items_of(doc: &Document) -> Vec<ItemRow<'_>> {
    let page = doc_url(&doc.id);
    let anchor = |id: &str| format!("{page}#{id}");
    let file = doc.file.as_str();
    let mut out: Vec<ItemRow> = Vec::new();
    for (word, it) in doc.kind.recommendations() {
        out.push((&it.id, it.text.clone(), word, anchor(&it.id.value), file));
    }
    match &doc.kind {
        Kind::Plan(p) => {
            for pr in &p.priorities {
                out.push((
                    &pr.id,
                    pr.title.clone(),
                    "priority",
                    anchor(&pr.id.value),
                    file,
                ));
            }
            let afile = p.actions_file.as_deref().unwrap_or(file);
            for a in &p.actions {
                out.push((
                    &a.id,
                    a.title.clone(),
                    "action",
                    action_url(&doc.id, &a.id.value),
                    afile,
                ));
            }
        }
        Kind::Paper(p) => {
            for it in &p.resolutions {
                out.push((
                    &it.id,
                    it.text.clone(),
                    "resolution",
                    anchor(&it.id.value),
                    file,
                ));
            }
        }
        Kind::Risks(risks) => {
            for r in risks {
                out.push((&r.id, r.title.clone(), "risk", anchor(&r.id.value), file));
            }
        }
        // Their recommendations are above; they hold no other items.
        Kind::Inspection(_) | Kind::Visit(_) | Kind::Review(_) | Kind::Meeting(_) => {}
        Kind::Home | Kind::ListIntro | Kind::Page(_) | Kind::Indicator(_) => {}
    }
    out
}
