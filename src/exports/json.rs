//! `data/site.json`: every published document and item with its derived
//! status, for other tools. Its shape is described by
//! `docs/site.schema.json`.

use super::reference;
use crate::model::{Better, Date, Document, Item, Kind, Rag, Response, Wording};
use crate::resolve::{Banded, Progress, Site, action_url, doc_url};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};
use std::io::Write;

fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| json!(d.iso()))
}

fn status(site: &Site, rag: Rag) -> Value {
    crate::obj!({ "rag": rag.name(), "label": site.settings.statuses.label(rag) })
}

fn refs(site: &Site, list: &[crate::model::Reference], from: &str) -> Value {
    json!(
        list.iter()
            .map(|r| reference(site, &r.value, from))
            .collect::<Vec<_>>()
    )
}

fn items(site: &Site, doc: &str, list: &[Item]) -> Value {
    json!(
        list.iter()
            .map(|i| crate::obj!({
                "id": &i.id.value,
                "text": &i.text,
                "to": &i.to,
                "wording": match i.wording { Wording::Verbatim => "verbatim", Wording::Summary => "summary" },
                "addressed_by": site.chains.addressing(doc, Some(&i.id.value)).iter()
                    .map(|a| format!("{}#{}", a.plan, a.action)).collect::<Vec<_>>(),
                "responses": site.responses_to(doc, &i.id.value).into_iter().map(|(from, resp)| {
                    crate::obj!({ "paper": &from.id, "status": resp.status.map(|s| s.name()), "summary": &resp.summary })
                }).collect::<Vec<_>>(),
            }))
            .collect::<Vec<_>>()
    )
}

fn responses(site: &Site, list: &[Response], id: &str) -> Vec<Value> {
    list.iter()
        .map(|r| {
            crate::obj!({
                "to": reference(site, &r.to.value, id),
                "status": r.status.map(|s| s.name()), "summary": &r.summary,
            })
        })
        .collect()
}

/// Writes `site.json` to `w` a document at a time: each document's data
/// is made, written and dropped before the next, so the file is never
/// held whole. The bytes are those of the whole object written at once
/// (keys in order, two-space indents).
pub fn write_site_json(site: &Site, w: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &SiteJson(site))?;
    w.write_all(b"\n")
}

/// The whole file: `documents`, `site` and `statuses`, in that order.
struct SiteJson<'a>(&'a Site);

impl Serialize for SiteJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let site = self.0;
        let s = &site.settings;
        let statuses: serde_json::Map<String, Value> = Rag::ALL
            .iter()
            .map(|r| (r.name().to_string(), json!(s.statuses.label(*r))))
            .collect();
        let about = crate::obj!({
            "title": &s.title, "organisation": &s.organisation, "service": &s.service,
            "description": &s.description, "language": &s.language, "base_url": &s.base_url,
            "today": site.today.iso(),
        });
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("documents", &Documents(site))?;
        map.serialize_entry("site", &about)?;
        map.serialize_entry("statuses", &statuses)?;
        map.end()
    }
}

/// Every published document, each made only as it is written.
struct Documents<'a>(&'a Site);

impl Serialize for Documents<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let site = self.0;
        serializer.collect_seq(
            site.documents
                .iter()
                .filter(|d| !matches!(d.kind, Kind::Home | Kind::ListIntro))
                .map(|d| document(site, d)),
        )
    }
}

