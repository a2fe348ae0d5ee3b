//! Synthetic sites in the content model's format, for the build benchmark:
//! a realistic mix of inspections, visits, plans (20 actions, 4 updates
//! each), meetings with papers, risks and indicators, about 1.5 KB of
//! Markdown per document with `@` links and references, and about 60% of
//! the Markdown documents tagged with 1 to 3 words from a small vocabulary.
//!
//! Beside it, a Hugo twin of the same Markdown documents: each in the Hugo
//! section of its oversight folder (`inspections/`, `visits/`, `plans/`,
//! `meetings/<m>/` with its papers, `pages/`), with the same titles,
//! summaries, tags and bodies (`@` links made plain relative links), and
//! simple layouts that do what oversight's theme does on every page: a
//! header with the site title, a menu of the same 11 sections and a footer.
//! Hugo keeps its default page kinds (home, sections, the tags taxonomy and
//! its terms, RSS, sitemap).
//!
//! The twin also has a page for every page oversight writes for one
//! document or one action, at the same address and with the same title:
//! each action (`plans/<plan>/actions/<A>/`, its owner, due date and each
//! update's date, status and note written as Markdown; a plan is a branch
//! bundle, `_index.md`, so that its actions are pages of it) and each
//! indicator (its values as a Markdown table). `pages.txt` beside the two
//! sites lists those addresses, one a line, so a benchmark can count them
//! in each tool's output. The register of risks is one list page in
//! oversight, not a page per risk, and has no twin.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// A small deterministic generator, so every run builds the same sites.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
}

const WORDS: [&str; 40] = [
    "children",
    "social",
    "work",
    "practice",
    "improvement",
    "caseloads",
    "strategy",
    "discussions",
    "timely",
    "quality",
    "assessment",
    "plans",
    "permanence",
    "placements",
    "fostering",
    "residential",
    "leaving",
    "care",
    "family",
    "safeguarding",
    "model",
    "partnership",
    "police",
    "health",
    "education",
    "workforce",
    "recruitment",
    "retention",
    "oversight",
    "management",
    "audit",
    "feedback",
    "voice",
    "child",
    "outcomes",
    "progress",
    "inspection",
    "monitoring",
    "visit",
    "committee",
];

/// About 1.5 KB of Markdown: paragraphs, a list, and links to `links`.
fn body(rng: &mut Rng, links: &[String]) -> String {
    let mut s = String::new();
    for p in 0..4 {
        let _ = write!(s, "{} ", if p == 0 { "The" } else { "This" });
        for w in 0..45 {
            s.push_str(rng.pick(&WORDS));
            s.push(if w % 11 == 10 { '.' } else { ' ' });
            if w % 11 == 10 {
                s.push(' ');
            }
        }
        if let Some(l) = links.get(p) {
            let _ = write!(s, "See [the related record](@{l}).");
        }
        s.push_str("\n\n");
    }
    s.push_str("- **Progress:** steady, with *some* risks.\n- Next steps agreed.\n");
    s
}

/// The words documents are tagged with.
const TAGS: [&str; 12] = [
    "workforce",
    "caseloads",
    "permanence",
    "safeguarding",
    "fostering",
    "placements",
    "recruitment",
    "partnership",
    "audit",
    "health",
    "education",
    "timeliness",
];

/// About 60% of documents get 1 to 3 different tags; the rest none.
fn tags(rng: &mut Rng) -> Vec<&'static str> {
    let mut words = Vec::new();
    if rng.next() % 10 < 4 {
        return words;
    }
    let n = 1 + rng.next() % 3;
    while (words.len() as u64) < n {
        let w = rng.pick(&TAGS);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
}

/// The front matter line for `words`, the same in both sites: `tags: [a, b]`.
fn tags_line(words: &[&str]) -> String {
    if words.is_empty() {
        String::new()
    } else {
        format!("tags: [{}]\n", words.join(", "))
    }
}

