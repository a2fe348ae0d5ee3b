//! (v2) Risk scores over time and the names of score bands.

use super::Date;

/// A likelihood and an impact, each 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskScore {
    pub likelihood: u8,
    pub impact: u8,
}

impl RiskScore {
    /// Likelihood × impact: 1 to 25.
    pub fn score(self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }
}

/// The score a risk had at one review (`reviews:` in `risks.yaml`).
#[derive(Debug, Clone)]
pub struct RiskReview {
    pub date: Date,
    pub score: RiskScore,
    pub note: Option<String>,
}

/// A name for the scores up to `up_to` (and above the band before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskBand {
    pub name: String,
    pub up_to: u8,
}

/// The highest score there is: 5 × 5.
pub const MAX_SCORE: u8 = 25;

/// `risk_bands` in `site.yaml`: ascending by `up_to`, the last reaching
/// [`MAX_SCORE`] (the load stage checks this before making one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskBands(Vec<RiskBand>);

impl Default for RiskBands {
    /// Low up to 4, Medium up to 9, High up to 16, Very high up to 25.
    fn default() -> Self {
        let band = |name: &str, up_to| RiskBand {
            name: name.into(),
            up_to,
        };
        RiskBands(vec![
            band("Low", 4),
            band("Medium", 9),
            band("High", 16),
            band("Very high", 25),
        ])
    }
}

impl RiskBands {
    /// Bands already checked to ascend and to reach [`MAX_SCORE`].
    pub fn checked(bands: Vec<RiskBand>) -> Option<Self> {
        let ascending = bands.windows(2).all(|w| w[0].up_to < w[1].up_to);
        let reaches = bands.last().is_some_and(|b| b.up_to >= MAX_SCORE);
        (ascending && reaches).then_some(RiskBands(bands))
    }

    /// Lowest first.
    pub fn all(&self) -> &[RiskBand] {
        &self.0
    }

    /// The band a score falls in, as its place in [`all`](Self::all): the
    /// first whose `up_to` reaches the score.
    pub fn place(&self, score: u8) -> usize {
        self.0
            .iter()
            .position(|b| score <= b.up_to)
            .unwrap_or(self.0.len().saturating_sub(1))
    }

    /// The name of the band a score falls in.
    pub fn name(&self, score: u8) -> &str {
        self.0
            .get(self.place(score))
            .map_or("", |b| b.name.as_str())
    }

    /// The lowest score in the band at `place`.
    pub fn from(&self, place: usize) -> u8 {
        match place.checked_sub(1).and_then(|p| self.0.get(p)) {
            Some(before) => before.up_to + 1,
            None => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_bands_name_each_score() {
        let b = RiskBands::default();
        let names: Vec<&str> = [1, 4, 5, 9, 10, 16, 17, 25]
            .iter()
            .map(|s| b.name(*s))
            .collect();
        assert_eq!(
            names,
            [
                "Low",
                "Low",
                "Medium",
                "Medium",
                "High",
                "High",
                "Very high",
                "Very high"
            ]
        );
        assert_eq!((b.from(0), b.from(1), b.from(3)), (1, 5, 17));
    }

    #[test]
    fn only_ascending_bands_reaching_25_are_taken() {
        let band = |name: &str, up_to| RiskBand {
            name: name.into(),
            up_to,
        };
        assert!(RiskBands::checked(vec![band("Low", 10), band("High", 25)]).is_some());
        assert!(RiskBands::checked(vec![band("Low", 10), band("High", 20)]).is_none());
        assert!(RiskBands::checked(vec![band("High", 25), band("Low", 10)]).is_none());
        assert!(RiskBands::checked(vec![]).is_none());
        let one = RiskBands::checked(vec![band("Any", 25)]).unwrap();
        assert_eq!((one.name(1), one.name(25), one.from(0)), ("Any", "Any", 1));
    }

    #[test]
    fn score_is_likelihood_times_impact() {
        let s = RiskScore {
            likelihood: 3,
            impact: 4,
        };
        assert_eq!(s.score(), 12);
    }
}
