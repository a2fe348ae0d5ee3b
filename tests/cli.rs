//! The conventions a council's IT team knows from Hugo, Zola and ruff: run
//! from any folder of a site, `--base-url` for one deploy, shell
//! completions and a man page, `--color`, and a theme to start from.

mod common;
use common::*;
use std::path::Path;

/// A site in `dir/site` (the valid fixture), and a folder deep inside it.
fn site_with_subfolder(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let root = dir.join("site");
    copy_dir(&fixture("valid"), &root.join("content"));
    let deep = root.join("content/plans/recovery");
    (root, deep)
}

#[test]
fn build_from_a_subfolder_builds_the_site_above_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, deep) = site_with_subfolder(tmp.path());
    let mut cmd = oversight();
    cmd.current_dir(&deep).env("HOME", tmp.path()).arg("build");
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(root.join("output/index.html").is_file(), "{out}");
    assert!(
        !deep.join("output").exists(),
        "nothing is written where it ran"
    );
    let root = root.canonicalize().unwrap();
    assert!(
        err.contains(&format!("note: using the site in {}", root.display())),
        "{err}"
    );
    // `check` and `new` find it too.
    let mut cmd = oversight();
    cmd.current_dir(&deep).env("HOME", tmp.path()).arg("check");
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("checked "), "{out}");
    // `schema` writes the editor schemas into the site, not where it ran.
    let mut cmd = oversight();
    cmd.current_dir(&deep).env("HOME", tmp.path()).arg("schema");
    let (code, _, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(
        root.join(".oversight/schemas/actions.schema.json")
            .is_file()
    );
    assert!(!deep.join(".oversight").exists());
}

#[test]
fn an_explicit_content_folder_wins_over_the_site_above() {
    let tmp = tempfile::tempdir().unwrap();
    let (_root, deep) = site_with_subfolder(tmp.path());
    let other = tmp.path().join("other");
    let mut cmd = oversight();
    cmd.current_dir(&deep)
        .env("HOME", tmp.path())
        .args(["check", "--content"])
        .arg(&other);
    let (code, _, err) = run(cmd);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("does not exist"), "{err}");
    assert!(!err.contains("using the site"), "{err}");
}

#[test]
fn the_search_stops_below_the_home_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, deep) = site_with_subfolder(tmp.path());
    // The site is the home folder itself: a folder inside it is not a
    // folder of the site, as far as the search goes.
    let mut cmd = oversight();
    cmd.current_dir(&deep).env("HOME", &root).arg("check");
    let (code, _, err) = run(cmd);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the content folder content does not exist"),
        "{err}"
    );
}

#[test]
fn base_url_on_the_command_line_is_used_for_one_build() {
    let tmp = tempfile::tempdir().unwrap();
    let content = valid_without_base_url(tmp.path());
    let out = tmp.path().join("output");
    let (code, _, err) = build(
        &content,
        &out,
        &["--strict", "--base-url", "https://deploy.example/cyp"],
    );
    assert_eq!(code, 0, "{err}");
    let feed = read(&out, "feed.xml");
    assert!(feed.contains("https://deploy.example/cyp/plans/"), "{feed}");
    assert!(!err.contains("base_url"), "{err}");
    // It overrides site.yaml's too.
    let (code, _, err) = build(
        &fixture("valid"),
        &out,
        &["--base-url", "https://other.example/"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(read(&out, "sitemap.xml").contains("<loc>https://other.example/</loc>"));
    let (code, _, err) = build(&content, &out, &["--base-url", "intranet/cyp"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid value 'intranet/cyp' for '--base-url <URL>': write the full address"),
        "{err}"
    );
}

#[test]
fn completions_name_every_command_in_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let mut cmd = oversight();
        cmd.args(["completions", shell]);
        let (code, out, err) = run(cmd);
        assert_eq!(code, 0, "{shell}: {err}");
        for sub in ["build", "check", "serve", "theme", "completions", "man"] {
            assert!(out.contains(sub), "{shell} completion lacks {sub}");
        }
        assert!(out.contains("base-url"), "{shell}: build's options too");
    }
}

#[test]
fn the_man_page_has_name_and_synopsis_and_one_per_command() {
    let mut cmd = oversight();
    cmd.arg("man");
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(".TH oversight 1"), "{out}");
    assert!(
        out.contains(".SH NAME") && out.contains(".SH SYNOPSIS"),
        "{out}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("man");
    let mut cmd = oversight();
    cmd.args(["man", "--out"]).arg(&dir);
    let (code, _, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    for page in [
        "oversight.1",
        "oversight-build.1",
        "oversight-theme-eject.1",
    ] {
        let text =
            std::fs::read_to_string(dir.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".SH SYNOPSIS"), "{page}");
    }
}

/// The stderr of `check` on a site with an unknown field (a warning).
fn coloured(args: &[&str], env: &[(&str, &str)]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        "title: T\nbase_url_typo: 1\n",
        &[("index.md", "---\ntitle: Home\n---\nHello.\n")],
    );
    let mut cmd = oversight();
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.arg("check").arg("--content").arg(&content).args(args);
    run(cmd).2
}

