//! Grade scales: the built-in ones, best grade first, and any a site adds.

use super::Rag;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Grade {
    pub grade: String,
    pub rag: Rag,
}

#[derive(Debug, Clone, Serialize)]
pub struct Scale {
    pub name: String,
    pub grades: Vec<Grade>,
}

impl Scale {
    /// The grade as written on the scale, matched without regard to case.
    pub fn find(&self, grade: &str) -> Option<&Grade> {
        let g = grade.trim();
        self.grades.iter().find(|x| x.grade.eq_ignore_ascii_case(g))
    }

    /// 0 is the best grade.
    pub fn rank(&self, grade: &str) -> Option<usize> {
        let g = grade.trim();
        self.grades
            .iter()
            .position(|x| x.grade.eq_ignore_ascii_case(g))
    }

    pub fn grade_names(&self) -> Vec<&str> {
        self.grades.iter().map(|g| g.grade.as_str()).collect()
    }
}

fn scale(name: &str, grades: &[(&str, Rag)]) -> Scale {
    Scale {
        name: name.to_string(),
        grades: grades
            .iter()
            .map(|(g, r)| Grade {
                grade: g.to_string(),
                rag: *r,
            })
            .collect(),
    }
}

pub fn builtin_scales() -> Vec<Scale> {
    use Rag::*;
    let four = |name: &str| {
        scale(
            name,
            &[
                ("Outstanding", Green),
                ("Good", Green),
                ("Requires improvement", Amber),
                ("Inadequate", Red),
            ],
        )
    };
    vec![
        scale(
            "ofsted-ilacs",
            &[
                ("Outstanding", Green),
                ("Good", Green),
                ("Requires improvement to be good", Amber),
                ("Inadequate", Red),
            ],
        ),
        four("ofsted"),
        four("cqc"),
        four("hmip"),
        scale(
            "send-area",
            &[
                ("Positive experiences and outcomes", Green),
                ("Inconsistent experiences and outcomes", Amber),
                ("Widespread and/or systemic failings", Red),
            ],
        ),
    ]
}
