//! What each template is given: plain data, every link already relative to
//! the page it appears on.

use super::links::Linker;
use super::markdown;
use crate::model::{Better, Date, Document, Indicator, Item, Kind, Rag, StatusLabels};
use crate::resolve::{Backlink, Site, Trend, action_url, is_web_address};
use serde_json::{Value, json};

/// Builds views for one page.
pub struct View<'a> {
    pub site: &'a Site,
    pub linker: Linker<'a>,
}

pub fn status(labels: &StatusLabels, rag: Rag) -> Value {
    json!({ "rag": rag.name(), "label": labels.label(rag) })
}

pub fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| json!(d))
}

fn trend_word(t: Option<Trend>) -> Value {
    match t {
        Some(Trend::Better) => json!({ "name": "better", "label": "Improving" }),
        Some(Trend::Same) => json!({ "name": "same", "label": "No change" }),
        Some(Trend::Worse) => json!({ "name": "worse", "label": "Worsening" }),
        None => Value::Null,
    }
}

/// A number as people write it: no trailing `.0`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `£139m`, `45%`, `245 children`.
pub fn with_unit(v: f64, unit: Option<&str>) -> String {
    let n = number(v);
    match unit.map(str::trim) {
        None | Some("") => n,
        Some("%") => format!("{n}%"),
        Some(u) if u.starts_with('£') || u.starts_with('$') || u.starts_with('€') => {
            let (sym, rest) = u.split_at(u.chars().next().map_or(0, char::len_utf8));
            format!("{sym}{n}{rest}")
        }
        Some(u) => format!("{n} {u}"),
    }
}

impl<'a> View<'a> {
    /// Why a normal build would leave this document out, if exempt.
    fn exempt_banner(&self, id: &str) -> Option<&str> {
        self.site
            .restricted
            .get(id)
            .map(String::as_str)
            .filter(|r| *r != "draft")
    }

    fn draft_banner(&self, id: &str) -> bool {
        self.site.restricted.get(id).is_some_and(|r| r == "draft")
    }

    fn labels(&self) -> &StatusLabels {
        &self.site.settings.statuses
    }