/// `@` links made plain links relative to the page of the document `id`
/// (Hugo's pretty URLs: `id/`), since Hugo cannot follow them.
fn plain_links(text: &str, id: &str) -> String {
    let up = "../".repeat(id.split('/').count());
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](@") {
        out.push_str(&rest[..at + 2]);
        rest = &rest[at + 3..];
        let end = rest.find(')').unwrap_or(rest.len());
        let (path, fragment) = rest[..end].split_once('#').unwrap_or((&rest[..end], ""));
        let _ = write!(out, "{up}{path}/");
        if !fragment.is_empty() {
            let _ = write!(out, "#{fragment}");
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A date as oversight's pages show it (`1 March 2015`, or `March 2015`
/// for a month), from oversight's own formatting.
fn long(date: &str) -> String {
    oversight::model::Date::parse(date)
        .map(|d| d.long())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn long_date(year: usize, month: usize, day: usize) -> String {
    long(&format!("{year}-{month:02}-{day:02}"))
}

/// What oversight shows for a status.
fn status_label(status: &str) -> &'static str {
    match status {
        "red" => "Off track",
        "amber" => "At risk",
        "green" => "On track",
        _ => "Complete",
    }
}

/// One Markdown document, as its Hugo twin needs it.
struct Twin {
    /// The oversight document id, which is also the Hugo page's path.
    id: String,
    /// The file under the Hugo site's `content/`.
    file: String,
    title: String,
    summary: Option<&'static str>,
    tags: Vec<&'static str>,
    text: String,
}

/// The Hugo site: configuration and layouts.
const HUGO_CONFIG: &str = "\
baseURL: https://intranet.example/bench/
title: Benchmark council
languageCode: en-GB
# Addresses as oversight writes them (plans/<plan>/actions/A3/, not a3/).
disablePathToLower: true
params:
  organisation: Benchmark County Council
# The one taxonomy oversight has.
taxonomies:
  tag: tags
# One feed, like oversight's feed.xml; every other list page is HTML only.
outputs:
  home: [HTML, RSS]
  section: [HTML]
  taxonomy: [HTML]
  term: [HTML]
# oversight's menu: Home, Search, Timeline, Status, then its lists.
menus:
  main:
    - { name: Home, url: /, weight: 1 }
    - { name: Search, url: /search/, weight: 2 }
    - { name: Timeline, url: /timeline/, weight: 3 }
    - { name: Status, url: /status/, weight: 4 }
    - { name: Inspections, url: /inspections/, weight: 5 }
    - { name: Visits, url: /visits/, weight: 6 }
    - { name: Plans, url: /plans/, weight: 7 }
    - { name: Meetings, url: /meetings/, weight: 8 }
    - { name: Recommendations, url: /recommendations/, weight: 9 }
    - { name: Risks, url: /risks/, weight: 10 }
    - { name: Indicators, url: /indicators/, weight: 11 }
";

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} – {{ .Site.Title }}{{ end }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
{{ with .Site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ $.Site.Title }}" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header class="site-header">
  <p class="site-title"><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></p>
  <nav class="site-nav" aria-label="Sections">
    <ul>
    {{ range .Site.Menus.main }}<li><a href="{{ .URL | relURL }}"{{ if $.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
    {{ end }}</ul>
  </nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <p><a href="{{ "accessibility/" | relURL }}">Accessibility statement</a>.</p>
  <p>{{ .Site.Params.organisation }}</p>
</footer>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ with .Params.summary }} – {{ . }}{{ end }}</li>
{{ end }}</ul>
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ end }}
"#;

/// The site sizes named on the command line (`cargo bench ... -- 1000`),
/// or `default` when none is.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        default.to_vec()
    } else {
        sizes
    }
}

