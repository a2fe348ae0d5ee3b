//! A document's page data (`page` in its template) as typed structs that
//! borrow from the resolved site. Tera serialises them straight into its
//! own values, field names as static keys; a `serde_json::Value` tree was
//! built first and then converted again.

use super::View;
use super::attachments::Attachment;
use super::mentions::Mention;
use crate::model::{Date, Document, Item, Kind, Response, Wording};
use crate::render::links::Link;
use crate::render::markdown;
use serde::Serialize;
use serde_json::Value;

/// The fields every document page has.
#[derive(Serialize)]
pub struct DocPage<'a> {
    pub follows: Vec<Link<'a>>,
    pub followed_by: Vec<Link<'a>>,
    pub id: &'a str,
    pub title: &'a str,
    pub kind: &'static str,
    pub summary: Option<&'a str>,
    pub source: Option<&'a str>,
    pub tags: Vec<TagLink<'a>>,
    pub attachments: Vec<Attachment<'a>>,
    pub body: String,
    pub referenced_by: Vec<Mention<'a>>,
    pub exempt: Option<&'a str>,
    pub draft: bool,
    pub detail: Detail<'a>,
}

/// A tag word, linked to its tag's page.
#[derive(Serialize)]
pub struct TagLink<'a> {
    pub word: &'a str,
    pub href: String,
}

/// The fields of a document's kind. The kinds with few pages each are
/// still built as JSON (`Built`).
#[derive(Serialize)]
#[serde(untagged)]
pub enum Detail<'a> {
    Visit(VisitDetail<'a>),
    Paper(PaperDetail<'a>),
    Page(PageDetail<'a>),
    Built(Value),
}

/// A recommendation, priority action or resolution, with what answers it.
#[derive(Serialize)]
pub struct ItemView<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub to: &'a [String],
    pub summary: bool,
    pub referenced_by: Vec<Mention<'a>>,
    pub actions: Vec<Value>,
    pub responses: Vec<Value>,
}

#[derive(Serialize)]
pub struct VisitDetail<'a> {
    pub kind: &'a str,
    pub inspectorate: Option<&'a str>,
    pub theme: Option<&'a str>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub published: Option<Date>,
    pub priority_actions: Vec<ItemView<'a>>,
    pub recommendations: Vec<ItemView<'a>>,
    pub addressed_by: Vec<Value>,
}

#[derive(Serialize)]
pub struct PaperDetail<'a> {
    pub kind: &'a str,
    pub author: Option<&'a str>,
    pub date: Option<Date>,
    pub meeting: Option<Link<'a>>,
    pub agenda_item: Option<String>,
    pub discusses: Vec<Link<'a>>,
    pub resolutions: Vec<ItemView<'a>>,
    pub responses: Vec<ResponseRow<'a>>,
}

/// A plain page's responses to recommendations.
#[derive(Serialize)]
pub struct PageDetail<'a> {
    pub responses: Vec<ResponseRow<'a>>,
}

/// A response a paper or page records: to what, how, and in brief.
#[derive(Serialize)]
pub struct ResponseRow<'a> {
    pub to: Link<'a>,
    pub status: Option<&'static str>,
    pub summary: Option<&'a str>,
}

impl<'a> View<'a> {
    /// The page of a document.
    pub fn document(&self, doc: &'a Document) -> DocPage<'a> {
        let (follows, followed_by) = self.sequence(doc);
        DocPage {
            follows,
            followed_by,
            id: &doc.id,
            title: &doc.common.title,
            kind: doc.kind.noun(),
            summary: doc.common.summary.as_deref(),
            source: doc.common.source.as_deref(),
            tags: self.tags(&doc.common.tags),
            attachments: self.attachments(doc),
            body: markdown::to_html(&doc.body, &doc.id, doc.source_dir(), &self.linker),
            referenced_by: self.backlinks(&doc.id, None),
            exempt: self.exempt_banner(&doc.id),
            draft: self.draft_banner(&doc.id),
            detail: self.typed_detail(doc),
        }
    }

    /// Tag words, each linked to its tag's page.
    pub fn tags(&self, words: &'a [String]) -> Vec<TagLink<'a>> {
        words
            .iter()
            .map(|w| TagLink {
                word: w.trim(),
                href: self.linker.href(&super::tag_url(w)),
            })
            .collect()
    }

    pub(super) fn items(&self, doc: &str, items: &'a [Item]) -> Vec<ItemView<'a>> {
        items
            .iter()
            .map(|i| ItemView {
                id: &i.id.value,
                text: &i.text,
                to: &i.to,
                summary: i.wording == Wording::Summary,
                // Actions that address the item are shown in its chain.
                referenced_by: self
                    .backlinks_where(doc, Some(&i.id.value), |b| b.relation != "addresses"),
                actions: self.addressed_by(doc, Some(&i.id.value)),
                responses: self.responses(doc, &i.id.value),
            })
            .collect()
    }

    fn response_rows(&self, id: &str, responses: &'a [Response]) -> Vec<ResponseRow<'a>> {
        responses
            .iter()
            .map(|r| ResponseRow {
                to: self.linker.link_to(&r.to.value, id),
                status: r.status.map(|s| s.name()),
                summary: r.summary.as_deref(),
            })
            .collect()
    }

    /// The fields of a document's kind (its page's `detail`).
    pub fn typed_detail(&self, doc: &'a Document) -> Detail<'a> {
        let id = doc.id.as_str();
        match &doc.kind {
            Kind::Visit(v) => Detail::Visit(VisitDetail {
                kind: &v.kind,
                inspectorate: v.inspectorate.as_deref(),
                theme: v.theme.as_deref(),
                start: v.start,
                end: v.end,
                published: v.published,
                priority_actions: self.items(id, &v.priority_actions),
                recommendations: self.items(id, &v.recommendations),
                addressed_by: self.addressed_by(id, None),
            }),
            Kind::Paper(p) => Detail::Paper(PaperDetail {
                kind: &p.kind,
                author: p.author.as_deref(),
                date: p.date,
                meeting: id.rsplit_once('/').map(|(m, _)| self.linker.link_to(m, id)),
                agenda_item: self.agenda_item(id),
                discusses: self.links(&p.discusses, id),
                resolutions: self.items(id, &p.resolutions),
                responses: self.response_rows(id, &p.responses),
            }),
            Kind::Page(p) => Detail::Page(PageDetail {
                responses: self.response_rows(id, &p.responses),
            }),
            _ => Detail::Built(self.built_detail(doc)),
        }
    }
}
