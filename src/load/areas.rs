//! `areas:` in `site.yaml`: judgement areas added to the built-in ones
//! (see `model::Areas`).

use super::fields::Fields;
use super::yaml::{Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::{FileReporter, suggest};
use crate::model::shapes;
use crate::model::{AreaDef, AreaProblem, Areas, At, area_key};

pub fn read_areas(r: &mut FileReporter, node: &Node) -> Areas {
    let Value::Seq(items) = &node.value else {
        r.error(
            Code::WrongShape,
            node.loc,
            "`areas` should be a list of judgement areas",
            Some("write each as `- name: Children in care`, with optional `also:` and `covers:` lists".into()),
        );
        return Areas::builtin();
    };
    let mut defs = Vec::new();
    for item in items {
        let Some(mut f) = Fields::of(r, item, &shapes::AREA, "a judgement area") else {
            continue;
        };
        let name = f.required(r, "name", "a judgement area");
        let also = f.texts(r, "also");
        let covers = f.texts(r, "covers");
        f.finish(r, "a judgement area");
        let named = |r: &mut FileReporter, n: &At<String>| {
            let ok = !area_key(&n.value).is_empty();
            if !ok {
                r.error(
                    Code::BadName,
                    n.loc,
                    format!("`{}` is not an area name", n.value),
                    Some("an area is named by its words: letters or digits".into()),
                );
            }
            ok
        };
        let Some(name) = name.filter(|n| named(r, n)) else {
            continue;
        };
        let also = also.into_iter().filter(|a| named(r, a)).collect();
        let covers = covers.into_iter().filter(|c| named(r, c)).collect();
        defs.push(AreaDef { name, also, covers });
    }
    let (areas, problems) = Areas::with(defs);
    for p in problems {
        report(r, &areas, p);
    }
    areas
}

fn report(r: &mut FileReporter, areas: &Areas, problem: AreaProblem) {
    match problem {
        AreaProblem::UnknownCover(c) => r.error(
            Code::DanglingReference,
            c.loc,
            format!("`covers` names `{}`, which is not a judgement area", c.value),
            suggest(&c.value, areas.names(), "judgement areas"),
        ),
        AreaProblem::NameTaken { name, line } => r.error(
            Code::DuplicateEntry,
            name.loc,
            format!("`{}` already names the area on line {line}", name.value),
            Some("names match ignoring case, spaces and punctuation, so each belongs to one area: join the two, or drop this name".into()),
        ),
        AreaProblem::CoversItself(c) => r.error(
            Code::CircularReference,
            c.loc,
            format!("the area `{}` covers itself", c.value),
            Some("`covers` names the other areas whose rows show this area's grade".into()),
        ),
        AreaProblem::Nested { at, outer, inner } => r.error(
            Code::NestedCover,
            at,
            format!("`{outer}` covers `{inner}`, which covers other areas itself"),
            Some(format!("name the areas `{inner}` covers instead: a grade shows only in areas that cover none")),
        ),
    }
}
