//! Breaking long runs of text before the HTML cleaner sees them.
//!
//! ammonia writes its cleaned HTML with html5ever's serializer, which for
//! every `&` and every character U+0080 to U+00BF (`£`, `©`, a
//! non-breaking space) searches the rest of its run of text for the next
//! `<` or `>`: a paragraph of 16 MB of `&` took hours. An empty comment
//! `<!---->` ends a run; the cleaner drops it, so the page is the same,
//! byte for byte, and every run stays short. Raw HTML and the attributes
//! Markdown writes cannot be broken up like this: loading bounds them
//! (`load::escapes`).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The most escaping work (escaped characters times run length) a run of
/// text may need before it is broken: well above any real paragraph's.
const MAX_RUN_WORK: usize = 1 << 16;

const BREAK: &str = "<!---->";

#[derive(Default)]
struct Run {
    escapes: usize,
    len: usize,
}

/// `events` with a comment wherever a run of text would get too costly,
/// and after raw HTML (whose own text loading has counted).
pub fn break_long_runs(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut run = Run::default();
    // Inside an image, text is written into its `alt` attribute, where a
    // comment would show.
    let mut images = 0usize;
    let mut after_html = false;
    for event in events {
        match event {
            Event::Text(text) if images == 0 => {
                if std::mem::take(&mut after_html) {
                    out.push(Event::Html(BREAK.into()));
                    run = Run::default();
                }
                push_text(text, &mut run, &mut out);
            }
            Event::Code(text) if images == 0 && escapes(&text) * text.len() > MAX_RUN_WORK => {
                out.push(Event::Html("<code>".into()));
                push_text(text, &mut Run::default(), &mut out);
                out.push(Event::Html("</code>".into()));
                run = Run::default();
            }
            Event::SoftBreak if images == 0 => {
                if std::mem::take(&mut after_html) {
                    out.push(Event::Html(BREAK.into()));
                    run = Run::default();
                }
                run.len += 1;
                out.push(event);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                after_html = true;
                out.push(event);
            }
            // In a tight list these write nothing, so the run goes on.
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => out.push(event),
            other => {
                match &other {
                    Event::Start(Tag::Image { .. }) => images += 1,
                    Event::End(TagEnd::Image) => images = images.saturating_sub(1),
                    _ => {}
                }
                after_html = false;
                run = Run::default();
                out.push(other);
            }
        }
    }
    out
}

/// The characters html5ever's serializer stops at in text.
fn is_escape(c: char) -> bool {
    c == '&' || ('\u{80}'..='\u{BF}').contains(&c)
}

fn escapes(text: &str) -> usize {
    text.chars().filter(|c| is_escape(*c)).count()
}

/// Pushes `text`, broken with comments where the run would get too costly.
fn push_text<'a>(text: CowStr<'a>, run: &mut Run, out: &mut Vec<Event<'a>>) {
    let fits = |run: &Run, escapes: usize, len: usize| {
        (run.escapes + escapes) * (run.len + len) <= MAX_RUN_WORK
    };
    let all = escapes(&text);
    if fits(run, all, text.len()) {
        run.escapes += all;
        run.len += text.len();
        out.push(Event::Text(text));
        return;
    }
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escape = usize::from(is_escape(c));
        if !fits(run, escape, c.len_utf8()) {
            if i > start {
                out.push(Event::Text(text[start..i].to_string().into()));
            }
            out.push(Event::Html(BREAK.into()));
            *run = Run::default();
            start = i;
        }
        run.escapes += escape;
        run.len += c.len_utf8();
    }
    out.push(Event::Text(text[start..].to_string().into()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Parser, html};

    fn render(markdown: &str) -> (String, usize) {
        let events: Vec<Event> = Parser::new(markdown).collect();
        let events = break_long_runs(events);
        let breaks = events
            .iter()
            .filter(|e| matches!(e, Event::Html(h) if &**h == BREAK))
            .count();
        let mut out = String::new();
        html::push_html(&mut out, events.into_iter());
        (out, breaks)
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let para = "Fish & chips for £5, at the café. ".repeat(20);
        let (_, breaks) = render(&para);
        assert_eq!(breaks, 0);
    }

    #[test]
    fn long_runs_of_escapes_are_broken_into_short_ones() {
        let text = "&£".repeat(50_000);
        let alt = "&£".repeat(1_000);
        let (html, breaks) = render(&format!("{text}\n\n`{text}`\n\n![{alt}](a.png)\n"));
        assert!(breaks > 100, "{breaks}");
        let (text_and_code, _image) = html.split_once("<img").expect("an image");
        let longest = text_and_code
            .split(BREAK)
            .map(|run| run.matches("&amp;").count() * run.len())
            .max()
            .unwrap_or(0);
        assert!(longest < 8 * MAX_RUN_WORK, "{longest}");
        // The description of the image is one attribute, unbroken.
        assert!(html.contains(&format!("alt=\"{}\"", "&amp;£".repeat(1_000))));
        let cleaned = ammonia::clean(&html);
        assert_eq!(cleaned.matches("&amp;").count(), 101_000);
        assert_eq!(cleaned.matches("&amp;£").count(), 101_000);
        assert!(!cleaned.contains("<!--"));
    }
}
