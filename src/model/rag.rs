//! The five RAG values and their labels.

use super::Colour;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    Red,
    Amber,
    Green,
    Blue,
    Grey,
}

impl Rag {
    pub const ALL: [Rag; 5] = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue, Rag::Grey];
    pub const NAMES: [&'static str; 5] = ["red", "amber", "green", "blue", "grey"];

    /// Case-insensitive; `gray` is taken as `grey`.
    pub fn parse(text: &str) -> Option<Rag> {
        match text.trim().to_ascii_lowercase().as_str() {
            "red" => Some(Rag::Red),
            "amber" => Some(Rag::Amber),
            "green" => Some(Rag::Green),
            "blue" => Some(Rag::Blue),
            "grey" | "gray" => Some(Rag::Grey),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        Rag::NAMES[self as usize]
    }

    /// Progress rank for trends: red < amber < green < blue. Grey has none.
    pub fn progress(self) -> Option<u8> {
        match self {
            Rag::Red => Some(0),
            Rag::Amber => Some(1),
            Rag::Green => Some(2),
            Rag::Blue => Some(3),
            Rag::Grey => None,
        }
    }

    pub fn default_label(self) -> &'static str {
        match self {
            Rag::Red => "Off track",
            Rag::Amber => "At risk",
            Rag::Green => "On track",
            Rag::Blue => "Complete",
            Rag::Grey => "Not started",
        }
    }
}

/// What each status is called on this site, and any colour the site gives
/// it (`statuses:` in `site.yaml`).
#[derive(Debug, Clone, Default)]
pub struct StatusLabels {
    labels: BTreeMap<&'static str, String>,
    colours: BTreeMap<&'static str, Colour>,
}

impl StatusLabels {
    pub fn label(&self, rag: Rag) -> &str {
        self.labels
            .get(rag.name())
            .map_or(rag.default_label(), |s| s)
    }

    pub fn set_label(&mut self, rag: Rag, label: String) {
        self.labels.insert(rag.name(), label);
    }

    /// The site's colour for `rag`; `None` keeps the theme's.
    pub fn colour(&self, rag: Rag) -> Option<Colour> {
        self.colours.get(rag.name()).copied()
    }

    pub fn set_colour(&mut self, rag: Rag, colour: Colour) {
        self.colours.insert(rag.name(), colour);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_is_case_insensitive() {
        assert_eq!(Rag::parse("RED"), Some(Rag::Red));
        assert_eq!(Rag::parse(" Amber "), Some(Rag::Amber));
        assert_eq!(Rag::parse("gray"), Some(Rag::Grey));
        assert_eq!(Rag::parse("purple"), None);
    }

    #[test]
    fn progress_orders_red_to_blue_and_grey_has_none() {
        assert!(Rag::Red.progress() < Rag::Amber.progress());
        assert!(Rag::Green.progress() < Rag::Blue.progress());
        assert_eq!(Rag::Grey.progress(), None);
    }
}
