//! Stage 1, load: files under `content/` become typed documents. The folder
//! a file sits in decides what it is. Every problem is reported with its
//! file, line and column; loading goes on past errors to find them all.

mod areas;
mod asset;
mod attachments;
mod bands;
mod bounds;
mod cache;
mod classify;
mod clean;
mod common;
mod data;
mod depth;
#[cfg(test)]
mod drift;
mod escapes;
mod fields;
mod file;
mod inspection;
mod meeting;
mod plan;
mod site;
mod text;
mod walk;
pub mod yaml;

pub use asset::refused as refused_kind;
pub use cache::{Changes, LoadCache};
pub use common::valid_item_id;
pub use file::{FileRead, Made, read_file};
pub use site::{is_slug, scale_help, slugify};
pub use walk::{
    Asset, Input, Loaded, Sources, assemble, display_root, load, load_memory, source_text,
};
