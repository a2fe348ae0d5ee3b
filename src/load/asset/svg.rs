//! Whether an SVG drawing can be published as it is. A browser opens a
//! copied drawing as a document, not an image, so anything in it that runs
//! would run on the council's site.
//!
//! Matching text cannot win: namespace prefixes, character references and
//! other encodings all hide `<script` from a search. So the drawing is
//! decoded (UTF-8 only), parsed with roxmltree, a real XML parser that
//! resolves namespaces and references, and judged by what the parser saw.
//! Anything it cannot parse is refused.

use super::address::{Place, refused, shown};
use super::css;
use crate::diagnostics::Loc;
use roxmltree::{Document, Node, NodeType, ParsingOptions};

const SVG: &str = "http://www.w3.org/2000/svg";
/// Elements in these namespaces are HTML, MathML or XSLT: never drawing.
const FOREIGN: [(&str, &str); 3] = [
    ("http://www.w3.org/1999/xhtml", "HTML"),
    ("http://www.w3.org/1998/Math/MathML", "MathML"),
    ("http://www.w3.org/1999/XSL/Transform", "XSLT"),
];

/// Elements refused in any namespace (compared in lower case): each runs
/// script, or shows another document inside the drawing.
const REFUSED: [&str; 10] = [
    "script",
    "foreignobject",
    "handler",
    "listener",
    "iframe",
    "embed",
    "object",
    "frame",
    "frameset",
    "applet",
];

/// The most findings reported for one drawing; the rest are counted.
const MAX_FINDINGS: usize = 10;

/// One reason a drawing is refused: where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub loc: Loc,
    pub message: String,
    pub help: String,
}

const RESAVE: &str =
    "save the drawing again as plain SVG (Inkscape: \"Plain SVG\"), or export it as PNG";
const UTF8: &str = "save the drawing as UTF-8 (Inkscape and Illustrator do), or export it as PNG";

/// The drawing's text when it is UTF-8, or why it is refused.
pub fn decode(bytes: &[u8]) -> Result<&str, Finding> {
    let whole = |message: &str| Finding {
        loc: Loc::FILE,
        message: message.to_string(),
        help: UTF8.into(),
    };
    let wide = [
        &[0, 0, 0xFE, 0xFF][..],
        &[0xFF, 0xFE],
        &[0xFE, 0xFF],
        &[0, b'<'],
        &[b'<', 0],
    ];
    if wide.iter().any(|w| bytes.starts_with(w)) {
        return Err(whole(
            "this drawing is saved as UTF-16 or UTF-32; oversight checks and publishes drawings saved as UTF-8 only",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
        let line = good.matches('\n').count() + 1;
        let col = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Finding {
            loc: Loc::new(line as u32, col as u32),
            ..whole("this drawing is not UTF-8 text: the bytes here are not UTF-8")
        }
    })
}

/// Every reason the drawing `text` may not be published; empty when it may.
pub fn check(text: &str) -> Vec<Finding> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = match Document::parse_with_options(text, options) {
        Ok(d) => d,
        Err(e) => {
            let p = e.pos();
            return vec![Finding {
                loc: Loc::new(p.row, p.col),
                message: format!(
                    "this drawing is not well-formed XML, so it cannot be checked: {e}"
                ),
                help: RESAVE.into(),
            }];
        }
    };
    let mut c = Checker {
        doc: &doc,
        found: Vec::new(),
        more: 0,
    };
    c.prolog(text);
    c.root();
    for node in doc.descendants() {
        match node.node_type() {
            NodeType::Element => c.element(node),
            NodeType::PI => c.instruction(node),
            NodeType::Text => c.text(node),
            NodeType::Root | NodeType::Comment => {}
        }
    }
    if c.more > 0 {
        c.found.push(Finding {
            loc: Loc::FILE,
            message: format!("this drawing has {} more problems like these", c.more),
            help: RESAVE.into(),
        });
    }
    c.found
}

struct Checker<'a, 'i> {
    doc: &'a Document<'i>,
    found: Vec<Finding>,
    more: usize,
}

impl Checker<'_, '_> {
    fn report(&mut self, at: usize, message: String, help: &str) {
        if self.found.len() == MAX_FINDINGS {
            self.more += 1;
            return;
        }
        let p = self.doc.text_pos_at(at);
        self.found.push(Finding {
            loc: Loc::new(p.row, p.col),
            message,
            help: help.into(),
        });
    }

    /// The XML declaration may name only UTF-8, and a DOCTYPE may not
    /// declare anything (`[...]`): declared entities and default attributes
    /// are places a browser and this check could disagree.
    fn prolog(&mut self, text: &str) {
        if let Some(decl) = text
            .strip_prefix("<?xml")
            .filter(|t| t.starts_with(|c: char| c.is_ascii_whitespace()))
            .and_then(|t| t.split("?>").next())
            && let Some(value) = declared_encoding(decl)
            && !["utf-8", "utf8"].contains(&value.to_ascii_lowercase().as_str())
        {
            self.report(
                0,
                format!(
                    "this drawing declares the encoding `{}`; only UTF-8 drawings are published",
                    shown(value)
                ),
                UTF8,
            );
        }
        let root = self.doc.root_element().range().start;
        let mut rest = text[..root].to_string();
        for n in self.doc.root().children() {
            if matches!(n.node_type(), NodeType::Comment | NodeType::PI) && n.range().end <= root {
                rest.replace_range(n.range(), &" ".repeat(n.range().len()));
            }
        }
        if let Some(at) = rest.find("<!DOCTYPE")
            && rest[at..].contains('[')
        {
            self.report(
                at,
                "this drawing's DOCTYPE declares entities or attributes (`<!DOCTYPE svg [ ... ]>`), which can hide script from this check".into(),
                "save the drawing again as plain SVG (Inkscape: \"Plain SVG\"; Illustrator: File > Export > Export As > SVG), which leaves them out, or export it as PNG",
            );
        }
    }

