//! Every kind of problem a run can report, each with a stable number and
//! name: `OV0210 unknown-grade`. The number never changes and is never
//! reused, so a CI rule or a search for it keeps working; a new kind of
//! problem takes the next free number in its group. The table in
//! `docs/content-format.md` ("Errors you will meet") is made from this list
//! (see the test at the end), so the two cannot drift apart.
//!
//! The groups, by hundreds: 00 the report itself, 01 YAML and front matter,
//! 02 fields and their values, 03 references and ids, 04 files and
//! attachments, 05 safety and publishing, 06 site.yaml, the theme and the
//! output.

macro_rules! codes {
    ($( $variant:ident = $number:literal, $name:literal, $meaning:literal, $fix:literal; )*) => {
        /// A kind of problem (not a place it is found): many messages share one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $variant, )*
        }

        impl Code {
            /// Every code, in the order of the table.
            pub const ALL: &[Code] = &[ $( Code::$variant, )* ];

            /// The stable number: `OV0210` is 210.
            pub fn number(self) -> u16 {
                match self { $( Code::$variant => $number, )* }
            }

            /// The stable name, kebab-case: `unknown-grade`.
            pub fn name(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            /// What it means, in a sentence.
            pub fn meaning(self) -> &'static str {
                match self { $( Code::$variant => $meaning, )* }
            }

            /// How to fix it, in a sentence.
            pub fn fix(self) -> &'static str {
                match self { $( Code::$variant => $fix, )* }
            }
        }
    };
}

impl Code {
    /// `OV0210`.
    pub fn id(self) -> String {
        format!("OV{:04}", self.number())
    }
}

/// The headings of the groups of codes, by hundreds.
pub const GROUPS: &[(u16, &str)] = &[
    (0, "The report itself"),
    (1, "YAML and front matter"),
    (2, "Fields and their values"),
    (3, "References and ids"),
    (4, "Files and attachments"),
    (5, "Safety and publishing"),
    (6, "site.yaml, the theme and the output"),
];

