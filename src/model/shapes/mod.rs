//! The shape of every mapping an officer writes: its fields, what each
//! holds, which are required, and a line about each. The loader reads
//! fields through these tables (`load::fields::Fields` takes a shape and
//! asks only for fields it declares), and `oversight schema` turns the
//! same tables into JSON Schemas for editors, so the two cannot drift: a
//! field one knows and the other does not fails the tests (see
//! `docs/architecture.md`, "Shapes").

mod data;
mod documents;
mod site;

pub use data::{
    ACTION, ACTIONS_MAX, INDICATOR, INDICATOR_VALUE, REVIEWS_MAX, RISK, RISK_REVIEW, RISK_TARGET,
    RISKS_MAX, UPDATE,
};
pub use documents::{
    AGENDA_ITEM, ATTACHMENT, HOME, INSPECTION, ITEM, ITEM_TO, JUDGEMENT, LIST_INTRO, MEETING, PAGE,
    PAPER, PLAN, PRIORITY, RESPONSE, REVIEW, VISIT, front_matter,
};
pub use site::{AREA, GRADE, RISK_BAND, SITE, STATUS_STYLE};

/// The most tags one document, action or risk may have: each tag is a
/// page of the site, so a list of a million would be a million pages.
pub const MAX_TAGS: usize = 50;

/// A mapping: its fields, in groups (the fields every document has are
/// one group, shared by every kind's front matter).
#[derive(Debug)]
pub struct Shape {
    /// Its name in the schemas and in the tests' messages.
    pub name: &'static str,
    /// One line for an editor's hover.
    pub about: &'static str,
    pub parts: &'static [&'static [Field]],
    /// Fields of which exactly one must be written (`date` or `start`).
    pub exactly_one: &'static [&'static str],
}

/// One field of a mapping.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    /// Written and not empty; the loader reports its absence.
    pub required: bool,
    /// May be written with nothing after it (`end:`), read as absent.
    pub may_be_empty: bool,
    /// One line for an editor's hover.
    pub about: &'static str,
}

/// What a field holds, as the loader reads it.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// Any single value, read as text (numbers and `true` as written).
    Text,
    /// Text with more than spaces in it.
    NonBlank,
    /// A web address starting `https://` or `http://`, with no spaces.
    WebAddress,
    /// `base_url`: starts `https://` or `http://`.
    BaseUrl,
    /// An email address (optionally `mailto:`) or a web address.
    Contact,
    /// Lower-case letters, digits and `-`.
    Slug,
    /// An item id: a letter or digit, then letters, digits, `.`, `_`, `-`.
    ItemId,
    /// A document id, `#item`, or `document#item`, with an optional `@`.
    Reference,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a month.
    Date,
    /// `monthly`, `quarterly`, `annual`, `N months`, `N years`.
    Period,
    /// `HH:MM` on the 24-hour clock.
    Time,
    /// `"#rrggbb"` or `"#rgb"`.
    Colour,
    /// One of the five statuses or the site's label for one, in any case.
    Status,
    Bool,
    Number,
    /// A whole number from `lo` to `hi`.
    Whole(i64, i64),
    /// `exempt:`: a Schedule 12A paragraph (1-7, 12-18), `true` or `false`.
    Exempt,
    /// One of these words, in any case (`-` or `_` may stand for a space).
    Words(&'static [&'static str]),
    /// The name of a grade scale: built in, or in `site.yaml`.
    ScaleName,
    /// A grade on the scale named by the mapping's `scale`.
    Grade,
    /// A list of these (one value alone is a list of one), at most `max`.
    List(&'static Ty, Option<usize>),
    /// A list of mappings of this shape, at most `max`.
    Items(&'static Shape, Option<usize>),
    /// One mapping of this shape.
    Object(&'static Shape),
    /// `scales:`: scale names, each a list of grades.
    Scales,
    /// `statuses:`: each status's label, or label and colour.
    Statuses,
}

impl Shape {
    pub fn fields(&self) -> impl Iterator<Item = &'static Field> + use<> {
        self.parts.iter().flat_map(|p| p.iter())
    }

    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields().find(|f| f.name == name)
    }
}

/// Every shape, each once: the tests check the loader asks for exactly
/// the fields of each.
pub const ALL: [&Shape; 28] = [
    &SITE,
    &STATUS_STYLE,
    &GRADE,
    &AREA,
    &RISK_BAND,
    &HOME,
    &LIST_INTRO,
    &PAGE,
    &INSPECTION,
    &VISIT,
    &REVIEW,
    &PLAN,
    &MEETING,
    &PAPER,
    &ATTACHMENT,
    &ITEM,
    &ITEM_TO,
    &JUDGEMENT,
    &PRIORITY,
    &AGENDA_ITEM,
    &RESPONSE,
    &ACTION,
    &UPDATE,
    &RISK,
    &RISK_TARGET,
    &RISK_REVIEW,
    &INDICATOR,
    &INDICATOR_VALUE,
];

/// A field, for the tables: `field("title", Ty::Text, "…")`.
const fn field(name: &'static str, ty: Ty, about: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        may_be_empty: true,
        about,
    }
}

const fn required(name: &'static str, ty: Ty, about: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        may_be_empty: false,
        about,
    }
}

/// Optional, but an error when written with nothing after it (`colour:`,
/// where a `#` left unquoted starts a comment).
const fn not_empty(name: &'static str, ty: Ty, about: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        may_be_empty: false,
        about,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_have_distinct_names_and_fields() {
        let mut names: Vec<&str> = ALL.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
        for shape in ALL {
            let mut fields: Vec<&str> = shape.fields().map(|f| f.name).collect();
            let n = fields.len();
            fields.sort_unstable();
            fields.dedup();
            assert_eq!(fields.len(), n, "{} declares a field twice", shape.name);
            for f in shape.exactly_one {
                assert!(shape.field(f).is_some(), "{}: {f}", shape.name);
            }
        }
    }
}
