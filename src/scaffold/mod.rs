//! Scaffolding for officers: `oversight new` writes a new document (or
//! appends an action or a risk) with every field of the format present and
//! explained; `oversight init` starts a new site. Writes only new files, or
//! appends to a plan's `actions.yaml` or the risk register.

mod eject;
mod init;
mod templates;

pub use eject::eject_theme;
pub use init::init;
pub use templates::Type;

use crate::load::{is_slug, slugify, valid_item_id};
use crate::model::Date;
use std::fs;
use std::path::{Path, PathBuf};

/// What `new` did.
#[derive(Debug)]
pub struct Created {
    /// The file written or added to.
    pub file: PathBuf,
    /// True when an item was added to an existing list file.
    pub appended: bool,
    /// Other files made alongside (a new plan's `actions.yaml`).
    pub also: Vec<PathBuf>,
}

/// Writes a new `kind` named `name` into `content`. `title`, when given,
/// is filled in; otherwise the title is left for the officer, and `check`
/// says so until it is written.
pub fn new_item(
    content: &Path,
    kind: Type,
    name: &str,
    today: Date,
    title: Option<&str>,
) -> Result<Created, String> {
    if !content.join("site.yaml").is_file() {
        return Err(format!(
            "{} has no site.yaml: run this in a site's folder, give --content, or start one with `oversight init <folder>`",
            content.display()
        ));
    }
    let name = name.trim().trim_matches('/');
    let fill = |text: &str, id: &str, item: &str| templates::fill(text, today, id, item, title);
    // A document that is one file straight in its folder.
    let one_file = |content: &Path, folder: &str, ext: &str, template: &str| {
        check_slug(name)?;
        let id = format!("{folder}/{name}");
        let rel = format!("{id}.{ext}");
        create(
            &content.join(&rel),
            &with_modeline(content, &rel, fill(template, &id, "")),
        )
    };
    match kind {
        Type::Action => {
            let (plan, id) = split_pair(
                name,
                "action",
                "<plan>/<action id>, e.g. practice-improvement/P1.4",
            )?;
            check_item_id(id)?;
            let plan_dir = content.join("plans").join(plan);
            let priority = first_priority(content, &format!("plans/{plan}")).ok_or_else(|| {
                format!("there is no plan `plans/{plan}` with a priority: start one with `oversight new plan {plan}`")
            })?;
            let file = plan_dir.join("actions.yaml");
            let item = fill(
                &templates::ACTION.replace("{{priority}}", &priority),
                &format!("plans/{plan}"),
                id,
            );
            let header = fill(templates::ACTIONS, &format!("plans/{plan}"), "");
            let rel = format!("plans/{plan}/actions.yaml");
            append(&file, &with_modeline(content, &rel, header), &item, id)
        }
        Type::Risk => {
            check_item_id(name)?;
            let file = content.join("risks.yaml");
            let item = fill(templates::RISK, "risks", name);
            let header = with_modeline(content, "risks.yaml", fill(templates::RISKS, "risks", ""));
            append(&file, &header, &item, name)
        }
        Type::Paper => {
            let (meeting, paper) = split_pair(
                name,
                "paper",
                "<meeting>/<paper>, e.g. 2024-01-10-cypssc/report",
            )?;
            check_slug(meeting)?;
            check_slug(paper)?;
            if paper == "index" {
                return Err("`index` is the meeting itself: give the paper another name".into());
            }
            let dir = content.join("meetings").join(meeting);
            if !dir.join("index.md").is_file() {
                return Err(format!(
                    "there is no meeting `meetings/{meeting}`: start one with `oversight new meeting {meeting}`"
                ));
            }
            let template = templates::PAPER.replace("{{meeting}}", &format!("meetings/{meeting}"));
            let text = fill(&template, &format!("meetings/{meeting}/{paper}"), "");
            create(&dir.join(format!("{paper}.md")), &text)
        }
        Type::Plan => {
            check_slug(name)?;
            let dir = content.join("plans").join(name);
            let id = format!("plans/{name}");
            let mut made = create(&dir.join("index.md"), &fill(templates::PLAN, &id, ""))?;
            let actions = dir.join("actions.yaml");
            if !actions.exists() {
                let text = fill(templates::ACTIONS, &id, "");
                let rel = format!("{id}/actions.yaml");
                fs::write(&actions, with_modeline(content, &rel, text))
                    .map_err(|e| io(&actions, e))?;
                made.also.push(actions);
            }
            Ok(made)
        }
        Type::Meeting => {
            check_slug(name)?;
            let id = format!("meetings/{name}");
            create(
                &content.join(&id).join("index.md"),
                &fill(templates::MEETING, &id, ""),
            )
        }
        Type::Inspection => one_file(content, "inspections", "md", templates::INSPECTION),
        Type::Visit => one_file(content, "visits", "md", templates::VISIT),
        Type::Review => one_file(content, "reviews", "md", templates::REVIEW),
        Type::Indicator => one_file(content, "indicators", "yaml", templates::INDICATOR),
    }
}

