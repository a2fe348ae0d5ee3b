//! Whole-site pages stay small however large the site: a synthetic site of
//! 2,000 documents (`benches/support/synthetic.rs`: 20 plans of 20 actions,
//! 200 meetings, 800 papers) is built, and no HTML page reaches 1 MB.

mod common;
#[path = "../benches/support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use common::*;

const MB: u64 = 1 << 20;

#[test]
fn every_page_of_a_two_thousand_document_site_is_under_a_megabyte() {
    let tmp = tempfile::tempdir().unwrap();
    synthetic::generate(tmp.path(), 2_000);
    let out = tmp.path().join("output");
    let (code, _, err) = build(&tmp.path().join("content"), &out, &[]);
    assert_eq!(code, 0, "{err}");
    let mut large = Vec::new();
    for e in walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let size = e.metadata().map_or(0, |m| m.len());
        if e.path().extension().is_some_and(|x| x == "html") && size >= MB {
            large.push(format!("{} ({size} bytes)", e.path().display()));
        }
    }
    assert!(large.is_empty(), "pages of 1 MB or more: {large:?}");
    // The home page shows the longest overdue and links to all of them.
    let home = read(&out, "index.html");
    let overdue = between(&home, "<h2 id=\"overdue-h\">", "</section>");
    assert_eq!(
        overdue.matches("<tr><td data-label=\"Action\">").count(),
        10,
        "{overdue}"
    );
    assert!(
        overdue.contains("The 10 longest overdue. <a href=\"status/overdue/index.html\">All "),
        "{overdue}"
    );
    assert!(read(&out, "status/overdue/2.html").contains("Items 201 to "));
    // A list longer than a page goes on beside it, each page linking to all.
    let (folder, n) = ["pages", "meetings", "visits", "inspections", "indicators"]
        .iter()
        .map(|f| (*f, std::fs::read_dir(out.join(f)).map_or(0, |d| d.count())))
        .max_by_key(|(_, n)| *n)
        .unwrap();
    assert!(
        n > 300,
        "the synthetic site has a list longer than a page: {folder} {n}"
    );
    let first = read(&out, &format!("{folder}/index.html"));
    let second = read(&out, &format!("{folder}/2.html"));
    assert!(first.contains("page 1 of"), "{folder}");
    assert!(
        second.contains("page 2 of") && second.contains("index.html\">Page 1</a>"),
        "{folder}"
    );
}