codes! {
    NotShown = 1, "not-shown",
        "A file has more messages than are shown in full (the first 100 are); this line counts the rest.",
        "Fix the messages shown and run again.";

    YamlSyntax = 101, "yaml-syntax",
        "The YAML cannot be read: a missing quote, a bad indent, a `: ` inside a value.",
        "Correct the YAML at the place shown; put a value containing `: ` or starting with `@`, `#` or `*` in quotes.";
    NoFrontMatter = 102, "no-front-matter",
        "A Markdown document does not start with a `---` line of front matter.",
        "Start the file with `---`, the fields (at least `title:`), and `---`.";
    UnclosedFrontMatter = 103, "unclosed-front-matter",
        "The front matter opened by `---` is never closed.",
        "End the front matter with a line of just `---`.";
    EmptyFrontMatter = 104, "empty-front-matter",
        "The front matter has no fields.",
        "Add at least `title: ...`.";
    WrongShape = 105, "wrong-shape",
        "A value has the wrong shape: a list where fields were expected, a list where one value was, and the like.",
        "Write it in the shape the message names; docs/content-format.md shows each.";
    OverLimit = 106, "over-limit",
        "There are more of something (fields, tags, actions, risks, reviews, Markdown marks, nesting) than oversight reads.",
        "Split the content up, or remove the extra entries.";

    UnknownField = 201, "unknown-field",
        "A field oversight does not know, often a typo; it is ignored (an error with `--strict`).",
        "Correct its name (the message suggests the nearest) or remove it.";
    MissingField = 202, "missing-field",
        "A field that must be there is not.",
        "Add the field the message names.";
    EmptyValue = 203, "empty-value",
        "A field or list that must say something is empty.",
        "Write the value, or leave the field out where that is allowed.";
    BadDate = 204, "bad-date",
        "A date is not a real date in the form `YYYY-MM-DD` (or `YYYY-MM` where a month is enough).",
        "Write the date as `2024-03-01`.";
    BadPeriod = 205, "bad-period",
        "A period (how often) is not one oversight reads.",
        "Write `monthly`, `quarterly`, `annually` or `6 months`.";
    BadTime = 206, "bad-time",
        "A time of day is not `HH:MM` on the 24-hour clock.",
        "Write it in quotes: `time: \"14:00\"`.";
    BadBoolean = 207, "bad-boolean",
        "A yes-or-no field is not `true` or `false`.",
        "Write `true` or `false`.";
    BadNumber = 208, "bad-number",
        "A number is not a number, or not in the range allowed.",
        "Write a number in the range the message gives.";
    UnknownStatus = 209, "unknown-status",
        "A status is not one of the statuses (`red`, `amber`, `green`, `blue`, `grey`, or the site's own words for them).",
        "Use one of the statuses the message lists.";
    UnknownGrade = 210, "unknown-grade",
        "A judgement's grade is not a grade of its scale.",
        "Use a grade of the scale (the message suggests the nearest), or add the grade to the scale in site.yaml.";
    UnknownScale = 211, "unknown-scale",
        "An inspection names a grade scale that site.yaml does not define.",
        "Use a scale defined under `scales` in site.yaml, or define it.";
    UnknownPriority = 212, "unknown-priority",
        "An action names a priority its plan does not have.",
        "Use the id of one of the plan's priorities.";
    UnknownChoice = 213, "unknown-choice",
        "A field that takes one of a few words has another (`better`, `wording`).",
        "Use one of the words the message names.";
    BadName = 214, "bad-name",
        "An id or name has characters it may not (ids are letters, digits, `.`, `_` and `-`).",
        "Rename it as the message says.";
    BadAddress = 215, "bad-address",
        "A web or email address is not one: no `https://`, spaces in it, or a `javascript:` address.",
        "Write the full address, starting `https://`.";
    OutOfOrder = 216, "out-of-order",
        "Dates or bands are in the wrong order: an end before a start, updates or reviews not oldest first.",
        "Correct the dates, or put the entries in order.";
    ConflictingFields = 217, "conflicting-fields",
        "Two fields say things that cannot both hold (`date` and `start`; two judgements marked `overall`).",
        "Keep one of them.";
    DuplicateEntry = 218, "duplicate-entry",
        "Something is listed twice: an attachment, an area's name, a risk band's name, a status word.",
        "Remove or rename one of them.";

    DanglingReference = 301, "dangling-reference",
        "A reference (`follows`, `responds_to`, `addresses`, `@id` in text, a link to a `.md` file) names nothing that exists.",
        "Correct the id or path (the message suggests the nearest), or add what it names.";
    WrongKindReference = 302, "wrong-kind-reference",
        "A reference names something that exists but of the wrong kind (a `supersedes` that names a visit).",
        "Name something of the kind the field expects.";
    BrokenLink = 303, "broken-link",
        "A relative link leads to no file in the content folder, or outside it.",
        "Correct the path, or put the file in the content folder.";
    DuplicateId = 304, "duplicate-id",
        "Two items of one document (recommendations, priorities, actions, resolutions, risks) share an id.",
        "Give one of them another id.";
    CircularReference = 305, "circular-reference",
        "Something follows, supersedes or covers itself, directly or in a circle.",
        "Break the circle: point one of them at something earlier.";
    NestedCover = 306, "nested-cover",
        "A judgement area covers an area that itself covers others.",
        "Name the areas at the bottom instead.";
    NotSuperseded = 307, "not-superseded",
        "`continues` names an action of a plan that this plan does not supersede.",
        "Add `supersedes:` for that plan, or correct the action id.";
    DocumentAsImage = 308, "document-as-image",
        "`![...](x.md)` shows a document as an image.",
        "Link to it with `[...](x.md)`, without the `!`.";
    UnknownAnchor = 309, "unknown-anchor",
        "A link's `#anchor` names no heading (nor `{#id}` nor HTML `id`) on the page it points to.",
        "Use one of the page's heading anchors (the heading's words in lower case, joined by `-`), or give the heading an id with `{#id}`.";

    EmptyFile = 401, "empty-file",
        "The file is empty.",
        "Write its content, or delete it.";
    NotUtf8 = 402, "not-utf8",
        "The file is not UTF-8 text.",
        "Save it as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\").";
    FileTooLarge = 403, "file-too-large",
        "The file is larger than oversight reads.",
        "Split it, or attach the full document as a PDF.";
    MisplacedFile = 404, "misplaced-file",
        "The file is not in the folder where its kind belongs.",
        "Move it where the message says.";
    OrphanActions = 405, "orphan-actions",
        "An actions.yaml is in a folder with no index.md, so it belongs to no plan.",
        "Add the plan's index.md, or move the actions into the plan's folder.";
    BadFileName = 406, "bad-file-name",
        "A document's file or folder name is not lower-case letters, digits and `-`.",
        "Rename it as the message suggests.";
    UnpublishableName = 407, "unpublishable-name",
        "A file's name cannot be published safely (a character a web server or file share refuses).",
        "Rename it: lower-case letters, digits and `-`, with an extension such as `.pdf`.";
    PageClash = 408, "page-clash",
        "Two files would make one page or file on the site, or would on a file share that ignores case.",
        "Rename or move one of them.";
    MissingAttachment = 409, "missing-attachment",
        "An attachment names a file that is not in the document's folder.",
        "Put the file there, or correct its name (names are case-sensitive).";
    AttachmentElsewhere = 410, "attachment-elsewhere",
        "An attachment names a file outside the document's folder.",
        "Move the file into the document's folder.";
    AttachmentIsRecord = 411, "attachment-is-record",
        "An attachment names a page of the record rather than a file.",
        "Attach the published file; link to the page in the text instead.";
    CannotAttach = 412, "cannot-attach",
        "The file cannot be attached (a folder, a kind of file that is not published).",
        "Attach a PDF, a spreadsheet or another file the message allows.";
    UncountedPages = 413, "uncounted-pages",
        "An attached PDF's pages cannot be counted; it is published without its number of pages.",
        "Check it opens in a PDF reader; save it again without a password.";
    UnlinkedFile = 414, "unlinked-file",
        "No published page links to this file and it is in no document's folder, so it is not copied.",
        "Link to it from a page, move it into a document's folder, or delete it.";
    IgnoredFile = 415, "ignored-file",
        "The file is not read or published (a Windows or Office leftover, a file in a place oversight skips).",
        "Delete it, or move it where it is read.";
    SymbolicLink = 416, "symbolic-link",
        "A symbolic link that is not followed: to a folder, outside the content folder, or to nothing.",
        "Copy the file itself into the content folder.";

    UnsafeSvg = 501, "unsafe-svg",
        "An SVG drawing holds something a browser would run or fetch (script, event handlers, outside links) or cannot be checked.",
        "Save it again as plain SVG, or export it as PNG.";
    UnsafeFileType = 502, "unsafe-file-type",
        "A kind of file that is not published (a web page, a program, a file a browser would run).",
        "Convert it to PDF, or remove it.";
    RemovedCharacter = 503, "removed-character",
        "An invisible or control character was removed because it cannot be shown safely.",
        "Delete it from the file (the message says which and where).";
    BadExempt = 504, "bad-exempt",
        "`exempt` is not a paragraph of Schedule 12A (1 to 7 in England, 12 to 18 in Wales) or `true`.",
        "Write the paragraph number, e.g. `exempt: 3`, or `exempt: true`.";
    MisplacedPublishingControl = 505, "misplaced-publishing-control",
        "A field that looks like `draft` or `exempt` but is misspelt or misplaced; read as unknown, it would publish what was meant to be held back.",
        "Spell it and place it as the message says.";

    NoSiteYaml = 601, "no-site-yaml",
        "The content folder has no site.yaml.",
        "Create content/site.yaml with at least `title: ...`.";
    NoBaseUrl = 602, "no-base-url",
        "site.yaml has no `base_url`, so feed.xml and sitemap.xml are not written.",
        "Add `base_url: https://...`, the address the site is published at.";
    LowContrast = 603, "low-contrast",
        "A status colour gives text less contrast than WCAG 2.2 AA asks (4.5:1).",
        "Choose a lighter or darker colour.";
    BadColour = 604, "bad-colour",
        "A colour is not a colour written as `#rrggbb`.",
        "Write it in quotes: `colour: \"#00703c\"`.";
    IncompleteBands = 605, "incomplete-bands",
        "The risk bands leave the highest scores with no band.",
        "Make the last band end at 25.";
    UnknownTheme = 606, "unknown-theme",
        "`theme` names a theme with no folder.",
        "Create themes/<name>/, or correct the name.";
    BadThemeFile = 607, "bad-theme-file",
        "A theme file cannot be used: a symbolic link, not an ordinary file, not readable, not UTF-8.",
        "Make it an ordinary UTF-8 file in the theme's folder.";
    TemplateError = 608, "template-error",
        "A template has an error, or rendering a page with it failed.",
        "Check the template against docs/themes.md.";
    OutputFailed = 609, "output-failed",
        "The site could not be made (out of memory or disk).",
        "Free some space and run again.";
}

