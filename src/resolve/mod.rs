//! Stage 2, resolve: ids, references, backlinks, what is published, and the
//! statuses derived from the record. Checks everything that needs more than
//! one file to see.

mod anchors;
mod attachments;
mod chains;
mod clashes;
mod files;
mod follows;
pub mod graph;
mod index;
pub mod journey;
mod judgements;
mod labels;
pub mod plans;
mod refs;
pub mod risks;
pub mod status;
mod today;

pub use chains::{ActionRef, Chains, ResponseRef};
pub use index::{Entry, Index, action_url, doc_url};
pub use journey::{Event, EventKind};
pub use judgements::{AreaRow, Cell, JudgementTable};
pub use labels::{Label, capitalise};
pub use plans::{ActionStatus, PlanStatus, Progress, ResolvedPlan, RollUp, Superseded};
pub use refs::{Backlink, Backlinks, is_web_address};
pub use risks::{Banded, Direction, Moved, ResolvedRisk};
pub use status::{IndicatorStatus, Trend};
pub use today::{choose as choose_today, source_date_epoch};

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter};
use crate::load::{Loaded, scale_help};
use crate::load::{Sources, source_text};
use crate::model::{Date, Document, Kind, Response, Settings};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What the reader of the site may see.
#[derive(Debug, Clone, Copy, Default)]
pub struct Publish {
    pub drafts: bool,
    pub exempt: bool,
}

/// The resolved site: only what is published, with everything it needs to render.
#[derive(Debug)]
pub struct Site {
    pub settings: Settings,
    pub today: Date,
    /// Published documents, sorted by id.
    pub documents: Vec<Arc<Document>>,
    pub index: Index,
    pub backlinks: Backlinks,
    /// What is derived from each plan, by plan id: read through
    /// [`Site::plan`] and [`Site::plans`].
    plan_statuses: BTreeMap<String, PlanStatus>,
    /// Files copied as they are: only those a published page uses (see
    /// `files.rs`).
    pub assets: Vec<crate::load::Asset>,
    /// By indicator id.
    pub indicators: BTreeMap<String, IndicatorStatus>,
    /// (v2) The published register's risks, in the order written.
    pub risks: Vec<ResolvedRisk>,
    /// Recommendation → action and recommendation → response links.
    pub chains: Chains,
    /// The journey, oldest first.
    pub events: Vec<Event>,
    /// (v2) "Judgements over time": one table per grade scale.
    pub judgements: Vec<JudgementTable>,
    /// With `build --since`, the date the changes page also reports from.
    pub since: Option<Date>,
    /// Documents a normal build leaves out, and why ("exempt (paragraph 3)",
    /// "draft"): in a restricted or draft build, these pages carry a banner.
    pub restricted: BTreeMap<String, String>,
    /// Every file of the content folder with its digest, as loaded: what
    /// a rebuild compares with the last build's record.
    pub inputs: BTreeMap<String, crate::load::Input>,
}

impl Site {
    /// A published document, by id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &*self.documents[i])
    }

    /// A published plan with its derived statuses.
    pub fn plan(&self, id: &str) -> Option<ResolvedPlan<'_>> {
        let doc = self.document(id)?;
        self.resolved(doc)
    }

    /// The plan `doc` is, with its derived statuses; none for other kinds.
    pub fn resolved<'a>(&'a self, doc: &'a Document) -> Option<ResolvedPlan<'a>> {
        let Kind::Plan(plan) = &doc.kind else {
            return None;
        };
        let status = self.plan_statuses.get(&doc.id)?;
        Some(ResolvedPlan { doc, plan, status })
    }

    /// The published responses to `doc#item`, each with the paper or page
    /// that records it, in paper order.
    pub fn responses_to(&self, doc: &str, item: &str) -> Vec<(&Document, &Response)> {
        self.chains
            .responses_to(doc, item)
            .iter()
            .filter_map(|r| {
                let from = self.document(&r.paper)?;
                Some((from, from.kind.responses().get(r.index)?))
            })
            .collect()
    }

    /// The roll-up and progress of the published actions that address
    /// `doc` (or its item `item`); none when nothing addresses it.
    pub fn addressing_roll_up(&self, doc: &str, item: Option<&str>) -> Option<RollUp> {
        let statuses: Vec<&ActionStatus> = self
            .chains
            .addressing(doc, item)
            .iter()
            .filter_map(|r| Some(self.plan(&r.plan)?.action(&r.action)?.1))
            .collect();
        plans::roll_up_of(statuses.iter().copied())
    }

    /// Every published plan, in id order.
    pub fn plans(&self) -> impl Iterator<Item = ResolvedPlan<'_>> {
        self.documents.iter().filter_map(|d| self.resolved(d))
    }
}

