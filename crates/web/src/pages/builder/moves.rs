//! A statement's Move up, Move down and Remove buttons, on cards and raw statements alike.

use ramplan_core::builder::Edit;
use yew::prelude::*;

use super::strings;
use crate::pages::builder::OnEdit;
use crate::state::PageLang;

#[derive(Properties, PartialEq)]
pub struct CardMovesProps {
    pub index: usize,
    pub count: usize,
    pub on_edit: OnEdit,
}

#[component]
pub fn CardMoves(props: &CardMovesProps) -> Html {
    // The language alone: a keystroke elsewhere does not re-render this.
    let Some(PageLang(lang)) = use_context::<PageLang>() else {
        return Html::default();
    };
    let strings = strings::builder_strings(lang);
    let index = props.index;
    let number = strings::statement_number(index + 1, lang);
    let button = |edit: Edit, class: &'static str, label: &'static str, enabled: bool| {
        let on_edit = props.on_edit.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_edit.emit(vec![edit.clone()]));
        html! {
            <button
                type="button"
                class={classes!("tool-button", "card-button", class)}
                aria-label={format!("{label}: {number}")}
                disabled={!enabled}
                {onclick}
            >
                { label }
            </button>
        }
    };
    html! {
        <div class="card-moves">
            { button(Edit::MoveStatement { from: index, to: index.saturating_sub(1) }, "move-up", strings.move_up, index > 0) }
            { button(Edit::MoveStatement { from: index, to: index + 1 }, "move-down", strings.move_down, index + 1 < props.count) }
            { button(Edit::RemoveStatement { index }, "remove-statement", strings.remove_statement, true) }
        </div>
    }
}
