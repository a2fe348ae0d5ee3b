//! The shapes as JSON Schema, draft-07: the draft the YAML extension for
//! VS Code (yaml-language-server) reads in full. Keys are written sorted,
//! so the same shapes and site always give the same bytes.

use super::patterns;
use crate::model::shapes::{Field, Shape, Ty};
use crate::model::{Scale, StatusLabels};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// What a site adds to the shapes: its status labels and grade scales.
pub struct Vocabulary<'a> {
    pub labels: &'a StatusLabels,
    pub scales: &'a [Scale],
}

/// What a schema describes at its top: one mapping, or a list of them.
pub enum Top {
    Mapping(&'static Shape),
    List(&'static Shape, usize),
}

/// A whole schema file: `title`, what the file is, and the definitions of
/// every mapping in it.
pub fn schema_file(title: &str, top: Top, v: &Vocabulary) -> Value {
    let mut defs = BTreeMap::new();
    let mut root = match top {
        Top::Mapping(shape) => {
            let mut m = object(shape, v, &mut defs);
            m.insert("description".into(), shape.about.into());
            m
        }
        Top::List(shape, max) => {
            let mut m = Map::new();
            m.insert("type".into(), json!(["array", "null"]));
            m.insert("description".into(), shape.about.into());
            m.insert("items".into(), reference(shape, v, &mut defs));
            m.insert("maxItems".into(), max.into());
            m
        }
    };
    root.insert(
        "$schema".into(),
        "http://json-schema.org/draft-07/schema#".into(),
    );
    root.insert("title".into(), title.into());
    if !defs.is_empty() {
        root.insert(
            "definitions".into(),
            Value::Object(defs.into_iter().collect()),
        );
    }
    sorted(Value::Object(root))
}

/// The schema as written to its file: pretty, with a newline at the end.
pub fn document(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

type Defs = BTreeMap<String, Value>;

/// `{"$ref": "#/definitions/<shape>"}`, defining the shape once.
fn reference(shape: &'static Shape, v: &Vocabulary, defs: &mut Defs) -> Value {
    if !defs.contains_key(shape.name) {
        // Placed first, so a shape that contains itself would not loop.
        defs.insert(shape.name.into(), Value::Null);
        let mut m = object(shape, v, defs);
        m.insert("description".into(), shape.about.into());
        defs.insert(shape.name.into(), Value::Object(m));
    }
    json!({ "$ref": format!("#/definitions/{}", shape.name) })
}

/// A mapping: its fields, those required, nothing else, and its rules.
fn object(shape: &'static Shape, v: &Vocabulary, defs: &mut Defs) -> Map<String, Value> {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in shape.fields() {
        props.insert(f.name.into(), Value::Object(property(f, v, defs)));
        if f.required {
            required.push(f.name);
        }
    }
    let mut m = Map::new();
    m.insert("type".into(), "object".into());
    m.insert("properties".into(), Value::Object(props));
    m.insert("additionalProperties".into(), false.into());
    if !required.is_empty() {
        m.insert("required".into(), json!(required));
    }
    let mut all = exactly_one(shape);
    all.extend(grade_rules(shape, v));
    if !all.is_empty() {
        m.insert("allOf".into(), Value::Array(all));
    }
    m
}

/// One field: its value, empty allowed unless required, and its line.
fn property(f: &Field, v: &Vocabulary, defs: &mut Defs) -> Map<String, Value> {
    let mut m = value(&f.ty, v, defs);
    if f.may_be_empty {
        nullable(&mut m);
    }
    m.insert("description".into(), f.about.into());
    m
}

/// Allows `field:` with nothing after it, which the loader reads as absent.
fn nullable(m: &mut Map<String, Value>) {
    if let Some(t) = m.get_mut("type") {
        match t {
            Value::Array(types) => types.push("null".into()),
            other => *other = json!([other.clone(), "null"]),
        }
    } else if let Some(Value::Array(any)) = m.get_mut("anyOf") {
        any.push(json!({ "type": "null" }));
    }
}

fn pattern(types: Value, pattern: String, message: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), types);
    m.insert("pattern".into(), pattern.into());
    m.insert("patternErrorMessage".into(), message.into());
    m
}

