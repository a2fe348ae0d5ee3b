//! The shape of a Markdown body, checked while loading so that `check`
//! refuses what `build` could not finish in seconds: more Markdown marks
//! than [`MAX_MARKS`], nesting deeper than
//! [`MAX_DEPTH`](super::depth::MAX_DEPTH), and raw HTML or addresses that
//! would take the HTML cleaner too long to write (see `escapes`). Each
//! check is one pass, linear in the body's length; the first problem is
//! reported, with its line.

use super::depth::{HtmlStack, MAX_DEPTH};
use super::escapes::{EscapeWork, MAX_WORK};
use super::text::{BodyLinks, LinkFinder};
use crate::diagnostics::Code;
use crate::diagnostics::{FileReporter, Loc};
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;

/// The most lines and Markdown marks one body may have. Every one can
/// become an element of the page, and each element costs the Markdown
/// parser and the HTML cleaner about a microsecond and a few hundred bytes;
/// 16 MB of `*` or of one-character lines would be 16 million of them, and
/// took 10 to 30 seconds and 4 GB. A long real page has far fewer: 16 MB
/// of prose with a link and some emphasis in every sentence has about
/// 950,000.
pub const MAX_MARKS: usize = 1_000_000;

/// The links in `body` (whose first line is file line `body_line`) when it
/// is within bounds; if not, `None`, and the error is reported.
pub fn read_body(r: &mut FileReporter, body: &str, body_line: u32) -> Option<BodyLinks> {
    let mut links = LinkFinder::new(body, body_line);
    let Some((offset, problem)) =
        too_many_marks(body).or_else(|| first_problem(body, |e, at| links.see(e, at)))
    else {
        return Some(links.found);
    };
    let (message, help) = match problem {
        Problem::Marks => (
            format!(
                "by this line the page has more than {} lines and Markdown marks (`*`, `_`, `[`, `]`, `<`, `>`, `&`, `|`, `#`, list markers and the like), more than oversight reads in one file",
                thousands(MAX_MARKS)
            ),
            "split the text into several pages, or attach the full document as a PDF and link to it",
        ),
        Problem::Deep(what) => (
            format!(
                "this {what} is nested more than {MAX_DEPTH} levels deep, inside other block quotes, lists, emphasis or HTML elements; oversight reads at most {MAX_DEPTH}"
            ),
            "a page needs only a few levels: remove the extra `>` or list indentation, or close the HTML elements opened above (`</div>`)",
        ),
        Problem::Escapes => (
            "this raw HTML or address has so many `&` or characters such as `£` in one stretch without tags that cleaning the page would take too long".to_string(),
            "write the text as Markdown rather than HTML, and keep addresses and descriptions short",
        ),
    };
    r.error(
        Code::OverLimit,
        loc(body, offset, body_line),
        message,
        Some(help.into()),
    );
    None
}

enum Problem {
    Marks,
    Deep(String),
    Escapes,
}

/// Where the body passes [`MAX_MARKS`], if it does: counted on the bytes,
/// before the Markdown parser spends time and memory on them.
fn too_many_marks(body: &str) -> Option<(usize, Problem)> {
    let bytes = body.as_bytes();
    let mut marks = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        let mark = match MARKS[b as usize] {
            Mark::No => false,
            Mark::Yes => true,
            // `1.` or `1)`: an ordered list.
            Mark::AfterDigit => i > 0 && bytes[i - 1].is_ascii_digit(),
        };
        marks += usize::from(mark);
        if marks > MAX_MARKS {
            return Some((i, Problem::Marks));
        }
    }
    None
}

#[derive(Clone, Copy)]
enum Mark {
    No,
    Yes,
    AfterDigit,
}

/// What each byte counts for, looked up rather than matched: this runs
/// over every byte of every page.
static MARKS: [Mark; 256] = {
    let mut t = [Mark::No; 256];
    let yes = b"\n*_~[]<>&!`|\\#^-+";
    let mut i = 0;
    while i < yes.len() {
        t[yes[i] as usize] = Mark::Yes;
        i += 1;
    }
    t[b'.' as usize] = Mark::AfterDigit;
    t[b')' as usize] = Mark::AfterDigit;
    t
};

/// The first problem in `body`, if any; each event is shown to `see` as it
/// goes by.
fn first_problem(
    body: &str,
    mut see: impl FnMut(&Event, Range<usize>),
) -> Option<(usize, Problem)> {
    let mut depth = 0usize;
    let mut html = HtmlStack::default();
    let mut work = EscapeWork::default();
    // Inside an image, text is its description: an attribute.
    let mut images = 0usize;
    let parser = Parser::new_ext(body, crate::model::markdown_options()).into_offset_iter();
    for (event, range) in parser {
        see(&event, range.clone());
        let at = range.start;
        match &event {
            Event::Start(tag) => {
                depth += 1;
                if depth + html.depth() > MAX_DEPTH {
                    return Some((at, Problem::Deep(name(tag))));
                }
                work.end_run();
                attributes(tag, &mut work);
                images += usize::from(matches!(tag, Tag::Image { .. }));
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                work.end_run();
                if matches!(end, pulldown_cmark::TagEnd::Image) {
                    images = images.saturating_sub(1);
                }
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                let room = MAX_DEPTH.saturating_sub(depth);
                if let Some((i, tag)) = html.feed(text, room) {
                    let i = body[range.clone()].find(&**text).map_or(at, |s| at + s + i);
                    return Some((i, Problem::Deep(format!("HTML element `<{tag}>`"))));
                }
                work.feed(text);
            }
            Event::Text(text) | Event::Code(text) if images > 0 => work.feed(text),
            Event::FootnoteReference(label) => work.attribute(label),
            // Text the renderer breaks up, or that holds no escapes.
            _ => work.end_run(),
        }
        if work.total > MAX_WORK {
            return Some((at, Problem::Escapes));
        }
    }
    work.end_run();
    (work.total > MAX_WORK).then_some((body.len(), Problem::Escapes))
}

