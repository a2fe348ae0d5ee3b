//! A content file's text: decoding, front matter, and the `@` links in its
//! Markdown body.

use crate::diagnostics::Loc;
use crate::model::{At, Reference};
use pulldown_cmark::{Event, Parser, Tag};

/// Bytes to text: UTF-8 only, with a leading byte-order mark dropped.
pub fn decode(bytes: &[u8]) -> Result<String, (Loc, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.replace("\r\n", "\n")),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() as u32 + 1;
            let col = good
                .rsplit(|b| *b == b'\n')
                .next()
                .map_or(0, |l| String::from_utf8_lossy(l).chars().count())
                as u32
                + 1;
            Err((
                Loc::new(line, col),
                "the file is not UTF-8 text".to_string(),
            ))
        }
    }
}

/// A Markdown file split at its front matter.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// The file line the YAML starts on (2: just after the opening `---`).
    pub yaml_line: u32,
    pub body: &'a str,
    pub body_line: u32,
}

pub enum SplitError {
    Missing,
    Unclosed,
}

pub fn split_front_matter(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let yaml_start = first.len();
    let mut pos = yaml_start;
    let mut line_no = 1u32;
    for line in lines {
        line_no += 1;
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let body_start = pos + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line_no + 1,
            });
        }
        pos += line.len();
    }
    Err(SplitError::Unclosed)
}

/// The links in a Markdown body, placed in the file.
#[derive(Debug, Default)]
pub struct BodyLinks {
    /// `@` links, target without the `@`.
    pub at: Vec<Reference>,
    /// Relative links and images, as written.
    pub relative: Vec<At<String>>,
    /// Images whose address is an `@` id (`![](@plans/p)`): a document is
    /// not a picture, and the address must never reach a page.
    pub at_images: Vec<At<String>>,
}

/// The links in `body`, placed in the file: `@` links (target without the
/// `@`), and relative links and images (as written).
pub fn body_links(body: &str, body_line: u32) -> BodyLinks {
    let mut at = Vec::new();
    let mut relative = Vec::new();
    let mut at_images = Vec::new();
    let lines = LineStarts::of(body);
    for (event, range) in Parser::new_ext(body, crate::model::markdown_options()).into_offset_iter()
    {
        let (is_image, dest_url) = match event {
            Event::Start(Tag::Link { dest_url, .. }) => (false, dest_url),
            Event::Start(Tag::Image { dest_url, .. }) => (true, dest_url),
            _ => continue,
        };
        // Point at the destination itself, not the start of the link text.
        let span = &body[range.clone()];
        let loc = || {
            lines.loc(
                body,
                range.start + span.find(&*dest_url).unwrap_or(0),
                body_line,
            )
        };
        if let Some(target) = dest_url.strip_prefix('@') {
            if is_image {
                at_images.push(At::new(dest_url.to_string(), loc()));
            } else {
                at.push(At::new(target.to_string(), loc()));
            }
        } else if crate::model::relative_link(&dest_url, "").is_some() {
            relative.push(At::new(dest_url.to_string(), loc()));
        }
    }
    BodyLinks {
        at,
        relative,
        at_images,
    }
}

/// Where each line of a text starts, to place byte offsets without
/// counting from the top each time (a long file has many links).
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn of(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineStarts(starts)
    }

    /// The position of byte `offset` in `body`, whose first line is `body_line`.
    fn loc(&self, body: &str, offset: usize, body_line: u32) -> Loc {
        let offset = offset.min(body.len());
        let line = self.0.partition_point(|s| *s <= offset) - 1;
        let col = body
            .get(self.0[line]..offset)
            .map_or(0, |l| l.chars().count()) as u32
            + 1;
        Loc::new(body_line + line as u32, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_splits_and_counts_lines() {
        let t = "---\ntitle: A\n---\nBody\n";
        let Ok(s) = split_front_matter(t) else {
            panic!("should split")
        };
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn missing_and_unclosed_front_matter_are_told_apart() {
        assert!(matches!(
            split_front_matter("# Hi\n"),
            Err(SplitError::Missing)
        ));
        assert!(matches!(
            split_front_matter("---\ntitle: A\n"),
            Err(SplitError::Unclosed)
        ));
    }

    #[test]
    fn at_links_are_found_with_their_file_position() {
        let body = "Intro.\n\nSee [the plan](@plans/pip#P1.2) and [x](https://a.b).\n";
        let BodyLinks {
            at: links,
            relative,
            ..
        } = body_links(body, 5);
        assert!(relative.is_empty());
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].value, "plans/pip#P1.2");
        assert_eq!(links[0].loc, Loc::new(7, 16));
    }

    #[test]
    fn relative_links_and_images_are_found_too() {
        let body = "![Logo](../img/a.png) [x](other.md) [y](#here) [z](mailto:a@b.c)\n";
        let BodyLinks { at, relative, .. } = body_links(body, 1);
        assert!(at.is_empty());
        let urls: Vec<&str> = relative.iter().map(|r| r.value.as_str()).collect();
        assert_eq!(urls, ["../img/a.png", "other.md"]);
        assert_eq!(relative[1].loc, Loc::new(1, 27));
    }

    #[test]
    fn an_image_of_an_id_is_kept_apart_from_links() {
        let found = body_links("![Plan](@plans/p) [Plan](@plans/p)\n", 1);
        assert_eq!(found.at.len(), 1);
        assert_eq!(found.at_images.len(), 1);
        assert_eq!(found.at_images[0].value, "@plans/p");
        assert_eq!(found.at_images[0].loc, Loc::new(1, 9));
    }

    #[test]
    fn bad_utf8_is_placed() {
        let (loc, _) = decode(b"ok\nab\xffc").unwrap_err();
        assert_eq!(loc, Loc::new(2, 3));
    }
}
