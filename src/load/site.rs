//! `site.yaml`: the site's settings, scales and status labels.

use super::bands::read_risk_bands;
use super::fields::{Fields, parse_rag, scalar_text};
use super::yaml::{Node, Value};
use crate::diagnostics::Code;
use crate::diagnostics::{FileReporter, quote_list, suggest};
use crate::model::shapes;
use crate::model::{
    Areas, Colour, Contact, Grade, Period, Rag, RiskBands, Scale, Settings, StatusLabels,
    builtin_scales,
};

pub fn read_settings(r: &mut FileReporter, root: &Node) -> Settings {
    let mut settings = Settings {
        title: String::new(),
        organisation: None,
        service: None,
        description: None,
        language: "en-GB".into(),
        theme: "default".into(),
        base_url: None,
        today: None,
        scales: builtin_scales(),
        areas: Areas::builtin(),
        statuses: StatusLabels::default(),
        stale_after: Period::months(12),
        risk_bands: RiskBands::default(),
        accessibility_contact: None,
    };
    let Some(mut f) = Fields::of(r, root, &shapes::SITE, "site.yaml") else {
        return settings;
    };
    if let Some(t) = f.required(r, "title", "site.yaml") {
        settings.title = t.value;
    }
    settings.organisation = f.string(r, "organisation");
    settings.service = f.string(r, "service");
    settings.description = f.string(r, "description");
    if let Some(l) = f.string(r, "language") {
        settings.language = l;
    }
    if let Some(t) = f.text(r, "theme") {
        if is_slug(&t.value) {
            settings.theme = t.value;
        } else {
            r.error(Code::BadName, t.loc, format!("`theme: {}` is not a theme name", t.value), Some("a theme name is lower-case letters, digits and `-`: it names the folder themes/<name>/".into()));
        }
    }
    if let Some(u) = f.text(r, "base_url") {
        if u.value.starts_with("http://") || u.value.starts_with("https://") {
            let mut v = u.value;
            if !v.ends_with('/') {
                v.push('/');
            }
            settings.base_url = Some(v);
        } else {
            r.error(
                Code::BadAddress,
                u.loc,
                format!("`base_url: {}` is not a web address", u.value),
                Some("write the full address, e.g. `https://intranet.example/cyp/`".into()),
            );
        }
    }
    settings.today = f.date(r, "today");
    if let Some(p) = f.period(r, "stale_after") {
        settings.stale_after = p;
    }
    if let Some(node) = f.get("scales") {
        read_scales(r, node, &mut settings.scales);
    }
    if let Some(node) = f.get("areas") {
        settings.areas = super::areas::read_areas(r, node);
    }
    if let Some(node) = f.get("statuses") {
        read_status_labels(r, node, &mut settings.statuses);
        for (a, b) in settings.statuses.clashes() {
            r.error(
                Code::DuplicateEntry,
                node.loc,
                format!(
                    "`{}` and `{}` would both be read from the status `{}`",
                    a.name(),
                    b.name(),
                    settings.statuses.label(b)
                ),
                Some("a status may be written as its label, so each label must differ from the other statuses' labels and values".into()),
            );
        }
    }
    if let Some(bands) = f
        .get("risk_bands")
        .and_then(|node| read_risk_bands(r, node))
    {
        settings.risk_bands = bands;
    }
    if let Some(c) = f.text(r, "accessibility_contact") {
        settings.accessibility_contact = Contact::parse(&c.value);
        if settings.accessibility_contact.is_none() {
            r.error(
                Code::BadAddress,
                c.loc,
                format!("`accessibility_contact: {}` is neither an email address nor a web address", c.value.trim()),
                Some("write the address readers ask for an accessible format: an email address (`democratic.services@example.gov.uk`) or the address of a web form, starting https://".into()),
            );
        }
    }
    f.finish(r, "site.yaml");
    settings
}

/// `statuses:` maps any of the five values (in any case) to a label.
fn read_status_labels(r: &mut FileReporter, node: &Node, labels: &mut StatusLabels) {
    let Value::Map(entries) = &node.value else {
        r.error(
            Code::WrongShape,
            node.loc,
            "`statuses` should map statuses to labels, e.g. `blue: Complete`",
            None,
        );
        return;
    };
    for (k, v) in entries {
        match Rag::parse(&k.name) {
            Some(rag) if matches!(v.value, Value::Map(_)) => read_status_style(r, v, rag, labels),
            Some(rag) => {
                if let Some(label) = scalar_text(r, v, &k.name) {
                    labels.set_label(rag, label.value);
                }
            }
            None => r.error(
                Code::UnknownStatus,
                k.loc,
                format!("`{}` is not one of the five statuses", k.name),
                Some(format!(
                    "the statuses are fixed: {}; only their labels change",
                    quote_list(&Rag::NAMES)
                )),
            ),
        }
    }
}

