//! Content errors and warnings: each names a file, line and column, says what
//! is wrong and, where it can, what would be right. A run collects them all
//! and reports them together: all of them in the counts, and the first
//! [`MAX_PER_FILE`] of each file in full.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

mod codes;
mod formats;
mod render;
mod span;
pub use codes::{Code, GROUPS};
pub use formats::{MessageFormat, github, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a content file. Lines and columns count from 1; 0 means
/// "the whole file".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

impl Loc {
    pub const FILE: Loc = Loc { line: 0, col: 0 };
    /// Where the count of a file's messages not shown goes: after the rest.
    const UNSHOWN: Loc = Loc { line: 0, col: 1 };
    pub fn new(line: u32, col: u32) -> Self {
        Loc { line, col }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The kind of problem, shown as `[OV0210 unknown-grade]`.
    pub code: Code,
    pub severity: Severity,
    /// The file as the officer would name it, e.g. `content/inspections/2023-03-ilacs.md`.
    pub file: String,
    pub loc: Loc,
    pub message: String,
    pub help: Option<String>,
    /// The source line the location points into, for a caret under it.
    pub snippet: Option<Snippet>,
    /// Other places the message points to, e.g. where a duplicate id was
    /// first used, perhaps in another file.
    pub related: Vec<Related>,
}

/// Another place a message points to, with a word on what is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub file: String,
    pub loc: Loc,
    /// What is there: "first used here".
    pub label: String,
    pub snippet: Option<Snippet>,
}

impl Related {
    /// `label` at `loc` in `file`, whose text is `text`.
    pub fn new(file: &str, text: &str, loc: Loc, label: &str) -> Related {
        Related {
            file: file.to_string(),
            loc,
            label: label.to_string(),
            snippet: snippet_at(text, loc),
        }
    }
}

/// The line `loc` points into, cut to the part around it.
fn snippet_at(text: &str, loc: Loc) -> Option<Snippet> {
    if loc.line == 0 {
        return None;
    }
    text.lines()
        .nth(loc.line as usize - 1)
        .map(|l| window(l.trim_end(), loc.col.saturating_sub(1) as usize))
}

/// The part of a source line shown under a message: the whole line, or
/// the [`SNIPPET_WIDTH`] characters around the column, marked with `…`
/// where cut. Cut when the message is made, so that many messages on one
/// long line do not each keep a copy of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub line: String,
    /// Where the underline starts, in characters from the start of `line`.
    pub caret: usize,
    /// How many characters it covers (at least 1): the whole bad value.
    pub len: usize,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Everything here may quote what a file says: print it escaped.
        let file = printable(&self.file, &[]);
        let message = printable(&self.message, &['\n', '\t']);
        // The code goes last, as GCC and mypy put theirs, so that editors
        // and CI problem matchers that read `file:line:col: error: message`
        // still read it.
        // A message of several lines (a template error quotes its own
        // source) has the code at the end of its first.
        let code = format!("[{} {}]", self.code.id(), self.code.name());
        let message = match message.split_once('\n') {
            Some((first, rest)) => format!("{first} {code}\n{rest}"),
            None => format!("{message} {code}"),
        };
        if self.loc.line == 0 {
            write!(f, "{file}: {level}: {message}")?;
        } else {
            write!(
                f,
                "{file}:{}:{}: {level}: {message}",
                self.loc.line, self.loc.col
            )?;
        }
        if let Some(snippet) = &self.snippet {
            let shown = render::snippet(self.severity, self.loc, snippet, None);
            write!(f, "\n{shown}")?;
        }
        for r in &self.related {
            match &r.snippet {
                Some(s) => write!(f, "\n{}", render::related(&r.file, r.loc, s, &r.label))?,
                None => write!(
                    f,
                    "\n  note: {}: {}",
                    printable(&r.label, &[]),
                    printable(&r.file, &[])
                )?,
            }
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", printable(help, &['\n', '\t']))?;
        }
        Ok(())
    }
}

/// `text` as it may be printed on a terminal or in a CI log: control
/// characters (but those in `keep`), bidirectional controls and line
/// separators written out as `\u{1b}`, so a file cannot clear the screen,
/// move the cursor, recolour or reorder what follows, or fake a line of
/// its own.
pub fn printable<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    let hidden = |c: char| !keep.contains(&c) && (c.is_control() || steers(c));
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The invisible characters that change the direction of text, and the
/// Unicode line and paragraph separators.
fn steers(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{2028}' | '\u{2029}'
    )
}

