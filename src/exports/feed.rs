//! `feed.xml` (Atom) of new documents and status changes, and
//! `sitemap.xml`. Both need the site's address (`base_url`): feed readers
//! and search engines cannot follow relative links.

use crate::model::{Date, Kind};
use crate::resolve::{Event, EventKind, Site, action_url, doc_url};
use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::NaiveTime;

/// How many of the latest events the feed carries.
const ENTRIES: usize = 100;

fn when(d: Date) -> FixedDateTime {
    d.first_day()
        .and_time(NaiveTime::MIN)
        .and_utc()
        .fixed_offset()
}

fn link(href: String) -> Link {
    Link {
        href,
        rel: "alternate".into(),
        mime_type: Some("text/html".into()),
        ..Link::default()
    }
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
        title: Text::plain(title),
        id,
        updated: when(e.date),
        links: vec![link(format!("{base}{url}"))],
        summary: summary.map(Text::plain),
        categories: vec![Category {
            term: e.kind.name().into(),
            ..Category::default()
        }],
        ..Entry::default()
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
    let s = &site.settings;
    let feed = Feed {
        title: Text::plain(s.title.clone()),
        id: base.to_string(),
        updated: entries
            .first()
            .map_or_else(|| when(site.today), |e| e.updated),
        authors: vec![Person {
            name: s.organisation.clone().unwrap_or_else(|| s.title.clone()),
            ..Person::default()
        }],
        links: vec![
            link(base.to_string()),
            Link {
                href: format!("{base}feed.xml"),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
        ],
        subtitle: s.description.clone().map(Text::plain),
        lang: Some(s.language.clone()),
        entries,
        ..Feed::default()
    };
    feed.write_to(Vec::new()).unwrap_or_default()
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
