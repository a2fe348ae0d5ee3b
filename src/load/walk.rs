//! Walking `content/`: every file is read on its own (in parallel, see
//! `file.rs`), then the site is put together in file order.

use super::file::{FileRead, Made, read_file};
use super::site::read_settings;
use super::yaml;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostics, FileReporter, Loc};
use crate::model::{Action, Document, Kind, Settings, StatusLabels};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file copied to the output as it is (an image, a PDF).
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path under `content/`, with `/` separators.
    pub rel: String,
    pub path: PathBuf,
    /// For a file whose content was checked (an SVG drawing): the bytes
    /// that passed, which are what is published, so that a file changed
    /// after the check is never copied unchecked.
    pub checked: Option<std::sync::Arc<[u8]>>,
    /// Its size in bytes, when it could be had.
    pub bytes: Option<u64>,
    /// For a PDF read to count its pages: the count, or why it could not
    /// be read. `None` for any other file (and a PDF too large to read).
    pub pdf_pages: Option<Result<u32, String>>,
}

/// Everything read from `content/`.
#[derive(Debug)]
pub struct Loaded {
    pub settings: Settings,
    /// Sorted by id.
    pub documents: Vec<Arc<Document>>,
    pub assets: Vec<Asset>,
    /// The text of every content file, by the name messages use.
    pub sources: Sources,
    /// Every file of the content folder, by the name messages use: what a
    /// rebuild compares with the last build's.
    pub inputs: BTreeMap<String, Input>,
    /// Documents whose file (or plan whose `actions.yaml`) could not be read
    /// at all. Its error is reported once; references to it are not
    /// reported again as unknown.
    pub unreadable: BTreeSet<String>,
}

/// The text of content files, by the name messages use. Each text is
/// shared, not copied: the preview's cache and every load from it hold
/// the same text.
pub type Sources = BTreeMap<String, Arc<str>>;

/// The text of `file` for a message to quote, or none when it was not
/// read as text.
pub fn source_text<'a>(sources: &'a Sources, file: &str) -> &'a str {
    sources.get(file).map_or("", |t| t)
}

/// One file of the content folder, as a rebuild compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The SHA-256 of its bytes; `None` for a file copied as it is (its
    /// size and pages are compared instead) or one not read.
    pub digest: Option<[u8; 32]>,
    /// The document it speaks for (a plan for its `actions.yaml`).
    pub claim: Option<String>,
}

/// Reads every file under `content_dir`. `Err` only for I/O trouble with the folder itself.
pub fn load(content_dir: &Path, diags: &mut Diagnostics) -> std::io::Result<Loaded> {
    let (display_root, files) = list(content_dir, diags)?;
    read_all(&display_root, files, read_content_file, diags)
}

/// How messages name the content folder.
pub fn display_root(content_dir: &Path) -> String {
    content_dir
        .to_string_lossy()
        .trim_end_matches('/')
        .to_string()
}

/// Every file under `content_dir` to read, in name order, as (path under
/// `content/`, path); symbolic links that lead outside it, or to folders,
/// are reported and left out. Also says how messages name the folder.
pub fn list(
    content_dir: &Path,
    diags: &mut Diagnostics,
) -> std::io::Result<(String, Vec<(String, PathBuf)>)> {
    let display_root = display_root(content_dir);
    let root = content_dir.canonicalize()?;
    let mut files = Vec::new();
    for (rel, listed) in list_under(content_dir, &root, "")? {
        match listed {
            Listed::File(path) => files.push((rel, path)),
            Listed::Refused(d) => diags.push(d),
        }
    }
    Ok((display_root, files))
}

/// What the walk makes of one entry under `content/`.
#[derive(Debug, Clone)]
pub enum Listed {
    /// A file to read (or a symbolic link to one inside the folder).
    File(PathBuf),
    /// A symbolic link that is not followed, and why.
    Refused(crate::diagnostics::Diagnostic),
}

/// Every entry under `content_dir/sub` (`""`: the whole folder), in name
/// order, hidden files and folders left out. `root` is `content_dir`,
/// canonical.
pub fn list_under(
    content_dir: &Path,
    root: &Path,
    sub: &str,
) -> std::io::Result<Vec<(String, Listed)>> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(content_dir.join(sub))
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
        let path = entry.path().to_path_buf();
        if let Some(listed) = listed(content_dir, root, &rel, path, entry.file_type()) {
            out.push((rel, listed));
        }
    }
    Ok(out)
}