/// The widest source line shown whole under a message.
const SNIPPET_WIDTH: usize = 100;

/// A long line cut down to the part around column `col` (counted in
/// characters from 0), marked with `…` where cut; and the column in it,
/// with the length of the value there ([`span::extent`]) as far as shown.
fn window(line: &str, col: usize) -> Snippet {
    let value = span::extent(line, col);
    let len = line.chars().count();
    if len <= SNIPPET_WIDTH {
        return Snippet {
            line: line.to_string(),
            caret: col,
            len: value,
        };
    }
    let half = SNIPPET_WIDTH / 2;
    let start = col
        .saturating_sub(half)
        .min(len.saturating_sub(SNIPPET_WIDTH));
    let end = (start + SNIPPET_WIDTH).min(len);
    let mut shown: String = line.chars().skip(start).take(end - start).collect();
    let mut at = col - start.min(col);
    if start > 0 {
        shown.insert(0, '…');
        at += 1;
    }
    if end < len {
        shown.push('…');
    }
    Snippet {
        line: shown,
        caret: at,
        len: value
            .min((end - start).saturating_sub(col.saturating_sub(start)))
            .max(1),
    }
}

/// The most messages shown for one file. A file with more (a page of
/// 50,000 links to a page that is not there) would otherwise print and
/// keep them all; the rest are counted, and one line says how many.
pub const MAX_PER_FILE: usize = 100;

/// Everything found wrong in one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// For each file: how many messages are kept, and the errors and
    /// warnings counted past [`MAX_PER_FILE`].
    files: HashMap<String, PerFile>,
}

#[derive(Debug, Default, Clone, Copy)]
struct PerFile {
    kept: usize,
    errors: usize,
    warnings: usize,
}

impl PerFile {
    fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        if self.full(&d.file) {
            return self.count_unshown(&d.file, d.severity);
        }
        self.files.entry(d.file.clone()).or_default().kept += 1;
        self.items.push(d);
    }

    /// Whether `file` has all the messages it may show.
    pub fn full(&self, file: &str) -> bool {
        self.files.get(file).is_some_and(|f| f.kept >= MAX_PER_FILE)
    }

    fn count_unshown(&mut self, file: &str, severity: Severity) {
        match self.files.get_mut(file) {
            Some(f) => f.count(severity),
            None => self
                .files
                .entry(file.to_string())
                .or_default()
                .count(severity),
        }
    }

    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.items {
            self.push(d);
        }
        for (file, counted) in other.files {
            let mine = self.files.entry(file).or_default();
            mine.errors += counted.errors;
            mine.warnings += counted.warnings;
        }
    }

    /// Under `--strict` every warning is an error.
    pub fn make_warnings_errors(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
        for f in self.files.values_mut() {
            f.errors += std::mem::take(&mut f.warnings);
        }
    }

    pub fn error_count(&self) -> usize {
        let shown = self
            .items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        shown + self.files.values().map(|f| f.errors).sum::<usize>()
    }

    pub fn warning_count(&self) -> usize {
        let shown = self
            .items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        shown + self.files.values().map(|f| f.warnings).sum::<usize>()
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// In a stable order: by file, then position, errors before warnings;
    /// after a file's messages, how many more it has.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        for (file, f) in &self.files {
            if f.errors + f.warnings > 0 {
                self.items.push(unshown(file, f));
            }
        }
        self.items.sort_by(|a, b| {
            let last = |d: &Diagnostic| d.loc == Loc::UNSHOWN;
            (&a.file, last(a), a.loc, a.severity, &a.message).cmp(&(
                &b.file,
                last(b),
                b.loc,
                b.severity,
                &b.message,
            ))
        });
        self.items.dedup();
        self.items
    }
}

/// The line that ends a file's messages when there were too many to show.
fn unshown(file: &str, f: &PerFile) -> Diagnostic {
    let plural = |n: usize, one: &str| match n {
        1 => format!("1 more {one}"),
        n => format!("{n} more {one}s"),
    };
    let counts = match (f.errors, f.warnings) {
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    };
    Diagnostic {
        code: Code::NotShown,
        severity: if f.errors > 0 {
            Severity::Error
        } else {
            Severity::Warning
        },
        file: file.to_string(),
        loc: Loc::UNSHOWN,
        message: format!("and {counts} in this file, not shown: only the first {MAX_PER_FILE} are"),
        help: Some("fix the ones above and run again".into()),
        snippet: None,
        related: Vec::new(),
    }
}

