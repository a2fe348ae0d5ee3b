//! Relative links: every page knows how far it sits below the site root, and
//! every link is written relative to it, so the site works from any sub-path
//! and from `file://`.

use crate::resolve::{Entry, Index};
use serde_json::Value;

/// Links as seen from one page.
pub struct Linker<'a> {
    pub index: &'a Index,
    /// `../../` for `inspections/x/index.html`; empty at the root.
    pub root: String,
}

/// A reference resolved for this page.
pub struct Resolved {
    pub href: String,
    pub title: String,
    pub kind: &'static str,
    /// Why it is not published, if it is not.
    pub hidden: Option<String>,
    /// What a member calls it: "2023 Ofsted inspection, improvement 3".
    pub label: crate::resolve::Label,
}

/// `../` once for every folder above `page` (a path from the site root).
pub fn root_for(page: &str) -> String {
    "../".repeat(page.matches('/').count())
}

impl<'a> Linker<'a> {
    pub fn new(index: &'a Index, page: &str) -> Self {
        Linker {
            index,
            root: root_for(page),
        }
    }

    /// A path from the site root, as a link from this page.
    pub fn href(&self, url: &str) -> String {
        format!("{}{url}", self.root)
    }

    pub fn resolve(&self, reference: &str, from: &str) -> Option<Resolved> {
        let (_, e) = self.index.lookup(reference, from).ok()?;
        Some(self.resolved(e))
    }

    /// As `resolve`, but a `#fragment` that names no item is kept as an
    /// anchor on the document's page (a heading, for links by file name).
    pub fn resolve_with_anchor(&self, reference: &str, from: &str) -> Option<Resolved> {
        if let Some(r) = self.resolve(reference, from) {
            return Some(r);
        }
        let (doc, fragment) = reference.split_once('#')?;
        let mut r = self.resolve(doc, from)?;
        r.href = format!("{}#{fragment}", r.href);
        Some(r)
    }

    fn resolved(&self, e: &Entry) -> Resolved {
        Resolved {
            href: self.href(&e.url),
            title: e.title.clone(),
            kind: e.kind,
            hidden: e.hidden.clone(),
            label: e.label.clone(),
        }
    }

    /// `{ href, title, kind, hidden, label, source, item }` for a template;
    /// a hidden target has no href, no title and no label of its own (its
    /// title may be confidential). `label` is what a member calls it ("2019
    /// Ofsted inspection, improvement 2"), `source` the document part of
    /// that and `item` the item part.
    pub fn link(&self, reference: &str, from: &str) -> Value {
        match self.resolve(reference, from) {
            Some(r) if r.hidden.is_some() => crate::obj!({
                "href": null,
                "title": format!("A {} not published here", r.kind),
                "kind": r.kind,
                "hidden": r.hidden,
            }),
            Some(r) => crate::obj!({
                "href": r.href, "title": r.title, "kind": r.kind, "hidden": null,
                "label": r.label.full(), "source": crate::resolve::capitalise(&r.label.doc),
                "item": r.label.item,
            }),
            None => crate::obj!({ "href": null, "title": reference, "kind": "", "hidden": null }),
        }
    }

    /// A link to a page of the build itself.
    pub fn page(&self, url: &str, title: &str) -> Value {
        crate::obj!({ "href": self.href(url), "title": title, "kind": "page", "hidden": null })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(root_for("index.html"), "");
        assert_eq!(root_for("inspections/index.html"), "../");
        assert_eq!(root_for("plans/p/actions/P1.1/index.html"), "../../../../");
    }
}
