//! Every page of the site, rendered through its template.

use super::links::Linker;
use super::parts::Giving;
use super::shared::Shared;
use super::theme::Theme;
use super::views::{Detail, View};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, FileReporter};
use crate::model::{Document, KindName};
use crate::output::Sink as _;
use crate::output::{Content, OutputFile};
use crate::resolve::{Site, doc_url};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// The site's settings every page shows (`site` in a template).
#[derive(Serialize)]
pub(super) struct SiteInfo<'a> {
    pub title: &'a str,
    pub organisation: Option<&'a str>,
    pub service: Option<&'a str>,
    pub description: Option<&'a str>,
    pub language: &'a str,
}

/// One entry of the menu (`nav`).
#[derive(Serialize)]
pub(super) struct NavEntry {
    pub href: String,
    pub title: &'static str,
    pub current: bool,
}

pub(super) struct Renderer<'a> {
    pub(super) site: &'a Site,
    pub(super) theme: &'a Theme,
    /// What every page shares: the menu and the site's settings, made
    /// once per build.
    shared: &'a Shared,
    /// Where each page goes as soon as it is rendered.
    out: &'a Giving<'a>,
    pub(super) errors: Vec<Diagnostic>,
}

/// The menu: Home, Search, Timeline, Status, then each list that has
/// something in it.
pub fn menu(site: &Site) -> Vec<(&'static str, &'static str)> {
    let kinds: BTreeSet<KindName> = site.documents.iter().map(|d| d.kind.name()).collect();
    let mut folders = vec![
        ("", "Home"),
        ("search", "Search"),
        ("timeline", "Timeline"),
        ("status", "Status"),
    ];
    for (kind, s) in KindName::sections() {
        if kinds.contains(&kind) {
            folders.push((s.folder, s.title));
        }
    }
    let any_recommendations = site
        .documents
        .iter()
        .any(|d| !d.kind.recommendations().is_empty());
    if any_recommendations {
        folders.push(("recommendations", "Recommendations"));
    }
    folders
}

