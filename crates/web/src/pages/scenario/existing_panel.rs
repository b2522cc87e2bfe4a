//! "Check an existing setup" on a scenario page: the person pastes the trust policy (and the
//! custom permission policy, where the scenario has one) a role has today, and the core's
//! `check_existing` compares them with what the scenario needs for the form's current
//! values. Shown: whether the setup satisfies the scenario, each difference in the
//! scenario's words with its document and line:column (selecting one selects it in the
//! pasted text), the checks that ran, and the linter's findings for each document.
//!
//! Pasted text lives in the page state only: never in storage, drafts or links. A document
//! that holds what looks like a credential is refused by the core (PL702) and not read.

use std::rc::Rc;

use ramplan_core::plan::existing::{check_existing, DocumentKind, DocumentReport, ExistingReport};
use ramplan_core::plan::{scenario, Check, CheckResult, Expectation, ExpectedDocument};
use ramplan_core::position::TextRange;
use ramplan_core::{Lang, LintReport, Severity};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::strings;
use crate::editor_selection::select_range;
use crate::i18n;
use crate::pages::scenario::form::FormHandle;
use crate::state::{DocumentSlot, ExistingAction, ExistingHandle, PageHandle};
use crate::widgets::finding_item::{with_code, FindingItem};
use strings::ExistingStrings;

/// The slots to paste in, one per document the scenario compares.
fn slots(expected: &[ExpectedDocument]) -> Vec<DocumentSlot> {
    expected.iter().map(|d| DocumentSlot::of(d.kind)).collect()
}

#[derive(Properties, PartialEq)]
pub struct ExistingPanelProps {
    pub setup: ExistingHandle,
    /// What the scenario compares, from the last plan without errors; `None` before one.
    pub expected: Option<Vec<ExpectedDocument>>,
}

#[component]
pub fn ExistingPanel(props: &ExistingPanelProps) -> Html {
    let trust_area = use_node_ref();
    let permission_area = use_node_ref();
    let page = use_context::<PageHandle>();
    let form = use_context::<FormHandle>();
    let lang = page.as_ref().map(|page| page.lang).unwrap_or_default();
    let slots = props.expected.as_deref().map(slots).unwrap_or_default();
    let documents = props.setup.documents(&slots);
    // Nothing to compare until something is pasted, unless the scenario has no document.
    let run = props.expected.is_some() && (slots.is_empty() || !documents.is_empty());
    let input = form.as_ref().and_then(|form| {
        let spec = scenario(form.scenario)?;
        Some((spec.id, form.input_json(spec)))
    });
    // Derived, never stored: recomputed when the form, a pasted text, a kind or the
    // language change.
    let report: Rc<Option<ExistingReport>> = use_memo(
        (input, documents.clone(), lang, run),
        |(input, documents, lang, run)| {
            let (id, json) = input.as_ref().filter(|_| *run)?;
            let documents: Vec<_> = documents.iter().map(|(_, d)| d.clone()).collect();
            check_existing(id, json, &documents, *lang).ok()
        },
    );
    if page.is_none() || form.is_none() {
        return Html::default();
    }
    let access = strings::existing_strings(lang);
    let area = |slot: DocumentSlot| match slot {
        DocumentSlot::Trust => trust_area.clone(),
        DocumentSlot::Permission => permission_area.clone(),
    };
    // Selects a range of one pasted document, found by the name findings call it.
    let select_in = |name: &str| -> Option<Callback<TextRange>> {
        let slot = DocumentSlot::ALL
            .into_iter()
            .find(|s| s.file_name() == name)?;
        let node = area(slot);
        let text = props.setup.get(slot).text.clone();
        Some(Callback::from(move |range: TextRange| {
            select_range(&node, &text, range)
        }))
    };
    // The report's documents, beside the slot each was pasted in.
    let reports: Vec<(DocumentSlot, &DocumentReport)> = match report.as_ref() {
        Some(report) => documents
            .iter()
            .map(|(slot, _)| *slot)
            .zip(report.documents.iter())
            .collect(),
        None => Vec::new(),
    };
    let inputs: Html = match &props.expected {
        // The status line says to fill in the form first; nothing to paste yet.
        None => Html::default(),
        Some(_) if slots.is_empty() => {
            html! { <p id="existing-nothing" class="hint existing-note">{ access.existing_nothing_to_paste }</p> }
        }
        Some(expected) => slots
            .iter()
            .map(|&slot| {
                let detected = reports
                    .iter()
                    .find(|(s, _)| *s == slot)
                    .map(|(_, document)| *document);
                document_input(
                    slot,
                    expected,
                    &props.setup,
                    area(slot),
                    detected,
                    access,
                    lang,
                )
            })
            .collect(),
    };
    let credential = report
        .as_ref()
        .as_ref()
        .is_some_and(ExistingReport::refused_credential);
    // Always one node, so the text areas after it are never re-created (losing the focus)
    // when the alert comes or goes.
    let alert = if credential {
        html! {
            <div id="existing-credential" class="credential-alert" role="alert">
                <p class="credential-alert-text">{ access.existing_credential }</p>
            </div>
        }
    } else {
        Html::default()
    };
    let body = report
        .as_ref()
        .as_ref()
        .map(|report| {
            let differences = differences(report, &select_in, access);
            let checks = checks(&report.checks, access, lang);
            let lint = reports
                .iter()
                .map(|(slot, document)| lint(document, select_in(slot.file_name()), access, lang));
            let lint = (!reports.is_empty()).then(|| {
                html! {
                    <>
                        <h4 class="sub-heading">{ access.existing_lint }</h4>
                        { for lint }
                    </>
                }
            });
            html! { <>{ differences }{ checks }{ lint }</> }
        })
        .unwrap_or_default();
    html! {
        <section id="existing" class="existing" aria-labelledby="existing-heading">
            <h3 id="existing-heading" class="pane-heading" tabindex="-1">{ access.mode_existing }</h3>
            <p class="hint">{ access.existing_intro }</p>
            <p id="existing-privacy" class="hint existing-privacy">{ access.existing_privacy }</p>
            { alert }
            <form class="existing-form" novalidate=true autocomplete="off"
                onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { inputs }
            </form>
            { status(report.as_ref().as_ref(), props.expected.is_some(), access, lang) }
            { body }
        </section>
    }
}