/// Resolves what was loaded. Errors go to `diags`; the site is returned
/// even so, for `check` to report everything at once.
pub fn resolve(loaded: Loaded, today: Date, publish: Publish, diags: &mut Diagnostics) -> Site {
    let Loaded {
        settings,
        mut documents,
        assets,
        sources,
        unreadable,
        inputs,
    } = loaded;
    clashes::report_duplicate_ids(&documents, diags);
    clashes::report_shared_pages(&documents, &assets, &sources, diags);
    default_paper_dates(&mut documents);
    check_grades(&documents, &settings, &sources, diags);
    check_priorities(&documents, &sources, diags);
    attachments::resolve(&mut documents, &assets, &sources, diags);

    let hidden = hidden_documents(&documents, publish);
    let restricted = hidden_documents(&documents, Publish::default());
    let mut index = Index::build(&documents, &hidden, diags, &sources);
    let is_published = |id: &str| !hidden.contains_key(id);
    let asset_paths: BTreeSet<String> = assets.iter().map(|a| a.rel.clone()).collect();
    let known = refs::Known {
        index: &index,
        published: &is_published,
        unreadable: &unreadable,
        assets: &asset_paths,
        sources: &sources,
    };
    let backlinks = refs::check_references(&documents, &known, diags);
    anchors::check(&documents, &index, (&sources, &unreadable), diags);
    follows::check_cycles(&documents, &index, &sources, diags);
    plans::check_refresh(&documents, &sources, diags);
    let files = files::decide(&documents, assets, &hidden, diags);
    index.withhold_files(files.withheld);

    let plan_statuses = plans::derive(&documents, today);
    documents.retain(|d| !hidden.contains_key(&d.id));
    let indicators = documents
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Indicator(i) => Some((
                d.id.clone(),
                status::indicator(i, today.first_day(), settings.stale_after),
            )),
            _ => None,
        })
        .collect();
    let risks = risks::resolve(&documents, &settings.risk_bands);
    // Three independent readings of the published documents, on both
    // cores: the preview resolves the whole site after every save.
    let (chains, (events, judgement_tables)) = rayon::join(
        || Chains::build(&documents, &index),
        || {
            rayon::join(
                || journey::events(&documents),
                || judgements::tables(&documents, &settings),
            )
        },
    );
    Site {
        settings,
        today,
        documents,
        index,
        backlinks,
        plan_statuses,
        indicators,
        risks,
        chains,
        events,
        judgements: judgement_tables,
        since: None,
        assets: files.published,
        restricted,
        inputs,
    }
}

/// A paper without a date takes its meeting's.
fn default_paper_dates(docs: &mut [Arc<Document>]) {
    let meeting_dates: BTreeMap<String, Date> = docs
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Meeting(m) => Some((d.id.clone(), m.date)),
            _ => None,
        })
        .collect();
    // A document shared with the preview's cache is copied to be dated:
    // on both cores, since a site may have thousands of such papers.
    docs.par_iter_mut().for_each(|doc| {
        if let Kind::Paper(p) = &doc.kind
            && p.date.is_none()
        {
            let date = doc
                .id
                .rsplit_once('/')
                .and_then(|(m, _)| meeting_dates.get(m))
                .copied();
            if date.is_some()
                && let Kind::Paper(p) = &mut Arc::make_mut(doc).kind
            {
                p.date = date;
            }
        }
    });
}

fn check_grades(
    docs: &[Arc<Document>],
    settings: &Settings,
    sources: &Sources,
    diags: &mut Diagnostics,
) {
    for doc in docs {
        let Kind::Inspection(i) = &doc.kind else {
            continue;
        };
        let text = source_text(sources, &doc.file);
        let mut r = FileReporter {
            file: &doc.file,
            text,
            diags,
        };
        if i.scale.value.is_empty() {
            continue;
        }
        let Some(scale) = settings.scales.iter().find(|s| s.name == i.scale.value) else {
            r.error(
                Code::UnknownScale,
                i.scale.loc,
                format!("`{}` is not a grade scale", i.scale.value),
                scale_help(&i.scale.value, &settings.scales),
            );
            continue;
        };
        for j in &i.judgements {
            if scale.find(&j.grade.value).is_none() {
                r.error(
                    Code::UnknownGrade,
                    j.grade.loc,
                    format!(
                        "`{}` is not a grade on the `{}` scale",
                        j.grade.value, scale.name
                    ),
                    Some(format!(
                        "valid grades, best first: {}",
                        scale.grade_names().join("; ")
                    )),
                );
            }
        }
    }
}

fn check_priorities(docs: &[Arc<Document>], sources: &Sources, diags: &mut Diagnostics) {
    for doc in docs {
        let Kind::Plan(p) = &doc.kind else { continue };
        let Some(file) = &p.actions_file else {
            continue;
        };
        let ids: BTreeSet<&str> = p.priorities.iter().map(|x| x.id.value.as_str()).collect();
        let text = source_text(sources, file);
        let mut r = FileReporter { file, text, diags };
        for a in &p.actions {
            if !ids.contains(a.priority.value.as_str()) {
                let help = if ids.is_empty() {
                    Some(format!(
                        "{} has no priorities: add them under `priorities:` in its index.md",
                        doc.id
                    ))
                } else {
                    crate::diagnostics::suggest(
                        &a.priority.value,
                        ids.iter().copied(),
                        "this plan's priorities",
                    )
                };
                r.error(
                    Code::UnknownPriority,
                    a.priority.loc,
                    format!(
                        "`priority: {}` is not a priority of {}",
                        a.priority.value, doc.id
                    ),
                    help,
                );
            }
        }
    }
}

/// Documents a normal build leaves out, and why. A meeting's papers share
/// its fate.
fn hidden_documents(docs: &[Arc<Document>], publish: Publish) -> BTreeMap<String, String> {
    let mut hidden = BTreeMap::new();
    for d in docs {
        if let Some(e) = d.common.exempt
            && !publish.exempt
        {
            hidden.insert(d.id.clone(), e.describe());
        } else if d.common.draft && !publish.drafts {
            hidden.insert(d.id.clone(), "draft".to_string());
        }
    }
    for d in docs {
        if let Kind::Paper(_) = d.kind
            && let Some((meeting, _)) = d.id.rsplit_once('/')
            && let Some(why) = hidden.get(meeting).cloned()
        {
            hidden.entry(d.id.clone()).or_insert(why);
        }
    }
    hidden
}
