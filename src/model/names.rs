//! Names that become files and folders of the site. The site is copied to
//! Windows file shares and opened on Macs, so a name must be one that every
//! such file system can hold, and two names must not become one there.

use unicode_normalization::UnicodeNormalization;

/// The longest file or folder name most file systems hold, in bytes.
pub const MAX_NAME_BYTES: usize = 255;

/// Names Windows keeps for devices, with or without an extension.
const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why one file or folder name (a path segment) cannot be written on every
/// file system the site may be copied to, if it cannot.
pub fn unwritable(name: &str) -> Option<String> {
    if name.len() > MAX_NAME_BYTES {
        return Some(format!(
            "the name is {} bytes long; file systems hold at most {MAX_NAME_BYTES}",
            name.len()
        ));
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if WINDOWS_RESERVED.contains(&stem.to_ascii_lowercase().as_str()) {
        return Some(format!(
            "`{stem}` is a name Windows keeps for a device, so the file cannot be copied to a Windows share"
        ));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("the name ends with a dot or a space, which Windows drops".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '\\' | '|' | '?' | '*'))
    {
        return Some(format!(
            "the name holds `{}`, which Windows does not allow in a file name",
            c.escape_default()
        ));
    }
    None
}

/// A path as a case-insensitive, normalisation-insensitive file system
/// (Windows, macOS) sees it: two paths with one folded form are one file there.
pub fn folded(path: &str) -> String {
    // ASCII is its own composed form: only lower case remains to do, and
    // most paths are ASCII.
    if path.is_ascii() {
        return path.to_ascii_lowercase();
    }
    path.nfc().collect::<String>().to_lowercase()
}

/// The page name of a tag. Tags that differ only in case, punctuation or
/// Unicode normalisation share a page; any other two tags do not. The name
/// is ASCII: a tag in another script is transliterated ("Ελλάδα" becomes
/// `ellada`) and, since transliteration can bring two words together, it
/// carries a short hash of the tag as written (`ellada-5c8f1a`). A tag with
/// no letters or digits, or whose name a file system cannot hold, is named
/// by the hash alone (`tag-0b2e41`).
pub fn tag_slug(word: &str) -> String {
    let word: String = word.trim().nfc().collect();
    let key: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let hash = || format!("{:06x}", fnv1a(&key) & 0xff_ffff);
    let mut slug = String::new();
    for c in deunicode::deunicode(&word).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    if key.is_empty() {
        let whole = format!("{:06x}", fnv1a(&word) & 0xff_ffff);
        return format!("tag-{whole}");
    }
    if slug.is_empty() || unwritable(slug).is_some() {
        return format!("tag-{}", hash());
    }
    // The slug says the tag in full: no letter transliterated or cut off.
    if slug.replace('-', "") == key {
        slug.to_string()
    } else {
        format!("{slug}-{}", hash())
    }
}

/// A stable hash (FNV-1a), the same on every machine and in every release.
fn fnv1a(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_or_any_file_system_cannot_hold_are_found() {
        assert!(unwritable("report.pdf").is_none());
        assert!(unwritable("CON").is_some());
        assert!(unwritable("nul.txt").is_some());
        assert!(unwritable("Com1.png").is_some());
        assert!(unwritable("console.png").is_none());
        assert!(unwritable("P1.").is_some());
        assert!(unwritable("notes ").is_some());
        assert!(unwritable(&"a".repeat(256)).is_some());
        assert!(unwritable(&"a".repeat(255)).is_none());
        assert!(unwritable("what?.pdf").is_some());
    }

    #[test]
    fn folding_meets_case_and_normalisation() {
        assert_eq!(folded("Images/Café.png"), folded("images/cafe\u{301}.png"));
        assert_ne!(folded("images/cafe.png"), folded("images/café.png"));
    }

    #[test]
    fn tags_of_one_word_share_a_page_and_other_tags_do_not() {
        // Case and punctuation: one tag.
        assert_eq!(tag_slug("Early help"), "early-help");
        assert_eq!(tag_slug("early-help"), "early-help");
        assert_eq!(tag_slug(" EARLY HELP "), "early-help");
        // Composed and decomposed forms: one tag.
        assert_eq!(tag_slug("café"), tag_slug("cafe\u{301}"));
        // Not Latin, or no letters at all: each its own stable page.
        let slugs = [
            tag_slug("日本"),
            tag_slug("Ελλάδα"),
            tag_slug("!!!"),
            tag_slug("???"),
            tag_slug("café"),
            tag_slug("cafe"),
        ];
        let distinct: std::collections::BTreeSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), slugs.len(), "{slugs:?}");
        assert!(tag_slug("Ελλάδα").starts_with("ellada-"));
        assert!(tag_slug("!!!").starts_with("tag-"));
        assert_eq!(tag_slug("cafe"), "cafe");
        for s in &slugs {
            assert!(s.is_ascii() && unwritable(s).is_none(), "{s}");
        }
        // A name Windows keeps is not used as it is.
        assert!(tag_slug("CON").starts_with("tag-"));
    }
}
