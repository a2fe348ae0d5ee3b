//! The CSV files: one per list, UTF-8 with a byte-order mark and CRLF line
//! ends so Excel opens them cleanly, every field quoted where it must be.

use super::cell::{Cell, Sheet};
use super::reference;
use crate::model::{Kind, Wording};
use crate::output::Sink;
use crate::resolve::{Site, Trend};
use std::io::{self, Write};

/// How each CSV file is written.
type Writes = fn(&Site, &mut dyn Write) -> io::Result<()>;

/// Every CSV file, handed to `sink` by name (`actions.csv`) and written
/// into it a row at a time, never held whole.
pub fn csv_files(site: &Site, sink: &dyn Sink) -> io::Result<()> {
    let files: [(&str, Writes); 8] = [
        ("actions.csv", |s, w| sheet(s, actions(s, false), w)),
        ("inspections.csv", inspections),
        ("visits.csv", visits),
        ("reviews.csv", reviews),
        ("meetings.csv", meetings),
        ("recommendations.csv", |s, w| {
            sheet(s, recommendations(s), w)
        }),
        ("risks.csv", |s, w| sheet(s, risks(s, false), w)),
        ("indicators.csv", |s, w| sheet(s, indicators(s), w)),
    ];
    for (name, writes) in files {
        sink.stream(&format!("data/{name}"), &|w| writes(site, w))?;
    }
    Ok(())
}

/// A cell as Excel should read it: text that starts like a formula (`=`,
/// `+`, `-`, `@`) is kept as text, so a spreadsheet never runs it.
fn cell(text: &str) -> String {
    let looks_numeric = text.parse::<f64>().is_ok();
    if !looks_numeric && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Writes a table as CSV: the byte-order mark, the header and each row.
fn table(
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(&[0xEF, 0xBB, 0xBF])?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| cell(c)))?;
    }
    w.flush()
}

/// Writes a typed table as CSV.
fn sheet(site: &Site, sheet: Sheet, out: &mut dyn Write) -> io::Result<()> {
    let rows = sheet
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.text(site)).collect());
    table(&sheet.header, rows, out)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn date(d: Option<crate::model::Date>) -> String {
    opt(d.map(|d| d.iso()))
}

/// One row per action; with `words`, what it addresses also as the site
/// names it ("2023 Ofsted inspection, improvement 3").
pub fn actions(site: &Site, words: bool) -> Sheet {
    let mut rows = Vec::new();
    for rp in site.plans() {
        let (d, p) = (rp.doc, rp.plan);
        for (a, s) in rp.actions() {
            let last = a.updates.last();
            let priority = p
                .priorities
                .iter()
                .find(|x| x.id.value == a.priority.value)
                .map_or(a.priority.value.clone(), |x| {
                    format!("{} {}", x.id.value, x.title)
                });
            let mut row: Vec<Cell> = vec![
                d.common.title.clone().into(),
                priority.into(),
                a.id.value.clone().into(),
                a.title.clone().into(),
                opt(a.owner.as_ref()).into(),
                Cell::Date(a.due),
                Cell::Date(a.revised_due),
                Cell::Status(Some(s.current)),
                s.trend.map_or("", Trend::label).into(),
                if s.overdue { "Yes" } else { "No" }.into(),
                Cell::Date(last.map(|u| u.date)),
                opt(last.and_then(|u| u.note.as_ref())).into(),
                a.addresses
                    .iter()
                    .map(|r| reference(site, &r.value, &d.id))
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into(),
            ];
            if words {
                row.push(
                    a.addresses
                        .iter()
                        .map(|r| in_words(site, &r.value, &d.id))
                        .collect::<Vec<_>>()
                        .join("; ")
                        .into(),
                );
            }
            rows.push(row);
        }
    }
    let mut header = vec![
        "Plan",
        "Priority",
        "Ref",
        "Title",
        "Owner",
        "Due",
        "Revised due",
        "Status",
        "Trend",
        "Overdue",
        "Last update",
        "Last update note",
        "Addresses",
    ];
    if words {
        header.push("Addresses in words");
    }
    Sheet { header, rows }
}