fn document(site: &Site, d: &Document) -> Value {
    let id = d.id.as_str();
    let mut v = crate::obj!({
        "id": id,
        "kind": d.kind.noun(),
        "title": &d.common.title,
        "summary": &d.common.summary,
        "source": &d.common.source,
        "tags": &d.common.tags,
        "url": doc_url(id),
    });
    let extra = match &d.kind {
        Kind::Inspection(i) => crate::obj!({
            "inspectorate": &i.inspectorate, "framework": &i.framework, "scale": &i.scale.value,
            "start": date(i.start), "end": date(i.end), "published": date(i.published),
            "lead_inspector": &i.lead_inspector,
            "judgements": i.judgements.iter().map(|j| {
                let grade = s_grade(site, &i.scale.value, &j.grade.value);
                crate::obj!({ "area": &j.area, "grade": grade.0, "rag": grade.1, "overall": j.overall })
            }).collect::<Vec<_>>(),
            "recommendations": items(site, id, &i.recommendations),
        }),
        Kind::Visit(v) => crate::obj!({
            "visit_kind": &v.kind, "inspectorate": &v.inspectorate, "theme": &v.theme,
            "start": date(v.start), "end": date(v.end), "published": date(v.published),
            "priority_actions": items(site, id, &v.priority_actions),
            "recommendations": items(site, id, &v.recommendations),
        }),
        Kind::Review(r) => crate::obj!({
            "review_kind": &r.kind.value, "by": &r.by,
            "start": date(r.start), "end": date(r.end), "ended": date(r.ended),
            "in_force": r.in_force(site.today),
            "recommendations": items(site, id, &r.recommendations),
        }),
        Kind::Plan(p) => plan(site, d, p),
        Kind::Meeting(m) => crate::obj!({
            "committee": &m.committee, "date": m.date.iso(), "location": &m.location,
            "agenda": m.agenda.iter().map(|a| crate::obj!({
                "item": &a.item, "title": &a.title,
                "paper": a.paper.as_ref().map(|p| reference(site, &format!("{id}/{}", p.value.trim()), id)),
            })).collect::<Vec<_>>(),
            "recommendations": items(site, id, &m.recommendations),
        }),
        Kind::Paper(p) => crate::obj!({
            "paper_kind": &p.kind, "author": &p.author, "date": date(p.date),
            "meeting": id.rsplit_once('/').map(|(m, _)| m),
            "discusses": refs(site, &p.discusses, id),
            "resolutions": items(site, id, &p.resolutions),
            "responses": responses(site, &p.responses, id),
        }),
        Kind::Risks(_) => crate::obj!({ "risks": risks(site) }),
        Kind::Indicator(ind) => {
            let st = site.indicators.get(id);
            crate::obj!({
                "unit": &ind.unit,
                "better": match ind.better { Better::Higher => "higher", Better::Lower => "lower" },
                "target": ind.target,
                "frequency_months": ind.frequency.map(|f| f.in_months()),
                "values": ind.values.iter().map(|x| crate::obj!({
                    "date": x.date.iso(), "value": x.value, "note": &x.note,
                    "shown_as": &x.shown_as, "estimate": x.estimate, "comparable": x.comparable,
                })).collect::<Vec<_>>(),
                "out_of_date": st.is_some_and(|s| s.stale),
                "change": st.and_then(|s| s.change),
                "comparable": st.is_none_or(|s| s.comparable),
                "trend": st.and_then(|s| s.trend).map(|t| t.label()),
                "target_met": st.and_then(|s| s.met),
                "status": st.and_then(|s| s.status).map(|r| status(site, r)),
            })
        }
        Kind::Page(p) => crate::obj!({ "responses": responses(site, &p.responses, id) }),
        Kind::Home | Kind::ListIntro => crate::obj!({}),
    };
    let attachments: Vec<Value> = d
        .common
        .attachments
        .iter()
        .filter_map(|a| {
            let path = d.attachment_path(a)?;
            let facts = a.facts?;
            // A file that is not copied is named by why, never by its path.
            let withheld = site.index.withheld_file(&path);
            Some(crate::obj!({
                "title": &a.title.value,
                "file": withheld.is_none().then_some(&path),
                "withheld": withheld,
                "bytes": facts.bytes, "pages": facts.pages,
            }))
        })
        .collect();
    if !attachments.is_empty()
        && let Value::Object(base) = &mut v
    {
        base.insert("attachments".into(), Value::Array(attachments));
    }
    let follows = d.kind.follows();
    if !follows.is_empty()
        && let Value::Object(base) = &mut v
    {
        base.insert("follows".into(), refs(site, follows, id));
    }
    if let (Value::Object(base), Value::Object(more)) = (&mut v, extra) {
        base.extend(more);
    }
    v
}

