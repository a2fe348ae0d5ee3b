//! Markdown to HTML: `@` links become relative links to the right page and
//! anchor, headings get ids, and raw HTML is sanitised (with anything else
//! [`trusted`](super::trusted) does not know to be safe).

use super::links::Linker;
use crate::model::{Heading, RelativeLink, heading_ids, relative_link};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};
use std::sync::LazyLock;

/// Renders `body` as it appears on a page of document `from`, whose file
/// sits in `source_dir` (a folder under `content/`, `""` at the top).
/// Relative links and images are written from the file's folder, as they
/// would work in an editor's preview, and rewritten for the page.
pub fn to_html(body: &str, from: &str, source_dir: &str, linker: &Linker) -> String {
    let mut events: Vec<Event> = Vec::new();
    // For each open link: the marker to add after its text when its target is not published.
    let mut hidden_marks: Vec<Option<String>> = Vec::new();
    // For each open image: whether it is written (or only its text).
    let mut images: Vec<bool> = Vec::new();
    // Whether anything the body wrote needs the cleaner (see `trusted`).
    // The notes this adds for unpublished links are its own, escaped.
    let mut cleaning = false;
    for event in Parser::new_ext(body, crate::model::markdown_options()) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // `Some` for a link to a document: an `@` link, or a relative
                // link to another Markdown file; inside, whether it resolved.
                let document = match dest_url.strip_prefix('@') {
                    Some(target) => Some(linker.resolve(target, from)),
                    None => match relative_link(&dest_url, source_dir) {
                        Some(RelativeLink::Document(target)) => {
                            Some(linker.resolve_with_anchor(&target, from))
                        }
                        _ => None,
                    },
                };
                let dest_url = match document {
                    Some(Some(r)) if r.hidden.is_none() => CowStr::from(r.href),
                    Some(Some(r)) => {
                        hidden_marks.push(r.hidden);
                        continue;
                    }
                    // Reported by the resolve stage; the text stays, unlinked.
                    Some(None) => {
                        hidden_marks.push(Some(String::new()));
                        continue;
                    }
                    None => match for_page(dest_url, source_dir, linker) {
                        Ok(url) => url,
                        // A file this build does not copy: the text stays,
                        // unlinked and marked, as for an unpublished document.
                        Err(why) => {
                            hidden_marks.push(Some(why));
                            continue;
                        }
                    },
                };
                hidden_marks.push(None);
                push(
                    &mut events,
                    &mut cleaning,
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }),
                );
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // An image must be a file this build copies: `![](@id)` (an
                // error found when loading) or an image the build withholds
                // leaves only its text, never an address to it.
                let shown = if dest_url.starts_with('@') {
                    None
                } else {
                    for_page(dest_url, source_dir, linker).ok()
                };
                images.push(shown.is_some());
                if let Some(dest_url) = shown {
                    push(
                        &mut events,
                        &mut cleaning,
                        Event::Start(Tag::Image {
                            link_type,
                            dest_url,
                            title,
                            id,
                        }),
                    );
                }
            }
            Event::End(TagEnd::Image) => {
                if images.pop().unwrap_or(true) {
                    events.push(Event::End(TagEnd::Image));
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
            other => push(&mut events, &mut cleaning, other),
        }
    }
    add_heading_ids(&mut events);
    let mut out = String::with_capacity(body.len() * 3 / 2);
    let html = if cleaning {
        let events = super::runs::break_long_runs(events);
        html::push_html(&mut out, events.into_iter());
        sanitise(&out)
    } else {
        html::push_html(&mut out, events.into_iter());
        out
    };
    // Character references (`&#11;`, `&#x202E;`) can make what loading removed.
    match crate::model::chars::strip(&html) {
        std::borrow::Cow::Borrowed(_) => html,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    }
}

/// Adds an event the body wrote, noting whether it needs the cleaner.
fn push<'a>(events: &mut Vec<Event<'a>>, cleaning: &mut bool, event: Event<'a>) {
    *cleaning |= super::trusted::needs_cleaning(&event);
    events.push(event);
}

