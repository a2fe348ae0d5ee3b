//! The vocabulary every stage shares: dates, RAG statuses, grade scales and
//! the typed documents the load stage produces.

mod attachment;
pub mod chars;
mod colour;
mod date;
mod document;
mod names;
mod paths;
mod rag;
mod scale;

pub use attachment::{Attachment, ClockTime, Contact, FileFacts};
pub use colour::Colour;
pub use date::Date;
pub use document::*;
pub use names::{MAX_NAME_BYTES, folded, tag_slug, unwritable};
pub use paths::{RelativeLink, relative_link};
pub use rag::{Rag, StatusLabels};
pub use scale::{Grade, Scale, builtin_scales};

/// The Markdown dialect officers write: CommonMark with tables, footnotes,
/// strikethrough and `{#id}` heading attributes.
pub fn markdown_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}
