//! Typed documents: what the load stage makes of each content file.

use super::{Attachment, ClockTime, Contact, Date, Rag, Scale, StatusLabels};
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
    pub statuses: StatusLabels,
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

#[derive(Debug, Clone)]
pub enum Kind {
    /// `content/index.md`.
    Home,
    /// `<folder>/index.md` of a built-in list: text shown above the list.
    ListIntro,
    Page,
    Inspection(Inspection),
    Visit(Visit),
    Plan(Plan),
    Meeting(Meeting),
    Paper(Paper),
    Risks(Vec<Risk>),
    Indicator(Indicator),
}

impl Kind {
    /// The word for it in lists and messages.
    pub fn noun(&self) -> &'static str {
        match self {
            Kind::Home => "home page",
            Kind::ListIntro => "list introduction",
            Kind::Page => "page",
            Kind::Inspection(_) => "inspection",
            Kind::Visit(_) => "visit",
            Kind::Plan(_) => "plan",
            Kind::Meeting(_) => "meeting",
            Kind::Paper(_) => "paper",
            Kind::Risks(_) => "risk register",
            Kind::Indicator(_) => "indicator",
        }
    }
}

/// A recommendation, priority action or resolution.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: At<String>,
    pub text: String,
    /// For committee recommendations: who it is addressed to.
    pub to: Option<String>,
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
    pub follows: Option<Reference>,
    pub priority_actions: Vec<Item>,
    pub recommendations: Vec<Item>,
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
    pub updates: Vec<Update>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub owner: Option<String>,
    pub adopted: Option<Date>,
    pub responds_to: Vec<Reference>,
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
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub unit: Option<String>,
    pub better: Better,
    pub target: Option<f64>,
    /// Oldest first.
    pub values: Vec<IndicatorValue>,
}
