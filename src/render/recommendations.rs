//! `recommendations/index.html`: every recommendation and priority action,
//! from inspections, visits, reviews and committees, and what came of it.

use super::pages::Renderer;
use crate::model::Wording;
use crate::resolve::doc_url;
use serde_json::Value;

impl Renderer<'_> {
    pub(super) fn recommendations(&mut self) {
        let path = "recommendations/index.html";
        let view = self.view(path);
        let mut sources: Vec<(Option<chrono::NaiveDate>, Value)> = Vec::new();
        let (mut total, mut unanswered) = (0, 0);
        for d in &self.site.documents {
            let recs = d.kind.recommendations();
            if recs.is_empty() {
                continue;
            }
            let href = view.linker.href(&doc_url(&d.id));
            let recs: Vec<Value> = recs
                .into_iter()
                .map(|(word, r)| {
                    let responses = view.responses(&d.id, &r.id.value);
                    let actions = view.addressed_by(&d.id, Some(&r.id.value));
                    total += 1;
                    // An inspection's recommendation is most often answered
                    // by the actions that address it, a committee's by a
                    // response: either counts.
                    if responses.is_empty() && actions.is_empty() {
                        unanswered += 1;
                    }
                    let label = view.site.index.label(&d.id, Some(&r.id.value));
                    crate::obj!({
                        "id": &r.id.value, "text": &r.text,
                        // "Improvement 3", under its source's heading.
                        "label": label.and_then(|l| l.item.as_deref()).map(crate::resolve::capitalise),
                        "full_label": label.map(|l| l.full()), "to": &r.to, "type": word,
                        "summary": r.wording == Wording::Summary,
                        "href": format!("{href}#{}", r.id.value),
                        "responses": responses,
                        "actions": actions,
                    })
                })
                .collect();
            let when = d.kind.date();
            sources.push((
                when.map(|w| w.first_day()),
                crate::obj!({
                    "title": &d.common.title, "href": href, "date": when,
                    "kind": d.kind.noun(), "recommendations": recs,
                }),
            ));
        }
        // Newest first: the open questions are usually the recent ones.
        sources.sort_by_key(|s| std::cmp::Reverse(s.0));
        let csv = crate::render::lists::download(&view.linker, "recommendations");
        let page = crate::obj!({
            "csv": csv,
            "sources": sources.into_iter().map(|(_, m)| m).collect::<Vec<_>>(),
            "total": total,
            "unanswered": unanswered,
        });
        self.page(
            path,
            "recommendations.html",
            "Recommendations",
            "recommendations",
            page,
        );
    }
}
