//! The commands about oversight itself rather than a site's content:
//! shell completions, the manual pages, and a theme to start from.

use crate::terminal::Terminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `oversight completions <shell>`: the script, on standard output.
pub fn completions(shell: clap_complete::Shell, mut cmd: clap::Command) -> ExitCode {
    clap_complete::generate(shell, &mut cmd, "oversight", &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// `oversight man`: the page for `oversight` on standard output; with
/// `--out`, a page per command written into that folder.
pub fn man(term: &Terminal, cmd: clap::Command, out: Option<&Path>) -> ExitCode {
    let written = match out {
        None => clap_mangen::Man::new(cmd)
            .render(&mut std::io::stdout())
            .map_err(|e| format!("writing the manual page: {e}")),
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(cmd, dir))
            .map_err(|e| format!("writing the manual pages into {}: {e}", dir.display())),
    };
    match (written, out) {
        (Err(message), _) => {
            term.error(&message);
            ExitCode::from(2)
        }
        (Ok(()), Some(dir)) => {
            term.summary(
                true,
                &format!(
                    "wrote {} manual pages into {} (oversight.1, and oversight-<command>.1 for each command)\nread them with: man {}",
                    std::fs::read_dir(dir).map_or(0, |d| d
                        .flatten()
                        .filter(|e| e.path().extension().is_some_and(|x| x == "1"))
                        .count()),
                    dir.display(),
                    dir.join("oversight.1").display()
                ),
            );
            ExitCode::SUCCESS
        }
        (Ok(()), None) => ExitCode::SUCCESS,
    }
}

/// Refuses to write `dir` inside the content folder, where every file of
/// it would be read as content (and refused) by the next check, as
/// `build --output` refuses. A folder whose name starts with `.` there is
/// never read, so it may.
pub fn outside_content(what: &str, dir: &Path, content: &Path) -> Result<(), String> {
    let (Ok(dir), Ok(content)) = (
        oversight::write::real_path(dir),
        oversight::write::real_path(content),
    ) else {
        return Ok(());
    };
    if oversight::write::read_inside(&dir, &content) {
        return Err(format!(
            "{} is inside the content folder {}, where the next check would read every file of the {what} as content; choose a folder outside it",
            dir.display(),
            content.display()
        ));
    }
    Ok(())
}

/// `oversight theme eject`: the built-in theme copied into `to`, by
/// default `themes/custom` beside the content folder.
pub fn eject(term: &Terminal, to: Option<PathBuf>, content: &Path) -> ExitCode {
    let dir = to.unwrap_or_else(|| oversight::render::theme::themes_folder(content).join("custom"));
    if let Err(message) = outside_content("theme", &dir, content) {
        term.error(&message);
        return ExitCode::from(2);
    }
    match oversight::scaffold::eject_theme(&dir) {
        Ok(files) => {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let in_themes = dir
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|p| p == "themes");
            let next = if in_themes {
                format!(
                    "next: set `theme: {name}` in site.yaml, then change the templates and style.css"
                )
            } else {
                "next: move the folder to themes/<name>/ beside the content folder, then set `theme: <name>` in site.yaml".to_string()
            };
            term.summary(
                true,
                &format!(
                    "copied the built-in theme into {} ({} files)\n{next}",
                    dir.display(),
                    files.len()
                ),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
    }
}
