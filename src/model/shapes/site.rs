//! `site.yaml`: the site's settings.

use super::{Shape, Ty, field, not_empty, required};
use crate::model::MAX_SCORE;

pub const STATUS_STYLE: Shape = Shape {
    name: "status-style",
    about: "A status's label and colour.",
    parts: &[&[
        field("label", Ty::Text, "What the site calls the status."),
        not_empty("colour", Ty::Colour, "Its colour, in quotes: \"#00703c\"."),
    ]],
    exactly_one: &[],
};

pub const GRADE: Shape = Shape {
    name: "grade",
    about: "A grade of a scale, best first.",
    parts: &[&[
        required("grade", Ty::Text, "The grade, as inspectors write it."),
        required(
            "rag",
            Ty::Status,
            "The colour it shows in: green, amber or red.",
        ),
    ]],
    exactly_one: &[],
};

pub const AREA: Shape = Shape {
    name: "area",
    about: "A judgement area: a row of \"judgements over time\".",
    parts: &[&[
        required("name", Ty::Text, "The area's name."),
        field(
            "also",
            Ty::List(&Ty::Text, None),
            "Other names it is judged under.",
        ),
        field(
            "covers",
            Ty::List(&Ty::Text, None),
            "Areas whose rows show this area's grade, marked \"judged together\".",
        ),
    ]],
    exactly_one: &[],
};

pub const RISK_BAND: Shape = Shape {
    name: "risk-band",
    about: "A name for risk scores up to a number.",
    parts: &[&[
        required("name", Ty::NonBlank, "What the site calls the band."),
        required(
            "up_to",
            Ty::Whole(1, MAX_SCORE as i64),
            "The highest score (likelihood × impact) in the band; the last is 25.",
        ),
    ]],
    exactly_one: &[],
};

pub const SITE: Shape = Shape {
    name: "site",
    about: "The site's settings, content/site.yaml.",
    parts: &[&[
        required(
            "title",
            Ty::Text,
            "The site's name, at the top of every page.",
        ),
        field("organisation", Ty::Text, "The council."),
        field(
            "service",
            Ty::Text,
            "The service, e.g. Children's Services.",
        ),
        field("description", Ty::Text, "Shown on the home page."),
        field("language", Ty::Text, "The pages' language, e.g. en-GB."),
        field(
            "theme",
            Ty::Slug,
            "themes/<name> beside content/; the built-in one is `default`.",
        ),
        field(
            "base_url",
            Ty::BaseUrl,
            "For the feed and sitemap only, e.g. https://intranet.example/cyp/.",
        ),
        field(
            "today",
            Ty::Date,
            "The \"as at\" date for overdue actions (else --as-of or the clock).",
        ),
        field(
            "stale_after",
            Ty::Period,
            "When an indicator with no `frequency` has no recent value, e.g. 12 months.",
        ),
        field(
            "scales",
            Ty::Scales,
            "Extra or changed grade scales: `name: [{ grade: Good, rag: green }, …]`, best first.",
        ),
        field(
            "areas",
            Ty::Items(&AREA, None),
            "Judgement areas: `- { name: Children in care, also: [...], covers: [...] }`.",
        ),
        field(
            "statuses",
            Ty::Statuses,
            "Your words (and colours) for the five statuses: `blue: Complete`.",
        ),
        field(
            "risk_bands",
            Ty::Items(&RISK_BAND, Some(MAX_SCORE as usize)),
            "Names for risk scores, lowest first: `- { name: Low, up_to: 4 }`.",
        ),
        field(
            "accessibility_contact",
            Ty::Contact,
            "Where readers ask for an accessible format: an email or web address.",
        ),
    ]],
    exactly_one: &[],
};
