//! `recommendations/index.html`: the tracker. Every recommendation and
//! priority action, from inspections, visits, reviews and committees, in
//! one table grouped by where it came from, with its responses, the actions
//! that address it (their roll-up and progress) and their evidence. Long
//! trackers are split into pages of [`PAGE_ROWS`] rows.

use super::pages::Renderer;
use super::views::{View, progress, status};
use crate::model::{Document, Item, Wording};
use crate::resolve::{Site, doc_url};
use serde_json::{Value, json};

/// Rows on one page of the tracker: enough for most councils' whole record
/// on one page, few enough that the page stays small on a large site.
pub const PAGE_ROWS: usize = 150;

/// A recommendation with where it came from.
struct Row<'a> {
    doc: &'a Document,
    word: &'static str,
    item: &'a Item,
}

/// Every recommendation, newest source first, each source's in the order
/// written.
fn rows(site: &Site) -> Vec<Row<'_>> {
    let mut docs: Vec<&Document> = site
        .documents
        .iter()
        .filter(|d| !d.kind.recommendations().is_empty())
        .map(|d| &**d)
        .collect();
    docs.sort_by_key(|d| std::cmp::Reverse(d.kind.date().map(|x| x.first_day())));
    let mut out = Vec::new();
    for doc in docs {
        for (word, item) in doc.kind.recommendations() {
            out.push(Row { doc, word, item });
        }
    }
    out
}

fn row(view: &View, r: &Row) -> Value {
    let site = view.site;
    let (doc, item) = (r.doc, r.item);
    let href = view.linker.href(&doc_url(&doc.id));
    let responses = view.responses(&doc.id, &item.id.value);
    let actions = view.addressed_by(&doc.id, Some(&item.id.value));
    let evidence: Vec<Value> = actions
        .iter()
        .flat_map(|a| a["evidence"].as_array().cloned().unwrap_or_default())
        .collect();
    let rollup = site
        .addressing_roll_up(&doc.id, Some(&item.id.value))
        .map(|r| crate::obj!({ "status": status(&site.settings.statuses, r.status), "progress": progress(r.progress) }));
    // "Improvement 3" under its source's heading, and in full for a link
    // read on its own: "2023 Ofsted inspection, improvement 3".
    let label = site.index.label(&doc.id, Some(&item.id.value));
    crate::obj!({
        "label": label
            .and_then(|l| l.item.as_deref())
            .map_or_else(|| crate::resolve::capitalise(r.word), crate::resolve::capitalise),
        "full_label": label.map(|l| l.full()),
        "text": &item.text, "to": &item.to, "type": r.word,
        "summary": item.wording == Wording::Summary,
        "href": format!("{href}#{}", item.id.value),
        "source": crate::obj!({
            "title": &doc.common.title, "href": href, "kind": doc.kind.noun(), "date": doc.kind.date(),
        }),
        "answered": !responses.is_empty() || !actions.is_empty(),
        "responses": responses,
        "actions": actions,
        "rollup": rollup,
        "evidence": evidence,
    })
}

impl Renderer<'_> {
    pub(super) fn recommendations(&mut self) {
        let site = self.site;
        let all = rows(site);
        let pages = all.len().div_ceil(PAGE_ROWS).max(1);
        // What each kind of source holds, for the summary at the top.
        let mut by_kind: Vec<(&str, usize, usize)> = Vec::new();
        let mut unanswered = 0;
        for r in &all {
            let (doc, id) = (&r.doc.id, &r.item.id.value);
            let open = site.chains.responses_to(doc, id).is_empty()
                && site.chains.addressing(doc, Some(id)).is_empty();
            unanswered += usize::from(open);
            let kind = r.doc.kind.noun();
            match by_kind.iter_mut().find(|(k, ..)| *k == kind) {
                Some((_, n, u)) => {
                    *n += 1;
                    *u += usize::from(open);
                }
                None => by_kind.push((kind, 1, usize::from(open))),
            }
        }
        by_kind.sort_by_key(|(k, ..)| *k);
        let total = all.len();
        // A tracker with nothing in it is still a page.
        let chunks: Vec<&[Row]> = if all.is_empty() {
            vec![&all[..]]
        } else {
            all.chunks(PAGE_ROWS).collect()
        };
        for (i, chunk) in chunks.into_iter().enumerate() {
            let path = page_path(i + 1);
            let view = self.view(&path);
            // Rows grouped by source, a heading row where the source changes.
            let mut groups: Vec<Value> = Vec::new();
            for r in chunk {
                let same = groups.last().is_some_and(|g| g["id"] == json!(r.doc.id));
                if !same {
                    let href = view.linker.href(&doc_url(&r.doc.id));
                    groups.push(crate::obj!({
                        "id": &r.doc.id, "title": &r.doc.common.title, "href": href,
                        "kind": r.doc.kind.noun(), "date": r.doc.kind.date(), "rows": Vec::<Value>::new(),
                    }));
                }
                if let Some(g) = groups.last_mut()
                    && let Some(list) = g["rows"].as_array_mut()
                {
                    list.push(row(&view, r));
                }
            }
            let pager: Vec<Value> = (1..=pages)
                .map(|n| {
                    crate::obj!({ "number": n, "href": view.linker.href(&page_path(n)), "current": n == i + 1 })
                })
                .collect();
            let page = crate::obj!({
                "csv": crate::render::lists::download(&view.linker, "recommendations"),
                "groups": groups,
                "total": total,
                "unanswered": unanswered,
                "by_kind": by_kind.iter().map(|(k, n, u)| crate::obj!({ "kind": k, "count": n, "unanswered": u })).collect::<Vec<_>>(),
                "pager": if pages > 1 { json!(pager) } else { Value::Null },
                "page_number": i + 1,
                "pages": pages,
            });
            let title = if pages > 1 {
                format!("Recommendations (page {} of {pages})", i + 1)
            } else {
                "Recommendations".to_string()
            };
            self.page(
                &path,
                "recommendations.html",
                &title,
                "recommendations",
                page,
            );
        }
    }
}

/// The tracker's `n`th page, from 1.
fn page_path(n: usize) -> String {
    if n <= 1 {
        "recommendations/index.html".into()
    } else {
        format!("recommendations/{n}/index.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_after_the_first_have_their_number() {
        assert_eq!(page_path(1), "recommendations/index.html");
        assert_eq!(page_path(3), "recommendations/3/index.html");
    }
}