/// Writes a site of about `docs` documents into `dir/content` and its Hugo
/// twin into `dir/hugo`, and the addresses of the pages of one document or
/// one action into `dir/pages.txt`. Returns the number of documents written
/// (Markdown documents and indicators; the same in both).
pub fn generate(dir: &Path, docs: usize) -> usize {
    let content = dir.join("content");
    let hugo = dir.join("hugo");
    let _ = fs::remove_dir_all(dir);
    for d in [
        "inspections",
        "visits",
        "plans",
        "meetings",
        "indicators",
        "pages",
    ] {
        fs::create_dir_all(content.join(d)).unwrap();
    }
    fs::create_dir_all(hugo.join("content")).unwrap();
    fs::create_dir_all(hugo.join("layouts/_default")).unwrap();
    fs::write(
        content.join("site.yaml"),
        "title: Benchmark council\norganisation: Benchmark County Council\ntoday: 2024-06-30\nbase_url: https://intranet.example/bench/\n",
    )
    .unwrap();
    fs::write(hugo.join("config.yaml"), HUGO_CONFIG).unwrap();
    for (name, text) in [
        ("baseof", HUGO_BASEOF),
        ("single", HUGO_SINGLE),
        ("list", HUGO_LIST),
    ] {
        fs::write(hugo.join(format!("layouts/_default/{name}.html")), text).unwrap();
    }

    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    // Tags come from a stream of their own, so the bodies stay as they were.
    let mut tag_rng = Rng(0x7a95_0bad_cafe_f00d);
    let mut twins: Vec<Twin> = Vec::new();
    // The Hugo pages of actions and indicators, which oversight reads from
    // YAML; kept apart because `document` below holds `twins`.
    let mut yaml_twins: Vec<Twin> = Vec::new();
    // Writes an oversight document (`title`, any `summary`, its tags, then
    // `fields` of its kind, in front matter over `text`) at `file` under
    // `content/`, and keeps its Hugo twin (`hugo_file`).
    let mut document = |id: &str,
                        file: &str,
                        hugo_file: String,
                        title: String,
                        summary: Option<&'static str>,
                        fields: &str,
                        text: String| {
        let tags = tags(&mut tag_rng);
        let summary_line = summary.map_or(String::new(), |s| format!("summary: {s}\n"));
        fs::write(
            content.join(file),
            format!(
                "---\ntitle: {title}\n{summary_line}{}{fields}---\n{text}",
                tags_line(&tags)
            ),
        )
        .unwrap();
        twins.push(Twin {
            id: id.to_string(),
            file: hugo_file,
            title,
            summary,
            tags,
            text,
        });
    };
    let units = (docs / 100).max(1);
    let mut inspections = Vec::new();
    for u in 0..units {
        let year = 2015 + (u % 10);
        // 2 inspections
        for i in 0..2 {
            let id = format!("inspections/{year}-{u:04}-{i}-ilacs");
            let text = body(&mut rng, &inspections);
            let fields = format!(
                "inspectorate: Ofsted\nscale: ofsted-ilacs\nstart: {year}-03-{:02}\njudgements:\n  - {{ area: Overall effectiveness, grade: Requires improvement to be good, overall: true }}\n  - {{ area: Children in care, grade: Good }}\nrecommendations:\n  - {{ id: rec-1, text: Improve the timeliness of strategy discussions. }}\n  - {{ id: rec-2, text: Reduce caseloads. }}\n",
                1 + i * 10
            );
            let file = format!("{id}.md");
            let title = format!("Inspection {u} {i}");
            document(&id, &file, file.clone(), title, None, &fields, text);
            inspections.push(id);
        }
        let last = inspections[inspections.len() - 1].clone();
        // 8 visits
        for v in 0..8 {
            let id = format!("visits/{year}-{u:04}-{v}");
            let text = body(&mut rng, std::slice::from_ref(&last));
            let fields = format!(
                "kind: monitoring visit\ninspectorate: Ofsted\ndate: {year}-{:02}-15\nfollows: {last}\nrecommendations:\n  - {{ id: r1, text: Caseloads remain too high. }}\n",
                1 + v
            );
            let file = format!("{id}.md");
            let title = format!("Monitoring visit {u}.{v}");
            document(&id, &file, file.clone(), title, None, &fields, text);
        }
        // 1 plan of 20 actions with 4 updates each
        let plan = format!("plans/plan-{u:04}");
        fs::create_dir_all(content.join(&plan)).unwrap();
        let text = body(&mut rng, std::slice::from_ref(&last));
        let fields = format!(
            "adopted: {year}-04-01\nresponds_to: [{last}]\npriorities:\n  - {{ id: P1, title: Practice }}\n  - {{ id: P2, title: Workforce }}\n"
        );
        let title = format!("Improvement plan {u}");
        document(
            &plan,
            &format!("{plan}/index.md"),
            format!("{plan}/_index.md"),
            title,
            None,
            &fields,
            text,
        );
        let mut actions = String::new();
        let statuses = ["red", "amber", "green", "blue"];
        for a in 0..20 {
            let _ = write!(
                actions,
                "- id: A{a}\n  priority: P{}\n  title: Action {a} of plan {u}\n  owner: Assistant Director\n  due: {year}-12-31\n  addresses: [\"{last}#rec-{}\"]\n  updates:\n",
                1 + a % 2,
                1 + a % 2
            );
            let mut updates = Vec::new();
            for q in 0..4 {
                let status = rng.pick(&statuses);
                let _ = writeln!(
                    actions,
                    "    - {{ date: {year}-{:02}-01, status: {status}, note: Quarter {q} update. }}",
                    3 + q * 3,
                );
                updates.push((long_date(year, 3 + q * 3, 1), status, q));
            }
            // What oversight's action page shows, as Markdown, newest first.
            let (priority, rec) = if a % 2 == 0 {
                (
                    "P1 Practice",
                    "Improve the timeliness of strategy discussions.",
                )
            } else {
                ("P2 Workforce", "Reduce caseloads.")
            };
            let mut text = format!(
                "**Status:** {}\n\n- **Priority:** [{priority}](@{plan}#P{})\n- **Owner:** Assistant Director\n- **Due:** {}\n- **Addresses:** [{rec}](@{last}#rec-{})\n\n## Updates\n\n",
                status_label(updates[3].1),
                1 + a % 2,
                long_date(year, 12, 31),
                1 + a % 2
            );
            for (date, status, q) in updates.iter().rev() {
                let _ = writeln!(
                    text,
                    "- **{date}:** {}. Quarter {q} update.",
                    status_label(status)
                );
            }
            yaml_twins.push(Twin {
                id: format!("{plan}/actions/A{a}"),
                file: format!("{plan}/actions/A{a}.md"),
                title: format!("A{a} Action {a} of plan {u}"),
                summary: None,
                tags: Vec::new(),
                text,
            });
        }
        fs::write(content.join(&plan).join("actions.yaml"), actions).unwrap();
        // 10 meetings with 4 papers each; in Hugo a meeting is a section
        // (`_index.md`) so that its papers are pages of their own.
        for m in 0..10 {
            let meeting = format!("meetings/{year}-{:02}-{:02}-c{u:04}", 1 + m, 1 + m);
            fs::create_dir_all(content.join(&meeting)).unwrap();
            let text = body(&mut rng, std::slice::from_ref(&plan));
            let fields = format!(
                "committee: Scrutiny Committee {}\ndate: {year}-{:02}-{:02}\nagenda:\n  - {{ item: \"5\", title: Improvement update, paper: report }}\nrecommendations:\n  - {{ id: rec-1, text: Report back on caseloads., to: Cabinet Member }}\n",
                u % 3,
                1 + m,
                1 + m
            );
            let title = format!("Scrutiny committee {u}.{m}");
            document(
                &meeting,
                &format!("{meeting}/index.md"),
                format!("{meeting}/_index.md"),
                title,
                None,
                &fields,
                text,
            );
            for (p, kind) in ["report", "minutes", "letter", "appendix"]
                .iter()
                .enumerate()
            {
                let id = format!("{meeting}/{kind}");
                let text = body(&mut rng, &[plan.clone(), format!("{plan}#A{p}")]);
                let title = format!("{kind} {u}.{m}");
                let extra = if *kind == "letter" {
                    format!(
                        "responses:\n  - {{ to: \"{meeting}#rec-1\", status: accepted, summary: Agreed. }}\n"
                    )
                } else {
                    String::new()
                };
                let fields = format!("kind: {kind}\ndiscusses: [{plan}]\n{extra}");
                let file = format!("{id}.md");
                document(&id, &file, file.clone(), title, None, &fields, text);
            }
        }
        // 2 indicators (YAML only, no tags; in Hugo their values as a table)
        for i in 0..2 {
            let id = format!("indicators/ind-{u:04}-{i}");
            fs::write(
                content.join(format!("{id}.yaml")),
                format!(
                    "title: Indicator {u}.{i}\nunit: children\nbetter: higher\ntarget: 250\nvalues:\n  - {{ date: {year}-01, value: 100 }}\n  - {{ date: {year}-06, value: 180 }}\n  - {{ date: {year}-12, value: 240 }}\n"
                ),
            )
            .unwrap();
            let mut text = String::from(
                "- **Target:** 250 children\n- **Better when:** higher\n\n| Date | Value | Note |\n|---|---|---|\n",
            );
            for (month, value) in [(1, 100), (6, 180), (12, 240)] {
                let _ = writeln!(
                    text,
                    "| {} | {value} children | |",
                    long(&format!("{year}-{month:02}"))
                );
            }
            yaml_twins.push(Twin {
                file: format!("{id}.md"),
                id,
                title: format!("Indicator {u}.{i}"),
                summary: None,
                tags: Vec::new(),
                text,
            });
        }
        // the rest of the hundred: plain pages
        for p in 0..37 {
            let id = format!("pages/page-{u:04}-{p}");
            let text = body(&mut rng, &[last.clone(), plan.clone()]);
            let file = format!("{id}.md");
            let title = format!("Briefing {u}.{p}");
            document(
                &id,
                &file,
                file.clone(),
                title,
                Some("A briefing note."),
                "",
                text,
            );
        }
    }
    let mut risks = String::new();
    for r in 0..20 {
        let _ = writeln!(
            risks,
            "- {{ id: R{r}, title: Risk {r}, likelihood: {}, impact: {}, status: amber }}",
            1 + r % 5,
            1 + (r / 5) % 5
        );
    }
    fs::write(content.join("risks.yaml"), risks).unwrap();
    let documents = twins.len() + yaml_twins.len() - 20 * units;
    twins.append(&mut yaml_twins);
    let mut pages = String::new();
    for t in &twins {
        pages.push_str(&t.id);
        pages.push('\n');
        let path = hugo.join("content").join(&t.file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let summary = t
            .summary
            .map_or(String::new(), |s| format!("summary: {s}\n"));
        fs::write(
            path,
            format!(
                "---\ntitle: \"{}\"\ndate: 2024-01-01\n{summary}{}---\n{}",
                t.title,
                tags_line(&t.tags),
                plain_links(&t.text, &t.id)
            ),
        )
        .unwrap();
    }
    fs::write(dir.join("pages.txt"), pages).unwrap();
    documents
}