    fn root(&mut self) {
        let root = self.doc.root_element();
        let name = root.tag_name();
        if !(name.namespace() == Some(SVG) && name.name() == "svg") {
            self.report(
                root.range().start,
                format!(
                    "this file is not an SVG drawing: its outermost element is `<{}>`{}",
                    shown(name.name()),
                    if name.namespace().is_none() {
                        " with no SVG namespace (xmlns=\"http://www.w3.org/2000/svg\")"
                    } else {
                        ""
                    }
                ),
                RESAVE,
            );
        }
    }

    fn element(&mut self, node: Node) {
        let name = node.tag_name();
        let local = name.name().to_ascii_lowercase();
        let at = node.range().start;
        let written = written_name(self.doc.input_text(), at, name.name());
        if let Some((_, what)) = FOREIGN.iter().find(|(ns, _)| name.namespace() == Some(*ns)) {
            self.report(
                at,
                format!("this drawing contains the {what} element `<{}>`, which a browser would act on, not draw", shown(written)),
                RESAVE,
            );
        } else if REFUSED.contains(&local.as_str()) {
            let help = if local == "foreignobject" {
                "`<foreignObject>` puts a web page inside the drawing (draw.io does this for text labels): export again with text as SVG text (draw.io: untick \"Embed fonts\" and choose \"Convert labels to SVG\"), or as PNG"
            } else {
                "save the drawing again without scripts (most editors have \"plain SVG\"), or export it as PNG"
            };
            self.report(
                at,
                format!("this drawing contains a `<{}>` element, which can run script or show another page when a member opens the drawing", shown(written)),
                help,
            );
        }
        for attr in node.attributes() {
            let attr_local = attr.name().to_ascii_lowercase();
            let at = attr.range().start;
            let qname = &self.doc.input_text()[attr.range_qname()];
            if attr_local.starts_with("on") {
                self.report(
                    at,
                    format!("this drawing has an event handler `{}`, which runs script when a member opens or clicks the drawing", shown(qname)),
                    "remove the handler, or export the drawing as PNG",
                );
            } else if ["href", "src", "base"].contains(&attr_local.as_str()) {
                let place = if local == "image" && attr_local == "href" {
                    Place::Picture
                } else {
                    Place::Link
                };
                if let Some(why) = refused(attr.value(), place) {
                    self.report(
                        at,
                        format!("this drawing has `{}=\"{}\"`, {why}", shown(qname), shown(attr.value())),
                        "a drawing may link only to relative paths and http:// or https:// addresses (a PNG, JPEG, GIF, WebP or AVIF picture may be embedded in an `<image>`); change the link, or export the drawing as PNG",
                    );
                }
            } else if attr_local == "attributename" && animates_a_link(attr.value()) {
                self.report(
                    at,
                    format!(
                        "this drawing animates `{}`, which can turn a link into script",
                        shown(attr.value())
                    ),
                    "remove the animation of the link, or export the drawing as PNG",
                );
            } else if let Some(why) = css::problem(attr.value()) {
                self.report(
                    at,
                    format!("the style in `{}` has {why}", shown(qname)),
                    RESAVE,
                );
            }
        }
    }

    /// `<?xml-stylesheet?>` turns the drawing into whatever a style sheet
    /// (an XSLT transform, even) makes of it.
    fn instruction(&mut self, node: Node) {
        if let Some(pi) = node.pi()
            && pi.target.eq_ignore_ascii_case("xml-stylesheet")
        {
            self.report(
                node.range().start,
                "this drawing asks for a style sheet (`<?xml-stylesheet ...?>`), which can turn it into a page that runs script".into(),
                "remove the `<?xml-stylesheet ...?>` line, or save the drawing as plain SVG",
            );
        }
    }

    /// The text of a `<style>` element is CSS.
    fn text(&mut self, node: Node) {
        let in_style = node
            .parent_element()
            .is_some_and(|p| p.tag_name().name().eq_ignore_ascii_case("style"));
        if in_style && let Some(why) = node.text().and_then(css::problem) {
            self.report(
                node.range().start,
                format!("the `<style>` here has {why}"),
                RESAVE,
            );
        }
    }
}

/// An element's name as written at byte `at` (`s:script`), so the message
/// shows what the officer will find in the file; its local name when the
/// element came from somewhere else.
fn written_name<'t>(text: &'t str, at: usize, local: &'t str) -> &'t str {
    text.get(at..)
        .and_then(|t| t.strip_prefix('<'))
        .and_then(|t| {
            t.split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
        })
        .filter(|w| w.ends_with(local))
        .unwrap_or(local)
}

/// Whether an animation's `attributeName` names a link or a handler, with
/// or without a namespace prefix (`xlink:href`, `x:href`, `HREF`).
fn animates_a_link(name: &str) -> bool {
    let local = name
        .trim()
        .rsplit(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ["href", "src", "base"].contains(&local.as_str()) || local.starts_with("on")
}

/// The value of `encoding=` in an XML declaration (the text after `<?xml`),
/// which the parser has already found well-formed.
fn declared_encoding(decl: &str) -> Option<&str> {
    let after = decl
        .split_once("encoding")?
        .1
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = after.chars().next()?;
    after[1..].split(quote).next()
}
