//! One statement as a card: its effect, its service, then actions, resources and conditions,
//! each with the findings placed on it.

use ramplan_core::builder::{BuilderStatement, Edit, Effect, Placed};
use ramplan_core::catalogue;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::strings;
use crate::pages::builder::actions::BuilderActions;
use crate::pages::builder::conditions::BuilderConditions;
use crate::pages::builder::findings::{on, PlacedList};
use crate::pages::builder::moves::CardMoves;
use crate::pages::builder::resources::BuilderResources;
use crate::pages::builder::OnEdit;
use crate::state::PageLang;

#[derive(Properties, PartialEq)]
pub struct BuilderCardProps {
    pub index: usize,
    pub count: usize,
    pub statement: BuilderStatement,
    pub placed: Vec<Placed>,
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderCard(props: &BuilderCardProps) -> Html {
    // The service the person chose; until then, the service of the card's first action.
    let chosen = use_state(|| None::<String>);
    // The language alone: a keystroke elsewhere does not re-render this.
    let Some(PageLang(lang)) = use_context::<PageLang>() else {
        return Html::default();
    };
    let strings = strings::builder_strings(lang);
    let index = props.index;
    let statement = &props.statement;
    let service: String = (*chosen)
        .clone()
        .or_else(|| services_of(statement).into_iter().next())
        .unwrap_or_default();
    let id = |name: &str| format!("card-{index}-{name}");

    let on_effect = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let effect = if select.value() == "Deny" {
                Effect::Deny
            } else {
                Effect::Allow
            };
            on_edit.emit(vec![Edit::SetEffect { index, effect }]);
        })
    };
    let on_sid = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let value = input.value();
            let sid = (!value.trim().is_empty()).then_some(value);
            on_edit.emit(vec![Edit::SetSid { index, sid }]);
        })
    };
    let on_service = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                chosen.set(Some(select.value()));
            }
        })
    };
    let services = catalogue::services().iter().map(|s| {
        html! {
            <option value={s.code()} selected={s.code() == service}>
                { format!("{} · {}", s.code(), lang.pick(s.name_en(), s.name_zh())) }
            </option>
        }
    });
    // RAM's grammar has no `Sid` (docs/research/rule-facts.md §2), so the builder offers none;
    // a statement that came with one keeps it, shown here so it can be seen and removed.
    let sid_field = statement.sid.as_ref().map(|sid| {
        html! {
            <span class="card-field">
                <label for={id("sid")} class="field-label">{ strings.sid }</label>
                <input
                    id={id("sid")}
                    class="card-sid"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    value={sid.clone()}
                    onchange={on_sid}
                />
            </span>
        }
    });
    let effect = statement.effect;
    let heading = id("heading");
    let mut card_findings = on(&props.placed, "card");
    card_findings.extend(on(&props.placed, "sid"));
    card_findings.extend(on(&props.placed, "effect"));
    let condition_services = {
        let mut list = services_of(statement);
        if !service.is_empty() && !list.contains(&service) {
            list.push(service.clone());
        }
        list
    };
    html! {
        <li id={format!("card-{index}")} class="statement-card" data-raw="false" aria-labelledby={heading.clone()}>
            <div class="card-head">
                <h3 id={heading} class="card-heading">{ strings::statement_number(index + 1, lang) }</h3>
                <CardMoves {index} count={props.count} on_edit={props.on_edit.clone()} />
            </div>
            <PlacedList id={AttrValue::from(id("findings"))} placed={card_findings} />
            <div class="card-row">
                <span class="card-field">
                    <label for={id("effect")} class="field-label">{ strings.effect }</label>
                    <select id={id("effect")} class="card-effect" onchange={on_effect}>
                        <option value="Allow" selected={effect == Effect::Allow}>{ "Allow" }</option>
                        <option value="Deny" selected={effect == Effect::Deny}>{ "Deny" }</option>
                    </select>
                </span>
                { sid_field }
                <span class="card-field">
                    <label for={id("service")} class="field-label">{ strings.service }</label>
                    <select id={id("service")} class="card-service" onchange={on_service}>
                        <option value="" selected={service.is_empty()}>{ strings.choose_service }</option>
                        { for services }
                    </select>
                </span>
            </div>
            <BuilderActions
                {index}
                actions={statement.actions.clone()}
                service={service.clone()}
                placed={on(&props.placed, "action")}
                on_edit={props.on_edit.clone()}
            />
            <BuilderResources
                {index}
                resources={statement.resources.clone()}
                service={service.clone()}
                placed={on(&props.placed, "resource")}
                on_edit={props.on_edit.clone()}
            />
            <BuilderConditions
                {index}
                conditions={statement.conditions.clone()}
                services={condition_services}
                placed={on(&props.placed, "condition")}
                on_edit={props.on_edit.clone()}
            />
        </li>
    }
}

/// The catalogued services the card's actions name, in order, each once.
fn services_of(statement: &BuilderStatement) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for action in &statement.actions.values {
        let Some((prefix, _)) = action.split_once(':') else {
            continue;
        };
        if let Some(service) = catalogue::service(prefix) {
            if !out.iter().any(|s| s == service.code()) {
                out.push(service.code().to_owned());
            }
        }
    }
    out
}
