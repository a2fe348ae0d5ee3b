//! `oversight schema`: JSON Schemas for the files officers write, made
//! from the shapes the loader reads them by (`model::shapes`), so an
//! editor marks a wrong field, date or status as it is typed. The schemas
//! carry the site's own status labels and grade scales, read from its
//! `site.yaml`: write them again after changing either.

mod json;
pub mod patterns;

pub use json::{Top, Vocabulary, document, schema_file};

use crate::diagnostics::Diagnostic;
use crate::model::shapes::{self, Shape};
use crate::model::{KindName, Settings, StatusLabels, builtin_scales};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Where `init` puts the schemas, from the site's folder.
pub const SITE_FOLDER: &str = ".oversight/schemas";

/// One schema file.
pub struct SchemaFile {
    /// Its file name: `actions.schema.json`.
    pub name: String,
    /// The files it describes, as globs under `content/`.
    pub describes: &'static str,
    /// True for YAML files, which editors check; false for front matter,
    /// which the VS Code YAML extension does not read (see docs/editors.md).
    pub yaml: bool,
    pub schema: Value,
}

/// Every schema, for a site with these labels and scales: the YAML files
/// first, then the front matter of each kind of document.
pub fn all(v: &Vocabulary) -> Vec<SchemaFile> {
    let yaml = |name: &str, describes, title: &str, top| SchemaFile {
        name: format!("{name}.schema.json"),
        describes,
        yaml: true,
        schema: schema_file(title, top, v),
    };
    let mut out = vec![
        yaml(
            "content-site",
            "site.yaml",
            "oversight: site.yaml",
            Top::Mapping(&shapes::SITE),
        ),
        yaml(
            "actions",
            "plans/*/actions.yaml",
            "oversight: a plan's actions.yaml",
            Top::List(&shapes::ACTION, shapes::ACTIONS_MAX),
        ),
        yaml(
            "risks",
            "risks.yaml",
            "oversight: risks.yaml, the risk register",
            Top::List(&shapes::RISK, shapes::RISKS_MAX),
        ),
        yaml(
            "indicator",
            "indicators/*.yaml",
            "oversight: an indicator",
            Top::Mapping(&shapes::INDICATOR),
        ),
    ];
    for kind in KindName::ALL {
        if let Some(shape) = shapes::front_matter(kind) {
            out.push(SchemaFile {
                name: format!("{}.schema.json", shape.name),
                describes: front_matter_files(kind),
                yaml: false,
                schema: schema_file(&front_matter_title(shape), Top::Mapping(shape), v),
            });
        }
    }
    out
}

fn front_matter_title(shape: &Shape) -> String {
    format!("oversight: front matter of {}", shape.about)
}

/// The Markdown files whose front matter a kind's schema describes.
fn front_matter_files(kind: KindName) -> &'static str {
    match kind {
        KindName::Home => "index.md",
        KindName::ListIntro => "<list>/index.md",
        KindName::Page => "<folder>/<slug>.md",
        KindName::Inspection => "inspections/*.md",
        KindName::Visit => "visits/*.md",
        KindName::Review => "reviews/*.md",
        KindName::Plan => "plans/*/index.md",
        KindName::Meeting => "meetings/*/index.md",
        KindName::Paper => "meetings/*/*.md",
        KindName::Risks => "risks.yaml",
        KindName::Indicator => "indicators/*.yaml",
    }
}

/// The status labels and grade scales of the site in `content`, from its
/// `site.yaml`; `Err` with its problems when it cannot be read as it is.
pub fn read_site(content: &Path) -> Result<Settings, Result<Vec<Diagnostic>, String>> {
    let path = content.join("site.yaml");
    if !path.is_file() {
        return Err(Err(format!(
            "{} has no site.yaml: give --content, or run this in a site's folder",
            content.display()
        )));
    }
    let root = crate::load::display_root(content);
    let read = crate::load::read_file(
        &root,
        "site.yaml".into(),
        path.clone(),
        &|p: &Path| std::fs::read(p),
        &StatusLabels::default(),
    )
    .map_err(|e| Err(format!("{}: {e}", path.display())))?;
    match read.made {
        crate::load::Made::Settings(s) if !read.diags.has_errors() => Ok(*s),
        _ => Err(Ok(read.diags.sorted())),
    }
}

/// Writes every schema into `dir` (made if need be); returns the files.
pub fn write(dir: &Path, v: &Vocabulary) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for s in all(v) {
        let path = dir.join(&s.name);
        std::fs::write(&path, document(&s.schema))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The schemas for a site with no labels or scales of its own.
pub fn write_builtin(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let (labels, scales) = (StatusLabels::default(), builtin_scales());
    write(
        dir,
        &Vocabulary {
            labels: &labels,
            scales: &scales,
        },
    )
}

/// `.vscode/settings.json` for a site whose schemas are in `schemas` and
/// content in `content` (both relative to the site's folder): the YAML
/// extension checks each YAML file against its schema.
pub fn vscode_settings(schemas: &str, content: &str) -> String {
    let (labels, scales) = (StatusLabels::default(), builtin_scales());
    let v = Vocabulary {
        labels: &labels,
        scales: &scales,
    };
    let map: serde_json::Map<String, Value> = all(&v)
        .into_iter()
        .filter(|s| s.yaml)
        .map(|s| {
            (
                format!("./{schemas}/{}", s.name),
                json!([format!("/{content}/{}", s.describes)]),
            )
        })
        .collect();
    document(&json!({ "yaml.schemas": map }))
}

/// The first line of a YAML file at `rel` under `content/` that tells the
/// YAML extension its schema, when the schemas are in the site's
/// [`SITE_FOLDER`] beside `content/`: `None` for a file no schema describes.
pub fn modeline(rel: &str) -> Option<String> {
    let name = match rel.split('/').collect::<Vec<_>>().as_slice() {
        ["site.yaml"] => "content-site",
        ["risks.yaml"] => "risks",
        ["plans", _, "actions.yaml"] => "actions",
        ["indicators", _] if rel.ends_with(".yaml") => "indicator",
        _ => return None,
    };
    let up = "../".repeat(rel.matches('/').count() + 1);
    Some(format!(
        "# yaml-language-server: $schema={up}{SITE_FOLDER}/{name}.schema.json\n"
    ))
}
