//! The front matter of each kind of Markdown document, and the items
//! (recommendations, judgements, priorities…) inside them.

use super::{Field, Shape, Ty, field, required};
use crate::model::KindName;

/// The fields every document has (an indicator too).
pub(super) const COMMON: &[Field] = &[
    required("title", Ty::Text, "The document's title: required."),
    field("summary", Ty::Text, "One line for lists and the feed."),
    field(
        "source",
        Ty::WebAddress,
        "The web address of the original, starting https://.",
    ),
    field(
        "tags",
        Ty::List(&Ty::Text, Some(super::MAX_TAGS)),
        "Words to group pages by, e.g. [front door, workforce].",
    ),
    field(
        "attachments",
        Ty::Items(&ATTACHMENT, None),
        "Files in this folder published with it: `- { file: report.pdf, title: The report }`.",
    ),
    field(
        "draft",
        Ty::Bool,
        "`true` keeps it out of the site unless built with --drafts.",
    ),
    field(
        "exempt",
        Ty::Exempt,
        "Never published: the Schedule 12A paragraph (1-7 England, 12-18 Wales), or `true`.",
    ),
];

pub const ATTACHMENT: Shape = Shape {
    name: "attachment",
    about: "A file published with the document.",
    parts: &[&[
        required(
            "file",
            Ty::NonBlank,
            "The file's name, in the document's folder: `report.pdf`.",
        ),
        required(
            "title",
            Ty::NonBlank,
            "The title a reader sees as the link.",
        ),
    ]],
    exactly_one: &[],
};

const WORDING: Field = field(
    "wording",
    Ty::Words(&["verbatim", "summary"]),
    "`summary` when the text is a paraphrase; `verbatim` (the default) when it is the source's own words.",
);

/// A recommendation, priority action or resolution.
pub const ITEM: Shape = Shape {
    name: "item",
    about: "A recommendation, priority action or resolution.",
    parts: &[&[
        required(
            "id",
            Ty::ItemId,
            "Unique in this document: letters, digits, `.`, `_`, `-`.",
        ),
        required("text", Ty::Text, "What it says."),
        WORDING,
    ]],
    exactly_one: &[],
};

/// A recommendation with those it is addressed to (a review's, a committee's).
pub const ITEM_TO: Shape = Shape {
    name: "item-to",
    about: "A recommendation, with whom it is addressed to.",
    parts: &[&[
        required(
            "id",
            Ty::ItemId,
            "Unique in this document: letters, digits, `.`, `_`, `-`.",
        ),
        required("text", Ty::Text, "What it says."),
        field(
            "to",
            Ty::List(&Ty::Text, None),
            "Whom it is addressed to: one name or a list.",
        ),
        WORDING,
    ]],
    exactly_one: &[],
};

pub const JUDGEMENT: Shape = Shape {
    name: "judgement",
    about: "A graded judgement.",
    parts: &[&[
        required(
            "area",
            Ty::Text,
            "The judgement area, e.g. Overall effectiveness.",
        ),
        required("grade", Ty::Grade, "A grade on the inspection's scale."),
        field(
            "overall",
            Ty::Bool,
            "`true` for the overall judgement (at most one).",
        ),
    ]],
    exactly_one: &[],
};

pub const PRIORITY: Shape = Shape {
    name: "priority",
    about: "A priority of the plan.",
    parts: &[&[
        required(
            "id",
            Ty::ItemId,
            "Unique in this plan; actions name it as their `priority`.",
        ),
        required("title", Ty::Text, "The priority's title."),
        field("summary", Ty::Text, "A line more."),
        field(
            "status",
            Ty::Status,
            "Optional: overrides the roll-up of its actions.",
        ),
    ]],
    exactly_one: &[],
};

pub const AGENDA_ITEM: Shape = Shape {
    name: "agenda-item",
    about: "An item of the meeting's agenda.",
    parts: &[&[
        field("item", Ty::Text, "Its number on the agenda, e.g. \"5\"."),
        required("title", Ty::Text, "Its title."),
        field(
            "paper",
            Ty::Text,
            "The slug of a paper in this meeting's folder.",
        ),
    ]],
    exactly_one: &[],
};

