//! A rebuild renders again only the documents an edit touched and keeps
//! the other documents' pages from the last build, by the record that
//! build left beside its spare. Whatever the edit, the site it makes is
//! byte for byte the site a first build makes; a stale page is the worst
//! thing a rebuild could publish.
#![cfg(unix)]

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A site being edited and rebuilt, and checked after each edit against a
/// first build of the same content.
struct Site {
    tmp: tempfile::TempDir,
    content: PathBuf,
    out: PathBuf,
    step: usize,
}

impl Site {
    /// A copy of `from`, built twice so that a spare and its record are
    /// in place.
    fn of(from: &Path) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        copy_dir(from, &content);
        let out = tmp.path().join("output");
        let mut site = Site {
            tmp,
            content,
            out,
            step: 0,
        };
        site.build();
        site.build();
        site
    }

    fn build(&mut self) -> String {
        let (code, stdout, err) = build(&self.content, &self.out, &ARGS);
        assert_eq!(code, 0, "{stdout}{err}");
        format!("{stdout}{err}")
    }

    /// Makes an edit, rebuilds, and checks the site against a first
    /// build: how many documents' pages were kept (0 when every page was
    /// rendered).
    fn edit(&mut self, what: &str, change: impl FnOnce(&Path)) -> usize {
        change(&self.content);
        let said = self.build();
        self.step += 1;
        let fresh = self.tmp.path().join(format!("fresh-{}", self.step));
        let (code, stdout, err) = build(&self.content, &fresh, &ARGS);
        assert_eq!(code, 0, "{stdout}{err}");
        let (rebuilt, first) = (tree(&self.out), tree(&fresh));
        let differ: std::collections::BTreeSet<&String> = rebuilt
            .keys()
            .chain(first.keys())
            .filter(|p| rebuilt.get(*p) != first.get(*p))
            .collect();
        assert!(
            differ.is_empty(),
            "after {what}, the rebuilt site differs from a first build: {differ:?}"
        );
        std::fs::remove_dir_all(&fresh).unwrap();
        kept(&said)
    }

    fn record(&self) -> String {
        read(self.tmp.path(), ".output.record")
    }
}