/// `green: { label: On track, colour: "#00703c" }`.
fn read_status_style(r: &mut FileReporter, node: &Node, rag: Rag, labels: &mut StatusLabels) {
    let Some(mut f) = Fields::of(r, node, &shapes::STATUS_STYLE, "a status") else {
        return;
    };
    if let Some(label) = f.string(r, "label") {
        labels.set_label(rag, label);
    }
    if let Some(loc) = f.empty_at("colour") {
        r.error(
            Code::EmptyValue,
            loc,
            "`colour` is empty",
            Some("in YAML `#` starts a comment: put the colour in quotes, e.g. `colour: \"#00703c\"`".into()),
        );
    }
    if let Some(c) = f.text(r, "colour") {
        match Colour::parse(&c.value) {
            Some(colour) => {
                let (text, ratio) = colour.text_on();
                if ratio < 4.5 {
                    r.warning(
                        Code::LowContrast,
                        c.loc,
                        format!("status text on `{colour}` reaches only {ratio:.1}:1 contrast (with {text}); WCAG 2.2 AA asks for 4.5:1"),
                        Some("choose a lighter or darker colour".into()),
                    );
                }
                labels.set_colour(rag, colour);
            }
            None => r.error(
                Code::BadColour,
                c.loc,
                format!("`{}` is not a colour", c.value),
                Some(
                    "write a colour as `\"#rrggbb\"` in quotes, e.g. `colour: \"#00703c\"`".into(),
                ),
            ),
        }
    }
    f.finish(r, &format!("the `{}` status", rag.name()));
}

fn read_scales(r: &mut FileReporter, node: &Node, scales: &mut Vec<Scale>) {
    let Value::Map(entries) = &node.value else {
        r.error(
            Code::WrongShape,
            node.loc,
            "`scales` should map scale names to lists of grades",
            None,
        );
        return;
    };
    for (name, list) in entries {
        if !is_slug(&name.name) {
            r.error(
                Code::BadName,
                name.loc,
                format!("`{}` is not a scale name", name.name),
                Some("use lower-case letters, digits and `-`".into()),
            );
            continue;
        }
        let Value::Seq(items) = &list.value else {
            r.error(
                Code::WrongShape,
                list.loc,
                format!(
                    "scale `{}` should be a list of `{{ grade, rag }}`, best first",
                    name.name
                ),
                None,
            );
            continue;
        };
        let mut grades = Vec::new();
        for item in items {
            let Some(mut g) = Fields::of(r, item, &shapes::GRADE, "a grade") else {
                continue;
            };
            let grade = g.required(r, "grade", "a grade");
            let rag = match g.text(r, "rag") {
                Some(t) => parse_rag(r, &t, "rag", &StatusLabels::default()),
                None => {
                    r.error(
                        Code::MissingField,
                        item.loc,
                        "a grade has no `rag`",
                        Some("add `rag: green`, `amber` or `red`: the colour it shows in".into()),
                    );
                    None
                }
            };
            g.finish(r, "a grade");
            if let (Some(grade), Some(rag)) = (grade, rag) {
                grades.push(Grade {
                    grade: grade.value,
                    rag,
                });
            }
        }
        if grades.is_empty() {
            r.error(
                Code::EmptyValue,
                list.loc,
                format!("scale `{}` has no grades", name.name),
                None,
            );
            continue;
        }
        let scale = Scale {
            name: name.name.clone(),
            grades,
        };
        match scales.iter_mut().find(|s| s.name == scale.name) {
            Some(existing) => *existing = scale,
            None => scales.push(scale),
        }
    }
}

/// Lower-case letters, digits and `-`, not starting or ending with `-`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What a name would be as a slug, for the help text.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// A hint listing the scales, for an unknown `scale:`.
pub fn scale_help(name: &str, scales: &[Scale]) -> Option<String> {
    suggest(name, scales.iter().map(|s| s.name.as_str()), "known scales")
}
