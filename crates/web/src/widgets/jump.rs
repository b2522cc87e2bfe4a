//! On a narrow screen the results come after the input, a long scroll away: this line says
//! in a few words what they are and takes the person there (focus moves to the results'
//! heading, which scrolls it into view). Where the two sit side by side it is not shown.

use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct JumpProps {
    /// The line's id; its button is `{id}-go`.
    pub id: AttrValue,
    /// What the results are, e.g. "2 errors, 1 warning".
    pub text: AttrValue,
    /// The button's words, e.g. "Go to findings".
    pub label: AttrValue,
    /// The id of the results' heading (focusable with `tabindex="-1"`).
    pub target: AttrValue,
    /// A word for tests and styles: `ready`, `not-ready`, `errors`, `clean`.
    pub state: AttrValue,
}

#[component]
pub fn Jump(props: &JumpProps) -> Html {
    let onclick = {
        let target = props.target.clone();
        Callback::from(move |_: MouseEvent| browser::focus(&target))
    };
    html! {
        <p id={props.id.clone()} class="jump-bar" data-state={props.state.clone()}>
            <span class="jump-text">{ props.text.clone() }</span>
            <button type="button" id={format!("{}-go", props.id)} class="tool-button jump-button" {onclick}>
                { props.label.clone() }
            </button>
        </p>
    }
}
