//! The records of the index: every published document and the items
//! inside them, with the text each is found by.

use super::Record;
use super::words::TITLE_CHARS;
use crate::model::{Date, Document, Item, Kind, Rag};
use crate::resolve::{Site, action_url, doc_url};
use pulldown_cmark::{Event, Parser, TagEnd};

/// The records of one document: none for the home page and list
/// introductions.
pub fn records(site: &Site, doc: &Document) -> Vec<Record> {
    let mut out = Vec::new();
    if !matches!(doc.kind, Kind::Home | Kind::ListIntro) {
        document(site, doc, &mut out);
    }
    out
}

fn long(d: Option<Date>) -> String {
    d.map(|d| d.long()).unwrap_or_default()
}

fn label(site: &Site, rag: Option<Rag>) -> (String, &'static str) {
    rag.map_or((String::new(), ""), |r| {
        (site.settings.statuses.label(r).to_string(), r.name())
    })
}

/// Joins the parts that are there, one per line.
fn join<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    let mut out = String::new();
    for p in parts.into_iter().flatten() {
        out.push_str(p);
        out.push('\n');
    }
    out
}

/// The text of Markdown as a reader sees it: no markup, no raw HTML.
fn plain(markdown: &str, out: &mut String) {
    for event in Parser::new_ext(markdown, crate::model::markdown_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            // Inline markup joins the text it wraps to its neighbours.
            Event::Start(
                pulldown_cmark::Tag::Emphasis
                | pulldown_cmark::Tag::Strong
                | pulldown_cmark::Tag::Strikethrough
                | pulldown_cmark::Tag::Link { .. },
            )
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {}
            _ => out.push(' '),
        }
    }
    out.push('\n');
}

