//! One content file: what it is, by where it sits, and what it says. Each
//! file is read on its own, so files are read in parallel, and the preview
//! reads again only the files that changed.

use super::classify::{Role, classify, id_of};
use super::common::read_common;
use super::data::{read_indicator, read_risks};
use super::fields::Fields;
use super::inspection::{read_inspection, read_review, read_visit};
use super::meeting::{read_meeting, read_page, read_paper};
use super::plan::{read_actions, read_plan};
use super::site::{is_slug, read_settings, slugify};
use super::text::{SplitError, decode, split_front_matter};
use super::walk::{Asset, MAX_FILE_BYTES};
use super::yaml;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Loc};
use crate::model::shapes;
use crate::model::{Action, Common, Document, Kind, KindName, Settings, StatusLabels, unwritable};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What one file gave.
#[derive(Debug, Clone)]
pub struct FileRead {
    /// The file as messages name it.
    pub file: String,
    pub made: Made,
    /// Its problems.
    pub diags: Diagnostics,
    /// Its text, for messages that quote it; `None` for files not read as text.
    pub text: Option<Arc<str>>,
    /// The document this file speaks for (a plan's index.md and
    /// actions.yaml both speak for the plan): unreadable when the file
    /// could not be read into what it is.
    pub claim: Option<(String, bool)>,
    /// Whether this is `site.yaml`, read or not.
    pub settings_file: bool,
    /// The SHA-256 of its bytes, when it was read as a content file (not
    /// for a file copied as it is): a rebuild compares it with the last
    /// build's to find the documents an edit touched.
    pub digest: Option<[u8; 32]>,
}

/// What a file was read into.
#[derive(Debug, Clone)]
pub enum Made {
    Nothing,
    Asset(Asset),
    Settings(Box<Settings>),
    Document(Arc<Document>),
    /// A plan's `actions.yaml`: the plan's id and its actions.
    Actions(String, Vec<Action>),
}

