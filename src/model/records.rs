//! What each kind of document holds: an inspection's judgements, a plan's
//! priorities and actions, a meeting's agenda, the risk register, an
//! indicator's values, and the items inside them.

use super::{At, ClockTime, Date, Period, Rag, Reference, RiskReview, RiskScore};

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
    /// False when this value measures something other than the value before
    /// (a changed definition or source): no change or trend is read between
    /// the two.
    pub comparable: bool,
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
