//! A content file's text: decoding, front matter, and the `@` links in its
//! Markdown body.

use crate::diagnostics::Loc;
use crate::model::{At, Reference};
#[cfg(test)]
use pulldown_cmark::Parser;
use pulldown_cmark::{Event, Tag, TagEnd};

/// Bytes to text: UTF-8 only, with a leading byte-order mark dropped. The
/// file's bytes become its text without a copy, unless it has a mark or
/// CRLF line ends to remove.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, (Loc, String)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        // Most files have no `\r`, found with memchr; only a file that has
        // one is searched for CRLF line ends.
        Ok(s) if !s.contains('\r') => Ok(s),
        Ok(s) => Ok(s.replace("\r\n", "\n")),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
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
    /// Relative links and images, and `#anchor` links within the page, as written.
    pub relative: Vec<At<String>>,
    /// Images whose address is an `@` id (`![](@plans/p)`): a document is
    /// not a picture, and the address must never reach a page.
    pub at_images: Vec<At<String>>,
    /// The body's headings, for their ids.
    pub headings: Vec<crate::model::Heading>,
    /// Ids given in raw HTML (`<a id="x">`).
    pub html_ids: Vec<String>,
}

/// The links in `body`, placed in the file.
#[cfg(test)]
pub fn body_links(body: &str, body_line: u32) -> BodyLinks {
    let mut links = LinkFinder::new(body, body_line);
    for (event, range) in Parser::new_ext(body, crate::model::markdown_options()).into_offset_iter()
    {
        links.see(&event, range);
    }
    links.found
}

/// Finds the links in a body as its parsed events go by, so the one pass
/// that checks the body's shape (`bounds`) finds them too.
pub struct LinkFinder<'a> {
    body: &'a str,
    body_line: u32,
    lines: LineStarts,
    /// The heading being read, if inside one.
    heading: Option<crate::model::Heading>,
    pub found: BodyLinks,
}

impl<'a> LinkFinder<'a> {
    pub fn new(body: &'a str, body_line: u32) -> Self {
        LinkFinder {
            body,
            body_line,
            lines: LineStarts::of(body),
            heading: None,
            found: BodyLinks::default(),
        }
    }

    /// One event of the body, with the bytes it came from.
    pub fn see(&mut self, event: &Event, range: std::ops::Range<usize>) {
        let (is_image, dest_url) = match event {
            Event::Start(Tag::Link { dest_url, .. }) => (false, dest_url),
            Event::Start(Tag::Image { dest_url, .. }) => (true, dest_url),
            Event::Start(Tag::Heading { id, .. }) => {
                self.heading = Some(crate::model::Heading {
                    id: id.as_ref().map(|i| i.to_string()),
                    text: String::new(),
                });
                return;
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut self.heading {
                    h.text.push_str(t);
                }
                return;
            }
            Event::End(TagEnd::Heading(_)) => {
                self.found.headings.extend(self.heading.take());
                return;
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.found.html_ids.extend(crate::model::html_ids(html));
                return;
            }
            _ => return,
        };
        let (body, body_line) = (self.body, self.body_line);
        // Point at the destination itself, not the start of the link text.
        let span = &body[range.clone()];
        let offset = range.start + span.find(&**dest_url).unwrap_or(0);
        if let Some(target) = dest_url.strip_prefix('@') {
            let loc = self.lines.loc(body, offset, body_line);
            if is_image {
                self.found
                    .at_images
                    .push(At::new(dest_url.to_string(), loc));
            } else {
                self.found.at.push(At::new(target.to_string(), loc));
            }
        } else if crate::model::relative_link(dest_url, "").is_some()
            || (!is_image && dest_url.starts_with('#'))
        {
            let loc = self.lines.loc(body, offset, body_line);
            self.found.relative.push(At::new(dest_url.to_string(), loc));
        }
    }
}

/// Where each line of a text starts, to place byte offsets without
/// counting from the top each time (a long file has many links); and the
/// last offset placed, so that many links on one long line are placed by
/// counting on from the one before, not from the start of the line.
struct LineStarts {
    starts: Vec<usize>,
    /// The last offset placed: its line (index) and column (from 0).
    last: (usize, usize, usize),
}

impl LineStarts {
    fn of(text: &str) -> Self {
        let mut starts = vec![0];
        // A one-character pattern is found with memchr, many bytes at a time.
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts {
            starts,
            last: (0, 0, 0),
        }
    }

    /// The position of byte `offset` in `body`, whose first line is `body_line`.
    fn loc(&mut self, body: &str, offset: usize, body_line: u32) -> Loc {
        let offset = offset.min(body.len());
        let line = self.starts.partition_point(|s| *s <= offset) - 1;
        let (last_offset, last_line, last_col) = self.last;
        let (from, col) = if line == last_line && offset >= last_offset {
            (last_offset, last_col)
        } else {
            (self.starts[line], 0)
        };
        let col = col + body.get(from..offset).map_or(0, |l| l.chars().count());
        self.last = (offset, line, col);
        Loc::new(body_line + line as u32, col as u32 + 1)
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
        assert_eq!(urls, ["../img/a.png", "other.md", "#here"]);
        assert_eq!(relative[1].loc, Loc::new(1, 27));
    }

    #[test]
    fn headings_and_html_ids_are_found_for_their_anchors() {
        let body = "## Scope `A`\n\n## Next {#later}\n\n<a id=\"kept\"></a>\n";
        let found = body_links(body, 1);
        let ids = crate::model::heading_ids(&found.headings);
        assert_eq!(ids, ["scope-a", "later"]);
        assert_eq!(found.html_ids, ["kept"]);
    }

    #[test]
    fn links_on_one_long_line_are_placed_in_turn() {
        let body = "é [a](@x) ".repeat(3) + "\n[b](@y)\n";
        let links = body_links(&body, 1).at;
        let cols: Vec<_> = links.iter().map(|l| (l.loc.line, l.loc.col)).collect();
        assert_eq!(cols, [(1, 7), (1, 17), (1, 27), (2, 5)]);
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
        let (loc, _) = decode(b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(loc, Loc::new(2, 3));
    }

    #[test]
    fn windows_line_ends_and_a_byte_order_mark_are_read_as_plain_text() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\r\nb\r\n".to_vec()).ok().as_deref(),
            Some("a\nb\n")
        );
        // A lone carriage return is not a line end, and stays.
        assert_eq!(decode(b"a\rb\nc".to_vec()).ok().as_deref(), Some("a\rb\nc"));
        assert_eq!(decode(b"plain\n".to_vec()).ok().as_deref(), Some("plain\n"));
    }
}
