//! The words the index holds: how text is split, folded and filtered, and
//! which shard a term lives in. `search.js` must do exactly the same.

use std::sync::LazyLock;

/// The most records kept for one term, best scores first.
pub const MAX_POSTINGS: usize = 1000;
/// Words longer than this (hashes, pasted addresses) are not indexed.
const MAX_TERM: usize = 40;
/// How much of an item's text its title shows.
pub const TITLE_CHARS: usize = 80;
pub const TITLE_WEIGHT: u32 = 10;
pub const META_WEIGHT: u32 = 2;
pub const TEXT_WEIGHT: u32 = 1;

/// What U+00C0 to U+017F become, in order, `|`-separated; empty for a
/// character that separates words (× and ÷). The same string is in
/// `search.js`.
const FOLD: &str = "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|n|n|n|n|n|n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s";

pub(super) static FOLDED: LazyLock<Vec<&'static str>> = LazyLock::new(|| FOLD.split('|').collect());

/// Words not indexed. The same list is in `search.js`.
pub(super) const STOP_WORDS: [&str; 32] = [
    "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into",
    "is", "its", "of", "on", "or", "that", "the", "their", "there", "these", "they", "this", "to",
    "was", "were", "which", "will", "with",
];

/// Calls `each` with the words of `text`, in order: runs of ASCII letters
/// and digits, lower-cased, with accented Latin letters folded (`é` →
/// `e`, `ß` → `ss`); everything else separates words. Words shorter than
/// two characters are dropped. A word already lower-case ASCII, as most
/// are, is passed as it stands in `text`; only the others are copied, into
/// one buffer.
fn each_word(text: &str, mut each: impl FnMut(&str)) {
    // The current word: from `start` in `text` while it needs no change;
    // from its first change on, in `copy`, which is then never empty
    // (every change adds a letter).
    let mut start: Option<usize> = None;
    let mut copy = String::new();
    let mut end_word = |start: &mut Option<usize>, copy: &mut String, at| {
        let word = if copy.is_empty() {
            start.map_or("", |s| &text[s..at])
        } else {
            copy.as_str()
        };
        if word.len() >= 2 {
            each(word);
        }
        *start = None;
        copy.clear();
    };
    for (i, c) in text.char_indices() {
        let changed: &str = match c {
            'a'..='z' | '0'..='9' => {
                if !copy.is_empty() {
                    copy.push(c);
                } else if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
            'A'..='Z' => &text[i..=i],
            '\u{C0}'..='\u{17F}' if !FOLDED[c as usize - 0xC0].is_empty() => {
                FOLDED[c as usize - 0xC0]
            }
            _ => {
                end_word(&mut start, &mut copy, i);
                continue;
            }
        };
        if copy.is_empty() {
            copy.push_str(start.map_or("", |s| &text[s..i]));
        }
        for ch in changed.chars() {
            copy.push(ch.to_ascii_lowercase());
        }
    }
    end_word(&mut start, &mut copy, text.len());
}

/// Whether `word` is one of [`STOP_WORDS`], which are in order.
fn is_stop_word(word: &str) -> bool {
    word.len() <= 5 && STOP_WORDS.binary_search(&word).is_ok()
}

/// Calls `each` with the indexed terms of `text`, in order: its words
/// without stop words and overlong ones. A large site's text is indexed
/// without a string per word.
pub fn each_term(text: &str, mut each: impl FnMut(&str)) {
    each_word(text, |w| {
        if w.len() <= MAX_TERM && !is_stop_word(w) {
            each(w);
        }
    });
}

/// The words of `text` (see [`each_word`]).
#[cfg(test)]
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(text, |w| out.push(w.to_string()));
    out
}

/// The indexed terms of `text` (see [`each_term`]).
#[cfg(test)]
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_term(text, |t| out.push(t.to_string()));
    out
}

/// The shard of a term: its first two characters, `_` for anything not an
/// ASCII letter or digit.
pub fn shard_key(term: &str) -> String {
    let mut key: String = term
        .chars()
        .take(2)
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    while key.len() < 2 {
        key.push('_');
    }
    key
}
