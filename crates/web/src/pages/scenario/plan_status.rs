//! Whether the plan is ready (no error findings), announced as it changes, and the findings
//! that no single input is responsible for.

use ramplan_core::plan::scenario;
use ramplan_core::Severity;
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::pages::scenario::form::{has_input, FormFindings, FormHandle, VisitAction};
use crate::pages::scenario::VisitsHandle;
use crate::state::PageHandle;
use crate::widgets::field_findings::FieldFindings;

#[component]
pub fn PlanStatus() -> Html {
    let (Some(page), Some(form), Some(shown), Some(visits)) = (
        use_context::<PageHandle>(),
        use_context::<FormHandle>(),
        use_context::<FormFindings>(),
        use_context::<VisitsHandle>(),
    ) else {
        return Html::default();
    };
    let Some(spec) = scenario(form.scenario) else {
        return Html::default();
    };
    let lang = page.lang;
    let page_strings = strings::scenario_strings(lang);
    let errors = shown
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let ready = errors == 0;
    let waiting = shown.waiting_labels(spec, lang);
    let shown_errors = shown.shown(|f| f.severity == Severity::Error).len();
    // Before the person has been to the required inputs: what to fill in, not errors.
    let (text, state) = if ready {
        (page_strings.plan_ready.to_owned(), "ready")
    } else if shown_errors == 0 {
        (strings::fill_in(&waiting, lang), "waiting")
    } else {
        (i18n::plan_not_ready(shown_errors, lang), "not-ready")
    };
    let reveal = (!waiting.is_empty()).then(|| {
        let onclick = Callback::from(move |_: MouseEvent| visits.dispatch(VisitAction::All));
        html! {
            <button type="button" id="show-missing" class="copy-button" {onclick}>{ page_strings.show_missing }</button>
        }
    });
    let others = shown.shown(|f| !f.field().is_some_and(|field| has_input(spec, &form, field)));
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
                class={classes!("plan-status", format!("plan-{state}"), (!ready).then_some("plan-not-ready"))}
                role="status"
                aria-live="polite"
                aria-atomic="true"
                data-ready={if ready { "true" } else { "false" }}
                data-errors={errors.to_string()}
                data-state={state}
            >
                { text }
            </p>
            { reveal }
            { others }
        </>
    }
}
