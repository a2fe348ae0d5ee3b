//! The source line under a message, drawn by `annotate-snippets` (the
//! renderer rustc and ruff use): the line number, the line, and the bad
//! value underlined. What the line says is escaped first ([`printable`]),
//! so a file cannot steer the terminal; the line is already cut to the
//! part around the problem ([`super::window`]).

use super::{Loc, Severity, Snippet, printable};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet as Source};

/// `snippet`, from line `loc.line`, with its value underlined (`^^^`) and,
/// if given, `label` beside the underline. No trailing newline.
pub fn snippet(severity: Severity, loc: Loc, snippet: &Snippet, path: Option<&str>) -> String {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    group(level, loc, snippet, path, None, AnnotationKind::Primary)
}

/// Another place a message points to ("first used here"), under its file name.
pub fn related(path: &str, loc: Loc, snippet: &Snippet, label: &str) -> String {
    group(
        Level::NOTE,
        loc,
        snippet,
        Some(path),
        Some(label),
        AnnotationKind::Context,
    )
}

fn group(
    level: Level<'_>,
    loc: Loc,
    snippet: &Snippet,
    path: Option<&str>,
    label: Option<&str>,
    kind: AnnotationKind,
) -> String {
    let Snippet { line, caret, len } = snippet;
    let before: String = line.chars().take(*caret).collect();
    let value: String = line.chars().skip(*caret).take(*len).collect();
    // In bytes of the line as printed: an escaped character is wider.
    let start = printable(&before, &['\t']).len();
    let end = start + printable(&value, &['\t']).len();
    let text = printable(line, &['\t']);
    let mut annotation = kind.span(start..end.max(start + 1).min(text.len().max(start)));
    if let Some(label) = label {
        annotation = annotation.label(printable(label, &[]).into_owned());
    }
    let mut source = Source::source(text.as_ref())
        .line_start(loc.line as usize)
        .annotation(annotation);
    if let Some(path) = path {
        source = source.path(printable(path, &[]).into_owned());
    }
    Renderer::plain().render(&[Group::with_level(level).element(source)])
}
