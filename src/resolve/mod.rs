//! Stage 2, resolve: ids, references, backlinks, what is published, and the
//! statuses derived from the record. Checks everything that needs more than
//! one file to see.

mod attachments;
mod chains;
mod clashes;
mod files;
mod index;
pub mod journey;
mod refs;
pub mod status;
mod today;

pub use chains::{ActionRef, Chains, ResponseRef};
pub use index::{Entry, Index, action_url, doc_url};
pub use journey::{Event, EventKind};
pub use refs::{Backlink, Backlinks, is_web_address};
pub use status::{IndicatorStatus, Trend};
pub use today::{choose as choose_today, source_date_epoch};

use crate::diagnostics::{Diagnostics, FileReporter};
use crate::load::{Loaded, scale_help};
use crate::model::{Date, Document, Kind, Rag, Settings};
use std::collections::{BTreeMap, BTreeSet};

/// What the reader of the site may see.
#[derive(Debug, Clone, Copy, Default)]
pub struct Publish {
    pub drafts: bool,
    pub exempt: bool,
}

/// An action's derived status.
#[derive(Debug, Clone, Copy)]
pub struct ActionStatus {
    pub current: Rag,
    pub trend: Option<Trend>,
    pub overdue: bool,
}

/// A priority's or plan's status, and whether an officer set it by hand.
#[derive(Debug, Clone, Copy)]
pub struct RollUp {
    pub status: Rag,
    pub manual: bool,
}

/// The resolved site: only what is published, with everything it needs to render.
#[derive(Debug)]
pub struct Site {
    pub settings: Settings,
    pub today: Date,
    /// Published documents, sorted by id.
    pub documents: Vec<Document>,
    pub index: Index,
    pub backlinks: Backlinks,
    /// By `plan id` then action id.
    pub actions: BTreeMap<String, BTreeMap<String, ActionStatus>>,
    /// By plan id: the plan's roll-up, and each priority's.
    pub plans: BTreeMap<String, (RollUp, BTreeMap<String, RollUp>)>,
    /// Files copied as they are: only those a published page uses (see
    /// `files.rs`).
    pub assets: Vec<crate::load::Asset>,
    /// By indicator id.
    pub indicators: BTreeMap<String, IndicatorStatus>,
    /// Recommendation → action and recommendation → response links.
    pub chains: Chains,
    /// The journey, oldest first.
    pub events: Vec<Event>,
    /// With `build --since`, the date the changes page also reports from.
    pub since: Option<Date>,
    /// Documents a normal build leaves out, and why ("exempt (paragraph 3)",
    /// "draft"): in a restricted or draft build, these pages carry a banner.
    pub restricted: BTreeMap<String, String>,
}

impl Site {
    /// A published document, by id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.documents[i])
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
    let files = files::decide(&documents, assets, &hidden, diags);
    index.withhold_files(files.withheld);

    let mut actions = BTreeMap::new();
    let mut plans = BTreeMap::new();
    for doc in &documents {
        if let Kind::Plan(p) = &doc.kind {
            let today = today.first_day();
            let statuses: BTreeMap<String, ActionStatus> = p
                .actions
                .iter()
                .map(|a| {
                    let s = ActionStatus {
                        current: status::current(a),
                        trend: status::trend(a),
                        overdue: status::overdue(a, today),
                    };
                    (a.id.value.clone(), s)
                })
                .collect();
            let priorities = p
                .priorities
                .iter()
                .map(|pr| {
                    let rolled = status::roll_up(
                        p.actions
                            .iter()
                            .filter(|a| a.priority.value == pr.id.value)
                            .map(|a| statuses[&a.id.value].current),
                    );
                    let r = match pr.status {
                        Some(s) => RollUp {
                            status: s,
                            manual: true,
                        },
                        None => RollUp {
                            status: rolled,
                            manual: false,
                        },
                    };
                    (pr.id.value.clone(), r)
                })
                .collect();
            let overall = RollUp {
                status: status::roll_up(statuses.values().map(|s| s.current)),
                manual: false,
            };
            plans.insert(doc.id.clone(), (overall, priorities));
            actions.insert(doc.id.clone(), statuses);
        }
    }
    documents.retain(|d| !hidden.contains_key(&d.id));
    let indicators = documents
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Indicator(i) => Some((d.id.clone(), status::indicator(i))),
            _ => None,
        })
        .collect();
    let chains = Chains::build(&documents, &index);
    let events = journey::events(&documents);
    Site {
        settings,
        today,
        documents,
        index,
        backlinks,
        actions,
        plans,
        indicators,
        chains,
        events,
        since: None,
        assets: files.published,
        restricted,
    }
}

/// A paper without a date takes its meeting's.
fn default_paper_dates(docs: &mut [Document]) {
    let meeting_dates: BTreeMap<String, Date> = docs
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Meeting(m) => Some((d.id.clone(), m.date)),
            _ => None,
        })
        .collect();
    for doc in docs {
        if let Kind::Paper(p) = &mut doc.kind
            && p.date.is_none()
        {
            p.date = doc
                .id
                .rsplit_once('/')
                .and_then(|(m, _)| meeting_dates.get(m))
                .copied();
        }
    }
}

fn check_grades(
    docs: &[Document],
    settings: &Settings,
    sources: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) {
    for doc in docs {
        let Kind::Inspection(i) = &doc.kind else {
            continue;
        };
        let text = sources.get(&doc.file).map_or("", String::as_str);
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
                i.scale.loc,
                format!("`{}` is not a grade scale", i.scale.value),
                scale_help(&i.scale.value, &settings.scales),
            );
            continue;
        };
        for j in &i.judgements {
            if scale.find(&j.grade.value).is_none() {
                r.error(
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

fn check_priorities(
    docs: &[Document],
    sources: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) {
    for doc in docs {
        let Kind::Plan(p) = &doc.kind else { continue };
        let Some(file) = &p.actions_file else {
            continue;
        };
        let ids: BTreeSet<&str> = p.priorities.iter().map(|x| x.id.value.as_str()).collect();
        let text = sources.get(file).map_or("", String::as_str);
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
fn hidden_documents(docs: &[Document], publish: Publish) -> BTreeMap<String, String> {
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