/// A new YAML file's text, with the line that tells an editor its schema
/// first when the site has its schemas (`oversight init` writes them; see
/// docs/editors.md).
fn with_modeline(content: &Path, rel: &str, text: String) -> String {
    let schemas = content
        .parent()
        .unwrap_or(Path::new(""))
        .join(crate::schema::SITE_FOLDER);
    match crate::schema::modeline(rel) {
        Some(line) if schemas.is_dir() => line + &text,
        _ => text,
    }
}

fn split_pair<'a>(name: &'a str, what: &str, form: &str) -> Result<(&'a str, &'a str), String> {
    match name.split_once('/') {
        Some((a, b)) if !a.is_empty() && !b.is_empty() && !b.contains('/') => Ok((a, b)),
        _ => Err(format!("name the {what} as {form}")),
    }
}

fn check_slug(s: &str) -> Result<(), String> {
    if is_slug(s) {
        Ok(())
    } else {
        Err(format!(
            "`{s}` is not a valid name: use lower-case letters, digits and `-`, e.g. `{}`",
            slugify(s)
        ))
    }
}

fn check_item_id(s: &str) -> Result<(), String> {
    if valid_item_id(s) {
        Ok(())
    } else {
        Err(format!(
            "`{s}` is not a valid id: start with a letter or digit, then letters, digits, `.`, `_` or `-`"
        ))
    }
}

fn io(path: &Path, e: std::io::Error) -> String {
    format!("{}: {e}", path.display())
}

/// Writes a new file; refuses to replace one.
fn create(file: &Path, text: &str) -> Result<Created, String> {
    if file.exists() {
        return Err(format!(
            "{} already exists; nothing was written (choose another name)",
            file.display()
        ));
    }
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    }
    fs::write(file, text).map_err(|e| io(file, e))?;
    Ok(Created {
        file: file.to_path_buf(),
        appended: false,
        also: Vec::new(),
    })
}

/// Adds `item` to the list in `file`, making the file from `header` when
/// it does not exist; refuses an id the list already has.
fn append(file: &Path, header: &str, item: &str, id: &str) -> Result<Created, String> {
    let existing = match fs::read_to_string(file) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(file, e)),
    };
    let base = existing.clone().unwrap_or_else(|| header.to_string());
    if base.lines().any(|l| {
        let l = l.trim_start().trim_start_matches('-').trim_start();
        l.strip_prefix("id:").map(|v| {
            v.split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\''])
        }) == Some(id)
    }) {
        return Err(format!(
            "{} already has `{id}`; nothing was written (choose another id)",
            file.display()
        ));
    }
    // An empty list written as `[]` becomes the first item.
    let mut text: String = base
        .lines()
        .filter(|l| l.trim() != "[]")
        .map(|l| format!("{l}\n"))
        .collect();
    text.push_str(item);
    fs::write(file, text).map_err(|e| io(file, e))?;
    Ok(Created {
        file: file.to_path_buf(),
        appended: existing.is_some(),
        also: Vec::new(),
    })
}

/// The first priority of the plan `id`, as the loader reads it.
fn first_priority(content: &Path, id: &str) -> Option<String> {
    let mut diags = crate::diagnostics::Diagnostics::default();
    let loaded = crate::load::load(content, &mut diags).ok()?;
    loaded.documents.iter().find_map(|d| match &d.kind {
        crate::model::Kind::Plan(p) if d.id == id => {
            p.priorities.first().map(|pr| pr.id.value.clone())
        }
        _ => None,
    })
}
