//! `site.yaml`: the settings of a whole site.

use super::{Areas, Contact, Date, Period, RiskBands, Scale, StatusLabels};

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
