//! (v2) What the record says of each risk now: its current score and band,
//! which way it moved at its last review, and its target.

use crate::model::{Date, Document, Kind, Risk, RiskBands, RiskScore};
use std::sync::Arc;

/// Which way a risk's score moved from one review to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Higher,
    Lower,
    Same,
}

impl Direction {
    /// `higher`, `lower`, `same`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
            Direction::Same => "same",
        }
    }

    /// What members read, before "since <date>": "Higher", "Lower", "No change".
    pub fn label(self) -> &'static str {
        match self {
            Direction::Higher => "Higher",
            Direction::Lower => "Lower",
            Direction::Same => "No change",
        }
    }

    fn between(before: u8, now: u8) -> Self {
        match now.cmp(&before) {
            std::cmp::Ordering::Greater => Direction::Higher,
            std::cmp::Ordering::Less => Direction::Lower,
            std::cmp::Ordering::Equal => Direction::Same,
        }
    }
}

/// A likelihood and impact with its score and the band the score is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banded {
    pub likelihood: u8,
    pub impact: u8,
    /// Likelihood × impact.
    pub score: u8,
    /// The band's name in `risk_bands`.
    pub band: String,
    /// The band's place in `risk_bands`, lowest 0.
    pub level: usize,
}

impl Banded {
    pub fn new(s: RiskScore, bands: &RiskBands) -> Self {
        let score = s.score();
        Banded {
            likelihood: s.likelihood,
            impact: s.impact,
            score,
            band: bands.name(score).to_string(),
            level: bands.place(score),
        }
    }

    /// "High (12)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.band, self.score)
    }
}

/// The last move of a risk's score, and the review it moved from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    pub direction: Direction,
    /// The date of the review before the last.
    pub since: Date,
}

/// A published risk and what is derived from it.
#[derive(Debug, Clone)]
pub struct ResolvedRisk {
    pub risk: Risk,
    /// The last review's score, else the risk's own.
    pub current: Banded,
    /// The last review against the one before; none with fewer than two
    /// reviews. The risk's own `likelihood` and `impact` are not a review:
    /// they have no date to place them among the reviews.
    pub moved: Option<Moved>,
    pub target: Option<Banded>,
    /// Each review's score, oldest first.
    pub history: Vec<(Date, Banded)>,
}

/// The risks of the published register, in the order written.
pub fn resolve(documents: &[Arc<Document>], bands: &RiskBands) -> Vec<ResolvedRisk> {
    documents
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Risks(risks) => Some(risks),
            _ => None,
        })
        .flatten()
        .map(|r| risk(r, bands))
        .collect()
}

impl ResolvedRisk {
    /// The later of `reviewed` and the last review's date.
    pub fn last_reviewed(&self) -> Option<Date> {
        let last = self.risk.reviews.last().map(|v| v.date);
        match (self.risk.reviewed, last) {
            (Some(a), Some(b)) if b.first_day() > a.first_day() => Some(b),
            (a, b) => a.or(b),
        }
    }
}

pub fn risk(r: &Risk, bands: &RiskBands) -> ResolvedRisk {
    let own = RiskScore {
        likelihood: r.likelihood,
        impact: r.impact,
    };
    let history: Vec<(Date, Banded)> = r
        .reviews
        .iter()
        .map(|v| (v.date, Banded::new(v.score, bands)))
        .collect();
    let current = history
        .last()
        .map_or_else(|| Banded::new(own, bands), |(_, b)| b.clone());
    let moved = match history.as_slice() {
        [.., (since, before), (_, now)] => Some(Moved {
            direction: Direction::between(before.score, now.score),
            since: *since,
        }),
        _ => None,
    };
    ResolvedRisk {
        risk: r.clone(),
        current,
        moved,
        target: r.target.map(|t| Banded::new(t, bands)),
        history,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Loc;
    use crate::model::{At, RiskReview};

    fn risk_with(own: (u8, u8), reviews: &[(&str, u8, u8)]) -> Risk {
        Risk {
            id: At::new("R1".into(), Loc::FILE),
            title: "Workforce".into(),
            owner: None,
            likelihood: own.0,
            impact: own.1,
            status: None,
            reviewed: None,
            mitigation: None,
            tags: Vec::new(),
            target: Some(RiskScore {
                likelihood: 2,
                impact: 3,
            }),
            reviews: reviews
                .iter()
                .map(|(d, l, i)| RiskReview {
                    date: Date::parse(d).unwrap(),
                    score: RiskScore {
                        likelihood: *l,
                        impact: *i,
                    },
                    note: None,
                })
                .collect(),
        }
    }

    #[test]
    fn current_score_is_the_last_reviews_else_the_risks_own() {
        let bands = RiskBands::default();
        let own = risk(&risk_with((3, 4), &[]), &bands);
        assert_eq!((own.current.score, own.current.band.as_str()), (12, "High"));
        assert_eq!(own.current.label(), "High (12)");
        let reviewed = risk(&risk_with((3, 4), &[("2023-06-01", 5, 5)]), &bands);
        assert_eq!(reviewed.current.label(), "Very high (25)");
        assert_eq!(reviewed.target.unwrap().label(), "Medium (6)");
    }

    #[test]
    fn direction_is_the_last_review_against_the_one_before() {
        let bands = RiskBands::default();
        let dir = |reviews: &[(&str, u8, u8)]| {
            risk(&risk_with((3, 4), reviews), &bands)
                .moved
                .map(|m| (m.direction, m.since.iso()))
        };
        assert_eq!(
            dir(&[]),
            None,
            "the risk's own score alone has no direction"
        );
        assert_eq!(
            dir(&[("2024-03-01", 1, 1)]),
            None,
            "one review has none: the own score is not a review"
        );
        assert_eq!(
            dir(&[("2023-06", 4, 4), ("2024-03-01", 3, 4)]),
            Some((Direction::Lower, "2023-06".into()))
        );
        assert_eq!(
            dir(&[
                ("2023-01-01", 1, 1),
                ("2023-06-01", 2, 2),
                ("2024-03-01", 4, 4)
            ]),
            Some((Direction::Higher, "2023-06-01".into()))
        );
        assert_eq!(
            dir(&[("2023-06-01", 2, 3), ("2024-03-01", 3, 2)]),
            Some((Direction::Same, "2023-06-01".into())),
            "2 × 3 and 3 × 2 are the same score"
        );
    }

    #[test]
    fn bands_follow_the_sites_list() {
        let bands = RiskBands::checked(vec![
            crate::model::RiskBand {
                name: "Tolerable".into(),
                up_to: 12,
            },
            crate::model::RiskBand {
                name: "Intolerable".into(),
                up_to: 25,
            },
        ])
        .unwrap();
        let r = risk(&risk_with((3, 4), &[("2024-01-01", 4, 4)]), &bands);
        assert_eq!(r.current.label(), "Intolerable (16)");
        assert_eq!((r.current.level, r.target.unwrap().level), (1, 0));
    }
}
