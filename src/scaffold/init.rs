//! `oversight init <dir>`: a new site that builds as it is, with one
//! documented example of each kind of document, a `.gitignore` for the
//! built site, and a guide to publishing from git.

use super::{Type, new_item, templates};
use crate::model::Date;
use std::fs;
use std::path::{Path, PathBuf};

const SITE: &str = include_str!("templates/site.yaml");
const HOME: &str = include_str!("templates/index.md");
const GITIGNORE: &str = include_str!("templates/gitignore");
const PUBLISHING: &str = include_str!("templates/publishing.md");
/// The CI examples the publishing guide shows, kept as files of their own
/// so a test can check them against GitLab's and GitHub's schemas.
pub const GITLAB_CI: &str = include_str!("templates/gitlab-ci.yml");
pub const GITHUB_WORKFLOW: &str = include_str!("templates/github-workflow.yml");
const README: &str = include_str!("templates/readme.md");
/// VS Code offers to install the YAML extension, which checks the files
/// against the schemas as they are typed.
const EXTENSIONS: &str = "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n";

/// The examples `init` writes: what, its name, its title.
const EXAMPLES: [(Type, &str, &str); 9] = [
    (Type::Inspection, "example-inspection", "Example inspection"),
    (Type::Visit, "example-visit", "Example monitoring visit"),
    (
        Type::Review,
        "example-review",
        "Example commissioner's review",
    ),
    (Type::Plan, "improvement-plan", "Improvement plan"),
    (Type::Action, "improvement-plan/P1.1", "Example action"),
    (
        Type::Meeting,
        "example-meeting",
        "Example scrutiny committee",
    ),
    (
        Type::Paper,
        "example-meeting/report",
        "Example report to the committee",
    ),
    (Type::Risk, "R1", "Example risk"),
    (Type::Indicator, "example-indicator", "Example indicator"),
];

/// Makes a new site in `dir`, which must not exist or be empty. Returns
/// the files written.
pub fn init(dir: &Path, today: Date) -> Result<Vec<PathBuf>, String> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_none();
        if !empty {
            return Err(format!(
                "{} already exists and is not empty; nothing was written (choose a new folder)",
                dir.display()
            ));
        }
    }
    let title = "Our improvement journey";
    let fill = |t: &str| templates::fill(t, today, "", "", None).replace("{{title}}", title);
    let mut written = Vec::new();
    let mut write = |rel: &str, text: String| -> Result<(), String> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    // The schemas first, so the YAML files made below name them.
    let schemas = crate::schema::write_builtin(&dir.join(crate::schema::SITE_FOLDER))?;
    write(
        ".vscode/settings.json",
        crate::schema::vscode_settings(crate::schema::SITE_FOLDER, "content"),
    )?;
    write(".vscode/extensions.json", EXTENSIONS.to_string())?;
    let modeline = crate::schema::modeline("site.yaml").unwrap_or_default();
    write("content/site.yaml", modeline + &fill(SITE))?;
    write("content/index.md", fill(HOME))?;
    write(".gitignore", GITIGNORE.to_string())?;
    write("docs/publishing.md", publishing())?;
    write("README.md", fill(README))?;
    written.extend(schemas);
    let content = dir.join("content");
    for (kind, name, title) in EXAMPLES {
        let made = new_item(&content, kind, name, today, Some(title))?;
        written.push(made.file);
        written.extend(made.also);
    }
    written.sort();
    written.dedup();
    Ok(written)
}

/// The publishing guide with the two CI examples in it.
fn publishing() -> String {
    PUBLISHING
        .replace("{{ gitlab-ci }}", GITLAB_CI.trim_end())
        .replace("{{ github-workflow }}", GITHUB_WORKFLOW.trim_end())
}
