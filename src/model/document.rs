//! Typed documents: what the load stage makes of each content file.

use super::records::{
    Indicator, Inspection, Item, Meeting, Page, Paper, Plan, Response, Review, Risk, Visit,
};
use super::{Attachment, Date, KindName};
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
    pub body: std::sync::Arc<str>,
    /// The line of the file on which `body` starts.
    pub body_line: u32,
    /// `@` links in the body, target without the `@`.
    pub links: Vec<Reference>,
    /// Relative links and images in the body (`../images/a.png`,
    /// `other.md`), as written.
    pub relative_links: Vec<At<String>>,
    /// The ids on the page the body makes: its headings' and any in raw
    /// HTML, for `#anchor` links to be checked.
    pub anchors: std::collections::BTreeSet<String>,
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
