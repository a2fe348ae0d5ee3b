//! The site's data for other tools: a CSV file per list (`data/*.csv`,
//! ready for Excel), everything published as JSON (`data/site.json`) and
//! the members' workbook (`data/oversight.xlsx`).
//! Built from published documents only.

mod cell;
mod feed;
mod json;
mod search;
mod tables;
mod workbook;

use crate::output::{Content, OutputFile, Sink};
use crate::resolve::Site;

pub use search::search_files;
pub use tables::csv_files;
pub use workbook::{for_print, row_height, wrapped_lines};

/// Every data file, handed to `sink` one at a time. The CSV files and
/// `site.json`, the largest, are written a row or a document at a time
/// and never held whole.
pub fn data_files(site: &Site, sink: &dyn Sink) -> std::io::Result<()> {
    csv_files(site, sink)?;
    sink.stream("data/site.json", &|w| json::write_site_json(site, w))?;
    // Only a site of over a million actions, updates or values could
    // outgrow a sheet; such a site has no workbook.
    if let Ok(bytes) = workbook::workbook(site) {
        sink.put(OutputFile {
            path: "data/oversight.xlsx".into(),
            content: Content::Bytes(bytes),
        })?;
    }
    Ok(())
}

/// `feed.xml` and `sitemap.xml`, when the site has a `base_url`; `pages`
/// are the paths of the HTML pages written.
pub fn web_files(site: &Site, pages: &[&str]) -> Vec<OutputFile> {
    let Some(base) = &site.settings.base_url else {
        return Vec::new();
    };
    let mut pages: Vec<&str> = pages
        .iter()
        .copied()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
        .collect();
    pages.sort_unstable();
    vec![
        OutputFile {
            path: "feed.xml".into(),
            content: Content::Bytes(feed::feed(site, base)),
        },
        OutputFile {
            path: "sitemap.xml".into(),
            content: Content::Bytes(feed::sitemap(base, &pages)),
        },
    ]
}

/// A reference as data: its canonical id, or for an unpublished target
/// only why it is not published.
pub fn reference(site: &Site, reference: &str, from: &str) -> String {
    match site.index.lookup(reference, from) {
        Ok((_, entry)) if entry.hidden.is_some() => {
            format!("({})", entry.hidden.as_deref().unwrap_or("not published"))
        }
        Ok((key, _)) => key,
        Err(_) => reference.trim().to_string(),
    }
}
