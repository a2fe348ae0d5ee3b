//! A burst of file events, as the watcher reports them, and what it asks
//! of the next build: which paths under the content folder to look at
//! again, or to list the whole folder, and whether the theme changed.

use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
use notify::{Event, EventKind};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What the saves of one burst changed.
#[derive(Debug, Clone)]
pub struct Burst {
    /// The content folder as the watcher may name it (as given, made
    /// absolute, and canonical).
    roots: Vec<PathBuf>,
    /// The paths changed under the content folder, with `/` between names;
    /// `None` when the whole folder must be listed again.
    paths: Option<BTreeSet<String>>,
    /// Whether every page must be rendered again (the theme changed, or
    /// what changed cannot be told).
    theme: bool,
    /// Files written to and not yet closed.
    writing: BTreeSet<PathBuf>,
    /// Whether a file was closed after writing.
    closed: bool,
}

impl Burst {
    /// An empty burst for the content folder `content`. With `poll`, the
    /// watcher reads the folders again at intervals and its events are
    /// not trusted to name every change: the folder is listed again.
    pub fn new(content: &Path, poll: bool) -> Burst {
        let mut roots = vec![content.to_path_buf()];
        roots.extend(std::path::absolute(content).ok());
        roots.extend(content.canonicalize().ok());
        roots.dedup();
        Burst {
            roots,
            paths: (!poll).then(BTreeSet::new),
            theme: false,
            writing: BTreeSet::new(),
            closed: false,
        }
    }

    /// Adds an event to the burst. Returns whether it changed a file:
    /// opening or reading one (which the build itself does) does not.
    pub fn add(&mut self, event: &notify::Result<Event>) -> bool {
        let e = match event {
            Ok(e) => e,
            Err(_) => return self.rescan(),
        };
        if let EventKind::Access(kind) = e.kind {
            if kind == AccessKind::Close(AccessMode::Write) {
                for p in &e.paths {
                    self.writing.remove(p);
                }
                self.closed = true;
            }
            return false;
        }
        if e.need_rescan() || e.paths.is_empty() {
            return self.rescan();
        }
        if matches!(
            e.kind,
            EventKind::Create(CreateKind::File) | EventKind::Modify(ModifyKind::Data(_))
        ) {
            self.writing.extend(e.paths.iter().cloned());
        }
        for path in &e.paths {
            match self.under_content(path) {
                Some(rel) => {
                    if let Some(paths) = &mut self.paths {
                        paths.insert(rel);
                    }
                }
                // The theme: every page is rendered again, and the content
                // folder listed, as for a change that cannot be told.
                None => {
                    self.theme = true;
                    self.paths = None;
                }
            }
        }
        true
    }

    /// A change that cannot be told (the system's queue of events
    /// overflowed, or an event is an error or names no path).
    fn rescan(&mut self) -> bool {
        self.theme = true;
        self.paths = None;
        true
    }

    /// `path` under the content folder, with `/` between names; `None`
    /// when it is outside it.
    fn under_content(&self, path: &Path) -> Option<String> {
        self.roots.iter().find_map(|root| {
            let rel = path.strip_prefix(root).ok()?;
            let names: Option<Vec<&str>> =
                rel.components().map(|c| c.as_os_str().to_str()).collect();
            // A name that is not Unicode: list the folder.
            Some(names.map_or(String::new(), |n| n.join("/")))
        })
    }

    /// Whether every file written to in the burst has been closed: the
    /// save is done, and waiting longer for more would only delay it.
    pub fn settled(&self) -> bool {
        self.closed && self.writing.is_empty()
    }

    /// Whether every page must be rendered again.
    pub fn theme(&self) -> bool {
        self.theme
    }

    /// The paths under the content folder to look at again (`""` is the
    /// folder itself); `None`: list the whole folder.
    pub fn paths(&self) -> Option<&BTreeSet<String>> {
        self.paths.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{Flag, RemoveKind, RenameMode};

    fn event(kind: EventKind, paths: &[&str]) -> notify::Result<Event> {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        Ok(e)
    }

    fn paths(b: &Burst) -> Option<Vec<&str>> {
        b.paths().map(|p| p.iter().map(String::as_str).collect())
    }

    const DATA: EventKind = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
    const CLOSED: EventKind = EventKind::Access(AccessKind::Close(AccessMode::Write));

    #[test]
    fn events_under_the_content_folder_name_their_paths() {
        let mut b = Burst::new(Path::new("/site/content"), false);
        assert!(b.add(&event(DATA, &["/site/content/about.md"])));
        let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(b.add(&event(
            both,
            &["/site/content/a/x.md", "/site/content/b/x.md"]
        )));
        let removed = EventKind::Remove(RemoveKind::Folder);
        assert!(b.add(&event(removed, &["/site/content/old"])));
        let created = EventKind::Create(CreateKind::Folder);
        assert!(b.add(&event(created, &["/site/content"])));
        assert_eq!(
            paths(&b),
            Some(vec!["", "a/x.md", "about.md", "b/x.md", "old"])
        );
        assert!(!b.theme());
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        let mut b = Burst::new(Path::new("/site/content"), false);
        let open = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(!b.add(&event(open, &["/site/content/about.md"])));
        assert_eq!(paths(&b), Some(vec![]));
    }

    #[test]
    fn what_cannot_be_told_lists_the_folder_and_renders_everything() {
        let rescan = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        // A backend may name a path with the overflow: still list it all.
        let rescan_named = Event::new(DATA)
            .set_flag(Flag::Rescan)
            .add_path(PathBuf::from("/site/content/about.md"));
        let error = Err(notify::Error::generic("queue overflow"));
        let nameless = event(DATA, &[]);
        let theme = event(DATA, &["/site/themes/default/templates/page.html"]);
        for e in [Ok(rescan), Ok(rescan_named), error, nameless, theme] {
            let mut b = Burst::new(Path::new("/site/content"), false);
            b.add(&event(DATA, &["/site/content/about.md"]));
            assert!(b.add(&e));
            b.add(&event(DATA, &["/site/content/guide.md"]));
            assert_eq!(paths(&b), None, "{e:?}");
            assert!(b.theme(), "{e:?}");
        }
    }

    #[test]
    fn polling_lists_the_folder() {
        let mut b = Burst::new(Path::new("/site/content"), true);
        b.add(&event(DATA, &["/site/content/about.md"]));
        assert_eq!(paths(&b), None);
        assert!(!b.theme(), "only the content changed");
    }

    #[test]
    fn a_save_is_settled_when_every_file_written_is_closed() {
        let mut b = Burst::new(Path::new("/site/content"), false);
        b.add(&event(DATA, &["/site/content/a.md"]));
        assert!(!b.settled(), "still being written");
        b.add(&event(DATA, &["/site/content/b.md"]));
        b.add(&event(CLOSED, &["/site/content/a.md"]));
        assert!(!b.settled(), "b.md is still open");
        b.add(&event(CLOSED, &["/site/content/b.md"]));
        assert!(b.settled());
        // An editor's temporary file renamed over the document.
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        b.add(&event(renamed, &["/site/content/a.md"]));
        assert!(b.settled());
        b.add(&event(DATA, &["/site/content/a.md"]));
        assert!(!b.settled(), "written again");
        let mut removed = Burst::new(Path::new("/site/content"), false);
        removed.add(&event(
            EventKind::Remove(RemoveKind::File),
            &["/site/content/a.md"],
        ));
        assert!(!removed.settled(), "nothing closed: wait the full time");
    }
}
