//! A PDF's number of pages, read from its page tree, for "12 pages" beside
//! an attachment. Only the cross-reference table, the catalogue and the
//! page tree are read, not the pages themselves.

/// The number of pages, or why it cannot be read.
pub fn pages(bytes: &[u8]) -> Result<u32, String> {
    // lopdf reads files officers did not make; a fault in it must cost the
    // page count, never the build.
    let read = std::panic::catch_unwind(|| lopdf::Document::load_metadata_mem(bytes));
    match read {
        Ok(Ok(meta)) if meta.encrypted && meta.page_count == 0 => {
            Err("it is encrypted (protected by a password)".into())
        }
        Ok(Ok(meta)) if meta.page_count == 0 => Err("it has no pages that can be read".into()),
        Ok(Ok(meta)) => Ok(meta.page_count),
        Ok(Err(e)) => Err(format!("it is not a PDF that can be read ({e})")),
        Err(_) => Err("it is not a PDF that can be read".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Document, Object, Stream, dictionary};

    /// A valid PDF of `n` blank pages.
    pub fn pdf(n: u32) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let kids: Vec<Object> = (0..n)
            .map(|_| {
                let content = doc.add_object(Stream::new(dictionary! {}, Vec::new()));
                doc.add_object(dictionary! {
                    "Type" => "Page",
                    "Parent" => pages_id,
                    "Contents" => content,
                })
                .into()
            })
            .collect();
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => kids,
                "Count" => n as i64,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("a PDF is written to memory");
        out
    }

    #[test]
    fn the_pages_of_a_pdf_are_counted() {
        assert_eq!(pages(&pdf(3)), Ok(3));
        assert_eq!(pages(&pdf(1)), Ok(1));
    }

    #[test]
    fn a_file_that_is_not_a_pdf_has_no_page_count_and_says_why() {
        for bytes in [&b"not a pdf"[..], b"", b"%PDF-1.4\n%%EOF\n"] {
            let e = pages(bytes).expect_err("no pages");
            assert!(e.contains("PDF") || e.contains("pages"), "{e}");
        }
        let cut = &pdf(4)[..200];
        assert!(pages(cut).is_err());
    }
}
