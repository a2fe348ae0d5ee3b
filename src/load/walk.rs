//! Walking `content/` and deciding what each file is.

use super::common::read_common;
use super::data::{read_indicator, read_risks};
use super::fields::Fields;
use super::inspection::{read_inspection, read_visit};
use super::meeting::{read_meeting, read_paper};
use super::plan::{read_actions, read_plan};
use super::site::{is_slug, read_settings, slugify};
use super::text::{SplitError, body_links, decode, split_front_matter};
use super::yaml;
use crate::diagnostics::{Diagnostics, FileReporter, Loc};
use crate::model::{Action, Common, Document, Kind, Settings};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A file copied to the output as it is (an image, a PDF).
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path under `content/`, with `/` separators.
    pub rel: String,
    pub path: PathBuf,
}

/// Everything read from `content/`.
#[derive(Debug)]
pub struct Loaded {
    pub settings: Settings,
    /// Sorted by id.
    pub documents: Vec<Document>,
    pub assets: Vec<Asset>,
    /// The text of every content file, by the name messages use.
    pub sources: BTreeMap<String, String>,
    /// Documents whose file (or plan whose `actions.yaml`) could not be read
    /// at all. Its error is reported once; references to it are not
    /// reported again as unknown.
    pub unreadable: BTreeSet<String>,
}

/// Names the build itself writes at the top of `output/`.
const RESERVED: [&str; 12] = [
    "assets",
    "changes",
    "data",
    "recommendations",
    "risks",
    "search",
    "status",
    "tags",
    "timeline",
    "404",
    "feed",
    "sitemap",
];

/// The built-in lists, whose pages the build makes.
const SECTIONS: [&str; 5] = ["inspections", "visits", "plans", "meetings", "indicators"];

/// What a file is, by where it sits.
enum Role {
    Settings,
    Markdown(MdRole),
    Actions(String),
    Risks,
    Indicator,
    Asset,
    Ignored(String),
    Misplaced(String),
}

#[derive(Clone, Copy)]
enum MdRole {
    Home,
    ListIntro,
    Page,
    Inspection,
    Visit,
    Plan,
    Meeting,
    Paper,
}

fn classify(rel: &str) -> Role {
    let parts: Vec<&str> = rel.split('/').collect();
    let ext = rel.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let md = ext == "md";
    let yaml = ext == "yaml";
    if ext == "yml" {
        return Role::Ignored(format!(
            "`.yml` files are not read; rename it to `{}.yaml`",
            rel.trim_end_matches(".yml")
        ));
    }
    match parts.as_slice() {
        ["site.yaml"] => Role::Settings,
        ["risks.yaml"] => Role::Risks,
        ["index.md"] => Role::Markdown(MdRole::Home),
        [folder, "index.md"] if SECTIONS.contains(folder) => {
            Role::Markdown(MdRole::ListIntro)
        }
        ["inspections", _] if md => Role::Markdown(MdRole::Inspection),
        ["visits", _] if md => Role::Markdown(MdRole::Visit),
        ["inspections" | "visits", ..] if md => Role::Misplaced(format!(
            "{} go straight in `{}/`, one file each: `{}/<slug>.md`",
            parts[0], parts[0], parts[0]
        )),
        ["indicators", _] if yaml => Role::Indicator,
        ["indicators", ..] if md || yaml => Role::Misplaced(
            "an indicator is a YAML file straight in `indicators/`: `indicators/<slug>.yaml`".into(),
        ),
        ["plans", _, "index.md"] => Role::Markdown(MdRole::Plan),
        ["plans", plan, "actions.yaml"] => Role::Actions(format!("plans/{plan}")),
        ["plans", _, _] if md => Role::Markdown(MdRole::Page),
        ["plans", _] if md => Role::Misplaced(
            "a plan is a folder: write `plans/<plan>/index.md` and `plans/<plan>/actions.yaml`".into(),
        ),
        ["meetings", _, "index.md"] => Role::Markdown(MdRole::Meeting),
        ["meetings", _, _] if md => Role::Markdown(MdRole::Paper),
        ["meetings", ..] if md => Role::Misplaced(
            "a meeting is a folder: write `meetings/<slug>/index.md` and its papers beside it".into(),
        ),
        [first, ..] if parts.len() > 1 && RESERVED.contains(first) => Role::Misplaced(format!(
            "`{first}/` is a page the build makes itself; put this file in another folder"
        )),
[name] if md && [RESERVED.as_slice(), &SECTIONS].concat().contains(&name.trim_end_matches(".md")) => {
            Role::Misplaced(format!(
                "`{name}` would replace a page the build makes itself; give it another name"
            ))
        }
        _ if md => Role::Markdown(MdRole::Page),
        _ if yaml => Role::Ignored(
            "this YAML file is not one oversight reads (site.yaml, risks.yaml, plans/<plan>/actions.yaml, indicators/<slug>.yaml); it is ignored".into(),
        ),
        _ => Role::Asset,
    }
}