/// Replaces `from` by `to` in the content file `rel`, which must hold it.
fn replace(content: &Path, rel: &str, from: &str, to: &str) {
    let text = read(content, rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(content.join(rel), text.replacen(from, to, 1)).unwrap();
}

fn append(content: &Path, rel: &str, text: &str) {
    let mut all = read(content, rel);
    all.push_str(text);
    std::fs::write(content.join(rel), all).unwrap();
}

const ARGS: [&str; 2] = ["--as-of", "2024-06-01"];

/// The documents whose pages the build said it kept.
fn kept(said: &str) -> usize {
    said.split(" documents' pages kept")
        .next()
        .filter(|before| before.len() < said.len())
        .and_then(|before| before.rsplit('(').next())
        .map_or(0, |n| n.trim().parse().expect("a count"))
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

#[test]
fn every_kind_of_edit_rebuilds_the_example_as_a_first_build_would() {
    let mut s = Site::of(&example());
    let documents = 28;
    assert_eq!(s.edit("nothing", |_| {}), documents, "nothing changed");

    let visit = "visits/2022-09-monitoring-visit.md";
    let kept = s.edit("a sentence added to a visit", |c| {
        append(c, visit, "\nA sentence added after the visit.\n")
    });
    assert!(
        kept > 0 && kept < documents,
        "{kept} documents kept after one edit"
    );

    s.edit("a visit's title", |c| {
        replace(c, visit, "title: \"", "title: \"Revised: ")
    });
    // Two Ofsted inspections in 2019 take their months as names: every
    // page that names the other one changes too, however far from this.
    s.edit(
        "an inspection's date that renames another inspection",
        |c| {
            let rel = "inspections/2023-03-ilacs.md";
            replace(c, rel, "start: 2023-03-13", "start: 2019-11-04");
            replace(c, rel, "end: 2023-03-24", "end: 2019-11-15");
        },
    );
    s.edit("an action's latest status", |c| {
        replace(
            c,
            "plans/practice-improvement/actions.yaml",
            "status: blue\n      note: The staffing structure",
            "status: red\n      note: The staffing structure",
        )
    });
    s.edit("an indicator's value", |c| {
        replace(
            c,
            "indicators/social-workers-recruited.yaml",
            "value: 36",
            "value: 38",
        )
    });
    s.edit("a reference added", |c| {
        append(
            c,
            "visits/2020-10-focused-visit.md",
            "\nSee also [the 2023 inspection](@inspections/2023-03-ilacs).\n",
        )
    });
    s.edit("a reference taken out", |c| {
        replace(
            c,
            "visits/2021-05-monitoring-visit.md",
            "([indicator](@indicators/children-in-permanent-placements))",
            "(the indicator)",
        )
    });
    s.edit("a minute's resolution", |c| {
        append(
            c,
            "meetings/2021-06-30-cypssc/minutes.md",
            "\nA further note to the minutes.\n",
        )
    });
    // A paper's page names its meeting, and the meeting lists its papers.
    s.edit("a meeting's title", |c| {
        replace(
            c,
            "meetings/2021-06-30-cypssc/index.md",
            "title: Children and Young People's Services Scrutiny Committee, 30 June 2021",
            "title: Scrutiny Committee, 30 June 2021",
        )
    });
    s.edit("the risk register", |c| {
        replace(c, "risks.yaml", "title: ", "title: Revised ");
    });
    s.edit("the home page", |c| {
        append(c, "index.md", "\nA line added to the home page.\n")
    });
    s.edit("site.yaml", |c| {
        replace(c, "site.yaml", "title: ", "title: The ")
    });
    s.edit("a new document", |c| {
        std::fs::write(
            c.join("visits/2023-01-monitoring-visit.md"),
            "---\ntitle: Monitoring visit, January 2023\nkind: monitoring visit\n\
             inspectorate: Ofsted\ndate: 2023-01-10\n---\nA new visit \
             ([2023 inspection](@inspections/2023-03-ilacs)).\n",
        )
        .unwrap()
    });
    s.edit("a document removed", |c| {
        std::fs::remove_file(c.join("visits/2023-01-monitoring-visit.md")).unwrap()
    });
    let kept = s.edit("a file saved again unchanged", |c| {
        let text = read(c, visit);
        std::fs::write(c.join(visit), text).unwrap();
    });
    assert_eq!(kept, documents, "a file saved unchanged changes nothing");
}

#[test]
fn edits_to_unpublished_documents_rebuild_as_a_first_build_would() {
    let mut s = Site::of(&fixture("valid"));
    let body = s.edit("a published visit's text", |c| {
        append(
            c,
            "visits/2020-02-monitoring.md",
            "\nMore progress was seen.\n",
        )
    });
    assert!(body > 0, "nothing was kept");
    // Nothing of an exempt visit's text shows on the site, but a change
    // to it is not judged: every page is rendered again.
    let exempt = s.edit("an exempt visit's text", |c| {
        append(c, "visits/2021-exempt-visit.md", "\nMore exempt text.\n")
    });
    assert_eq!(
        exempt, 0,
        "an unpublished document's edit renders everything"
    );
    // Links to it read "exempt (paragraph 3)".
    s.edit("an exempt visit's paragraph", |c| {
        replace(c, "visits/2021-exempt-visit.md", "exempt: 3", "exempt: 1")
    });
    s.edit("a draft paper", |c| {
        append(
            c,
            "meetings/2024-01-10-scrutiny/draft-notes.md",
            "\nMore draft notes.\n",
        )
    });
    s.edit("a paper made exempt", |c| {
        replace(
            c,
            "meetings/2024-01-10-scrutiny/minutes.md",
            "kind: minutes\n",
            "kind: minutes\nexempt: 1\n",
        )
    });
    // Its papers name the meeting, on the agenda or not.
    s.edit("a meeting's title", |c| {
        replace(
            c,
            "meetings/2024-01-10-scrutiny/index.md",
            "title: Children's Scrutiny Committee",
            "title: Scrutiny Committee for Children",
        )
    });
    s.edit("an action's note", |c| {
        replace(
            c,
            "plans/recovery/actions.yaml",
            "Slipped after staff losses.",
            "Slipped after two staff left.",
        )
    });
}

#[test]
fn the_record_names_nothing_the_site_does_not_publish() {
    let s = Site::of(&fixture("valid"));
    let record = s.record();
    assert!(record.contains("visits/2020-02-monitoring"), "{record}");
    for secret in [
        "exempt-visit",
        "draft-notes",
        "secret",
        "staffing",
        "CANARY",
    ] {
        assert!(!record.contains(secret), "the record names {secret}");
    }
}

#[test]
fn a_published_page_changed_by_hand_is_rendered_again() {
    let mut s = Site::of(&fixture("valid"));
    // Written into the published file, which the spare shares.
    let page = s.out.join("about/index.html");
    std::fs::write(&page, "changed by hand").unwrap();
    assert_eq!(
        std::fs::read_to_string(s.tmp.path().join(".output.spare/about/index.html")).unwrap(),
        "changed by hand"
    );
    s.edit("nothing, after a page was changed by hand", |_| {});
    assert!(read(&s.out, "about/index.html").contains("<html"));
}

#[test]
fn a_damaged_or_foreign_record_renders_everything() {
    let mut s = Site::of(&fixture("valid"));
    let at = s.tmp.path().join(".output.record");
    std::fs::write(&at, "{\"version\": 1, \"not\": \"a record\"}").unwrap();
    assert_eq!(s.edit("a damaged record", |_| {}), 0);
    // The build left a good one: the next build keeps every page.
    assert!(s.edit("nothing", |_| {}) > 0);
    // Another date is another build.
    let (code, stdout, err) = build(&s.content, &s.out, &["--as-of", "2024-07-01"]);
    assert_eq!(code, 0, "{stdout}{err}");
    assert_eq!(kept(&format!("{stdout}{err}")), 0, "{stdout}{err}");
}

#[test]
fn a_document_renamed_by_another_documents_edit_is_rendered_again_where_it_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let from = tmp.path().join("site");
    two_inspections(&from);
    let mut s = Site::of(&from);
    let action = "plans/recovery/actions/P1.1/index.html";
    assert!(read(&s.out, action).contains("2019 Ofsted inspection"));
    // The second inspection moves to 2019, which it shares with the first:
    // both now go by their months, on pages that link to neither.
    s.edit("the second inspection's date", |c| {
        replace(
            c,
            "inspections/2023-second.md",
            "start: 2023-03-06",
            "start: 2019-11-04",
        )
    });
    assert!(read(&s.out, action).contains("March 2019 Ofsted inspection"));
}
