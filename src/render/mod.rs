//! Stage 3, render: the resolved site becomes pages. Markdown becomes HTML,
//! each page's data goes through its template, and every link is written
//! relative to the page it is on.

mod changes;
mod dashboard;
mod links;
pub(crate) mod lists;
pub mod markdown;
mod pages;
pub mod parts;
mod recommendations;
mod runs;
mod search_page;
mod shared;
mod status_page;
mod tags;
pub mod theme;
mod timeline;
mod trusted;
pub mod value;
mod views;

pub use crate::output::{Content, OutputFile};
pub use links::root_for;
pub use pages::menu;

pub use parts::{Kept, Part, Rendered, render_into, render_parts, render_site, render_some};
