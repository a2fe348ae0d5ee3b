//! Judgement areas: the rows of "judgements over time". A judgement's
//! `area` lands on the row whose name, or one of whose `also` names, it
//! matches, ignoring case, spaces and punctuation. An area that `covers`
//! others (one judged as a whole before a framework split it) has no row of
//! its own: its grade shows in each row it covers, judged together.
//!
//! The areas are the site's, one list for every scale. The built-in ones
//! are those of Ofsted's ILACS framework (the `ofsted-ilacs` scale); areas
//! in `site.yaml` add to them, or replace one that shares any of their names.

use super::At;
use crate::diagnostics::Loc;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// The row's heading.
    pub name: String,
    /// Other names a judgement may give it.
    pub also: Vec<String>,
    /// The areas (by index in [`Areas::list`]) whose rows show this
    /// area's grade; empty for an area that is a row itself.
    pub covers: Vec<usize>,
}

/// Every judgement area of the site, each name matched to one of them.
#[derive(Debug, Clone)]
pub struct Areas {
    list: Vec<Area>,
    keys: BTreeMap<String, usize>,
}

/// An area as written in `site.yaml`, before its `covers` are found.
#[derive(Debug, Clone)]
pub struct AreaDef {
    pub name: At<String>,
    pub also: Vec<At<String>>,
    pub covers: Vec<At<String>>,
}

/// What is wrong with the areas written in `site.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaProblem {
    /// `covers` names no area; the names it could have meant.
    UnknownCover(At<String>),
    /// A name (or `also` name) already belongs to the area written on `line`.
    NameTaken { name: At<String>, line: u32 },
    /// `covers` names the area it is written on.
    CoversItself(At<String>),
    /// An area covers one that covers others: a grade would show in no row.
    Nested {
        at: Loc,
        outer: String,
        inner: String,
    },
}

/// ILACS, as Ofsted names its judgements, with shorter names officers use.
/// The combined area, judged until the 2023 framework, covers the two after
/// it.
const ILACS: [(&str, &[&str]); 6] = [
    ("Overall effectiveness", &[]),
    (
        "The impact of leaders on social work practice with children and families",
        &["Impact of leaders"],
    ),
    (
        "The experiences and progress of children who need help and protection",
        &["Children who need help and protection"],
    ),
    (
        "The experiences and progress of children in care",
        &["Children in care"],
    ),
    (
        "The experiences and progress of care leavers",
        &["Care leavers"],
    ),
    (
        "The experiences and progress of children in care and care leavers",
        &["Children in care and care leavers"],
    ),
];
/// The built-in area that covers others, and those it covers.
const ILACS_COMBINED: (usize, [usize; 2]) = (5, [3, 4]);

/// An area's name as matched: letters and digits only, in lower case
/// (`Children in care` and `children-in-care` are one).
pub fn area_key(name: &str) -> String {
    name.nfc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// One area while the list is being put together: where its name was
/// written (none for a built-in one) and how its covers are named.
struct Slot {
    name: String,
    also: Vec<String>,
    loc: Option<Loc>,
    covers: Vec<Cover>,
    /// The slot that replaced this one, if it was replaced.
    replaced_by: Option<usize>,
}

enum Cover {
    Builtin(usize),
    Named(At<String>),
}

impl Slot {
    fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.also)
    }
}

impl Areas {
    /// The ILACS areas alone.
    pub fn builtin() -> Areas {
        Areas::with(Vec::new()).0
    }

