//! "Replace the policy" and "Add its statements" for a template, the OSS folder helper and
//! a new policy. Replacing text the person wrote asks first, inline, as the checker's
//! example menu does.

use std::rc::Rc;

use ramplan_core::builder::{from_json, to_json, BuilderDoc, Edit, Slot};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::strings;
use crate::browser;
use crate::pages::builder::OnEdit;
use crate::state::{is_own_text, PageAction, PageHandle};

#[derive(Properties, PartialEq)]
pub struct BuilderInsertProps {
    /// Prefix of the buttons' ids (`template` gives `template-replace`).
    pub id: AttrValue,
    /// What to insert; `None` while the form above has errors (the buttons are disabled).
    pub doc: Option<Rc<BuilderDoc>>,
    pub replace_label: AttrValue,
    /// The question asked before replacing text the person wrote.
    pub confirm: AttrValue,
    /// Whether to offer "Add its statements" too.
    pub append: bool,
    /// The element that shows the result, focused (and so scrolled into view) once the
    /// statements are in; without one, focus stays on the button pressed.
    #[prop_or_default]
    pub reveal: Option<AttrValue>,
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderInsert(props: &BuilderInsertProps) -> Html {
    let pending = use_state(|| false);
    let done = use_state(String::new);
    let confirm_button = use_node_ref();
    let replace_button = use_node_ref();
    {
        let confirm_button = confirm_button.clone();
        use_effect_with(*pending, move |pending| {
            if *pending {
                if let Some(button) = confirm_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = strings::builder_strings(lang);
    let id = props.id.clone();
    let replace = {
        let page = page.clone();
        let doc = props.doc.clone();
        let pending = pending.clone();
        let done = done.clone();
        let reveal = props.reveal.clone();
        move || {
            pending.set(false);
            if let Some(doc) = &doc {
                page.dispatch(PageAction::Edit(to_json(doc)));
                done.set(strings.replaced.to_owned());
                if let Some(reveal) = &reveal {
                    browser::focus(reveal);
                    return true;
                }
            }
            false
        }
    };
    let on_replace = {
        let page = page.clone();
        let replace = replace.clone();
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            if worth_asking(&page.text) {
                pending.set(true);
            } else {
                replace();
            }
        })
    };
    let on_append = {
        let doc = props.doc.clone();
        let on_edit = props.on_edit.clone();
        let done = done.clone();
        let reveal = props.reveal.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(doc) = &doc else { return };
            let edits: Vec<Edit> = doc
                .statements
                .iter()
                .filter_map(|slot| match slot {
                    Slot::Card(statement) => Some(Edit::AddStatement {
                        at: None,
                        statement: statement.clone(),
                    }),
                    Slot::Raw(_) => None,
                })
                .collect();
            let count = edits.len();
            on_edit.emit(edits);
            done.set(strings::statements_added(count, lang));
            if let Some(reveal) = &reveal {
                browser::focus(reveal);
            }
        })
    };
    let disabled = props.doc.is_none();
    let confirm: Html = if *pending {
        let on_confirm = {
            let replace = replace.clone();
            let replace_button = replace_button.clone();
            Callback::from(move |_: MouseEvent| {
                if replace() {
                    return;
                }
                if let Some(button) = replace_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            })
        };
        let cancel = {
            let pending = pending.clone();
            let replace_button = replace_button.clone();
            move || {
                pending.set(false);
                if let Some(button) = replace_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        };
        let on_cancel = {
            let cancel = cancel.clone();
            Callback::from(move |_: MouseEvent| cancel())
        };
        let on_key = Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                cancel();
            }
        });
        let question = format!("{id}-confirm-question");
        html! {
            <div
                id={format!("{id}-confirm")}
                class="inline-confirm"
                role="group"
                aria-labelledby={question.clone()}
                onkeydown={on_key}
            >
                <p id={question} class="inline-confirm-question">{ props.confirm.clone() }</p>
                <div class="inline-confirm-buttons">
                    <button
                        type="button"
                        id={format!("{id}-confirm-replace")}
                        class="tool-button tool-button-primary"
                        ref={confirm_button}
                        onclick={on_confirm}
                    >
                        { props.replace_label.clone() }
                    </button>
                    <button type="button" id={format!("{id}-confirm-cancel")} class="tool-button" onclick={on_cancel}>
                        { strings.keep }
                    </button>
                </div>
            </div>
        }
    } else {
        Html::default()
    };
    let append: Html = if props.append {
        html! {
            <button type="button" id={format!("{id}-append")} class="tool-button" {disabled} onclick={on_append}>
                { strings.append_statements }
            </button>
        }
    } else {
        Html::default()
    };
    html! {
        <div class="builder-insert">
            <div class="builder-insert-buttons">
                <button
                    type="button"
                    id={format!("{id}-replace")}
                    class="tool-button"
                    ref={replace_button}
                    {disabled}
                    onclick={on_replace}
                >
                    { props.replace_label.clone() }
                </button>
                { append }
            </div>
            { confirm }
            <p id={format!("{id}-status")} class="editor-status" role="status" aria-live="polite">{ (*done).clone() }</p>
        </div>
    }
}

/// Whether replacing the text could lose statements the person wrote.
fn worth_asking(text: &str) -> bool {
    is_own_text(text) && from_json(text).map_or(true, |doc| !doc.statements.is_empty())
}
