//! How deeply a Markdown body nests, counting Markdown (block quotes,
//! lists, emphasis, links) and raw HTML elements together, as the HTML
//! cleaner will see them. The cleaner (html5ever, inside ammonia) does
//! work in proportion to the depth for every element it adds, so 100,000
//! nested `>` or `<div>` took minutes; no real paper nests more than a
//! dozen levels, so anything beyond [`MAX_DEPTH`] is refused while loading,
//! where `check` sees it too, in one pass over the text.

/// The deepest nesting oversight reads: Markdown and HTML elements inside
/// each other, together.
pub const MAX_DEPTH: usize = 64;

/// The raw HTML elements open at a point, as an HTML parser would keep
/// them. It errs towards counting too many, never too few: an element is
/// closed only by its own end tag, or by the start of a sibling that ends
/// it (`<li>` after `<li>`, `<p>` after `<p>`, a new table cell or row);
/// and formatting elements (`<b>`, `<i>`, ...) are never closed by
/// anything but their own end tag, because HTML parsers reopen them.
#[derive(Default)]
pub struct HtmlStack {
    open: Vec<Open>,
    /// Inside `<!-- ... -->`, which may run over several lines.
    in_comment: bool,
}

struct Open {
    name: String,
    formatting: bool,
}

/// Elements with no end tag.
const VOID: [&str; 16] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track",
];

/// Elements a parser keeps open past the end of their parent and reopens.
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Inline elements a new `<p>`, `<li>`, `<dt>` or `<dd>` looks past for the
/// one it ends.
const PHRASING: [&str; 14] = [
    "span", "abbr", "sub", "sup", "mark", "q", "cite", "dfn", "kbd", "samp", "var", "time", "bdi",
    "bdo",
];

impl HtmlStack {
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// Reads a piece of raw HTML. Returns the byte offset in `text` and the
    /// name of the first element that would make the stack deeper than
    /// `room`; reading stops there.
    pub fn feed(&mut self, text: &str, room: usize) -> Option<(usize, String)> {
        let mut i = 0;
        loop {
            if self.in_comment {
                let end = text[i..].find("-->")?;
                i += end + 3;
                self.in_comment = false;
            }
            let at = i + text[i..].find('<')?;
            i = at + 1;
            let rest = &text[i..];
            if rest.starts_with("!--") {
                self.in_comment = true;
                i += 3;
                continue;
            }
            let (closing, rest) = match rest.strip_prefix('/') {
                Some(r) => (true, r),
                None => (false, rest),
            };
            let len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .count();
            if len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
                continue;
            }
            let name = rest[..len].to_ascii_lowercase();
            i += usize::from(closing) + len;
            if closing {
                if let Some(k) = self.open.iter().rposition(|o| o.name == name) {
                    self.close_from(k);
                }
            } else if !VOID.contains(&name.as_str()) {
                self.end_sibling(&name);
                if self.open.len() >= room {
                    return Some((at, name));
                }
                let formatting = FORMATTING.contains(&name.as_str());
                self.open.push(Open { name, formatting });
            }
        }
    }

    /// Closes the element at `k` and everything opened inside it, but the
    /// formatting elements, which a parser reopens.
    fn close_from(&mut self, k: usize) {
        let mut index = 0;
        self.open.retain(|o| {
            let keep = index < k || (index > k && o.formatting);
            index += 1;
            keep
        });
    }

    /// A start tag that ends an open sibling: the nearest one, looking
    /// only past the elements a parser would look past.
    fn end_sibling(&mut self, name: &str) {
        let (ends, past): (&[&str], fn(&str) -> bool) = match name {
            "li" => (&["li"], |n| blockish(n) || inline(n)),
            "dt" | "dd" => (&["dt", "dd"], |n| blockish(n) || inline(n)),
            "p" => (&["p"], inline),
            "td" | "th" => (&["td", "th"], |n| n != "tr" && n != "table"),
            "tr" => (&["tr"], |n| n != "table"),
            "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot"], |n| n != "table"),
            "option" => (&["option"], inline),
            _ => return,
        };
        for k in (0..self.open.len()).rev() {
            let open = self.open[k].name.as_str();
            if ends.contains(&open) {
                self.close_from(k);
                return;
            }
            if !past(open) {
                return;
            }
        }
    }
}

fn inline(name: &str) -> bool {
    FORMATTING.contains(&name) || PHRASING.contains(&name)
}

fn blockish(name: &str) -> bool {
    matches!(name, "div" | "p" | "address")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_after(html: &str) -> usize {
        let mut s = HtmlStack::default();
        assert!(s.feed(html, usize::MAX).is_none());
        s.depth()
    }

    #[test]
    fn closed_and_void_elements_do_not_nest() {
        assert_eq!(depth_after("<div><p>a<br>b<img src=x></p></div>"), 0);
        assert_eq!(depth_after("<DIV class=\"x\"><Span>a</span>"), 1);
        assert_eq!(depth_after("<!-- <div><div> -->a"), 0);
        assert_eq!(depth_after("a < b and 3<4 </nothing>"), 0);
    }

    #[test]
    fn siblings_without_end_tags_stay_level() {
        let list = "<ul>".to_string() + &"<li><b>x</b> item".repeat(200);
        assert_eq!(depth_after(&list), 2);
        let table = "<table>".to_string() + &"<tr><td>a<td>b".repeat(200);
        assert_eq!(depth_after(&table), 3);
        assert_eq!(depth_after(&"<p>para".repeat(200)), 1);
    }

    #[test]
    fn nesting_and_unclosed_formatting_count() {
        assert_eq!(depth_after(&"<div>".repeat(10)), 10);
        assert_eq!(depth_after(&"<li><b id=1>".repeat(10)), 11);
        assert_eq!(depth_after("<div><b><i></div>"), 2);
    }

    #[test]
    fn the_first_element_too_deep_is_found() {
        let mut s = HtmlStack::default();
        let html = "<div>".repeat(100_000);
        assert_eq!(
            s.feed(&html, MAX_DEPTH),
            Some((MAX_DEPTH * 5, "div".into()))
        );
    }
}
