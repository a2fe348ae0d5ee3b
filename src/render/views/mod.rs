//! What each template is given: plain data, every link already relative to
//! the page it appears on.

mod action;
mod attachments;
mod data;
mod meeting;
mod mentions;
mod page;
mod plan;
mod risks;

pub use action::{ActionRow, StatusWord};
pub use page::Detail;

pub use plan::progress;
pub use risks::{band_counts, band_summary};

use super::links::{Link, Linker};
use crate::model::{Date, Document, Inspection, Kind, Rag, StatusLabels};
use crate::resolve::{Site, Trend};
use serde_json::{Value, json};

/// Builds views for one page.
pub struct View<'a> {
    pub site: &'a Site,
    pub linker: Linker<'a>,
}

/// The order statuses are listed in: what needs attention first.
pub const ATTENTION: [Rag; 5] = [Rag::Red, Rag::Amber, Rag::Green, Rag::Grey, Rag::Blue];

pub fn status(labels: &StatusLabels, rag: Rag) -> Value {
    crate::obj!({ "rag": rag.name(), "label": labels.label(rag) })
}

/// The page of a tag: `tags/<slug>/index.html`. Tags that differ only in
/// case, punctuation or Unicode normalisation share a page (see
/// [`tag_slug`](crate::model::tag_slug)).
pub fn tag_url(word: &str) -> String {
    format!("tags/{}/index.html", crate::model::tag_slug(word))
}

pub fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| json!(d))
}

fn trend_word(t: Option<Trend>) -> Value {
    t.map_or(
        Value::Null,
        |t| crate::obj!({ "name": t.name(), "label": t.label() }),
    )
}

impl<'a> View<'a> {
    /// Why a normal build would leave this document out, if exempt.
    fn exempt_banner(&self, id: &str) -> Option<&'a str> {
        self.site
            .restricted
            .get(id)
            .map(String::as_str)
            .filter(|r| *r != "draft")
    }

    fn draft_banner(&self, id: &str) -> bool {
        self.site.restricted.get(id).is_some_and(|r| r == "draft")
    }

    fn labels(&self) -> &'a StatusLabels {
        &self.site.settings.statuses
    }

    /// The responses to a recommendation, from papers and pages.
    pub fn responses(&self, doc: &str, item: &str) -> Vec<Value> {
        self.site
            .responses_to(doc, item)
            .into_iter()
            .map(|(from, resp)| {
                let author = match &from.kind {
                    Kind::Paper(p) => p.author.as_deref(),
                    _ => None,
                };
                crate::obj!({
                    "paper": self.linker.link(&from.id, &from.id),
                    "date": date(from.kind.date()),
                    "author": author,
                    "status": resp.status.map(|s| s.name()),
                    "summary": &resp.summary,
                })
            })
            .collect()
    }

    /// What a document follows, and what follows it.
    fn sequence(&self, doc: &'a Document) -> (Vec<Link<'a>>, Vec<Link<'a>>) {
        let follows = self.links(doc.kind.follows(), &doc.id);
        let followed_by = self
            .site
            .chains
            .following(&doc.id)
            .iter()
            .map(|id| self.linker.link_to(id, &doc.id))
            .collect();
        (follows, followed_by)
    }

    fn links<'b>(&self, refs: &'b [crate::model::Reference], from: &str) -> Vec<Link<'b>>
    where
        'a: 'b,
    {
        refs.iter()
            .map(|r| self.linker.link_to(&r.value, from))
            .collect()
    }

    /// The agenda item number a paper is taken under, if its meeting lists it.
    fn agenda_item(&self, paper: &str) -> Option<String> {
        let (meeting, slug) = paper.rsplit_once('/')?;
        let Kind::Meeting(m) = &self.site.document(meeting)?.kind else {
            return None;
        };
        m.agenda
            .iter()
            .find(|a| a.paper.as_ref().is_some_and(|p| p.value.trim() == slug))
            .and_then(|a| a.item.clone())
    }

    /// An inspection's judgements, each with its grade's colour.
    pub fn judgements(&self, i: &Inspection) -> Vec<Value> {
        // The overall judgement first, then the rest in the order written.
        let mut ordered: Vec<&crate::model::Judgement> = i.judgements.iter().collect();
        ordered.sort_by_key(|j| !j.overall);
        ordered.into_iter().map(|j| self.judgement(i, j)).collect()
    }

    /// One judgement of an inspection, with its grade's colour.
    pub fn judgement(&self, i: &Inspection, j: &crate::model::Judgement) -> Value {
        let scale = self
            .site
            .settings
            .scales
            .iter()
            .find(|s| s.name == i.scale.value);
        let g = scale.and_then(|s| s.find(&j.grade.value));
        crate::obj!({
            "area": &j.area,
            "grade": g.map_or(j.grade.value.clone(), |g| g.grade.clone()),
            "rag": g.map_or("grey", |g| g.rag.name()),
            "overall": j.overall,
        })
    }

    /// The `detail` of the kinds still built as JSON.
    fn built_detail(&self, doc: &'a Document) -> Value {
        let id = doc.id.as_str();
        match &doc.kind {
            Kind::Inspection(i) => {
                let judgements = self.judgements(i);
                let overall = judgements
                    .iter()
                    .find(|j| j["overall"] == json!(true))
                    .cloned();
                crate::obj!({
                    "inspectorate": &i.inspectorate, "framework": &i.framework, "scale": &i.scale.value,
                    "start": date(i.start), "end": date(i.end), "published": date(i.published),
                    "lead_inspector": &i.lead_inspector, "judgements": judgements, "overall": overall,
                    "recommendations": self.items(id, &i.recommendations),
                    "addressed_by": self.addressed_by(id, None),
                })
            }
            Kind::Review(r) => crate::obj!({
                "kind": &r.kind.value, "by": &r.by,
                "start": date(r.start), "end": date(r.end), "ended": date(r.ended),
                "intervention": r.is_intervention(),
                "in_force": r.in_force(self.site.today),
                "recommendations": self.items(id, &r.recommendations),
                "addressed_by": self.addressed_by(id, None),
            }),
            Kind::Plan(_) => self.plan(doc),
            Kind::Meeting(m) => self.meeting(doc, m),
            Kind::Risks(_) => self.risks(id),
            Kind::Indicator(ind) => self.indicator(id, ind),
            // Typed in `page.rs`.
            Kind::Visit(_) | Kind::Paper(_) | Kind::Page(_) | Kind::Home | Kind::ListIntro => {
                Value::Null
            }
        }
    }
}
