//! The theme: the built-in templates and CSS (embedded in the binary) and a
//! site's overrides from `themes/<name>/` beside its content folder.

use crate::diagnostics::{Diagnostic, FileReporter};
use std::path::Path;
use tera::Tera;

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The built-in templates, by name.
pub const TEMPLATES: &[(&str, &str)] = builtin!(
    "base.html",
    "components.html",
    "home.html",
    "page.html",
    "list.html",
    "inspection.html",
    "visit.html",
    "plan.html",
    "action.html",
    "meeting.html",
    "paper.html",
    "risks.html",
    "indicator.html",
    "status.html",
    "timeline.html",
    "recommendations.html",
    "tags.html",
    "changes.html",
    "search.html",
    "accessibility.html",
    "404.html",
);

/// The built-in static files, written under `assets/`.
pub const STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
];

pub struct Theme {
    pub tera: Tera,
    /// Files for `assets/`, by name.
    pub assets: Vec<(String, Vec<u8>)>,
}

/// Loads the built-in theme with the site's overrides. Problems with a
/// site's templates are content errors, named by file.
pub fn load(content_dir: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let dir = content_dir
        .parent()
        .unwrap_or(Path::new("."))
        .join("themes")
        .join(name);
    let mut templates: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut assets: Vec<(String, Vec<u8>)> = STATIC
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    let mut errors = Vec::new();
    if name != "default" && !dir.is_dir() {
        errors.push(FileReporter::whole_file_error(
            &format!("{}/site.yaml", content_dir.display()),
            &format!(
                "`theme: {name}` names a theme with no folder: {} does not exist",
                dir.display()
            ),
            Some(
                "create the folder with the templates you want to change, or use `theme: default`"
                    .into(),
            ),
        ));
        return Err(errors);
    }
    overlay(&dir.join("templates"), &mut templates, &mut errors, |b| {
        String::from_utf8(b).ok()
    });
    overlay(&dir.join("static"), &mut assets, &mut errors, Some);
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        errors.push(FileReporter::whole_file_error(
            &dir.join("templates").display().to_string(),
            &format!("a template has an error: {e}"),
            None,
        ));
    }
    if errors.is_empty() {
        Ok(Theme { tera, assets })
    } else {
        Err(errors)
    }
}

/// Files in `dir` replace (or add to) `files` by name.
fn overlay<T>(
    dir: &Path,
    files: &mut Vec<(String, T)>,
    errors: &mut Vec<Diagnostic>,
    convert: impl Fn(Vec<u8>) -> Option<T>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut found: Vec<_> = entries.flatten().filter(|e| e.path().is_file()).collect();
    found.sort_by_key(|e| e.file_name());
    for e in found {
        let name = e.file_name().to_string_lossy().to_string();
        match std::fs::read(e.path()).ok().and_then(&convert) {
            Some(body) => match files.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = body,
                None => files.push((name, body)),
            },
            None => errors.push(FileReporter::whole_file_error(
                &e.path().display().to_string(),
                "this theme file cannot be read as UTF-8 text",
                None,
            )),
        }
    }
}
