//! Graded inspections, ungraded visits, and reviews and intervention.

use super::common::read_items;
use super::fields::Fields;
use crate::diagnostics::Code;
use crate::diagnostics::FileReporter;
use crate::model::shapes;
use crate::model::{At, Date, Inspection, Judgement, Review, Visit};

pub fn read_inspection(r: &mut FileReporter, f: &mut Fields) -> Inspection {
    let scale = f
        .required(r, "scale", "an inspection")
        .unwrap_or_else(|| At::new(String::new(), f.loc));
    let start = f.date(r, "start");
    if start.is_none() && f.get("start").is_none() {
        r.error(
            Code::MissingField,
            f.loc,
            "an inspection has no `start` date",
            Some("add `start: YYYY-MM-DD` (the first day on site)".into()),
        );
    }
    let end = f.date(r, "end");
    check_order(r, f, start, end);
    let mut judgements = Vec::new();
    let mut overall_seen: Option<u32> = None;
    for node in f.list("judgements") {
        let Some(mut j) = Fields::of(r, node, &shapes::JUDGEMENT, "a judgement") else {
            continue;
        };
        let area = j.required(r, "area", "a judgement");
        let grade = j.required(r, "grade", "a judgement");
        let overall = j.bool(r, "overall").unwrap_or(false);
        if overall {
            if let Some(line) = overall_seen {
                r.error(
                    Code::ConflictingFields,
                    node.loc,
                    "more than one judgement is marked `overall: true`",
                    Some(format!(
                        "only one judgement is the overall one; the first is on line {line}"
                    )),
                );
            } else {
                overall_seen = Some(node.loc.line);
            }
        }
        j.finish(r, "a judgement");
        if let (Some(area), Some(grade)) = (area, grade) {
            judgements.push(Judgement {
                area: area.value,
                grade,
                overall,
            });
        }
    }
    let published = f.date(r, "published");
    if let (Some(s), Some(p)) = (start, published)
        && p.last_day() < s.first_day()
    {
        // The timeline shows the report's day after the first day.
        r.error(
            Code::OutOfOrder,
            f.get("published").map_or(f.loc, |n| n.loc),
            format!(
                "`published` ({}) is before the start ({})",
                p.iso(),
                s.iso()
            ),
            Some("`published` is the day the report and its grades came out".into()),
        );
    }
    Inspection {
        inspectorate: f.string(r, "inspectorate"),
        framework: f.string(r, "framework"),
        scale,
        start,
        end,
        published,
        lead_inspector: f.string(r, "lead_inspector"),
        follows: f.references(r, "follows"),
        judgements,
        recommendations: read_items(r, f, "recommendations", "recommendation", false),
    }
}

pub fn read_visit(r: &mut FileReporter, f: &mut Fields) -> Visit {
    let kind = f
        .required(r, "kind", "a visit")
        .map(|k| k.value)
        .unwrap_or_default();
    let (start, end) = read_span(r, f, "a visit");
    Visit {
        kind,
        inspectorate: f.string(r, "inspectorate"),
        start,
        end,
        published: f.date(r, "published"),
        theme: f.string(r, "theme"),
        follows: f.references(r, "follows"),
        priority_actions: read_items(r, f, "priority_actions", "priority action", false),
        recommendations: read_items(r, f, "recommendations", "recommendation", false),
    }
}

pub fn read_review(r: &mut FileReporter, f: &mut Fields) -> Review {
    const KINDS: &str = "improvement notice, statutory direction, commissioner review, peer review, DfE review, court judgment, or other words";
    let kind = match f.text(r, "kind") {
        Some(k) if k.value.trim().is_empty() => {
            r.error(
                Code::EmptyValue,
                k.loc,
                "a review's `kind` is empty",
                Some(format!("say what it is: {KINDS}")),
            );
            k
        }
        Some(k) => k,
        None => {
            // A plain page kept in `reviews/` before version 2.
            r.error(
                Code::MissingField,
                f.loc,
                "`reviews/` holds reviews and intervention, and this file has no `kind`",
                Some(format!("if it is a review, add `kind:` ({KINDS}); if it is a plain page from before version 2, move it to another folder")),
            );
            At::new(String::new(), f.loc)
        }
    };
    let (start, end) = read_span(r, f, "a review");
    let ended = f.date(r, "ended");
    if let (Some(s), Some(e)) = (start, ended)
        && e.last_day() < s.first_day()
    {
        let loc = f.get("ended").map_or(f.loc, |n| n.loc);
        r.error(
            Code::OutOfOrder,
            loc,
            format!("`ended` ({}) is before the review's date ({})", e.iso(), s.iso()),
            Some("`ended` is the day a notice or direction was lifted, or a term ended: on or after `date`".into()),
        );
    }
    Review {
        kind,
        by: f.string(r, "by"),
        start,
        end,
        ended,
        follows: f.references(r, "follows"),
        recommendations: read_items(r, f, "recommendations", "recommendation", true),
    }
}

/// `date`, or `start` and `end`: a visit's or review's days.
fn read_span(r: &mut FileReporter, f: &mut Fields, what: &str) -> (Option<Date>, Option<Date>) {
    let date = f.date(r, "date");
    let start = f.date(r, "start");
    let end = f.date(r, "end");
    if date.is_some() && start.is_some() {
        r.error(
            Code::ConflictingFields,
            f.get("start").map_or(f.loc, |n| n.loc),
            format!("{what} has both `date` and `start`"),
            Some("use `date` for a single day, or `start` and `end`".into()),
        );
    }
    if date.is_none() && start.is_none() && f.get("date").is_none() && f.get("start").is_none() {
        r.error(
            Code::MissingField,
            f.loc,
            format!("{what} has no `date`"),
            Some("add `date: YYYY-MM-DD`, or `start` and `end`".into()),
        );
    }
    let start = date.or(start);
    check_order(r, f, start, end);
    (start, end)
}

fn check_order(r: &mut FileReporter, f: &mut Fields, start: Option<Date>, end: Option<Date>) {
    if let (Some(s), Some(e)) = (start, end)
        && e.last_day() < s.first_day()
    {
        let loc = f.get("end").map_or(f.loc, |n| n.loc);
        r.error(
            Code::OutOfOrder,
            loc,
            format!("`end` ({}) is before the start ({})", e.iso(), s.iso()),
            None,
        );
    }
}
