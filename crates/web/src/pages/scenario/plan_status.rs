//! Whether the plan is ready (no error findings), announced as it changes, and the findings
//! that no single input is responsible for.

use ramplan_core::plan::scenario;
use ramplan_core::Severity;
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::pages::scenario::form::{has_input, FormHandle};
use crate::pages::scenario::PlanContext;
use crate::state::PageHandle;
use crate::widgets::field_findings::FieldFindings;

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
    let page_strings = strings::scenario_strings(lang);
    let errors = plan
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let ready = errors == 0;
    let text = if ready {
        page_strings.plan_ready.to_owned()
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
                <h4 class="sub-heading">{ page_strings.other_findings }</h4>
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
