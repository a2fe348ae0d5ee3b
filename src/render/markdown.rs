//! Markdown to HTML: `@` links become relative links to the right page and
//! anchor, headings get ids, and raw HTML is sanitised.

use super::links::Linker;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};
use std::collections::BTreeSet;

/// Renders `body` as it appears on a page of document `from`.
pub fn to_html(body: &str, from: &str, linker: &Linker) -> String {
    let mut events: Vec<Event> = Vec::new();
    // For each open link: the marker to add after its text when its target is not published.
    let mut hidden_marks: Vec<Option<String>> = Vec::new();
    for event in Parser::new_ext(body, crate::model::markdown_options()) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some(target) = dest_url.strip_prefix('@') {
                    match linker.resolve(target, from) {
                        Some(r) if r.hidden.is_none() => {
                            hidden_marks.push(None);
                            events.push(Event::Start(Tag::Link {
                                link_type,
                                dest_url: CowStr::from(r.href),
                                title,
                                id,
                            }));
                        }
                        Some(r) => hidden_marks.push(r.hidden),
                        // Reported by the resolve stage; the text stays, unlinked.
                        None => hidden_marks.push(Some(String::new())),
                    }
                } else {
                    hidden_marks.push(None);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => match hidden_marks.pop().flatten() {
                None => events.push(Event::End(TagEnd::Link)),
                Some(mark) if mark.is_empty() => {}
                Some(mark) => events.push(Event::Html(CowStr::from(format!(
                    " <span class=\"not-published\">({})</span>",
                    escape(&mark)
                )))),
            },
            other => events.push(other),
        }
    }
    add_heading_ids(&mut events);
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    sanitise(&out)
}

/// Headings without an explicit `{#id}` get one from their text, unique on the page.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: BTreeSet<String> = BTreeSet::new();
    for e in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = e {
            used.insert(id.to_string());
        }
    }
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            for e in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = slug(&text);
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let mut candidate = base.clone();
            let mut n = 2;
            while used.contains(&candidate) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            used.insert(candidate.clone());
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(candidate));
            }
        }
        // The page title is the only h1: a document's own headings sit below it.
        match &mut events[i] {
            Event::Start(Tag::Heading { level, .. }) | Event::End(TagEnd::Heading(level)) => {
                *level = demote(*level);
            }
            _ => {}
        }
        i += 1;
    }
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Heading text as an anchor: lower case, words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Raw HTML in Markdown keeps its formatting and loses anything that could run.
fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
