//! CSS inside a drawing (a `<style>` element, a `style=` attribute, or a
//! presentation attribute such as `fill="url(#a)"`), read with cssparser,
//! the tokenizer browsers built on Servo use. Escapes are undone before
//! anything is compared, so `@\69mport` is the `@import` it is.
//!
//! CSS cannot run script in today's browsers, but `@import` brings in a
//! style sheet from elsewhere, unchecked, and every address is held to the
//! rule for links (see `address.rs`).

use super::address::{Place, refused, shown};
use cssparser::{ParseError, Parser, Token};

/// Blocks nested deeper than this are refused rather than followed: real
/// drawings nest two or three, and a deep nest would exhaust the stack.
const MAX_DEPTH: u32 = 32;

/// What is wrong with a piece of CSS, or `None` when nothing is.
pub fn problem(css: &str) -> Option<String> {
    // Every finding needs a `(` (a function or `url(`) or an `@` (an
    // at-keyword; an escape cannot make one): without either there is
    // nothing to find, and a drawing's long `d=` paths skip the tokenizer.
    if !css.contains(['(', '@']) {
        return None;
    }
    let mut parser = Parser::new(css);
    walk(&mut parser, 0, false).err().map(|e| match e.kind {
        cssparser::ParseErrorKind::Custom(why) => why,
        // The walk stops only at the end of the input or with a finding.
        cssparser::ParseErrorKind::Basic(b) => format!("CSS that could not be read ({b:?})"),
    })
}

/// Reads tokens to the end of this block, looking inside every nested one.
/// `in_function` is true inside `url(...)`, `image-set(...)` and the like,
/// where a quoted string is an address.
fn walk(p: &mut Parser, depth: u32, in_function: bool) -> Result<(), ParseError<String>> {
    if depth > MAX_DEPTH {
        return Err(ParseError::custom("CSS nested more than 32 blocks deep"));
    }
    loop {
        let token = match p.next_including_whitespace_and_comments() {
            Ok(t) => t.clone(),
            Err(_) => return Ok(()),
        };
        let found = match &token {
            Token::AtKeyword(name) if name.eq_ignore_ascii_case("import") => {
                Some("an `@import`, which loads another style sheet from elsewhere".to_string())
            }
            Token::UnquotedUrl(u) => address(u),
            Token::QuotedString(s) if in_function => address(s),
            Token::BadUrl(u) => Some(format!("a `url({})` a browser could not read", shown(u))),
            Token::Function(name) if name.eq_ignore_ascii_case("expression") => {
                Some("an `expression(...)`, which old browsers ran as script".to_string())
            }
            _ => None,
        };
        if let Some(why) = found {
            return Err(ParseError::custom(why));
        }
        match token {
            Token::Function(_) => p.parse_nested_block(|p| walk(p, depth + 1, true))?,
            Token::ParenthesisBlock | Token::SquareBracketBlock => {
                p.parse_nested_block(|p| walk(p, depth + 1, in_function))?
            }
            Token::CurlyBracketBlock => p.parse_nested_block(|p| walk(p, depth + 1, false))?,
            _ => {}
        }
    }
}

fn address(value: &str) -> Option<String> {
    refused(value, Place::Picture).map(|why| format!("the address `{}`: {why}", shown(value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_styles_pass() {
        let css = ".st0{fill:#FFF;font-family:'Open Sans', \"Arial: Bold\"} \
                   @media print { g { fill: url(#grad) } } \
                   @font-face { src: url(fonts/a.woff2) format(\"woff2\") }";
        assert_eq!(problem(css), None);
        assert_eq!(problem("fill: url('https://example.org/a.png')"), None);
    }

    #[test]
    fn import_is_refused_however_escaped() {
        assert!(problem("@import 'https://x/a.css';").is_some());
        assert!(problem("@\\69mport url(a.css);").is_some());
        assert!(problem("@IMPORT url(a.css);").is_some());
    }

    #[test]
    fn script_addresses_in_url_are_refused_however_written() {
        for bad in [
            "fill: url(javascript:alert(1))",
            "fill: url('javascript:alert(1)')",
            "fill: u\\72l(javascript:alert(1))",
            "a { b { c: image-set(\"java\\73 cript:x\" 1x) } }",
            "fill: url(data:image/svg+xml,<svg>)",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn raster_data_is_allowed_in_css() {
        assert_eq!(problem("fill: url(data:image/png;base64,AAAA)"), None);
    }

    #[test]
    fn expression_is_refused() {
        assert!(problem("width: expression(alert(1))").is_some());
    }

    #[test]
    fn deep_nesting_is_refused_not_followed() {
        let deep = "(".repeat(100_000);
        assert!(problem(&deep).is_some_and(|w| w.contains("nested")));
    }
}