#[test]
fn color_flag_beats_the_environment() {
    const ESC: &str = "\u{1b}[";
    // Piped: no colour unless asked for.
    assert!(!coloured(&[], &[]).contains(ESC));
    let always = coloured(&["--color", "always"], &[]);
    assert!(
        always.contains(&format!("{ESC}1m{ESC}33m: warning: ")),
        "{always:?}"
    );
    assert!(coloured(&["--color", "always"], &[("NO_COLOR", "1")]).contains(ESC));
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    // `auto` follows the environment: CLICOLOR_FORCE colours a pipe,
    // NO_COLOR (not empty) turns it off.
    assert!(coloured(&["--color", "auto"], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    let off = coloured(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!off.contains(ESC), "{off:?}");
}

#[test]
fn an_ejected_theme_builds_the_same_site_as_the_built_in_one() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let built_in = tmp.path().join("built-in");
    let (code, _, err) = build(&content, &built_in, &[]);
    assert_eq!(code, 0, "{err}");

    let mut cmd = oversight();
    cmd.current_dir(tmp.path()).args(["theme", "eject"]);
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("next: set `theme: custom` in site.yaml"),
        "{out}"
    );
    let theme = tmp.path().join("themes/custom");
    assert!(theme.join("templates/base.html").is_file());
    assert!(theme.join("static/style.css").is_file());

    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(content.join("site.yaml"), format!("{yaml}theme: custom\n")).unwrap();
    let ejected = tmp.path().join("ejected");
    let (code, _, err) = build(&content, &ejected, &[]);
    assert_eq!(code, 0, "{err}");
    let (a, b) = (tree(&built_in), tree(&ejected));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "{path} differs");
    }

    // A second eject would overwrite the officer's work: refused.
    std::fs::write(theme.join("static/style.css"), "/* mine */").unwrap();
    let mut cmd = oversight();
    cmd.current_dir(tmp.path()).args(["theme", "eject"]);
    let (code, _, err) = run(cmd);
    assert_eq!(code, 2);
    assert!(
        err.contains("already exists and is not empty; nothing was written"),
        "{err}"
    );
    assert_eq!(read(&theme, "static/style.css"), "/* mine */");
    // Elsewhere with --to.
    let mut cmd = oversight();
    cmd.current_dir(tmp.path())
        .args(["theme", "eject", "--to", "themes/council"]);
    let (code, out, err) = run(cmd);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("theme: council"), "{out}");
}

#[test]
fn strict_makes_a_warning_an_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        format!("{yaml}colour_scheme: 1\n"),
    )
    .unwrap();
    let out = tmp.path().join("output");
    let (code, stdout, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("1 warning"), "{stdout}");
    std::fs::remove_dir_all(&out).unwrap();
    let (code, _, err) = build(&content, &out, &["--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("site.yaml:"), "{err}");
    assert!(
        err.contains(": error: `colour_scheme` is not a field of site.yaml"),
        "{err}"
    );
    assert!(err.contains("1 error: nothing was written"), "{err}");
    assert!(!out.exists());
}

/// A site using its own theme in `themes/mine`, whose `page.html` is `page`.
fn site_with_theme(dir: &Path, page: &str) -> std::path::PathBuf {
    let content = dir.join("content");
    copy_dir(&fixture("valid"), &content);
    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(content.join("site.yaml"), format!("{yaml}theme: mine\n")).unwrap();
    let templates = dir.join("themes/mine/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("page.html"), page).unwrap();
    content
}

#[test]
fn a_broken_theme_template_is_an_error_with_its_code_and_the_old_site_stays() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    // A template that does not parse.
    let content = site_with_theme(tmp.path(), "{% if %}never closed");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("a template has an error"), "{err}");
    assert!(err.contains("[OV0608 template-error]"), "{err}");
    snapshot("template-error-parse", &err);
    assert!(!out.exists(), "nothing is written");
    // One that parses but names what a page does not have.
    let good = tmp.path().join("good");
    let content = site_with_theme(&good, "{{ no_such_thing.at_all }}");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("failed"), "{err}");
    assert!(err.contains("[OV0608 template-error]"), "{err}");
    snapshot("template-error-render", &err);
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn schemas_and_an_ejected_theme_are_never_written_into_the_content_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, deep) = site_with_subfolder(tmp.path());
    // Relative to where it runs: inside content/plans/recovery.
    for args in [
        &["schema", "--out", "schemas"][..],
        &["theme", "eject", "--to", "my-theme"][..],
    ] {
        let mut cmd = oversight();
        cmd.current_dir(&deep).env("HOME", tmp.path()).args(args);
        let (code, _, err) = run(cmd);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("is inside the content folder"), "{err}");
    }
    assert!(!deep.join("schemas").exists() && !deep.join("my-theme").exists());
    let (code, _, err) = check(&root.join("content"), &[]);
    assert_eq!(code, 0, "the site still checks: {err}");
}