/// A reference as the site names it, or for an unpublished target only
/// why it is not published.
fn in_words(site: &Site, reference: &str, from: &str) -> String {
    match site.index.lookup(reference, from) {
        Ok((_, entry)) if entry.hidden.is_some() => {
            format!("({})", entry.hidden.as_deref().unwrap_or("not published"))
        }
        Ok((_, entry)) => entry.label.full(),
        Err(_) => reference.trim().to_string(),
    }
}

fn inspections(site: &Site, out: &mut dyn Write) -> io::Result<()> {
    let rows = site.documents.iter().flat_map(|d| {
        let Kind::Inspection(i) = &d.kind else {
            return Vec::new();
        };
        let about = vec![
            d.id.clone(),
            d.common.title.clone(),
            opt(i.inspectorate.as_ref()),
            opt(i.framework.as_ref()),
            date(i.start),
            date(i.end),
            date(i.published),
        ];
        // A row per judgement; an inspection without any still has its row.
        let judgements: Vec<[String; 3]> = if i.judgements.is_empty() {
            vec![Default::default()]
        } else {
            i.judgements
                .iter()
                .map(|j| {
                    let overall = if j.overall { "Yes" } else { "No" };
                    [j.area.clone(), j.grade.value.clone(), overall.into()]
                })
                .collect()
        };
        judgements
            .into_iter()
            .map(|j| {
                let mut row = about.clone();
                row.extend(j);
                row
            })
            .collect()
    });
    table(
        &[
            "Id",
            "Title",
            "Inspectorate",
            "Framework",
            "Start",
            "End",
            "Published",
            "Judgement area",
            "Grade",
            "Overall",
        ],
        rows,
        out,
    )
}

fn visits(site: &Site, out: &mut dyn Write) -> io::Result<()> {
    let rows = site.documents.iter().filter_map(|d| match &d.kind {
        Kind::Visit(v) => Some(vec![
            d.id.clone(),
            d.common.title.clone(),
            v.kind.clone(),
            opt(v.inspectorate.as_ref()),
            date(v.start),
            date(v.end),
            opt(v.theme.as_ref()),
            follows(site, d),
            (v.priority_actions.len() + v.recommendations.len()).to_string(),
        ]),
        _ => None,
    });
    table(
        &[
            "Id",
            "Title",
            "Kind",
            "Inspectorate",
            "Start",
            "End",
            "Theme",
            "Follows",
            "Findings",
        ],
        rows,
        out,
    )
}

/// What a document follows, as the site names them.
fn follows(site: &Site, d: &crate::model::Document) -> String {
    d.kind
        .follows()
        .iter()
        .map(|f| reference(site, &f.value, &d.id))
        .collect::<Vec<_>>()
        .join("; ")
}

fn reviews(site: &Site, out: &mut dyn Write) -> io::Result<()> {
    let rows = site.documents.iter().filter_map(|d| match &d.kind {
        Kind::Review(r) => Some(vec![
            d.id.clone(),
            d.common.title.clone(),
            r.kind.value.clone(),
            opt(r.by.as_ref()),
            date(r.start),
            date(r.end),
            date(r.ended),
            if r.in_force(site.today) { "Yes" } else { "No" }.into(),
            follows(site, d),
            r.recommendations.len().to_string(),
        ]),
        _ => None,
    });
    table(
        &[
            "Id",
            "Title",
            "Kind",
            "By",
            "Start",
            "End",
            "Ended",
            "In force",
            "Follows",
            "Recommendations",
        ],
        rows,
        out,
    )
}

fn meetings(site: &Site, out: &mut dyn Write) -> io::Result<()> {
    let rows = site.documents.iter().filter_map(|d| match &d.kind {
        Kind::Meeting(m) => Some(vec![
            d.id.clone(),
            d.common.title.clone(),
            opt(m.committee.as_ref()),
            m.date.iso(),
            opt(m.location.as_ref()),
            m.agenda.len().to_string(),
            m.recommendations.len().to_string(),
        ]),
        _ => None,
    });
    table(
        &[
            "Id",
            "Title",
            "Committee",
            "Date",
            "Location",
            "Agenda items",
            "Recommendations",
        ],
        rows,
        out,
    )
}

