//! Colours a site may give its statuses, and the text colour that reads
//! best on each.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    r: u8,
    g: u8,
    b: u8,
}

/// The theme's text colour, and white.
const DARK: Colour = Colour {
    r: 0x0b,
    g: 0x0c,
    b: 0x0c,
};
const WHITE: Colour = Colour {
    r: 0xff,
    g: 0xff,
    b: 0xff,
};

impl Colour {
    /// `#rrggbb` or `#rgb`.
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
        match hex.len() {
            6 => Some(Colour {
                r: digit(0, 2)?,
                g: digit(2, 2)?,
                b: digit(4, 2)?,
            }),
            3 => Some(Colour {
                r: digit(0, 1)? * 17,
                g: digit(1, 1)? * 17,
                b: digit(2, 1)? * 17,
            }),
            _ => None,
        }
    }

    /// Relative luminance, as WCAG defines it.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// The WCAG contrast ratio between two colours, 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Dark or white text, whichever contrasts more, and that contrast.
    pub fn text_on(self) -> (Colour, f64) {
        let (dark, white) = (self.contrast(DARK), self.contrast(WHITE));
        if dark >= white {
            (DARK, dark)
        } else {
            (WHITE, white)
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_long_and_short_hex_only() {
        assert_eq!(
            Colour::parse("#00703C").map(|c| c.to_string()).as_deref(),
            Some("#00703c")
        );
        assert_eq!(
            Colour::parse("#fff").map(|c| c.to_string()).as_deref(),
            Some("#ffffff")
        );
        assert_eq!(Colour::parse("green"), None);
        assert_eq!(Colour::parse("#12345"), None);
        assert_eq!(Colour::parse("#ggg"), None);
    }

    /// Contrast ratios published for these pairs (WebAIM's checker, GOV.UK's
    /// palette notes), to two decimals: not read off this code's output.
    #[test]
    fn contrast_matches_the_published_ratios() {
        let ratio = |a: &str, b: &str| {
            let r = Colour::parse(a)
                .unwrap()
                .contrast(Colour::parse(b).unwrap());
            (r * 100.0).round() / 100.0
        };
        assert_eq!(ratio("#000000", "#ffffff"), 21.0);
        assert_eq!(ratio("#ffffff", "#ffffff"), 1.0);
        assert_eq!(ratio("#767676", "#ffffff"), 4.54);
        assert_eq!(ratio("#1d70b8", "#ffffff"), 5.17);
        assert_eq!(ratio("#777777", "#ffffff"), 4.48);
        // The order of the two colours does not matter.
        assert_eq!(ratio("#ffffff", "#1d70b8"), 5.17);
    }

    #[test]
    fn text_colour_is_the_one_that_reads() {
        assert_eq!(Colour::parse("#000").unwrap().contrast(WHITE).round(), 21.0);
        assert_eq!(Colour::parse("#ffdd00").unwrap().text_on().0, DARK);
        let (text, ratio) = Colour::parse("#1d70b8").unwrap().text_on();
        assert_eq!(text, WHITE);
        assert!(ratio >= 4.5, "{ratio}");
        // #777777 reaches 4.5:1 with neither white (4.48) nor the dark
        // text; the better of the two is chosen all the same.
        let (_, best) = Colour::parse("#777777").unwrap().text_on();
        assert!(best < 4.5, "{best}");
    }
}
