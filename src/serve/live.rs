//! The preview's site in memory, kept up to date part by part. After an
//! edit, the pages of the edited documents are rendered again at once;
//! those of every document within two references of them, and the pages
//! made from the whole site (home, status, timeline, lists, search, data),
//! when next asked for. Nothing else is touched.

use crate::diagnostics::Diagnostic;
use crate::output::{Content, OutputFile};
use crate::render::theme::Theme;
use crate::render::{Part, render_some};
use crate::resolve::Site;
use crate::resolve::graph::{Graph, renamed, touched};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// What the preview has of a valid site.
#[derive(Clone)]
pub struct Live {
    site: Arc<Site>,
    theme: Arc<Theme>,
    files: HashMap<String, Arc<Content>>,
    /// The paths each part made when last rendered.
    made: HashMap<Part, Vec<String>>,
    owner: HashMap<String, Part>,
    /// Parts not yet rendered for this site: rendered when asked for.
    stale: BTreeSet<Part>,
    /// Whether `feed.xml` and `sitemap.xml` are out of date.
    web_stale: bool,
}

/// What the preview has at a path.
pub enum Lookup {
    Found(Arc<Content>),
    /// The part that makes it must be rendered first.
    Stale,
    Missing,
}

impl Live {
    /// Renders every part of the site.
    pub fn render_all(site: Site, theme: Theme) -> Result<Live, Vec<Diagnostic>> {
        let mut live = Live {
            site: Arc::new(site),
            theme: Arc::new(theme),
            files: HashMap::new(),
            made: HashMap::new(),
            owner: HashMap::new(),
            stale: BTreeSet::new(),
            web_stale: true,
        };
        let parts = Part::all(&live.site);
        live.render(&parts)?;
        live.render_web();
        Ok(live)
    }

    /// Whether `site` has the same published documents and the same menu
    /// (which every page shows) as this one, so that an edit can be
    /// applied part by part.
    pub fn can_update(&self, site: &Site) -> bool {
        crate::render::menu(&self.site) == crate::render::menu(site)
            && self.site.documents.len() == site.documents.len()
            && self
                .site
                .documents
                .iter()
                .zip(&site.documents)
                .all(|(a, b)| a.id == b.id)
    }

    /// This site after an edit to the documents `changed`: their pages are
    /// rendered again now; the pages that may show anything of them, and
    /// the pages made from the whole site, when next asked for. Returns
    /// the new site and how many documents' pages are out of date.
    pub fn update(
        &self,
        site: Site,
        changed: &BTreeSet<String>,
    ) -> Result<(Live, usize), Vec<Diagnostic>> {
        let mut changed = changed.clone();
        changed.extend(renamed(&self.site, &site));
        let ids = touched(&Graph::of(&self.site), &Graph::of(&site), &changed);
        let part = |id: &String| {
            site.documents
                .binary_search_by(|d| d.id.as_str().cmp(id))
                .ok()
                .map(Part::Document)
        };
        let edited: Vec<Part> = changed.iter().filter_map(part).collect();
        let parts: Vec<Part> = ids.iter().filter_map(part).collect();
        let mut live = Live {
            site: Arc::new(site),
            ..self.clone()
        };
        // The theme's files, copied files, the 404 page and the accessibility
        // statement depend only on the theme and `site.yaml`, whose changes
        // render everything again.
        live.stale.extend(Part::CONTENT_WIDE);
        // The pages that show something of the edited documents are
        // rendered when asked for, the edited documents' own now: the page
        // the officer is looking at is served at once, and its template
        // errors shown.
        live.stale
            .extend(parts.iter().filter(|p| !edited.contains(p)));
        live.web_stale = true;
        live.render(&edited)?;
        Ok((live, parts.len()))
    }

    fn render(&mut self, parts: &[Part]) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        for (part, files, errs) in render_some(&self.site, &self.theme, parts) {
            errors.extend(errs);
            // What the part made before goes: a removed action's page too.
            for old in self.made.remove(&part).unwrap_or_default() {
                self.files.remove(&old);
                self.owner.remove(&old);
            }
            let paths = files.iter().map(|f| f.path.clone()).collect();
            for OutputFile { path, content } in files {
                self.owner.insert(path.clone(), part);
                self.files.insert(path, Arc::new(content));
            }
            self.made.insert(part, paths);
            self.stale.remove(&part);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `feed.xml` and `sitemap.xml`, from every page.
    fn render_web(&mut self) {
        let pages: Vec<&str> = self.files.keys().map(String::as_str).collect();
        let web = crate::exports::web_files(&self.site, &pages);
        for OutputFile { path, content } in web {
            self.files.insert(path, Arc::new(content));
        }
        self.web_stale = false;
    }

    pub fn lookup(&self, path: &str) -> Lookup {
        let web = path == "feed.xml" || path == "sitemap.xml";
        match self.owner.get(path) {
            Some(part) if self.stale.contains(part) => Lookup::Stale,
            _ if web && self.web_stale && self.site.settings.base_url.is_some() => Lookup::Stale,
            _ => match self.files.get(path) {
                Some(c) => Lookup::Found(Arc::clone(c)),
                // A page a whole-site part has not made yet (a new tag).
                None if !self.stale.is_empty() => Lookup::Stale,
                None => Lookup::Missing,
            },
        }
    }

    /// Renders what `path` needs: the part that made it, or, for a path no
    /// part has made yet and for the feed and sitemap, every stale part.
    pub fn refresh(&mut self, path: &str) -> Result<(), Vec<Diagnostic>> {
        match self.owner.get(path) {
            Some(part) if self.stale.contains(part) => self.render(&[*part]),
            _ => {
                let stale: Vec<Part> = self.stale.iter().copied().collect();
                self.render(&stale)?;
                if self.web_stale {
                    self.render_web();
                }
                Ok(())
            }
        }
    }

    /// The number of HTML pages the site has.
    pub fn pages(&self) -> usize {
        self.files.keys().filter(|p| p.ends_with(".html")).count()
    }

    /// Every file, each part brought up to date: for tests, which compare
    /// it with a fresh build.
    pub fn everything(&mut self) -> Result<Vec<(String, Arc<Content>)>, Vec<Diagnostic>> {
        self.refresh("")?;
        let mut all: Vec<(String, Arc<Content>)> = self
            .files
            .iter()
            .map(|(p, c)| (p.clone(), Arc::clone(c)))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(all)
    }
}
