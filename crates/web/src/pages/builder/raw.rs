//! A statement the form cannot show: the reason, and its JSON exactly as written, editable.
//! It is read again (and may become a card) only when the person leaves the field.

use ramplan_core::builder::{Edit, Placed, RawStatement};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::strings;
use crate::pages::builder::findings::PlacedList;
use crate::pages::builder::moves::CardMoves;
use crate::pages::builder::OnEdit;
use crate::state::PageLang;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct BuilderRawProps {
    pub index: usize,
    pub count: usize,
    pub raw: RawStatement,
    pub placed: Vec<Placed>,
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderRaw(props: &BuilderRawProps) -> Html {
    // The language alone: a keystroke elsewhere does not re-render this.
    let Some(PageLang(lang)) = use_context::<PageLang>() else {
        return Html::default();
    };
    let strings = strings::builder_strings(lang);
    let index = props.index;
    let onchange = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: Event| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                on_edit.emit(vec![Edit::SetRawText {
                    index,
                    text: area.value(),
                }]);
            }
        })
    };
    let heading = format!("card-{index}-heading");
    let area = format!("card-{index}-raw");
    let rows = props.raw.text.lines().count().clamp(3, 16).to_string();
    html! {
        <li id={format!("card-{index}")} class="statement-card statement-raw" data-raw="true" aria-labelledby={heading.clone()}>
            <div class="card-head">
                <h3 id={heading} class="card-heading">
                    { strings::statement_number(index + 1, lang) }
                    <span class="raw-badge">{ format!(" · {}", strings.raw_statement) }</span>
                </h3>
                <CardMoves {index} count={props.count} on_edit={props.on_edit.clone()} />
            </div>
            <p class="raw-reason">{ with_code(&props.raw.reason.message(lang)) }</p>
            <p id={format!("{area}-hint")} class="hint">{ strings.raw_hint }</p>
            <label for={area.clone()} class="field-label">{ strings::statement_number(index + 1, lang) }{ " · " }{ strings.raw_label }</label>
            <textarea
                id={area.clone()}
                class="raw-input"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
                {rows}
                aria-describedby={format!("{area}-hint")}
                value={props.raw.text.clone()}
                {onchange}
            />
            <PlacedList placed={props.placed.clone()} />
        </li>
    }
}