/// The document id of a Markdown or indicator file.
fn id_of(rel: &str) -> String {
    let no_ext = rel.rsplit_once('.').map_or(rel, |(a, _)| a);
    match no_ext.strip_suffix("/index") {
        Some(folder) => folder.to_string(),
        None if no_ext == "index" => String::new(),
        None => no_ext.to_string(),
    }
}

/// Reads every file under `content_dir`. `Err` only for I/O trouble with the folder itself.
pub fn load(content_dir: &Path, diags: &mut Diagnostics) -> std::io::Result<Loaded> {
    let display_root = content_dir
        .to_string_lossy()
        .trim_end_matches('/')
        .to_string();
    let name = |rel: &str| format!("{display_root}/{rel}");
    let root = content_dir.canonicalize()?;
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry
            .path()
            .strip_prefix(content_dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if entry.file_type().is_symlink() {
            let problem = match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&root) && target.is_file() => None,
                Ok(target) if target.starts_with(&root) && target.is_dir() => Some((
                    "this symbolic link leads to a folder, and links to folders are not followed",
                    "move or copy the folder here instead of linking to it",
                )),
                Ok(target) if target.starts_with(&root) => Some((
                    "this symbolic link leads to something that is not a file",
                    "remove it",
                )),
                Ok(_) => Some((
                    "this symbolic link leads outside the content folder, so it is not read",
                    "copy the file into the content folder instead",
                )),
                Err(_) => Some((
                    "this symbolic link leads nowhere",
                    "remove it, or point it at a file in the content folder",
                )),
            };
            if let Some((message, help)) = problem {
                diags.push(FileReporter::whole_file_error(
                    &name(&rel),
                    message,
                    Some(help.into()),
                ));
                continue;
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        files.push((rel, entry.path().to_path_buf()));
    }
    let read = |path: &Path| {
        if std::fs::metadata(path)?.len() > MAX_FILE_BYTES as u64 {
            return Err(std::io::ErrorKind::FileTooLarge.into());
        }
        std::fs::read(path)
    };
    read_all(&display_root, files, read, diags)
}

/// The largest Markdown or YAML file read: far beyond any real paper, and
/// small enough that a build stays within a few hundred megabytes.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Loads a site held in memory: `(path under content/, bytes)` pairs. For
/// tests and fuzzing; messages name files as `content/<path>`.
pub fn load_memory(files: &[(&str, &[u8])], diags: &mut Diagnostics) -> std::io::Result<Loaded> {
    let mut sorted: Vec<(String, PathBuf)> = files
        .iter()
        .map(|(rel, _)| (rel.to_string(), PathBuf::from(rel)))
        .collect();
    sorted.sort();
    sorted.dedup_by(|a, b| a.0 == b.0);
    let bytes_of = |path: &Path| {
        Ok(files
            .iter()
            .find(|(rel, _)| Path::new(rel) == path)
            .map(|(_, b)| b.to_vec())
            .unwrap_or_default())
    };
    read_all("content", sorted, bytes_of, diags)
}

