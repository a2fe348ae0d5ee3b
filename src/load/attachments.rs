//! `attachments:`, on any document: the files published with it. Here the
//! list is read; whether each file is there, in the document's folder and
//! of a kind the build copies is checked when the site is resolved.

use super::fields::{Fields, scalar_text};
use super::yaml::Value;
use crate::diagnostics::Code;
use crate::diagnostics::FileReporter;
use crate::model::shapes;
use crate::model::{At, Attachment};

pub fn read_attachments(r: &mut FileReporter, f: &mut Fields) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = Vec::new();
    // Each name attached so far, with the line it was attached on.
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for node in f.list("attachments") {
        if let Value::Str(_) = node.value {
            let Some(name) = scalar_text(r, node, "attachments") else {
                continue;
            };
            r.error(
                Code::MissingField,
                node.loc,
                "each attachment needs a `file` and a `title`",
                Some(format!(
                    "write `- file: {}` then, under it, `  title: ...` with the title a reader sees",
                    name.value.trim()
                )),
            );
            continue;
        }
        let Some(mut a) = Fields::of(r, node, &shapes::ATTACHMENT, "an attachment") else {
            continue;
        };
        let file = a.required(r, "file", "an attachment").and_then(|t| {
            let name = t.value.trim();
            if name.is_empty() {
                r.error(
                    Code::EmptyValue,
                    t.loc,
                    "the attachment's `file` is empty",
                    Some("write the file's name, e.g. `file: report.pdf`".into()),
                );
                return None;
            }
            Some(At::new(name.to_string(), t.loc))
        });
        let title = match a.empty_at("title") {
            Some(loc) => {
                empty_title(r, loc, file.as_ref());
                None
            }
            None => a.required(r, "title", "an attachment").and_then(|t| {
                if t.value.trim().is_empty() {
                    empty_title(r, t.loc, file.as_ref());
                    return None;
                }
                Some(At::new(t.value.trim().to_string(), t.loc))
            }),
        };
        a.finish(r, "an attachment");
        let (Some(file), Some(title)) = (file, title) else {
            continue;
        };
        if let Some(line) = seen.get(same_name(&file.value)) {
            r.error(
                Code::DuplicateEntry,
                file.loc,
                format!(
                    "`{}` is attached twice: it is already attached on line {line}",
                    file.value
                ),
                Some("list each file once; delete this entry or the other".into()),
            );
            continue;
        }
        seen.insert(same_name(&file.value).to_string(), file.loc.line);
        out.push(Attachment {
            file,
            title,
            facts: None,
        });
    }
    out
}

/// A name as it names a file: `./report.pdf` is `report.pdf`.
fn same_name(name: &str) -> &str {
    name.trim().trim_start_matches("./")
}

fn empty_title(r: &mut FileReporter, loc: crate::diagnostics::Loc, file: Option<&At<String>>) {
    let of = file.map_or(String::new(), |f| format!(" of `{}`", f.value));
    r.error(
        Code::EmptyValue,
        loc,
        format!("the attachment{of} has an empty `title`"),
        Some("give the title a reader sees as the link, e.g. `title: Children First Improvement Programme report`".into()),
    );
}
