//! `status/index.html`: everything with a status, in one place, red first.

use super::pages::Renderer;
use super::views::{ATTENTION, ActionRow, StatusWord, View, band_counts, progress};
use crate::model::{Action, Document, Kind, Priority, Rag};
use crate::resolve::{ActionStatus, ResolvedPlan, RollUp, Site, doc_url};
use serde::Serialize;
use serde_json::Value;

/// The kinds of thing that carry a status, in the order they are listed.
/// Risks are not among them: they are counted by band (see [`risk_bands`]).
const TYPES: [&str; 4] = ["plan", "priority", "action", "indicator"];

/// One thing with a status. Its row is made only for a page that shows
/// it ([`Rated::row`]): the counts need every one, the pages a few.
pub struct Rated<'a> {
    pub rag: Rag,
    pub kind: &'static str,
    pub overdue: bool,
    /// An action's due date (revised where it was), for the most overdue first.
    pub due: Option<chrono::NaiveDate>,
    what: What<'a>,
}

/// What a [`Rated`] is.
enum What<'a> {
    Plan(ResolvedPlan<'a>),
    Priority(&'a Document, &'a Priority, &'a RollUp),
    Action(&'a Document, &'a Action, &'a ActionStatus),
    Indicator(&'a Document),
}

/// A row of the status page and its full lists.
#[derive(Serialize)]
#[serde(untagged)]
pub enum StatusRow<'a> {
    /// An action: its action row, and where it is.
    Action {
        #[serde(flatten)]
        row: Box<ActionRow<'a>>,
        #[serde(rename = "ref")]
        reference: &'a str,
        context: &'a str,
        #[serde(rename = "type")]
        kind: &'static str,
    },
    /// A plan, priority or indicator, with a note of how it stands.
    Other {
        href: String,
        #[serde(rename = "ref")]
        reference: &'a str,
        title: &'a str,
        context: &'a str,
        note: String,
        #[serde(rename = "type")]
        kind: &'static str,
        status: StatusWord<'a>,
    },
}

impl<'a> Rated<'a> {
    /// Its row, its links relative to `view`'s page.
    pub fn row(&self, view: &View<'a>) -> StatusRow<'a> {
        let labels = &view.site.settings.statuses;
        let other = |href: String, reference, title, context, note| StatusRow::Other {
            href,
            reference,
            title,
            context,
            note,
            kind: self.kind,
            status: StatusWord::new(labels, self.rag),
        };
        match self.what {
            What::Plan(rp) => {
                let overdue = rp.overdue();
                let note = format!(
                    "{}{}",
                    progress(rp.status.overall.progress)["text"]
                        .as_str()
                        .unwrap_or_default(),
                    if overdue > 0 {
                        format!(", {overdue} overdue")
                    } else {
                        String::new()
                    }
                );
                let d = rp.doc;
                other(
                    view.linker.href(&doc_url(&d.id)),
                    "",
                    &d.common.title,
                    "",
                    note,
                )
            }
            What::Priority(d, pr, r) => {
                let how = if r.manual {
                    "set by hand"
                } else {
                    "from its actions"
                };
                let note = format!(
                    "{how}; {}",
                    progress(r.progress)["text"].as_str().unwrap_or_default()
                );
                let href = format!("{}#{}", view.linker.href(&doc_url(&d.id)), pr.id.value);
                other(href, &pr.id.value, &pr.title, &d.common.title, note)
            }
            What::Action(d, a, s) => StatusRow::Action {
                row: Box::new(view.typed_row(&d.id, a, s)),
                reference: &a.id.value,
                context: &d.common.title,
                kind: self.kind,
            },
            What::Indicator(d) => {
                let detail = view.indicator_summary(d);
                let note = format!(
                    "Target {} {}",
                    detail["target"].as_str().unwrap_or_default(),
                    detail["against"].as_str().unwrap_or_default()
                );
                other(
                    view.linker.href(&doc_url(&d.id)),
                    "",
                    &d.common.title,
                    "",
                    note,
                )
            }
        }
    }
}

/// How many rows a page of a full status list holds.
pub const PAGE_ROWS: usize = 200;

/// How many rows of each status the status page shows before its "all N"
/// link, as the home page does.
pub const FIRST_ROWS: usize = 10;

/// Most pressing first: by status (off track first), overdue before not,
/// then by type, then the longest overdue (the earliest due) first.
pub fn sort_worst_first(all: &mut [Rated]) {
    all.sort_by_key(|r| {
        let rank = ATTENTION.iter().position(|x| *x == r.rag);
        let kind = TYPES.iter().position(|k| *k == r.kind);
        (rank, !r.overdue, kind, r.due.is_none(), r.due)
    });
}

/// `status/red/index.html`, `status/red/2.html`: page `n` (from 1) of a
/// full list. All pages of a list are in one folder, so links are the same.
pub fn list_url(name: &str, n: usize) -> String {
    if n <= 1 {
        format!("status/{name}/index.html")
    } else {
        format!("status/{name}/{n}.html")
    }
}

/// Every status on the site, in document order. A risk's `status` is the
/// RAG of its mitigation work, not of the risk, so risks are left out.
pub fn everything(site: &Site) -> Vec<Rated<'_>> {
    let mut out = Vec::new();
    for d in &site.documents {
        match &d.kind {
            Kind::Plan(_) => {
                // A superseded plan leaves the counts once the new one is adopted.
                let Some(rp) = site.resolved(d).filter(|p| p.status.is_current(site.today)) else {
                    continue;
                };
                out.push(Rated {
                    rag: rp.status.overall.status,
                    kind: "plan",
                    overdue: rp.overdue() > 0,
                    due: None,
                    what: What::Plan(rp),
                });
                for (pr, r) in rp.priorities() {
                    out.push(Rated {
                        rag: r.status,
                        kind: "priority",
                        overdue: false,
                        due: None,
                        what: What::Priority(d, pr, r),
                    });
                }
                for (a, s) in rp.actions() {
                    out.push(Rated {
                        rag: s.current,
                        kind: "action",
                        overdue: s.overdue,
                        due: a.revised_due.or(a.due).map(|d| d.last_day()),
                        what: What::Action(d, a, s),
                    });
                }
            }
            Kind::Indicator(_) => {
                if let Some(rag) = site.indicators.get(&d.id).and_then(|s| s.status) {
                    out.push(Rated {
                        rag,
                        kind: "indicator",
                        overdue: false,
                        due: None,
                        what: What::Indicator(d),
                    });
                }
            }
            // No status of their own; risks are counted by band, apart.
            Kind::Risks(_)
            | Kind::Home
            | Kind::ListIntro
            | Kind::Page(_)
            | Kind::Inspection(_)
            | Kind::Visit(_)
            | Kind::Review(_)
            | Kind::Meeting(_)
            | Kind::Paper(_) => {}
        }
    }
    out
}

/// Indicators with a target whose latest value is out of date: they have
/// no status, so the page says why they are not among those rated.
fn stale(view: &View) -> Vec<Value> {
    let site = view.site;
    site.documents
        .iter()
        .filter(|d| matches!(&d.kind, Kind::Indicator(i) if i.target.is_some()))
        .filter_map(|d| {
            let text = site.indicators.get(&d.id)?.no_recent_value()?;
            Some(crate::obj!({ "href": view.linker.href(&doc_url(&d.id)), "title": &d.common.title, "text": text }))
        })
        .collect()
}

/// The status page (`page` in `status.html`).
#[derive(Serialize)]
struct StatusPage<'a> {
    stale: Vec<Value>,
    csv: Value,
    groups: Vec<Group<'a>>,
    columns: Vec<StatusWord<'a>>,
    counts: Vec<Count>,
    total: usize,
    overdue: usize,
    overdue_href: String,
    risks: Value,
}

/// The things of one status on the status page: the first few of them.
#[derive(Serialize)]
struct Group<'a> {
    status: StatusWord<'a>,
    count: usize,
    rows: Vec<StatusRow<'a>>,
    all: String,
}

