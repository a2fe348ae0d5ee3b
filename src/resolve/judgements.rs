//! "Judgements over time": for each grade scale, a table of judgement areas
//! against the inspections on that scale that judged anything. Which row a
//! judgement lands in is decided here, from the site's areas: by the area it
//! names, in each row that area covers, or (naming no known area) in a row of
//! its own.

use crate::model::{Areas, Document, Inspection, Kind, Settings, area_key};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One scale's table.
#[derive(Debug, Clone)]
pub struct JudgementTable {
    pub scale: String,
    /// The inspections, by document id, oldest first.
    pub columns: Vec<String>,
    /// Overall judgements' rows first, then the site's areas in their
    /// order, then areas it does not know in the order first judged.
    pub rows: Vec<AreaRow>,
}

#[derive(Debug, Clone)]
pub struct AreaRow {
    pub name: String,
    /// One per column: none where that inspection did not judge the area.
    pub cells: Vec<Option<Cell>>,
}

/// The judgement shown in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Its place in the inspection's `judgements`.
    pub judgement: usize,
    /// Judged together with other rows, as one area that covers them.
    pub together: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum RowKey {
    Area(usize),
    /// A name no area has, as matched.
    Own(String),
}

struct Building {
    name: String,
    overall: bool,
    cells: Vec<Option<Cell>>,
}

/// Every scale's table, in the order of the site's scales.
pub fn tables(documents: &[Arc<Document>], settings: &Settings) -> Vec<JudgementTable> {
    let mut by_scale: BTreeMap<&str, Vec<(&Document, &Inspection)>> = BTreeMap::new();
    for d in documents {
        if let Kind::Inspection(i) = &d.kind
            && !i.judgements.is_empty()
        {
            by_scale
                .entry(i.scale.value.as_str())
                .or_default()
                .push((d, i));
        }
    }
    let place = |scale: &str| {
        settings
            .scales
            .iter()
            .position(|s| s.name == scale)
            .unwrap_or(usize::MAX)
    };
    let mut scales: Vec<(&str, Vec<(&Document, &Inspection)>)> = by_scale.into_iter().collect();
    scales.sort_by_key(|(s, _)| place(s));
    scales
        .into_iter()
        .map(|(scale, mut inspections)| {
            inspections.sort_by_key(|(d, i)| (i.start.map(|s| s.first_day()), d.id.clone()));
            table(scale, &inspections, &settings.areas)
        })
        .collect()
}

fn table(scale: &str, inspections: &[(&Document, &Inspection)], areas: &Areas) -> JudgementTable {
    let n = inspections.len();
    let mut rows: BTreeMap<RowKey, Building> = BTreeMap::new();
    let mut first_seen: Vec<RowKey> = Vec::new();
    for (col, (_, i)) in inspections.iter().enumerate() {
        for (ji, j) in i.judgements.iter().enumerate() {
            let (keys, together): (Vec<RowKey>, bool) = match areas.find(&j.area) {
                Some(a) if !areas.list()[a].covers.is_empty() => (
                    areas.list()[a]
                        .covers
                        .iter()
                        .map(|&c| RowKey::Area(c))
                        .collect(),
                    true,
                ),
                Some(a) => (vec![RowKey::Area(a)], false),
                None => {
                    let key = area_key(&j.area);
                    let key = if key.is_empty() {
                        j.area.trim().to_string()
                    } else {
                        key
                    };
                    (vec![RowKey::Own(key)], false)
                }
            };
            for key in keys {
                let row = rows.entry(key.clone()).or_insert_with(|| {
                    first_seen.push(key.clone());
                    Building {
                        name: match &key {
                            RowKey::Area(a) => areas.list()[*a].name.clone(),
                            RowKey::Own(_) => j.area.trim().to_string(),
                        },
                        overall: false,
                        cells: vec![None; n],
                    }
                });
                row.overall |= j.overall;
                let cell = &mut row.cells[col];
                // A grade given to the area itself wins over one given to
                // an area that covers it; otherwise the first written wins.
                let replace = match cell {
                    None => true,
                    Some(c) => c.together && !together,
                };
                if replace {
                    *cell = Some(Cell {
                        judgement: ji,
                        together,
                    });
                }
            }
        }
    }
    let mut order: Vec<RowKey> = first_seen;
    // Known areas in the site's order, then the others as first judged.
    order.sort_by_key(|k| match k {
        RowKey::Area(a) => (0, *a),
        RowKey::Own(_) => (1, 0),
    });
    let mut built: Vec<Building> = order.into_iter().filter_map(|k| rows.remove(&k)).collect();
    built.sort_by_key(|b| !b.overall);
    JudgementTable {
        scale: scale.to_string(),
        columns: inspections.iter().map(|(d, _)| d.id.clone()).collect(),
        rows: built
            .into_iter()
            .map(|b| AreaRow {
                name: b.name,
                cells: b.cells,
            })
            .collect(),
    }
}