/// Where diagnostics for one file are made: knows the file's display name and
/// its text, so every message carries the offending line.
pub struct FileReporter<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub diags: &'a mut Diagnostics,
}

impl FileReporter<'_> {
    /// A problem with a file as a whole (its name, its place, its absence).
    pub fn whole_file_error(
        code: Code,
        file: &str,
        message: &str,
        help: Option<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.to_string(),
            loc: Loc::FILE,
            message: message.to_string(),
            help,
            snippet: None,
            related: Vec::new(),
        }
    }

    pub fn whole_file_warning(code: Code, file: &str, message: &str) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::whole_file_error(code, file, message, None)
        }
    }

    pub fn report(
        &mut self,
        code: Code,
        severity: Severity,
        loc: Loc,
        message: String,
        help: Option<String>,
    ) {
        // Counted without finding its line, which takes time in a big file.
        if self.diags.full(self.file) {
            return self.diags.count_unshown(self.file, severity);
        }
        let snippet = snippet_at(self.text, loc);
        self.diags.push(Diagnostic {
            code,
            severity,
            file: self.file.to_string(),
            loc,
            message,
            help,
            snippet,
            related: Vec::new(),
        });
    }

    pub fn error(
        &mut self,
        code: Code,
        loc: Loc,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.report(code, Severity::Error, loc, message.into(), help);
    }

    /// An error that also points somewhere else (`related`).
    pub fn error_related(
        &mut self,
        code: Code,
        loc: Loc,
        message: String,
        help: Option<String>,
        related: Related,
    ) {
        self.error(code, loc, message, help);
        // Attached to the message just made, unless the file's cap kept it out.
        if let Some(d) = self.diags.items.last_mut()
            && d.file == self.file
            && d.loc == loc
            && d.code == code
        {
            d.related.push(related);
        }
    }

    pub fn warning(
        &mut self,
        code: Code,
        loc: Loc,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.report(code, Severity::Warning, loc, message.into(), help);
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Nobody mistypes a long word for a short one, and measuring grows
    // with the word's length: a long word is never measured.
    if word.chars().count() > 64 {
        return None;
    }
    let lower = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::normalized_damerau_levenshtein(&lower, &c.to_lowercase());
        if best.is_none_or(|(s, b)| score > s || (score == s && c < b)) {
            best = Some((score, c));
        }
    }
    best.filter(|(s, _)| *s >= 0.6).map(|(_, c)| c)
}