/// Every recommendation and priority action, from every source, with its
/// responses and the actions that address it.
pub fn recommendations(site: &Site) -> Sheet {
    let mut rows = Vec::new();
    for d in &site.documents {
        for (word, r) in d.kind.recommendations() {
            let responses: Vec<String> = site
                .responses_to(&d.id, &r.id.value)
                .into_iter()
                .map(|(from, resp)| {
                    format!(
                        "{}: {}",
                        from.id,
                        resp.status.map_or("response", |s| s.name())
                    )
                })
                .collect();
            let actions: Vec<String> = site
                .chains
                .addressing(&d.id, Some(&r.id.value))
                .iter()
                .map(|a| format!("{}#{}", a.plan, a.action))
                .collect();
            rows.push(vec![
                d.id.clone().into(),
                Cell::Date(d.kind.date()),
                r.id.value.clone().into(),
                r.text.clone().into(),
                r.to.join("; ").into(),
                // As the recommendations page counts it: a response or an
                // action addressing it.
                if responses.is_empty() && actions.is_empty() {
                    "No"
                } else {
                    "Yes"
                }
                .into(),
                responses.join("; ").into(),
                d.kind.noun().into(),
                word.into(),
                match r.wording {
                    Wording::Verbatim => "verbatim",
                    Wording::Summary => "summary",
                }
                .into(),
                actions.join("; ").into(),
                site.index
                    .label(&d.id, Some(&r.id.value))
                    .map(|l| l.full())
                    .unwrap_or_default()
                    .into(),
            ]);
        }
    }
    Sheet {
        header: vec![
            "Source",
            "Date",
            "Ref",
            "Recommendation",
            "To",
            "Answered",
            "Responses",
            "Source kind",
            "Type",
            "Wording",
            "Actions",
            "Label",
        ],
        rows,
    }
}

/// One row per risk: (v2) likelihood, impact and score are the current
/// ones (the last review's, else the risk's own), with the band, the
/// direction since the review before, and the target. With `previous`,
/// also the score and band of the review before the last.
pub fn risks(site: &Site, previous: bool) -> Sheet {
    let rows = site
        .risks
        .iter()
        .map(|r| {
            let w = &r.risk;
            let mut row: Vec<Cell> = vec![
                w.id.value.clone().into(),
                w.title.clone().into(),
                opt(w.owner.as_ref()).into(),
                Cell::Number(Some(r.current.likelihood.into())),
                Cell::Number(Some(r.current.impact.into())),
                Cell::Number(Some(r.current.score.into())),
                r.current.band.clone().into(),
                opt(r.moved.map(|m| m.direction.label())).into(),
                Cell::Date(r.moved.map(|m| m.since)),
                Cell::Number(r.target.as_ref().map(|t| t.score.into())),
                opt(r.target.as_ref().map(|t| &t.band)).into(),
                Cell::Status(w.status),
                Cell::Date(r.last_reviewed()),
                opt(w.mitigation.as_ref()).into(),
            ];
            if previous {
                let before = r.moved.and(r.history.iter().rev().nth(1));
                row.insert(7, Cell::Number(before.map(|(_, b)| b.score.into())));
                row.insert(8, opt(before.map(|(_, b)| &b.band)).into());
            }
            row
        })
        .collect();
    let mut header = vec![
        "Ref",
        "Risk",
        "Owner",
        "Likelihood",
        "Impact",
        "Score",
        "Band",
        "Direction",
        "Since",
        "Target score",
        "Target band",
        "Mitigation status",
        "Reviewed",
        "Mitigation",
    ];
    if previous {
        header.insert(7, "Previous score");
        header.insert(8, "Previous band");
    }
    Sheet { header, rows }
}

/// One row per value of every indicator.
pub fn indicators(site: &Site) -> Sheet {
    let mut rows = Vec::new();
    for d in &site.documents {
        let Kind::Indicator(ind) = &d.kind else {
            continue;
        };
        for v in &ind.values {
            rows.push(vec![
                d.id.clone().into(),
                d.common.title.clone().into(),
                Cell::Date(Some(v.date)),
                Cell::Number(Some(v.value)),
                opt(ind.unit.as_ref()).into(),
                Cell::Number(ind.target),
                opt(v.note.as_ref()).into(),
                opt(v.shown_as.as_ref()).into(),
                if v.estimate { "Yes" } else { "No" }.into(),
            ]);
        }
    }
    Sheet {
        header: vec![
            "Id",
            "Indicator",
            "Date",
            "Value",
            "Unit",
            "Target",
            "Note",
            "Shown as",
            "Estimate",
        ],
        rows,
    }
}
