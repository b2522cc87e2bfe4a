//! Findings in the words of a form. The core's messages name inputs by their paths
//! (`grants[0].privileges`), which is what the CLI and an input file show. A form shows
//! labels and positions instead ("Grants 1 › Privileges"), and it shows each field's help
//! beside the field, so a finding should not repeat that help.

use crate::finding::{Finding, Lang};
use crate::plan::input::{FieldKind, FieldSpec, RecordSpec};
use crate::plan::ScenarioSpec;
use crate::tr;

/// The code of a required input that has no value (missing, `null` or empty).
pub(crate) const MISSING_INPUT: &str = "PL004";

/// How the form names the input at `path`: "DataWorks account ID", "Grants 1 › Privileges",
/// "Grants 1 › Privileges, item 2". `None` when the path names no declared field.
pub fn field_label(spec: &ScenarioSpec, path: &str, lang: Lang) -> Option<String> {
    let (name, rest) = split_name(path);
    let field = spec.fields.iter().find(|f| f.name == name)?;
    let label = lang.pick(field.label_en, field.label_zh);
    if rest.is_empty() {
        return Some(label.to_owned());
    }
    let (index, rest) = split_index(rest)?;
    match &field.kind {
        FieldKind::Records(record) => {
            let sub_fields = record.fields;
            let group = record.item_label(index + 1, lang);
            let Some(rest) = rest.strip_prefix('.') else {
                return rest.is_empty().then_some(group);
            };
            let (sub_name, sub_rest) = split_name(rest);
            let sub = sub_fields.iter().find(|f| f.name == sub_name)?;
            let sub_label = lang.pick(sub.label_en, sub.label_zh);
            let named = format!("{group} › {sub_label}");
            if sub_rest.is_empty() {
                return Some(named);
            }
            let (item, tail) = split_index(sub_rest)?;
            tail.is_empty().then(|| item_label(&named, item, lang))
        }
        FieldKind::StringList => rest.is_empty().then(|| item_label(label, index, lang)),
        _ => None,
    }
}

fn item_label(label: &str, index: usize, lang: Lang) -> String {
    tr!(
        lang,
        format!("{label}, item {}", index + 1),
        format!("{label}，第 {} 项", index + 1)
    )
}

/// `grants[0].x` -> (`grants`, `[0].x`).
fn split_name(path: &str) -> (&str, &str) {
    let end = path.find(['[', '.']).unwrap_or(path.len());
    (
        path.get(..end).unwrap_or(path),
        path.get(end..).unwrap_or(""),
    )
}

/// `[3].x` -> (3, `.x`).
fn split_index(rest: &str) -> Option<(usize, &str)> {
    let inner = rest.strip_prefix('[')?;
    let close = inner.find(']')?;
    let index = inner.get(..close)?.parse().ok()?;
    Some((index, inner.get(close + 1..)?))
}

/// The findings as a form shows them: every input path quoted in a message or help becomes
/// the label the form shows, in quotation marks, and a help text that only repeats the
/// field's own help (shown under the field) is dropped.
pub fn for_form(findings: &[Finding], spec: &ScenarioSpec, lang: Lang) -> Vec<Finding> {
    findings
        .iter()
        .map(|finding| {
            let mut shown = finding.clone();
            shown.message = relabel(&finding.message, spec, lang);
            let own_help = finding
                .field()
                .and_then(|path| field_spec(spec, path))
                .map(|field| lang.pick(field.help_en, field.help_zh));
            shown.help = finding
                .help
                .as_deref()
                .filter(|help| Some(*help) != own_help)
                .map(|help| relabel(help, spec, lang));
            shown
        })
        .collect()
}

/// Whether a finding says a required input has no value yet: a form need not call that an
/// error before the person has been to the field.
pub fn is_missing_input(finding: &Finding) -> bool {
    finding.code == MISSING_INPUT
}

/// The declared field a path names (a sub-field for a record path).
fn field_spec<'s>(spec: &'s ScenarioSpec, path: &str) -> Option<&'s FieldSpec> {
    let (name, rest) = split_name(path);
    let field = spec.fields.iter().find(|f| f.name == name)?;
    if rest.is_empty() {
        return Some(field);
    }
    let FieldKind::Records(RecordSpec {
        fields: sub_fields, ..
    }) = &field.kind
    else {
        return Some(field);
    };
    let (_, rest) = split_index(rest)?;
    let (sub_name, _) = split_name(rest.strip_prefix('.')?);
    sub_fields.iter().find(|f| f.name == sub_name)
}

/// Replaces each `` `path` `` that names an input with “label”.
fn relabel(text: &str, spec: &ScenarioSpec, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
            continue;
        }
        match field_label(spec, part, lang) {
            Some(label) => {
                out.push('“');
                out.push_str(&label);
                out.push('”');
            }
            None => {
                out.push('`');
                out.push_str(part);
                out.push('`');
            }
        }
    }
    // An odd number of backticks leaves the last one unpaired; keep the text as it was.
    if text.matches('`').count() % 2 == 1 {
        return text.to_owned();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{plan, scenario};

    #[test]
    fn paths_become_the_labels_the_form_shows() {
        let spec = scenario("dataworks-maxcompute").unwrap();
        assert_eq!(
            field_label(spec, "dataworks_account_uid", Lang::En).as_deref(),
            Some(spec.fields[0].label_en)
        );
        let grants = spec.fields.iter().find(|f| f.name == "grants").unwrap();
        let privileges = match &grants.kind {
            FieldKind::Records(RecordSpec { fields: sub, .. }) => {
                sub.iter().find(|f| f.name == "privileges").unwrap()
            }
            _ => panic!("grants is a list of records"),
        };
        assert_eq!(
            field_label(spec, "grants[0].privileges", Lang::En),
            Some(format!("Grant 1 › {}", privileges.label_en))
        );
        assert_eq!(
            field_label(spec, "grants[1].privileges[2]", Lang::En),
            Some(format!("Grant 2 › {}, item 3", privileges.label_en))
        );
        assert_eq!(
            field_label(spec, "grants[1]", Lang::Zh),
            Some("授权 第 2 项".to_owned())
        );
        assert_eq!(field_label(spec, "nothing", Lang::En), None);
        assert_eq!(field_label(spec, "grants[x]", Lang::En), None);
    }

    #[test]
    fn a_fresh_form_names_fields_by_label_and_does_not_repeat_their_help() {
        let spec = scenario("dataworks-maxcompute").unwrap();
        let plan = plan(spec.id, "{}", Lang::En).unwrap();
        let shown = for_form(&plan.findings, spec, Lang::En);
        let missing: Vec<&Finding> = shown.iter().filter(|f| is_missing_input(f)).collect();
        assert!(!missing.is_empty());
        for finding in &missing {
            assert!(
                !finding.message.contains("dataworks_account_uid"),
                "{}",
                finding.message
            );
            assert!(finding.message.contains('“'), "{}", finding.message);
            assert_eq!(finding.help, None, "{}", finding.message);
        }
        // The CLI's findings keep the paths.
        assert!(plan
            .findings
            .iter()
            .any(|f| f.message.contains("`dataworks_account_uid`")));
    }

    #[test]
    fn text_that_names_no_input_is_left_alone() {
        let spec = scenario("dataworks-maxcompute").unwrap();
        assert_eq!(
            relabel("use `Select` on `x`", spec, Lang::En),
            "use `Select` on `x`"
        );
        assert_eq!(relabel("odd ` tick", spec, Lang::En), "odd ` tick");
    }
}