/// A relative file link or image as written in the document, as it must be
/// on the page. Anything else is left as written. `Err` with why, for a file
/// this build does not copy.
fn for_page<'a>(dest: CowStr<'a>, source_dir: &str, linker: &Linker) -> Result<CowStr<'a>, String> {
    match relative_link(&dest, source_dir) {
        Some(RelativeLink::File { path, fragment }) => {
            if let Some(why) = linker.index.withheld_file(&path) {
                return Err(why.to_string());
            }
            let href = linker.href(&path);
            Ok(CowStr::from(match fragment {
                Some(f) => format!("{href}#{f}"),
                None => href,
            }))
        }
        _ => Ok(dest),
    }
}

/// Headings without an explicit `{#id}` get one from their text, unique on
/// the page (the ids loading recorded, see [`crate::model::heading_ids`]).
fn add_heading_ids(events: &mut [Event]) {
    // The page title is the only h1: a body that uses `#` moves down a level.
    let has_h1 = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    let mut headings = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if let Event::Start(Tag::Heading { id, .. }) = e {
            let mut text = String::new();
            for e in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            headings.push(Heading {
                id: id.as_ref().map(|i| i.to_string()),
                text,
            });
        }
    }
    let mut ids = heading_ids(&headings).into_iter();
    for e in events.iter_mut() {
        if let Event::Start(Tag::Heading { id, .. }) = e
            && let Some(assigned) = ids.next()
            && id.is_none()
        {
            *id = Some(CowStr::from(assigned));
        }
        if has_h1 {
            match e {
                Event::Start(Tag::Heading { level, .. }) | Event::End(TagEnd::Heading(level)) => {
                    *level = demote(*level);
                }
                _ => {}
            }
        }
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

/// Raw HTML in Markdown keeps its formatting and loses anything that could run.
fn sanitise(html: &str) -> String {
    SANITISER.clean(html).to_string()
}

/// What [`sanitise`] allows: ammonia's defaults, with `id` and `class` on
/// any element and no `rel` added to links. Made once and never changed:
/// making it fills ammonia's sets of tags and attributes, which cost as
/// much as cleaning a short page.
pub(super) static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class"]).link_rel(None);
    b
});

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids_and_sit_below_the_title() {
        let index = crate::resolve::Index::default();
        let linker = Linker::new(&index, "x/index.html");
        let html = to_html(
            "# Money\n\n## Money\n\n## Next steps {#next}\n",
            "x",
            "",
            &linker,
        );
        assert!(html.contains("<h2 id=\"money\">Money</h2>"), "{html}");
        assert!(html.contains("<h3 id=\"money-2\">Money</h3>"), "{html}");
        assert!(html.contains("<h3 id=\"next\">"), "{html}");
        let html = to_html("## Already second\n", "x", "", &linker);
        assert!(html.contains("<h2 id=\"already-second\">"), "{html}");
    }

    #[test]
    fn scripts_and_handlers_do_not_survive() {
        let index = crate::resolve::Index::default();
        let linker = Linker::new(&index, "index.html");
        let html = to_html(
            "<script>alert(1)</script>\n\nA <b onclick=\"x()\">bold</b> [a](javascript:alert(1))",
            "",
            "",
            &linker,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("<b>bold</b>"), "{html}");
    }

    #[test]
    fn relative_file_links_are_written_from_the_source_file() {
        let index = crate::resolve::Index::default();
        let linker = Linker::new(&index, "guides/reading/index.html");
        let html = to_html(
            "![A](../img/a.png) [pdf](files/b.pdf#page=2) [web](https://a.b/)",
            "guides/reading",
            "guides",
            &linker,
        );
        assert!(html.contains("src=\"../../img/a.png\""), "{html}");
        assert!(
            html.contains("href=\"../../guides/files/b.pdf#page=2\""),
            "{html}"
        );
        assert!(html.contains("href=\"https://a.b/\""), "{html}");
    }

    #[test]
    fn unknown_at_links_keep_their_text_unlinked() {
        let index = crate::resolve::Index::default();
        let linker = Linker::new(&index, "index.html");
        let html = to_html("See [the plan](@plans/nope).", "", "", &linker);
        assert!(html.contains("See the plan."), "{html}");
        assert!(!html.contains("href"), "{html}");
    }
}
