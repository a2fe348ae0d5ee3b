//! The risk register as members read it: each risk by its current score's
//! band, which way it moved, its target and its history; and risks counted
//! by band, never mixed with the RAG statuses of actions.

use super::View;
use crate::charts::{HeatRisk, ScoreChart, ScorePoint, heat_map, score_chart};
use crate::model::{Rag, StatusLabels};
use crate::resolve::{Banded, ResolvedRisk, Site};
use serde_json::{Value, json};

/// A risk's `status` is the RAG of its mitigation work, and says so:
/// "Mitigation: On track", never a bare "Off track" beside a risk.
pub fn mitigation_status(labels: &StatusLabels, rag: Rag) -> Value {
    crate::obj!({ "rag": rag.name(), "label": format!("Mitigation: {}", labels.label(rag)) })
}

/// "High (12)" with its parts.
fn banded(b: &Banded) -> Value {
    crate::obj!({
        "label": b.label(), "band": &b.band, "level": b.level, "score": b.score,
        "likelihood": b.likelihood, "impact": b.impact,
    })
}

/// How many published risks are in each band, highest band first, with
/// the scores each band takes ("17 to 25").
pub fn band_counts(site: &Site) -> Vec<Value> {
    let bands = &site.settings.risk_bands;
    let all = bands.all();
    (0..all.len())
        .rev()
        .map(|level| {
            let count = site.risks.iter().filter(|r| r.current.level == level).count();
            let (from, up_to) = (bands.from(level), all[level].up_to);
            let scores = if from == up_to {
                from.to_string()
            } else {
                format!("{from} to {up_to}")
            };
            crate::obj!({ "band": &all[level].name, "level": level, "count": count, "scores": scores })
        })
        .collect()
}

/// "1 Very high, 2 Medium": the bands that have risks, highest first.
pub fn band_summary(site: &Site) -> String {
    band_counts(site)
        .iter()
        .filter(|c| c["count"].as_u64().unwrap_or(0) > 0)
        .map(|c| format!("{} {}", c["count"], c["band"].as_str().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl View<'_> {
    /// The register's page: every risk, highest current score first, and
    /// the heat map of where they stand now.
    pub(super) fn risks(&self, id: &str) -> Value {
        let mut order: Vec<&ResolvedRisk> = self.site.risks.iter().collect();
        order.sort_by_key(|r| std::cmp::Reverse(r.current.score));
        let rows: Vec<Value> = order.iter().map(|r| self.risk_row(id, r)).collect();
        let placed: Vec<HeatRisk> = self
            .site
            .risks
            .iter()
            .map(|r| HeatRisk {
                id: r.risk.id.value.clone(),
                likelihood: r.current.likelihood,
                impact: r.current.impact,
                title: r.risk.title.clone(),
            })
            .collect();
        let bands = &self.site.settings.risk_bands;
        let chart = heat_map("heat-map", "Risks by likelihood and impact", &placed, bands);
        let csv = crate::render::lists::download(&self.linker, "risks");
        crate::obj!({ "risks": rows, "chart": chart, "csv": csv, "counts": band_summary(self.site) })
    }

    fn risk_row(&self, id: &str, r: &ResolvedRisk) -> Value {
        let risk = &r.risk;
        let rid = &risk.id.value;
        let history: Vec<Value> = r
            .history
            .iter()
            .zip(&risk.reviews)
            .map(
                |((date, b), v)| crate::obj!({ "date": date, "score": banded(b), "note": &v.note }),
            )
            .collect();
        crate::obj!({
            "id": rid, "title": &risk.title, "owner": &risk.owner,
            "likelihood": r.current.likelihood, "impact": r.current.impact, "score": r.current.score,
            "current": banded(&r.current),
            "direction": r.moved.map_or(Value::Null, |m| crate::obj!({
                "name": m.direction.name(), "label": m.direction.label(), "since": m.since,
            })),
            "target": r.target.as_ref().map_or(Value::Null, banded),
            "reviews": history,
            "chart": self.score_chart(r),
            "status": risk.status.map(|s| mitigation_status(self.labels(), s)),
            "reviewed": super::date(r.last_reviewed()), "mitigation": &risk.mitigation,
            "tags": self.tags(&risk.tags),
            "referenced_by": self.backlinks_where(id, Some(rid), |b| b.relation != "addresses"),
            "actions": self.addressed_by(id, Some(rid)),
        })
    }

    /// The score at each review, drawn when there are two or more.
    fn score_chart(&self, r: &ResolvedRisk) -> Value {
        if r.history.len() < 2 {
            return Value::Null;
        }
        let points: Vec<ScorePoint> = r
            .history
            .iter()
            .map(|(date, b)| ScorePoint {
                date: date.first_day(),
                date_label: date.long(),
                score: b.score,
                label: b.label(),
            })
            .collect();
        let bounds: Vec<u8> = self
            .site
            .settings
            .risk_bands
            .all()
            .iter()
            .map(|b| b.up_to)
            .collect();
        json!(score_chart(&ScoreChart {
            id: &format!("{}-scores", r.risk.id.value),
            title: &format!("{}: score at each review", r.risk.id.value),
            points: &points,
            target: r.target.as_ref().map(|t| (t.score, t.label())),
            bounds: &bounds,
        }))
    }
}