pub const RESPONSE: Shape = Shape {
    name: "response",
    about: "An answer to a recommendation.",
    parts: &[&[
        required(
            "to",
            Ty::Reference,
            "The recommendation it answers: `meetings/<meeting>#<id>`.",
        ),
        field(
            "status",
            Ty::Words(&crate::model::ResponseStatus::NAMES),
            "accepted, partially accepted, not accepted or noted.",
        ),
        field("summary", Ty::Text, "The response in a line."),
    ]],
    exactly_one: &[],
};

const RECOMMENDATIONS: Field = field(
    "recommendations",
    Ty::Items(&ITEM, None),
    "What needs to improve: `- { id: some-id, text: ... }`.",
);
const FOLLOWS: Field = field(
    "follows",
    Ty::List(&Ty::Reference, None),
    "The inspection, visit or review this one follows, e.g. inspections/2019-03-ilacs.",
);
const INSPECTORATE: Field = field("inspectorate", Ty::Text, "Who inspected, e.g. Ofsted.");
const DATE: Field = field(
    "date",
    Ty::Date,
    "The day: YYYY-MM-DD, or YYYY-MM for a month.",
);
const START: Field = field("start", Ty::Date, "The first day: YYYY-MM-DD, or YYYY-MM.");
const END: Field = field("end", Ty::Date, "The last day: YYYY-MM-DD, or YYYY-MM.");
const PUBLISHED: Field = field(
    "published",
    Ty::Date,
    "When the report was published: YYYY-MM-DD.",
);
const RESPONSES: Field = field(
    "responses",
    Ty::Items(&RESPONSE, None),
    "Answers to recommendations: `- { to: meetings/<meeting>#<id>, status: accepted }`.",
);

pub const HOME: Shape = Shape {
    name: "home",
    about: "The home page's introduction, content/index.md.",
    parts: &[COMMON],
    exactly_one: &[],
};

pub const LIST_INTRO: Shape = Shape {
    name: "list-intro",
    about: "The introduction of a list, e.g. content/inspections/index.md.",
    parts: &[COMMON],
    exactly_one: &[],
};

pub const PAGE: Shape = Shape {
    name: "page",
    about: "A plain page.",
    parts: &[COMMON, &[RESPONSES]],
    exactly_one: &[],
};

pub const INSPECTION: Shape = Shape {
    name: "inspection",
    about: "A graded inspection, content/inspections/<slug>.md.",
    parts: &[
        COMMON,
        &[
            required(
                "scale",
                Ty::ScaleName,
                "The grade scale: ofsted-ilacs, ofsted, cqc, hmip, send-area, or one in site.yaml.",
            ),
            required("start", Ty::Date, "The first day on site: YYYY-MM-DD."),
            END,
            PUBLISHED,
            INSPECTORATE,
            field(
                "framework",
                Ty::Text,
                "Free text shown on the page, e.g. ILACS.",
            ),
            field("lead_inspector", Ty::Text, "The lead inspector's name."),
            FOLLOWS,
            field(
                "judgements",
                Ty::Items(&JUDGEMENT, None),
                "Each grade must be on the scale; at most one is `overall: true`.",
            ),
            RECOMMENDATIONS,
        ],
    ],
    exactly_one: &[],
};

pub const VISIT: Shape = Shape {
    name: "visit",
    about: "An ungraded visit, content/visits/<slug>.md.",
    parts: &[
        COMMON,
        &[
            required(
                "kind",
                Ty::Text,
                "monitoring visit, focused visit, annual conversation, or other words.",
            ),
            INSPECTORATE,
            DATE,
            START,
            END,
            PUBLISHED,
            field("theme", Ty::Text, "What the visit looked at."),
            FOLLOWS,
            field(
                "priority_actions",
                Ty::Items(&ITEM, None),
                "Areas for priority action: `- { id: some-id, text: ... }`.",
            ),
            RECOMMENDATIONS,
        ],
    ],
    exactly_one: &["date", "start"],
};

