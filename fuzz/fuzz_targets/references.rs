//! A small site that is valid except where the fuzzer chooses: the ids of
//! recommendations, priorities, actions and risks, and every reference,
//! `follows`, `responds_to`, `addresses`, `evidence`, `discusses`,
//! `responses[].to`, agenda `paper`, `@` links and relative links and
//! images in Markdown. A reference is often one that exists, or one that
//! exists with something added, so that most inputs get as far as rendering.
//! Loaded, resolved and rendered by `oversight_fuzz::run_site`; every
//! diagnostic must have a message.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use oversight_fuzz::quoted;
use std::fmt::Write;

const MEETING: &str = "meetings/2024-01-10-m";

/// Documents of the site, by id.
const DOCS: [&str; 13] = [
    "inspections/first",
    "inspections/second",
    "visits/visit",
    "plans/plan",
    "meetings/2024-01-10-m",
    "meetings/2024-01-10-m/report",
    "meetings/2024-01-10-m/letter",
    "meetings/2024-01-10-m/minutes",
    "risks",
    "indicators/ind",
    "about",
    "guides/page",
    "",
];

/// Ids an item may take, besides whatever the fuzzer writes.
const IDS: [&str; 8] = [
    "rec-one", "rec-two", "P1", "P1.1", "R1", "a", "x.y_z-1", "1",
];

/// Relative links as an officer writes them, from some file's folder.
const RELATIVE: [&str; 12] = [
    "about.md",
    "../about.md",
    "../../about.md",
    "../images/logo.png",
    "images/logo.png",
    "report.md#main",
    "letter.md",
    "../inspections/first.md#rec-one",
    "../plans/plan/index.md",
    "page.md#how-to-read",
    "../../../outside.md",
    "./minutes.md",
];

