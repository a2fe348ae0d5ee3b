//! What a content file is, by where it sits: the folder decides the kind.

use crate::model::{KindName, is_built_folder, is_built_name};

/// What a file is, by where it sits.
pub(super) enum Role {
    Settings,
    /// A Markdown document of this kind (never `Risks` or `Indicator`).
    Markdown(KindName),
    Actions(String),
    Risks,
    Indicator,
    Asset,
    Ignored(String),
    Misplaced(String),
}

pub(super) fn classify(rel: &str) -> Role {
    let parts: Vec<&str> = rel.split('/').collect();
    let ext = rel.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let md = ext == "md";
    let yaml = ext == "yaml";
    if ext == "yml" {
        return Role::Ignored(format!(
            "`.yml` files are not read; rename it to `{}.yaml`",
            rel.trim_end_matches(".yml")
        ));
    }
    match parts.as_slice() {
        ["site.yaml"] => Role::Settings,
        ["risks.yaml"] => Role::Risks,
        ["index.md"] => Role::Markdown(KindName::Home),
        [folder, "index.md"] if KindName::of_document_folder(folder).is_some() => {
            Role::Markdown(KindName::ListIntro)
        }
        ["inspections", _] if md => Role::Markdown(KindName::Inspection),
        ["visits", _] if md => Role::Markdown(KindName::Visit),
        ["reviews", _] if md => Role::Markdown(KindName::Review),
        ["inspections" | "visits" | "reviews", ..] if md => Role::Misplaced(format!(
            "{} go straight in `{}/`, one file each: `{}/<slug>.md`",
            parts[0], parts[0], parts[0]
        )),
        ["indicators", _] if yaml => Role::Indicator,
        ["indicators", ..] if md || yaml => Role::Misplaced(
            "an indicator is a YAML file straight in `indicators/`: `indicators/<slug>.yaml`".into(),
        ),
        ["plans", _, "index.md"] => Role::Markdown(KindName::Plan),
        ["plans", plan, "actions.yaml"] => Role::Actions(format!("plans/{plan}")),
        ["plans", _, _] if md => Role::Markdown(KindName::Page),
        ["plans", _] if md => Role::Misplaced(
            "a plan is a folder: write `plans/<plan>/index.md` and `plans/<plan>/actions.yaml`".into(),
        ),
        ["meetings", _, "index.md"] => Role::Markdown(KindName::Meeting),
        ["meetings", _, _] if md => Role::Markdown(KindName::Paper),
        ["meetings", ..] if md => Role::Misplaced(
            "a meeting is a folder: write `meetings/<slug>/index.md` and its papers beside it".into(),
        ),
        [first, ..] if parts.len() > 1 && is_built_folder(first) => Role::Misplaced(format!(
            "`{first}/` is a page the build makes itself; put this file in another folder"
        )),
        [name] if md && is_built_name(name.trim_end_matches(".md")) => {
            Role::Misplaced(format!(
                "`{name}` would replace a page the build makes itself; give it another name"
            ))
        }
        _ if md => Role::Markdown(KindName::Page),
        _ if yaml => Role::Ignored(
            "this YAML file is not one oversight reads (site.yaml, risks.yaml, plans/<plan>/actions.yaml, indicators/<slug>.yaml); it is ignored".into(),
        ),
        _ => Role::Asset,
    }
}

/// The document id of a Markdown or indicator file.
pub(super) fn id_of(rel: &str) -> String {
    let no_ext = rel.rsplit_once('.').map_or(rel, |(a, _)| a);
    match no_ext.strip_suffix("/index") {
        Some(folder) => folder.to_string(),
        None if no_ext == "index" => String::new(),
        None => no_ext.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_contract() {
        assert_eq!(
            id_of("inspections/2023-03-ilacs.md"),
            "inspections/2023-03-ilacs"
        );
        assert_eq!(id_of("plans/pip/index.md"), "plans/pip");
        assert_eq!(
            id_of("meetings/m/response-letter.md"),
            "meetings/m/response-letter"
        );
        assert_eq!(id_of("indicators/budget.yaml"), "indicators/budget");
        assert_eq!(id_of("index.md"), "");
    }

    #[test]
    fn the_folder_decides_the_kind() {
        assert!(matches!(
            classify("inspections/a.md"),
            Role::Markdown(KindName::Inspection)
        ));
        assert!(matches!(classify("inspections/x/a.md"), Role::Misplaced(_)));
        assert!(matches!(
            classify("meetings/m/index.md"),
            Role::Markdown(KindName::Meeting)
        ));
        assert!(matches!(
            classify("meetings/m/report.md"),
            Role::Markdown(KindName::Paper)
        ));
        assert!(matches!(classify("meetings/m.md"), Role::Misplaced(_)));
        assert!(matches!(classify("plans/p/actions.yaml"), Role::Actions(_)));
        assert!(matches!(
            classify("guides/how.md"),
            Role::Markdown(KindName::Page)
        ));
        assert!(matches!(classify("timeline/x.md"), Role::Misplaced(_)));
        assert!(matches!(classify("images/logo.png"), Role::Asset));
        assert!(matches!(classify("notes.yml"), Role::Ignored(_)));
        assert!(matches!(classify("inspections.md"), Role::Misplaced(_)));
        assert!(matches!(classify("assets/style.css"), Role::Misplaced(_)));
    }
}
