//! Relative links: every page knows how far it sits below the site root, and
//! every link is written relative to it, so the site works from any sub-path
//! and from `file://`.

use crate::resolve::{Entry, Index};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;
use std::borrow::Cow;

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

/// A link for a template, borrowed from the index where it can be:
/// `{ href, title, kind, hidden }`, and for a published target also
/// `label`, `source` and `item`. A hidden target has no href, no title and
/// no label of its own (its title may be confidential). `label` is what a
/// member calls it ("2019 Ofsted inspection, improvement 2"), `source` the
/// document part of that and `item` the item part.
pub struct Link<'a> {
    pub href: Option<Cow<'a, str>>,
    pub title: Cow<'a, str>,
    pub kind: &'static str,
    pub hidden: Option<&'a str>,
    /// `label`, `source` and `item`: only for a published target.
    pub named: Option<Named<'a>>,
}

pub struct Named<'a> {
    pub label: String,
    pub source: String,
    pub item: Option<&'a str>,
}

impl<'a> Link<'a> {
    /// A link with no label: to a page of the build, a web address, or
    /// nothing (`href` none).
    pub fn plain(href: Option<Cow<'a, str>>, title: Cow<'a, str>, kind: &'static str) -> Self {
        Link {
            href,
            title,
            kind,
            hidden: None,
            named: None,
        }
    }
}

impl Serialize for Link<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fields = 4 + 3 * usize::from(self.named.is_some());
        let mut st = s.serialize_struct("Link", fields)?;
        st.serialize_field("href", &self.href)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("kind", self.kind)?;
        st.serialize_field("hidden", &self.hidden)?;
        if let Some(n) = &self.named {
            st.serialize_field("label", &n.label)?;
            st.serialize_field("source", &n.source)?;
            st.serialize_field("item", &n.item)?;
        }
        st.end()
    }
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

    /// A reference as a link from this page (see [`Link`]); an unknown
    /// reference is its own title, with no href.
    pub fn link_to<'r>(&self, reference: &'r str, from: &str) -> Link<'r>
    where
        'a: 'r,
    {
        match self.index.lookup(reference, from) {
            Ok((_, e)) => match &e.hidden {
                Some(hidden) => Link {
                    hidden: Some(hidden),
                    ..Link::plain(
                        None,
                        Cow::Owned(format!("A {} not published here", e.kind)),
                        e.kind,
                    )
                },
                None => Link {
                    named: Some(Named {
                        label: e.label.full(),
                        source: crate::resolve::capitalise(&e.label.doc),
                        item: e.label.item.as_deref(),
                    }),
                    ..Link::plain(
                        Some(Cow::Owned(self.href(&e.url))),
                        Cow::Borrowed(&e.title),
                        e.kind,
                    )
                },
            },
            Err(_) => Link::plain(None, Cow::Borrowed(reference), ""),
        }
    }

    /// [`link_to`](Self::link_to) as JSON, for data still built as JSON.
    pub fn link(&self, reference: &str, from: &str) -> Value {
        serde_json::to_value(self.link_to(reference, from)).unwrap_or(Value::Null)
    }

    /// A link to a page of the build itself.
    pub fn page(&self, url: &str, title: &str) -> Value {
        crate::obj!({ "href": self.href(url), "title": title, "kind": "page", "hidden": null })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Themes test `l.label` and `l.item`: a published target has them
    /// (`item` null when the link is to a whole document), others do not.
    #[test]
    fn links_have_the_fields_their_kind_of_target_has() {
        let keys = |l: &Link| {
            let v = serde_json::to_value(l).unwrap_or_default();
            let mut k: Vec<String> = v
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, _)| k.clone())
                .collect();
            k.sort();
            k.join(",")
        };
        let unknown = Link::plain(None, Cow::Borrowed("x"), "");
        assert_eq!(keys(&unknown), "hidden,href,kind,title");
        let hidden = Link {
            hidden: Some("draft"),
            ..Link::plain(None, Cow::Borrowed("A paper not published here"), "paper")
        };
        assert_eq!(
            serde_json::to_value(&hidden).unwrap_or_default()["hidden"],
            "draft"
        );
        let named = Link {
            named: Some(Named {
                label: "L".into(),
                source: "S".into(),
                item: None,
            }),
            ..Link::plain(
                Some(Cow::Borrowed("a/index.html")),
                Cow::Borrowed("A"),
                "visit",
            )
        };
        assert_eq!(keys(&named), "hidden,href,item,kind,label,source,title");
        assert!(serde_json::to_value(&named).unwrap_or_default()["item"].is_null());
    }

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(root_for("index.html"), "");
        assert_eq!(root_for("inspections/index.html"), "../");
        assert_eq!(root_for("plans/p/actions/P1.1/index.html"), "../../../../");
    }
}