/// The register's risks: each as written, with (v2) its current score and
/// band, which way it moved at its last review, its target and its reviews.
fn risks(site: &Site) -> Vec<Value> {
    let banded = |b: &Banded| crate::obj!({ "likelihood": b.likelihood, "impact": b.impact, "score": b.score, "band": &b.band });
    site.risks
        .iter()
        .map(|r| {
            let w = &r.risk;
            crate::obj!({
                "id": &w.id.value, "title": &w.title, "owner": &w.owner,
                "likelihood": w.likelihood, "impact": w.impact,
                "score": u32::from(w.likelihood) * u32::from(w.impact),
                "status": w.status.map(|s| status(site, s)),
                "reviewed": date(w.reviewed), "mitigation": &w.mitigation, "tags": &w.tags,
                "current": banded(&r.current),
                "direction": r.moved.map(|m| m.direction.name()),
                "direction_since": date(r.moved.map(|m| m.since)),
                "target": r.target.as_ref().map(banded),
                "reviews": r.history.iter().zip(&w.reviews).map(|((d, b), v)| {
                    let mut out = banded(b);
                    out["date"] = json!(d.iso());
                    out["note"] = json!(v.note);
                    out
                }).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The grade as the scale spells it, and its colour.
fn s_grade(site: &Site, scale: &str, grade: &str) -> (String, &'static str) {
    site.settings
        .scales
        .iter()
        .find(|s| s.name == scale)
        .and_then(|s| s.find(grade))
        .map_or((grade.to_string(), "grey"), |g| {
            (g.grade.clone(), g.rag.name())
        })
}

fn plan(site: &Site, d: &Document, p: &crate::model::Plan) -> Value {
    let id = d.id.as_str();
    let Some(rp) = site.resolved(d) else {
        return Value::Null;
    };
    let progress = |x: Progress| crate::obj!({ "complete": x.complete, "total": x.total });
    let overall = rp.status.overall;
    crate::obj!({
        "owner": &p.owner, "adopted": date(p.adopted),
        "responds_to": refs(site, &p.responds_to, id),
        "supersedes": p.supersedes.as_ref().map(|s| reference(site, &s.value, id)),
        "superseded_by": rp.status.superseded.as_ref().map(|s| crate::obj!({ "plan": &s.by, "on": s.on.iso() })),
        "status": status(site, overall.status),
        "progress": progress(overall.progress),
        "overdue": rp.overdue(),
        "priorities": rp.priorities().map(|(pr, r)| {
            crate::obj!({
                "id": &pr.id.value, "title": &pr.title, "summary": &pr.summary,
                "status": status(site, r.status), "set_by_hand": r.manual,
                "progress": progress(r.progress),
            })
        }).collect::<Vec<_>>(),
        "actions": rp.actions().map(|(a, s)| {
            crate::obj!({
                "id": &a.id.value, "priority": &a.priority.value, "title": &a.title,
                "summary": &a.summary, "owner": &a.owner,
                "due": date(a.due), "revised_due": date(a.revised_due),
                "status": status(site, s.current), "trend": s.trend.map(|t| t.label()),
                "overdue": s.overdue,
                "continues": s.continues.as_ref().map(|r| format!("{}#{}", r.plan, r.action)),
                "carried_forward_to": s.carried_forward.as_ref().map(|r| format!("{}#{}", r.plan, r.action)),
                "addresses": refs(site, &a.addresses, id),
                "evidence": a.evidence.iter().map(|e| if crate::resolve::is_web_address(&e.value) {
                    e.value.trim().to_string()
                } else {
                    reference(site, e.value.trim_start_matches('@'), id)
                }).collect::<Vec<_>>(),
                "updates": a.updates.iter().map(|u| crate::obj!({
                    "date": u.date.iso(), "status": status(site, u.status), "note": &u.note,
                })).collect::<Vec<_>>(),
                "url": action_url(id, &a.id.value),
                "tags": &a.tags,
            })
        }).collect::<Vec<_>>(),
    })
}
