//! Every page of the site, rendered through its template.

use super::links::Linker;
use super::theme::Theme;
use super::views::{View, date};
use crate::diagnostics::{Diagnostic, FileReporter};
use crate::model::{Document, Kind};
use crate::resolve::{Site, doc_url};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// A file of the built site.
pub struct OutputFile {
    /// Path under the output folder, with `/` separators.
    pub path: String,
    pub content: Content,
}

pub enum Content {
    Bytes(Vec<u8>),
    /// Copied as it is from the content folder.
    Copy(PathBuf),
}

/// The built-in lists, in navigation order: folder, title, kind.
const SECTIONS: [(&str, &str, &str); 6] = [
    ("inspections", "Inspections", "inspection"),
    ("visits", "Visits", "visit"),
    ("plans", "Plans", "plan"),
    ("meetings", "Meetings", "meeting"),
    ("risks", "Risks", "risk register"),
    ("indicators", "Indicators", "indicator"),
];

struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    files: Vec<OutputFile>,
    errors: Vec<Diagnostic>,
}

pub fn render_site(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut r = Renderer {
        site,
        theme,
        files: Vec::new(),
        errors: Vec::new(),
    };
    r.home();
    for doc in &site.documents {
        match &doc.kind {
            Kind::Home | Kind::ListIntro => {}
            Kind::Risks(_) => r.document(doc, "risks.html"),
            Kind::Plan(p) => {
                r.document(doc, "plan.html");
                for a in &p.actions {
                    r.action(doc, a);
                }
            }
            _ => r.document(doc, template_for(&doc.kind)),
        }
    }
    for (folder, title, kind) in SECTIONS {
        if folder == "risks" {
            if !site.documents.iter().any(|d| d.id == "risks") {
                r.empty_register();
            }
            continue;
        }
        let docs: Vec<&Document> = site
            .documents
            .iter()
            .filter(|d| d.kind.noun() == kind)
            .collect();
        r.list(folder, title, &docs);
    }
    r.plain_folders();
    r.not_found();
    for (name, bytes) in &theme.assets {
        r.files.push(OutputFile {
            path: format!("assets/{name}"),
            content: Content::Bytes(bytes.clone()),
        });
    }
    for a in &site.assets {
        r.files.push(OutputFile {
            path: a.rel.clone(),
            content: Content::Copy(a.path.clone()),
        });
    }
    if r.errors.is_empty() {
        Ok(r.files)
    } else {
        Err(r.errors)
    }
}

fn template_for(kind: &Kind) -> &'static str {
    match kind {
        Kind::Inspection(_) => "inspection.html",
        Kind::Visit(_) => "visit.html",
        Kind::Plan(_) => "plan.html",
        Kind::Meeting(_) => "meeting.html",
        Kind::Paper(_) => "paper.html",
        Kind::Risks(_) => "risks.html",
        Kind::Indicator(_) => "indicator.html",
        Kind::Home => "home.html",
        Kind::ListIntro | Kind::Page => "page.html",
    }
}