/// Reads one file (`rel` is its path under `content/`) into what it is.
/// `Err` only when the file cannot be read at all.
/// `labels` are the site's status labels (from `site.yaml`, read first),
/// which are accepted wherever a status is written.
pub fn read_file(
    display_root: &str,
    rel: String,
    path: PathBuf,
    read: &(dyn Fn(&Path) -> std::io::Result<Vec<u8>> + Sync),
    labels: &StatusLabels,
) -> std::io::Result<FileRead> {
    let file = format!("{display_root}/{rel}");
    let role = classify(&rel);
    let mut out = FileRead {
        file: file.clone(),
        made: Made::Nothing,
        diags: Diagnostics::default(),
        text: None,
        claim: None,
        settings_file: matches!(role, Role::Settings),
        digest: None,
    };
    let diags = &mut out.diags;
    if !check_writable(&rel, &file, diags) {
        return Ok(out);
    }
    match role {
        Role::Asset => {
            if let Some(checked) = super::asset::check(&file, &rel, || read(&path), diags)? {
                let (bytes, pdf_pages) =
                    super::asset::facts(&rel, &path, checked.as_deref(), || read(&path));
                out.made = Made::Asset(Asset {
                    rel,
                    path,
                    checked,
                    bytes,
                    pdf_pages,
                });
            }
            return Ok(out);
        }
        Role::Ignored(why) => {
            diags.push(FileReporter::whole_file_warning(
                Code::IgnoredFile,
                &file,
                &why,
            ));
            return Ok(out);
        }
        Role::Misplaced(why) => {
            diags.push(FileReporter::whole_file_error(
                Code::MisplacedFile,
                &file,
                "this file is not where its kind belongs",
                Some(why),
            ));
            return Ok(out);
        }
        _ => {}
    }
    if !check_slugs(&rel, &file, diags) {
        return Ok(out);
    }
    // Unreadable until it has been read into its document.
    out.claim = match &role {
        Role::Actions(plan) => Some(plan.clone()),
        Role::Risks => Some("risks".to_string()),
        Role::Markdown(_) | Role::Indicator => Some(id_of(&rel)),
        _ => None,
    }
    .map(|id| (id, false));
    let bytes = match read(&path) {
        Ok(b) if b.len() <= MAX_FILE_BYTES => {
            out.digest = Some(<sha2::Sha256 as sha2::Digest>::digest(&b).into());
            b
        }
        Err(e) if e.kind() != std::io::ErrorKind::FileTooLarge => return Err(e),
        _ => {
            diags.push(FileReporter::whole_file_error(
                Code::FileTooLarge,
                &file,
                &format!(
                    "this file is larger than {} MB, more than oversight reads",
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
                Some("keep the text of a page short and link the full document (a PDF beside it, or its web address under `source:`)".into()),
            ));
            return Ok(out);
        }
    };
    let text = match decode(bytes) {
        Ok(t) => super::clean::clean_text(&file, t, diags),
        Err((loc, msg)) => {
            let mut r = FileReporter {
                file: &file,
                text: "",
                diags,
            };
            r.error(Code::NotUtf8, loc, msg, Some("save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")".into()));
            return Ok(out);
        }
    };
    let mut r = FileReporter {
        file: &file,
        text: &text,
        diags,
    };
    if text.trim().is_empty() {
        r.error(
            Code::EmptyFile,
            Loc::FILE,
            "the file is empty",
            Some(empty_help(&role)),
        );
        out.text = Some(text.into());
        return Ok(out);
    }
    out.made = match role {
        Role::Settings => parse_yaml(&mut r, &text, 1)
            .map(|node| Made::Settings(Box::new(read_settings(&mut r, &node))))
            .unwrap_or(Made::Nothing),
        Role::Risks => match parse_yaml(&mut r, &text, 1) {
            Some(node) => {
                let risks = read_risks(&mut r, &node, labels);
                let common = Common {
                    title: "Risk register".into(),
                    ..Common::default()
                };
                Made::Document(Arc::new(data_document(
                    "risks",
                    &file,
                    common,
                    Kind::Risks(risks),
                )))
            }
            None => Made::Nothing,
        },
        Role::Indicator => {
            if let Some(node) = parse_yaml(&mut r, &text, 1)
                && let Some(mut f) = Fields::of(&mut r, &node, &shapes::INDICATOR, "an indicator")
            {
                let (common, ind) = read_indicator(&mut r, &mut f);
                f.finish(&mut r, "an indicator");
                Made::Document(Arc::new(data_document(
                    &id_of(&rel),
                    &file,
                    common,
                    Kind::Indicator(ind),
                )))
            } else {
                Made::Nothing
            }
        }
        Role::Actions(plan_id) => match parse_yaml(&mut r, &text, 1) {
            Some(node) => Made::Actions(plan_id, read_actions(&mut r, &node, labels)),
            None => Made::Nothing,
        },
        Role::Markdown(md) => read_markdown(&mut r, &rel, &text, md, labels)
            .map(|d| Made::Document(Arc::new(d)))
            .unwrap_or(Made::Nothing),
        Role::Asset | Role::Ignored(_) | Role::Misplaced(_) => Made::Nothing,
    };
    if let Some((_, read)) = &mut out.claim {
        *read = matches!(out.made, Made::Document(_) | Made::Actions(..));
    }
    out.text = Some(text.into());
    Ok(out)
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

/// Every folder and file name must be one that every file system the site
/// may be copied to can hold.
fn check_writable(rel: &str, file: &str, diags: &mut Diagnostics) -> bool {
    for seg in rel.split('/') {
        if let Some(why) = unwritable(seg) {
            diags.push(FileReporter::whole_file_error(
                Code::UnpublishableName,
                file,
                &format!("`{seg}` cannot be published under this name: {why}"),
                Some("rename it: lower-case letters, digits and `-`, with an extension such as `.pdf`, are safe everywhere".into()),
            ));
            return false;
        }
    }
    true
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
                Code::BadFileName,
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
        Ok(mut node) => {
            super::clean::clean_yaml(r, &mut node);
            Some(node)
        }
        Err(e) => {
            let help = if e.message.contains("mapping values are not allowed") {
                Some("a value that contains \": \" must be in quotes: `title: \"Monitoring visit: child protection\"`".into())
            } else {
                None
            };
            r.error(Code::YamlSyntax, e.loc, e.message, help);
            None
        }
    }
}

/// "an inspection", "a visit".
fn article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

fn data_document(id: &str, file: &str, common: Common, kind: Kind) -> Document {
    Document {
        id: id.to_string(),
        file: file.to_string(),
        common,
        body: "".into(),
        body_line: 0,
        links: Vec::new(),
        relative_links: Vec::new(),
        anchors: Default::default(),
        kind,
    }
}

fn read_markdown(
    r: &mut FileReporter,
    rel: &str,
    text: &str,
    role: KindName,
    labels: &StatusLabels,
) -> Option<Document> {
    let split = match split_front_matter(text) {
        Ok(s) => s,
        Err(SplitError::Missing) => {
            r.error(
                Code::NoFrontMatter,
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
                Code::UnclosedFrontMatter,
                Loc::new(1, 1),
                "the front matter opened here is never closed",
                Some("end the front matter with a line of just `---`".into()),
            );
            return None;
        }
    };
    let node = if split.yaml.trim().is_empty() {
        r.error(
            Code::EmptyFrontMatter,
            Loc::new(1, 1),
            "the front matter is empty",
            Some("add at least `title: ...`".into()),
        );
        return None;
    } else {
        parse_yaml(r, split.yaml, split.yaml_line)?
    };
    let what = match role {
        KindName::Home => "the home page".to_string(),
        other => article(other.noun()),
    };
    let what = what.as_str();
    // Risks and indicators are YAML files, never front matter.
    let shape = shapes::front_matter(role)?;
    let mut f = Fields::of(r, &node, shape, "the front matter")?;
    let mut common = read_common(r, &mut f, what, true);
    let kind = match role {
        KindName::Home => Kind::Home,
        KindName::ListIntro => Kind::ListIntro,
        KindName::Page => Kind::Page(read_page(r, &mut f)),
        KindName::Inspection => Kind::Inspection(read_inspection(r, &mut f)),
        KindName::Visit => Kind::Visit(read_visit(r, &mut f)),
        KindName::Review => Kind::Review(read_review(r, &mut f)),
        KindName::Plan => Kind::Plan(read_plan(r, &mut f, labels)),
        KindName::Meeting => Kind::Meeting(read_meeting(r, &mut f)),
        KindName::Paper => Kind::Paper(read_paper(r, &mut f)),
        // Data files, never Markdown: `classify` gives them their own roles.
        KindName::Risks | KindName::Indicator => return None,
    };
    if let Kind::Meeting(m) = &kind {
        super::meeting::dated_title(&mut common.title, m.date);
    }
    f.finish(r, what);
    // A body too deep or too costly to clean is reported and never rendered.
    let (body, found) = match super::bounds::read_body(r, split.body, split.body_line) {
        Some(found) => (split.body, found),
        None => ("", Default::default()),
    };
    for image in &found.at_images {
        r.error(
            Code::DocumentAsImage,
            image.loc,
            format!("`![...]({})` shows a document as an image", image.value),
            Some(format!(
                "an image is a file: `![description](images/chart.png)`; to link to the document, drop the `!`: `[text]({})`",
                image.value
            )),
        );
    }
    let anchors = crate::model::heading_ids(&found.headings)
        .into_iter()
        .chain(found.html_ids)
        .collect();
    let (links, relative_links) = (found.at, found.relative);
    Some(Document {
        id: id_of(rel),
        file: r.file.to_string(),
        common,
        body: body.into(),
        body_line: split.body_line,
        links,
        relative_links,
        anchors,
        kind,
    })
}
