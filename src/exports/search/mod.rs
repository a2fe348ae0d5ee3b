//! `search/`: the full-text index for the theme's `search.js`, written as
//! JavaScript files that the search page adds as `<script>` elements. That
//! works from a web server under any sub-path and from a `file://` share,
//! where `fetch()` does not.
//!
//! - `search/docs.js` sets `window.OVERSIGHT_SHARD_KEYS`, the term shards
//!   that exist, and `window.OVERSIGHT_DOC_SHARD`, how many records each
//!   record shard holds.
//! - `search/t-<key>.js` adds `window.OVERSIGHT_SHARDS["<key>"]`: for each
//!   term beginning with `<key>`, `[[record, score], ...]`, best first.
//! - `search/d-<n>.js` adds `window.OVERSIGHT_DOCS[<n>]`: records
//!   `n * DOC_SHARD` onwards, one per searchable thing (`u` url from the
//!   site root, `t` title, `k` kind, `d` date, `s` status label, `r` RAG
//!   name).
//!
//! A query loads `docs.js` once, one term shard per term, and then only
//! the record shards that hold the results it shows, so a phone on a
//! large site does not fetch every record's title first. Built from
//! published documents only, a document at a time (its text is indexed
//! and dropped before the next is read); references are never looked up,
//! so nothing of a hidden document (not even its title) can reach the
//! index. The tokenizer here and the one in `search.js` must agree: same
//! folding table, same stop words, same lengths.

mod records;
mod words;

#[cfg(test)]
use words::terms;
pub use words::{MAX_POSTINGS, shard_key};

use crate::output::{Content, OutputFile};
use crate::resolve::Site;
use fnv::FnvHashMap;
use rayon::prelude::*;
use records::records;
use serde::Serialize;
use std::collections::BTreeMap;
use words::{META_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT, each_term};

/// One searchable thing, as a `d-<n>.js` lists it.
#[derive(Serialize)]
struct Record {
    u: String,
    t: String,
    k: &'static str,
    d: String,
    s: String,
    r: &'static str,
    /// Indexed at `META_WEIGHT` along with `k` and `s`.
    #[serde(skip)]
    meta: String,
    /// Indexed at `TEXT_WEIGHT`.
    #[serde(skip)]
    text: String,
}

/// How many records each `d-<n>.js` holds: small enough that the records
/// of a page of results are a few files of some 30 KB, large enough that
/// a site of 10,000 documents has some 60 of them.
pub const DOC_SHARD: usize = 200;

/// A record, and its terms with their scores.
type Scored = (Record, Vec<(String, u32)>);

/// How many documents are indexed at once (in parallel) before their
/// terms join the index: enough to keep both cores busy, few enough that
/// their text is never much of the site's.
const BATCH: usize = 256;

/// The `search/` files.
pub fn search_files(site: &Site) -> Vec<OutputFile> {
    let mut shown: Vec<Record> = Vec::new();
    let mut postings: Postings = Postings::default();
    for batch in site.documents.chunks(BATCH) {
        let scored: Vec<Vec<Scored>> = batch
            .par_iter()
            .map(|doc| {
                records(site, doc)
                    .into_iter()
                    .map(|mut r| {
                        let scores = scores(&r);
                        // Only what a result shows is kept.
                        r.meta = String::new();
                        r.text = String::new();
                        (r, scores)
                    })
                    .collect()
            })
            .collect();
        for (r, scores) in scored.into_iter().flatten() {
            let i = shown.len() as u32;
            for (term, score) in scores {
                postings.entry(term).or_default().push([i, score]);
            }
            shown.push(r);
        }
    }
    let shards = shards(postings);
    let mut files = vec![OutputFile {
        path: "search/docs.js".into(),
        content: Content::Bytes(
            format!(
                "window.OVERSIGHT_SHARD_KEYS = {};\nwindow.OVERSIGHT_DOC_SHARD = {DOC_SHARD};\n",
                js(&shards.keys().collect::<Vec<_>>())
            )
            .into_bytes(),
        ),
    }];
    for (n, part) in shown.chunks(DOC_SHARD).enumerate() {
        files.push(script(
            format!("search/d-{n}.js"),
            format!("(window.OVERSIGHT_DOCS = window.OVERSIGHT_DOCS || {{}})[{n}] = [\n"),
            part.iter().map(js),
            "\n];\n",
        ));
    }
    for (key, terms) in &shards {
        files.push(script(
            format!("search/t-{key}.js"),
            format!(
                "(window.OVERSIGHT_SHARDS = window.OVERSIGHT_SHARDS || {{}})[{}] = {{\n",
                js(key)
            ),
            terms
                .iter()
                .map(|(term, postings)| format!("{}:{}", js(term), js(postings))),
            "\n};\n",
        ));
    }
    files
}

