//! `oversight schema`: writes the JSON Schemas of the content files.

use crate::terminal::Terminal;
use oversight::model::{StatusLabels, builtin_scales};
use oversight::schema::{self, Vocabulary};
use std::path::Path;
use std::process::ExitCode;

pub const DEFAULT_OUT: &str = oversight::schema::SITE_FOLDER;

pub fn run(term: &Terminal, out: &Path, content: Option<&Path>) -> ExitCode {
    let default = Path::new("content");
    let content = match content {
        Some(c) => Some(c),
        None if default.join("site.yaml").is_file() => Some(default),
        None => None,
    };
    if let Some(c) = content
        && let Err(message) = crate::tools::outside_content("schemas", out, c)
    {
        term.error(&message);
        return ExitCode::from(2);
    }
    let settings = match content.map(schema::read_site) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(Ok(diagnostics))) => {
            for d in &diagnostics {
                term.diagnostic(d);
            }
            term.summary(
                false,
                "site.yaml has errors: nothing was written (the schemas take the site's status labels and scales from it)",
            );
            return ExitCode::from(1);
        }
        Some(Err(Err(message))) => {
            term.error(&message);
            return ExitCode::from(2);
        }
    };
    let (labels, scales) = match &settings {
        Some(s) => (s.statuses.clone(), s.scales.clone()),
        None => (StatusLabels::default(), builtin_scales()),
    };
    let v = Vocabulary {
        labels: &labels,
        scales: &scales,
    };
    match schema::write(out, &v) {
        Ok(files) => {
            let from = match content {
                Some(c) => format!(
                    "with the status labels and scales of {}",
                    c.join("site.yaml").display()
                ),
                None => {
                    "with the built-in status labels and scales (no content/site.yaml here)".into()
                }
            };
            term.summary(
                true,
                &format!("wrote {} schemas to {}, {from}", files.len(), out.display()),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
    }
}
