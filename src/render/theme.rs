//! The theme: the built-in templates and CSS (embedded in the binary) and a
//! site's overrides from `themes/<name>/` beside its content folder.

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, FileReporter};
use std::path::{Path, PathBuf};
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
    "review.html",
    "plan.html",
    "action.html",
    "meeting.html",
    "paper.html",
    "risks.html",
    "indicator.html",
    "status.html",
    "status-list.html",
    "timeline.html",
    "timeline-year.html",
    "recommendations.html",
    "tags.html",
    "changes.html",
    "changes-window.html",
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
    /// The SHA-256 of every template and file: a rebuild with another
    /// theme renders every page again.
    pub digest: [u8; 32],
}

/// The folder of a site's themes: `themes/` beside its content folder.
pub fn themes_folder(content_dir: &Path) -> PathBuf {
    content_dir
        .parent()
        .unwrap_or(Path::new("."))
        .join("themes")
}

/// Loads the built-in theme with the site's overrides. Problems with a
/// site's templates are content errors, named by file.
pub fn load(content_dir: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let dir = themes_folder(content_dir).join(name);
    let mut templates: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut assets: Vec<(String, Vec<u8>)> = STATIC
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    let mut errors = Vec::new();
    if let Some(themes) = dir.parent() {
        refuse_linked_folder(themes, &mut errors);
    }
    refuse_linked_folder(&dir, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    if name != "default" && !dir.is_dir() {
        errors.push(FileReporter::whole_file_error(
            Code::UnknownTheme,
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
            Code::TemplateError,
            &dir.join("templates").display().to_string(),
            &format!("a template has an error: {e}"),
            None,
        ));
    }
    if errors.is_empty() {
        let digest = digest(&templates, &assets);
        Ok(Theme {
            tera,
            assets,
            digest,
        })
    } else {
        Err(errors)
    }
}

/// The SHA-256 of a theme's templates and files, each name and length
/// before its bytes so that no two themes run together alike.
fn digest(templates: &[(String, String)], assets: &[(String, Vec<u8>)]) -> [u8; 32] {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let files = templates
        .iter()
        .map(|(n, t)| (n, t.as_bytes()))
        .chain(assets.iter().map(|(n, b)| (n, b.as_slice())));
    for (name, bytes) in files {
        for part in [name.as_bytes(), bytes] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
    }
    h.finalize().into()
}

/// Files in `dir` replace (or add to) `files` by name. Folders in it are
/// not read.
///
/// A theme is copied into every member's copy of the site, so it is held
/// to stricter rules than the content folder: a symbolic link is refused
/// wherever it leads (one to `/proc/self/environ` would publish the build
/// machine's secrets), and so is anything that is not an ordinary file (a
/// pipe or a device), which is named rather than skipped in silence.
fn overlay<T>(
    dir: &Path,
    files: &mut Vec<(String, T)>,
    errors: &mut Vec<Diagnostic>,
    convert: impl Fn(Vec<u8>) -> Option<T>,
) {
    if !refuse_linked_folder(dir, errors) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut found: Vec<_> = entries.flatten().collect();
    found.sort_by_key(|e| e.file_name());
    for e in found {
        let path = e.path();
        let problem = match e.file_type() {
            Ok(t) if t.is_dir() => continue,
            Ok(t) if t.is_file() => None,
            Ok(t) if t.is_symlink() => Some((
                "this theme file is a symbolic link; links are not followed in a theme, as one could publish a file from anywhere on this computer",
                "copy the file itself into the theme, or remove the link",
            )),
            Ok(_) => Some((
                "this theme entry is not an ordinary file (it is a pipe, socket or device)",
                "remove it: a theme holds only ordinary files",
            )),
            Err(_) => Some(("this theme file cannot be read", "check its permissions")),
        };
        if let Some((message, help)) = problem {
            errors.push(FileReporter::whole_file_error(
                Code::BadThemeFile,
                &path.display().to_string(),
                message,
                Some(help.into()),
            ));
            continue;
        }
        let name = e.file_name().to_string_lossy().to_string();
        match std::fs::read(&path).ok().and_then(&convert) {
            Some(body) => match files.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = body,
                None => files.push((name, body)),
            },
            None => errors.push(FileReporter::whole_file_error(
                Code::BadThemeFile,
                &path.display().to_string(),
                "this theme file cannot be read as UTF-8 text",
                None,
            )),
        }
    }
}

/// Reports `dir` when it is a symbolic link or not a folder. `true` when
/// it is a folder that may be read; `false` also when it does not exist.
fn refuse_linked_folder(dir: &Path, errors: &mut Vec<Diagnostic>) -> bool {
    let problem = match std::fs::symlink_metadata(dir) {
        Err(_) => return false,
        Ok(m) if m.is_dir() => return true,
        Ok(m) if m.is_symlink() => (
            "this theme folder is a symbolic link; links are not followed in a theme, as one could publish files from anywhere on this computer",
            "make it a real folder and copy the theme's files into it",
        ),
        Ok(_) => (
            "this should be a folder of theme files",
            "make it a folder, or remove it",
        ),
    };
    errors.push(FileReporter::whole_file_error(
        Code::BadThemeFile,
        &dir.display().to_string(),
        problem.0,
        Some(problem.1.into()),
    ));
    false
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_ids_check_accepts_on_every_page_are_in_the_templates() {
        for id in crate::model::PAGE_IDS {
            let attr = format!("id=\"{id}\"");
            assert!(
                TEMPLATES.iter().any(|(_, t)| t.contains(&attr)),
                "no template has {attr}"
            );
        }
    }

    #[test]
    fn a_pipe_in_a_theme_is_refused_without_being_opened() {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let fifo = tmp.path().join("style.css");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut errors = Vec::new();
        // Opening the pipe to read it would wait for ever for a writer.
        overlay(tmp.path(), &mut files, &mut errors, Some);
        assert!(files.is_empty());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].file.ends_with("style.css"));
        assert!(errors[0].message.contains("not an ordinary file"));
    }
}
