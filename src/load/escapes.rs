//! How much work the HTML cleaner's writer will do escaping a page.
//!
//! ammonia writes its cleaned HTML with html5ever's serializer, which, for
//! every `&` and every character U+0080 to U+00BF (`£`, `©`, a
//! non-breaking space) in a run of text or an attribute, searches the rest
//! of that run for the next `<` or `>`. A run of 16 MB of `&` therefore
//! takes hours. Markdown text never makes such a run: the renderer breaks
//! text up with empty comments, which the cleaner drops (see
//! `render::markdown`). What is left is raw HTML, and the attributes
//! Markdown writes (link addresses and titles, image descriptions, heading
//! ids): their work is added up here, exactly as the serializer would do
//! it, counting every byte of the source (which is never shorter than the
//! text the cleaner keeps).

/// The most escaping work a page may need: a few seconds of the cleaner's
/// time in the worst case, and thousands of times what a real page needs.
pub const MAX_WORK: u64 = 1 << 31;

#[derive(Default)]
pub struct EscapeWork {
    /// Escaped characters in the run so far, and the sum of their places.
    pending: u64,
    places: u64,
    /// Bytes in the run so far.
    len: u64,
    pub total: u64,
}

impl EscapeWork {
    /// Adds text to the current run.
    pub fn feed(&mut self, text: &str) {
        for b in text.bytes() {
            match b {
                b'<' | b'>' => self.end_run(),
                b'&' | 0xC2 => {
                    self.pending += 1;
                    self.places += self.len;
                    self.len += 1;
                }
                _ => self.len += 1,
            }
        }
    }

    /// Ends the current run: each escaped character in it cost a search to
    /// the end of the run.
    pub fn end_run(&mut self) {
        self.total = self
            .total
            .saturating_add(self.pending * self.len - self.places);
        (self.pending, self.places, self.len) = (0, 0, 0);
    }

    /// Text that is a run of its own: an attribute.
    pub fn attribute(&mut self, text: &str) {
        self.end_run();
        self.feed(text);
        self.end_run();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_is_each_escape_searching_to_the_end_of_its_run() {
        let mut w = EscapeWork::default();
        w.feed("a&b&c");
        w.end_run();
        assert_eq!(w.total, (5 - 1) + (5 - 3));
        w.feed("&&<&");
        w.end_run();
        assert_eq!(w.total, 6 + 2 + 1 + 1);
    }

    #[test]
    fn a_long_run_of_ampersands_is_quadratic_and_text_between_tags_is_not() {
        let mut w = EscapeWork::default();
        w.attribute(&"&".repeat(100_000));
        assert!(w.total > MAX_WORK, "{}", w.total);
        let mut w = EscapeWork::default();
        w.feed(&"<td>Fish &amp; chips £5</td>".repeat(100_000));
        w.end_run();
        assert!(w.total < 10_000_000, "{}", w.total);
    }
}
