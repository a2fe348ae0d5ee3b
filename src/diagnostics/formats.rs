//! The forms a diagnostic is printed in for tools rather than people:
//! `--message-format json` (one JSON object a line) and `--message-format
//! github` (a GitHub Actions workflow command, which shows the message on
//! the line of a pull request). The human form is `Diagnostic`'s `Display`.

use super::{Diagnostic, Severity, printable};
use serde::Serialize;

/// How `check`, `build` and `serve` print their messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MessageFormat {
    /// For people: `file:line:col: error: message [OV0210 unknown-grade]`,
    /// the line, a caret and help.
    #[default]
    Human,
    /// One JSON object a line, on stdout.
    Json,
    /// GitHub Actions' `::error file=…,line=…::message`, on stdout.
    Github,
}

/// One message as JSON. Text a file wrote is escaped as in the human form,
/// so a log that shows the line cannot be steered by it.
#[derive(Serialize)]
struct Json {
    code: String,
    name: &'static str,
    severity: &'static str,
    file: String,
    /// `null` for a problem with the file as a whole.
    line: Option<u32>,
    column: Option<u32>,
    /// The column of the last character underlined (the whole bad value).
    end_column: Option<u32>,
    message: String,
    help: Option<String>,
    /// Other places it points to: `{file, line, column, message}`.
    related: Vec<JsonRelated>,
}

#[derive(Serialize)]
struct JsonRelated {
    file: String,
    line: Option<u32>,
    column: Option<u32>,
    message: String,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The column of the last character of the bad value, when it is known.
fn end_column(d: &Diagnostic) -> Option<u32> {
    let len = d.snippet.as_ref().filter(|_| d.loc.line > 0)?.len;
    Some(d.loc.col + u32::try_from(len).ok()? - 1)
}

/// `d` as one line of JSON (no newline at the end).
pub fn json(d: &Diagnostic) -> String {
    let at = |n: u32| (d.loc.line > 0).then_some(n);
    let j = Json {
        code: d.code.id(),
        name: d.code.name(),
        severity: severity(d.severity),
        file: printable(&d.file, &[]).into_owned(),
        line: at(d.loc.line),
        column: at(d.loc.col),
        end_column: end_column(d),
        message: printable(&d.message, &['\n', '\t']).into_owned(),
        help: d
            .help
            .as_deref()
            .map(|h| printable(h, &['\n', '\t']).into_owned()),
        related: d
            .related
            .iter()
            .map(|r| JsonRelated {
                file: printable(&r.file, &[]).into_owned(),
                line: (r.loc.line > 0).then_some(r.loc.line),
                column: (r.loc.line > 0).then_some(r.loc.col),
                message: printable(&r.label, &[]).into_owned(),
            })
            .collect(),
    };
    // Serialising strings and numbers cannot fail; were it to, the line
    // still says what is wrong.
    serde_json::to_string(&j).unwrap_or_else(|_| format!("{{\"message\":{:?}}}", d.message))
}

/// `d` as a GitHub Actions workflow command (no newline at the end):
/// `::error file=F,line=L,col=C,title=OV0210 unknown-grade::message%0Ahelp: …`.
pub fn github(d: &Diagnostic) -> String {
    let mut props = vec![format!("file={}", property(&d.file))];
    if d.loc.line > 0 {
        props.push(format!("line={}", d.loc.line));
        props.push(format!("col={}", d.loc.col));
        if let Some(end) = end_column(d).filter(|&e| e > d.loc.col) {
            props.push(format!("endLine={},endColumn={end}", d.loc.line));
        }
    }
    props.push(format!(
        "title={}",
        property(&format!("{} {}", d.code.id(), d.code.name()))
    ));
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    for r in &d.related {
        text.push_str(&format!("\nnote: {}: {}", r.label, r.file));
        if r.loc.line > 0 {
            text.push_str(&format!(":{}:{}", r.loc.line, r.loc.col));
        }
    }
    format!(
        "::{} {}::{}",
        severity(d.severity),
        props.join(","),
        data(&text)
    )
}

/// A command's message, escaped as GitHub documents: `%`, CR and LF.
/// Other control characters are written out first, as in the human form.
fn data(text: &str) -> String {
    printable(text, &['\n', '\r'])
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property: as [`data`], and `:` and `,` too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Loc};

    fn grade() -> Diagnostic {
        Diagnostic {
            code: Code::UnknownGrade,
            severity: Severity::Error,
            file: "content/a,b:c.md".into(),
            loc: Loc::new(3, 8),
            message: "`Goodish` is 50% not\na grade\u{1b}[2J".into(),
            help: Some("valid grades: `Good`".into()),
            snippet: Some(crate::diagnostics::Snippet {
                line: "grade: Goodish".into(),
                caret: 7,
                len: 7,
            }),
            related: Vec::new(),
        }
    }

    #[test]
    fn github_escapes_data_and_properties_as_documented() {
        assert_eq!(
            github(&grade()),
            "::error file=content/a%2Cb%3Ac.md,line=3,col=8,endLine=3,endColumn=14,title=OV0210 unknown-grade::`Goodish` is 50%25 not%0Aa grade\\u{1b}[2J%0Ahelp: valid grades: `Good`"
        );
        let whole = Diagnostic {
            severity: Severity::Warning,
            loc: Loc::FILE,
            help: None,
            message: "odd".into(),
            ..grade()
        };
        assert_eq!(
            github(&whole),
            "::warning file=content/a%2Cb%3Ac.md,title=OV0210 unknown-grade::odd"
        );
    }

    #[test]
    fn json_is_one_line_with_every_field() {
        let line = json(&grade());
        assert!(!line.contains('\n'), "{line}");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        assert_eq!(v["code"], "OV0210");
        assert_eq!(v["name"], "unknown-grade");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["file"], "content/a,b:c.md");
        assert_eq!(
            (v["line"].as_u64(), v["column"].as_u64()),
            (Some(3), Some(8))
        );
        assert_eq!(v["message"], "`Goodish` is 50% not\na grade\\u{1b}[2J");
        assert_eq!(v["help"], "valid grades: `Good`");
        let whole = Diagnostic {
            loc: Loc::FILE,
            help: None,
            ..grade()
        };
        let v: serde_json::Value = serde_json::from_str(&json(&whole)).expect("json");
        assert!(v["line"].is_null() && v["column"].is_null() && v["help"].is_null());
        assert!(v["end_column"].is_null());
    }
}
