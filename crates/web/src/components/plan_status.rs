//! Whether the plan is ready (no error findings), announced as it changes, and the findings
//! that no single input is responsible for.

use ramplan_core::plan::scenario;
use ramplan_core::Severity;
use yew::prelude::*;

use super::field_findings::FieldFindings;
use super::scenario_page::PlanContext;
use crate::i18n;
use crate::scenario_form::{has_input, FormHandle};
use crate::state::PageHandle;

#[component]
pub fn PlanStatus() -> Html {
    let (Some(page), Some(form), Some(plan)) = (
        use_context::<PageHandle>(),
        use_context::<FormHandle>(),
        use_context::<PlanContext>(),
    ) else {
        return Html::default();
    };
    let Some(spec) = scenario(form.scenario) else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let errors = plan
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let ready = errors == 0;
    let text = if ready {
        strings.plan_ready.to_owned()
    } else {
        i18n::plan_not_ready(errors, lang)
    };
    let others: Vec<_> = plan
        .findings
        .iter()
        .filter(|f| !f.field().is_some_and(|field| has_input(spec, &form, field)))
        .cloned()
        .collect();
    let others = (!others.is_empty()).then(|| {
        html! {
            <div class="plan-findings">
                <h4 class="sub-heading">{ strings.other_findings }</h4>
                <FieldFindings id="plan-findings" findings={others} />
            </div>
        }
    });
    html! {
        <>
            <p
                id="plan-status"
                class={classes!("plan-status", if ready { "plan-ready" } else { "plan-not-ready" })}
                role="status"
                aria-live="polite"
                aria-atomic="true"
                data-ready={if ready { "true" } else { "false" }}
                data-errors={errors.to_string()}
            >
                { text }
            </p>
            { others }
        </>
    }
}
