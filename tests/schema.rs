//! `oversight schema`: the JSON Schemas an editor checks content files
//! with. Every file of the example and of the valid fixtures passes them;
//! each bad fixture whose fault is in a file's shape fails them at the
//! field that is wrong, as `oversight check` does.

mod common;
use common::*;
use oversight::load::yaml::{self, Node, Value as Yaml};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Runs `oversight schema` for `content` into a new folder; returns the
/// schemas by file name.
fn schemas_for(content: &Path, out: &Path) -> BTreeMap<String, Value> {
    let mut cmd = oversight();
    cmd.arg("schema")
        .arg("--content")
        .arg(content)
        .arg("--out")
        .arg(out);
    let (code, stdout, stderr) = run(cmd);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("wrote 13 schemas"), "{stdout}");
    tree(out)
        .into_iter()
        .map(|(name, bytes)| (name, serde_json::from_slice(&bytes).expect("JSON")))
        .collect()
}

/// The schema a content file is checked against, by where it sits (as
/// the loader decides what a file is), and the YAML it holds.
fn schema_of(rel: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rel.split('/').collect();
    let md = rel.ends_with(".md");
    Some(match parts.as_slice() {
        ["site.yaml"] => "content-site",
        ["risks.yaml"] => "risks",
        ["plans", _, "actions.yaml"] => "actions",
        ["indicators", f] if f.ends_with(".yaml") => "indicator",
        ["index.md"] => "home",
        [
            "inspections" | "visits" | "reviews" | "plans" | "meetings" | "indicators",
            "index.md",
        ] => "list-intro",
        ["inspections", _] if md => "inspection",
        ["visits", _] if md => "visit",
        ["reviews", _] if md => "review",
        ["plans", _, "index.md"] => "plan",
        ["meetings", _, "index.md"] => "meeting",
        ["meetings", _, _] if md => "paper",
        _ if md => "page",
        _ => return None,
    })
}

/// A YAML file, or a Markdown file's front matter, as JSON.
fn instance(rel: &str, text: &str) -> Value {
    let (yaml_text, first_line) = if rel.ends_with(".md") {
        let rest = text.strip_prefix("---\n").expect("front matter");
        let end = rest.find("\n---").expect("closed front matter");
        (&rest[..end + 1], 2)
    } else {
        (text, 1)
    };
    match yaml::parse(yaml_text, first_line) {
        Ok(node) => json(&node),
        Err(e) => panic!("{rel}: {}", e.message),
    }
}

fn json(node: &Node) -> Value {
    match &node.value {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Int(n) => Value::from(*n),
        Yaml::Float(f) => Value::from(*f),
        Yaml::Str(s) => Value::String(s.clone()),
        Yaml::Seq(items) => Value::Array(items.iter().map(json).collect()),
        Yaml::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.name.clone(), json(v)))
                .collect::<Map<_, _>>(),
        ),
    }
}