/// The table of every code, as it stands in `docs/content-format.md`
/// between the `codes` markers: a heading per group, a row per code.
#[cfg(test)]
fn docs_table() -> String {
    let mut out = String::new();
    for (group, title) in GROUPS {
        let codes: Vec<_> = Code::ALL
            .iter()
            .filter(|c| c.number() / 100 == *group)
            .collect();
        if codes.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n#### OV{group:02}xx: {title}\n\n| Code | Name | What it means | How to fix it |\n|---|---|---|---|\n"
        ));
        for c in codes {
            out.push_str(&format!(
                "| `{}` | `{}` | {} | {} |\n",
                c.id(),
                c.name(),
                c.meaning(),
                c.fix()
            ));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const START: &str = "<!-- codes:start (made from src/diagnostics/codes.rs; see its test) -->\n";
    const END: &str = "<!-- codes:end -->";

    /// The table in the docs is the one the code makes. Run with
    /// `OVERSIGHT_WRITE_DOCS=1` to write it after changing a code.
    #[test]
    fn the_docs_list_every_code_and_no_other() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/content-format.md");
        let doc = std::fs::read_to_string(path).expect("docs/content-format.md");
        let (Some(a), Some(b)) = (doc.find(START), doc.find(END)) else {
            panic!("docs/content-format.md has no codes markers");
        };
        let written = &doc[a + START.len()..b];
        let made = docs_table();
        if written != made && std::env::var_os("OVERSIGHT_WRITE_DOCS").is_some() {
            let new = format!("{}{made}{}", &doc[..a + START.len()], &doc[b..]);
            std::fs::write(path, new).expect("write docs");
            return;
        }
        // Every code listed; and every `OVxxxx` the whole page names is a code.
        for c in Code::ALL {
            assert!(
                written.contains(&format!("| `{}` | `{}` |", c.id(), c.name())),
                "{} missing",
                c.id()
            );
        }
        let ids: HashSet<String> = Code::ALL.iter().map(|c| c.id()).collect();
        for (i, _) in doc.match_indices("OV") {
            let id = &doc[i..(i + 6).min(doc.len())];
            if id[2..].len() == 4 && id[2..].chars().all(|c| c.is_ascii_digit()) {
                assert!(ids.contains(id), "the docs name {id}, which is no code");
            }
        }
        assert!(
            written == made,
            "the table of codes in docs/content-format.md is out of date: run `OVERSIGHT_WRITE_DOCS=1 cargo test --lib diagnostics`"
        );
    }

    #[test]
    fn every_number_and_name_is_unique_and_well_formed() {
        let mut numbers = HashSet::new();
        let mut names = HashSet::new();
        for c in Code::ALL {
            assert!(numbers.insert(c.number()), "{} used twice", c.id());
            assert!(names.insert(c.name()), "{} used twice", c.name());
            assert!(
                c.name()
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{} is not kebab-case",
                c.name()
            );
            assert!(
                GROUPS.iter().any(|(g, _)| *g == c.number() / 100),
                "{} is in no group",
                c.id()
            );
        }
        assert_eq!(Code::UnknownGrade.id(), "OV0210");
    }
}
