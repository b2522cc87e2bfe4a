//! The plan's steps as a checklist: whose console, where, what to fill in and paste. The
//! ticks belong to the scenario page, which remembers them in this browser.

use std::collections::BTreeSet;
use std::rc::Rc;

use ramplan_core::plan::{Account, Plan, Step};
use ramplan_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::pages::scenario::PlanContext;
use crate::state::PageHandle;
use crate::widgets::copy_download::CopyDownload;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    /// The numbers of the steps ticked done.
    pub ticks: BTreeSet<usize>,
    /// A step ticked (`true`) or unticked, by number.
    pub on_tick: Callback<(usize, bool)>,
}

#[component]
pub fn StepList(props: &StepListProps) -> Html {
    let (Some(page), Some(plan)) = (use_context::<PageHandle>(), use_context::<PlanContext>())
    else {
        return Html::default();
    };
    if plan.steps.is_empty() {
        return Html::default();
    }
    let lang = page.lang;
    let page_strings = strings::scenario_strings(lang);
    let done = plan
        .steps
        .iter()
        .filter(|step| props.ticks.contains(&step.number))
        .count();
    let steps = plan.steps.iter().map(|step| {
        let id = format!("step-{}", step.number);
        let ticked = props.ticks.contains(&step.number);
        let onchange = {
            let on_tick = props.on_tick.clone();
            let number = step.number;
            Callback::from(move |event: Event| {
                if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                    on_tick.emit((number, input.checked()));
                }
            })
        };
        html! {
            <li class="step" data-step={step.number.to_string()}>
                <div class="step-head">
                    <input type="checkbox" id={id.clone()} class="step-done" checked={ticked} {onchange} />
                    <label for={id}>
                        <span class="step-number">{ i18n::step_number(step.number, lang) }</span>
                        <span class="step-title">{ with_code(&step.title) }</span>
                    </label>
                </div>
                { step_details(step, &plan, lang, false) }
            </li>
        }
    });
    html! {
        <section class="steps-section" aria-labelledby="steps-heading">
            <h4 id="steps-heading" class="sub-heading">{ page_strings.steps_heading }</h4>
            <p class="hint">{ page_strings.steps_hint }</p>
            <p id="steps-progress" class="steps-progress" role="status" aria-live="polite"
                data-done={done.to_string()} data-total={plan.steps.len().to_string()}>
                { i18n::steps_done(done, plan.steps.len(), lang) }
            </p>
            <ol id="steps" class="steps">{ for steps }</ol>
        </section>
    }
}

/// Everything about a step but its heading: where, what to do, the values, the files, the
/// check and the cautions. `with_files` shows each file's whole text under its name, for
/// the printed runbook.
pub fn step_details(step: &Step, plan: &Plan, lang: Lang, with_files: bool) -> Html {
    let page_strings = strings::scenario_strings(lang);
    let account = match step.account {
        Account::Resource => page_strings.account_resource,
        Account::Dataworks => page_strings.account_dataworks,
        Account::Own => page_strings.account_own,
    };
    let files = |label: &str, ids: &[String]| -> Option<Html> {
        if ids.is_empty() {
            return None;
        }
        let names = ids.iter().map(|id| {
            let name = plan
                .artifact(id)
                .map_or_else(|| id.clone(), |artifact| artifact.filename.clone());
            html! { <code class="step-file">{ name }</code> }
        });
        // Printed, each file's whole text follows; on screen, each file opens under the
        // step, with Copy and Download right there.
        let contents = ids.iter().filter_map(|id| plan.artifact(id)).map(|artifact| {
            if with_files {
                return html! {
                    <pre class="runbook-file" data-artifact={artifact.id.clone()}><code>{ artifact.content.clone() }</code></pre>
                };
            }
            let text: Rc<str> = Rc::from(artifact.content.as_str());
            let id = format!("step-{}-{}", step.number, artifact.id);
            html! {
                <details class="step-file-view" data-artifact={artifact.id.clone()} id={id.clone()}>
                    <summary>{ strings::show_file(&artifact.filename, lang) }</summary>
                    <CopyDownload id={id} {text} filename={AttrValue::from(artifact.filename.clone())} />
                    <pre class="step-file-text"><code>{ artifact.content.clone() }</code></pre>
                </details>
            }
        });
        Some(html! {
            <>
                <p class="step-part"><span class="step-part-label">{ label.to_owned() }</span>{ for names }</p>
                { for contents }
            </>
        })
    };
    let parameters = (!step.parameters.is_empty()).then(|| {
        let rows = step.parameters.iter().map(|p| {
            html! { <><dt>{ p.name.clone() }</dt><dd><code>{ p.value.clone() }</code></dd></> }
        });
        html! {
            <div class="step-part">
                <span class="step-part-label">{ page_strings.step_values }</span>
                <dl class="step-parameters">{ for rows }</dl>
            </div>
        }
    });
    let verify = step.verification.as_deref().map(|text| html! {
        <p class="step-part"><span class="step-part-label">{ page_strings.step_verify }</span>{ with_code(text) }</p>
    });
    let cautions = step.cautions.iter().map(|text| html! {
        <p class="step-part step-caution"><span class="step-part-label">{ page_strings.step_caution }</span>{ with_code(text) }</p>
    });
    html! {
        <>
            <p class="step-where">
                <span class="step-account">{ account }</span>
                <span class="step-part-label">{ page_strings.step_where }</span>
                { with_code(&step.location) }
            </p>
            <p class="step-instructions">{ with_code(&step.instructions) }</p>
            { parameters }
            { files(page_strings.step_paste, &step.artifacts) }
            { files(page_strings.step_compare, &step.compare) }
            { verify }
            { for cautions }
        </>
    }
}
