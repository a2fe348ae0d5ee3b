//! Typed documents: what the load stage makes of each content file.

use super::{
    Areas, Attachment, ClockTime, Contact, Date, KindName, Period, Rag, RiskBands, RiskReview,
    RiskScore, Scale, StatusLabels,
};
use crate::diagnostics::Loc;

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub loc: Loc,
}

impl<T> At<T> {
    pub fn new(value: T, loc: Loc) -> Self {
        At { value, loc }
    }
}

/// A reference as written: `inspections/2023-03-ilacs`, `plans/pip#P1.2` or `#rec-1`.
pub type Reference = At<String>;

/// `site.yaml`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub title: String,
    pub organisation: Option<String>,
    pub service: Option<String>,
    pub description: Option<String>,
    pub language: String,
    pub theme: String,
    pub base_url: Option<String>,
    pub today: Option<Date>,
    pub scales: Vec<Scale>,
    /// (v2) The rows of "judgements over time": the built-in ones and the site's.
    pub areas: Areas,
    pub statuses: StatusLabels,
    /// How old the latest value of an indicator with no `frequency` may be
    /// before it is out of date.
    pub stale_after: Period,
    /// (v2) Names for risk scores.
    pub risk_bands: RiskBands,
    /// Whom readers ask for an attachment in an accessible format.
    pub accessibility_contact: Option<Contact>,
}

/// Local Government Act 1972 Schedule 12A.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exempt {
    Paragraph(u8),
    Unspecified,
}

impl Exempt {
    /// "exempt (paragraph 3)" or "exempt".
    pub fn describe(self) -> String {
        match self {
            Exempt::Paragraph(n) => format!("exempt (paragraph {n})"),
            Exempt::Unspecified => "exempt".to_string(),
        }
    }
}

/// Fields every document may have.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub title: String,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
    /// Files published with the document, in its own folder.
    pub attachments: Vec<Attachment>,
    pub draft: bool,
    pub exempt: Option<Exempt>,
}

/// One content file (or, for a plan, its `index.md` and `actions.yaml`).
#[derive(Debug, Clone)]
pub struct Document {
    /// Path under `content/` without the extension; `index.md` takes its folder's path.
    pub id: String,
    /// The file as named in messages, e.g. `content/inspections/2023-03-ilacs.md`.
    pub file: String,
    pub common: Common,
    /// The Markdown after the front matter.
    pub body: String,
    /// The line of the file on which `body` starts.
    pub body_line: u32,
    /// `@` links in the body, target without the `@`.
    pub links: Vec<Reference>,
    /// Relative links and images in the body (`../images/a.png`,
    /// `other.md`), as written.
    pub relative_links: Vec<At<String>>,
    pub kind: Kind,
}

impl Document {
    /// The folder under `content/` that the document's file sits in, from
    /// which its relative links are read.
    pub fn source_dir(&self) -> &str {
        if self.file.ends_with("/index.md") || self.id.is_empty() {
            &self.id
        } else {
            self.id.rsplit_once('/').map_or("", |(d, _)| d)
        }
    }

    /// An attachment's path under `content/`: its name in the document's
    /// own folder. `None` for a name that leads to another folder.
    pub fn attachment_path(&self, a: &Attachment) -> Option<String> {
        let name = a.file.value.trim().trim_start_matches("./");
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            return None;
        }
        Some(match self.source_dir() {
            "" => name.to_string(),
            dir => format!("{dir}/{name}"),
        })
    }
}

/// What a document is, with what only that kind holds. Its name, noun,
/// list and template are in [`KindName::info`].
#[derive(Debug, Clone)]
pub enum Kind {
    /// `content/index.md`.
    Home,
    /// `<folder>/index.md` of a built-in list: text shown above the list.
    ListIntro,
    Page(Page),
    Inspection(Inspection),
    Visit(Visit),
    Review(Review),
    Plan(Plan),
    Meeting(Meeting),
    Paper(Paper),
    Risks(Vec<Risk>),
    Indicator(Indicator),
}

impl Kind {
    pub fn name(&self) -> KindName {
        match self {
            Kind::Home => KindName::Home,
            Kind::ListIntro => KindName::ListIntro,
            Kind::Page(_) => KindName::Page,
            Kind::Inspection(_) => KindName::Inspection,
            Kind::Visit(_) => KindName::Visit,
            Kind::Review(_) => KindName::Review,
            Kind::Plan(_) => KindName::Plan,
            Kind::Meeting(_) => KindName::Meeting,
            Kind::Paper(_) => KindName::Paper,
            Kind::Risks(_) => KindName::Risks,
            Kind::Indicator(_) => KindName::Indicator,
        }
    }

