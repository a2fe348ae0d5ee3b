//! Every kind of document, in one table: its noun, its built-in list, its
//! template and its group in the search page's listing. Code that must
//! treat each kind in its own way matches on [`KindName`] or on
//! [`Kind`](super::Kind) with no catch-all arm, so a new kind is a compile
//! error everywhere it must be handled (see `docs/architecture.md`,
//! "Adding a document kind").

/// The kinds of document, with no data: what a file is, by where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KindName {
    /// `content/index.md`.
    Home,
    /// `<folder>/index.md` of a built-in list.
    ListIntro,
    Page,
    Inspection,
    Visit,
    Review,
    Plan,
    Meeting,
    Paper,
    Risks,
    Indicator,
}

/// A built-in list: its folder (and page, `<folder>/index.html`) and title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub folder: &'static str,
    pub title: &'static str,
}

/// What the site says and does about a kind.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    /// The word for one in lists and messages: "inspection".
    pub noun: &'static str,
    /// Its built-in list, if it has one.
    pub section: Option<Section>,
    /// The heading of its group on the search page, if it is listed there.
    pub group: Option<&'static str>,
    /// The theme's template for its page.
    pub template: &'static str,
}

const fn section(folder: &'static str, title: &'static str) -> Option<Section> {
    Some(Section { folder, title })
}

impl KindName {
    /// Every kind, in the order of the menu and the search page's listing.
    pub const ALL: [KindName; 11] = [
        KindName::Inspection,
        KindName::Visit,
        KindName::Review,
        KindName::Plan,
        KindName::Meeting,
        KindName::Paper,
        KindName::Risks,
        KindName::Indicator,
        KindName::Page,
        KindName::Home,
        KindName::ListIntro,
    ];

    pub const fn info(self) -> KindInfo {
        use KindName::*;
        let (noun, section, group, template) = match self {
            Home => ("home page", None, None, "home.html"),
            ListIntro => ("list introduction", None, None, "page.html"),
            Page => ("page", None, Some("Pages"), "page.html"),
            Inspection => (
                "inspection",
                section("inspections", "Inspections"),
                Some("Inspections"),
                "inspection.html",
            ),
            Visit => (
                "visit",
                section("visits", "Visits"),
                Some("Visits"),
                "visit.html",
            ),
            Review => (
                "review",
                section("reviews", "Reviews and intervention"),
                Some("Reviews and intervention"),
                "review.html",
            ),
            Plan => (
                "plan",
                section("plans", "Plans"),
                Some("Plans"),
                "plan.html",
            ),
            Meeting => (
                "meeting",
                section("meetings", "Meetings"),
                Some("Meetings"),
                "meeting.html",
            ),
            Paper => ("paper", None, Some("Papers"), "paper.html"),
            Risks => (
                "risk register",
                section("risks", "Risks"),
                Some("Risks"),
                "risks.html",
            ),
            Indicator => (
                "indicator",
                section("indicators", "Indicators"),
                Some("Indicators"),
                "indicator.html",
            ),
        };
        KindInfo {
            noun,
            section,
            group,
            template,
        }
    }

    pub const fn noun(self) -> &'static str {
        self.info().noun
    }

    /// The built-in lists, in menu order.
    pub fn sections() -> impl Iterator<Item = (KindName, Section)> {
        Self::ALL
            .into_iter()
            .filter_map(|k| k.info().section.map(|s| (k, s)))
    }

    /// The kind whose built-in list lives in `folder`, if any.
    pub fn of_section(folder: &str) -> Option<KindName> {
        Self::sections()
            .find(|(_, s)| s.folder == folder)
            .map(|(k, _)| k)
    }

    /// The kind whose documents are files in `folder` (and whose list may
    /// have an `index.md` introduction there). Not the risk register: it is
    /// one file, `risks.yaml`, and its folder is the build's own page.
    pub fn of_document_folder(folder: &str) -> Option<KindName> {
        Self::of_section(folder).filter(|k| *k != KindName::Risks)
    }
}

/// Names the build itself writes at the top of `output/`, besides the
/// lists' folders: no content file or folder may take them.
pub const BUILT_PAGES: [&str; 11] = [
    "assets",
    "changes",
    "data",
    "recommendations",
    "search",
    "status",
    "tags",
    "timeline",
    "404",
    "feed",
    "sitemap",
];

/// Whether the build writes a page or folder of this name at the top of
/// `output/`: one of [`BUILT_PAGES`] or a list's folder.
pub fn is_built_name(name: &str) -> bool {
    BUILT_PAGES.contains(&name) || KindName::of_section(name).is_some()
}

/// Whether the build writes everything under the folder `name`, so that no
/// content file may sit in it: one of [`BUILT_PAGES`], or the register's.
pub fn is_built_folder(name: &str) -> bool {
    is_built_name(name) && KindName::of_document_folder(name).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed_once_and_lists_have_distinct_folders() {
        let mut all = KindName::ALL.to_vec();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), KindName::ALL.len());
        let folders: Vec<&str> = KindName::sections().map(|(_, s)| s.folder).collect();
        assert_eq!(
            folders,
            [
                "inspections",
                "visits",
                "reviews",
                "plans",
                "meetings",
                "risks",
                "indicators"
            ]
        );
        assert_eq!(KindName::of_section("reviews"), Some(KindName::Review));
        assert!(is_built_name("timeline") && is_built_name("reviews"));
        assert!(!is_built_name("about"));
        assert!(is_built_folder("risks") && is_built_folder("search"));
        assert!(!is_built_folder("reviews") && !is_built_folder("about"));
        assert_eq!(KindName::of_document_folder("risks"), None);
    }
}