/// The attributes Markdown writes for `tag`.
fn attributes(tag: &Tag, work: &mut EscapeWork) {
    match tag {
        Tag::Link {
            dest_url, title, ..
        }
        | Tag::Image {
            dest_url, title, ..
        } => {
            work.attribute(dest_url);
            work.attribute(title);
        }
        Tag::Heading {
            id, classes, attrs, ..
        } => {
            id.iter().for_each(|s| work.attribute(s));
            classes.iter().for_each(|s| work.attribute(s));
            for (k, v) in attrs {
                work.attribute(k);
                v.iter().for_each(|s| work.attribute(s));
            }
        }
        Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(info)) => work.attribute(info),
        Tag::FootnoteDefinition(label) => work.attribute(label),
        _ => {}
    }
}

fn name(tag: &Tag) -> String {
    match tag {
        Tag::BlockQuote(_) => "block quote (`>`)",
        Tag::List(_) => "list",
        Tag::Item => "list item",
        Tag::Emphasis => "emphasis (`*` or `_`)",
        Tag::Strong => "strong emphasis (`**`)",
        Tag::Strikethrough => "struck-through text (`~~`)",
        Tag::Link { .. } => "link",
        Tag::Image { .. } => "image",
        Tag::FootnoteDefinition(_) => "footnote",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "table",
        Tag::Paragraph => "paragraph",
        Tag::Heading { .. } => "heading",
        Tag::CodeBlock(_) => "code block",
        Tag::HtmlBlock => "HTML block",
        _ => "block",
    }
    .to_string()
}

/// `1000000` as `1,000,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The file position of byte `offset` of `body`: counted only for the one
/// error reported.
fn loc(body: &str, offset: usize, body_line: u32) -> Loc {
    let before = body.get(..offset).unwrap_or(body);
    let line = before.bytes().filter(|b| *b == b'\n').count() as u32;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32;
    Loc::new(body_line + line, col + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(body: &str) -> Option<(Loc, String)> {
        too_many_marks(body)
            .or_else(|| first_problem(body, |_, _| {}))
            .map(|(at, p)| {
                let what = match p {
                    Problem::Marks => "marks".into(),
                    Problem::Deep(w) => w,
                    Problem::Escapes => "escapes".into(),
                };
                (loc(body, at, 10), what)
            })
    }

    #[test]
    fn real_pages_are_within_bounds() {
        let body = "# Plan\n\n> A quote with a [link](https://a.b/?x=1&y=2 \"t & t\")\n>\n> - one\n>   - two\n>     - **three *deep* ~~x~~**\n\n<table><tr><td>£5 &amp; more<td>b</table>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(problem(body), None);
        assert_eq!(problem(&"Fish & chips £5. ".repeat(100_000)), None);
    }

    #[test]
    fn a_million_marks_are_read_and_one_more_is_placed() {
        let lines = "x\n".repeat(MAX_MARKS);
        assert_eq!(problem(&lines), None);
        let (loc, what) = problem(&format!("{lines}1. x")).expect("too many");
        assert_eq!(
            (loc, what.as_str()),
            (Loc::new(10 + MAX_MARKS as u32, 2), "marks")
        );
        // Prose with a link and emphasis in every sentence, 16 MB of it.
        let prose = "Lorem ipsum dolor sit amet, see [the about page](@about) and *more* text. ";
        let page = (prose.repeat(8) + "\n\n").repeat(16 * 1024 * 1024 / 602);
        assert!(too_many_marks(&page).is_none());
        assert_eq!(thousands(MAX_MARKS), "1,000,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn deep_markdown_is_placed_and_named() {
        let body = format!("Intro\n\n{} x\n", ">".repeat(100_000));
        let (loc, what) = problem(&body).expect("too deep");
        assert_eq!((loc.line, what.as_str()), (12, "block quote (`>`)"));
        let lists = format!("{}x\n", "- ".repeat(100));
        assert_eq!(problem(&lists).map(|p| p.1), Some("list".into()));
    }

    #[test]
    fn deep_html_is_placed_at_the_tag() {
        let body = format!("Intro\n\n<div>\n{}\n", "<div>".repeat(100));
        let (loc, what) = problem(&body).expect("too deep");
        assert_eq!(what, "HTML element `<div>`");
        // The HTML block and its first `<div>` take two levels.
        assert_eq!(loc, Loc::new(13, 5 * 62 + 1));
        let inline = format!("a {}x\n", "<b>".repeat(100));
        assert_eq!(
            problem(&inline).map(|p| p.1),
            Some("HTML element `<b>`".into())
        );
    }

    #[test]
    fn ampersands_in_raw_html_and_addresses_are_refused() {
        let raw = format!("<div title=\"{}\">\n", "&".repeat(100_000));
        assert_eq!(problem(&raw).map(|p| p.1), Some("escapes".into()));
        let link = format!("[x](https://a.b/?{})\n", "&".repeat(100_000));
        assert_eq!(problem(&link).map(|p| p.1), Some("escapes".into()));
        let alt = format!("![{}](a.png)\n", "&".repeat(100_000));
        assert_eq!(problem(&alt).map(|p| p.1), Some("escapes".into()));
    }
}
