//! oversight: a council's improvement record, written as Markdown and YAML,
//! built into a linked static website.
//!
//! Data flows one way: [`load`] (files to typed documents), [`resolve`]
//! (ids, references, backlinks, derived statuses), [`render`] (Markdown,
//! templates) and [`write`] (an atomic swap into the output folder).
//! [`app`] runs the stages for each command.

pub mod app;
pub mod charts;
pub mod diagnostics;
pub mod exports;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod progress;
pub mod rebuild;
pub mod render;
pub mod resolve;
pub mod round;
pub mod scaffold;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod write;
