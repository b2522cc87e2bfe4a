//! The plan's steps as a checklist: whose console, where, what to fill in and paste.

use ramplan_core::plan::{Account, Plan};
use yew::prelude::*;

use super::finding_item::with_code;
use super::scenario_page::PlanContext;
use crate::i18n;
use crate::state::PageHandle;

#[component]
pub fn StepList() -> Html {
    let (Some(page), Some(plan)) = (use_context::<PageHandle>(), use_context::<PlanContext>())
    else {
        return Html::default();
    };
    if plan.steps.is_empty() {
        return Html::default();
    }
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let titles = |ids: &[String]| -> Html {
        ids.iter()
            .map(|id| {
                let name = artifact_name(&plan, id);
                html! { <code class="step-file">{ name }</code> }
            })
            .collect()
    };
    let steps = plan.steps.iter().map(|step| {
        let id = format!("step-{}", step.number);
        let account = match step.account {
            Account::Resource => strings.account_resource,
            Account::Dataworks => strings.account_dataworks,
            Account::Own => strings.account_own,
        };
        let parameters = (!step.parameters.is_empty()).then(|| {
            let rows = step.parameters.iter().map(|p| {
                html! { <><dt>{ p.name.clone() }</dt><dd><code>{ p.value.clone() }</code></dd></> }
            });
            html! {
                <div class="step-part">
                    <span class="step-part-label">{ strings.step_values }</span>
                    <dl class="step-parameters">{ for rows }</dl>
                </div>
            }
        });
        let paste = (!step.artifacts.is_empty()).then(|| html! {
            <p class="step-part"><span class="step-part-label">{ strings.step_paste }</span>{ titles(&step.artifacts) }</p>
        });
        let compare = (!step.compare.is_empty()).then(|| html! {
            <p class="step-part"><span class="step-part-label">{ strings.step_compare }</span>{ titles(&step.compare) }</p>
        });
        let verify = step.verification.as_deref().map(|text| html! {
            <p class="step-part"><span class="step-part-label">{ strings.step_verify }</span>{ with_code(text) }</p>
        });
        let cautions = step.cautions.iter().map(|text| html! {
            <p class="step-part step-caution"><span class="step-part-label">{ strings.step_caution }</span>{ with_code(text) }</p>
        });
        html! {
            <li class="step" data-step={step.number.to_string()}>
                <div class="step-head">
                    <input type="checkbox" id={id.clone()} class="step-done" />
                    <label for={id}>
                        <span class="step-number">{ i18n::step_number(step.number, lang) }</span>
                        <span class="step-title">{ with_code(&step.title) }</span>
                    </label>
                </div>
                <p class="step-where">
                    <span class="step-account">{ account }</span>
                    <span class="step-part-label">{ strings.step_where }</span>
                    { with_code(&step.location) }
                </p>
                <p class="step-instructions">{ with_code(&step.instructions) }</p>
                { parameters }
                { paste }
                { compare }
                { verify }
                { for cautions }
            </li>
        }
    });
    html! {
        <section class="steps-section" aria-labelledby="steps-heading">
            <h4 id="steps-heading" class="sub-heading">{ strings.steps_heading }</h4>
            <p class="hint">{ strings.steps_hint }</p>
            <ol id="steps" class="steps">{ for steps }</ol>
        </section>
    }
}

fn artifact_name(plan: &Plan, id: &str) -> String {
    plan.artifact(id)
        .map(|artifact| artifact.filename.clone())
        .unwrap_or_else(|| id.to_owned())
}
