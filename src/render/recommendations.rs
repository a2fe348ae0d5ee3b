//! `recommendations/index.html`: every committee recommendation and what
//! came of it.

use super::pages::Renderer;
use crate::model::Kind;
use crate::resolve::doc_url;
use serde_json::Value;

impl Renderer<'_> {
    pub(super) fn recommendations(&mut self) {
        let path = "recommendations/index.html";
        let view = self.view(path);
        let mut meetings: Vec<(String, Value)> = Vec::new();
        let (mut total, mut unanswered) = (0, 0);
        for d in &self.site.documents {
            let Kind::Meeting(m) = &d.kind else { continue };
            if m.recommendations.is_empty() {
                continue;
            }
            let href = view.linker.href(&doc_url(&d.id));
            let recs: Vec<Value> = m
                .recommendations
                .iter()
                .map(|r| {
                    let responses = view.responses(&d.id, &r.id.value);
                    total += 1;
                    if responses.is_empty() {
                        unanswered += 1;
                    }
                    crate::obj!({
                        "id": &r.id.value, "text": &r.text, "to": &r.to,
                        "href": format!("{href}#{}", r.id.value),
                        "responses": responses,
                        "actions": view.addressed_by(&d.id, Some(&r.id.value)),
                    })
                })
                .collect();
            meetings.push((
                m.date.iso(),
                crate::obj!({
                    "title": &d.common.title, "href": href, "date": m.date,
                    "committee": &m.committee, "recommendations": recs,
                }),
            ));
        }
        // Newest meeting first: the open questions are usually the recent ones.
        meetings.sort_by(|a, b| b.0.cmp(&a.0));
        let csv = crate::render::lists::download(&view.linker, "recommendations");
        let page = crate::obj!({
            "csv": csv,
            "meetings": meetings.into_iter().map(|(_, m)| m).collect::<Vec<_>>(),
            "total": total,
            "unanswered": unanswered,
        });
        self.page(
            path,
            "recommendations.html",
            "Committee recommendations",
            "recommendations",
            page,
        );
    }
}