/// "did you mean `x`?" or a list of what is valid, whichever helps more.
pub fn suggest<'a, I>(word: &str, candidates: I, what: &str) -> Option<String>
where
    I: IntoIterator<Item = &'a str> + Clone,
{
    if let Some(n) = nearest(word, candidates.clone()) {
        return Some(format!("did you mean `{n}`?"));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    if all.is_empty() {
        None
    } else if all.len() <= 12 {
        Some(format!("{what}: {}", quote_list(&all)))
    } else {
        Some(format!(
            "{what} include {} and {} more",
            quote_list(&all[..8]),
            all.len() - 8
        ))
    }
}

pub fn quote_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_to_the_part_around_the_column() {
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let Snippet {
            line: shown,
            caret,
            len,
        } = window(&line, 5000);
        assert!(shown.chars().count() <= SNIPPET_WIDTH + 2, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(caret), Some('X'));
        // The underline stops where the line shown is cut.
        assert_eq!(caret + len, shown.chars().count() - 1);
        let short = window("key: value", 5);
        assert_eq!((short.line.as_str(), short.caret), ("key: value", 5));
        let end = window(&format!("{}Z", "c".repeat(300)), 300);
        assert_eq!(end.line.chars().nth(end.caret), Some('Z'));
        assert!(!end.line.ends_with('…'));
    }

    #[test]
    fn content_is_printed_escaped_with_the_caret_still_in_place() {
        let d = Diagnostic {
            code: Code::UnknownGrade,
            severity: Severity::Error,
            file: "content/a\u{1b}[2J.md".into(),
            loc: Loc::new(2, 13),
            message: "`\u{1b}]0;x\u{7}` is\tnot\r a grade\u{202e}".into(),
            help: Some("try\u{9b}31m".into()),
            snippet: Some(window("\tgrade: \u{1b}[2JX", 12)),
            related: Vec::new(),
        };
        let text = d.to_string();
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{text:?}"
        );
        assert!(!text.contains('\u{202e}'), "{text:?}");
        assert!(text.starts_with("content/a\\u{1b}[2J.md:2:13: error: `\\u{1b}]0;x\\u{7}` is\tnot\\u{d} a grade\\u{202e} [OV0210 unknown-grade]"), "{text}");
        assert!(
            text.contains("2 |     grade: \\u{1b}[2JX\n  |                     ^\n"),
            "{text}"
        );
        assert!(text.ends_with("help: try\\u{9b}31m"), "{text}");
    }

    #[test]
    fn a_file_shows_its_first_messages_and_counts_the_rest() {
        let text = "[a](b) ".repeat(50_000);
        let mut diags = Diagnostics::default();
        let mut r = FileReporter {
            file: "content/long.md",
            text: &text,
            diags: &mut diags,
        };
        for i in 0..50_000 {
            r.error(
                Code::DanglingReference,
                Loc::new(1, 1 + 7 * i),
                "no such page",
                None,
            );
        }
        r.warning(Code::UnknownField, Loc::new(1, 1), "odd", None);
        diags.push(FileReporter::whole_file_error(
            Code::EmptyFile,
            "content/other.md",
            "bad",
            None,
        ));
        assert_eq!((diags.error_count(), diags.warning_count()), (50_001, 1));
        let shown = diags.sorted();
        assert_eq!(shown.len(), MAX_PER_FILE + 2);
        let last = &shown[MAX_PER_FILE];
        assert_eq!(last.file, "content/long.md");
        assert_eq!(
            last.to_string(),
            "content/long.md: error: and 49900 more errors and 1 more warning in this file, not shown: only the first 100 are [OV0001 not-shown]\n  help: fix the ones above and run again"
        );
        // Each message keeps only the part of the line around its column.
        assert!(
            shown
                .iter()
                .all(|d| d.snippet.as_ref().is_none_or(|s| s.line.len() < 400))
        );
    }

    #[test]
    fn nearest_finds_typos_and_ignores_strangers() {
        let fields = ["judgements", "recommendations", "title", "scale"];
        assert_eq!(nearest("judgments", fields), Some("judgements"));
        assert_eq!(nearest("titel", fields), Some("title"));
        assert_eq!(nearest("zzzzzz", fields), None);
    }

    #[test]
    fn display_names_file_line_column_and_points_at_the_column() {
        let d = Diagnostic {
            code: Code::UnknownGrade,
            severity: Severity::Error,
            file: "content/x.md".into(),
            loc: Loc::new(3, 8),
            message: "bad grade".into(),
            help: Some("valid grades: `Good`".into()),
            snippet: Some(window("grade: Goodish", 7)),
            related: Vec::new(),
        };
        let text = d.to_string();
        assert!(text.starts_with("content/x.md:3:8: error: bad grade [OV0210 unknown-grade]\n"));
        assert!(text.contains("3 | grade: Goodish\n  |        ^^^^^^^\n"));
        assert!(text.ends_with("help: valid grades: `Good`"));
        // An escaped character in the value widens the underline with it.
        let d = Diagnostic {
            snippet: Some(window("grade: Go\u{1b}od", 7)),
            ..d
        };
        assert!(
            d.to_string()
                .contains("3 | grade: Go\\u{1b}od\n  |        ^^^^^^^^^^\n"),
            "{d}"
        );
    }

    #[test]
    fn a_related_place_is_shown_under_its_own_file_name_with_its_label() {
        let d = Diagnostic {
            code: Code::DuplicateId,
            severity: Severity::Error,
            file: "content/plans/p/actions.yaml".into(),
            loc: Loc::new(4, 7),
            message: "the id `A1` is used twice".into(),
            help: None,
            snippet: snippet_at("x\ny\nz\n- id: A1", Loc::new(4, 7)),
            related: vec![Related::new(
                "content/plans/p/index.md",
                "---\npriorities:\n  - id: A1\n",
                Loc::new(3, 9),
                "first used here",
            )],
        };
        let text = d.to_string();
        assert!(
            text.contains("4 | - id: A1\n  |       ^^\n --> content/plans/p/index.md:3:9\n  |\n3 |   - id: A1\n  |         -- first used here"),
            "{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&json(&d)).expect("json");
        assert_eq!(json["related"][0]["file"], "content/plans/p/index.md");
        assert_eq!(json["related"][0]["line"], 3);
        assert_eq!(json["related"][0]["message"], "first used here");
        assert!(
            github(&d).ends_with("%0Anote: first used here: content/plans/p/index.md:3:9"),
            "{}",
            github(&d)
        );
    }
}