/// Reads each file, in order, into what it is.
fn read_all(
    display_root: &str,
    files: Vec<(String, PathBuf)>,
    read: impl Fn(&Path) -> std::io::Result<Vec<u8>>,
    diags: &mut Diagnostics,
) -> std::io::Result<Loaded> {
    let name = |rel: &str| format!("{display_root}/{rel}");
    let mut settings = None;
    // A site.yaml that is there but cannot be read has its own error.
    let mut settings_file = false;
    let mut documents = Vec::new();
    let mut actions: Vec<(String, String, Vec<Action>)> = Vec::new();
    let mut assets = Vec::new();
    let mut sources = BTreeMap::new();
    let mut unreadable = BTreeSet::new();
    for (rel, path) in files {
        let file = name(&rel);
        let role = classify(&rel);
        settings_file |= matches!(role, Role::Settings);
        match role {
            Role::Asset => {
                match unsafe_asset(&rel, || read(&path)) {
                    Some((message, help)) => diags.push(FileReporter::whole_file_error(
                        &file,
                        message,
                        Some(help.into()),
                    )),
                    None => assets.push(Asset { rel, path }),
                }
                continue;
            }
            Role::Ignored(why) => {
                diags.push(FileReporter::whole_file_warning(&file, &why));
                continue;
            }
            Role::Misplaced(why) => {
                diags.push(FileReporter::whole_file_error(
                    &file,
                    "this file is not where its kind belongs",
                    Some(why),
                ));
                continue;
            }
            _ => {}
        }
        if !check_slugs(&rel, &file, diags) {
            continue;
        }
        // Marked unreadable until it has been read into its document.
        let claim = match &role {
            Role::Actions(plan) => Some(plan.clone()),
            Role::Risks => Some("risks".to_string()),
            Role::Markdown(_) | Role::Indicator => Some(id_of(&rel)),
            _ => None,
        };
        // Only the file that marked it may clear it: a plan's index.md and
        // actions.yaml both speak for the plan.
        let fresh = claim
            .as_ref()
            .is_some_and(|id| unreadable.insert(id.clone()));
        let made = (documents.len(), actions.len());
        let bytes = match read(&path) {
            Ok(b) if b.len() <= MAX_FILE_BYTES => b,
            Err(e) if e.kind() != std::io::ErrorKind::FileTooLarge => return Err(e),
            _ => {
                diags.push(FileReporter::whole_file_error(
                    &file,
                    &format!(
                        "this file is larger than {} MB, more than oversight reads",
                        MAX_FILE_BYTES / (1024 * 1024)
                    ),
                    Some("keep the text of a page short and link the full document (a PDF beside it, or its web address under `source:`)".into()),
                ));
                continue;
            }
        };
        let text = match decode(&bytes) {
            Ok(t) => t,
            Err((loc, msg)) => {
                let mut r = FileReporter {
                    file: &file,
                    text: "",
                    diags,
                };
                r.error(loc, msg, Some("save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")".into()));
                continue;
            }
        };
        let mut r = FileReporter {
            file: &file,
            text: &text,
            diags,
        };
        if text.trim().is_empty() {
            r.error(Loc::FILE, "the file is empty", Some(empty_help(&role)));
            sources.insert(file.clone(), text);
            continue;
        }
        match role {
            Role::Settings => {
                if let Some(node) = parse_yaml(&mut r, &text, 1) {
                    settings = Some(read_settings(&mut r, &node));
                }
            }
            Role::Risks => {
                if let Some(node) = parse_yaml(&mut r, &text, 1) {
                    let risks = read_risks(&mut r, &node);
                    let common = Common {
                        title: "Risk register".into(),
                        ..Common::default()
                    };
                    documents.push(data_document("risks", &file, common, Kind::Risks(risks)));
                }
            }
            Role::Indicator => {
                if let Some(node) = parse_yaml(&mut r, &text, 1)
                    && let Some(mut f) = Fields::of(&mut r, &node, "an indicator")
                {
                    let (common, ind) = read_indicator(&mut r, &mut f);
                    f.finish(&mut r, "an indicator");
                    documents.push(data_document(
                        &id_of(&rel),
                        &file,
                        common,
                        Kind::Indicator(ind),
                    ));
                }
            }
            Role::Actions(plan_id) => {
                if let Some(node) = parse_yaml(&mut r, &text, 1) {
                    actions.push((plan_id, file.clone(), read_actions(&mut r, &node)));
                }
            }
            Role::Markdown(md) => {
                if let Some(doc) = read_markdown(&mut r, &rel, &text, md) {
                    documents.push(doc);
                }
            }
            Role::Asset | Role::Ignored(_) | Role::Misplaced(_) => {}
        }
        if let Some(id) = claim
            && fresh
            && made != (documents.len(), actions.len())
        {
            unreadable.remove(&id);
        }
        sources.insert(file, text);
    }

    attach_actions(&mut documents, actions, &unreadable, diags);
    let settings = settings.unwrap_or_else(|| {
        if !settings_file {
            diags.push(FileReporter::whole_file_error(
                &name("site.yaml"),
                "there is no site.yaml: every site needs one",
                Some("create content/site.yaml with at least `title: ...`".into()),
            ));
        }
        let mut r = FileReporter {
            file: "",
            text: "",
            diags: &mut Diagnostics::default(),
        };
        read_settings(
            &mut r,
            &yaml::Node {
                value: yaml::Value::Map(Vec::new()),
                loc: Loc::FILE,
                raw: None,
            },
        )
    });
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Loaded {
        settings,
        documents,
        assets,
        sources,
        unreadable,
    })
}

