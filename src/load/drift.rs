//! The loader and the shapes in `model::shapes` cannot drift apart: in a
//! debug build, asking for a field a shape does not declare fails an
//! assertion, and this test reads the example and every fixture and
//! checks that each shape's parser asked for every field it declares.

use super::fields::asked;
use crate::diagnostics::Diagnostics;
use crate::model::shapes;
use std::path::{Path, PathBuf};

/// The example site and every fixture (bad ones too: a parser asks for
/// its fields whatever the file says).
fn content_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![root.join("content")];
    for e in walkdir::WalkDir::new(root.join("tests/fixtures"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() && e.file_name() == "site.yaml" {
            out.extend(e.path().parent().map(Path::to_path_buf));
        }
    }
    out
}

#[test]
fn the_loader_asks_for_exactly_the_fields_each_shape_declares() {
    for dir in content_folders() {
        let mut diags = Diagnostics::default();
        let _ = super::load(&dir, &mut diags);
    }
    // Mappings no fixture has.
    let mut diags = Diagnostics::default();
    let files: [(&str, &[u8]); 2] = [
        (
            "site.yaml",
            b"title: Areas\nareas:\n  - { name: Early help, also: [Help], covers: [] }\n",
        ),
        ("inspections/index.md", b"---\ntitle: Inspections\n---\n"),
    ];
    let _ = super::load_memory(&files, &mut diags);
    let mut missing = Vec::new();
    for shape in shapes::ALL {
        let asked = asked::of(shape);
        for field in shape.fields() {
            if !asked.contains(field.name) {
                missing.push(format!("{}.{}", shape.name, field.name));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "declared in src/model/shapes but never read by the loader (or no fixture has that mapping): {missing:?}"
    );
}
