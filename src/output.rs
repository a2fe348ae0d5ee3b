//! What the build writes: each file of the built site, made by the pages
//! (`render`), the data exports (`exports`) or copied as it is, and handed
//! to `write` or the preview as soon as it is made ([`Sink`]).

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;

/// A file of the built site.
pub struct OutputFile {
    /// Path under the output folder, with `/` separators.
    pub path: String,
    pub content: Content,
}

pub enum Content {
    Bytes(Vec<u8>),
    /// Copied as it is from the content folder.
    Copy(PathBuf),
}

impl OutputFile {
    pub fn bytes(path: String, bytes: Vec<u8>) -> OutputFile {
        OutputFile {
            path,
            content: Content::Bytes(bytes),
        }
    }
}

/// Where the files of a site go as they are made, from any thread: the
/// build's staging folder, or memory for the preview and tests.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> io::Result<()>;

    /// A file that `write` makes a piece at a time (`data/site.json`), so
    /// that a sink writing to disk never holds it whole. Here it is
    /// gathered and [`put`](Sink::put).
    fn stream(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.put(OutputFile::bytes(path.to_string(), bytes))
    }
}

/// A sink that keeps every file in memory.
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    pub fn into_files(self) -> Vec<OutputFile> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> io::Result<()> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}
