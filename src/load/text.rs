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

/// Every `[text](@id)` link in `body`, placed in the file.
pub fn at_links(body: &str, body_line: u32) -> Vec<Reference> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::model::markdown_options()).into_offset_iter()
    {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event
            && let Some(target) = dest_url.strip_prefix('@')
        {
            // Point at the destination itself, not the start of the link text.
            let span = &body[range.clone()];
            let rel = span.find(&*dest_url).unwrap_or(0);
            let loc = loc_in(body, range.start + rel, body_line);
            out.push(At::new(target.to_string(), loc));
        }
    }
    out
}

/// The file position of byte `offset` in `body`.
fn loc_in(body: &str, offset: usize, body_line: u32) -> Loc {
    let before = &body[..offset.min(body.len())];
    let line = before.matches('\n').count() as u32;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    Loc::new(body_line + line, col)
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
        let links = at_links(body, 5);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].value, "plans/pip#P1.2");
        assert_eq!(links[0].loc, Loc::new(7, 16));
    }

    #[test]
    fn bad_utf8_is_placed() {
        let (loc, _) = decode(b"ok\nab\xffc").unwrap_err();
        assert_eq!(loc, Loc::new(2, 3));
    }
}
