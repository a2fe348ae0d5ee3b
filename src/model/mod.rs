//! The vocabulary every stage shares: dates, RAG statuses, grade scales and
//! the typed documents the load stage produces.

mod anchors;
mod areas;
mod attachment;
pub mod chars;
mod colour;
mod date;
mod document;
mod kinds;
mod names;
mod paths;
mod period;
mod quantity;
mod rag;
mod records;
mod risk;
mod scale;
mod settings;
pub mod shapes;

pub use anchors::{Heading, PAGE_IDS, heading_ids, html_ids, slug};
pub use areas::{Area, AreaDef, AreaProblem, Areas, area_key};
pub use attachment::{Attachment, ClockTime, Contact, FileFacts};
pub use colour::Colour;
pub use date::Date;
pub use document::*;
pub use kinds::{BUILT_PAGES, KindInfo, KindName, Section, is_built_folder, is_built_name};
pub use names::{MAX_NAME_BYTES, folded, tag_slug, unwritable};
pub use paths::{RelativeLink, relative_link};
pub use period::{PERIOD_FORMS, Period};
pub use quantity::{number, with_unit};
pub use rag::{Rag, StatusLabels};
pub use records::*;
pub use risk::{MAX_SCORE, RiskBand, RiskBands, RiskReview, RiskScore};
pub use scale::{Grade, Scale, builtin_scales};
pub use settings::Settings;

/// The Markdown dialect officers write: CommonMark with tables, footnotes,
/// strikethrough and `{#id}` heading attributes.
pub fn markdown_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}
