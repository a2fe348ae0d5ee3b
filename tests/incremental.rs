//! The preview after an edit renders again only what the edit touched, yet
//! serves exactly what a fresh build of the edited site would: every page,
//! byte for byte, including the pages two references away (an action's
//! evidence shown under the recommendation it answers) and the pages made
//! from the whole site. After a save the file watcher's events name the
//! paths to look at again: the same holds then, and only they are looked
//! at.
#![cfg(feature = "serve")]

mod common;
use common::*;
use oversight::app::Options;
use oversight::load::LoadCache;
use oversight::serve::{Burst, Preview};
use std::path::Path;
use std::time::Duration;

fn edit(content: &Path, rel: &str, from: &str, to: &str) {
    let path = content.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn page(files: &[(String, Vec<u8>)], path: &str) -> String {
    let (_, bytes) = files
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no {path}"));
    String::from_utf8_lossy(bytes).into_owned()
}

/// Applies `change` to a copy of the valid fixture after a first preview,
/// then checks the updated preview against a fresh one. Returns how many
/// documents' pages the edit rendered again, and the fresh site's files.
fn after_edit(change: impl FnOnce(&Path)) -> (Option<usize>, Vec<(String, Vec<u8>)>) {
    after_edit_of(|_| {}, change)
}

/// [`after_edit`] on the fixture as `setup` leaves it.
fn after_edit_of(
    setup: impl FnOnce(&Path),
    change: impl FnOnce(&Path),
) -> (Option<usize>, Vec<(String, Vec<u8>)>) {
    let (updated, theirs) = compare(setup, change, Told::Nothing);
    (updated.rendered_again, theirs)
}

/// How the preview learns what changed.
#[derive(Clone, Copy, PartialEq)]
enum Told {
    /// It is not told: it lists the whole folder.
    Nothing,
    /// By the events a file watcher reports, as `oversight serve` is.
    Watched,
    /// By those events and then one saying the system's queue of events
    /// overflowed.
    Overflow,
}

/// Applies `change` to a copy of the valid fixture after `setup` and a
/// first preview, and checks the preview updated as `told` says against a
/// fresh one. Returns the updated preview and the fresh site's files.
fn compare(
    setup: impl FnOnce(&Path),
    change: impl FnOnce(&Path),
    told: Told,
) -> (Preview, Vec<(String, Vec<u8>)>) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    setup(&content);
    let opts = Options::for_content(content.clone());
    let mut cache = LoadCache::default();
    let first = Preview::build(&opts, &mut cache, None, true).unwrap();
    assert!(first.report.ok(), "{:?}", first.report.diagnostics);
    let mut updated = match told {
        Told::Nothing => {
            change(&content);
            Preview::build(&opts, &mut cache, Some(&first), false).unwrap()
        }
        Told::Watched | Told::Overflow => {
            let mut burst = watched(&content, change);
            if told == Told::Overflow {
                let overflow = notify::Event::new(notify::EventKind::Other)
                    .set_flag(notify::event::Flag::Rescan);
                burst.add(&Ok(overflow));
            }
            Preview::rebuild(&opts, &mut cache, Some(&first), &burst).unwrap()
        }
    };
    let mut fresh = Preview::build(&opts, &mut LoadCache::default(), None, true).unwrap();
    assert!(fresh.report.ok(), "{:?}", fresh.report.diagnostics);
    let (ours, theirs) = (updated.everything(), fresh.everything());
    assert!(!theirs.is_empty());
    let paths = |f: &[(String, Vec<u8>)]| f.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&ours), paths(&theirs), "the same files");
    for ((path, a), (_, b)) in ours.iter().zip(&theirs) {
        assert!(
            a == b,
            "{path} differs from a fresh build:\n{}",
            String::from_utf8_lossy(a)
        );
    }
    if told == Told::Watched {
        assert!(
            updated.files_checked < fresh.files_checked / 4,
            "only the paths the watcher named are looked at: {} of {}",
            updated.files_checked,
            fresh.files_checked
        );
    } else {
        assert_eq!(updated.files_checked, fresh.files_checked, "every file");
    }
    (updated, theirs)
}

/// The burst of events a file watcher on `content` reports for `change`.
fn watched(content: &Path, change: impl FnOnce(&Path)) -> Burst {
    use notify::Watcher;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).unwrap();
    watcher
        .watch(content, notify::RecursiveMode::Recursive)
        .unwrap();
    change(content);
    let mut burst = Burst::new(content, false);
    let mut changed = false;
    while let Ok(event) = rx.recv_timeout(Duration::from_millis(500)) {
        changed |= burst.add(&event);
    }
    assert!(changed, "the watcher saw the change");
    burst
}

