//! The plan as a document for paper: every step with its values, the whole text of each file
//! where the step pastes it, the checks and cautions, then the files no step pastes and what
//! the sources do not confirm. Hidden on screen; the print style sheet shows it instead of
//! the form and the tabs. It follows the same order as the core's `runbook.md`.

use std::collections::BTreeSet;

use ramplan_core::plan::{scenario, ArtifactKind, Plan};
use ramplan_core::Severity;
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::pages::scenario::step_list::step_details;
use crate::pages::scenario::PlanContext;
use crate::state::PageHandle;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct PrintRunbookProps {
    /// Steps ticked done, printed as ticked boxes.
    pub ticks: BTreeSet<usize>,
}

#[component]
pub fn PrintRunbook(props: &PrintRunbookProps) -> Html {
    let (Some(page), Some(plan)) = (use_context::<PageHandle>(), use_context::<PlanContext>())
    else {
        return Html::default();
    };
    let lang = page.lang;
    let page_strings = strings::scenario_strings(lang);
    let errors = plan
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        // A plan with errors has no steps or files: the printout says why.
        return html! {
            <section id="print-runbook" class="print-runbook">
                <p class="runbook-not-ready">{ i18n::plan_not_ready(errors, lang) }</p>
            </section>
        };
    }
    let meta = scenario(plan.scenario).map(|spec| {
        html! {
            <p class="runbook-meta">
                { format!("{} ", page_strings.runbook_scenario) }<code>{ spec.id }</code>
                { format!(" · {} · {}{}", i18n::catalogue(lang), page_strings.runbook_source, lang.pick(": ", "：")) }
                { spec.source }
            </p>
        }
    });
    let notes: Vec<Html> = plan
        .findings
        .iter()
        .map(|finding| {
            let help = finding.help.as_deref().map(|help| {
                html! { <span class="finding-help">{ with_code(help) }</span> }
            });
            html! {
                <li data-code={finding.code}>
                    <strong>{ finding.severity.label(lang) }</strong>{ " " }
                    { with_code(&finding.message) }
                    { help }
                </li>
            }
        })
        .collect();
    let notes = (!notes.is_empty()).then(|| {
        html! {
            <>
                <h4 class="runbook-heading">{ page_strings.runbook_before }</h4>
                <ul class="runbook-notes">{ for notes }</ul>
            </>
        }
    });
    let steps = plan.steps.iter().map(|step| {
        let ticked = props.ticks.contains(&step.number);
        html! {
            <li class="runbook-step" data-step={step.number.to_string()}>
                <h5 class="runbook-step-title">
                    <span class={classes!("print-box", ticked.then_some("print-box-ticked"))} aria-hidden="true"></span>
                    <span class="step-number">{ i18n::step_number(step.number, lang) }</span>
                    { with_code(&step.title) }
                </h5>
                { step_details(step, &plan, lang, true) }
            </li>
        }
    });
    let other_files: Vec<Html> = unpasted(&plan)
        .map(|artifact| {
            html! {
                <div class="runbook-other-file">
                    <p class="step-part"><code class="step-file">{ artifact.filename.clone() }</code>{ with_code(&artifact.title) }</p>
                    <pre class="runbook-file" data-artifact={artifact.id.clone()}><code>{ artifact.content.clone() }</code></pre>
                </div>
            }
        })
        .collect();
    let other_files = (!other_files.is_empty()).then(|| {
        html! {
            <>
                <h4 class="runbook-heading">{ page_strings.runbook_other_files }</h4>
                { for other_files }
            </>
        }
    });
    let unconfirmed = (!plan.unconfirmed.is_empty()).then(|| {
        let items = plan.unconfirmed.iter().map(|item| {
            html! {
                <li>
                    <strong>{ item.about.clone() }</strong>{ " " }{ with_code(&item.assumption) }
                    { format!(" ({}{}", page_strings.runbook_source, lang.pick(": ", "：")) }{ item.source.clone() }{ ")" }
                </li>
            }
        });
        html! {
            <>
                <h4 class="runbook-heading">{ page_strings.runbook_unconfirmed }</h4>
                <ul class="runbook-notes">{ for items }</ul>
            </>
        }
    });
    html! {
        <section id="print-runbook" class="print-runbook" aria-labelledby="print-runbook-heading">
            <h3 id="print-runbook-heading" class="runbook-title">{ page_strings.runbook_heading }</h3>
            { meta }
            { notes }
            <h4 class="runbook-heading">{ page_strings.steps_heading }</h4>
            <ol class="runbook-steps">{ for steps }</ol>
            { other_files }
            { unconfirmed }
        </section>
    }
}

/// Files that no step pastes or compares, other than the runbook itself (this document).
fn unpasted(plan: &Plan) -> impl Iterator<Item = &ramplan_core::plan::Artifact> {
    plan.artifacts.iter().filter(|artifact| {
        artifact.kind != ArtifactKind::Runbook
            && !plan.steps.iter().any(|step| {
                step.artifacts.contains(&artifact.id) || step.compare.contains(&artifact.id)
            })
    })
}