fn document_input(
    slot: DocumentSlot,
    expected: &[ExpectedDocument],
    setup: &ExistingHandle,
    node: NodeRef,
    detected: Option<&DocumentReport>,
    access: &ExistingStrings,
    lang: Lang,
) -> Html {
    let strings = i18n::strings(lang);
    let role = expected
        .iter()
        .find(|d| DocumentSlot::of(d.kind) == slot)
        .map_or("", |d| d.role.as_str());
    let (label, place) = match slot {
        DocumentSlot::Trust => (
            strings::existing_trust_label(role, lang),
            access.existing_trust_where,
        ),
        DocumentSlot::Permission => (
            strings::existing_permission_label(role, lang),
            access.existing_permission_where,
        ),
    };
    let id = format!("existing-{}", slot.id());
    let help_id = format!("{id}-help");
    let kind_id = format!("{id}-kind");
    let pasted = setup.get(slot);
    let oninput = {
        let setup = setup.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                setup.dispatch(ExistingAction::Paste(slot, area.value()));
            }
        })
    };
    let onchange = {
        let setup = setup.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let kind = match select.value().as_str() {
                    "trust" => Some(DocumentKind::Trust),
                    "permission" => Some(DocumentKind::Permission),
                    _ => None,
                };
                setup.dispatch(ExistingAction::ChooseKind(slot, kind));
            }
        })
    };
    let options = [
        (None, "", access.existing_guess),
        (Some(DocumentKind::Trust), "trust", strings.kind_trust),
        (
            Some(DocumentKind::Permission),
            "permission",
            strings.kind_permission,
        ),
    ]
    .into_iter()
    .map(|(kind, value, text)| {
        html! { <option {value} selected={pasted.kind == kind}>{ text }</option> }
    });
    let detected = detected
        .filter(|d| d.kind_guessed)
        .and_then(|d| d.kind)
        .map(|kind| {
            html! {
                <span class="kind-detected" data-kind={kind.policy_kind().as_str()}>
                    { format!("{}{}", strings.detected, lang.pick(": ", "：")) }
                    <strong>{ i18n::kind_name(kind.policy_kind(), lang) }</strong>
                </span>
            }
        });
    html! {
        <div class="existing-document" data-slot={slot.id()}>
            <label for={id.clone()} class="existing-label">{ with_code(&label) }</label>
            <p id={help_id.clone()} class="field-help">{ place }</p>
            <textarea
                id={id}
                class="existing-input"
                ref={node}
                rows="10"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
                aria-describedby={format!("{help_id} existing-privacy")}
                value={pasted.text.clone()}
                {oninput}
            />
            <div class="kind-picker existing-kind">
                <label for={kind_id.clone()}>{ access.existing_read_as }</label>
                <select id={kind_id} {onchange}>{ for options }</select>
                { detected }
            </div>
        </div>
    }
}

/// Satisfied or not, announced as it changes; the page's guidance while there is no report.
fn status(
    report: Option<&ExistingReport>,
    expected: bool,
    access: &ExistingStrings,
    lang: Lang,
) -> Html {
    let (state, text) = match report {
        None if !expected => ("waiting", access.existing_fill_form.to_owned()),
        None => ("waiting", access.existing_paste_prompt.to_owned()),
        Some(r) if !r.input_findings.is_empty() => (
            "input-errors",
            strings::existing_input_errors(r.input_findings.len(), lang),
        ),
        Some(r) if r.satisfied => ("satisfied", access.existing_satisfied.to_owned()),
        Some(r) => {
            let errors = r
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            (
                "not-satisfied",
                strings::existing_not_satisfied(errors, lang),
            )
        }
    };
    let satisfied = match state {
        "satisfied" => "true",
        "waiting" => "",
        _ => "false",
    };
    html! {
        <p
            id="existing-status"
            class={classes!("plan-status", "existing-status", if satisfied == "true" { "plan-ready" } else if satisfied.is_empty() { "existing-waiting" } else { "plan-not-ready" })}
            role="status"
            aria-live="polite"
            aria-atomic="true"
            data-state={state}
            data-satisfied={satisfied}
        >
            { text }
        </p>
    }
}