/// How many of one type are at each status.
#[derive(Serialize)]
struct Count {
    #[serde(rename = "type")]
    kind: &'static str,
    cells: Vec<usize>,
    total: usize,
}

/// A page of a full status list (`page` in `status-list.html`).
#[derive(Serialize)]
struct ListPage<'a, 'r> {
    name: &'r str,
    label: &'r str,
    status: Option<StatusWord<'a>>,
    rows: Vec<StatusRow<'a>>,
    total: usize,
    first: usize,
    last: usize,
    pages: Vec<PageLink>,
    overview: String,
}

#[derive(Serialize)]
struct PageLink {
    n: usize,
    href: String,
    current: bool,
}

impl<'a> Renderer<'a> {
    pub(super) fn status_page(&mut self) {
        let path = "status/index.html";
        let site = self.site;
        let labels = &site.settings.statuses;
        let mut all = everything(site);
        sort_worst_first(&mut all);
        let view = self.view(path);
        let groups: Vec<Group> = ATTENTION
            .iter()
            .map(|rag| {
                let of: Vec<&Rated> = all.iter().filter(|r| r.rag == *rag).collect();
                Group {
                    status: StatusWord::new(labels, *rag),
                    count: of.len(),
                    rows: of.iter().take(FIRST_ROWS).map(|r| r.row(&view)).collect(),
                    all: view.linker.href(&list_url(rag.name(), 1)),
                }
            })
            .collect();
        let counts: Vec<Count> = TYPES
            .iter()
            .filter(|k| all.iter().any(|r| r.kind == **k))
            .map(|k| {
                let cells: Vec<usize> = ATTENTION
                    .iter()
                    .map(|rag| all.iter().filter(|r| r.kind == *k && r.rag == *rag).count())
                    .collect();
                Count {
                    kind: k,
                    total: cells.iter().sum::<usize>(),
                    cells,
                }
            })
            .collect();
        let overdue = all
            .iter()
            .filter(|r| r.overdue && r.kind == "action")
            .count();
        let page = StatusPage {
            stale: stale(&view),
            csv: crate::render::lists::download(&view.linker, "status"),
            groups,
            columns: ATTENTION
                .iter()
                .map(|r| StatusWord::new(labels, *r))
                .collect(),
            counts,
            total: all.len(),
            overdue,
            overdue_href: view.linker.href(&list_url("overdue", 1)),
            risks: risk_bands(&view),
        };
        for rag in ATTENTION {
            let rows: Vec<&Rated> = all.iter().filter(|r| r.rag == rag).collect();
            let word = StatusWord::new(labels, rag);
            self.status_list(rag.name(), labels.label(rag), Some(word), &rows);
        }
        // Overdue actions, the longest overdue first.
        let mut late: Vec<&Rated> = all
            .iter()
            .filter(|r| r.overdue && r.kind == "action")
            .collect();
        late.sort_by_key(|r| (r.due.is_none(), r.due));
        self.status_list("overdue", "Overdue actions", None, &late);
        self.typed_page(path, "status.html", "Status", "status", &page);
    }

