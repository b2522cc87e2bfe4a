//! A card's conditions: each entry (operator, key, values) with its problems by type, and a
//! form to add one, offering the documented operators and the keys of the card's services.

use ramplan_core::builder::conditions::{self, EntryProblem};
use ramplan_core::builder::{ConditionEntry, Edit, Placed};
use ramplan_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::strings;
use crate::pages::builder::findings::{describe, PlacedList};
use crate::pages::builder::OnEdit;
use crate::state::PageLang;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct BuilderConditionsProps {
    pub index: usize,
    pub conditions: Vec<ConditionEntry>,
    /// The card's services, for the keys offered.
    pub services: Vec<String>,
    pub placed: Vec<Placed>,
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderConditions(props: &BuilderConditionsProps) -> Html {
    let operator = use_state(|| "StringEquals".to_owned());
    let key = use_state(String::new);
    let values = use_state(String::new);
    let tried = use_state(|| false);
    // The language alone: a keystroke elsewhere does not re-render this.
    let Some(PageLang(lang)) = use_context::<PageLang>() else {
        return Html::default();
    };
    let strings = strings::builder_strings(lang);
    let index = props.index;
    let id = |name: &str| format!("card-{index}-{name}");
    let services: Vec<&str> = props.services.iter().map(String::as_str).collect();
    let keys = conditions::keys_for(&services);

    let entries = props.conditions.iter().enumerate().map(|(position, entry)| {
        let problems = conditions::check_entry(entry);
        let placed: Vec<Placed> = props
            .placed
            .iter()
            .filter(|p| describe(&p.place) == ("condition", Some(position)))
            .cloned()
            .collect();
        let values_id = id(&format!("condition-{position}-values"));
        let on_values = {
            let on_edit = props.on_edit.clone();
            let entry = entry.clone();
            Callback::from(move |event: Event| {
                if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                    let mut entry = entry.clone();
                    entry.values = lines(&area.value());
                    on_edit.emit(vec![Edit::SetCondition { index, position, entry }]);
                }
            })
        };
        let on_remove = {
            let on_edit = props.on_edit.clone();
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(vec![Edit::RemoveCondition { index, position }]);
            })
        };
        let label = format!("{} {}", entry.operator, entry.key);
        html! {
            <li class="condition" data-operator={entry.operator.clone()} data-key={entry.key.clone()} data-position={position.to_string()}>
                <p class="condition-head">
                    <code>{ entry.operator.clone() }</code>{ " " }<code>{ entry.key.clone() }</code>
                    <button type="button" class="chip-remove" aria-label={format!("{} {label}", strings.remove)} onclick={on_remove}>
                        { "×" }
                    </button>
                </p>
                <label for={values_id.clone()} class="field-label">{ format!("{} · {label}", strings.values) }</label>
                <textarea
                    id={values_id}
                    class="condition-values"
                    rows={entry.values.len().clamp(1, 6).to_string()}
                    spellcheck="false"
                    autocomplete="off"
                    value={entry.values.join("\n")}
                    onchange={on_values}
                />
                { problem_list(&problems, lang) }
                <PlacedList {placed} />
            </li>
        }
    });

    let draft = ConditionEntry {
        operator: (*operator).clone(),
        key: key.trim().to_owned(),
        values: lines(&values),
        as_string: false,
    };
    let draft_problems: Vec<EntryProblem> =
        if *tried || !draft.values.is_empty() || !draft.key.is_empty() {
            conditions::check_entry(&draft)
                .into_iter()
                .filter(|p| *tried || p.value.is_some() || !draft.values.is_empty())
                .collect()
        } else {
            Vec::new()
        };
    let on_operator = {
        let operator = operator.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                operator.set(select.value());
            }
        })
    };
    let on_key = {
        let key = key.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                key.set(input.value());
            }
        })
    };
    let on_values = {
        let values = values.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                values.set(area.value());
            }
        })
    };
    let on_add = {
        let on_edit = props.on_edit.clone();
        let draft = draft.clone();
        let (key, values, tried) = (key.clone(), values.clone(), tried.clone());
        Callback::from(move |_: MouseEvent| {
            if draft.key.is_empty() || !conditions::check_entry(&draft).is_empty() {
                tried.set(true);
                return;
            }
            on_edit.emit(vec![Edit::AddCondition {
                index,
                entry: draft.clone(),
            }]);
            key.set(String::new());
            values.set(String::new());
            tried.set(false);
        })
    };
    let operator_options = conditions::operators().iter().map(|o| {
        html! {
            <option value={o.name} selected={o.name == *operator}>
                { format!("{} ({})", o.name, conditions::type_name(o.kind, lang)) }
            </option>
        }
    });
    let key_options = keys.iter().map(|k| html! { <option value={k.key} /> });
    let key_hint = conditions::key_type(&draft.key).map(|t| {
        let fits: Vec<&str> = conditions::operators_for(t)
            .iter()
            .map(|o| o.name)
            .collect();
        format!(
            "{}: {} · {}",
            strings.key_type,
            conditions::type_name(t, lang),
            fits.join(", ")
        )
    });
    let draft_id = id("condition-draft-problems");
    html! {
        <fieldset class="card-section card-conditions">
            <legend>{ strings.conditions_heading }</legend>
            if props.conditions.is_empty() {
                <p class="hint empty-list">{ strings.no_conditions }</p>
            } else {
                <ul class="condition-list">{ for entries }</ul>
            }
            <div class="condition-add">
                <span class="card-field">
                    <label for={id("condition-operator")} class="field-label">{ strings.operator }</label>
                    <select id={id("condition-operator")} class="condition-operator" onchange={on_operator}>
                        { for operator_options }
                    </select>
                </span>
                <span class="card-field">
                    <label for={id("condition-key")} class="field-label">{ strings.key }</label>
                    <input
                        id={id("condition-key")}
                        class="condition-key"
                        type="text"
                        list={id("condition-keys")}
                        autocomplete="off"
                        spellcheck="false"
                        value={(*key).clone()}
                        oninput={on_key}
                    />
                    <datalist id={id("condition-keys")}>{ for key_options }</datalist>
                </span>
                if let Some(hint) = key_hint {
                    <p class="hint key-hint">{ hint }</p>
                }
                <span class="card-field">
                    <label for={id("condition-values")} class="field-label">{ strings.values }</label>
                    <textarea
                        id={id("condition-values")}
                        class="condition-values"
                        rows="2"
                        spellcheck="false"
                        autocomplete="off"
                        aria-describedby={format!("{} {draft_id}", id("condition-values-hint"))}
                        value={(*values).clone()}
                        oninput={on_values}
                    />
                    <span id={id("condition-values-hint")} class="hint">{ strings.values_hint }</span>
                </span>
                <div id={draft_id}>{ problem_list(&draft_problems, lang) }</div>
                <button type="button" id={id("add-condition")} class="tool-button" onclick={on_add}>
                    { strings.add_condition }
                </button>
            </div>
        </fieldset>
    }
}

fn problem_list(problems: &[EntryProblem], lang: Lang) -> Html {
    if problems.is_empty() {
        return Html::default();
    }
    let items = problems.iter().map(|p| {
        html! {
            <li class="field-error" data-value={p.value.map(|v| v.to_string())}>{ with_code(p.message(lang)) }</li>
        }
    });
    html! { <ul class="field-errors">{ for items }</ul> }
}

/// One value per line; blank lines are not values.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}
