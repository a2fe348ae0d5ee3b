//! A small, strict reader of built HTML for the hostile-input tests: it
//! finds every start tag and its attributes, decodes character references
//! the way a browser would, and reports anything that could run script or
//! load from elsewhere.

/// Elements that run code, embed other documents, or take input.
const DANGEROUS_TAGS: [&str; 12] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "base", "meta",
];

/// Attributes whose value is an address.
const URL_ATTRIBUTES: [&str; 7] = [
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
];

/// What is dangerous in `html`: one line for each tag, attribute or address.
/// `<meta>` is allowed only as the theme writes it (charset, viewport,
/// description).
pub fn dangers(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '-')
            .collect();
        if name.is_empty() || !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let (attrs, end) = attributes(&rest[name.len()..]);
        let tag = name.to_ascii_lowercase();
        let shown = &rest[..(name.len() + end).min(rest.len()).min(160)];
        let theme_meta = tag == "meta"
            && attrs
                .iter()
                .all(|(n, _)| matches!(n.as_str(), "charset" | "name" | "content"))
            && attrs.iter().any(|(n, v)| {
                n == "charset" || (n == "name" && matches!(v.as_str(), "viewport" | "description"))
            });
        if DANGEROUS_TAGS.contains(&tag.as_str()) && !theme_meta {
            out.push(format!("tag <{shown}"));
        }
        for (n, v) in &attrs {
            if n.starts_with("on") {
                out.push(format!("event handler in <{shown}"));
            }
            if n == "style" {
                out.push(format!("inline style in <{shown}"));
            }
            let squeezed: String = v
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if URL_ATTRIBUTES.contains(&n.as_str())
                && ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| squeezed.starts_with(s))
            {
                out.push(format!("{n}={v:?} in <{shown}"));
            }
        }
        rest = &rest[end.min(rest.len())..];
    }
    out
}

/// The attributes after a tag name, lower-cased names and decoded values,
/// and where the tag ends.
fn attributes(s: &str) -> (Vec<(String, String)>, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return (out, i + 1);
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let from = i + 1;
                i = from;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = decode(&s[from..i.min(b.len())]);
                i += 1;
            } else {
                let from = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode(&s[from..i]);
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        } else {
            i += 1;
        }
    }
}

/// Character references decoded as a browser would in an attribute.
pub fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(rest.len());
        let entity = &rest[..end];
        let decoded = if let Some(n) = entity.strip_prefix("#x").or(entity.strip_prefix("#X")) {
            u32::from_str_radix(n, 16).ok().and_then(char::from_u32)
        } else if let Some(n) = entity.strip_prefix('#') {
            n.parse().ok().and_then(char::from_u32)
        } else {
            match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_reader_sees_what_a_browser_would_run() {
    assert_eq!(
        dangers("<p class=\"x\">ok</p><a href=\"../a.html\">a</a>"),
        Vec::<String>::new()
    );
    assert_eq!(dangers("<SCRIPT>x</SCRIPT>").len(), 1);
    assert_eq!(dangers("<img src=x OnError=alert(1)>").len(), 1);
    assert_eq!(dangers("<a href=\"java&#x73;cript:alert(1)\">").len(), 1);
    assert_eq!(dangers("<a href=' JaVa\tScript:x'>").len(), 1);
    assert_eq!(
        dangers("<meta charset=\"utf-8\"><meta name=\"description\" content=\"x\">").len(),
        0
    );
    assert_eq!(
        dangers("<meta http-equiv=\"refresh\" content=\"0\">").len(),
        1
    );
    assert_eq!(dangers("&lt;script&gt; as text").len(), 0);
}