#[derive(Arbitrary, Debug)]
enum Id {
    Known(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
enum Ref {
    /// A document, or an item of the site, that exists.
    Known(u8),
    /// One that exists with something added.
    Edit(u8, String),
    /// A document that exists and any item.
    Item(u8, String),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
enum Paper {
    Known(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
enum Link {
    At(Ref),
    Relative(Relative),
    Image(Relative),
    /// A reference-style link whose definition holds the target.
    Defined(Ref),
}

#[derive(Arbitrary, Debug)]
enum Relative {
    Known(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
struct Action {
    id: Id,
    priority: u8,
    addresses: Vec<Ref>,
    evidence: Vec<Ref>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    recommendations: Vec<Id>,
    priorities: Vec<Id>,
    actions: Vec<Action>,
    meeting_recommendations: Vec<Id>,
    resolutions: Vec<Id>,
    risks: Vec<Id>,
    follows: Option<Ref>,
    responds_to: Vec<Ref>,
    discusses: Vec<Ref>,
    responses: Vec<Ref>,
    agenda: Vec<Paper>,
    /// A link and the document (by its number) whose body it is in.
    links: Vec<(u8, Link)>,
    letter_exempt: bool,
    report_draft: bool,
}

fuzz_target!(|input: Input| {
    let files = site(&input);
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    oversight_fuzz::run_site(&files);
});

fn pick<'a>(list: &[&'a str], n: u8) -> &'a str {
    list[n as usize % list.len()]
}

fn id(i: &Id) -> String {
    match i {
        Id::Known(n) => pick(&IDS, *n).to_string(),
        Id::Raw(s) => s.clone(),
    }
}

fn ids(list: &[Id], default: &str) -> Vec<String> {
    let out: Vec<String> = list.iter().take(4).map(id).collect();
    if out.is_empty() {
        vec![default.to_string()]
    } else {
        out
    }
}

/// What the site holds that a reference can name.
struct Known {
    targets: Vec<String>,
}

impl Known {
    fn reference(&self, r: &Ref) -> String {
        let pick = |n: u8| self.targets[n as usize % self.targets.len()].clone();
        match r {
            Ref::Known(n) => pick(*n),
            Ref::Edit(n, s) => pick(*n) + s,
            Ref::Item(n, s) => format!("{}#{s}", pick_doc(*n)),
            Ref::Raw(s) => s.clone(),
        }
    }

    fn list(&self, refs: &[Ref]) -> String {
        let items: Vec<String> = refs
            .iter()
            .take(4)
            .map(|r| quoted(&self.reference(r)))
            .collect();
        format!("[{}]", items.join(", "))
    }
}

fn pick_doc(n: u8) -> &'static str {
    pick(&DOCS, n)
}

fn relative(r: &Relative) -> String {
    match r {
        Relative::Known(n) => pick(&RELATIVE, *n).to_string(),
        Relative::Raw(s) => s.clone(),
    }
}

fn list_of(key: &str, items: &[String], extra: &str) -> String {
    let mut out = format!("{key}:\n");
    for (n, i) in items.iter().enumerate() {
        let _ = writeln!(out, "  - id: {}\n    text: Item {n}.{extra}", quoted(i));
    }
    out
}

fn site(input: &Input) -> Vec<(String, Vec<u8>)> {
    let recs = ids(&input.recommendations, "rec-one");
    let priorities = ids(&input.priorities, "P1");
    let meeting_recs = ids(&input.meeting_recommendations, "rec-1");
    let resolutions = ids(&input.resolutions, "res-1");
    let risks = ids(&input.risks, "R1");
    let actions: Vec<(String, &Action)> = input
        .actions
        .iter()
        .take(5)
        .map(|a| (id(&a.id), a))
        .collect();

    let mut targets: Vec<String> = DOCS.iter().map(|d| d.to_string()).collect();
    let mut item = |doc: &str, list: &[String]| {
        for i in list {
            targets.push(format!("{doc}#{i}"));
            targets.push(format!("#{i}"));
        }
    };
    item("inspections/first", &recs);
    item("plans/plan", &priorities);
    item(
        "plans/plan",
        &actions.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>(),
    );
    item(MEETING, &meeting_recs);
    item("meetings/2024-01-10-m/minutes", &resolutions);
    item("risks", &risks);
    let known = Known { targets };

    // The body of each Markdown document, by its number in DOCS.
    let mut bodies: Vec<String> = vec![String::from("Some text.\n\n"); DOCS.len()];
    let mut definitions: Vec<String> = vec![String::new(); DOCS.len()];
    for (n, (doc, link)) in input.links.iter().take(8).enumerate() {
        let d = *doc as usize % DOCS.len();
        let text = match link {
            Link::At(r) => format!("See [link {n}](@{}).\n", known.reference(r)),
            Link::Relative(r) => format!("See [file {n}]({}).\n", relative(r)),
            Link::Image(r) => format!("![image {n}]({})\n", relative(r)),
            Link::Defined(r) => {
                let _ = writeln!(definitions[d], "[d{n}]: @{}", known.reference(r));
                format!("See [defined {n}][d{n}].\n")
            }
        };
        bodies[d].push_str(&text);
    }
    let body = |id: &str| {
        let d = DOCS.iter().position(|x| *x == id).expect("a document");
        format!("{}\n{}", bodies[d], definitions[d])
    };
    let md = |front: String, id: &str| format!("---\n{front}---\n{}", body(id)).into_bytes();

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |path: &str, bytes: Vec<u8>| files.push((path.to_string(), bytes));
    add(
        "site.yaml",
        b"title: Fuzzed references\ntoday: 2024-06-30\n".to_vec(),
    );
    add("index.md", md("title: Home\n".into(), ""));
    add("about.md", md("title: About\n".into(), "about"));
    add(
        "guides/page.md",
        md("title: A guide\n".into(), "guides/page"),
    );
    add("images/logo.png", b"\x89PNG\r\n\x1a\n".to_vec());
    add(
        "inspections/first.md",
        md(
            format!(
                "title: First inspection\ninspectorate: Ofsted\nscale: ofsted-ilacs\nstart: 2019-03\n\
                 judgements:\n  - area: Overall effectiveness\n    grade: Inadequate\n    overall: true\n{}",
                list_of("recommendations", &recs, "")
            ),
            "inspections/first",
        ),
    );
    add(
        "inspections/second.md",
        md(
            "title: Second inspection\ninspectorate: Ofsted\nscale: ofsted-ilacs\nstart: 2023-05-08\n\
             judgements:\n  - area: Overall effectiveness\n    grade: Good\n    overall: true\n"
                .into(),
            "inspections/second",
        ),
    );
    let follows = input
        .follows
        .as_ref()
        .map(|r| format!("follows: {}\n", quoted(&known.reference(r))))
        .unwrap_or_default();
    add(
        "visits/visit.md",
        md(
            format!(
                "title: A visit\nkind: monitoring visit\ninspectorate: Ofsted\ndate: 2020-02-12\n{follows}"
            ),
            "visits/visit",
        ),
    );
    let mut prio = String::from("priorities:\n");
    for (n, p) in priorities.iter().enumerate() {
        let _ = writeln!(prio, "  - id: {}\n    title: Priority {n}", quoted(p));
    }
    add(
        "plans/plan/index.md",
        md(
            format!(
                "title: The plan\nadopted: 2019-09-01\nresponds_to: {}\n{prio}",
                known.list(&input.responds_to)
            ),
            "plans/plan",
        ),
    );
    let mut acts = String::new();
    for (a_id, a) in &actions {
        let _ = write!(
            acts,
            "- id: {}\n  priority: {}\n  title: An action\n  due: 2024-03\n  addresses: {}\n  evidence: {}\n  updates:\n    - {{ date: 2024-01-01, status: green }}\n",
            quoted(a_id),
            quoted(&priorities[a.priority as usize % priorities.len()]),
            known.list(&a.addresses),
            known.list(&a.evidence),
        );
    }
    if acts.is_empty() {
        acts = format!(
            "- id: A1\n  priority: {}\n  title: An action\n",
            quoted(&priorities[0])
        );
    }
    add("plans/plan/actions.yaml", acts.into_bytes());
    let mut agenda = String::from("agenda:\n");
    for (n, p) in input.agenda.iter().take(4).enumerate() {
        let paper = match p {
            Paper::Known(k) => pick(&["report", "letter", "minutes", "nothing"], *k).to_string(),
            Paper::Raw(s) => s.clone(),
        };
        let _ = writeln!(
            agenda,
            "  - item: \"{n}\"\n    title: Item {n}\n    paper: {}",
            quoted(&paper)
        );
    }
    add(
        &format!("{MEETING}/index.md"),
        md(
            format!(
                "title: A meeting\ncommittee: Scrutiny\ndate: 2024-01-10\n{}{}",
                if input.agenda.is_empty() { "" } else { &agenda },
                list_of("recommendations", &meeting_recs, "\n    to: Cabinet Member")
            ),
            MEETING,
        ),
    );
    add(
        &format!("{MEETING}/report.md"),
        md(
            format!(
                "title: A report\nkind: report\ndiscusses: {}\n{}",
                known.list(&input.discusses),
                if input.report_draft {
                    "draft: true\n"
                } else {
                    ""
                }
            ),
            "meetings/2024-01-10-m/report",
        ),
    );
    let mut responses = String::from("responses:\n");
    for r in input.responses.iter().take(4) {
        let _ = writeln!(
            responses,
            "  - to: {}\n    status: accepted\n    summary: Agreed.",
            quoted(&known.reference(r))
        );
    }
    add(
        &format!("{MEETING}/letter.md"),
        md(
            format!(
                "title: A letter\nkind: letter\ndate: 2024-02-01\n{}{}",
                if input.responses.is_empty() {
                    ""
                } else {
                    &responses
                },
                if input.letter_exempt {
                    "exempt: 1\n"
                } else {
                    ""
                }
            ),
            "meetings/2024-01-10-m/letter",
        ),
    );
    add(
        &format!("{MEETING}/minutes.md"),
        md(
            format!(
                "title: Minutes\nkind: minutes\n{}",
                list_of("resolutions", &resolutions, "")
            ),
            "meetings/2024-01-10-m/minutes",
        ),
    );
    let mut reg = String::new();
    for r in &risks {
        let _ = write!(
            reg,
            "- id: {}\n  title: A risk\n  likelihood: 3\n  impact: 4\n  status: amber\n",
            quoted(r)
        );
    }
    add("risks.yaml", reg.into_bytes());
    add(
        "indicators/ind.yaml",
        b"title: An indicator\nunit: children\nbetter: lower\nvalues:\n  - { date: 2022-01, value: 24 }\n  - { date: 2023-01, value: 21 }\n".to_vec(),
    );
    files
}
