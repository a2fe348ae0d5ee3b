//! Fields every document may have, and the items (recommendations,
//! priority actions, resolutions) several kinds share.

use super::fields::{Fields, scalar_text};
use super::yaml::{Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::FileReporter;
use crate::model::shapes;
use crate::model::{At, Common, Exempt, Item, Wording};

/// `title`, `summary`, `source`, `tags`, `attachments`, `draft`, `exempt`.
pub fn read_common(
    r: &mut FileReporter,
    f: &mut Fields,
    what: &str,
    title_required: bool,
) -> Common {
    let title = if title_required {
        f.required(r, "title", what)
    } else {
        f.text(r, "title")
    };
    Common {
        title: title
            .map(|t| t.value.trim().to_string())
            .unwrap_or_default(),
        summary: f.string(r, "summary"),
        source: read_source(r, f),
        tags: f.tags(r),
        attachments: super::attachments::read_attachments(r, f),
        draft: read_draft(r, f),
        exempt: read_exempt(r, f),
    }
}

/// `source`: the address of the original. Only a web address is linked: a
/// `javascript:` or `data:` address in a member's browser would run or show
/// whatever it holds.
fn read_source(r: &mut FileReporter, f: &mut Fields) -> Option<String> {
    let t = f.text(r, "source")?;
    let address = t.value.trim();
    let lower = address.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !address.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Some(address.to_string());
    }
    r.error(
        Code::BadAddress,
        t.loc,
        format!("`source: {address}` is not a web address"),
        Some("write the full address of the original, starting https:// (or http://), with no spaces".into()),
    );
    None
}

/// `draft: true`. Anything but `true` or `false` is an error, and the
/// document is held back meanwhile: a typo must never publish a draft.
fn read_draft(r: &mut FileReporter, f: &mut Fields) -> bool {
    let written = f.get("draft").is_some();
    match f.bool(r, "draft") {
        Some(draft) => draft,
        None => written,
    }
}

/// Schedule 12A paragraph: 1 to 7 (England), 12 to 18 (Wales), or `true`.
fn read_exempt(r: &mut FileReporter, f: &mut Fields) -> Option<Exempt> {
    let node = f.get("exempt")?;
    let help = || {
        Some(
            "write the Schedule 12A paragraph: 1 to 7 (England) or 12 to 18 (Wales), or `true`"
                .to_string(),
        )
    };
    match node.value {
        Value::Bool(true) => Some(Exempt::Unspecified),
        Value::Bool(false) => None,
        Value::Int(n) if paragraph(n) => Some(Exempt::Paragraph(n as u8)),
        Value::Str(ref t) if t.trim().parse::<i64>().is_ok_and(paragraph) => {
            t.trim().parse::<u8>().ok().map(Exempt::Paragraph)
        }
        Value::Str(ref t) if t.trim().eq_ignore_ascii_case("true") => Some(Exempt::Unspecified),
        _ => {
            let shown = node.raw.clone().unwrap_or_else(|| match &node.value {
                Value::Str(s) => s.clone(),
                _ => node.type_name().to_string(),
            });
            r.error(
                Code::BadExempt,
                node.loc,
                format!("`exempt: {shown}` is not a Schedule 12A paragraph"),
                help(),
            );
            // Fail safe: an officer who meant to exempt a paper must never publish it by a typo.
            Some(Exempt::Unspecified)
        }
    }
}

/// Schedule 12A paragraphs: 1 to 7 in England, 12 to 18 in Wales.
fn paragraph(n: i64) -> bool {
    (1..=7).contains(&n) || (12..=18).contains(&n)
}

/// Item ids match `[A-Za-z0-9][A-Za-z0-9._-]*`.
pub fn valid_item_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

pub fn read_item_id(r: &mut FileReporter, f: &mut Fields, what: &str) -> Option<At<String>> {
    let id = f.required(r, "id", what)?;
    if !valid_item_id(&id.value) {
        r.error(
            Code::BadName,
            id.loc,
            format!("`{}` is not a valid id", id.value),
            Some("an id starts with a letter or digit and has only letters, digits, `.`, `_` and `-`".into()),
        );
        return None;
    }
    Some(id)
}

/// A list of `{ id, text }` items (with `to:` for committee recommendations).
pub fn read_items(
    r: &mut FileReporter,
    f: &mut Fields,
    key: &'static str,
    what: &str,
    with_to: bool,
) -> Vec<Item> {
    let mut out = Vec::new();
    for node in f.list(key) {
        if let Some(item) = read_item(r, node, what, with_to) {
            out.push(item);
        }
    }
    out
}

fn read_item(r: &mut FileReporter, node: &Node, what: &str, with_to: bool) -> Option<Item> {
    if let Value::Str(_) = node.value {
        let text = scalar_text(r, node, what)?;
        r.error(
            Code::MissingField,
            node.loc,
            format!("each {what} needs an `id` and a `text`"),
            Some(format!(
                "write `- id: some-id` then `  text: {}`",
                text.value
            )),
        );
        return None;
    }
    let shape = if with_to {
        &shapes::ITEM_TO
    } else {
        &shapes::ITEM
    };
    let mut f = Fields::of(r, node, shape, what)?;
    let id = read_item_id(r, &mut f, what);
    let text = f.required(r, "text", what);
    let to = if with_to {
        f.texts(r, "to")
            .into_iter()
            .map(|t| t.value.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    let wording = read_wording(r, &mut f);
    f.finish(r, &format!("a {what}"));
    Some(Item {
        id: id?,
        text: text?.value,
        to,
        wording,
    })
}

/// `wording: verbatim | summary`: whether the text is the source's words.
fn read_wording(r: &mut FileReporter, f: &mut Fields) -> Wording {
    let Some(t) = f.text(r, "wording") else {
        return Wording::Verbatim;
    };
    match t.value.trim().to_ascii_lowercase().as_str() {
        "verbatim" => Wording::Verbatim,
        "summary" => Wording::Summary,
        _ => {
            r.error(
                Code::UnknownChoice,
                t.loc,
                format!("`wording: {}` is not a kind of wording", t.value.trim()),
                Some("write `wording: summary` for a paraphrase, or leave it out when the text is the source's own words (`verbatim`)".into()),
            );
            Wording::Verbatim
        }
    }
}