    /// The built-in areas with the site's added, and what is wrong with
    /// the site's. The list is usable even when there are problems.
    pub fn with(site: Vec<AreaDef>) -> (Areas, Vec<AreaProblem>) {
        let mut problems = Vec::new();
        let mut slots: Vec<Slot> = ILACS
            .iter()
            .enumerate()
            .map(|(i, (name, also))| Slot {
                name: name.to_string(),
                also: also.iter().map(|a| a.to_string()).collect(),
                loc: None,
                covers: if i == ILACS_COMBINED.0 {
                    ILACS_COMBINED
                        .1
                        .iter()
                        .map(|c| Cover::Builtin(*c))
                        .collect()
                } else {
                    Vec::new()
                },
                replaced_by: None,
            })
            .collect();
        let mut owner: BTreeMap<String, usize> = BTreeMap::new();
        for (i, s) in slots.iter().enumerate() {
            for n in s.names() {
                owner.entry(area_key(n)).or_insert(i);
            }
        }
        for def in site {
            let names = std::iter::once(&def.name).chain(&def.also);
            let mut replaced: Vec<usize> = Vec::new();
            let mut taken = None;
            for n in names {
                match owner.get(&area_key(&n.value)).copied() {
                    Some(o) if slots[o].loc.is_some() => {
                        taken = taken.or(Some((n.clone(), o)));
                    }
                    Some(o) if !replaced.contains(&o) => replaced.push(o),
                    _ => {}
                }
            }
            if let Some((name, o)) = taken {
                let line = slots[o].loc.map_or(0, |l| l.line);
                problems.push(AreaProblem::NameTaken { name, line });
                continue;
            }
            let mut slot = Slot {
                name: def.name.value.clone(),
                also: def.also.iter().map(|a| a.value.clone()).collect(),
                loc: Some(def.name.loc),
                covers: def.covers.into_iter().map(Cover::Named).collect(),
                replaced_by: None,
            };
            // It keeps the names of those it replaces, so that a judgement
            // in Ofsted's words still lands on it.
            for &r in &replaced {
                let mut kept: Vec<String> = slot.names().map(|n| area_key(n)).collect();
                for n in slots[r].names() {
                    if !kept.contains(&area_key(n)) {
                        kept.push(area_key(n));
                        slot.also.push(n.clone());
                    }
                }
            }
            // A site area takes the place of the first built-in one it
            // shares a name with; any other it shares a name with goes.
            let at = match replaced.first() {
                Some(&first) => {
                    for &r in &replaced {
                        slots[r].replaced_by = Some(first);
                        let gone: Vec<String> = slots[r].names().map(|n| area_key(n)).collect();
                        for k in gone {
                            owner.remove(&k);
                        }
                    }
                    // A built-in area that covered the one replaced now
                    // covers the one in its place.
                    slots[first] = slot;
                    first
                }
                None => {
                    slots.push(slot);
                    slots.len() - 1
                }
            };
            let keys: Vec<String> = slots[at].names().map(|n| area_key(n)).collect();
            for k in keys {
                owner.entry(k).or_insert(at);
            }
        }
        Areas::settle(slots, owner, problems)
    }

    /// Numbers the areas that are left and finds what each covers.
    fn settle(
        slots: Vec<Slot>,
        owner: BTreeMap<String, usize>,
        mut problems: Vec<AreaProblem>,
    ) -> (Areas, Vec<AreaProblem>) {
        let follow = |mut i: usize| {
            // A replaced slot points at a live one; one step suffices, but
            // never loop on a bad chain.
            for _ in 0..slots.len() {
                match slots[i].replaced_by {
                    Some(next) if next != i => i = next,
                    _ => break,
                }
            }
            i
        };
        let mut number: Vec<Option<usize>> = vec![None; slots.len()];
        let mut n = 0;
        for (i, s) in slots.iter().enumerate() {
            if s.replaced_by.is_none() {
                number[i] = Some(n);
                n += 1;
            }
        }
        let mut list: Vec<Area> = Vec::with_capacity(n);
        let mut locs: Vec<Option<Loc>> = Vec::with_capacity(n);
        let mut cover_locs: Vec<Vec<Option<Loc>>> = Vec::with_capacity(n);
        for (i, s) in slots.iter().enumerate() {
            if number[i].is_none() {
                continue;
            }
            let mut covers = Vec::new();
            let mut at = Vec::new();
            for c in &s.covers {
                let (found, loc) = match c {
                    Cover::Builtin(b) => (number[follow(*b)], None),
                    Cover::Named(name) => match owner.get(&area_key(&name.value)) {
                        Some(&o) if o == i => {
                            problems.push(AreaProblem::CoversItself(name.clone()));
                            continue;
                        }
                        Some(&o) => (number[o], Some(name.loc)),
                        None => {
                            problems.push(AreaProblem::UnknownCover(name.clone()));
                            continue;
                        }
                    },
                };
                if let Some(f) = found
                    && Some(f) != number[i]
                    && !covers.contains(&f)
                {
                    covers.push(f);
                    at.push(loc);
                }
            }
            list.push(Area {
                name: s.name.clone(),
                also: s.also.clone(),
                covers,
            });
            locs.push(s.loc);
            cover_locs.push(at);
        }
        // A grade is shown only in rows: an area that covers one that
        // covers others would show it nowhere.
        for a in 0..list.len() {
            let mut keep = Vec::new();
            for (k, &c) in list[a].covers.iter().enumerate() {
                if list[c].covers.is_empty() {
                    keep.push(c);
                } else if let Some(at) = cover_locs[a][k].or(locs[c]).or(locs[a]) {
                    problems.push(AreaProblem::Nested {
                        at,
                        outer: list[a].name.clone(),
                        inner: list[c].name.clone(),
                    });
                }
            }
            list[a].covers = keep;
        }
        let mut keys = BTreeMap::new();
        for (i, a) in list.iter().enumerate() {
            for name in std::iter::once(&a.name).chain(&a.also) {
                let k = area_key(name);
                if !k.is_empty() {
                    keys.entry(k).or_insert(i);
                }
            }
        }
        (Areas { list, keys }, problems)
    }

