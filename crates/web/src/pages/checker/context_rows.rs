//! The simulator's request context: one row per key and value, with Add and Remove. A key
//! on several rows has several values. Adding a row moves the focus to its key; removing
//! one moves it to the key of the row before, or to Add when there is none.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::strings;
use crate::browser;
use crate::i18n;
use crate::state::{PageAction, PageHandle, SimEdit};

#[derive(Properties, PartialEq)]
pub struct ContextRowsProps {
    /// The id of the `<datalist>` of condition keys to offer.
    pub keys_list: AttrValue,
}

const ADD_ID: &str = "sim-add-context";

fn key_id(row: usize) -> String {
    format!("sim-key-{row}")
}

#[component]
pub fn ContextRows(props: &ContextRowsProps) -> Html {
    // Where the focus goes once the change has rendered (the element may not exist before).
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                browser::focus(&id);
            }
        });
    }
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let access = strings::simulate_strings(lang);
    let edit = |make: fn(usize, String) -> SimEdit, row: usize| {
        let page = page.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                page.dispatch(PageAction::EditRequest(make(row, input.value())));
            }
        })
    };
    let rows = page.request.context.iter().enumerate().map(|(row, entry)| {
        let number = row + 1;
        let key_label = i18n::group_label(access.sim_key, number, lang);
        let value_label = i18n::group_label(access.sim_value, number, lang);
        let value_id = format!("sim-value-{row}");
        let focus_after = row.checked_sub(1).map_or_else(|| ADD_ID.to_owned(), key_id);
        let on_remove = {
            let page = page.clone();
            let focus_next = focus_next.clone();
            Callback::from(move |_: MouseEvent| {
                *focus_next.borrow_mut() = Some(focus_after.clone());
                page.dispatch(PageAction::EditRequest(SimEdit::RemoveContext(row)));
            })
        };
        html! {
            <div class="sim-context-row" data-row={row.to_string()}>
                <div class="sim-cell">
                    <label for={key_id(row)}>{ key_label.clone() }</label>
                    <input type="text" id={key_id(row)} class="sim-input" list={props.keys_list.clone()}
                        autocomplete="off" autocapitalize="off" spellcheck="false"
                        value={entry.key.clone()} oninput={edit(SimEdit::ContextKey, row)} />
                </div>
                <div class="sim-cell">
                    <label for={value_id.clone()}>{ value_label }</label>
                    <input type="text" id={value_id} class="sim-input"
                        autocomplete="off" autocapitalize="off" spellcheck="false"
                        value={entry.value.clone()} oninput={edit(SimEdit::ContextValue, row)} />
                </div>
                <button type="button" class="remove-group sim-remove"
                    aria-label={format!("{}{}{}", strings.remove_group, lang.pick(" ", ""), key_label)}
                    onclick={on_remove}>
                    { access.sim_remove }
                </button>
            </div>
        }
    });
    let on_add = {
        let page = page.clone();
        let focus_next = focus_next.clone();
        let next_row = page.request.context.len();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(key_id(next_row));
            page.dispatch(PageAction::EditRequest(SimEdit::AddContext));
        })
    };
    html! {
        <fieldset class="sim-context" aria-describedby="sim-context-help">
            <legend>{ access.sim_context }</legend>
            <p id="sim-context-help" class="field-help">{ access.sim_context_help }</p>
            { for rows }
            <button type="button" id={ADD_ID} class="add-group" onclick={on_add}>
                { access.sim_add_context }
            </button>
        </fieldset>
    }
}