/// An item's title: its id and the start of its text.
fn item_title(id: &str, text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= TITLE_CHARS {
        return format!("{id} {text}");
    }
    let cut: String = text.chars().take(TITLE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > TITLE_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    let cut = cut.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ');
    format!("{id} {cut}…")
}

/// What a member calls an item: "2023 Ofsted inspection, improvement 3"
/// (see [`crate::resolve::Label`]).
fn item_label(site: &Site, doc: &str, item: &str) -> String {
    site.index
        .lookup(&format!("{doc}#{item}"), doc)
        .map_or_else(|_| item.to_string(), |(_, e)| e.label.full())
}

fn document(site: &Site, doc: &Document, out: &mut Vec<Record>) {
    let id = doc.id.as_str();
    let url = doc_url(id);
    let anchor = |item: &str| format!("{url}#{item}");
    let c = &doc.common;
    let mut text = join([c.summary.as_deref()]);
    plain(&doc.body, &mut text);
    let meta = c.tags.join(" ");
    let (k, date, (s, r)): (&'static str, Option<Date>, (String, &'static str)) = match &doc.kind {
        Kind::Inspection(i) => {
            text += &join([
                i.inspectorate.as_deref(),
                i.framework.as_deref(),
                i.lead_inspector.as_deref(),
            ]);
            for j in &i.judgements {
                text += &join([Some(j.area.as_str()), Some(j.grade.value.as_str())]);
            }
            ("Inspection", i.start, (String::new(), ""))
        }
        Kind::Visit(v) => {
            text += &join([
                Some(v.kind.as_str()),
                v.inspectorate.as_deref(),
                v.theme.as_deref(),
            ]);
            ("Visit", v.start, (String::new(), ""))
        }
        Kind::Plan(p) => {
            text += &join([p.owner.as_deref()]);
            let rag = site.plan(id).map(|rp| rp.status.overall.status);
            ("Plan", p.adopted, label(site, rag))
        }
        Kind::Meeting(m) => {
            text += &join([m.committee.as_deref(), m.location.as_deref()]);
            for a in &m.agenda {
                text += &join([a.item.as_deref(), Some(a.title.as_str())]);
            }
            ("Meeting", Some(m.date), (String::new(), ""))
        }
        Kind::Paper(p) => {
            text += &join([Some(p.kind.as_str()), p.author.as_deref()]);
            ("Paper", p.date, (String::new(), ""))
        }
        Kind::Indicator(i) => {
            text += &join([i.unit.as_deref()]);
            for v in &i.values {
                text += &join([v.note.as_deref(), v.shown_as.as_deref()]);
            }
            let rag = site.indicators.get(id).and_then(|s| s.status);
            ("Indicator", None, label(site, rag))
        }
        Kind::Review(rv) => {
            text += &join([Some(rv.kind.value.as_str()), rv.by.as_deref()]);
            ("Review", rv.start, (String::new(), ""))
        }
        Kind::Risks(_) | Kind::Page(_) | Kind::Home | Kind::ListIntro => {
            ("Page", None, (String::new(), ""))
        }
    };
    let d = long(date);
    out.push(Record {
        u: url.clone(),
        t: c.title.clone(),
        k,
        d: d.clone(),
        s,
        r,
        meta,
        text,
    });
    // Items take their document's date unless they have one of their own.
    let items = |out: &mut Vec<Record>, k: &'static str, list: &[Item]| {
        for it in list {
            out.push(Record {
                u: anchor(&it.id.value),
                t: item_title(
                    &format!("{}:", item_label(site, id, &it.id.value)),
                    &it.text,
                ),
                k,
                d: d.clone(),
                s: String::new(),
                r: "",
                meta: String::new(),
                text: join(
                    std::iter::once(it.text.as_str())
                        .chain(it.to.iter().map(String::as_str))
                        .map(Some),
                ),
            });
        }
    };
    for (word, it) in doc.kind.recommendations() {
        let k = match word {
            "priority action" => "Priority action",
            _ => "Recommendation",
        };
        items(out, k, std::slice::from_ref(it));
    }
    if let Kind::Paper(p) = &doc.kind {
        items(out, "Resolution", &p.resolutions);
    }
    for resp in doc.kind.responses() {
        // Only the item part of the reference, and only when it is
        // published: an exempt item's id says what it is about.
        let to = match site.index.lookup(&resp.to.value, id) {
            Ok((key, entry)) if entry.hidden.is_none() => {
                key.contains('#').then(|| entry.label.in_sentence())
            }
            _ => Some("an item not published here".to_string()),
        };
        let status = resp.status.map(|s| s.name());
        let head = match (to, status) {
            (Some(to), Some(st)) => format!("Response to {to} ({st})"),
            (Some(to), None) => format!("Response to {to}"),
            (None, Some(st)) => format!("Response ({st})"),
            (None, None) => "Response".to_string(),
        };
        let summary = resp.summary.as_deref().unwrap_or("");
        out.push(Record {
            u: url.clone(),
            t: if summary.trim().is_empty() {
                head
            } else {
                item_title(&format!("{head}:"), summary)
            },
            k: "Response",
            d: d.clone(),
            s: String::new(),
            r: "",
            meta: status.unwrap_or("").to_string(),
            text: summary.to_string(),
        });
    }
    match &doc.kind {
        Kind::Plan(_) => {
            let Some(rp) = site.resolved(doc) else {
                return;
            };
            for (pr, roll) in rp.priorities() {
                let (s, r) = label(site, Some(roll.status));
                out.push(Record {
                    u: anchor(&pr.id.value),
                    t: format!("{} {}", pr.id.value, pr.title),
                    k: "Priority",
                    d: d.clone(),
                    s,
                    r,
                    meta: String::new(),
                    text: join([pr.summary.as_deref()]),
                });
            }
            for (a, st) in rp.actions() {
                let (s, r) = label(site, Some(st.current));
                let mut text = join([
                    a.summary.as_deref(),
                    a.owner.as_deref(),
                    Some(a.priority.value.as_str()),
                ]);
                for u in &a.updates {
                    text += &join([u.note.as_deref()]);
                }
                let mut meta = a.tags.join(" ");
                if st.overdue {
                    meta.push_str(" overdue");
                }
                out.push(Record {
                    u: action_url(id, &a.id.value),
                    t: format!("{} {}", a.id.value, a.title),
                    k: "Action",
                    d: long(a.updates.last().map(|u| u.date)),
                    s,
                    r,
                    meta,
                    text,
                });
            }
        }
        Kind::Risks(risks) => {
            for risk in risks {
                // A risk's status is its mitigation's, and says so.
                let (s, r) = label(site, risk.status);
                let s = if s.is_empty() {
                    s
                } else {
                    format!("Mitigation: {s}")
                };
                out.push(Record {
                    u: anchor(&risk.id.value),
                    t: format!("{} {}", risk.id.value, risk.title),
                    k: "Risk",
                    d: long(risk.reviewed),
                    s,
                    r,
                    meta: risk.tags.join(" "),
                    text: join([risk.owner.as_deref(), risk.mitigation.as_deref()]),
                });
            }
        }
        Kind::Inspection(_)
        | Kind::Visit(_)
        | Kind::Review(_)
        | Kind::Meeting(_)
        | Kind::Paper(_)
        | Kind::Indicator(_)
        | Kind::Page(_)
        | Kind::Home
        | Kind::ListIntro => {}
    }
}