    /// Every area, built-in ones first, in the order of their rows.
    pub fn list(&self) -> &[Area] {
        &self.list
    }

    /// The area a judgement's `area` names, by its place in [`Areas::list`].
    pub fn find(&self, written: &str) -> Option<usize> {
        self.keys.get(&area_key(written)).copied()
    }

    /// Every name an area answers to, for suggestions.
    pub fn names(&self) -> impl Iterator<Item = &str> + Clone {
        self.list
            .iter()
            .flat_map(|a| std::iter::once(&a.name).chain(&a.also))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, line: u32) -> At<String> {
        At::new(s.to_string(), Loc::new(line, 3))
    }

    fn def(name: (&str, u32), also: &[&str], covers: &[(&str, u32)]) -> AreaDef {
        AreaDef {
            name: at(name.0, name.1),
            also: also.iter().map(|a| at(a, name.1)).collect(),
            covers: covers.iter().map(|(c, l)| at(c, *l)).collect(),
        }
    }

    fn name_of(areas: &Areas, written: &str) -> Option<String> {
        areas.find(written).map(|i| areas.list()[i].name.clone())
    }

    #[test]
    fn names_match_ignoring_case_spaces_and_punctuation() {
        let areas = Areas::builtin();
        assert_eq!(
            name_of(&areas, "the experiences and progress of CHILDREN IN CARE."),
            Some("The experiences and progress of children in care".into())
        );
        // By an `also` name, written loosely.
        assert_eq!(
            name_of(&areas, "  care-leavers "),
            Some("The experiences and progress of care leavers".into())
        );
        assert_eq!(name_of(&areas, "Overall rating"), None);
    }

    #[test]
    fn the_combined_ilacs_area_covers_children_in_care_and_care_leavers() {
        let areas = Areas::builtin();
        let combined = areas
            .find("The experiences and progress of children in care and care leavers")
            .unwrap();
        let covered: Vec<&str> = areas.list()[combined]
            .covers
            .iter()
            .map(|&c| areas.list()[c].name.as_str())
            .collect();
        assert_eq!(
            covered,
            [
                "The experiences and progress of children in care",
                "The experiences and progress of care leavers"
            ]
        );
    }

    #[test]
    fn a_site_area_replaces_the_built_in_one_it_shares_a_name_with_in_its_place() {
        let (areas, problems) = Areas::with(vec![
            def(
                ("Children in care", 2),
                &["The experiences and progress of children in care"],
                &[],
            ),
            def(
                ("Children in care and care leavers", 4),
                &["The experiences and progress of children in care and care leavers"],
                &[("Children in care", 6), ("care leavers", 6)],
            ),
            def(("Early help", 8), &["EARLY-HELP services"], &[]),
        ]);
        assert_eq!(problems, []);
        let names: Vec<&str> = areas.list().iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names[3], "Children in care");
        assert_eq!(names[5], "Children in care and care leavers");
        assert_eq!(names[6], "Early help");
        assert_eq!(areas.list().len(), 7);
        assert_eq!(
            name_of(&areas, "early help services"),
            Some("Early help".into())
        );
        assert_eq!(areas.list()[5].covers, [3, 4]);
    }

    #[test]
    fn a_renamed_built_in_area_still_answers_to_ofsteds_words() {
        let (areas, problems) = Areas::with(vec![def(("Children in care", 2), &[], &[])]);
        assert_eq!(problems, []);
        assert_eq!(
            name_of(&areas, "The experiences and progress of children in care"),
            Some("Children in care".into())
        );
        // And the combined area still covers it.
        let combined = areas.find("children in care and care leavers").unwrap();
        assert_eq!(areas.list()[combined].covers, [3, 4]);
    }

    #[test]
    fn covering_an_unknown_area_or_reusing_a_name_is_a_problem() {
        let (_, problems) = Areas::with(vec![
            def(("Front door", 2), &[], &[("Cildren in care", 3)]),
            def(("Front Door!", 5), &[], &[]),
        ]);
        assert_eq!(
            problems,
            [
                AreaProblem::NameTaken {
                    name: at("Front Door!", 5),
                    line: 2
                },
                AreaProblem::UnknownCover(at("Cildren in care", 3)),
            ]
        );
    }

    #[test]
    fn an_area_covering_a_covering_area_is_a_problem_not_a_lost_grade() {
        let (areas, problems) = Areas::with(vec![def(
            ("Everything", 2),
            &[],
            &[
                ("Children in care and care leavers", 3),
                ("Care leavers", 4),
            ],
        )]);
        assert!(matches!(&problems[..], [AreaProblem::Nested { at, .. }] if at.line == 3));
        let everything = areas.find("everything").unwrap();
        assert_eq!(areas.list()[everything].covers, [4]);
    }
}
