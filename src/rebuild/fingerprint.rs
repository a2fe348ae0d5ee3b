//! What a record compares: one digest of everything every page depends
//! on, and one per published document of the files that speak for it.

use crate::resolve::Site;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// A SHA-256 fed with pieces, each length-prefixed so that no two lists of
/// pieces run together alike.
struct Hash(Sha256);

impl Hash {
    fn new() -> Hash {
        Hash(Sha256::new())
    }

    fn piece(&mut self, bytes: impl AsRef<[u8]>) -> &mut Hash {
        let bytes = bytes.as_ref();
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    fn hex(self) -> String {
        self.0.finalize().iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    }
}

/// Everything every page depends on besides the published documents: the
/// program itself, the date, `site.yaml` (with `--base-url`), the theme,
/// the menu, the files copied as they are (their size and pages show
/// beside links to them), and every content file that does not speak for
/// a published document. `None` when the program's own file cannot be
/// read.
pub fn everything(
    site: &Site,
    theme: &crate::render::theme::Theme,
    publish: crate::resolve::Publish,
    published: &BTreeSet<&str>,
) -> Option<String> {
    let mut h = Hash::new();
    h.piece(format!("oversight {}", env!("CARGO_PKG_VERSION")));
    // A program built again from other code says the same version.
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    h.piece(exe.to_string_lossy().as_bytes())
        .piece(meta.len().to_le_bytes())
        .piece(modified.as_nanos().to_le_bytes());
    h.piece(format!("{:?}", site.today))
        .piece(format!("{publish:?}"))
        .piece(format!("{:?}", site.since))
        .piece(format!("{:?}", site.settings))
        .piece(format!("{:?}", site.restricted))
        .piece(theme.digest)
        .piece(format!("{:?}", crate::render::menu(site)));
    for a in &site.assets {
        h.piece(&a.rel)
            .piece(format!("{:?} {:?}", a.bytes, a.pdf_pages));
    }
    for (file, input) in &site.inputs {
        let speaks_for_published = input
            .claim
            .as_deref()
            .is_some_and(|id| published.contains(id));
        if !speaks_for_published {
            h.piece(file).piece(format!("{:?}", input.digest));
        }
    }
    Some(h.hex())
}

/// Each published document's digest, in the site's order: of the names
/// and SHA-256s of the files that speak for it, and of what other pages
/// show of it when they name it.
pub fn documents(site: &Site, published: &BTreeSet<&str>) -> Vec<String> {
    let mut by_id: BTreeMap<&str, Hash> = BTreeMap::new();
    for (file, input) in &site.inputs {
        if let Some(id) = input.claim.as_deref().filter(|id| published.contains(id)) {
            by_id
                .entry(id)
                .or_insert_with(Hash::new)
                .piece(file)
                .piece(format!("{:?}", input.digest));
        }
    }
    // Each on its own: naming a document is most of the work, and a
    // rebuild waits for every digest before it renders anything.
    let hashes: Vec<Hash> = site
        .documents
        .iter()
        .map(|d| by_id.remove(d.id.as_str()).unwrap_or_else(Hash::new))
        .collect();
    hashes
        .into_par_iter()
        .zip(site.documents.par_iter())
        .map(|(mut h, d)| {
            // Another document's edit can rename this one.
            h.piece(crate::resolve::graph::named(site, &d.id));
            h.hex()
        })
        .collect()
}
