//! Attachments on any document, shown as GOV.UK shows them, and a
//! meeting's time, attendees and apologies: what a member sees on the
//! built pages, and each mistake an officer can make, at its line.

mod common;
use common::*;

fn built(content: &std::path::Path) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(content, &out, &["--as-of", "2024-04-01"]);
    assert_eq!(code, 0, "builds: {err}");
    (tmp, out, err)
}

/// The attachment block of a page: from its heading to the section's end.
fn documents_section(html: &str) -> &str {
    let start = html
        .find("<h2 id=\"attachments-heading\">Documents</h2>")
        .unwrap_or_else(|| panic!("no Documents section: {html}"));
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[test]
fn the_meeting_page_shows_its_time_attendees_and_apologies() {
    let (_t, out, _) = built(&fixture("attachments"));
    let html = read(&out, "meetings/2024-03-05-cypssc/index.html");
    for shown in [
        "<dt>Time</dt><dd><time datetime=\"10:30\">10:30am</time></dd>",
        "<dt>Attendees</dt><dd><ul class=\"plain\"><li>Cllr Hillier (Chairman)</li><li>Cllr Russell</li><li>Cllr Oakley</li></ul></dd>",
        "<dt>Apologies</dt><dd><ul class=\"plain\"><li>Cllr Smith</li></ul></dd>",
    ] {
        assert!(html.contains(shown), "missing {shown}\n{html}");
    }
}

#[test]
fn a_paper_that_is_its_pdf_alone_builds_without_a_warning_and_shows_the_pdf_first() {
    let content = fixture("attachments");
    let (code, _, err) = check(&content, &["--strict"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    let (_t, out, err) = built(&content);
    assert!(!err.contains("warning"), "{err}");
    let html = read(&out, "meetings/2024-03-05-cypssc/report/index.html");
    let docs = documents_section(&html);
    assert!(
        docs.contains("<a href=\"../../../meetings/2024-03-05-cypssc/report.pdf\">Children First Improvement Programme report</a>"),
        "{docs}"
    );
    assert!(
        docs.contains("<abbr title=\"Portable Document Format\">PDF</abbr>, 3.74 KB, 12 pages"),
        "{docs}"
    );
    // Prominent: straight after the paper's details, before anything else.
    let heading = html.find("attachments-heading").unwrap();
    assert!(heading < html.find("class=\"prose\"").unwrap(), "{html}");
    assert!(heading < html.find("Mentioned in").unwrap(), "{html}");
    // The file is published beside the page, as it is.
    assert_eq!(
        std::fs::read(out.join("meetings/2024-03-05-cypssc/report.pdf")).unwrap(),
        std::fs::read(content.join("meetings/2024-03-05-cypssc/report.pdf")).unwrap()
    );
    assert!(broken_links(&out).is_empty(), "{:?}", broken_links(&out));
}

#[test]
fn site_json_lists_each_attachment_with_its_size_and_pages() {
    let (_t, out, _) = built(&fixture("attachments"));
    let site: serde_json::Value = serde_json::from_str(&read(&out, "data/site.json")).unwrap();
    let paper = site["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "meetings/2024-03-05-cypssc/report")
        .expect("the paper");
    let a = &paper["attachments"][0];
    assert_eq!(a["file"], "meetings/2024-03-05-cypssc/report.pdf", "{a}");
    assert_eq!(a["pages"], 12, "{a}");
    assert_eq!(a["withheld"], serde_json::Value::Null, "{a}");
    assert!(a["bytes"].as_u64().is_some_and(|b| b > 3000), "{a}");
}

#[test]
fn other_kinds_and_other_documents_show_their_attachments_too() {
    let (_t, out, _) = built(&fixture("attachments"));
    let meeting = read(&out, "meetings/2024-03-05-cypssc/index.html");
    let docs = documents_section(&meeting);
    assert!(
        docs.contains("<a href=\"../../meetings/2024-03-05-cypssc/scorecard.xlsx\">Appendix A: performance scorecard</a>"),
        "{docs}"
    );
    assert!(
        docs.contains("MS Excel Spreadsheet, 49 Bytes</p>"),
        "{docs}"
    );
    // A visit's attachment sits beside it in `visits/`; one page is "1 page".
    let visit = read(&out, "visits/2024-01-monitoring/index.html");
    let docs = documents_section(&visit);
    assert!(
        docs.contains(
            "<a href=\"../../visits/2024-01-monitoring-letter.pdf\">Monitoring visit letter</a>"
        ),
        "{docs}"
    );
    assert!(docs.contains("PDF</abbr>, 612 Bytes, 1 page</p>"), "{docs}");
    assert!(out.join("visits/2024-01-monitoring-letter.pdf").is_file());
}

#[test]
fn the_accessible_format_line_asks_the_contact_or_democratic_services() {
    let (_t, out, _) = built(&fixture("attachments"));
    let html = read(&out, "meetings/2024-03-05-cypssc/report/index.html");
    assert!(
        documents_section(&html).contains(
            "This file may not be suitable for users of assistive technology. <a href=\"mailto:democratic.services@testshire.example.gov.uk\">Request an accessible format.</a>"
        ),
        "{html}"
    );

    // A web form instead of an address.
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("attachments"), &content);
    let yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    let form = yaml.replace(
        "democratic.services@testshire.example.gov.uk",
        "https://testshire.example.gov.uk/accessible-formats",
    );
    std::fs::write(content.join("site.yaml"), form).unwrap();
    let (_t2, out, _) = built(&content);
    let html = read(&out, "meetings/2024-03-05-cypssc/report/index.html");
    assert!(
        documents_section(&html).contains(
            "<a href=\"https://testshire.example.gov.uk/accessible-formats\">Request an accessible format.</a>"
        ),
        "{html}"
    );

    // No contact: the line says whom to ask.
    let without: String = yaml
        .lines()
        .filter(|l| !l.starts_with("accessibility_contact:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(content.join("site.yaml"), without).unwrap();
    let (_t3, out, _) = built(&content);
    let html = read(&out, "meetings/2024-03-05-cypssc/report/index.html");
    let docs = documents_section(&html);
    assert!(
        docs.contains("This file may not be suitable for users of assistive technology. To request an accessible format, contact democratic services at Testshire County Council."),
        "{docs}"
    );
    assert!(!docs.contains("mailto:"), "{docs}");
}

#[test]
fn a_pdf_whose_pages_cannot_be_read_is_published_without_them_and_named_in_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_site(
        tmp.path(),
        "title: T\nbase_url: https://x.example/\n",
        &[
            (
                "guides/pack.md",
                "---\ntitle: Pack\nattachments:\n  - file: pack.pdf\n    title: The agenda pack\n---\n",
            ),
            ("guides/pack.pdf", "this is not really a PDF"),
        ],
    );
    let out = tmp.path().join("output");
    let (code, _, err) = build(&content, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let at = format!(
        "{}/guides/pack.md:4:11: warning: the pages of `pack.pdf` cannot be counted",
        content.display()
    );
    assert!(err.contains(&at), "{err}");
    assert!(out.join("guides/pack.pdf").is_file());
    let html = read(&out, "guides/pack/index.html");
    assert!(
        documents_section(&html)
            .contains("<abbr title=\"Portable Document Format\">PDF</abbr>, 24 Bytes</p>"),
        "{html}"
    );
}

#[test]
fn each_mistake_is_an_error_at_its_line_and_says_what_would_be_right() {
    let dir = fixture("bad/attachments");
    let root = dir.display().to_string();
    let (code, _, err) = check(&dir, &[]);
    assert_eq!(code, 1, "{err}");
    for (at, help) in [
        (
            "guides/papers.md:4:11: error: there is no file `missing.pdf` in",
            "files there: `present.pdf`",
        ),
        (
            "guides/papers.md:6:11: error: `../elsewhere.pdf` is not in this document's folder",
            "put the file there and write `file: elsewhere.pdf`",
        ),
        (
            "guides/papers.md:8:11: error: `sub/annex.pdf` is not in this document's folder",
            "put the file there and write `file: annex.pdf`",
        ),
        (
            "guides/papers.md:10:11: error: `tool.exe` cannot be attached: oversight does not publish `.exe` files",
            "PDF (pdf); office documents",
        ),
        (
            "guides/papers.md:13:12: error: the attachment of `present.pdf` has an empty `title`",
            "give the title a reader sees as the link",
        ),
        (
            "guides/papers.md:16:11: error: `present.pdf` is attached twice: it is already attached on line 14",
            "list each file once",
        ),
        (
            "guides/papers.md:18:11: error: `notes.md` is part of the record, not a file to attach",
            "link to a page of the record in the text instead",
        ),
        (
            "meetings/2024-03-05-c/index.md:4:7: error: `time: 25:00` is not a time of day",
            "HH:MM on the 24-hour clock",
        ),
        (
            "site.yaml:3:24: error: `accessibility_contact: democratic services` is neither an email address nor a web address",
            "an email address (`democratic.services@example.gov.uk`) or the address of a web form",
        ),
    ] {
        assert!(err.contains(&format!("{root}/{at}")), "missing {at}\n{err}");
        assert!(err.contains(help), "missing help {help}\n{err}");
    }
    assert_eq!(
        err.lines().filter(|l| l.contains(": error: ")).count(),
        9,
        "{err}"
    );
}