/// Each problem the schema finds in `rel`: `instance path: message`.
fn problems(schemas: &BTreeMap<String, Value>, rel: &str, text: &str) -> Vec<String> {
    let name = schema_of(rel).unwrap_or_else(|| panic!("{rel} has no schema"));
    let schema = &schemas[&format!("{name}.schema.json")];
    let validator = jsonschema::draft7::new(schema).expect("a valid draft-07 schema");
    let doc = instance(rel, text);
    validator
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Every YAML and Markdown file under `content`, by path under it.
/// A site folder with only `site_yaml`.
fn site_with(dir: &Path, site_yaml: &str) -> PathBuf {
    std::fs::create_dir_all(dir.join("content")).unwrap();
    write_site(dir, site_yaml, &[] as &[(&str, &str)])
}

fn content_files(content: &Path) -> Vec<(String, String)> {
    tree(content)
        .into_iter()
        .filter(|(rel, _)| schema_of(rel).is_some())
        .map(|(rel, bytes)| (rel, String::from_utf8(bytes).expect("UTF-8")))
        .collect()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

#[test]
fn the_example_and_every_valid_fixture_pass_their_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    let sites = [
        example(),
        fixture("valid"),
        fixture("risk-history"),
        fixture("attachments"),
        fixture("publish-tags"),
        fixture("publish-files"),
        fixture("hostile"),
    ];
    for (i, content) in sites.iter().enumerate() {
        let schemas = schemas_for(content, &tmp.path().join(i.to_string()));
        for (rel, text) in content_files(content) {
            checked += 1;
            for p in problems(&schemas, &rel, &text) {
                failures.push(format!("{}/{rel} {p}", content.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 60, "only {checked} files were checked");
}

/// Bad fixtures whose fault is in one file's shape: the file, and the
/// place the schema (like `oversight check`) marks. Faults across files
/// or in order are `oversight check`'s alone: see `BEYOND_ONE_FILE`.
const SHAPE_FAULTS: [(&str, &str, &str); 14] = [
    (
        "bad-status",
        "plans/recovery/actions.yaml",
        "/0/updates/0/status",
    ),
    (
        "bad-grade",
        "inspections/2023-ilacs.md",
        "/judgements/0/grade",
    ),
    ("unknown-field", "inspections/2023-ilacs.md", ""),
    ("impossible-date", "inspections/2023-ilacs.md", "/start"),
    ("missing-title", "about.md", ""),
    ("bad-colour", "site.yaml", "/statuses/red/colour"),
    ("bad-colour", "site.yaml", "/statuses/amber/colour"),
    ("out-of-range", "risks.yaml", "/0/likelihood"),
    ("visit-both-dates", "visits/2020-visit.md", "/start"),
    ("bad-exempt", "meetings/2024-01-10-c/appendix.md", "/exempt"),
    ("bad-indicator", "indicators/grades.yaml", "/frequency"),
    ("risk-bands", "site.yaml", "/risk_bands/2/name"),
    (
        "risk-reviews-order",
        "risks.yaml",
        "/0/reviews/2/likelihood",
    ),
    ("risk-reviews-order", "risks.yaml", "/0/target"),
];

/// The schemas with the built-in labels and scales (a bad fixture's own
/// site.yaml may be what is bad).
fn builtin_schemas(dir: &Path) -> BTreeMap<String, Value> {
    let (labels, scales) = (
        oversight::model::StatusLabels::default(),
        oversight::model::builtin_scales(),
    );
    let v = oversight::schema::Vocabulary {
        labels: &labels,
        scales: &scales,
    };
    oversight::schema::write(dir, &v).unwrap();
    tree(dir)
        .into_iter()
        .map(|(n, b)| (n, serde_json::from_slice(&b).unwrap()))
        .collect()
}

#[test]
fn each_bad_fixture_fails_its_schema_where_the_fault_is() {
    let tmp = tempfile::tempdir().unwrap();
    let schemas = builtin_schemas(tmp.path());
    for (name, rel, at) in SHAPE_FAULTS {
        let text = read(&fixture(&format!("bad/{name}")), rel);
        let found = problems(&schemas, rel, &text);
        assert!(
            found.iter().any(|p| p.starts_with(&format!("{at}: "))),
            "bad/{name}/{rel}: expected a problem at `{at}`, found {found:#?}"
        );
    }
}

#[test]
fn the_bad_indicator_and_near_publishing_keys_are_marked_at_each_field() {
    let tmp = tempfile::tempdir().unwrap();
    let schemas = builtin_schemas(tmp.path());
    let rel = "indicators/grades.yaml";
    let text = read(&fixture("bad/bad-indicator"), rel);
    let found = problems(&schemas, rel, &text);
    for at in ["/frequency", "/values/0", "/values/1/estimate"] {
        assert!(
            found.iter().any(|p| p.starts_with(&format!("{at}: "))),
            "{at}: {found:#?}"
        );
    }
    let keys = fixture("bad/near-publishing-keys");
    for rel in [
        "plans/p/actions.yaml",
        "risks.yaml",
        "guides/closed-note.md",
        "guides/draft-letter.md",
        "guides/unfinished.md",
        "guides/closed-minute.md",
        "meetings/2024-01-10-c/appendix.md",
    ] {
        let found = problems(&schemas, rel, &read(&keys, rel));
        assert!(!found.is_empty(), "{rel} passes its schema");
    }
}

#[test]
fn the_sites_own_status_labels_are_in_the_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site_with(
        tmp.path(),
        "title: Labels\nstatuses:\n  red: \"Off track, escalate\"\n  blue: { label: Done, colour: \"#1d70b8\" }\n",
    );
    let schemas = schemas_for(&content, &tmp.path().join("schemas"));
    let action = |status: &str| {
        format!(
            "- id: P1.1\n  priority: P1\n  title: An action\n  updates:\n    - {{ date: 2024-01-01, status: \"{status}\" }}\n"
        )
    };
    let rel = "plans/p/actions.yaml";
    for ok in ["off track, ESCALATE", "done", "Red", "on track"] {
        assert_eq!(
            problems(&schemas, rel, &action(ok)),
            Vec::<String>::new(),
            "{ok}"
        );
    }
    for bad in ["off track", "complete", "purple"] {
        let found = problems(&schemas, rel, &action(bad));
        assert!(
            found.iter().any(|p| p.starts_with("/0/updates/0/status: ")),
            "{bad}: {found:?}"
        );
    }
}

#[test]
fn the_schemas_are_the_same_bytes_each_time_and_with_no_site_are_the_built_in_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    schemas_for(&example(), &a);
    schemas_for(&example(), &b);
    assert_eq!(tree(&a), tree(&b));
    // Run where there is no content/site.yaml, into the default folder.
    let mut cmd = oversight();
    cmd.current_dir(tmp.path()).arg("schema");
    let (code, stdout, stderr) = run(cmd);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("built-in status labels"), "{stdout}");
    let written = tree(&tmp.path().join(".oversight/schemas"));
    assert_eq!(written.len(), 13);
    let risks: Value = serde_json::from_slice(&written["risks.schema.json"]).unwrap();
    assert_eq!(risks["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn a_broken_site_yaml_writes_nothing_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site_with(tmp.path(), "title: Broken\nstatuses:\n  purple: Lilac\n");
    let out = tmp.path().join("schemas");
    let mut cmd = oversight();
    cmd.arg("schema")
        .arg("--content")
        .arg(&content)
        .arg("--out")
        .arg(&out);
    let (code, stdout, stderr) = run(cmd);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("site.yaml:3:3"), "{all}");
    assert!(
        all.contains("`purple` is not one of the five statuses"),
        "{all}"
    );
    assert!(!out.exists());
}

/// Bad fixtures whose fault no schema of one file can see: each file on
/// its own is well formed, and only `oversight check`, which reads the
/// whole site, finds what is wrong (see docs/editors.md).
const BEYOND_ONE_FILE: [(&str, &str); 6] = [
    (
        "dangling-ref",
        "a reference to a document that does not exist",
    ),
    ("duplicate-id", "two recommendations with one id"),
    ("case-clash", "two action ids that differ only in case"),
    (
        "unknown-priority",
        "an action's priority that the plan does not have",
    ),
    ("two-overall", "two judgements marked overall"),
    ("dangling-at-link", "an @ link in the text to nothing"),
];

#[test]
fn faults_across_files_or_in_order_pass_the_schemas_and_are_left_to_check() {
    let tmp = tempfile::tempdir().unwrap();
    let schemas = builtin_schemas(tmp.path());
    for (name, fault) in BEYOND_ONE_FILE {
        let content = fixture(&format!("bad/{name}"));
        for (rel, text) in content_files(&content) {
            let found = problems(&schemas, &rel, &text);
            assert!(found.is_empty(), "bad/{name}/{rel} ({fault}): {found:?}");
        }
        let (code, _, _) = check(&content, &[]);
        assert_eq!(code, 1, "oversight check finds {fault} in bad/{name}");
    }
}

#[test]
fn init_writes_the_schemas_the_vscode_settings_and_a_schema_line_in_each_yaml_file() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let mut cmd = oversight();
    cmd.env("SOURCE_DATE_EPOCH", "1714521600")
        .arg("init")
        .arg(&site);
    let (code, _, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    // The schemas are what `oversight schema` writes for the new site.
    let schemas = tree(&site.join(".oversight/schemas"));
    let again = schemas_for(&site.join("content"), &tmp.path().join("again"));
    assert_eq!(
        schemas.keys().collect::<Vec<_>>(),
        again.keys().collect::<Vec<_>>()
    );
    assert_eq!(schemas, tree(&tmp.path().join("again")));
    // VS Code maps each YAML file to its schema.
    let settings: Value = serde_json::from_str(&read(&site, ".vscode/settings.json")).unwrap();
    let map = settings["yaml.schemas"].as_object().expect("yaml.schemas");
    assert_eq!(
        map["./.oversight/schemas/actions.schema.json"],
        serde_json::json!(["/content/plans/*/actions.yaml"])
    );
    for schema in map.keys() {
        assert!(site.join(schema).is_file(), "{schema}");
    }
    assert!(read(&site, ".vscode/extensions.json").contains("redhat.vscode-yaml"));
    // Each YAML file names its schema on its first line, by a path that
    // leads to it from the file.
    for (rel, schema) in [
        ("site.yaml", "content-site"),
        ("risks.yaml", "risks"),
        ("plans/improvement-plan/actions.yaml", "actions"),
        ("indicators/example-indicator.yaml", "indicator"),
    ] {
        let text = read(&site.join("content"), rel);
        let first = text.lines().next().unwrap();
        let path = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{rel} starts {first:?}"));
        assert!(
            path.ends_with(&format!("/{schema}.schema.json")),
            "{rel}: {path}"
        );
        let file = site.join("content").join(rel).parent().unwrap().join(path);
        assert!(file.is_file(), "{rel}: {} is not there", file.display());
    }
    // And every file of the new site passes its schema.
    let built: BTreeMap<String, Value> = schemas
        .into_iter()
        .map(|(n, b)| (n, serde_json::from_slice(&b).unwrap()))
        .collect();
    for (rel, text) in content_files(&site.join("content")) {
        let found = problems(&built, &rel, &text);
        assert!(found.is_empty(), "{rel}: {found:?}");
    }
}

#[test]
fn new_names_the_schema_only_where_the_site_has_its_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    let content = site_with(tmp.path(), "title: No schemas\n");
    let new = |name: &str| {
        let mut cmd = oversight();
        cmd.env("SOURCE_DATE_EPOCH", "1714521600")
            .args(["new", "indicator", name, "--content"])
            .arg(&content);
        let (code, _, err) = run(cmd);
        assert_eq!(code, 0, "{err}");
        read(&content, &format!("indicators/{name}.yaml"))
    };
    assert!(!new("first").contains("yaml-language-server"));
    let mut cmd = oversight();
    cmd.current_dir(tmp.path()).arg("schema");
    assert_eq!(run(cmd).0, 0);
    assert!(new("second").starts_with(
        "# yaml-language-server: $schema=../../.oversight/schemas/indicator.schema.json\n"
    ));
}