    pub fn backlinks(&self, doc: &str, item: Option<&str>) -> Vec<Value> {
        self.site
            .backlinks
            .get(doc)
            .map(|list| {
                list.iter()
                    .filter(|b| item.is_none() || b.item.as_deref() == item)
                    .map(|b| self.backlink(b))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn backlink(&self, b: &Backlink) -> Value {
        json!({
            "href": self.linker.href(&b.url),
            "title": b.title,
            "kind": b.kind,
            "relation": b.relation,
            "item": b.item,
        })
    }

    fn items(&self, doc: &str, items: &[Item]) -> Vec<Value> {
        items
            .iter()
            .map(|i| {
                json!({
                    "id": i.id.value,
                    "text": i.text,
                    "to": i.to,
                    "referenced_by": self.backlinks(doc, Some(&i.id.value)),
                })
            })
            .collect()
    }

    fn links(&self, refs: &[crate::model::Reference], from: &str) -> Vec<Value> {
        refs.iter()
            .map(|r| self.linker.link(&r.value, from))
            .collect()
    }

    /// The fields every document page has.
    pub fn document(&self, doc: &Document) -> Value {
        json!({
            "id": doc.id,
            "title": doc.common.title,
            "kind": doc.kind.noun(),
            "summary": doc.common.summary,
            "source": doc.common.source,
            "tags": doc.common.tags,
            "body": markdown::to_html(&doc.body, &doc.id, doc.source_dir(), &self.linker),
            "referenced_by": self.backlinks(&doc.id, None),
            "exempt": self.exempt_banner(&doc.id),
            "draft": self.draft_banner(&doc.id),
            "detail": self.detail(doc),
        })
    }

    fn detail(&self, doc: &Document) -> Value {
        let id = doc.id.as_str();
        match &doc.kind {
            Kind::Inspection(i) => {
                let scale = self
                    .site
                    .settings
                    .scales
                    .iter()
                    .find(|s| s.name == i.scale.value);
                let judgements: Vec<Value> = i
                    .judgements
                    .iter()
                    .map(|j| {
                        let g = scale.and_then(|s| s.find(&j.grade.value));
                        json!({
                            "area": j.area,
                            "grade": g.map_or(j.grade.value.clone(), |g| g.grade.clone()),
                            "rag": g.map_or("grey", |g| g.rag.name()),
                            "overall": j.overall,
                        })
                    })
                    .collect();
                let overall = judgements
                    .iter()
                    .find(|j| j["overall"] == json!(true))
                    .cloned();
                json!({
                    "inspectorate": i.inspectorate, "framework": i.framework, "scale": i.scale.value,
                    "start": date(i.start), "end": date(i.end), "published": date(i.published),
                    "lead_inspector": i.lead_inspector, "judgements": judgements, "overall": overall,
                    "recommendations": self.items(id, &i.recommendations),
                })
            }
            Kind::Visit(v) => json!({
                "kind": v.kind, "inspectorate": v.inspectorate, "theme": v.theme,
                "start": date(v.start), "end": date(v.end), "published": date(v.published),
                "follows": v.follows.as_ref().map(|f| self.linker.link(&f.value, id)),
                "priority_actions": self.items(id, &v.priority_actions),
                "recommendations": self.items(id, &v.recommendations),
            }),
            Kind::Plan(p) => self.plan(doc, p),
            Kind::Meeting(m) => {
                let papers: Vec<Value> = self
                    .site
                    .documents
                    .iter()
                    .filter(|d| {
                        matches!(d.kind, Kind::Paper(_))
                            && d.id.rsplit_once('/').is_some_and(|(m, _)| m == id)
                    })
                    .map(|d| self.linker.link(&d.id, id))
                    .collect();
                json!({
                    "committee": m.committee, "date": m.date, "location": m.location,
                    "agenda": m.agenda.iter().map(|a| json!({
                        "item": a.item, "title": a.title,
                        "paper": a.paper.as_ref().map(|p| self.linker.link(&format!("{id}/{}", p.value.trim()), id)),
                    })).collect::<Vec<_>>(),
                    "recommendations": self.items(id, &m.recommendations),
                    "papers": papers,
                })
            }
            Kind::Paper(p) => json!({
                "kind": p.kind, "author": p.author, "date": date(p.date),
                "meeting": id.rsplit_once('/').map(|(m, _)| self.linker.link(m, id)),
                "discusses": self.links(&p.discusses, id),
                "resolutions": self.items(id, &p.resolutions),
                "responses": p.responses.iter().map(|r| json!({
                    "to": self.linker.link(&r.to.value, id),
                    "status": r.status.map(|s| s.name()),
                    "summary": r.summary,
                })).collect::<Vec<_>>(),
            }),
            Kind::Risks(risks) => {
                let mut rows: Vec<Value> = risks
                    .iter()
                    .map(|r| {
                        json!({
                            "id": r.id.value, "title": r.title, "owner": r.owner,
                            "likelihood": r.likelihood, "impact": r.impact,
                            "score": u32::from(r.likelihood) * u32::from(r.impact),
                            "status": r.status.map(|s| status(self.labels(), s)),
                            "reviewed": date(r.reviewed), "mitigation": r.mitigation, "tags": r.tags,
                            "referenced_by": self.backlinks(id, Some(&r.id.value)),
                        })
                    })
                    .collect();
                rows.sort_by(|a, b| b["score"].as_u64().cmp(&a["score"].as_u64()));
                json!({ "risks": rows })
            }
            Kind::Indicator(ind) => self.indicator(ind),
            Kind::Home | Kind::ListIntro | Kind::Page => Value::Null,
        }
    }

    fn plan(&self, doc: &Document, p: &crate::model::Plan) -> Value {
        let id = doc.id.as_str();
        let (overall, priorities) = &self.site.plans[id];
        let statuses = &self.site.actions[id];
        let actions: Vec<Value> = p
            .actions
            .iter()
            .map(|a| self.action_row(id, a, &statuses[&a.id.value]))
            .collect();
        let mut counts: Vec<Value> = Vec::new();
        for rag in Rag::ALL {
            let n = statuses.values().filter(|s| s.current == rag).count();
            counts.push(json!({ "status": status(self.labels(), rag), "count": n }));
        }
        json!({
            "owner": p.owner, "adopted": date(p.adopted),
            "responds_to": self.links(&p.responds_to, id),
            "status": status(self.labels(), overall.status),
            "counts": counts,
            "overdue": statuses.values().filter(|s| s.overdue).count(),
            "priorities": p.priorities.iter().map(|pr| {
                let r = priorities[&pr.id.value];
                json!({
                    "id": pr.id.value, "title": pr.title, "summary": pr.summary,
                    "status": status(self.labels(), r.status), "manual": r.manual,
                    "actions": actions.iter().filter(|a| a["priority"] == json!(pr.id.value)).cloned().collect::<Vec<_>>(),
                    "referenced_by": self.backlinks(id, Some(&pr.id.value)),
                })
            }).collect::<Vec<_>>(),
            "actions": actions,
        })
    }

    pub fn action_row(
        &self,
        plan: &str,
        a: &crate::model::Action,
        s: &crate::resolve::ActionStatus,
    ) -> Value {
        let last = a.updates.last();
        json!({
            "id": a.id.value, "priority": a.priority.value, "title": a.title,
            "href": self.linker.href(&action_url(plan, &a.id.value)),
            "owner": a.owner, "due": date(a.due), "revised_due": date(a.revised_due),
            "status": status(self.labels(), s.current), "trend": trend_word(s.trend), "overdue": s.overdue,
            "last_update": last.map(|u| json!({ "date": u.date, "note": u.note })),
        })
    }

    /// The page of one action.
    pub fn action(&self, plan: &Document, a: &crate::model::Action) -> Value {
        let id = plan.id.as_str();
        let Kind::Plan(p) = &plan.kind else {
            return Value::Null;
        };
        let s = &self.site.actions[id][&a.id.value];
        let mut row = self.action_row(id, a, s);
        let priority = p.priorities.iter().find(|x| x.id.value == a.priority.value);
        row["summary"] = json!(a.summary);
        row["plan"] = self.linker.link(id, id);
        row["priority_link"] = json!({
            "href": self.linker.href(&format!("{id}/index.html#{}", a.priority.value)),
            "title": priority.map_or(a.priority.value.clone(), |p| format!("{} {}", p.id.value, p.title)),
        });
        row["addresses"] = json!(self.links(&a.addresses, id));
        row["evidence"] = json!(a.evidence.iter().map(|e| {
            if is_web_address(&e.value) {
                json!({ "href": e.value.trim(), "title": e.value.trim(), "kind": "web", "hidden": null })
            } else {
                self.linker.link(e.value.trim_start_matches('@'), id)
            }
        }).collect::<Vec<_>>());
        row["updates"] = json!(
            a.updates
                .iter()
                .rev()
                .map(|u| json!({
                    "date": u.date, "status": status(self.labels(), u.status), "note": u.note,
                }))
                .collect::<Vec<_>>()
        );
        row["referenced_by"] = json!(self.backlinks(id, Some(&a.id.value)));
        row["tags"] = json!(a.tags);
        row["exempt"] = json!(self.exempt_banner(id));
        row["draft"] = json!(self.draft_banner(id));
        row
    }

    fn indicator(&self, ind: &Indicator) -> Value {
        let unit = ind.unit.as_deref();
        let values: Vec<Value> = ind
            .values
            .iter()
            .map(|v| json!({ "date": v.date, "value": v.value, "display": with_unit(v.value, unit), "note": v.note }))
            .collect();
        let latest = ind.values.last();
        let against = match (latest, ind.target) {
            (Some(l), Some(t)) => {
                let met = match ind.better {
                    Better::Higher => l.value >= t,
                    Better::Lower => l.value <= t,
                };
                Some(if met { "met" } else { "not met" })
            }
            _ => None,
        };
        json!({
            "unit": ind.unit,
            "better": match ind.better { Better::Higher => "higher", Better::Lower => "lower" },
            "target": ind.target.map(|t| with_unit(t, unit)),
            "values": values,
            "latest": latest.map(|l| with_unit(l.value, unit)),
            "target_status": against,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_read_naturally() {
        assert_eq!(with_unit(139.0, Some("£m")), "£139m");
        assert_eq!(with_unit(45.5, Some("%")), "45.5%");
        assert_eq!(with_unit(245.0, Some("children")), "245 children");
        assert_eq!(with_unit(2.25, None), "2.25");
    }
}
