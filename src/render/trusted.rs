//! Markdown whose HTML needs no cleaning.
//!
//! The cleaner (ammonia) parses the HTML that pulldown-cmark wrote and
//! writes it again: on a large site, 7% of a build. A body with no raw
//! HTML, and nothing else the cleaner would change, gives HTML that
//! cleaning would leave the same in meaning, so it is written as
//! pulldown-cmark writes it. What passes is a list of what is known to
//! be safe. Anything not on it is cleaned as before: raw HTML, heading
//! attributes (`{onclick=…}`), a link or image with an address that has
//! a scheme other than `http`, `https`, `mailto` or `tel`, a table with
//! aligned columns (whose `style` the cleaner drops), and any kind of
//! Markdown that a later pulldown-cmark adds.

use pulldown_cmark::{Alignment, Event, Tag};

/// Whether `event`, written by pulldown-cmark, could need the cleaner.
pub fn needs_cleaning(event: &Event) -> bool {
    match event {
        Event::Start(tag) => !is_plain(tag),
        Event::End(_)
        | Event::Text(_)
        | Event::Code(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::Rule
        | Event::FootnoteReference(_) => false,
        _ => true,
    }
}

fn is_plain(tag: &Tag) -> bool {
    match tag {
        Tag::Paragraph
        | Tag::List(_)
        | Tag::Item
        | Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell
        | Tag::FootnoteDefinition(_)
        | Tag::CodeBlock(_) => true,
        // An alert (`> [!NOTE]`) is written with a class of its own.
        Tag::BlockQuote(None) => true,
        Tag::Heading { classes, attrs, .. } => classes.is_empty() && attrs.is_empty(),
        Tag::Table(aligns) => aligns.iter().all(|a| *a == Alignment::None),
        Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => is_safe_address(dest_url),
        _ => false,
    }
}

/// An address that can only be a web, mail or phone address or one
/// relative to the page: it starts with one of those schemes, exactly
/// as written, or has no `:` at all, so no scheme can be read into it.
pub fn is_safe_address(url: &str) -> bool {
    const SCHEMES: [&str; 4] = ["https://", "http://", "mailto:", "tel:"];
    SCHEMES.iter().any(|s| url.starts_with(s)) || !url.contains(':')
}

#[cfg(test)]
mod tests;
