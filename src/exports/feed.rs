//! `feed.xml` (Atom) of new documents and status changes, and
//! `sitemap.xml`. Both need the site's address (`base_url`): feed readers
//! and search engines cannot follow relative links.

use crate::model::{Date, Kind};
use crate::resolve::{Event, EventKind, Site, action_url, doc_url};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event as Xml};
use std::io;

/// How many of the latest events the feed carries.
const ENTRIES: usize = 100;

/// One `<entry>`: an event of a published document.
struct Entry {
    title: String,
    id: String,
    updated: Date,
    link: String,
    summary: Option<String>,
    category: &'static str,
}

/// Atom's date-time for the first day of `d`, at midnight UTC.
fn when(d: Date) -> String {
    format!("{}T00:00:00Z", d.first_day().format("%Y-%m-%d"))
}

/// A feed entry for an event, or none when its document is not published.
fn entry(site: &Site, base: &str, e: &Event) -> Option<Entry> {
    let doc = site.document(&e.doc)?;
    let labels = &site.settings.statuses;
    let (title, url, id, summary) = match (&doc.kind, e.kind, e.action.as_deref()) {
        (Kind::Plan(p), EventKind::StatusChanged | EventKind::ActionCompleted, Some(a)) => {
            let action = p.actions.iter().find(|x| x.id.value == a)?;
            let to = e.to.map_or("", |r| labels.label(r));
            let change = match e.from {
                Some(f) => format!("{} to {to}", labels.label(f)),
                None => to.to_string(),
            };
            let url = action_url(&doc.id, a);
            let id = format!("{base}{url}#{}", e.date.iso());
            let title = format!("{a} {}: {change}", action.title);
            (title, url, id, e.note.clone())
        }
        _ => {
            let url = doc_url(&doc.id);
            let kind = match &doc.kind {
                Kind::Inspection(_) if e.kind == EventKind::ReportPublished => {
                    "report published".into()
                }
                Kind::Visit(v) => v.kind.clone(),
                Kind::Review(r) if e.kind == EventKind::ReviewEnded => {
                    let how = if r.is_intervention() {
                        "lifted"
                    } else {
                        "ended"
                    };
                    format!("{} {how}", r.kind.value)
                }
                Kind::Review(r) => r.kind.value.clone(),
                Kind::Paper(p) => p.kind.clone(),
                Kind::Plan(_) => "plan adopted".into(),
                Kind::Home
                | Kind::ListIntro
                | Kind::Page(_)
                | Kind::Inspection(_)
                | Kind::Meeting(_)
                | Kind::Risks(_)
                | Kind::Indicator(_) => doc.kind.noun().into(),
            };
            let mut k = kind.chars();
            let kind: String = k
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + k.as_str())
                .unwrap_or_default();
            let title = format!("{kind}: {}", doc.common.title);
            (
                title,
                url.clone(),
                // A document's second event (a review's end) is an entry of its own.
                match e.kind {
                    EventKind::ReviewEnded => format!("{base}{url}#ended"),
                    _ => format!("{base}{url}"),
                },
                doc.common.summary.clone(),
            )
        }
    };
    Some(Entry {
        title,
        id,
        updated: e.date,
        link: format!("{base}{url}"),
        summary,
        category: e.kind.name(),
    })
}

/// The feed: the latest events up to today, newest first.
pub fn feed(site: &Site, base: &str) -> Vec<u8> {
    let today = site.today.first_day();
    let mut entries: Vec<Entry> = site
        .events
        .iter()
        .rev()
        .filter(|e| e.date.first_day() <= today)
        .filter_map(|e| entry(site, base, e))
        .take(ENTRIES)
        .collect();
    // One entry per id: a document dated twice keeps its latest.
    let mut seen = std::collections::BTreeSet::new();
    entries.retain(|e| seen.insert(e.id.clone()));
    let updated = entries.first().map_or(site.today, |e| e.updated);
    write_feed(site, base, updated, &entries).unwrap_or_default()
}

/// The Atom document, written by an XML writer that escapes every text
/// and attribute.
fn write_feed(site: &Site, base: &str, updated: Date, entries: &[Entry]) -> io::Result<Vec<u8>> {
    let s = &site.settings;
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Xml::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    w.create_element("feed")
        .with_attributes([
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xml:lang", s.language.as_str()),
        ])
        .write_inner_content(|w| {
            text(w, "title", &s.title)?;
            if let Some(sub) = &s.description {
                text(w, "subtitle", sub)?;
            }
            text(w, "id", base)?;
            text(w, "updated", &when(updated))?;
            w.create_element("author").write_inner_content(|w| {
                text(w, "name", s.organisation.as_deref().unwrap_or(&s.title))
            })?;
            link(w, base, "alternate", "text/html")?;
            link(
                w,
                &format!("{base}feed.xml"),
                "self",
                "application/atom+xml",
            )?;
            for e in entries {
                w.create_element("entry").write_inner_content(|w| {
                    text(w, "title", &e.title)?;
                    text(w, "id", &e.id)?;
                    text(w, "updated", &when(e.updated))?;
                    link(w, &e.link, "alternate", "text/html")?;
                    w.create_element("category")
                        .with_attribute(("term", e.category))
                        .write_empty()?;
                    if let Some(summary) = &e.summary {
                        text(w, "summary", summary)?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

/// `<name>text</name>`, escaped.
fn text(w: &mut Writer<Vec<u8>>, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))
        .map(|_| ())
}

fn link(w: &mut Writer<Vec<u8>>, href: &str, rel: &str, mime: &str) -> io::Result<()> {
    w.create_element("link")
        .with_attributes([("href", href), ("rel", rel), ("type", mime)])
        .write_empty()
        .map(|_| ())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// `sitemap.xml`: the address of every page, in path order.
pub fn sitemap(base: &str, pages: &[&str]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages {
        let path = p.strip_suffix("index.html").unwrap_or(p);
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&format!("{base}{path}"))
        ));
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}
