//! Stage 3, render: the resolved site becomes pages. Markdown becomes HTML,
//! each page's data goes through its template, and every link is written
//! relative to the page it is on.

mod changes;
pub mod charts;
mod dashboard;
pub mod exports;
mod links;
pub(crate) mod lists;
pub mod markdown;
mod pages;
pub mod parts;
mod recommendations;
mod runs;
mod search_page;
mod status_page;
mod tags;
pub mod theme;
mod timeline;
pub mod value;
mod views;

pub use links::root_for;
pub use pages::{Content, OutputFile, render_site};
pub use parts::{Part, Rendered, render_parts, render_some};
pub use views::{number, with_unit};
