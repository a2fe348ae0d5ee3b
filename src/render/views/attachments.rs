//! A document's attachments as GOV.UK shows them: the title as the link,
//! then the file's type, size and, for a PDF, its pages, and a line
//! offering it in an accessible format.

use super::View;
use crate::model::{Contact, Document};
use serde::Serialize;

/// One attachment as its page lists it.
#[derive(Serialize)]
pub struct Attachment<'a> {
    pub title: &'a str,
    /// None when the file is withheld.
    pub href: Option<String>,
    /// Why the file is withheld, if it is.
    pub hidden: Option<&'a str>,
    pub abbr: Option<&'static str>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub size: Option<String>,
    pub pages: Option<String>,
    /// Where to ask for an accessible format, if the site says.
    pub request: Option<String>,
    /// Who to ask otherwise.
    pub ask: String,
}

impl<'a> View<'a> {
    pub fn attachments(&self, doc: &'a Document) -> Vec<Attachment<'a>> {
        let settings = &self.site.settings;
        let request = settings.accessibility_contact.as_ref().map(Contact::href);
        let ask = match &settings.organisation {
            Some(o) => format!("democratic services at {}", o.trim()),
            None => "the council's democratic services".to_string(),
        };
        doc.common
            .attachments
            .iter()
            .filter_map(|a| {
                let path = doc.attachment_path(a)?;
                let facts = a.facts?;
                let hidden = self.linker.index.withheld_file(&path);
                let (abbr, name) = kind(&path);
                Some(Attachment {
                    title: &a.title.value,
                    href: hidden.is_none().then(|| self.linker.href(&encode(&path))),
                    hidden,
                    abbr,
                    kind: name,
                    size: facts.bytes.map(human_size),
                    pages: facts.pages.map(|n| {
                        if n == 1 {
                            "1 page".to_string()
                        } else {
                            format!("{n} pages")
                        }
                    }),
                    request: request.clone(),
                    ask: ask.clone(),
                })
            })
            .collect()
    }
}

/// The file's type as GOV.UK names it: an abbreviation (shown, with the
/// name as its title) where there is one, else the name.
fn kind(path: &str) -> (Option<&'static str>, &'static str) {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => (Some("PDF"), "Portable Document Format"),
        "doc" | "docx" => (None, "MS Word Document"),
        "xls" | "xlsx" => (None, "MS Excel Spreadsheet"),
        "ppt" | "pptx" => (None, "MS PowerPoint Presentation"),
        "odt" => (Some("ODT"), "OpenDocument Text document"),
        "ods" => (Some("ODS"), "OpenDocument Spreadsheet"),
        "odp" => (Some("ODP"), "OpenDocument Presentation"),
        "rtf" => (Some("RTF"), "Rich Text Format"),
        "csv" => (Some("CSV"), "Comma-separated Values"),
        "txt" => (None, "Plain Text"),
        "png" => (Some("PNG"), "Portable Network Graphic"),
        "gif" => (Some("GIF"), "Graphics Interchange Format"),
        "jpg" | "jpeg" => (None, "JPEG"),
        "svg" => (Some("SVG"), "Scalable Vector Graphics"),
        "webp" => (None, "WebP image"),
        "avif" => (None, "AVIF image"),
        _ => (None, "File"),
    }
}

/// A size as GOV.UK writes it: `245 KB`, `2.08 MB`, `812 Bytes` (1,024
/// to the kilobyte, three significant figures, no trailing zeros).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return if bytes == 1 {
            "1 Byte".into()
        } else {
            format!("{bytes} Bytes")
        };
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    // Three significant figures: 245, 24.5, 2.45.
    let decimals = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    let mut text = format!("{value:.decimals$}");
    // 1023.9 KB rounds to "1024": say "1 MB", as the next unit would.
    if text == "1024" && unit < UNITS.len() - 1 {
        text = "1".into();
        unit += 1;
    }
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    format!("{text} {}", UNITS[unit])
}

/// A path from the site root as a link: each character a URL does not
/// carry as it is (a space, `#`, `%`, `?`) percent-encoded.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_gov_uk_writes_them() {
        assert_eq!(human_size(0), "0 Bytes");
        assert_eq!(human_size(1), "1 Byte");
        assert_eq!(human_size(812), "812 Bytes");
        assert_eq!(human_size(1024), "1 KB");
        assert_eq!(human_size(250_880), "245 KB");
        assert_eq!(human_size(25_088), "24.5 KB");
        assert_eq!(human_size(2_181_038), "2.08 MB");
        assert_eq!(human_size(1_048_575), "1 MB");
        assert_eq!(human_size(3 * 1024 * 1024 * 1024), "3 GB");
    }

    #[test]
    fn names_are_encoded_for_links() {
        assert_eq!(
            encode("meetings/m/Report 2024 #3.pdf"),
            "meetings/m/Report%202024%20%233.pdf"
        );
        assert_eq!(encode("a/café.pdf"), "a/caf%C3%A9.pdf");
    }
}
