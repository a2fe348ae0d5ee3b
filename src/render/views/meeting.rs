//! A committee meeting as a committee system shows it: the agenda by item
//! number with each paper once, when and where, who attended, the minutes,
//! and what the committee resolved and recommended.

use super::View;
use crate::model::{Document, Kind, Meeting};
use serde_json::Value;

impl View<'_> {
    /// The meeting page's `detail`.
    pub(super) fn meeting(&self, doc: &Document, m: &Meeting) -> Value {
        let id = doc.id.as_str();
        // Documents are sorted by id: a meeting's papers follow it.
        let docs = &self.site.documents;
        let prefix = format!("{id}/");
        let from = docs.partition_point(|d| d.id.as_str() < prefix.as_str());
        let papers: Vec<(&str, &Document)> = docs[from..]
            .iter()
            .take_while(|d| d.id.starts_with(&prefix))
            .filter(|d| matches!(d.kind, Kind::Paper(_)) && !d.id[prefix.len()..].contains('/'))
            .map(|d| (&d.id[prefix.len()..], &**d))
            .collect();
        let kind_of = |d: &Document| match &d.kind {
            Kind::Paper(p) => p.kind.trim().to_lowercase(),
            _ => String::new(),
        };
        // "(report)" after a paper's title, unless the title says so already.
        let kind_word = |d: &Document| {
            let k = kind_of(d);
            let title = d.common.title.trim_start().to_lowercase();
            (!k.is_empty() && !title.contains(&k)).then_some(k)
        };
        let on_agenda = |slug: &str| {
            m.agenda
                .iter()
                .any(|a| a.paper.as_ref().is_some_and(|p| p.value.trim() == slug))
        };
        // An agenda written with no item numbers is numbered 1, 2, 3 in
        // order; one that numbers some items keeps just the numbers written.
        let numbered = m.agenda.iter().any(|a| a.item.is_some());
        let agenda: Vec<Value> = m
            .agenda
            .iter()
            .enumerate()
            .map(|(n, a)| {
                // The minutes are linked once, beside the date, not as business.
                let paper = a.paper.as_ref().and_then(|p| {
                    let slug = p.value.trim();
                    let doc = papers.iter().find(|(s, _)| *s == slug).map(|(_, d)| *d);
                    if doc.is_some_and(|d| kind_of(d) == "minutes") {
                        return None;
                    }
                    let mut link = self.linker.link(&format!("{id}/{slug}"), id);
                    link["paper_kind"] = doc.and_then(kind_word).into();
                    Some(link)
                });
                // A paper titled as its item is linked from the title, once.
                let same = paper
                    .as_ref()
                    .is_some_and(|p| p["href"].is_string() && p["title"] == a.title.trim());
                crate::obj!({
                    "item": if numbered { a.item.clone() } else { Some((n + 1).to_string()) },
                    "title": &a.title, "paper": paper, "title_is_paper": same,
                })
            })
            .collect();
        let minutes: Vec<Value> = papers
            .iter()
            .filter(|(_, d)| kind_of(d) == "minutes")
            .map(|(_, d)| self.linker.link(&d.id, id))
            .collect();
        let other_papers: Vec<Value> = papers
            .iter()
            .filter(|(slug, d)| !on_agenda(slug) && kind_of(d) != "minutes")
            .map(|(_, d)| {
                let mut link = self.linker.link(&d.id, id);
                link["paper_kind"] = kind_word(d).into();
                link
            })
            .collect();
        // What the committee resolved, from its minutes (or any paper).
        let resolutions: Vec<Value> = papers
            .iter()
            .filter_map(|(_, d)| match &d.kind {
                Kind::Paper(p) if !p.resolutions.is_empty() => Some(crate::obj!({
                    // The minutes are linked beside the date already.
                    "paper": if kind_of(d) == "minutes" {
                        crate::obj!({ "href": null, "title": &d.common.title, "hidden": null })
                    } else {
                        self.linker.link(&d.id, id)
                    },
                    "items": p.resolutions.iter().map(|i| crate::obj!({ "text": &i.text })).collect::<Vec<_>>(),
                })),
                _ => None,
            })
            .collect();
        crate::obj!({
            "committee": &m.committee, "date": m.date, "location": &m.location,
            "time": m.time.map(|t| crate::obj!({ "long": t.long(), "iso": t.iso() })),
            "attendees": &m.attendees, "apologies": &m.apologies,
            "agenda": agenda,
            "recommendations": self.items(id, &m.recommendations),
            "minutes": minutes,
            "papers": other_papers,
            "resolutions": resolutions,
        })
    }
}