/// What the walk makes of the entry `rel`, at `path`, of type `kind` (not
/// following a symbolic link): `None` for a folder or anything else that
/// is not a file. The walk and the preview's reading of one changed path
/// both decide here.
pub fn listed(
    content_dir: &Path,
    root: &Path,
    rel: &str,
    path: PathBuf,
    kind: std::fs::FileType,
) -> Option<Listed> {
    if kind.is_symlink() {
        let problem = match path.canonicalize() {
            Ok(target) if target.starts_with(root) && target.is_file() => None,
            Ok(target) if target.starts_with(root) && target.is_dir() => Some((
                "this symbolic link leads to a folder, and links to folders are not followed",
                "move or copy the folder here instead of linking to it",
            )),
            Ok(target) if target.starts_with(root) => Some((
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
            let name = format!("{}/{rel}", display_root(content_dir));
            return Some(Listed::Refused(FileReporter::whole_file_error(
                Code::SymbolicLink,
                &name,
                message,
                Some(help.into()),
            )));
        }
    } else if !kind.is_file() {
        return None;
    }
    Some(Listed::File(path))
}

/// Reads a content file, refusing one too large to read. Its size is
/// taken from the open file, so the path is looked up once, and no more
/// than the limit is read even if the file grows meanwhile.
pub fn read_content_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let too_large = || Err(std::io::ErrorKind::FileTooLarge.into());
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_FILE_BYTES as u64 {
        return too_large();
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_FILE_BYTES {
        return too_large();
    }
    Ok(bytes)
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

/// Reads each file (in parallel) into what it is, then puts the site
/// together in file order.
fn read_all(
    display_root: &str,
    files: Vec<(String, PathBuf)>,
    read: impl Fn(&Path) -> std::io::Result<Vec<u8>> + Sync,
    diags: &mut Diagnostics,
) -> std::io::Result<Loaded> {
    let (labels, settings) = read_settings_first(display_root, &files, &read)?;
    let reads: Vec<FileRead> = files
        .into_par_iter()
        .map(|(rel, path)| match settings_read(&rel, &settings) {
            Some(done) => Ok(done),
            None => read_file(display_root, rel, path, &read, &labels),
        })
        .collect::<std::io::Result<_>>()?;
    Ok(assemble(display_root, reads, diags))
}

/// Reads `site.yaml` before the other files: any of them may write a
/// status as the site's label for it. Returns the labels, and the read.
pub fn read_settings_first(
    display_root: &str,
    files: &[(String, PathBuf)],
    read: &(dyn Fn(&Path) -> std::io::Result<Vec<u8>> + Sync),
) -> std::io::Result<(StatusLabels, Option<FileRead>)> {
    let Some((rel, path)) = files.iter().find(|(rel, _)| rel == "site.yaml") else {
        return Ok((StatusLabels::default(), None));
    };
    let done = read_file(
        display_root,
        rel.clone(),
        path.clone(),
        read,
        &StatusLabels::default(),
    )?;
    let labels = match &done.made {
        Made::Settings(s) => s.statuses.clone(),
        _ => StatusLabels::default(),
    };
    Ok((labels, Some(done)))
}

/// `site.yaml`'s read, when `rel` is it and it was read first.
fn settings_read(rel: &str, first: &Option<FileRead>) -> Option<FileRead> {
    first.as_ref().filter(|_| rel == "site.yaml").cloned()
}

/// Puts a site together from its files, read in file order.
pub fn assemble(display_root: &str, reads: Vec<FileRead>, diags: &mut Diagnostics) -> Loaded {
    let mut settings = None;
    // A site.yaml that is there but cannot be read has its own error.
    let mut settings_file = false;
    let mut documents = Vec::new();
    let mut actions: Vec<(String, String, Vec<Action>)> = Vec::new();
    let mut assets = Vec::new();
    let mut sources = BTreeMap::new();
    let mut unreadable = BTreeSet::new();
    let mut inputs = BTreeMap::new();
    for read in reads {
        diags.extend(read.diags);
        settings_file |= read.settings_file;
        let claim = read.claim.map(|(id, readable)| {
            // A document is unreadable when any file that speaks for it
            // could not be read into it.
            if !readable {
                unreadable.insert(id.clone());
            }
            id
        });
        inputs.insert(
            read.file.clone(),
            Input {
                digest: read.digest,
                claim,
            },
        );
        match read.made {
            Made::Nothing => {}
            Made::Asset(a) => assets.push(a),
            Made::Settings(s) => settings = Some(*s),
            Made::Document(d) => documents.push(d),
            Made::Actions(plan, list) => actions.push((plan, read.file.clone(), list)),
        }
        if let Some(text) = read.text {
            sources.insert(read.file, text);
        }
    }
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    attach_actions(&mut documents, actions, &unreadable, diags);
    let settings = settings.unwrap_or_else(|| {
        if !settings_file {
            diags.push(FileReporter::whole_file_error(
                Code::NoSiteYaml,
                &format!("{display_root}/site.yaml"),
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
    Loaded {
        settings,
        documents,
        assets,
        sources,
        inputs,
        unreadable,
    }
}

fn attach_actions(
    documents: &mut [Arc<Document>],
    actions: Vec<(String, String, Vec<Action>)>,
    unreadable: &BTreeSet<String>,
    diags: &mut Diagnostics,
) {
    for (plan_id, file, list) in actions {
        // Sorted by id (stably: of two files with one id, the first read
        // comes first), so the plan is found by halving.
        let at = documents.partition_point(|d| d.id < plan_id);
        let plan = documents
            .get_mut(at)
            .filter(|d| d.id == plan_id && matches!(d.kind, Kind::Plan(_)));
        match plan.map(|d| &mut Arc::make_mut(d).kind) {
            Some(Kind::Plan(p)) => {
                p.actions = list;
                p.actions_file = Some(file);
            }
            // The plan's index.md could not be read; that error says it all.
            _ if unreadable.contains(&plan_id) => {}
            _ => diags.push(FileReporter::whole_file_error(
                Code::OrphanActions,
                &file,
                "these actions have no plan: the folder has no index.md",
                Some(format!(
                    "add content/{plan_id}/index.md with the plan's title and priorities"
                )),
            )),
        }
    }
}