    /// The word for it in lists and messages.
    pub fn noun(&self) -> &'static str {
        self.name().noun()
    }

    /// The date it sorts by in lists and the search page: an inspection's
    /// or visit's first day, a review's date, a plan's adoption, a
    /// meeting's or paper's date.
    pub fn date(&self) -> Option<Date> {
        match self {
            Kind::Inspection(i) => i.start,
            Kind::Visit(v) => v.start,
            Kind::Review(r) => r.start,
            Kind::Plan(p) => p.adopted,
            Kind::Meeting(m) => Some(m.date),
            Kind::Paper(p) => p.date,
            Kind::Home | Kind::ListIntro | Kind::Page(_) | Kind::Risks(_) | Kind::Indicator(_) => {
                None
            }
        }
    }

    /// What it follows (`follows:`), for the kinds that can follow another.
    pub fn follows(&self) -> &[Reference] {
        match self {
            Kind::Inspection(i) => &i.follows,
            Kind::Visit(v) => &v.follows,
            Kind::Review(r) => &r.follows,
            Kind::Home
            | Kind::ListIntro
            | Kind::Page(_)
            | Kind::Plan(_)
            | Kind::Meeting(_)
            | Kind::Paper(_)
            | Kind::Risks(_)
            | Kind::Indicator(_) => &[],
        }
    }

    /// Its recommendations and priority actions: the items others address
    /// and respond to, with the word for each.
    pub fn recommendations(&self) -> Vec<(&'static str, &Item)> {
        match self {
            Kind::Inspection(i) => i
                .recommendations
                .iter()
                .map(|r| ("recommendation", r))
                .collect(),
            Kind::Visit(v) => v
                .priority_actions
                .iter()
                .map(|r| ("priority action", r))
                .chain(v.recommendations.iter().map(|r| ("recommendation", r)))
                .collect(),
            Kind::Review(r) => r
                .recommendations
                .iter()
                .map(|x| ("recommendation", x))
                .collect(),
            Kind::Meeting(m) => m
                .recommendations
                .iter()
                .map(|r| ("recommendation", r))
                .collect(),
            Kind::Home
            | Kind::ListIntro
            | Kind::Page(_)
            | Kind::Plan(_)
            | Kind::Paper(_)
            | Kind::Risks(_)
            | Kind::Indicator(_) => Vec::new(),
        }
    }

    /// The responses it records (a paper's, or a plain page's).
    pub fn responses(&self) -> &[Response] {
        match self {
            Kind::Paper(p) => &p.responses,
            Kind::Page(p) => &p.responses,
            Kind::Home
            | Kind::ListIntro
            | Kind::Inspection(_)
            | Kind::Visit(_)
            | Kind::Review(_)
            | Kind::Plan(_)
            | Kind::Meeting(_)
            | Kind::Risks(_)
            | Kind::Indicator(_) => &[],
        }
    }
}

/// Whether a recommendation's text is the source's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Wording {
    #[default]
    Verbatim,
    /// A paraphrase: shown marked "summary" wherever the text is.
    Summary,
}

/// A recommendation, priority action or resolution.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: At<String>,
    pub text: String,
    /// For recommendations: who it is addressed to.
    pub to: Vec<String>,
    pub wording: Wording,
}

/// A plain page: any Markdown file outside the built-in folders.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// A published response to recommendations ("response to the inspection").
    pub responses: Vec<Response>,
}

#[derive(Debug, Clone)]
pub struct Judgement {
    pub area: String,
    pub grade: At<String>,
    pub overall: bool,
}

#[derive(Debug, Clone)]
pub struct Inspection {
    pub inspectorate: Option<String>,
    pub framework: Option<String>,
    pub scale: At<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub published: Option<Date>,
    pub lead_inspector: Option<String>,
    /// The inspections, visits or reviews it follows.
    pub follows: Vec<Reference>,
    pub judgements: Vec<Judgement>,
    pub recommendations: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Visit {
    pub kind: String,
    pub inspectorate: Option<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub published: Option<Date>,
    pub theme: Option<String>,
    pub follows: Vec<Reference>,
    pub priority_actions: Vec<Item>,
    pub recommendations: Vec<Item>,
}

/// Intervention and external reviews: notices, directions, commissioners'
/// reports, peer reviews.
#[derive(Debug, Clone)]
pub struct Review {
    /// As written: "statutory direction", "commissioner review", ...
    pub kind: At<String>,
    pub by: Option<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The day a notice or direction was lifted, or a term ended.
    pub ended: Option<Date>,
    pub follows: Vec<Reference>,
    pub recommendations: Vec<Item>,
}

impl Review {
    /// An improvement notice or a statutory direction is in force from its
    /// date until it ends; any other review only when `ended` bounds it.
    pub fn is_intervention(&self) -> bool {
        let k = self.kind.value.to_lowercase();
        k.contains("notice") || k.contains("direction")
    }