/// A shard's file: `head`, the entries one to a line with commas between,
/// and `tail`.
fn script(
    path: String,
    head: String,
    entries: impl Iterator<Item = String>,
    tail: &str,
) -> OutputFile {
    let mut out = head;
    for (i, entry) in entries.enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&entry);
    }
    out.push_str(tail);
    OutputFile {
        path,
        content: Content::Bytes(out.into_bytes()),
    }
}

/// JSON that is also safe inside a `<script>` element and in older
/// JavaScript: no `<` (so no `</script>` or `<!--`), no U+2028 or U+2029.
/// Outside strings JSON has none of these, so escaping them is safe.
fn js(value: &impl Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

type Shards = BTreeMap<String, BTreeMap<String, Vec<[u32; 2]>>>;

/// Each term's records, `[record, score]`, as they are indexed.
type Postings = FnvHashMap<String, Vec<[u32; 2]>>;

/// A record's terms, each with its score.
fn scores(r: &Record) -> Vec<(String, u32)> {
    // Terms are short: FNV hashes them several times quicker than SipHash,
    // and nothing an officer writes picks the hash.
    let mut scores: FnvHashMap<String, u32> = FnvHashMap::default();
    let mut add = |text: &str, weight: u32| {
        each_term(text, |t| match scores.get_mut(t) {
            Some(score) => *score += weight,
            None => {
                scores.insert(t.to_string(), weight);
            }
        })
    };
    add(&r.t, TITLE_WEIGHT);
    add(r.k, META_WEIGHT);
    add(&r.s, META_WEIGHT);
    add(&r.meta, META_WEIGHT);
    add(&r.text, TEXT_WEIGHT);
    add(&r.d, TEXT_WEIGHT);
    scores.into_iter().collect()
}

/// The inverted index, by shard key then term, each term's records best
/// first.
fn shards(postings: Postings) -> Shards {
    let mut shards: Shards = BTreeMap::new();
    for (term, mut list) in postings {
        list.sort_unstable_by(|a, b| b[1].cmp(&a[1]).then(a[0].cmp(&b[0])));
        list.truncate(MAX_POSTINGS);
        shards
            .entry(shard_key(&term))
            .or_default()
            .insert(term, list);
    }
    shards
}

#[cfg(test)]
mod tests {
    use super::words::{self, FOLDED, words};
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::model::Date;
    use std::fs;

    fn site(files: &[(&str, &str)]) -> Site {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        for (path, text) in files {
            let p = content.join(path);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        }
        let mut diags = Diagnostics::default();
        let loaded = crate::load::load(&content, &mut diags).unwrap();
        let today = Date::parse("2023-06-30").unwrap();
        crate::resolve::resolve(loaded, today, Default::default(), &mut diags)
    }

    fn text(files: &[OutputFile], path: &str) -> String {
        let f = files.iter().find(|f| f.path == path).expect(path);
        match &f.content {
            Content::Bytes(b) => String::from_utf8(b.clone()).unwrap(),
            Content::Copy(_) => panic!("{path} is copied"),
        }
    }

    /// Every record shard's text, in order.
    fn records_text(files: &[OutputFile]) -> String {
        (0..)
            .map(|n| format!("search/d-{n}.js"))
            .take_while(|p| files.iter().any(|f| &f.path == p))
            .map(|p| text(files, &p))
            .collect()
    }

    const SITE: &str = "title: Test\nstatuses:\n  amber: Slipping\n";

    #[test]
    fn words_fold_accents_and_split_on_everything_else() {
        assert_eq!(
            words("Café RÉSUMÉ, naïve-Straße P1.2 ×2 a Ŵyl"),
            ["cafe", "resume", "naive", "strasse", "p1", "wyl"]
        );
        assert_eq!(
            terms("The plan for the children's caseloads"),
            ["plan", "children", "caseloads"]
        );
        assert_eq!(shard_key("caseloads"), "ca");
        assert_eq!(shard_key("é"), "__");
        assert_eq!(FOLDED.len(), 0x180 - 0xC0);
    }

    #[test]
    fn a_word_is_the_same_whether_it_needed_changing_or_not() {
        // Lower-case words are passed as they stand in the text, and the
        // rest copied: a change of case or an accent part-way through a
        // word, or at its end, must still give the whole word.
        assert_eq!(
            words("iPhone caféS ÉTÉ x9 ab 2é éa é Zz a-b mid-WORD end"),
            [
                "iphone", "cafes", "ete", "x9", "ab", "2e", "ea", "zz", "mid", "word", "end"
            ]
        );
        assert_eq!(words("ends in CAPS"), ["ends", "in", "caps"]);
        assert!(words("").is_empty() && words("a . é").is_empty());
    }

    #[test]
    fn every_stop_word_is_left_out_and_no_other() {
        assert!(words::STOP_WORDS.is_sorted(), "they are found by halving");
        assert!(terms(&words::STOP_WORDS.join(" ").to_uppercase()).is_empty());
        assert_eq!(
            terms("a an ant than thee theirs wills with within"),
            ["ant", "than", "thee", "theirs", "wills", "within"]
        );
    }

    #[test]
    fn an_action_record_has_its_page_and_status() {
        let site = site(&[
            ("site.yaml", SITE),
            (
                "plans/p/index.md",
                "---\ntitle: The plan\nadopted: 2020-03\npriorities:\n  - id: P1\n    title: Practice\n---\nBody.\n",
            ),
            (
                "plans/p/actions.yaml",
                "- id: P1.2\n  priority: P1\n  title: Reduce caseloads\n  updates:\n    - date: 2023-03-13\n      status: amber\n      note: Caseloads are falling slowly.\n",
            ),
        ]);
        let files = search_files(&site);
        let docs = records_text(&files);
        assert!(
            docs.starts_with("(window.OVERSIGHT_DOCS = window.OVERSIGHT_DOCS || {})[0] = [\n"),
            "{docs}"
        );
        assert!(
            docs.contains(r#"{"u":"plans/p/actions/P1.2/index.html","t":"P1.2 Reduce caseloads","k":"Action","d":"13 March 2023","s":"Slipping","r":"amber"}"#),
            "{docs}"
        );
        assert!(
            docs.contains(r#"{"u":"plans/p/index.html#P1","t":"P1 Practice","k":"Priority","d":"March 2020","s":"Slipping","r":"amber"}"#),
            "{docs}"
        );
        let records: Vec<&str> = docs.lines().filter(|l| l.starts_with("{\"u\"")).collect();
        let action = records
            .iter()
            .position(|l| l.contains("actions/P1.2"))
            .unwrap();
        let shard = text(&files, "search/t-ca.js");
        // Title (10) + note (1): "caseloads" is in both.
        assert!(
            shard.contains(&format!("\"caseloads\":[[{action},11]]")),
            "{shard}"
        );
    }

    #[test]
    fn records_are_split_into_shards_and_postings_count_across_them() {
        let mut files: Vec<(String, String)> = vec![("site.yaml".into(), SITE.into())];
        for i in 0..DOC_SHARD + 5 {
            let word = if i == DOC_SHARD + 2 {
                "zebra"
            } else {
                "common"
            };
            files.push((
                format!("p{i:03}.md"),
                format!("---\ntitle: Page {i:03}\n---\nA {word} page.\n"),
            ));
        }
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let out = search_files(&site(&borrowed));
        let first = text(&out, "search/d-0.js");
        let second = text(&out, "search/d-1.js");
        assert_eq!(first.matches("{\"u\"").count(), DOC_SHARD);
        assert_eq!(second.matches("{\"u\"").count(), 5);
        assert!(!out.iter().any(|f| f.path == "search/d-2.js"));
        // Record numbers run on across shards: the one page with "zebra"
        // is the third record of the second shard.
        let at = second
            .lines()
            .filter(|l| l.starts_with("{\"u\""))
            .position(|l| l.contains("p202"))
            .unwrap();
        assert_eq!(at, 2);
        assert!(
            text(&out, "search/t-ze.js").contains(&format!("\"zebra\":[[{},1]]", DOC_SHARD + 2)),
            "{}",
            text(&out, "search/t-ze.js")
        );
        assert!(
            text(&out, "search/docs.js").contains(&format!("OVERSIGHT_DOC_SHARD = {DOC_SHARD};"))
        );
    }

    #[test]
    fn script_endings_in_content_are_escaped() {
        let site = site(&[
            ("site.yaml", SITE),
            (
                "about.md",
                "---\ntitle: \"Odd </script><script>alert(1)</script>\"\n---\nText with <!-- a comment --> and \u{2028} too.\n",
            ),
        ]);
        let files = search_files(&site);
        for f in &files {
            let Content::Bytes(b) = &f.content else {
                continue;
            };
            let t = String::from_utf8(b.clone()).unwrap();
            assert!(!t.contains('<'), "{}: {t}", f.path);
            assert!(!t.contains('\u{2028}'), "{}: {t}", f.path);
        }
        let docs = records_text(&files);
        assert!(docs.contains(r#""t":"Odd \u003c/script>\u003cscript>alert(1)\u003c/script>""#));
        assert!(text(&files, "search/t-sc.js").contains("\"script\":"));
    }

    #[test]
    fn hidden_documents_are_left_out() {
        let site = site(&[
            ("site.yaml", SITE),
            (
                "about.md",
                "---\ntitle: About\n---\nSee [the secret](@secret).\n",
            ),
            (
                "secret.md",
                "---\ntitle: Zanzibar confidential\nexempt: 3\n---\nZanzibar.\n",
            ),
        ]);
        let files = search_files(&site);
        for f in &files {
            let Content::Bytes(b) = &f.content else {
                continue;
            };
            assert!(
                !String::from_utf8_lossy(b).contains("anzibar"),
                "{}",
                f.path
            );
        }
        assert!(!files.iter().any(|f| f.path == "search/t-za.js"));
        assert!(records_text(&files).contains(r#""t":"About""#));
    }
}
