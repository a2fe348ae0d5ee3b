//! Tag pages: `tags/index.html` lists every tag; `tags/<tag>/index.html`
//! lists everything so tagged (documents, actions and risks).

use super::pages::Renderer;
use super::views::{View, tag_url};
use crate::model::Kind;
use crate::resolve::{action_url, doc_url};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// One tag: the words it was written as first, and what carries it.
struct Tag {
    word: String,
    things: Vec<Value>,
}

/// Every tag by its page, with what carries it (links from the site's
/// root), in document order.
fn collect(view: &View) -> BTreeMap<String, Tag> {
    let mut tags: BTreeMap<String, Tag> = BTreeMap::new();
    let mut add = |word: &str, thing: Value| {
        let url = tag_url(word);
        tags.entry(url)
            .or_insert_with(|| Tag {
                word: word.trim().to_string(),
                things: Vec::new(),
            })
            .things
            .push(thing);
    };
    for d in &view.site.documents {
        if matches!(d.kind, Kind::Home | Kind::ListIntro) {
            continue;
        }
        let doc = crate::obj!({
            "url": doc_url(&d.id), "title": &d.common.title, "kind": d.kind.noun(),
        });
        for t in &d.common.tags {
            add(t, doc.clone());
        }
        match &d.kind {
            Kind::Plan(p) => {
                for a in &p.actions {
                    let thing = crate::obj!({
                        "url": action_url(&d.id, &a.id.value),
                        "title": format!("{} {}", a.id.value, a.title), "kind": "action",
                    });
                    for t in &a.tags {
                        add(t, thing.clone());
                    }
                }
            }
            Kind::Risks(risks) => {
                for r in risks {
                    let thing = crate::obj!({
                        "url": format!("{}#{}", doc_url(&d.id), r.id.value),
                        "title": format!("{} {}", r.id.value, r.title), "kind": "risk",
                    });
                    for t in &r.tags {
                        add(t, thing.clone());
                    }
                }
            }
            // Only plans and the register hold tagged items.
            Kind::Home
            | Kind::ListIntro
            | Kind::Page(_)
            | Kind::Inspection(_)
            | Kind::Visit(_)
            | Kind::Review(_)
            | Kind::Meeting(_)
            | Kind::Paper(_)
            | Kind::Indicator(_) => {}
        }
    }
    tags
}

impl Renderer<'_> {
    pub(super) fn tags(&mut self) {
        let index = "tags/index.html";
        let all = collect(&self.view(index));
        let mut listed = Vec::new();
        for (url, tag) in &all {
            let view = self.view(url);
            let things: Vec<Value> = tag
                .things
                .iter()
                .map(|t| {
                    let mut t = t.clone();
                    t["href"] = json!(view.linker.href(t["url"].as_str().unwrap_or_default()));
                    t
                })
                .collect();
            listed.push(crate::obj!({
                "word": &tag.word,
                "href": self.view(index).linker.href(url),
                "count": tag.things.len(),
            }));
            let page = crate::obj!({ "tag": &tag.word, "things": things });
            self.page(
                url,
                "tags.html",
                &format!("Tagged “{}”", tag.word),
                "tags",
                page,
            );
        }
        listed.sort_by_key(|t| t["word"].as_str().unwrap_or_default().to_lowercase());
        let page = crate::obj!({ "tag": null, "tags": listed });
        self.page(index, "tags.html", "Tags", "tags", page);
    }
}
