//! Hostile text in every field and in Markdown stays inert: it is shown as
//! text, escaped wherever it lands, and nothing in a built page can run
//! script, load a frame or send a form. Ordinary formatting survives.

mod common;
#[path = "common/markup.rs"]
mod markup;
use common::*;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    let (code, _, err) = build(&fixture("hostile"), &out, &[]);
    assert_eq!(code, 0, "hostile text is content like any other: {err}");
    (tmp, out)
}

#[test]
fn no_built_page_can_run_script_or_load_from_elsewhere() {
    let (_t, out) = built();
    let mut pages = 0;
    for (path, bytes) in tree(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        // The one script the theme itself adds: search, on the search page.
        let theme_script = "<script src=\"../assets/search.js\" data-root=\"../\" defer></script>";
        // And its search form, which only ever asks the page itself.
        let html = if path == "search/index.html" {
            assert!(html.contains(theme_script), "{html}");
            let start = html
                .find("<form id=\"search-form\"")
                .expect("the search form");
            let end = start + html[start..].find("</form>").expect("closed") + "</form>".len();
            let form = &html[start..end];
            assert!(
                form.contains("action=\"index.html\" method=\"get\""),
                "{form}"
            );
            assert_eq!(form.matches("<input").count(), 1, "{form}");
            format!("{}{}", &html[..start], &html[end..]).replace(theme_script, "")
        } else {
            html
        };
        let found = markup::dangers(&html);
        assert!(found.is_empty(), "{path}:\n{}", found.join("\n"));
        assert!(
            !html.to_ascii_lowercase().contains("<script"),
            "{path} has a script tag"
        );
        assert!(
            !html.contains("evil.example\""),
            "{path} loads from elsewhere"
        );
    }
    assert!(pages >= 15, "every page was read ({pages})");
}

#[test]
fn the_search_index_cannot_end_its_script_or_carry_markup() {
    let (_t, out) = built();
    let mut files = 0;
    for (path, bytes) in tree(&out) {
        if !(path.starts_with("search/") && path.ends_with(".js")) {
            continue;
        }
        files += 1;
        let js = String::from_utf8(bytes).unwrap();
        assert!(!js.contains('<'), "{path} has a raw <");
    }
    assert!(files > 1, "the index was written");
    let docs = search_records(&out);
    assert!(
        docs.contains("\\u003cscript>alert(1)"),
        "hostile titles are kept, escaped"
    );
}

#[test]
fn hostile_text_is_shown_as_text_not_dropped() {
    let (_t, out) = built();
    let inspection = read(&out, "inspections/2024-ilacs/index.html");
    for shown in [
        "Fix &lt;script&gt;alert(&#39;rec&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(11)&gt;",
        "Overall &lt;script&gt;alert(&#39;area&#39;)&lt;/script&gt;",
    ] {
        assert!(
            inspection.contains(shown),
            "missing {shown:?}:\n{inspection}"
        );
    }
    // In the page title and in an attribute, quotes cannot close anything.
    assert!(
        inspection.contains("<title>Inspection &lt;script&gt;"),
        "{inspection}"
    );
    let home = read(&out, "index.html");
    assert!(
        home.contains(
            "content=\"&lt;iframe src=&#39;https://evil.example&#39;&gt;&lt;/iframe&gt;\""
        ),
        "the description stays inside its attribute: {home}"
    );
    let paper = read(&out, "meetings/2024-01-10-m/report/index.html");
    let start = paper.find("<style media=\"print\">").unwrap() + "<style media=\"print\">".len();
    let print = &paper[start..start + paper[start..].find("</style>").unwrap()];
    assert!(
        !print.contains('<'),
        "the printed header cannot end its style element: {print}"
    );
    assert!(
        print.contains("\\3c script\\3e "),
        "the text is kept, escaped: {print}"
    );
    let action = read(&out, "plans/p/actions/A1/index.html");
    assert!(
        action.contains("Note &lt;script&gt;alert(&#39;note&#39;)"),
        "{action}"
    );
    // An evidence address with quotes in it stays one attribute value.
    assert!(
        action.contains(
            "href=\"https://example.org/e?x=&quot;&gt;&lt;script&gt;alert(15)&lt;/script&gt;\""
        ),
        "{action}"
    );
}

#[test]
fn charts_escape_what_they_draw() {
    let (_t, out) = built();
    let ind = read(&out, "indicators/i/index.html");
    let svg = &ind[ind.find("<svg").unwrap()..ind.find("</svg>").unwrap()];
    assert!(!svg.contains("<tspan onclick"), "{svg}");
    assert!(
        svg.contains("&lt;tspan onclick=alert(21)&gt;u&lt;/tspan&gt;"),
        "{svg}"
    );
    assert!(!svg.contains("</desc><script>"), "{svg}");
    let timeline = read(&out, "timeline/index.html");
    let svg = &timeline[timeline.find("<svg").unwrap()..timeline.find("</svg>").unwrap()];
    assert!(svg.contains("Ofsted &lt;script&gt;"), "{svg}");
}

#[test]
fn ordinary_formatting_and_safe_links_survive_sanitising() {
    let (_t, out) = built();
    let home = read(&out, "index.html");
    for kept in [
        "<strong>bold</strong>",
        "<em>emphasis</em>",
        "<abbr title=\"Local Government Act\">LGA</abbr>",
        "H<sub>2</sub>O",
        "x<sup>2</sup>",
        "<th>Kept</th>",
        "href=\"inspections/2024-ilacs/index.html\"",
        "href=\"https://example.org/ok\"",
        "js link",
        "md js",
    ] {
        assert!(home.contains(kept), "{kept:?} was lost:\n{home}");
    }
}

#[test]
fn addresses_that_could_run_script_are_refused_where_officers_write_them() {
    let (code, _, err) = check(&fixture("bad/unsafe-addresses"), &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.matches(": error: ").count(), 3, "{err}");
}