fn differences(
    report: &ExistingReport,
    select_in: &dyn Fn(&str) -> Option<Callback<TextRange>>,
    access: &ExistingStrings,
) -> Html {
    if !report.input_findings.is_empty() {
        return Html::default();
    }
    let items: Vec<Html> = report
        .findings
        .iter()
        .map(|finding| {
            let on_select = finding.document().and_then(select_in);
            html! {
                <FindingItem
                    finding={finding.clone()}
                    {on_select}
                    class="existing-finding"
                    whole={AttrValue::from(access.existing_setup)}
                />
            }
        })
        .collect();
    let list = if items.is_empty() {
        html! { <p id="existing-no-differences" class="no-findings">{ access.existing_no_differences }</p> }
    } else {
        html! { <ol id="existing-findings" class="findings">{ for items }</ol> }
    };
    html! {
        <>
            <h4 class="sub-heading">{ access.existing_differences }</h4>
            { list }
        </>
    }
}

fn checks(checks: &[Check], access: &ExistingStrings, lang: Lang) -> Html {
    if checks.is_empty() {
        return Html::default();
    }
    let items = checks.iter().map(|check| {
        let (result, symbol, words) = match check.result {
            CheckResult::Passed => ("passed", "✓", access.existing_passed),
            CheckResult::Failed => ("failed", "✗", access.existing_failed),
            CheckResult::NotEvaluated => ("not-evaluated", "○", access.existing_not_evaluated),
        };
        let kind = match check.expectation {
            Expectation::Assume { .. } => "assume",
            Expectation::NoAssume { .. } => "no-assume",
            Expectation::Allow { .. } => "allow",
            Expectation::Deny { .. } => "deny",
            Expectation::SystemPolicy { .. } => "system-policy",
            Expectation::Outside { .. } => "outside",
        };
        html! {
            <li class={classes!("existing-check", format!("existing-check-{result}"))} data-result={result} data-kind={kind}>
                <span class="sim-mark" aria-hidden="true">{ symbol }</span>
                <span class="visually-hidden">{ format!("{words}{}", lang.pick(": ", "：")) }</span>
                <span class="existing-check-what">{ with_code(&check.expectation.describe(lang)) }</span>
                <span class="existing-check-why">{ with_code(&check.explanation) }</span>
            </li>
        }
    });
    html! {
        <>
            <h4 class="sub-heading">{ access.existing_checks }</h4>
            <ul id="existing-checks" class="existing-checks">{ for items }</ul>
        </>
    }
}

/// One document's lint findings, as the checker shows them.
fn lint(
    document: &DocumentReport,
    on_select: Option<Callback<TextRange>>,
    access: &ExistingStrings,
    lang: Lang,
) -> Html {
    let on_select = on_select.unwrap_or_default();
    let summary = match document.kind {
        None => access.existing_not_read.to_owned(),
        Some(kind) => {
            let report = LintReport {
                kind: kind.policy_kind(),
                kind_guessed: document.kind_guessed,
                findings: document.lint.clone(),
                ..LintReport::default()
            };
            format!(
                "{}{}{}",
                i18n::counts(&report, lang),
                lang.pick(" · ", " · "),
                i18n::kind_summary(&report, lang)
            )
        }
    };
    let items = document.lint.iter().map(|finding| {
        html! { <FindingItem finding={finding.clone()} on_select={on_select.clone()} /> }
    });
    let list = (!document.lint.is_empty())
        .then(|| html! { <ol class="findings existing-lint-findings">{ for items }</ol> });
    html! {
        <div class="existing-lint" data-document={document.name.clone()}>
            <p class="existing-lint-head">
                <code>{ document.name.clone() }</code>
                { format!("{}{summary}", lang.pick(": ", "：")) }
            </p>
            { list }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ramplan_core::plan::plan;

    #[test]
    fn a_slot_for_each_document_the_plan_compares() {
        let emr = r#"{"dataworks_account_uid": "1234567890123456", "resource_account_uid": "6543210987654321", "region": "cn-hangzhou", "emr_cluster_id": "C-A510C0FD3FCC1234", "emr_version": "V3.38.3"}"#;
        let expected = plan("dataworks-emr", emr, Lang::En)
            .unwrap()
            .expected_documents();
        assert_eq!(slots(&expected.unwrap()), [DocumentSlot::Trust]);
        let ecs = r#"{"emr_version": "V5.16.0", "oss_buckets": [{"bucket": "examplebucket", "access": "read-only"}]}"#;
        let expected = plan("emr-ecs-role", ecs, Lang::En)
            .unwrap()
            .expected_documents();
        assert_eq!(
            slots(&expected.unwrap()),
            [DocumentSlot::Trust, DocumentSlot::Permission]
        );
    }
}