    /// Whether it is in force on `today`.
    pub fn in_force(&self, today: Date) -> bool {
        let Some(start) = self.start else {
            return false;
        };
        let begun = start.first_day() <= today.first_day();
        match self.ended {
            Some(end) => begun && today.first_day() < end.first_day(),
            None => begun && self.is_intervention(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Priority {
    pub id: At<String>,
    pub title: String,
    pub summary: Option<String>,
    /// A manual status that overrides the roll-up.
    pub status: Option<Rag>,
}

#[derive(Debug, Clone)]
pub struct Update {
    pub date: Date,
    pub status: Rag,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub id: At<String>,
    pub priority: At<String>,
    pub title: String,
    pub summary: Option<String>,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub revised_due: Option<Date>,
    pub addresses: Vec<Reference>,
    /// Web addresses, or `@` ids of documents and items, as written.
    pub evidence: Vec<At<String>>,
    /// In a plan that supersedes another: the old plan's action this carries forward.
    pub continues: Option<Reference>,
    pub updates: Vec<Update>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub owner: Option<String>,
    pub adopted: Option<Date>,
    pub responds_to: Vec<Reference>,
    /// The plan this one replaces.
    pub supersedes: Option<Reference>,
    pub priorities: Vec<Priority>,
    pub actions: Vec<Action>,
    /// `content/plans/<plan>/actions.yaml` when the plan has one.
    pub actions_file: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AgendaItem {
    pub item: Option<String>,
    pub title: String,
    /// The slug of a paper in the meeting's folder.
    pub paper: Option<At<String>>,
}

#[derive(Debug, Clone)]
pub struct Meeting {
    pub committee: Option<String>,
    pub date: Date,
    pub location: Option<String>,
    pub time: Option<ClockTime>,
    pub attendees: Vec<String>,
    pub apologies: Vec<String>,
    pub agenda: Vec<AgendaItem>,
    pub recommendations: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResponseStatus {
    Accepted,
    PartiallyAccepted,
    NotAccepted,
    Noted,
}

impl ResponseStatus {
    pub const NAMES: [&'static str; 4] =
        ["accepted", "partially accepted", "not accepted", "noted"];

    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_ascii_lowercase().replace(['_', '-'], " ");
        match t.as_str() {
            "accepted" => Some(Self::Accepted),
            "partially accepted" => Some(Self::PartiallyAccepted),
            "not accepted" => Some(Self::NotAccepted),
            "noted" => Some(Self::Noted),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub to: Reference,
    pub status: Option<ResponseStatus>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Paper {
    pub kind: String,
    pub author: Option<String>,
    /// As written; the meeting's date applies when absent.
    pub date: Option<Date>,
    pub discusses: Vec<Reference>,
    pub resolutions: Vec<Item>,
    pub responses: Vec<Response>,
}

#[derive(Debug, Clone)]
pub struct Risk {
    pub id: At<String>,
    pub title: String,
    pub owner: Option<String>,
    pub likelihood: u8,
    pub impact: u8,
    pub status: Option<Rag>,
    pub reviewed: Option<Date>,
    pub mitigation: Option<String>,
    pub tags: Vec<String>,
    /// (v2) The score the mitigation aims for.
    pub target: Option<RiskScore>,
    /// (v2) The score at each review, oldest first.
    pub reviews: Vec<RiskReview>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

#[derive(Debug, Clone)]
pub struct IndicatorValue {
    pub date: Date,
    pub value: f64,
    pub note: Option<String>,
    /// The words shown for the value ("over half"); `value` places it on the chart.
    pub shown_as: Option<String>,
    pub estimate: bool,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub unit: Option<String>,
    pub better: Better,
    pub target: Option<f64>,
    /// How often a value is expected.
    pub frequency: Option<Period>,
    /// Oldest first.
    pub values: Vec<IndicatorValue>,
}
