//! Characters that must never reach a page, an export or a feed: control
//! characters, noncharacters and the bidirectional controls that reorder
//! the text around them. They are invisible in an editor, yet one makes
//! `feed.xml` invalid XML (XML 1.0 forbids most of them) and another can
//! make a title read differently from what was written. The load stage
//! removes them from every file it reads, warning where; the render stage
//! removes any that Markdown or HTML character references (`&#11;`) bring
//! back.

use std::borrow::Cow;

/// What an unwanted character is, in words an officer can act on; `None`
/// for a character that may stay. Tab, newline and carriage return stay
/// (CRLF files, tables); so do the invisible direction marks U+200E,
/// U+200F and U+061C, which affect no text but their neighbour.
pub fn unwanted(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' | '\n' | '\r' => return None,
        '\0' => "a null character",
        '\u{0B}' => "vertical tab, often pasted from Word as a line break",
        '\u{0C}' => "form feed, a page break",
        '\u{1B}' => "escape, which controls a terminal",
        '\u{01}'..='\u{1F}' => "a control character",
        '\u{7F}' => "delete, a control character",
        '\u{85}' => "next line, a control character",
        '\u{80}'..='\u{9F}' => "a control character",
        '\u{202A}' => "left-to-right embedding, which reorders text",
        '\u{202B}' => "right-to-left embedding, which reorders text",
        '\u{202C}' => "pop directional formatting, which reorders text",
        '\u{202D}' => "left-to-right override, which reorders text",
        '\u{202E}' => "right-to-left override, which reverses text",
        '\u{2066}' => "left-to-right isolate, which reorders text",
        '\u{2067}' => "right-to-left isolate, which reorders text",
        '\u{2068}' => "first strong isolate, which reorders text",
        '\u{2069}' => "pop directional isolate, which reorders text",
        c if is_noncharacter(c) => "a noncharacter, which Unicode keeps out of text",
        _ => return None,
    })
}

/// U+FDD0 to U+FDEF, and the last two code points of every plane (U+FFFE,
/// U+FFFF, U+1FFFE, ...).
fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// Whether `s` may hold an unwanted character: whether it has a byte that
/// starts one. Much faster than looking at each character, and nearly
/// always `false`. The bytes are looked at 64 at a time without stopping
/// early inside a block, which the compiler turns into vector compares.
pub fn may_hold(s: &str) -> bool {
    s.as_bytes()
        .chunks(64)
        .any(|block| block.iter().fold(false, |any, &b| any | starts(b)))
}

/// Whether byte `b` starts an unwanted character in UTF-8: controls, and
/// the first bytes of U+0080 to U+009F, of U+202A to U+2069, of U+FDD0 to
/// U+FFFF, and of the planes above.
const fn starts(b: u8) -> bool {
    let control = b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r';
    control | (b == 0x7F) | (b == 0xC2) | (b == 0xE2) | (b == 0xEF) | (b >= 0xF0)
}

/// `s` without its unwanted characters; borrowed when it has none, which
/// is nearly always.
pub fn strip(s: &str) -> Cow<'_, str> {
    if may_hold(s) && s.chars().any(|c| unwanted(c).is_some()) {
        Cow::Owned(s.chars().filter(|c| unwanted(*c).is_none()).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_noncharacters_and_overrides_go_and_text_stays() {
        let hostile = "a\u{0}\u{B}\u{1B}[2J\u{7F}\u{85}\u{FFFE}\u{FFFF}\u{202E}\u{2066}\u{10FFFF}b";
        assert_eq!(strip(hostile), "a[2Jb");
        let kept = "Tab\there\r\nשלום\u{200F} café – “quotes” 🙂 \u{FFFD}";
        assert!(matches!(strip(kept), Cow::Borrowed(_)));
        assert!(!may_hold("plain text, tabs\tand\r\nlines"));
    }

    #[test]
    fn the_bytes_looked_for_are_the_controls_and_the_lead_bytes_of_the_others() {
        let looked_for: Vec<u8> = (0..=255u8).filter(|b| starts(*b)).collect();
        let expected: Vec<u8> = (0x00..=0x08)
            .chain([0x0B, 0x0C])
            .chain(0x0E..=0x1F)
            .chain([0x7F, 0xC2, 0xE2, 0xEF])
            .chain(0xF0..=0xFF)
            .collect();
        assert_eq!(looked_for, expected);
        // Found wherever it falls in a block of 64, and in the last, short one.
        for at in [0, 63, 64, 65, 130] {
            let mut text = "a".repeat(131);
            text.replace_range(at..=at, "\u{1}");
            assert!(may_hold(&text), "{at}");
        }
    }

    #[test]
    fn every_unwanted_character_starts_with_a_byte_that_is_looked_for() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if unwanted(c).is_some() {
                assert!(may_hold(c.encode_utf8(&mut [0; 4])), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn each_unwanted_character_is_named() {
        assert!(unwanted('\u{B}').is_some_and(|n| n.contains("vertical tab")));
        assert!(unwanted('\u{202E}').is_some_and(|n| n.contains("right-to-left override")));
        assert!(unwanted('\u{FDD0}').is_some());
        assert!(unwanted('\u{FDCF}').is_none());
        assert!(unwanted('\u{200E}').is_none());
    }
}
