//! Files published with a document (`attachments:`), and whom a reader asks
//! for one in an accessible format.

use super::At;

/// One entry of a document's `attachments:`.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// The file's name, in the document's own folder, as written.
    pub file: At<String>,
    pub title: At<String>,
    /// What the build learnt of the file, filled in when it is resolved:
    /// `None` until then, and for a file that is not there.
    pub facts: Option<FileFacts>,
}

/// What a copied file is: its size and, for a PDF, its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFacts {
    /// In bytes; `None` when it could not be had.
    pub bytes: Option<u64>,
    /// A PDF's number of pages, when it could be read.
    pub pages: Option<u32>,
}

/// `accessibility_contact` in `site.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    /// An email address, without `mailto:`.
    Email(String),
    /// A web address (a form), starting `https://` or `http://`.
    Web(String),
}

impl Contact {
    /// Reads an email address (`mailto:` allowed before it) or a web
    /// address; `None` for anything else.
    pub fn parse(text: &str) -> Option<Contact> {
        let t = text.trim();
        if t.is_empty() || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return None;
        }
        let lower = t.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            let host = t.split_once("://").map_or("", |(_, rest)| rest);
            return (!host.is_empty() && !t.contains(['"', '<', '>', '`']))
                .then(|| Contact::Web(t.to_string()));
        }
        let address = if lower.starts_with("mailto:") {
            &t["mailto:".len()..]
        } else {
            t
        };
        let (local, domain) = address.split_once('@')?;
        let ok_local = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=^_{|}~.".contains(c));
        let ok_domain = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && domain
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
        (ok_local && ok_domain).then(|| Contact::Email(address.to_string()))
    }

    /// Where "Request an accessible format" leads.
    pub fn href(&self) -> String {
        match self {
            Contact::Email(a) => format!("mailto:{a}"),
            Contact::Web(u) => u.clone(),
        }
    }
}

/// A time of day, written `HH:MM` on the 24-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime {
    pub hour: u8,
    pub minute: u8,
}

impl ClockTime {
    /// `10:30`, `09:05`, `18:00`; also `9:30`. `None` for anything else.
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (h, m) = text.trim().split_once(':')?;
        let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(h, 1..=2) || !digits(m, 2..=2) {
            return None;
        }
        let (hour, minute) = (h.parse().ok()?, m.parse().ok()?);
        (hour < 24 && minute < 60).then_some(ClockTime { hour, minute })
    }

    /// As GOV.UK writes times: `10:30am`, `2pm`, `midday`, `midnight`.
    pub fn long(self) -> String {
        match (self.hour, self.minute) {
            (0, 0) => "midnight".into(),
            (12, 0) => "midday".into(),
            (h, m) => {
                let suffix = if h < 12 { "am" } else { "pm" };
                let h12 = match h % 12 {
                    0 => 12,
                    h => h,
                };
                if m == 0 {
                    format!("{h12}{suffix}")
                } else {
                    format!("{h12}:{m:02}{suffix}")
                }
            }
        }
    }

    /// `10:30`, for `<time datetime>`.
    pub fn iso(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_on_the_24_hour_clock_and_shown_as_gov_uk_writes_them() {
        let t = |s| ClockTime::parse(s).map(ClockTime::long);
        assert_eq!(t("10:30").as_deref(), Some("10:30am"));
        assert_eq!(t("09:05").as_deref(), Some("9:05am"));
        assert_eq!(t("9:30").as_deref(), Some("9:30am"));
        assert_eq!(t("14:00").as_deref(), Some("2pm"));
        assert_eq!(t("12:00").as_deref(), Some("midday"));
        assert_eq!(t("00:00").as_deref(), Some("midnight"));
        assert_eq!(t("00:30").as_deref(), Some("12:30am"));
        for bad in [
            "24:00", "10:60", "10.30", "10:3", "1030", "ten", "-1:00", "10:30pm",
        ] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_contact_is_an_email_or_a_web_address() {
        assert_eq!(
            Contact::parse("democratic.services@example.gov.uk"),
            Some(Contact::Email("democratic.services@example.gov.uk".into()))
        );
        assert_eq!(
            Contact::parse("mailto:a@b.uk"),
            Some(Contact::Email("a@b.uk".into()))
        );
        assert_eq!(
            Contact::parse("https://example.gov.uk/accessible"),
            Some(Contact::Web("https://example.gov.uk/accessible".into()))
        );
        for bad in [
            "democratic services",
            "a@b",
            "@b.uk",
            "a b@c.uk",
            "javascript:alert(1)",
            "a@b.uk?subject=x",
            "https://",
        ] {
            assert_eq!(Contact::parse(bad), None, "{bad}");
        }
    }
}
