//! Synthetic sites in the content model's format, for the build benchmark:
//! a realistic mix of inspections, visits, plans (20 actions, 4 updates
//! each), meetings with papers, risks and indicators, about 1.5 KB of
//! Markdown per document with `@` links and references; and the same
//! Markdown bodies as a plain Hugo site.

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

/// Writes a site of about `docs` documents into `dir/content` and its Hugo
/// twin into `dir/hugo`. Returns the number of Markdown documents written.
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
    fs::create_dir_all(hugo.join("content/posts")).unwrap();
    fs::create_dir_all(hugo.join("layouts/_default")).unwrap();
    fs::write(
        content.join("site.yaml"),
        "title: Benchmark council\norganisation: Benchmark County Council\ntoday: 2024-06-30\nbase_url: https://intranet.example/bench/\n",
    )
    .unwrap();
    fs::write(
        hugo.join("config.yaml"),
        "baseURL: https://intranet.example/bench/\ntitle: Benchmark council\ndisableKinds: [taxonomy, term, RSS, sitemap]\n",
    )
    .unwrap();
    fs::write(
        hugo.join("layouts/_default/baseof.html"),
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><header>{{ .Site.Title }}</header><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    )
    .unwrap();
    fs::write(
        hugo.join("layouts/_default/single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    )
    .unwrap();
    fs::write(
        hugo.join("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    )
    .unwrap();

    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut written = 0;
    let mut bodies: Vec<(String, String)> = Vec::new();
    let units = (docs / 100).max(1);
    let mut inspections = Vec::new();
    for u in 0..units {
        let year = 2015 + (u % 10);
        // 2 inspections
        for i in 0..2 {
            let id = format!("inspections/{year}-{u:04}-{i}-ilacs");
            let text = body(&mut rng, &inspections);
            let doc = format!(
                "---\ntitle: Inspection {u} {i}\ninspectorate: Ofsted\nscale: ofsted-ilacs\nstart: {year}-03-{:02}\njudgements:\n  - {{ area: Overall effectiveness, grade: Requires improvement to be good, overall: true }}\n  - {{ area: Children in care, grade: Good }}\nrecommendations:\n  - {{ id: rec-1, text: Improve the timeliness of strategy discussions. }}\n  - {{ id: rec-2, text: Reduce caseloads. }}\n---\n{text}",
                1 + i * 10
            );
            fs::write(content.join(format!("{id}.md")), &doc).unwrap();
            bodies.push((format!("Inspection {u} {i}"), text));
            inspections.push(id);
            written += 1;
        }
        let last = inspections[inspections.len() - 1].clone();
        // 8 visits
        for v in 0..8 {
            let text = body(&mut rng, std::slice::from_ref(&last));
            let doc = format!(
                "---\ntitle: \"Monitoring visit {u}.{v}\"\nkind: monitoring visit\ninspectorate: Ofsted\ndate: {year}-{:02}-15\nfollows: {last}\nrecommendations:\n  - {{ id: r1, text: Caseloads remain too high. }}\n---\n{text}",
                1 + v
            );
            fs::write(content.join(format!("visits/{year}-{u:04}-{v}.md")), &doc).unwrap();
            bodies.push((format!("Monitoring visit {u}.{v}"), text));
            written += 1;
        }
        // 1 plan of 20 actions with 4 updates each
        let plan = format!("plans/plan-{u:04}");
        fs::create_dir_all(content.join(&plan)).unwrap();
        let text = body(&mut rng, std::slice::from_ref(&last));
        fs::write(
            content.join(&plan).join("index.md"),
            format!(
                "---\ntitle: Improvement plan {u}\nadopted: {year}-04-01\nresponds_to: [{last}]\npriorities:\n  - {{ id: P1, title: Practice }}\n  - {{ id: P2, title: Workforce }}\n---\n{text}"
            ),
        )
        .unwrap();
        bodies.push((format!("Improvement plan {u}"), text));
        written += 1;
        let mut actions = String::new();
        let statuses = ["red", "amber", "green", "blue"];
        for a in 0..20 {
            let _ = write!(
                actions,
                "- id: A{a}\n  priority: P{}\n  title: Action {a} of plan {u}\n  owner: Assistant Director\n  due: {year}-12-31\n  addresses: [\"{last}#rec-{}\"]\n  updates:\n",
                1 + a % 2,
                1 + a % 2
            );
            for q in 0..4 {
                let _ = writeln!(
                    actions,
                    "    - {{ date: {year}-{:02}-01, status: {}, note: Quarter {q} update. }}",
                    3 + q * 3,
                    rng.pick(&statuses)
                );
            }
        }
        fs::write(content.join(&plan).join("actions.yaml"), actions).unwrap();
        // 10 meetings with 4 papers each
        for m in 0..10 {
            let meeting = format!("meetings/{year}-{:02}-{:02}-c{u:04}", 1 + m, 1 + m);
            fs::create_dir_all(content.join(&meeting)).unwrap();
            let text = body(&mut rng, std::slice::from_ref(&plan));
            fs::write(
                content.join(&meeting).join("index.md"),
                format!(
                    "---\ntitle: Scrutiny committee {u}.{m}\ncommittee: Scrutiny Committee {}\ndate: {year}-{:02}-{:02}\nagenda:\n  - {{ item: \"5\", title: Improvement update, paper: report }}\nrecommendations:\n  - {{ id: rec-1, text: Report back on caseloads., to: Cabinet Member }}\n---\n{text}",
                    u % 3,
                    1 + m,
                    1 + m
                ),
            )
            .unwrap();
            bodies.push((format!("Scrutiny committee {u}.{m}"), text));
            written += 1;
            for (p, kind) in ["report", "minutes", "letter", "appendix"]
                .iter()
                .enumerate()
            {
                let text = body(&mut rng, &[plan.clone(), format!("{plan}#A{p}")]);
                let extra = if *kind == "letter" {
                    format!(
                        "responses:\n  - {{ to: \"{meeting}#rec-1\", status: accepted, summary: Agreed. }}\n"
                    )
                } else {
                    String::new()
                };
                fs::write(
                    content.join(&meeting).join(format!("{kind}.md")),
                    format!(
                        "---\ntitle: {kind} {u}.{m}\nkind: {kind}\ndiscusses: [{plan}]\n{extra}---\n{text}"
                    ),
                )
                .unwrap();
                bodies.push((format!("{kind} {u}.{m}"), text));
                written += 1;
            }
        }
        // 2 indicators
        for i in 0..2 {
            fs::write(
                content.join(format!("indicators/ind-{u:04}-{i}.yaml")),
                format!(
                    "title: Indicator {u}.{i}\nunit: children\nbetter: higher\ntarget: 250\nvalues:\n  - {{ date: {year}-01, value: 100 }}\n  - {{ date: {year}-06, value: 180 }}\n  - {{ date: {year}-12, value: 240 }}\n"
                ),
            )
            .unwrap();
        }
        // the rest of the hundred: plain pages
        for p in 0..37 {
            let text = body(&mut rng, &[last.clone(), plan.clone()]);
            fs::write(
                content.join(format!("pages/page-{u:04}-{p}.md")),
                format!("---\ntitle: Briefing {u}.{p}\nsummary: A briefing note.\n---\n{text}"),
            )
            .unwrap();
            bodies.push((format!("Briefing {u}.{p}"), text));
            written += 1;
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
    for (i, (title, text)) in bodies.iter().enumerate() {
        // Hugo cannot follow `@` links: the same text, links made plain.
        let text = text.replace("](@", "](/");
        fs::write(
            hugo.join(format!("content/posts/p{i:05}.md")),
            format!("---\ntitle: \"{title}\"\ndate: 2024-01-01\n---\n{text}"),
        )
        .unwrap();
    }
    written
}