impl Renderer<'_> {
    fn view(&self, path: &str) -> View<'_> {
        View {
            site: self.site,
            linker: Linker::new(&self.site.index, path),
        }
    }

    /// Renders `template` to `path` with the shared context plus `page`.
    fn page(&mut self, path: &str, template: &str, title: &str, section: &str, page: Value) {
        self.page_with(None, path, template, title, section, page);
    }

    /// The 404 page is shown at whatever address was missing, so relative
    /// links cannot reach the site from it. With `base_url` its links are
    /// absolute; its styles are inlined either way.
    fn not_found(&mut self) {
        let root = self.site.settings.base_url.clone();
        let css = self
            .theme
            .assets
            .iter()
            .find(|(n, _)| n == "style.css")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned());
        let page = json!({ "css": css });
        self.page_with(root, "404.html", "404.html", "Page not found", "404", page);
    }

    /// `root`, when given, replaces the relative way up to the site root.
    fn page_with(
        &mut self,
        root: Option<String>,
        path: &str,
        template: &str,
        title: &str,
        section: &str,
        page: Value,
    ) {
        let mut view = self.view(path);
        if let Some(root) = root {
            view.linker.root = root;
        }
        let s = &self.site.settings;
        let nav: Vec<Value> = std::iter::once(("", "Home"))
            .chain(
                SECTIONS
                    .iter()
                    .filter(|(_, _, kind)| {
                        self.site.documents.iter().any(|d| d.kind.noun() == *kind)
                    })
                    .map(|(f, t, _)| (*f, *t)),
            )
            .map(|(folder, t)| {
                json!({
                    "href": view.linker.href(&doc_url(folder)),
                    "title": t,
                    "current": folder == section || (folder.is_empty() && section == "home"),
                })
            })
            .collect();
        let mut ctx = tera::Context::new();
        ctx.insert(
            "site",
            &json!({
                "title": s.title, "organisation": s.organisation, "service": s.service,
                "description": s.description, "language": s.language,
            }),
        );
        ctx.insert("root", &view.linker.root);
        ctx.insert("status_css", &status_css(&s.statuses));
        ctx.insert("nav", &nav);
        ctx.insert("today", &self.site.today);
        ctx.insert("title", title);
        ctx.insert("section", section);
        ctx.insert("page", &page);
        ctx.insert(
            "about",
            &self
                .site
                .index
                .doc("about")
                .filter(|e| e.hidden.is_none())
                .map(|_| view.linker.href("about/index.html")),
        );
        match self.theme.tera.render(template, &ctx) {
            Ok(html) => self.files.push(OutputFile {
                path: path.to_string(),
                content: Content::Bytes(html.into_bytes()),
            }),
            Err(e) => self.errors.push(FileReporter::whole_file_error(
                &format!("template {template}"),
                &format!("rendering {path} failed: {}", error_chain(&e)),
                Some("if this is your theme's template, check the names it uses against docs/themes.md".into()),
            )),
        }
    }

    fn document(&mut self, doc: &Document, template: &str) {
        let path = doc_url(&doc.id);
        let page = self.view(&path).document(doc);
        let section = doc.id.split('/').next().unwrap_or("");
        self.page(&path, template, &doc.common.title, section, page);
    }

    fn action(&mut self, plan: &Document, a: &crate::model::Action) {
        let path = crate::resolve::action_url(&plan.id, &a.id.value);
        let page = self.view(&path).action(plan, a);
        self.page(
            &path,
            "action.html",
            &format!("{} {}", a.id.value, a.title),
            "plans",
            page,
        );
    }

    fn intro(&self, id: &str, path: &str) -> Value {
        self.site
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or(Value::Null, |d| self.view(path).document(d))
    }

    fn home(&mut self) {
        let path = "index.html";
        let view = self.view(path);
        let site = self.site;
        let latest = site
            .documents
            .iter()
            .filter_map(|d| match &d.kind {
                Kind::Inspection(i) => Some((i.start, d)),
                _ => None,
            })
            .max_by_key(|(start, d)| (*start, d.id.clone()))
            .map(|(_, d)| view.document(d));
        let plans: Vec<Value> = site
            .documents
            .iter()
            .filter(|d| matches!(d.kind, Kind::Plan(_)))
            .map(|d| {
                let v = view.document(d);
                json!({ "href": view.linker.href(&doc_url(&d.id)), "title": d.common.title, "detail": v["detail"] })
            })
            .collect();
        let mut overdue = Vec::new();
        for d in &site.documents {
            if let Kind::Plan(p) = &d.kind {
                for a in &p.actions {
                    let s = &site.actions[&d.id][&a.id.value];
                    if s.overdue {
                        let mut row = view.action_row(&d.id, a, s);
                        row["plan"] = json!(d.common.title);
                        overdue.push(row);
                    }
                }
            }
        }
        let sections: Vec<Value> = SECTIONS
            .iter()
            .map(|(folder, title, kind)| {
                let n = if *folder == "risks" {
                    site.documents
                        .iter()
                        .find_map(|d| match &d.kind {
                            Kind::Risks(r) => Some(r.len()),
                            _ => None,
                        })
                        .unwrap_or(0)
                } else {
                    site.documents
                        .iter()
                        .filter(|d| d.kind.noun() == *kind)
                        .count()
                };
                json!({ "href": view.linker.href(&doc_url(folder)), "title": title, "count": n })
            })
            .collect();
        let intro = self.intro("", path);
        let page = json!({
            "intro": intro, "latest_inspection": latest, "plans": plans,
            "overdue": overdue, "sections": sections,
        });
        let title = site.settings.title.clone();
        self.page(path, "home.html", &title, "home", page);
    }

    fn list(&mut self, folder: &str, title: &str, docs: &[&Document]) {
        let path = doc_url(folder);
        let view = self.view(&path);
        let mut rows: Vec<(String, Value)> = docs
            .iter()
            .map(|d| {
                let v = view.document(d);
                let (sort, when, status_v) = match &d.kind {
                    Kind::Inspection(i) => (
                        i.start.map(|x| x.iso()),
                        date(i.start),
                        v["detail"]["overall"].clone(),
                    ),
                    Kind::Visit(x) => (x.start.map(|x| x.iso()), date(x.start), Value::Null),
                    Kind::Meeting(m) => (Some(m.date.iso()), json!(m.date), Value::Null),
                    Kind::Plan(p) => (
                        p.adopted.map(|x| x.iso()),
                        date(p.adopted),
                        v["detail"]["status"].clone(),
                    ),
                    _ => (Some(d.common.title.clone()), Value::Null, Value::Null),
                };
                let row = json!({
                    "href": view.linker.href(&doc_url(&d.id)), "title": d.common.title,
                    "summary": d.common.summary, "date": when, "status": status_v,
                    "kind": d.kind.noun(), "detail": v["detail"],
                });
                (sort.unwrap_or_default(), row)
            })
            .collect();
        let newest_first = matches!(folder, "inspections" | "visits" | "meetings");
        rows.sort_by(|a, b| {
            if newest_first {
                b.0.cmp(&a.0)
            } else {
                a.0.cmp(&b.0)
            }
        });
        let page = json!({
            "folder": folder, "intro": self.intro(folder, &path),
            "items": rows.into_iter().map(|(_, r)| r).collect::<Vec<_>>(),
        });
        self.page(&path, "list.html", title, folder, page);
    }

    fn empty_register(&mut self) {
        let page = json!({ "id": "risks", "title": "Risk register", "kind": "risk register", "summary": null,
            "source": null, "tags": [], "body": "", "referenced_by": [], "exempt": null, "draft": false,
            "detail": { "risks": [] } });
        self.page(
            "risks/index.html",
            "risks.html",
            "Risk register",
            "risks",
            page,
        );
    }

    /// A list for every folder of plain pages that has no index.md of its own.
    fn plain_folders(&mut self) {
        let site = self.site;
        let ids: BTreeSet<&str> = site.documents.iter().map(|d| d.id.as_str()).collect();
        let mut folders: BTreeSet<String> = BTreeSet::new();
        for d in &site.documents {
            if !matches!(d.kind, Kind::Page) {
                continue;
            }
            let mut id = d.id.as_str();
            while let Some((parent, _)) = id.rsplit_once('/') {
                let known = SECTIONS
                    .iter()
                    .any(|(f, _, _)| parent == *f || parent.starts_with(&format!("{f}/")));
                if !known && !ids.contains(parent) {
                    folders.insert(parent.to_string());
                }
                id = parent;
            }
        }
        for folder in folders {
            let docs: Vec<&Document> = site
                .documents
                .iter()
                .filter(|d| d.id.rsplit_once('/').is_some_and(|(p, _)| p == folder))
                .collect();
            let title = folder
                .rsplit('/')
                .next()
                .unwrap_or(&folder)
                .replace('-', " ");
            let mut title_cased = title.clone();
            if let Some(first) = title.chars().next() {
                title_cased = first.to_uppercase().collect::<String>() + &title[first.len_utf8()..];
            }
            self.list(&folder, &title_cased, &docs);
        }
    }
}

/// Style rules for the statuses a site has given its own colours: the
/// colour as background, with whichever text colour reads best on it.
fn status_css(labels: &crate::model::StatusLabels) -> String {
    let mut css = String::new();
    for rag in crate::model::Rag::ALL {
        if let Some(bg) = labels.colour(rag) {
            let (text, _) = bg.text_on();
            css.push_str(&format!(
                ".tag-{name} {{ background: {bg}; color: {text}; border-left-color: {text}; }}\n",
                name = rag.name()
            ));
        }
    }
    css
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}
