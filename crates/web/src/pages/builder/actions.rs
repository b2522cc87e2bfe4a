//! A card's actions: Action or NotAction, a search over the service's catalogued actions
//! (a combobox: arrow keys choose, Enter adds), whole access levels, wildcards, and the
//! chosen actions as chips with their findings.

use ramplan_core::builder::{picker, ActionSet, Edit, Placed};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::strings;
use crate::pages::builder::findings::{describe, PlacedList};
use crate::pages::builder::OnEdit;
use crate::state::PageLang;

/// How many matches the list shows at once.
const SHOWN: usize = 12;

#[derive(Properties, PartialEq)]
pub struct BuilderActionsProps {
    pub index: usize,
    pub actions: ActionSet,
    /// The card's service code, or empty.
    pub service: String,
    pub placed: Vec<Placed>,
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderActions(props: &BuilderActionsProps) -> Html {
    let query = use_state(String::new);
    let active = use_state(|| None::<usize>);
    let wildcard = use_state(String::new);
    // The language alone: a keystroke elsewhere does not re-render this.
    let Some(PageLang(lang)) = use_context::<PageLang>() else {
        return Html::default();
    };
    let strings = strings::builder_strings(lang);
    let index = props.index;
    let id = |name: &str| format!("card-{index}-{name}");
    let service = props.service.clone();
    let present = props.actions.values.clone();
    let results: Vec<picker::ActionInfo> = if query.trim().is_empty() || service.is_empty() {
        Vec::new()
    } else {
        picker::search(&service, &query)
            .into_iter()
            .filter(|a| !present.contains(&a.action))
            .take(SHOWN)
            .collect()
    };
    let add = {
        let on_edit = props.on_edit.clone();
        let query = query.clone();
        let active = active.clone();
        move |action: String| {
            on_edit.emit(vec![Edit::AddAction { index, action }]);
            query.set(String::new());
            active.set(None);
        }
    };

    let on_mode = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let not_action = select.value() == "not";
                on_edit.emit(vec![Edit::SetNotAction { index, not_action }]);
            }
        })
    };
    let on_input = {
        let query = query.clone();
        let active = active.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
                active.set(None);
            }
        })
    };
    let on_key = {
        let active = active.clone();
        let query = query.clone();
        let results: Vec<String> = results.iter().map(|a| a.action.clone()).collect();
        let add = add.clone();
        let service = service.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "ArrowDown" if !results.is_empty() => {
                event.prevent_default();
                let next = active.map_or(0, |i| (i + 1).min(results.len() - 1));
                active.set(Some(next));
            }
            "ArrowUp" if !results.is_empty() => {
                event.prevent_default();
                active.set(active.and_then(|i| i.checked_sub(1)));
            }
            "Enter" => {
                event.prevent_default();
                if let Some(action) = active.and_then(|i| results.get(i)) {
                    add(action.clone());
                } else if let Some(action) = typed_action(&query, &service) {
                    add(action);
                }
            }
            "Escape" if !query.is_empty() => {
                event.prevent_default();
                query.set(String::new());
                active.set(None);
            }
            _ => {}
        })
    };
    let listbox = id("action-results");
    let option_id = |i: usize| format!("card-{index}-action-option-{i}");
    let options = results.iter().enumerate().map(|(i, info)| {
        let selected = *active == Some(i);
        let onclick = {
            let add = add.clone();
            let action = info.action.clone();
            Callback::from(move |_: MouseEvent| add(action.clone()))
        };
        html! {
            <li
                id={option_id(i)}
                role="option"
                class={classes!("action-option", selected.then_some("action-option-active"))}
                aria-selected={selected.to_string()}
                data-action={info.action.clone()}
                {onclick}
            >
                <code>{ info.action.clone() }</code>
                <span class="action-level">{ picker::level_label(info.level, lang) }</span>
            </li>
        }
    });
    let expanded = !results.is_empty();

    let groups: Html = if service.is_empty() {
        Html::default()
    } else {
        let buttons = picker::groups(&service, lang).into_iter().map(|group| {
            let missing: Vec<String> = group
                .actions
                .iter()
                .map(|a| a.action.clone())
                .filter(|a| !present.contains(a))
                .collect();
            let count = group.actions.len();
            let on_edit = props.on_edit.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                on_edit.emit(
                    missing
                        .iter()
                        .map(|action| Edit::AddAction {
                            index,
                            action: action.clone(),
                        })
                        .collect(),
                );
            });
            html! {
                <button type="button" class="tool-button group-add" data-level={group.level} {onclick}>
                    { strings::add_level(group.label, count, lang) }
                </button>
            }
        });
        let suggestions = picker::wildcards(&service);
        let chosen_wildcard = if suggestions.iter().any(|w| w.pattern == *wildcard) {
            (*wildcard).clone()
        } else {
            suggestions
                .first()
                .map(|w| w.pattern.clone())
                .unwrap_or_default()
        };
        let wildcard_options = suggestions.iter().map(|w| {
            html! {
                <option value={w.pattern.clone()} selected={w.pattern == chosen_wildcard}>
                    { format!("{} · {}", w.pattern, strings::covers(w.covers, lang)) }
                </option>
            }
        });
        let on_wildcard = {
            let wildcard = wildcard.clone();
            Callback::from(move |event: Event| {
                if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                    wildcard.set(select.value());
                }
            })
        };
        let on_add_wildcard = {
            let on_edit = props.on_edit.clone();
            let chosen_wildcard = chosen_wildcard.clone();
            Callback::from(move |_: MouseEvent| {
                if !chosen_wildcard.is_empty() {
                    on_edit.emit(vec![Edit::AddAction {
                        index,
                        action: chosen_wildcard.clone(),
                    }]);
                }
            })
        };
        html! {
            <>
                <div class="group-buttons">{ for buttons }</div>
                <p class="hint level-basis">{ picker::level_basis(lang) }</p>
                <span class="card-field wildcard-picker">
                    <label for={id("wildcard")} class="field-label">{ strings.wildcard }</label>
                    <select id={id("wildcard")} onchange={on_wildcard}>{ for wildcard_options }</select>
                    <button type="button" id={id("add-wildcard")} class="tool-button" onclick={on_add_wildcard}>
                        { strings.add }
                    </button>
                </span>
            </>
        }
    };

    let chips = props.actions.values.iter().enumerate().map(|(position, action)| {
        let flagged = props
            .placed
            .iter()
            .any(|p| describe(&p.place) == ("action", Some(position)));
        let onclick = {
            let on_edit = props.on_edit.clone();
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(vec![Edit::RemoveAction { index, position }]);
            })
        };
        html! {
            <li class={classes!("chip", flagged.then_some("chip-flagged"))} data-action={action.clone()} data-position={position.to_string()}>
                <code>{ action.clone() }</code>
                <button type="button" class="chip-remove" aria-label={format!("{} {action}", strings.remove)} {onclick}>
                    { "×" }
                </button>
            </li>
        }
    });
    let mode = if props.actions.not_action {
        "not"
    } else {
        "is"
    };
    html! {
        <fieldset class="card-section card-actions">
            <legend>{ strings.actions_heading }</legend>
            <span class="card-field">
                <label for={id("action-mode")} class="field-label">{ strings.action_mode }</label>
                <select id={id("action-mode")} class="action-mode" onchange={on_mode}>
                    <option value="is" selected={mode == "is"}>{ strings.action_listed }</option>
                    <option value="not" selected={mode == "not"}>{ strings.action_except }</option>
                </select>
            </span>
            if props.actions.values.is_empty() {
                <p class="hint empty-list">{ strings.no_actions }</p>
            } else {
                <ul class="chips action-chips" aria-label={strings.actions_heading}>{ for chips }</ul>
            }
            <PlacedList id={AttrValue::from(id("action-findings"))} placed={props.placed.clone()} />
            <div class="action-search">
                <label for={id("action-search")} class="field-label">{ strings.action_search }</label>
                <input
                    id={id("action-search")}
                    class="action-search-input"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-expanded={expanded.to_string()}
                    aria-controls={listbox.clone()}
                    aria-activedescendant={active.filter(|i| *i < results.len()).map(option_id)}
                    aria-describedby={id("action-search-hint")}
                    value={(*query).clone()}
                    oninput={on_input}
                    onkeydown={on_key}
                />
                <p id={id("action-search-hint")} class="hint">{ strings.action_search_hint }</p>
                <ul id={listbox} class="action-results" role="listbox" aria-label={strings.action_results} hidden={!expanded}>
                    { for options }
                </ul>
            </div>
            { groups }
        </fieldset>
    }
}

/// What Enter adds when no match is chosen: the text as typed, with the service's code in
/// front when it has none (`Get*` on an OSS card is `oss:Get*`).
fn typed_action(query: &str, service: &str) -> Option<String> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    if query.contains(':') || query == "*" || service.is_empty() {
        return Some(query.to_owned());
    }
    Some(format!("{service}:{query}"))
}
