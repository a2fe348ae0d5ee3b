//! The GitLab CI and GitHub Actions examples that `init` writes into a new
//! site's `docs/publishing.md`, and that `docs/deployment.md` shows, are
//! valid for each service (checked against the schemas `check-jsonschema`
//! carries, SchemaStore's) and keep the rules that matter: the install is
//! cached, the deploy key reaches the script only through the environment,
//! the server's host key is checked, and the marker file is not copied.

mod common;
use common::*;
use std::path::Path;

/// The ```yaml blocks of a Markdown file, in order.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in markdown.lines() {
        match (&mut block, line) {
            (None, "```yaml") => block = Some(String::new()),
            (Some(b), "```") => {
                out.push(std::mem::take(b));
                block = None;
            }
            (Some(b), l) => {
                b.push_str(l);
                b.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}

/// The two examples as `init` writes them, then as `docs/deployment.md` shows them.
fn examples() -> Vec<(String, String)> {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let mut cmd = oversight();
    cmd.arg("init").arg(&site);
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "{out}{err}");
    let written = std::fs::read_to_string(site.join("docs/publishing.md")).unwrap();
    let shown =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/deployment.md"))
            .unwrap();
    let written = yaml_blocks(&written);
    let shown = yaml_blocks(&shown);
    assert_eq!(written.len(), 2, "GitLab and GitHub in publishing.md");
    assert_eq!(
        shown[shown.len() - 2..],
        written[..],
        "deployment.md shows what init writes"
    );
    vec![
        ("vendor.gitlab-ci".into(), written[0].clone()),
        ("vendor.github-workflows".into(), written[1].clone()),
    ]
}

#[test]
fn the_ci_examples_are_valid_for_gitlab_and_github() {
    let tmp = tempfile::tempdir().unwrap();
    for (i, (schema, yaml)) in examples().iter().enumerate() {
        let file = tmp.path().join(format!("example-{i}.yml"));
        std::fs::write(&file, yaml).unwrap();
        let out = std::process::Command::new("python3")
            .args(["-m", "check_jsonschema", "--builtin-schema", schema])
            .arg(&file)
            .output()
            .expect(
                "python3 runs (Python and check-jsonschema are needed for this test: `pip install check-jsonschema`)",
            );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("No module named check_jsonschema"),
            "check-jsonschema is needed for this test: `pip install check-jsonschema==0.39.0`"
        );
        assert!(
            out.status.success(),
            "{schema}:\n{}{}\n{yaml}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_ci_examples_cache_the_install_and_keep_the_deploy_key_out_of_scripts() {
    for (schema, yaml) in examples() {
        let doc: serde_json::Value = serde_saphyr::from_str(&yaml).expect("YAML");
        // Cached: GitLab's cache keeps .cargo/bin, GitHub uses actions/cache.
        assert!(
            yaml.contains("paths: [.cargo/bin/]") || yaml.contains("uses: actions/cache@v4"),
            "{schema}: the install is cached"
        );
        assert!(yaml.contains("--no-default-features"), "{schema}");
        // The marker file stays behind; the host key is checked.
        assert!(yaml.contains("--exclude .oversight-output"), "{schema}");
        assert!(yaml.contains("StrictHostKeyChecking=yes"), "{schema}");
        // No secret is pasted into a script: every `run`/`script` line
        // names it only as an environment variable.
        let mut scripts = Vec::new();
        collect_scripts(&doc, &mut scripts);
        assert!(!scripts.is_empty(), "{schema}: scripts found");
        for s in &scripts {
            assert!(
                !s.contains("${{"),
                "{schema}: an expression inside a script: {s}"
            );
            assert!(!s.contains("BEGIN OPENSSH"), "{schema}");
        }
        assert!(
            scripts
                .iter()
                .any(|s| s.contains("oversight check --strict")),
            "{schema}: merge requests are checked"
        );
    }
    let (_, github) = &examples()[1];
    assert!(github.contains("oversight check --strict --message-format github"));
    assert!(github.contains("DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}"));
}

/// Every `run:` (GitHub) and `script:`/`before_script:` line (GitLab).
fn collect_scripts(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("run", serde_json::Value::String(s)) => out.push(s.clone()),
                    ("script" | "before_script", serde_json::Value::Array(lines)) => {
                        out.extend(lines.iter().filter_map(|l| l.as_str().map(String::from)))
                    }
                    _ => collect_scripts(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_scripts(i, out)),
        _ => {}
    }
}
