//! What the fuzz targets share: running a site held in memory through every
//! stage, as `oversight build` does, and the checks that must hold for any
//! input whatever.

use oversight::diagnostics::Diagnostics;
use oversight::model::Date;
use oversight::render::theme::{self, Theme};
use oversight::render::{Content, render_site};
use oversight::resolve::{Publish, resolve};
use std::path::Path;
use std::sync::OnceLock;

/// The built-in theme, loaded once.
pub fn theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(|| {
        // A content folder with no `themes/` beside it: the built-in theme.
        theme::load(Path::new("/nonexistent/content"), "default")
            .unwrap_or_else(|_| panic!("the built-in theme loads"))
    })
}

/// "Today" when `site.yaml` does not give one.
fn default_today() -> Date {
    Date::parse("2024-06-30").expect("a date")
}

/// Loads, resolves and (when there are no errors, as the binary does)
/// renders the site, once as a normal build and once with drafts and
/// exempt papers. Panics if any check fails. With `OVERSIGHT_FUZZ_VERBOSE`
/// set, prints the diagnostics and what was rendered.
pub fn run_site(files: &[(&str, &[u8])]) {
    for publish in [
        Publish::default(),
        Publish {
            drafts: true,
            exempt: true,
        },
    ] {
        let mut diags = Diagnostics::default();
        let Ok(loaded) = oversight::load::load_memory(files, &mut diags) else {
            return;
        };
        let today = loaded.settings.today.unwrap_or_else(default_today);
        let site = resolve(loaded, today, publish, &mut diags);
        let errors = diags.has_errors();
        let verbose = std::env::var_os("OVERSIGHT_FUZZ_VERBOSE").is_some();
        for d in diags.sorted() {
            if verbose {
                eprintln!("{d}");
            }
            assert!(
                !d.message.trim().is_empty(),
                "a diagnostic with no message: {d:?}"
            );
            assert!(!d.file.is_empty(), "a diagnostic with no file: {d:?}");
            // Showing it (the snippet and its caret) must not panic.
            let _ = d.to_string();
        }
        if errors {
            continue;
        }
        // A render error is reported to the officer; only a panic is a bug.
        let rendered = render_site(&site, theme(), &oversight::progress::Silent);
        if verbose {
            match &rendered {
                Ok(out) => eprintln!("{publish:?}: rendered {} files", out.len()),
                Err(e) => eprintln!("{publish:?}: render errors: {e:?}"),
            }
        }
        if let Ok(out) = rendered {
            for f in &out {
                if let (true, Content::Bytes(bytes)) = (f.path.ends_with(".html"), &f.content) {
                    let html = String::from_utf8_lossy(bytes);
                    check_page(&f.path, &html);
                }
            }
        }
    }
}

/// Elements whose content is text, not tags, up to their end tag.
const RAW_TEXT: [&str; 3] = ["style", "title", "textarea"];

/// Attributes whose value is followed as an address.
const URL_ATTRIBUTES: [&str; 6] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
];

