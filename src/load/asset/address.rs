//! Addresses inside a drawing (`href`, `xml:base`, CSS `url(...)`): read as a
//! browser reads them, with the `url` crate (the WHATWG URL standard), so
//! `java&#x09;script:`, upper case and leading spaces all come out as the
//! `javascript:` they are.

/// Raster image types a `data:` address may hold where an image is drawn:
/// the browser decodes them as pictures, never as a document.
const RASTER: [&str; 5] = [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
];

/// Where an address is: only an `<image>` or CSS may hold picture data.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    Link,
    Picture,
}

/// Why an address may not be published, or `None` when it may: a relative
/// path (`#id`, `logo.png`, `../a.svg`), an `http:` or `https:` web address,
/// or, where a picture is drawn, a raster image held in a `data:` address.
/// Anything a browser would not read as one of those is refused.
pub fn refused(value: &str, place: Place) -> Option<String> {
    match url::Url::parse(value) {
        Err(url::ParseError::RelativeUrlWithoutBase) => None,
        Err(e) => Some(format!("an address a browser may read differently ({e})")),
        Ok(u) => match u.scheme() {
            "http" | "https" => None,
            "data" if place == Place::Picture && is_raster(u.path()) => None,
            "data" if place == Place::Picture => {
                Some("a `data:` address that is not a PNG, JPEG, GIF, WebP or AVIF picture".into())
            }
            "data" => Some("a `data:` address, which can hold a whole document".into()),
            "javascript" | "vbscript" => {
                Some(format!("a `{}:` address, which runs script", u.scheme()))
            }
            other => Some(format!(
                "a `{other}:` address; only relative paths and http:// or https:// addresses are published"
            )),
        },
    }
}

/// Whether a `data:` address's path names a raster image type.
fn is_raster(path: &str) -> bool {
    let media = path
        .split([';', ','])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    RASTER.contains(&media.as_str())
}

/// An address or name from a drawing as a message can show it: short, and
/// with control characters escaped so it cannot upset a terminal.
pub fn shown(value: &str) -> String {
    let short: String = value.chars().take(60).collect();
    let more = if value.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    format!("{}{more}", short.escape_debug())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_and_web_addresses_are_allowed() {
        for ok in [
            "#shape",
            "logo.png",
            "../files/report.pdf",
            "//example.org/a",
            "https://example.org/",
            "HTTP://example.org",
            "",
        ] {
            assert_eq!(refused(ok, Place::Link), None, "{ok}");
        }
    }

    #[test]
    fn script_addresses_are_refused_however_written() {
        for bad in [
            "javascript:alert(1)",
            "  JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "jav\nascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:x",
        ] {
            assert!(
                refused(bad, Place::Link).is_some_and(|w| w.contains("runs script")),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn other_schemes_are_refused() {
        assert!(refused("mailto:a@b.c", Place::Link).is_some());
        assert!(refused("file:///etc/passwd", Place::Link).is_some());
        assert!(refused("C:\\Users\\me\\logo.png", Place::Link).is_some());
    }

    #[test]
    fn data_holds_only_raster_pictures_and_only_where_a_picture_is_drawn() {
        let png = "data:image/png;base64,iVBORw0KGgo=";
        assert_eq!(refused(png, Place::Picture), None);
        assert_eq!(refused("DATA:Image/JPEG,xx", Place::Picture), None);
        assert!(refused(png, Place::Link).is_some());
        assert!(refused("data:image/svg+xml,<svg/>", Place::Picture).is_some());
        assert!(refused("data:text/html,<script>", Place::Picture).is_some());
    }

    #[test]
    fn shown_values_are_short_and_escaped() {
        assert_eq!(shown("a\u{1b}b"), "a\\u{1b}b");
        assert_eq!(shown(&"x".repeat(100)).chars().count(), 61);
    }
}
