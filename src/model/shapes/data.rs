//! The YAML data files: a plan's actions, the risk register, indicators.

use super::{Field, Shape, Ty, field, required};

/// The most actions one plan may have. A real plan has tens or hundreds;
/// beyond this the plan, status and timeline pages would be too long to
/// read, and the build too big to keep in memory.
pub const ACTIONS_MAX: usize = 5_000;

/// The most risks in the register. A council's register has tens; the
/// register's page lists every one, and must stay small enough to read.
pub const RISKS_MAX: usize = 1_000;

/// The most reviews one risk may have: each is a point on its chart. A
/// monthly review for forty years is fewer.
pub const REVIEWS_MAX: usize = 500;

const TAGS: Field = field(
    "tags",
    Ty::List(&Ty::Text, Some(super::MAX_TAGS)),
    "Words to group pages by, e.g. [front door, workforce].",
);

pub const UPDATE: Shape = Shape {
    name: "update",
    about: "An update of an action: the last one is its current status.",
    parts: &[&[
        required("date", Ty::Date, "The day of the update: YYYY-MM-DD."),
        required(
            "status",
            Ty::Status,
            "red, amber, green, blue, grey, or the site's word for one (on track, complete…).",
        ),
        field("note", Ty::Text, "What happened."),
    ]],
    exactly_one: &[],
};

pub const ACTION: Shape = Shape {
    name: "action",
    about: "An action of the plan.",
    parts: &[&[
        required(
            "id",
            Ty::ItemId,
            "Unique in this plan, e.g. P1.1; link to it as plans/<plan>#<id>.",
        ),
        required(
            "priority",
            Ty::ItemId,
            "A priority id from the plan's index.md.",
        ),
        required("title", Ty::Text, "What will be done."),
        field("summary", Ty::Text, "A line more."),
        field("owner", Ty::Text, "Who is accountable."),
        field(
            "due",
            Ty::Date,
            "When it is due: YYYY-MM-DD, or YYYY-MM (the month's last day).",
        ),
        field(
            "revised_due",
            Ty::Date,
            "A new due date agreed later; `due` stays on record.",
        ),
        field(
            "addresses",
            Ty::List(&Ty::Reference, None),
            "What it answers, e.g. [inspections/2023-03-ilacs#strategy-discussions].",
        ),
        field(
            "evidence",
            Ty::List(&Ty::Text, None),
            "Web addresses or ids that show it was done.",
        ),
        field(
            "continues",
            Ty::Reference,
            "In a plan that supersedes another: the old plan's action this carries forward.",
        ),
        TAGS,
        field(
            "updates",
            Ty::Items(&UPDATE, None),
            "Oldest first; the last one is the current status.",
        ),
    ]],
    exactly_one: &[],
};

const LIKELIHOOD: Field = required(
    "likelihood",
    Ty::Whole(1, 5),
    "1 (rare) to 5 (almost certain).",
);
const IMPACT: Field = required("impact", Ty::Whole(1, 5), "1 (minor) to 5 (severe).");

pub const RISK_TARGET: Shape = Shape {
    name: "risk-target",
    about: "The score the mitigation aims for.",
    parts: &[&[LIKELIHOOD, IMPACT]],
    exactly_one: &[],
};

pub const RISK_REVIEW: Shape = Shape {
    name: "risk-review",
    about: "The risk's score at a review.",
    parts: &[&[
        required("date", Ty::Date, "The day of the review: YYYY-MM-DD."),
        LIKELIHOOD,
        IMPACT,
        field("note", Ty::Text, "What changed."),
    ]],
    exactly_one: &[],
};

pub const RISK: Shape = Shape {
    name: "risk",
    about: "A risk in the register.",
    parts: &[&[
        required("id", Ty::ItemId, "Unique in the register, e.g. R1."),
        required("title", Ty::Text, "The risk."),
        LIKELIHOOD,
        IMPACT,
        field("owner", Ty::Text, "Who owns it."),
        field(
            "status",
            Ty::Status,
            "The RAG of the mitigation work: red, amber, green, blue, grey, or the site's word for one.",
        ),
        field(
            "reviewed",
            Ty::Date,
            "When it was last reviewed: YYYY-MM-DD.",
        ),
        field("mitigation", Ty::Text, "What is being done about it."),
        TAGS,
        field(
            "target",
            Ty::Object(&RISK_TARGET),
            "The score the mitigation aims for: `{ likelihood: 2, impact: 3 }`.",
        ),
        field(
            "reviews",
            Ty::Items(&RISK_REVIEW, Some(REVIEWS_MAX)),
            "Oldest first: `- { date: 2024-03-01, likelihood: 3, impact: 4 }`.",
        ),
    ]],
    exactly_one: &[],
};

pub const INDICATOR_VALUE: Shape = Shape {
    name: "indicator-value",
    about: "A value of the indicator.",
    parts: &[&[
        required("date", Ty::Date, "YYYY-MM-DD, or YYYY-MM for a month."),
        required(
            "value",
            Ty::Number,
            "The number (with `shown_as`, it places the words on the chart).",
        ),
        field(
            "shown_as",
            Ty::NonBlank,
            "Words shown for the value, e.g. \"over half\".",
        ),
        field("note", Ty::Text, "A note on the value."),
        field(
            "estimate",
            Ty::Bool,
            "`true` marks the value as an estimate.",
        ),
        field(
            "comparable",
            Ty::Bool,
            "`false` when it was measured differently from the one before.",
        ),
    ]],
    exactly_one: &[],
};

pub const INDICATOR: Shape = Shape {
    name: "indicator",
    about: "A performance indicator, content/indicators/<slug>.yaml.",
    parts: &[
        super::documents::COMMON,
        &[
            field("unit", Ty::Text, "Free text: children, %, £m…"),
            required(
                "better",
                Ty::Words(&["higher", "lower"]),
                "Which way is better: higher or lower.",
            ),
            field("target", Ty::Number, "The target value."),
            field(
                "frequency",
                Ty::Period,
                "How often it is measured: monthly, quarterly, annual, or \"N months\".",
            ),
            field(
                "values",
                Ty::Items(&INDICATOR_VALUE, None),
                "`- { date: 2021-11, value: 245 }`, in any order.",
            ),
        ],
    ],
    exactly_one: &[],
};