/// No `<script>` element but the theme's own, no `on...=` event handler
/// attribute and no `javascript:` address in any tag of the page. Reads the
/// page the way a browser tokenises it, so that text that merely looks like
/// these (escaped, or inside a quoted attribute value) is not taken for them.
pub fn check_page(path: &str, html: &str) {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        i = start + 1;
        if html[start..].starts_with("<!--") {
            match html[start + 4..].find("-->") {
                Some(end) => i = start + 4 + end + 3,
                None => return,
            }
            continue;
        }
        if html[start..].starts_with("<!") || html[start..].starts_with("</") {
            match html[start..].find('>') {
                Some(end) => i = start + end + 1,
                None => return,
            }
            continue;
        }
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // The tag name.
        let name_end = html[i..]
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .map_or(html.len(), |n| i + n);
        let name = html[i..name_end].to_ascii_lowercase();
        let mut script_src = None;
        i = name_end;
        // The attributes, up to `>`.
        loop {
            while b
                .get(i)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
            {
                i += 1;
            }
            match b.get(i) {
                None => return,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                _ => {}
            }
            let attr_start = i;
            // An attribute name ends at white space, `/`, `>` or `=` (an `=`
            // first in the name is part of it).
            i += 1;
            while b
                .get(i)
                .is_some_and(|c| !(c.is_ascii_whitespace() || matches!(c, b'/' | b'>' | b'=')))
            {
                i += 1;
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let mut value = None;
            if b.get(i) == Some(&b'=') {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                let v_start;
                match b.get(i) {
                    Some(q @ (b'"' | b'\'')) => {
                        v_start = i + 1;
                        let q = *q as char;
                        let v_end = html[v_start..].find(q).map_or(html.len(), |n| v_start + n);
                        value = Some(&html[v_start..v_end]);
                        i = (v_end + 1).min(html.len());
                    }
                    _ => {
                        v_start = i;
                        while b
                            .get(i)
                            .is_some_and(|c| !(c.is_ascii_whitespace() || *c == b'>'))
                        {
                            i += 1;
                        }
                        value = Some(&html[v_start..i]);
                    }
                }
            }
            let handler = attr.len() > 2
                && attr.starts_with("on")
                && attr[2..].bytes().all(|c| c.is_ascii_lowercase());
            assert!(
                !handler,
                "{path}: an event handler attribute `{attr}` in the page:\n{}",
                around(html, attr_start)
            );
            if attr == "src" {
                script_src = value;
            }
            if let Some(v) = value
                && URL_ATTRIBUTES.contains(&attr.as_str())
            {
                assert!(
                    !is_script_url(v),
                    "{path}: a `javascript:` address in `{attr}`:\n{}",
                    around(html, attr_start)
                );
            }
        }
        if name == "script" {
            // The theme's own scripts: an empty element that loads one of
            // the theme's files from `assets/`.
            let empty = html[i..].to_ascii_lowercase().starts_with("</script");
            assert!(
                empty && script_src.is_some_and(is_theme_script),
                "{path}: a <script> element in the page that is not one of the theme's:\n{}",
                around(html, start)
            );
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            match html[i..].to_ascii_lowercase().find(&close) {
                Some(end) => i += end,
                None => return,
            }
        }
    }
}

/// Whether a script's `src` is a `.js` file of the theme, as a page links
/// to it: `assets/NAME`, after any `../` or `./`.
fn is_theme_script(src: &str) -> bool {
    let mut rest = src;
    while let Some(r) = rest.strip_prefix("../").or_else(|| rest.strip_prefix("./")) {
        rest = r;
    }
    rest.strip_prefix("assets/")
        .is_some_and(|name| name.ends_with(".js") && theme().assets.iter().any(|(n, _)| n == name))
}

/// Whether an attribute value, as a browser reads it, is a `javascript:`
/// address: character references decoded, tabs and newlines dropped,
/// leading control characters and spaces ignored, any case.
pub fn is_script_url(value: &str) -> bool {
    let decoded = decode_references(value);
    let cleaned: String = decoded
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    cleaned
        .trim_start_matches(|c: char| c <= ' ')
        .to_ascii_lowercase()
        .starts_with("javascript:")
}

/// Numeric character references and the few named ones that could spell a
/// scheme; anything else is left as it is.
fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let after = &rest[1..];
        let numeric = after.strip_prefix('#').map(|n| {
            let (hex, digits) = match n.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, n),
            };
            let len = digits
                .find(|c: char| {
                    !(if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    })
                })
                .unwrap_or(digits.len());
            let code = u32::from_str_radix(&digits[..len.min(8)], if hex { 16 } else { 10 }).ok();
            let consumed = 1 + usize::from(hex) + len;
            (code, consumed)
        });
        if let Some((Some(code), consumed)) = numeric {
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            rest = &after[consumed..];
            rest = rest.strip_prefix(';').unwrap_or(rest);
            continue;
        }
        let named = [
            ("colon;", ':'),
            ("Tab;", '\t'),
            ("NewLine;", '\n'),
            ("amp;", '&'),
            ("amp", '&'),
        ]
        .into_iter()
        .find(|(n, _)| after.starts_with(n));
        match named {
            Some((n, c)) => {
                out.push(c);
                rest = &after[n.len()..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The page around a byte offset, for a failure message.
fn around(html: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(200);
    while !html.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 200).min(html.len());
    while !html.is_char_boundary(to) {
        to += 1;
    }
    &html[from..to]
}

/// A YAML double-quoted scalar holding exactly `s` (JSON's string syntax
/// is a subset of YAML's).
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}
