//! The chains a member follows: from a recommendation to the actions that
//! address it and to its responses, and from an inspection, visit or
//! review to those that follow it.
//! Built from published documents only, so nothing hidden can appear in one.

use super::Index;
use crate::model::{Document, Kind};
use std::collections::BTreeMap;
use std::sync::Arc;

/// An action of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRef {
    pub plan: String,
    pub action: String,
}

/// The `index`-th response in a paper or page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseRef {
    /// The paper or plain page that records it.
    pub paper: String,
    pub index: usize,
}

#[derive(Debug, Default)]
pub struct Chains {
    /// By the canonical key of what is addressed (`doc` or `doc#item`): the
    /// actions whose `addresses` name it, in plan and file order.
    pub addressed_by: BTreeMap<String, Vec<ActionRef>>,
    /// By `doc#recommendation`: the responses to it, in paper order.
    pub responses: BTreeMap<String, Vec<ResponseRef>>,
    /// By document id: the inspections, visits and reviews that follow it,
    /// in id order.
    pub followed_by: BTreeMap<String, Vec<String>>,
}

impl Chains {
    pub fn build(documents: &[Arc<Document>], index: &Index) -> Chains {
        let mut chains = Chains::default();
        for doc in documents {
            for f in doc.kind.follows() {
                if let Ok((key, _)) = index.lookup(&f.value, &doc.id) {
                    let list = chains.followed_by.entry(key).or_default();
                    if !list.contains(&doc.id) {
                        list.push(doc.id.clone());
                    }
                }
            }
            for (i, r) in doc.kind.responses().iter().enumerate() {
                if let Ok((key, _)) = index.lookup(&r.to.value, &doc.id) {
                    chains.responses.entry(key).or_default().push(ResponseRef {
                        paper: doc.id.clone(),
                        index: i,
                    });
                }
            }
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
                // Responses and `follows` are gathered above.
                Kind::Home
                | Kind::ListIntro
                | Kind::Page(_)
                | Kind::Inspection(_)
                | Kind::Visit(_)
                | Kind::Review(_)
                | Kind::Meeting(_)
                | Kind::Paper(_)
                | Kind::Risks(_)
                | Kind::Indicator(_) => {}
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

    pub fn responses_to(&self, doc: &str, item: &str) -> &[ResponseRef] {
        self.responses
            .get(&format!("{doc}#{item}"))
            .map_or(&[], Vec::as_slice)
    }

    /// The documents that follow `doc`.
    pub fn following(&self, doc: &str) -> &[String] {
        self.followed_by.get(doc).map_or(&[], Vec::as_slice)
    }
}
