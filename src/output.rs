//! What the build writes: each file of the built site, made by the pages
//! (`render`), the data exports (`exports`) or copied as it is, and handed
//! to `write` or the preview.

use std::path::PathBuf;

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