const TEXT: [&str; 3] = ["boolean", "number", "string"];

/// The schema of one value of type `ty`.
fn value(ty: &Ty, v: &Vocabulary, defs: &mut Defs) -> Map<String, Value> {
    let obj = |value: Value| match value {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    match *ty {
        Ty::Text | Ty::Grade => obj(json!({ "type": TEXT })),
        Ty::NonBlank => pattern(json!(TEXT), r"\S".into(), "write something here"),
        Ty::WebAddress => pattern(
            "string".into(),
            patterns::web_address(),
            "write the full address, starting https:// (or http://), with no spaces",
        ),
        Ty::BaseUrl => pattern(
            "string".into(),
            patterns::BASE_URL.into(),
            "write the full address, e.g. https://intranet.example/cyp/",
        ),
        Ty::Contact => pattern(
            "string".into(),
            patterns::contact(),
            "write an email address, or a web address starting https://",
        ),
        Ty::Slug => pattern(
            "string".into(),
            patterns::SLUG.into(),
            "lower-case letters, digits and -",
        ),
        Ty::ItemId => {
            let mut m = pattern(
                json!(["number", "string"]),
                patterns::ITEM_ID.into(),
                "an id starts with a letter or digit and has only letters, digits, ., _ and -",
            );
            m.insert("minimum".into(), 0.into());
            m
        }
        Ty::Reference => pattern(
            "string".into(),
            patterns::reference(),
            "a document's id (its path under content/ without .md), with #<item id> for an item: inspections/2023-03-ilacs#rec-1",
        ),
        Ty::Date => pattern(
            "string".into(),
            patterns::DATE.into(),
            "a date that exists, as YYYY-MM-DD (e.g. 2023-03-13), or YYYY-MM for a month",
        ),
        Ty::Period => pattern(
            "string".into(),
            patterns::period(),
            "monthly, quarterly, annual, or a number of months or years such as 6 months",
        ),
        Ty::Time => pattern(
            "string".into(),
            patterns::TIME.into(),
            "HH:MM on the 24-hour clock, in quotes: \"10:30\"",
        ),
        Ty::Colour => pattern(
            "string".into(),
            patterns::COLOUR.into(),
            "a colour as \"#rrggbb\", in quotes: \"#00703c\"",
        ),
        Ty::Status => {
            let mut m = pattern(
                "string".into(),
                patterns::status(v.labels),
                &status_help(v.labels),
            );
            m.insert("examples".into(), json!(crate::model::Rag::NAMES));
            m
        }
        Ty::Bool => obj(json!({ "type": "boolean" })),
        Ty::Number => obj(json!({ "type": "number" })),
        Ty::Whole(lo, hi) => obj(json!({ "type": "integer", "minimum": lo, "maximum": hi })),
        Ty::Exempt => obj(json!({
            "anyOf": [
                { "type": "boolean" },
                { "enum": [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18] },
                { "type": "string", "pattern": patterns::exempt_text() }
            ]
        })),
        Ty::Words(words) => {
            let mut m = pattern(
                "string".into(),
                patterns::words(words),
                &format!("one of: {}", words.join(", ")),
            );
            m.insert("examples".into(), json!(words));
            m
        }
        Ty::ScaleName => {
            let names: Vec<&str> = v.scales.iter().map(|s| s.name.as_str()).collect();
            obj(json!({ "type": "string", "enum": names }))
        }
        Ty::List(item, max) => {
            let mut m = value(item, v, defs);
            let one = Value::Object(m.clone());
            if let Some(Value::Array(types)) = m.get_mut("type") {
                types.push("array".into());
            } else if let Some(t) = m.get("type").cloned() {
                m.insert("type".into(), json!([t, "array"]));
            }
            m.insert("items".into(), one);
            if let Some(max) = max {
                m.insert("maxItems".into(), max.into());
            }
            m
        }
        Ty::Items(shape, max) => {
            // A list, or one mapping alone: a list of one.
            let r = reference(shape, v, defs);
            let mut m = obj(json!({
                "type": ["array", "object"],
                "items": r,
                "if": { "type": "object" },
                "then": r,
            }));
            if let Some(max) = max {
                m.insert("maxItems".into(), max.into());
            }
            m
        }
        Ty::Object(shape) => {
            let r = reference(shape, v, defs);
            obj(json!({ "type": "object", "if": { "type": "object" }, "then": r }))
        }
        Ty::Scales => {
            let grade = reference(&crate::model::shapes::GRADE, v, defs);
            obj(json!({
                "type": "object",
                "propertyNames": { "pattern": patterns::SLUG },
                "additionalProperties": { "type": "array", "minItems": 1, "items": grade }
            }))
        }
        Ty::Statuses => {
            let style = reference(&crate::model::shapes::STATUS_STYLE, v, defs);
            let names: Vec<String> = crate::model::Rag::NAMES
                .iter()
                .map(|n| patterns::any_case(n))
                .chain([patterns::any_case("gray")])
                .collect();
            obj(json!({
                "type": "object",
                "propertyNames": { "pattern": format!(r"^\s*(?:{})\s*$", names.join("|")) },
                "additionalProperties": {
                    "type": ["boolean", "number", "string", "object", "null"],
                    "if": { "type": "object" },
                    "then": style
                }
            }))
        }
    }
}

fn status_help(labels: &StatusLabels) -> String {
    let words: Vec<String> = crate::model::Rag::ALL
        .iter()
        .map(|r| format!("{} ({})", r.name(), labels.label(*r)))
        .collect();
    format!("a status or its label, in any case: {}", words.join(", "))
}

/// `date` or `start`, not both: the second is marked where it is written;
/// neither, the mapping is.
fn exactly_one(shape: &Shape) -> Vec<Value> {
    let fields = shape.exactly_one;
    if fields.is_empty() {
        return Vec::new();
    }
    let written =
        |f: &str| json!({ "required": [f], "properties": { f: { "not": { "type": "null" } } } });
    let mut rules = vec![json!({ "anyOf": fields.iter().map(|f| written(f)).collect::<Vec<_>>() })];
    for (i, first) in fields.iter().enumerate() {
        for other in &fields[i + 1..] {
            rules.push(json!({
                "if": written(first),
                "then": { "properties": { *other: {
                    "type": "null",
                    "errorMessage": format!("write `{first}` for a single day, or `{other}` and `end`, not both")
                } } }
            }));
        }
    }
    rules
}

/// In a mapping with a `scale`, each grade must be on that scale.
fn grade_rules(shape: &Shape, v: &Vocabulary) -> Vec<Value> {
    let Some(scale) = shape.fields().find(|f| matches!(f.ty, Ty::ScaleName)) else {
        return Vec::new();
    };
    let mut rules = Vec::new();
    for list in shape.fields() {
        let Ty::Items(item, _) = list.ty else {
            continue;
        };
        let Some(grade) = item.fields().find(|f| matches!(f.ty, Ty::Grade)) else {
            continue;
        };
        for s in v.scales {
            let names: Vec<&str> = s.grade_names();
            rules.push(json!({
                "if": { "required": [scale.name], "properties": { scale.name: { "const": s.name } } },
                "then": { "properties": { list.name: { "items": { "properties": { grade.name: {
                    "pattern": patterns::grades(names.iter().copied()),
                    "patternErrorMessage": format!("a grade on the {} scale: {}", s.name, names.join("; "))
                } } } } } }
            }));
        }
    }
    rules
}

/// The same value with every mapping's keys in order.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(m) => {
            let ordered: BTreeMap<String, Value> =
                m.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            Value::Object(ordered.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}
