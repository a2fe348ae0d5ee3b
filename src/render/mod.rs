//! Stage 3, render: the resolved site becomes pages. Markdown becomes HTML,
//! each page's data goes through its template, and every link is written
//! relative to the page it is on.

mod links;
pub mod markdown;
mod pages;
pub mod theme;
mod views;

pub use links::root_for;
pub use pages::{Content, OutputFile, render_site};
pub use views::{number, with_unit};