impl<'a> Renderer<'a> {
    pub(super) fn new(
        site: &'a Site,
        theme: &'a Theme,
        shared: &'a Shared,
        out: &'a Giving<'a>,
    ) -> Renderer<'a> {
        Renderer {
            site,
            theme,
            shared,
            out,
            errors: Vec::new(),
        }
    }

    pub(super) fn view(&self, path: &str) -> View<'a> {
        View {
            site: self.site,
            linker: Linker::new(&self.site.index, path),
        }
    }

    /// Renders `template` to `path` with the shared context plus `page`.
    pub(super) fn page(
        &mut self,
        path: &str,
        template: &str,
        title: &str,
        section: &str,
        page: Value,
    ) {
        let header = print_header(&page, title, &self.site.settings.title);
        self.page_with(None, path, template, title, section, &page, &header);
    }

    /// Renders `template` to `path` with typed `page` data, headed when
    /// printed by the page's title and the site's.
    pub(super) fn typed_page(
        &mut self,
        path: &str,
        template: &str,
        title: &str,
        section: &str,
        page: &impl Serialize,
    ) {
        let header = format!("{title} · {}", self.site.settings.title);
        self.page_with(None, path, template, title, section, page, &header);
    }

    /// The 404 page is shown at whatever address was missing, so relative
    /// links cannot reach the site from it. With `base_url` its links are
    /// absolute; its styles are inlined either way.
    pub(super) fn not_found(&mut self) {
        let root = self.site.settings.base_url.clone();
        let css = self
            .theme
            .assets
            .iter()
            .find(|(n, _)| n == "style.css")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned());
        let page = crate::obj!({ "css": css });
        let header = print_header(&page, "Page not found", &self.site.settings.title);
        self.page_with(
            root,
            "404.html",
            "404.html",
            "Page not found",
            "404",
            &page,
            &header,
        );
    }

    /// `root`, when given, replaces the relative way up to the site root.
    /// `header` heads the printed page.
    #[allow(clippy::too_many_arguments)]
    fn page_with(
        &mut self,
        root: Option<String>,
        path: &str,
        template: &str,
        title: &str,
        section: &str,
        page: &impl Serialize,
        header: &str,
    ) {
        let mut view = self.view(path);
        if let Some(root) = root {
            view.linker.root = root;
        }
        let s = &self.site.settings;
        let shared = self.shared;
        let mut ctx = tera::Context::new();
        ctx.insert_value("site", shared.site.clone());
        ctx.insert("root", &view.linker.root);
        ctx.insert(
            "feed",
            &s.base_url.as_ref().map(|_| view.linker.href("feed.xml")),
        );
        ctx.insert_value("status_css", shared.status_css.clone());
        ctx.insert_value("nav", shared.nav(&view.linker.root, section));
        ctx.insert_value("today", shared.today.clone());
        ctx.insert("title", title);
        ctx.insert("print_css", &print_css(header, self.site.today));
        ctx.insert("section", section);
        ctx.insert("page", page);
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
            Ok(html) => {
                // A sink's failure is kept by `Giving` and reported once.
                let _ = self.out.put(OutputFile {
                    path: path.to_string(),
                    content: Content::Bytes(html.into_bytes()),
                });
            }
            Err(e) => self.errors.push(FileReporter::whole_file_error(
                Code::TemplateError,
                &format!("template {template}"),
                &format!("rendering {path} failed: {}", error_chain(&e)),
                Some("if this is your theme's template, check the names it uses against docs/themes.md".into()),
            )),
        }
    }

    pub(super) fn document(&mut self, doc: &'a Document, template: &str) {
        let path = doc_url(&doc.id);
        let page = self.view(&path).document(doc);
        let section = doc.id.split('/').next().unwrap_or("");
        let title = &doc.common.title;
        let header = match &page.detail {
            Detail::Paper(p) => paper_header(
                p.agenda_item.as_deref(),
                title,
                p.date.map(|d| d.long()).as_deref(),
            ),
            _ => format!("{title} · {}", self.site.settings.title),
        };
        self.page_with(None, &path, template, title, section, &page, &header);
    }

    pub(super) fn action(&mut self, plan: &'a Document, a: &'a crate::model::Action) {
        let path = crate::resolve::action_url(&plan.id, &a.id.value);
        let title = format!("{} {}", a.id.value, a.title);
        match self.view(&path).action(plan, a) {
            Some(page) => {
                let header = format!("{title} · {}", self.site.settings.title);
                self.page_with(None, &path, "action.html", &title, "plans", &page, &header);
            }
            None => self.page(&path, "action.html", &title, "plans", Value::Null),
        }
    }
}

/// A CSS string literal: quotes, backslashes and line ends escaped, and `<`
/// too, so no text can end the style element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '\n' | '\r' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The printed page's header: for a paper its agenda item, title and
/// date, as committee papers are headed; otherwise the page and the site.
fn print_header(page: &Value, title: &str, site: &str) -> String {
    let d = &page["detail"];
    if page["kind"] == "paper" {
        paper_header(d["agenda_item"].as_str(), title, d["date"]["long"].as_str())
    } else {
        format!("{title} · {site}")
    }
}

/// "Agenda item 5 · Title · 16 November 2022", each part when known.
fn paper_header(item: Option<&str>, title: &str, date: Option<&str>) -> String {
    let mut parts = Vec::new();
    if let Some(item) = item {
        parts.push(format!("Agenda item {item}"));
    }
    parts.push(title.to_string());
    if let Some(date) = date {
        parts.push(date.to_string());
    }
    parts.join(" · ")
}

/// The printed page's header and footer (CSS page-margin boxes): `header`,
/// and the "as at" date and page numbers.
fn print_css(header: &str, today: crate::model::Date) -> String {
    format!(
        "@page {{ @top-left {{ content: {}; }} @bottom-left {{ content: {}; }} @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); }} }}",
        css_string(header),
        css_string(&format!("Statuses as at {}", today.long())),
    )
}

/// Style rules for the statuses a site has given its own colours: the
/// colour as background, with whichever text colour reads best on it.
pub(super) fn status_css(labels: &crate::model::StatusLabels) -> String {
    let mut css = String::new();
    for rag in crate::model::Rag::ALL {
        if let Some(bg) = labels.colour(rag) {
            let (text, _) = bg.text_on();
            css.push_str(&format!(
                ".tag-{name} {{ background: {bg}; color: {text}; border-left-color: {text}; }}\n\
                 .rag-{name} {{ fill: {bg}; }} .chart-on-{name} {{ fill: {text}; }}\n",
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
