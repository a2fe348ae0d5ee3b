//! One test per rule for files copied as they are, each with a refused
//! and an allowed form.

use super::*;
use crate::diagnostics::Loc;

const XLINK: &str = r#"xmlns:xlink="http://www.w3.org/1999/xlink""#;

/// The messages a drawing is refused with (none when it is published).
fn findings(svg: &str) -> Vec<String> {
    findings_of(svg.as_bytes())
}

fn findings_of(bytes: &[u8]) -> Vec<String> {
    match svg::decode(bytes) {
        Ok(text) => svg::check(text).into_iter().map(|f| f.message).collect(),
        Err(f) => vec![f.message],
    }
}

/// A drawing around `inner`, with the SVG and XLink namespaces.
fn drawing(inner: &str) -> String {
    format!(r#"<svg xmlns="http://www.w3.org/2000/svg" {XLINK}>{inner}</svg>"#)
}

fn refused_for(svg: &str, words: &str) {
    let found = findings(svg);
    assert!(
        found.iter().any(|m| m.contains(words)),
        "{svg}\nexpected a finding with {words:?}, got {found:?}"
    );
}

fn allowed(svg: &str) {
    assert_eq!(findings(svg), Vec::<String>::new(), "{svg}");
}

#[test]
fn a_plain_drawing_is_allowed() {
    allowed(&drawing(
        r#"<title>Plan</title><circle r="4" fill="url(#g)"/><text x="1">Only one: option</text>"#,
    ));
}

#[test]
fn script_is_refused_under_any_prefix() {
    refused_for(
        r#"<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>"#,
        "`<s:script>` element",
    );
    refused_for(&drawing("<SCRIPT>alert(1)</SCRIPT>"), "`<SCRIPT>` element");
}

#[test]
fn html_inside_a_drawing_is_refused() {
    refused_for(
        &drawing(r#"<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>"#),
        "the HTML element `<h:script>`",
    );
    refused_for(
        &drawing(r#"<h:div xmlns:h="http://www.w3.org/1999/xhtml">hi</h:div>"#),
        "the HTML element `<h:div>`",
    );
    refused_for(
        &drawing(r#"<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>"#),
        "the MathML element `<math>`",
    );
}

#[test]
fn elements_that_run_or_embed_are_refused_in_any_namespace() {
    for name in ["foreignObject", "handler", "iframe", "embed", "object"] {
        refused_for(
            &drawing(&format!("<{name}/>")),
            &format!("`<{name}>` element"),
        );
        refused_for(
            &drawing(&format!(r#"<x:{name} xmlns:x="urn:other"/>"#)),
            &format!("`<x:{name}>` element"),
        );
    }
}

#[test]
fn event_handlers_are_refused_in_any_case_and_namespace() {
    refused_for(&drawing(r#"<g onclick="x()"/>"#), "event handler `onclick`");
    refused_for(&drawing(r#"<g ONLOAD="x()"/>"#), "event handler `ONLOAD`");
    refused_for(
        &drawing(r#"<g xmlns:e="urn:e" e:onbegin="x()"/>"#),
        "event handler `e:onbegin`",
    );
    allowed(&drawing(r#"<g opacity="0.5" id="on"/>"#));
}

#[test]
fn links_must_be_relative_or_web_addresses() {
    refused_for(
        &drawing(r#"<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>"#),
        "`javascript:` address, which runs script",
    );
    refused_for(
        &drawing(r#"<a href="java&#x09;script:alert(1)"/>"#),
        "`javascript:` address",
    );
    refused_for(
        &drawing(r#"<a xmlns:q="http://www.w3.org/1999/xlink" q:href="vbscript:x"/>"#),
        "`vbscript:` address",
    );
    refused_for(&drawing(r#"<a href="mailto:a@b.c"/>"#), "`mailto:` address");
    refused_for(
        &drawing(r#"<g xml:base="javascript:x//"/>"#),
        "`javascript:`",
    );
    allowed(&drawing(
        r##"<use href="#a"/><a xlink:href="https://example.org/"/><a href="../plans/index.html"/>"##,
    ));
}

#[test]
fn data_addresses_hold_only_raster_pictures_in_an_image() {
    allowed(&drawing(
        r#"<image href="data:image/png;base64,iVBORw0KGgo="/>"#,
    ));
    refused_for(
        &drawing(r#"<image href="data:image/svg+xml,&lt;svg/&gt;"/>"#),
        "not a PNG, JPEG, GIF, WebP or AVIF picture",
    );
    refused_for(
        &drawing(r#"<use href="data:image/png;base64,iVBORw0KGgo="/>"#),
        "can hold a whole document",
    );
}

#[test]
fn animating_a_link_is_refused_with_any_prefix() {
    for name in ["href", "xlink:href", "x:HREF", "onclick"] {
        refused_for(
            &drawing(&format!(
                r#"<a><set attributeName="{name}" to="javascript:alert(1)"/></a>"#
            )),
            &format!("animates `{name}`"),
        );
    }
    allowed(&drawing(
        r#"<rect><animate attributeName="fill" to="red"/></rect>"#,
    ));
}

#[test]
fn style_sheet_instructions_are_refused() {
    refused_for(
        &format!(
            "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>{}",
            drawing("")
        ),
        "asks for a style sheet",
    );
    allowed(&format!(
        "<?xml version=\"1.0\"?><?xpacket begin=\"\"?>{}",
        drawing("")
    ));
}

#[test]
fn a_doctype_that_declares_anything_is_refused() {
    refused_for(
        &format!(
            "<!DOCTYPE svg [<!ENTITY j \"javascript\">]>{}",
            drawing(r#"<a href="&j;:alert(1)"/>"#)
        ),
        "DOCTYPE declares entities",
    );
    refused_for(
        &format!(
            "<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"alert(1)\">]>{}",
            drawing("")
        ),
        "DOCTYPE declares entities",
    );
    allowed(&format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- [ -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n{}",
        drawing("")
    ));
}

#[test]
fn styles_may_not_import_or_use_script_addresses() {
    refused_for(
        &drawing("<style>@import url(https://example.org/a.css);</style>"),
        "`@import`",
    );
    refused_for(
        &drawing("<style><![CDATA[ g { fill: u\\72l('javascript:x') } ]]></style>"),
        "javascript:",
    );
    refused_for(
        &drawing(r#"<g style="background: url(javascript:alert(1))"/>"#),
        "the style in `style`",
    );
    refused_for(
        &drawing(r#"<g fill="url(data:text/html,x)"/>"#),
        "the style in `fill`",
    );
    allowed(&drawing(
        "<style>.st0{fill:#FFF;font-family:'Arial'}</style><g class=\"st0\" style=\"stroke:url(#b)\"/>",
    ));
}

#[test]
fn only_utf8_is_read() {
    let text = drawing("<circle r=\"1\"/>");
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [utf16le, utf16be_no_bom] {
        assert!(findings_of(&bytes)[0].contains("saved as UTF-16"));
    }
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert!(
        findings_of(&bom).is_empty(),
        "a UTF-8 byte order mark is fine"
    );
    let latin1 = b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n<text>caf\xE9</text></svg>";
    let f = svg::decode(latin1).unwrap_err();
    assert_eq!(
        (f.loc, f.message.contains("not UTF-8")),
        (Loc::new(2, 10), true)
    );
}

#[test]
fn a_declared_encoding_other_than_utf8_is_refused() {
    refused_for(
        &format!("<?xml version=\"1.0\" encoding=\"UTF-16\"?>{}", drawing("")),
        "declares the encoding `UTF-16`",
    );
    refused_for(
        &format!("<?xml version='1.0' encoding='ISO-8859-1'?>{}", drawing("")),
        "`ISO-8859-1`",
    );
    allowed(&format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>{}",
        drawing("")
    ));
}

#[test]
fn anything_but_a_well_formed_svg_is_refused_with_where() {
    let bad = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g></svg>";
    let f = svg::check(bad);
    assert_eq!(f[0].loc, Loc::new(2, 6));
    assert!(f[0].message.contains("not well-formed XML"));
    refused_for(
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
        "not an SVG drawing",
    );
    refused_for("<svg/>", "no SVG namespace");
    assert!(!findings("").is_empty());
}

#[test]
fn findings_are_placed_and_capped() {
    let many = drawing(&"\n<g onclick=\"x\"/>".repeat(15));
    let f = svg::check(&many);
    assert_eq!(f[0].loc, Loc::new(2, 4));
    assert_eq!(f.len(), 11);
    assert!(f[10].message.contains("5 more problems"));
}

/// The verdict on one file, and the messages it gave.
fn verdict(rel: &str, bytes: &[u8]) -> (bool, Vec<String>) {
    let mut diags = Diagnostics::default();
    let copy = check(
        &format!("content/{rel}"),
        rel,
        || Ok(bytes.to_vec()),
        &mut diags,
    )
    .unwrap();
    let messages = diags
        .sorted()
        .into_iter()
        .map(|d| {
            format!(
                "{:?}: {} / {}",
                d.severity,
                d.message,
                d.help.unwrap_or_default()
            )
        })
        .collect();
    (copy.is_some(), messages)
}

#[test]
fn kinds_on_the_list_are_copied_in_any_case() {
    for rel in [
        "a.png",
        "b/C.JPG",
        "report.PDF",
        "d.docx",
        "e.csv",
        "f.txt",
        "g.odt",
    ] {
        assert_eq!(verdict(rel, b"x"), (true, vec![]), "{rel}");
    }
}

#[test]
fn kinds_off_the_list_are_refused_with_what_is_copied() {
    let (copy, m) = verdict("files/data.zip", b"PK");
    assert!(!copy);
    assert!(m[0].contains("does not publish `.zip` files"), "{m:?}");
    assert!(m[0].contains("PDF (pdf)"), "{m:?}");
    for (rel, words) in [
        ("a.xht", "HTML or script"),
        ("a.xhtml", "HTML or script"),
        ("a.js", "HTML or script"),
        ("a.xml", "XML files"),
        ("a.xsl", "XML files"),
        ("a.XSLT", "XML files"),
        ("a.svgz", "compressed drawings"),
        ("a.docm", "macros"),
        ("README", "no extension"),
        ("a.css", "style sheets"),
    ] {
        let (copy, m) = verdict(rel, b"x");
        assert!(!copy && m[0].contains(words), "{rel}: {m:?}");
    }
}

#[test]
fn office_and_windows_clutter_is_skipped_with_a_warning() {
    for rel in ["Thumbs.db", "papers/desktop.ini", "papers/~$report.docx"] {
        let (copy, m) = verdict(rel, b"x");
        assert!(!copy, "{rel}");
        assert!(
            m[0].starts_with("Warning: ") && m[0].contains("not published"),
            "{m:?}"
        );
    }
}

#[test]
fn a_refused_drawing_is_not_copied_and_an_allowed_one_is() {
    let (copy, m) = verdict("a.svg", drawing("<script/>").as_bytes());
    assert!(!copy && m[0].starts_with("Error: "), "{m:?}");
    assert_eq!(verdict("b.SVG", drawing("").as_bytes()), (true, vec![]));
}

#[test]
fn a_drawing_is_published_as_the_bytes_that_were_checked() {
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg>".to_vec();
    let mut diags = Diagnostics::default();
    let copied = check("content/a.svg", "a.svg", || Ok(svg.clone()), &mut diags).unwrap();
    assert_eq!(copied, Some(Some(std::sync::Arc::from(svg))));
    // Other kinds are not read: the file is copied as it is.
    let copied = check("content/a.pdf", "a.pdf", || panic!("not read"), &mut diags).unwrap();
    assert_eq!(copied, Some(None));
}
