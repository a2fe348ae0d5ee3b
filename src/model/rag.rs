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

    /// A status as written: one of the five values, or this site's label
    /// for one, in any case and spacing (`on track`, `Complete`).
    pub fn parse(&self, text: &str) -> Option<Rag> {
        Rag::parse(text).or_else(|| {
            let wanted = words(text);
            Rag::ALL
                .into_iter()
                .find(|r| words(self.label(*r)) == wanted)
        })
    }

    /// Pairs of statuses whose labels read the same (or whose label is
    /// another status's value): a status written that way would be
    /// ambiguous.
    pub fn clashes(&self) -> Vec<(Rag, Rag)> {
        let mut out = Vec::new();
        for (i, a) in Rag::ALL.iter().enumerate() {
            for b in &Rag::ALL[i + 1..] {
                let (la, lb) = (words(self.label(*a)), words(self.label(*b)));
                if la == lb || Rag::parse(&la) == Some(*b) || Rag::parse(&lb) == Some(*a) {
                    out.push((*a, *b));
                }
            }
        }
        out
    }
}

/// Lower case, with runs of spaces as one.
fn words(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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
    fn labels_are_read_as_their_values_in_any_case() {
        let mut labels = StatusLabels::default();
        assert_eq!(labels.parse("on track"), Some(Rag::Green));
        assert_eq!(labels.parse("  Complete "), Some(Rag::Blue));
        assert_eq!(labels.parse("NOT  STARTED"), Some(Rag::Grey));
        labels.set_label(Rag::Red, "Off track, escalate".into());
        assert_eq!(labels.parse("off track, escalate"), Some(Rag::Red));
        // A renamed label replaces the old one as a word for the status.
        assert_eq!(labels.parse("off track"), None);
        assert_eq!(labels.parse("purple"), None);
        assert!(labels.clashes().is_empty());
        labels.set_label(Rag::Amber, "off track, Escalate".into());
        assert_eq!(labels.clashes(), vec![(Rag::Red, Rag::Amber)]);
    }

    #[test]
    fn progress_orders_red_to_blue_and_grey_has_none() {
        assert!(Rag::Red.progress() < Rag::Amber.progress());
        assert!(Rag::Green.progress() < Rag::Blue.progress());
        assert_eq!(Rag::Grey.progress(), None);
    }
}
