//! What a relative link in a content file means: officers write links from
//! the file's own folder, as their editor's preview follows them.

/// A link as written, seen from a file in `source_dir` (a folder under
/// `content/`, `""` at the top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelativeLink {
    /// Another Markdown document: its id, and the anchor if any (`id#anchor`).
    Document(String),
    /// A file under `content/` (an image, a PDF), with any `#anchor`.
    File {
        path: String,
        fragment: Option<String>,
    },
    /// A relative link that climbs above `content/`.
    Outside,
}

/// `None` for addresses that are not relative paths: web addresses, `mailto:`,
/// `@` ids, anchors on the same page, and paths from the server's root.
pub fn relative_link(url: &str, source_dir: &str) -> Option<RelativeLink> {
    if url.is_empty() || url.starts_with(['#', '/', '@']) || url.contains(':') {
        return None;
    }
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    let mut parts: Vec<&str> = source_dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(RelativeLink::Outside);
                }
            }
            s => parts.push(s),
        }
    }
    let path = parts.join("/");
    match path.strip_suffix(".md") {
        Some(doc) => {
            let id = match doc.strip_suffix("index") {
                Some(folder) if folder.is_empty() || folder.ends_with('/') => {
                    folder.trim_end_matches('/').to_string()
                }
                _ => doc.to_string(),
            };
            Some(RelativeLink::Document(match fragment {
                Some(f) => format!("{id}#{f}"),
                None => id,
            }))
        }
        None => Some(RelativeLink::File { path, fragment }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, fragment: Option<&str>) -> Option<RelativeLink> {
        Some(RelativeLink::File {
            path: path.into(),
            fragment: fragment.map(str::to_string),
        })
    }

    #[test]
    fn links_are_read_from_the_source_folder() {
        assert_eq!(
            relative_link("../images/a.png", "guides"),
            file("images/a.png", None)
        );
        assert_eq!(
            relative_link("./b.pdf#page=2", "guides"),
            file("guides/b.pdf", Some("page=2"))
        );
        assert_eq!(
            relative_link("other.md#x", "guides"),
            Some(RelativeLink::Document("guides/other#x".into()))
        );
        assert_eq!(
            relative_link("../index.md", "guides"),
            Some(RelativeLink::Document(String::new()))
        );
        assert_eq!(
            relative_link("../plans/pip/index.md", "guides"),
            Some(RelativeLink::Document("plans/pip".into()))
        );
        assert_eq!(
            relative_link("reindex.md", ""),
            Some(RelativeLink::Document("reindex".into()))
        );
        assert_eq!(
            relative_link("../../x.png", "guides"),
            Some(RelativeLink::Outside)
        );
    }

    #[test]
    fn addresses_that_are_not_relative_paths_are_left_alone() {
        for url in [
            "https://a.b/c",
            "mailto:x@y.z",
            "#top",
            "/abs",
            "@plans/p",
            "",
        ] {
            assert_eq!(relative_link(url, "guides"), None, "{url}");
        }
    }
}