fn write(content: &Path, rel: &str, text: &str) {
    let path = content.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const NOTES: &str = "---\ntitle: Working notes\n---\nText.\n";

#[test]
fn an_edit_the_watcher_names_is_read_alone_and_shown_everywhere() {
    let (updated, site) = compare(
        |_| {},
        |c| {
            edit(
                c,
                "plans/recovery/actions.yaml",
                "status: red, note: Slipped after staff losses.",
                "status: green, note: Back on track.",
            )
        },
        Told::Watched,
    );
    assert!(page(&site, "plans/recovery/actions/P1.2/index.html").contains("Back on track"));
    assert!(updated.rendered_again.is_some(), "rendered part by part");
}

#[test]
fn a_new_file_the_watcher_names_is_read() {
    let (_, site) = compare(|_| {}, |c| write(c, "notes.md", NOTES), Told::Watched);
    assert!(page(&site, "notes/index.html").contains("Working notes"));
}

#[test]
fn a_deleted_file_the_watcher_names_is_gone() {
    let (_, site) = compare(
        |c| write(c, "notes.md", NOTES),
        |c| std::fs::remove_file(c.join("notes.md")).unwrap(),
        Told::Watched,
    );
    assert!(!site.iter().any(|(p, _)| p.starts_with("notes/")));
}

#[test]
fn a_renamed_file_is_gone_from_one_name_and_read_at_the_other() {
    let (_, site) = compare(
        |c| write(c, "notes.md", NOTES),
        |c| std::fs::rename(c.join("notes.md"), c.join("working-notes.md")).unwrap(),
        Told::Watched,
    );
    assert!(!site.iter().any(|(p, _)| p.starts_with("notes/")));
    assert!(page(&site, "working-notes/index.html").contains("Working notes"));
}

#[test]
fn a_new_folder_with_a_document_in_it_is_listed() {
    let (_, site) = compare(
        |_| {},
        |c| write(c, "projects/2025/notes.md", NOTES),
        Told::Watched,
    );
    assert!(page(&site, "projects/2025/notes/index.html").contains("Working notes"));
}

#[test]
fn an_overflow_of_events_lists_the_whole_folder() {
    let (updated, site) = compare(|_| {}, |c| write(c, "notes.md", NOTES), Told::Overflow);
    assert!(page(&site, "notes/index.html").contains("Working notes"));
    assert_eq!(updated.rendered_again, None, "every page rendered again");
}

#[test]
fn evidence_retitled_reaches_the_inspection_two_references_away() {
    // The guide is evidence for action P1.1, which addresses a 2019
    // recommendation; the guide itself never names the inspection.
    let (again, site) = after_edit_of(
        |c| {
            edit(
                c,
                "plans/recovery/actions.yaml",
                "\"@visits/2020-02-monitoring\"",
                "\"@guides/reading\"",
            )
        },
        |c| {
            edit(
                c,
                "guides/reading.md",
                "title: Reading the record",
                "title: Renamed evidence guide",
            )
        },
    );
    let inspection = page(&site, "inspections/2019-ilacs/index.html");
    assert!(
        inspection.contains("Renamed evidence guide"),
        "the chain shows the evidence"
    );
    let n = again.expect("rendered part by part");
    assert!((1..10).contains(&n), "{n} documents rendered again");
}

#[test]
fn a_status_update_reaches_what_the_action_addresses_and_the_status_page() {
    let (again, site) = after_edit(|c| {
        edit(
            c,
            "plans/recovery/actions.yaml",
            "status: red, note: Slipped after staff losses.",
            "status: green, note: Back on track.",
        )
    });
    assert!(page(&site, "plans/recovery/actions/P1.2/index.html").contains("Back on track"));
    let addressed = page(&site, "inspections/2023-05-ilacs/index.html");
    let chain = addressed
        .split("P1.2 Strategy discussions on time")
        .nth(1)
        .expect("the chain lists P1.2");
    assert!(
        chain.starts_with("</a> <span class=\"meta\">(Recovery plan)</span><br><strong class=\"tag tag-green\">On track</strong>"),
        "the chain shows the new status: {chain:.200}"
    );
    assert!(again.is_some());
}

#[test]
fn an_exempt_paper_edited_keeps_its_secrets_and_its_links_right() {
    let (again, site) = after_edit(|c| {
        edit(
            c,
            "meetings/2024-01-10-scrutiny/staffing.md",
            "---\n",
            "---\nsummary: CANARY-EDITED\n",
        )
    });
    assert!(again.is_some());
    for (path, bytes) in &site {
        assert!(
            !String::from_utf8_lossy(bytes).contains("CANARY-EDITED"),
            "{path} leaks the exempt paper"
        );
    }
}

#[test]
fn a_paper_retitled_shows_on_its_meeting_and_in_the_lists() {
    let (again, site) = after_edit(|c| {
        edit(
            c,
            "meetings/2024-01-10-scrutiny/report.md",
            "title: Improvement update report",
            "title: Improvement update, revised",
        )
    });
    assert!(
        page(&site, "meetings/2024-01-10-scrutiny/index.html")
            .contains("Improvement update, revised")
    );
    assert!(page(&site, "search/index.html").contains("Improvement update, revised"));
    assert!(again.is_some());
}

#[test]
fn a_new_document_renders_everything_again() {
    let (again, site) = after_edit(|c| {
        std::fs::write(
            c.join("guides/new-guide.md"),
            "---\ntitle: A new guide\n---\nText.\n",
        )
        .unwrap()
    });
    assert_eq!(again, None, "a new page changes the lists and menus");
    assert!(page(&site, "guides/new-guide/index.html").contains("A new guide"));
}

#[test]
fn a_document_renamed_by_another_documents_edit_is_shown_renamed_everywhere() {
    // Moved to 2019, the second inspection shares its year with the first:
    // both go by their months, on pages that link to neither.
    let (again, site) = after_edit_of(
        |c| {
            std::fs::remove_dir_all(c).unwrap();
            two_inspections(c);
        },
        |c| {
            edit(
                c,
                "inspections/2023-second.md",
                "start: 2023-03-06",
                "start: 2019-11-04",
            )
        },
    );
    assert!(
        page(&site, "plans/recovery/actions/P1.1/index.html")
            .contains("March 2019 Ofsted inspection"),
        "the action names the first inspection by its month"
    );
    assert!(again.is_some(), "rendered part by part");
}