    /// The full list of one status (or of overdue actions), in pages of
    /// [`PAGE_ROWS`]; none when it is empty. Each page's rows are made as
    /// it is rendered.
    fn status_list(
        &mut self,
        name: &str,
        label: &str,
        status: Option<StatusWord<'a>>,
        rows: &[&Rated<'a>],
    ) {
        let count = rows.len().div_ceil(PAGE_ROWS);
        for (i, chunk) in rows.chunks(PAGE_ROWS).enumerate() {
            let n = i + 1;
            let path = list_url(name, n);
            let view = self.view(&path);
            let pages: Vec<PageLink> = if count > 1 {
                (1..=count)
                    .map(|k| PageLink {
                        n: k,
                        href: view.linker.href(&list_url(name, k)),
                        current: k == n,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let title = if count > 1 {
                format!("{label}: page {n} of {count}")
            } else {
                label.to_string()
            };
            let page = ListPage {
                name,
                label,
                status: status.as_ref().map(|s| StatusWord {
                    rag: s.rag,
                    label: s.label,
                }),
                rows: chunk.iter().map(|r| r.row(&view)).collect(),
                total: rows.len(),
                first: i * PAGE_ROWS + 1,
                last: i * PAGE_ROWS + chunk.len(),
                pages,
                overview: view.linker.href("status/index.html"),
            };
            self.typed_page(&path, "status-list.html", &title, "status", &page);
        }
    }
}

/// (v2) Risks counted by the band of their current score, highest first,
/// apart from the statuses of actions; none when there are no risks.
fn risk_bands(view: &View) -> Value {
    let site = view.site;
    if site.risks.is_empty() {
        return Value::Null;
    }
    crate::obj!({ "href": view.linker.href(&doc_url("risks")), "total": site.risks.len(), "bands": band_counts(site) })
}
