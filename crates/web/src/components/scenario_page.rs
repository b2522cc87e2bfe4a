//! One scenario (`#/scenario/<id>`): the form on one side, the plan on the other. The plan is
//! the core's answer to the input JSON the form builds, recomputed as the person types.

use std::rc::Rc;

use ramplan_core::plan::{plan, scenario, FieldKind, Plan};
use yew::prelude::*;

use super::artifact_tabs::ArtifactTabs;
use super::form_field::FormField;
use super::plan_status::PlanStatus;
use super::record_list::RecordList;
use super::step_list::StepList;
use crate::i18n;
use crate::scenario_form::{Form, FormHandle};
use crate::state::PageHandle;

/// The current plan, for every part of the page that shows some of it.
pub type PlanContext = Rc<Plan>;

#[derive(Properties, PartialEq)]
pub struct ScenarioPageProps {
    pub id: &'static str,
}

#[component]
pub fn ScenarioPage(props: &ScenarioPageProps) -> Html {
    let page = use_context::<PageHandle>();
    let id = props.id;
    let form = use_reducer(move || match scenario(id) {
        Some(spec) => Form::new(spec),
        None => Form {
            scenario: id,
            values: Vec::new(),
        },
    });
    let lang = page.as_ref().map(|page| page.lang).unwrap_or_default();
    // Derived, never stored: the core builds the plan from exactly what the form holds.
    let built: Rc<Option<PlanContext>> = use_memo(((*form).clone(), lang), |(form, lang)| {
        let spec = scenario(form.scenario)?;
        plan(spec.id, &form.input_json(spec), *lang)
            .ok()
            .map(Rc::new)
    });
    let (Some(spec), Some(built)) = (scenario(id), (*built).clone()) else {
        return Html::default();
    };
    let strings = i18n::strings(lang);
    let fields = spec
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| match field.kind {
            FieldKind::Records(_) => html! { <RecordList field={index} /> },
            _ => html! { <FormField field={index} /> },
        });
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    html! {
        <ContextProvider<FormHandle> context={form.clone()}>
        <ContextProvider<PlanContext> context={built}>
            <main class="scenario" data-scenario={spec.id}>
                <nav class="breadcrumb"><a href="#/">{ strings.nav_home }</a></nav>
                <h2 id="scenario-title" class="scenario-title">{ lang.pick(spec.title_en, spec.title_zh) }</h2>
                <p class="hint scenario-summary">{ lang.pick(spec.summary_en, spec.summary_zh) }</p>
                <div class="workspace">
                    <section class="pane form-pane" aria-labelledby="form-heading">
                        <h3 id="form-heading" class="pane-heading">{ strings.form_heading }</h3>
                        <form class="scenario-form" novalidate=true autocomplete="off" {onsubmit}>
                            { for fields }
                        </form>
                    </section>
                    <section class="pane plan-pane" aria-labelledby="plan-heading">
                        <h3 id="plan-heading" class="pane-heading">{ strings.plan_heading }</h3>
                        <PlanStatus />
                        <StepList />
                        <ArtifactTabs />
                    </section>
                </div>
            </main>
        </ContextProvider<PlanContext>>
        </ContextProvider<FormHandle>>
    }
}
