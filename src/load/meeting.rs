//! Committee meetings (`meetings/<slug>/index.md`) and their papers.

use super::common::read_items;
use super::fields::Fields;
use crate::diagnostics::Code;
use crate::diagnostics::{FileReporter, quote_list};
use crate::model::shapes;
use crate::model::{AgendaItem, ClockTime, Date, Meeting, Page, Paper, Response, ResponseStatus};

pub fn read_meeting(r: &mut FileReporter, f: &mut Fields) -> Meeting {
    let date = f.date(r, "date");
    if date.is_none() && f.get("date").is_none() {
        r.error(
            Code::MissingField,
            f.loc,
            "a meeting has no `date`",
            Some("add `date: YYYY-MM-DD`".into()),
        );
    }
    let mut agenda = Vec::new();
    for node in f.list("agenda") {
        let Some(mut a) = Fields::of(r, node, &shapes::AGENDA_ITEM, "an agenda item") else {
            continue;
        };
        let item = a.string(r, "item");
        let title = a.required(r, "title", "an agenda item");
        let paper = a.text(r, "paper");
        a.finish(r, "an agenda item");
        if let Some(title) = title {
            agenda.push(AgendaItem {
                item,
                title: title.value,
                paper,
            });
        }
    }
    Meeting {
        committee: f.string(r, "committee"),
        // An unreadable date was reported above; the placeholder never reaches a page.
        date: date.unwrap_or_else(|| Date::day(chrono::NaiveDate::MIN)),
        location: f.string(r, "location"),
        time: read_time(r, f),
        attendees: names(r, f, "attendees"),
        apologies: names(r, f, "apologies"),
        agenda,
        recommendations: read_items(r, f, "recommendations", "recommendation", true),
    }
}

/// `time: "10:30"`, on the 24-hour clock. Written without quotes, `10:30`
/// is read as written too.
fn read_time(r: &mut FileReporter, f: &mut Fields) -> Option<ClockTime> {
    let t = f.text(r, "time")?;
    let time = ClockTime::parse(&t.value);
    if time.is_none() {
        r.error(
            Code::BadTime,
            t.loc,
            format!("`time: {}` is not a time of day", t.value.trim()),
            Some("write the time the meeting starts as HH:MM on the 24-hour clock, in quotes: `time: \"10:30\"`, `time: \"14:00\"`".into()),
        );
    }
    time
}

/// `attendees:` and `apologies:`: a list of names (one name alone is a list of one).
fn names(r: &mut FileReporter, f: &mut Fields, key: &'static str) -> Vec<String> {
    f.texts(r, key)
        .into_iter()
        .map(|t| t.value.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

pub fn read_paper(r: &mut FileReporter, f: &mut Fields) -> Paper {
    let responses = read_responses(r, f);
    Paper {
        kind: f.string(r, "kind").unwrap_or_else(|| "paper".to_string()),
        author: f.string(r, "author"),
        date: f.date(r, "date"),
        discusses: f.references(r, "discusses"),
        resolutions: read_items(r, f, "resolutions", "resolution", false),
        responses,
    }
}

/// A plain page: it may record responses, as a paper does.
pub fn read_page(r: &mut FileReporter, f: &mut Fields) -> Page {
    Page {
        responses: read_responses(r, f),
    }
}

/// `responses:`: answers to recommendations, wherever they were made.
fn read_responses(r: &mut FileReporter, f: &mut Fields) -> Vec<Response> {
    let mut responses = Vec::new();
    for node in f.list("responses") {
        let Some(mut rf) = Fields::of(r, node, &shapes::RESPONSE, "a response") else {
            continue;
        };
        let to = rf.references(r, "to").into_iter().next();
        if to.is_none() {
            r.error(
                Code::MissingField,
                node.loc,
                "a response has no `to`",
                Some(
                    "name the recommendation it answers: `to: meetings/<meeting>#<rec-id>` or `to: inspections/<slug>#<rec-id>`".into(),
                ),
            );
        }
        let status = rf.text(r, "status").and_then(|s| {
            let parsed = ResponseStatus::parse(&s.value);
            if parsed.is_none() {
                r.error(
                    Code::UnknownStatus,
                    s.loc,
                    format!("`{}` is not a response status", s.value),
                    Some(format!(
                        "valid statuses: {}",
                        quote_list(&ResponseStatus::NAMES)
                    )),
                );
            }
            parsed
        });
        let summary = rf.string(r, "summary");
        rf.finish(r, "a response");
        if let Some(to) = to {
            responses.push(Response {
                to,
                status,
                summary,
            });
        }
    }
    responses
}

/// A meeting is known by its date: a title that does not give it ("Children's
/// Scrutiny Committee") is shown as "Children's Scrutiny Committee, 10 January
/// 2024" everywhere (page, lists, links, search). A title that gives the date
/// as the site writes it ("10 January 2024") or as written (`2024-01-10`) is
/// kept as it is.
pub fn dated_title(title: &mut String, date: Date) {
    if date.first_day() == chrono::NaiveDate::MIN {
        return;
    }
    let (long, iso) = (date.long(), date.iso());
    if title.contains(&long) || title.contains(&iso) {
        return;
    }
    let trimmed = title.trim_end().trim_end_matches(',').to_string();
    *title = if trimmed.is_empty() {
        long
    } else {
        format!("{trimmed}, {long}")
    };
}

#[cfg(test)]
mod tests {
    use super::dated_title;
    use crate::model::Date;

    fn titled(title: &str) -> String {
        let mut t = title.to_string();
        dated_title(
            &mut t,
            Date::day(chrono::NaiveDate::from_ymd_opt(2024, 1, 10).unwrap()),
        );
        t
    }

    #[test]
    fn a_meeting_title_gains_its_date_once() {
        assert_eq!(
            titled("Scrutiny Committee"),
            "Scrutiny Committee, 10 January 2024"
        );
        assert_eq!(
            titled("Scrutiny Committee, 10 January 2024"),
            "Scrutiny Committee, 10 January 2024"
        );
        assert_eq!(titled("Scrutiny 2024-01-10"), "Scrutiny 2024-01-10");
    }
}
