use super::*;
use crate::render::links::Linker;
use crate::render::markdown::{SANITISER, to_html};
use pulldown_cmark::Parser;

/// Everything a body without raw HTML can hold, in the forms officers write.
const PLAIN: &[&str] = &[
    "Fish & chips for £5 at the café, \"quoted\" and 'single', 5 < 6 > 4, a\u{a0}space.",
    "# Title {#chosen}\n\n## Section\n\nText *em* **strong** ~~struck~~ `code & <b>`.",
    "3. third\n4. fourth\n   - nested\n   - list\n\n- a\n\n  loose\n- b",
    "```rust \"odd\" info\nlet a = \"<b>\";\n```\n\n    indented <code>\n",
    "| Area | RAG |\n|---|---|\n| Front door | Red |\n| Care < 18 & 16+ | Amber |",
    "A claim.[^src]\n\n[^src]: The report, page 4.",
    "> Quoted\n> text\n\nHard  \nbreak and\\\nanother.\n\n---\n\nAfter the rule.",
    "[relative](files/a.pdf#page=2) [fragment](#top) [web](https://example.org/a?b=1&c=\"2\") \
     [plain](http://example.org) [mail](mailto:a@example.org) [phone](tel:+441234567890) \
     <https://example.org/auto> <clerk@example.org> [host](//example.org/x) \
     [titled](https://example.org \"A 'title' & more\")",
    "![A chart & key](img/chart.png \"Chart\") ![web](https://example.org/a.png)",
    "&amp; &lt;b&gt; &#169; &quot; &#x2014;",
];

/// A cleaner that keeps every tag, attribute and scheme those bodies can
/// produce, and more: what it keeps that [`SANITISER`] would not is what
/// the real cleaner would have removed.
fn keeping_everything() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "del",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "pre",
        "code",
        "blockquote",
        "a",
        "img",
        "hr",
        "br",
        "sup",
        "div",
        "span",
        "input",
    ])
    .add_generic_attributes([
        "id", "class", "style", "href", "src", "alt", "title", "start", "type", "checked",
        "disabled", "onclick", "align",
    ])
    .add_url_schemes([
        "http",
        "https",
        "mailto",
        "tel",
        "javascript",
        "data",
        "vbscript",
    ])
    .link_rel(None);
    b
}

fn page(markdown: &str) -> String {
    let index = crate::resolve::Index::default();
    let linker = Linker::new(&index, "guides/reading/index.html");
    to_html(markdown, "guides/reading", "guides", &linker)
}

#[test]
fn plain_markdown_is_written_with_nothing_the_cleaner_would_remove() {
    let keeping = keeping_everything();
    // The comparison can tell: an aligned column's `style` is kept by one
    // cleaner and dropped by the other.
    let aligned = "<table><tr><td style=\"text-align: left\">A</td></tr></table>";
    assert_ne!(
        SANITISER.clean(aligned).to_string(),
        keeping.clean(aligned).to_string()
    );
    for markdown in PLAIN {
        let events: Vec<Event> =
            Parser::new_ext(markdown, crate::model::markdown_options()).collect();
        let cleaned: Vec<&Event> = events.iter().filter(|e| needs_cleaning(e)).collect();
        assert!(
            cleaned.is_empty(),
            "{markdown:?} would be cleaned for {cleaned:?}"
        );
        let html = page(markdown);
        assert_eq!(
            SANITISER.clean(&html).to_string(),
            keeping.clean(&html).to_string(),
            "the cleaner would change {markdown:?}, written as {html}"
        );
    }
}

#[test]
fn anything_that_could_run_or_style_is_still_cleaned() {
    let cases: &[(&str, &str)] = &[
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("A <b onclick=\"x()\">b</b>.", "onclick"),
        ("## Heading {onclick=alert(1)}", "onclick"),
        ("## Heading {.x style=color:red}", "style"),
        ("[a](javascript:alert(1))", "javascript"),
        ("[a](JavaScript:alert(1))", "JavaScript"),
        ("[a](java&#115;cript:alert(1))", "cript:"),
        ("[a](vbscript:msgbox)", "vbscript"),
        ("![a](data:image/svg+xml,<svg/onload=alert(1)>)", "data:"),
        ("[a]: javascript:alert(1)\n\n[b][a]", "javascript"),
        ("| A | B |\n|:--|--:|\n| 1 | 2 |", "style"),
    ];
    for (markdown, never) in cases {
        let events: Vec<Event> =
            Parser::new_ext(markdown, crate::model::markdown_options()).collect();
        assert!(
            events.iter().any(needs_cleaning),
            "{markdown:?} would not be cleaned"
        );
        let html = page(markdown);
        assert!(
            !html.contains(never),
            "{markdown:?} left {never:?} in {html}"
        );
    }
}

#[test]
fn only_addresses_that_cannot_hide_a_scheme_are_safe() {
    for safe in [
        "a.pdf",
        "../b/c.html#x",
        "#top",
        "//host/x",
        "https://a.b/",
        "mailto:a@b.c",
        "tel:+44",
        "a@b.c",
    ] {
        assert!(is_safe_address(safe), "{safe}");
    }
    for unsafe_ in [
        "javascript:x",
        "JAVASCRIPT:x",
        " javascript:x",
        "HTTPS://a.b",
        "data:x",
        "ftp://a.b",
        "a/b:c",
    ] {
        assert!(!is_safe_address(unsafe_), "{unsafe_}");
    }
}

/// Pieces of Markdown, plain and hostile, for bodies made at random.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "&", "\"", "'", "#", "## ", "\n", "\n\n",
    "- ", "1. ", "> ", "|", "|---|", "---", "![", "](", "https://a.b/", "http://x", "javascript:",
    ":", "{#id}", "{.c}", "{onclick=x}", "&#106;", "&amp;", "&colon;", "\\", "~~", "[^n]", "[^n]: ",
    "    ", "```", "x", "word ", "<b>", "<!--", "mailto:a@b.c", "tel:1", "@plans/x", "a.pdf",
    "\u{a0}", "é", "<https://a.b>", "<a@b.c>", "//h/p", "data:", " \"t\"", "[r]: ",
];

#[test]
fn bodies_made_at_random_that_skip_the_cleaner_give_it_nothing_to_remove() {
    let keeping = keeping_everything();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut plain = 0;
    for _ in 0..3_000 {
        let len = 1 + next() % 24;
        let markdown: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let events: Vec<Event> =
            Parser::new_ext(&markdown, crate::model::markdown_options()).collect();
        if events.iter().any(needs_cleaning) {
            continue;
        }
        plain += 1;
        let html = page(&markdown);
        assert_eq!(
            SANITISER.clean(&html).to_string(),
            keeping.clean(&html).to_string(),
            "the cleaner would change {markdown:?}, written as {html}"
        );
    }
    // Enough of them skip the cleaner for the check to mean something.
    assert!(plain > 500, "{plain}");
}
