//! What every page's context shares, turned into the template engine's
//! values once per build rather than once per page: the site's settings,
//! its status colours, "today", and the menu as seen from each depth of
//! folder with each of its entries current. The engine's lists and maps
//! are reference-counted, so a page takes them without copying.

use super::pages::{NavEntry, SiteInfo, status_css};
use crate::resolve::{Site, doc_url};
use std::sync::OnceLock;
use tera::Value;

/// Menus are kept for pages up to this many folders down; a deeper page,
/// or the 404 page with its absolute links, has its menu made for it.
const KEPT_DEPTHS: usize = 8;

pub(super) struct Shared {
    /// The menu's sections (folder, title).
    pub menu: Vec<(&'static str, &'static str)>,
    pub site: Value,
    pub status_css: Value,
    pub today: Value,
    /// The menu for a page `depth` folders down with entry `current`
    /// marked (`current == menu.len()`: none), at
    /// `depth * (menu.len() + 1) + current`, made when first needed.
    navs: Vec<OnceLock<Value>>,
}

impl Shared {
    pub fn new(site: &Site) -> Shared {
        let menu = super::pages::menu(site);
        let s = &site.settings;
        let info = SiteInfo {
            title: &s.title,
            organisation: s.organisation.as_deref(),
            service: s.service.as_deref(),
            description: s.description.as_deref(),
            language: &s.language,
        };
        let navs = (0..KEPT_DEPTHS * (menu.len() + 1))
            .map(|_| OnceLock::new())
            .collect();
        Shared {
            site: Value::from_serializable(&info),
            status_css: Value::from_serializable(&status_css(&s.statuses)),
            today: Value::from_serializable(&site.today),
            menu,
            navs,
        }
    }

    /// The menu (`nav`) for a page whose way up to the site root is
    /// `root`, in `section`.
    pub fn nav(&self, root: &str, section: &str) -> Value {
        let current = self
            .menu
            .iter()
            .position(|&(folder, _)| is_current(folder, section))
            .unwrap_or(self.menu.len());
        let depth = root.len() / 3;
        let kept = depth < KEPT_DEPTHS
            && root.len().is_multiple_of(3)
            && root.as_bytes().chunks(3).all(|up| up == b"../");
        if !kept {
            return self.make_nav(root, current);
        }
        self.navs[depth * (self.menu.len() + 1) + current]
            .get_or_init(|| self.make_nav(root, current))
            .clone()
    }

    fn make_nav(&self, root: &str, current: usize) -> Value {
        let nav: Vec<NavEntry> = self
            .menu
            .iter()
            .enumerate()
            .map(|(i, &(folder, title))| NavEntry {
                href: format!("{root}{}", doc_url(folder)),
                title,
                current: i == current,
            })
            .collect();
        Value::from_serializable(&nav)
    }
}

/// Whether the menu's entry for `folder` is the section a page is in.
fn is_current(folder: &str, section: &str) -> bool {
    folder == section || (folder.is_empty() && section == "home")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_menu_is_the_menu_made_for_the_page() {
        let mut diags = crate::diagnostics::Diagnostics::default();
        let loaded = crate::load::load(std::path::Path::new("content"), &mut diags)
            .expect("the example site loads");
        let today = crate::model::Date::parse("2026-12-01").expect("a date");
        let site = crate::resolve::resolve(loaded, today, Default::default(), &mut diags);
        let shared = Shared::new(&site);
        assert!(shared.menu.len() > 5, "{:?}", shared.menu);
        for root in ["", "../", "../../../", "https://example.org/"] {
            for section in ["home", "search", "plans", "nowhere"] {
                let current = shared
                    .menu
                    .iter()
                    .position(|&(f, _)| is_current(f, section))
                    .unwrap_or(shared.menu.len());
                let made = shared.make_nav(root, current);
                // Asked twice: made, then kept.
                assert_eq!(shared.nav(root, section), made, "{root} {section}");
                assert_eq!(shared.nav(root, section), made, "{root} {section}");
            }
        }
        let home = shared.nav("../", "home");
        let text = format!("{home:?}");
        assert!(text.contains("../index.html"), "{text}");
        assert!(text.contains("../search/index.html"), "{text}");
    }
}