pub const REVIEW: Shape = Shape {
    name: "review",
    about: "A review or intervention, content/reviews/<slug>.md.",
    parts: &[
        COMMON,
        &[
            required(
                "kind",
                Ty::NonBlank,
                "improvement notice, statutory direction, commissioner review, peer review, DfE review, court judgment, or other words.",
            ),
            field("by", Ty::Text, "Who issued or wrote it."),
            DATE,
            START,
            END,
            field(
                "ended",
                Ty::Date,
                "The day a notice or direction was lifted, or a term ended.",
            ),
            FOLLOWS,
            field(
                "recommendations",
                Ty::Items(&ITEM_TO, None),
                "Its recommendations, requirements or directions.",
            ),
        ],
    ],
    exactly_one: &["date", "start"],
};

pub const PLAN: Shape = Shape {
    name: "plan",
    about: "An improvement plan, content/plans/<plan>/index.md.",
    parts: &[
        COMMON,
        &[
            field("owner", Ty::Text, "Who owns the plan."),
            field("adopted", Ty::Date, "When it was adopted: YYYY-MM-DD."),
            field(
                "responds_to",
                Ty::List(&Ty::Reference, None),
                "What it responds to, e.g. [inspections/2019-03-ilacs].",
            ),
            field(
                "supersedes",
                Ty::Reference,
                "The plan this one replaces, e.g. plans/practice-improvement-2020.",
            ),
            field(
                "priorities",
                Ty::Items(&PRIORITY, None),
                "The plan's priorities: `- { id: P1, title: ... }`.",
            ),
        ],
    ],
    exactly_one: &[],
};

pub const MEETING: Shape = Shape {
    name: "meeting",
    about: "A committee meeting, content/meetings/<slug>/index.md.",
    parts: &[
        COMMON,
        &[
            required("date", Ty::Date, "The day of the meeting: YYYY-MM-DD."),
            field("committee", Ty::Text, "The committee's name."),
            field("location", Ty::Text, "Where it met."),
            field(
                "time",
                Ty::Time,
                "When it starts, on the 24-hour clock, in quotes: \"10:30\".",
            ),
            field(
                "attendees",
                Ty::List(&Ty::Text, None),
                "Who attended: a list of names.",
            ),
            field(
                "apologies",
                Ty::List(&Ty::Text, None),
                "Who sent apologies: a list of names.",
            ),
            field(
                "agenda",
                Ty::Items(&AGENDA_ITEM, None),
                "The agenda: `- { item: \"5\", title: ..., paper: report }`.",
            ),
            field(
                "recommendations",
                Ty::Items(&ITEM_TO, None),
                "What the committee asked of others: `- { id: rec-1, text: ..., to: ... }`.",
            ),
        ],
    ],
    exactly_one: &[],
};

pub const PAPER: Shape = Shape {
    name: "paper",
    about: "A paper of a meeting, content/meetings/<slug>/<paper>.md.",
    parts: &[
        COMMON,
        &[
            field(
                "kind",
                Ty::Text,
                "report, minutes, letter, appendix, or other words.",
            ),
            field("author", Ty::Text, "Who wrote it."),
            field(
                "date",
                Ty::Date,
                "Its date, when not the meeting's: YYYY-MM-DD.",
            ),
            field(
                "discusses",
                Ty::List(&Ty::Reference, None),
                "What it discusses, e.g. [plans/practice-improvement].",
            ),
            field(
                "resolutions",
                Ty::Items(&ITEM, None),
                "For minutes: `- { id: res-1, text: ... }`.",
            ),
            RESPONSES,
        ],
    ],
    exactly_one: &[],
};

/// The shape of a Markdown document's front matter, by kind; `None` for
/// the kinds written as YAML files.
pub const fn front_matter(kind: KindName) -> Option<&'static Shape> {
    match kind {
        KindName::Home => Some(&HOME),
        KindName::ListIntro => Some(&LIST_INTRO),
        KindName::Page => Some(&PAGE),
        KindName::Inspection => Some(&INSPECTION),
        KindName::Visit => Some(&VISIT),
        KindName::Review => Some(&REVIEW),
        KindName::Plan => Some(&PLAN),
        KindName::Meeting => Some(&MEETING),
        KindName::Paper => Some(&PAPER),
        KindName::Risks | KindName::Indicator => None,
    }
}