/// Why a file that would be copied as it is must not be: it could run in a
/// member's browser, past the cleaning every page gets.
fn unsafe_asset(
    rel: &str,
    bytes: impl FnOnce() -> std::io::Result<Vec<u8>>,
) -> Option<(&'static str, &'static str)> {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" | "js" | "mjs" => Some((
            "oversight does not publish HTML or script files from the content folder: they would reach members as they are, unchecked",
            "write the page in Markdown (a `.md` file), or attach the document as a PDF",
        )),
        "svg" | "svgz" | "xml" | "xsl" => {
            let text = bytes()
                .ok()
                .map(|b| String::from_utf8_lossy(&b).to_ascii_lowercase());
            match text {
                Some(t) if !can_run(&t) => None,
                _ => Some((
                    "this drawing contains script, an event handler or a `javascript:` address, which would run when a member opens it",
                    "save the drawing again without scripts (most editors have \"plain SVG\"), or use a PNG",
                )),
            }
        }
        _ => None,
    }
}

/// Whether lower-cased markup holds anything that runs: a script element,
/// an embedded document, a `javascript:` address or an `on...=` handler.
fn can_run(t: &str) -> bool {
    if [
        "<script",
        "javascript:",
        "<foreignobject",
        "<iframe",
        "<!entity",
    ]
    .iter()
    .any(|s| t.contains(s))
    {
        return true;
    }
    t.match_indices("on").any(|(i, _)| {
        let before = t[..i].chars().next_back();
        let rest = &t[i + 2..];
        let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        before.is_some_and(|c| c.is_whitespace() || c == '/' || c == '"' || c == '\'')
            && name_len > 0
            && rest[name_len..].trim_start().starts_with('=')
    })
}

fn empty_help(role: &Role) -> String {
    match role {
        Role::Markdown(_) => {
            "a Markdown document starts with front matter: `---`, `title: ...`, `---`".into()
        }
        Role::Settings => "site.yaml needs at least `title: ...`".into(),
        _ => "write the data, or delete the file".into(),
    }
}

/// Every folder and file name that makes an id must be a slug.
fn check_slugs(rel: &str, file: &str, diags: &mut Diagnostics) -> bool {
    let id = id_of(rel);
    if id.is_empty() {
        return true;
    }
    for seg in id.split('/') {
        if !is_slug(seg) {
            let fixed = slugify(seg);
            diags.push(FileReporter::whole_file_error(
                file,
                &format!("`{seg}` is not a valid name for a document: names are lower-case letters, digits and `-`"),
                Some(if fixed.is_empty() {
                    "rename it using lower-case letters, digits and `-`".into()
                } else {
                    format!("rename it `{fixed}`")
                }),
            ));
            return false;
        }
    }
    true
}

fn parse_yaml(r: &mut FileReporter, text: &str, first_line: u32) -> Option<yaml::Node> {
    match yaml::parse(text, first_line) {
        Ok(node) => Some(node),
        Err(e) => {
            let help = if e.message.contains("mapping values are not allowed") {
                Some("a value that contains \": \" must be in quotes: `title: \"Monitoring visit: child protection\"`".into())
            } else {
                None
            };
            r.error(e.loc, e.message, help);
            None
        }
    }
}

fn data_document(id: &str, file: &str, common: Common, kind: Kind) -> Document {
    Document {
        id: id.to_string(),
        file: file.to_string(),
        common,
        body: String::new(),
        body_line: 0,
        links: Vec::new(),
        relative_links: Vec::new(),
        kind,
    }
}

