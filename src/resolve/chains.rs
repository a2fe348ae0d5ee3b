//! The chains a member follows: from a recommendation to the actions that
//! address it, and from a committee recommendation to its responses.
//! Built from published documents only, so nothing hidden can appear in one.

use super::Index;
use crate::model::{Document, Kind};
use std::collections::BTreeMap;

/// An action of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRef {
    pub plan: String,
    pub action: String,
}

/// The `index`-th response in a paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseRef {
    pub paper: String,
    pub index: usize,
}

#[derive(Debug, Default)]
pub struct Chains {
    /// By the canonical key of what is addressed (`doc` or `doc#item`): the
    /// actions whose `addresses` name it, in plan and file order.
    pub addressed_by: BTreeMap<String, Vec<ActionRef>>,
    /// By `meeting#recommendation`: the responses to it, in paper order.
    pub responses: BTreeMap<String, Vec<ResponseRef>>,
}

impl Chains {
    pub fn build(documents: &[Document], index: &Index) -> Chains {
        let mut chains = Chains::default();
        for doc in documents {
            match &doc.kind {
                Kind::Plan(p) => {
                    for a in &p.actions {
                        for r in &a.addresses {
                            if let Ok((key, _)) = index.lookup(&r.value, &doc.id) {
                                let list = chains.addressed_by.entry(key).or_default();
                                let this = ActionRef {
                                    plan: doc.id.clone(),
                                    action: a.id.value.clone(),
                                };
                                if !list.contains(&this) {
                                    list.push(this);
                                }
                            }
                        }
                    }
                }
                Kind::Paper(p) => {
                    for (i, r) in p.responses.iter().enumerate() {
                        if let Ok((key, _)) = index.lookup(&r.to.value, &doc.id) {
                            chains.responses.entry(key).or_default().push(ResponseRef {
                                paper: doc.id.clone(),
                                index: i,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        chains
    }

    /// The actions that address `doc`, or its item `item`.
    pub fn addressing(&self, doc: &str, item: Option<&str>) -> &[ActionRef] {
        let key = match item {
            Some(i) => format!("{doc}#{i}"),
            None => doc.to_string(),
        };
        self.addressed_by.get(&key).map_or(&[], Vec::as_slice)
    }

    pub fn responses_to(&self, meeting: &str, item: &str) -> &[ResponseRef] {
        self.responses
            .get(&format!("{meeting}#{item}"))
            .map_or(&[], Vec::as_slice)
    }
}
