//! A table's cells as typed values, so the CSV files and the workbook are
//! made from the same rows: the CSV writes each as text, the workbook as a
//! real date, number or coloured status.

use crate::model::{Date, Rag};
use crate::resolve::Site;

pub enum Cell {
    Text(String),
    /// A date; month-only dates stay month-only.
    Date(Option<Date>),
    Status(Option<Rag>),
    /// A number; written as the site writes numbers (to two places).
    Number(Option<f64>),
}

impl Cell {
    /// The cell as the CSV writes it.
    pub fn text(&self, site: &Site) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.map(crate::model::number).unwrap_or_default(),
            Cell::Date(d) => d.map(|d| d.iso()).unwrap_or_default(),
            Cell::Status(r) => r
                .map(|r| site.settings.statuses.label(r).to_string())
                .unwrap_or_default(),
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

/// A table: its column headings and rows.
pub struct Sheet {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}