fn read_markdown(r: &mut FileReporter, rel: &str, text: &str, role: MdRole) -> Option<Document> {
    let split = match split_front_matter(text) {
        Ok(s) => s,
        Err(SplitError::Missing) => {
            r.error(
                Loc::new(1, 1),
                "the file has no front matter",
                Some(
                    "start the file with a `---` line, then `title: ...`, then another `---` line"
                        .into(),
                ),
            );
            return None;
        }
        Err(SplitError::Unclosed) => {
            r.error(
                Loc::new(1, 1),
                "the front matter opened here is never closed",
                Some("end the front matter with a line of just `---`".into()),
            );
            return None;
        }
    };
    let node = if split.yaml.trim().is_empty() {
        r.error(
            Loc::new(1, 1),
            "the front matter is empty",
            Some("add at least `title: ...`".into()),
        );
        return None;
    } else {
        parse_yaml(r, split.yaml, split.yaml_line)?
    };
    let what = match role {
        MdRole::Home => "the home page",
        MdRole::ListIntro => "a list introduction",
        MdRole::Page => "a page",
        MdRole::Inspection => "an inspection",
        MdRole::Visit => "a visit",
        MdRole::Plan => "a plan",
        MdRole::Meeting => "a meeting",
        MdRole::Paper => "a paper",
    };
    let mut f = Fields::of(r, &node, "the front matter")?;
    let common = read_common(r, &mut f, what, true);
    let kind = match role {
        MdRole::Home => Kind::Home,
        MdRole::ListIntro => Kind::ListIntro,
        MdRole::Page => Kind::Page,
        MdRole::Inspection => Kind::Inspection(read_inspection(r, &mut f)),
        MdRole::Visit => Kind::Visit(read_visit(r, &mut f)),
        MdRole::Plan => Kind::Plan(read_plan(r, &mut f)),
        MdRole::Meeting => Kind::Meeting(read_meeting(r, &mut f)),
        MdRole::Paper => Kind::Paper(read_paper(r, &mut f)),
    };
    f.finish(r, what);
    let (links, relative_links) = body_links(split.body, split.body_line);
    Some(Document {
        id: id_of(rel),
        file: r.file.to_string(),
        common,
        body: split.body.to_string(),
        body_line: split.body_line,
        links,
        relative_links,
        kind,
    })
}

fn attach_actions(
    documents: &mut [Document],
    actions: Vec<(String, String, Vec<Action>)>,
    unreadable: &BTreeSet<String>,
    diags: &mut Diagnostics,
) {
    for (plan_id, file, list) in actions {
        let plan = documents.iter_mut().find(|d| d.id == plan_id);
        match plan.map(|d| &mut d.kind) {
            Some(Kind::Plan(p)) => {
                p.actions = list;
                p.actions_file = Some(file);
            }
            // The plan's index.md could not be read; that error says it all.
            _ if unreadable.contains(&plan_id) => {}
            _ => diags.push(FileReporter::whole_file_error(
                &file,
                "these actions have no plan: the folder has no index.md",
                Some(format!(
                    "add content/{plan_id}/index.md with the plan's title and priorities"
                )),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawings_that_could_run_are_found() {
        assert!(can_run("<svg onload=\"x()\">"));
        assert!(can_run("<svg><a xlink:href=\"javascript:x\">"));
        assert!(can_run("<svg><script>x</script></svg>"));
        assert!(can_run("<svg><g onclick = 'x'>"));
        assert!(!can_run(
            "<svg><text>only one option</text><path d=\"m0 0\"/></svg>"
        ));
        assert!(!can_run("<svg font=\"x\" transform=\"rotate(1)\">"));
    }

    #[test]
    fn ids_follow_the_contract() {
        assert_eq!(
            id_of("inspections/2023-03-ilacs.md"),
            "inspections/2023-03-ilacs"
        );
        assert_eq!(id_of("plans/pip/index.md"), "plans/pip");
        assert_eq!(
            id_of("meetings/m/response-letter.md"),
            "meetings/m/response-letter"
        );
        assert_eq!(id_of("indicators/budget.yaml"), "indicators/budget");
        assert_eq!(id_of("index.md"), "");
    }

    #[test]
    fn the_folder_decides_the_kind() {
        assert!(matches!(
            classify("inspections/a.md"),
            Role::Markdown(MdRole::Inspection)
        ));
        assert!(matches!(classify("inspections/x/a.md"), Role::Misplaced(_)));
        assert!(matches!(
            classify("meetings/m/index.md"),
            Role::Markdown(MdRole::Meeting)
        ));
        assert!(matches!(
            classify("meetings/m/report.md"),
            Role::Markdown(MdRole::Paper)
        ));
        assert!(matches!(classify("meetings/m.md"), Role::Misplaced(_)));
        assert!(matches!(classify("plans/p/actions.yaml"), Role::Actions(_)));
        assert!(matches!(
            classify("guides/how.md"),
            Role::Markdown(MdRole::Page)
        ));
        assert!(matches!(classify("timeline/x.md"), Role::Misplaced(_)));
        assert!(matches!(classify("images/logo.png"), Role::Asset));
        assert!(matches!(classify("notes.yml"), Role::Ignored(_)));
        assert!(matches!(classify("inspections.md"), Role::Misplaced(_)));
        assert!(matches!(classify("assets/style.css"), Role::Misplaced(_)));
    }
}
