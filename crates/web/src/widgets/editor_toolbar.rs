//! Above the policy editor: Format, and the example menu. Both replace the whole text, so
//! both go through the browser's editing commands (Ctrl+Z undoes them), and loading an
//! example over text the person wrote asks first, inline.

use std::rc::Rc;

use ramplan_core::format::format;
use ramplan_core::KindChoice;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use crate::editor_selection::replace_all;
use crate::i18n;
use crate::state::{is_own_text, Example, PageAction, PageHandle};

#[derive(Properties, PartialEq)]
pub struct EditorToolbarProps {
    /// The text area the buttons edit.
    pub editor: NodeRef,
}

/// What the last button press did, for the status line. Each is shown only while the text
/// is still the text it is about, so a stale message never describes newer text.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Formatted(Rc<str>),
    AlreadyFormatted(Rc<str>),
    /// The text that did not parse; the reason is worked out again when shown, in the
    /// language of the moment.
    CannotFormat(Rc<str>),
    Loaded(Example),
}

#[component]
pub fn EditorToolbar(props: &EditorToolbarProps) -> Html {
    let outcome = use_state(|| None::<Outcome>);
    // What the person picked in the menu since the last load; until then the menu shows the
    // example the editor holds, or, on any other text, asks for a choice: it never names an
    // example the editor does not hold unless the person picked it.
    let chosen = use_state(|| None::<Example>);
    let pending = use_state(|| None::<Example>);
    let load_button = use_node_ref();
    let confirm_button = use_node_ref();
    // The question takes the focus when it appears, so the keyboard answers it at once.
    {
        let confirm_button = confirm_button.clone();
        use_effect_with(*pending, move |pending| {
            if pending.is_some() {
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
    let strings = i18n::strings(lang);
    let holding = Example::ALL
        .into_iter()
        .find(|example| example.text() == &*page.text);
    let shown = (*chosen).or(holding);

    let on_format = {
        let page = page.clone();
        let editor = props.editor.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let text = page.text.clone();
            match format(&text, page.lang) {
                Err(_) => outcome.set(Some(Outcome::CannotFormat(text))),
                Ok(formatted) if *formatted == *text => {
                    outcome.set(Some(Outcome::AlreadyFormatted(text)));
                }
                Ok(formatted) => {
                    replace(&editor, &page, &formatted);
                    outcome.set(Some(Outcome::Formatted(Rc::from(formatted))));
                }
            }
        })
    };

    let load = {
        let page = page.clone();
        let editor = props.editor.clone();
        let outcome = outcome.clone();
        let pending = pending.clone();
        let chosen = chosen.clone();
        move |example: Example| {
            chosen.set(None);
            replace(&editor, &page, example.text());
            // An example is linted as what it is, whatever kind was chosen for the last text.
            page.dispatch(PageAction::ChooseKind(KindChoice::Auto));
            outcome.set(Some(Outcome::Loaded(example)));
            pending.set(None);
        }
    };
    let on_load = {
        let page = page.clone();
        let pending = pending.clone();
        let load = load.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(example) = shown else { return };
            if is_own_text(&page.text) {
                pending.set(Some(example));
            } else {
                load(example);
            }
        })
    };
    let on_choose = {
        let chosen = chosen.clone();
        let pending = pending.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            if let Some(example) = Example::parse(&select.value()) {
                chosen.set(Some(example));
                pending.set(None);
            }
        })
    };
    let cancel = {
        let pending = pending.clone();
        let load_button = load_button.clone();
        move || {
            pending.set(None);
            if let Some(button) = load_button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        }
    };

    let ask = shown.is_none().then(|| {
        html! { <option value="" selected=true disabled=true>{ strings.choose_example }</option> }
    });
    let options = Example::ALL.into_iter().map(|example| {
        html! {
            <option value={example.id()} selected={shown == Some(example)}>
                { i18n::example_name(example, lang) }
            </option>
        }
    });

    // Always one node (empty when there is no question), so the buttons before it are
    // never re-created, and never lose the focus, when the question comes or goes.
    let confirm: Html = pending.map_or_else(Html::default, |example| {
        let on_confirm = {
            let load = load.clone();
            let load_button = load_button.clone();
            Callback::from(move |_: MouseEvent| {
                load(example);
                if let Some(button) = load_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            })
        };
        let on_cancel = {
            let cancel = cancel.clone();
            Callback::from(move |_: MouseEvent| cancel())
        };
        let on_key = {
            let cancel = cancel.clone();
            Callback::from(move |event: KeyboardEvent| {
                if event.key() == "Escape" {
                    event.prevent_default();
                    cancel();
                }
            })
        };
        html! {
            <div
                id="example-confirm"
                class="inline-confirm"
                role="group"
                aria-labelledby="example-confirm-question"
                data-example={example.id()}
                onkeydown={on_key}
            >
                <p id="example-confirm-question" class="inline-confirm-question">
                    { i18n::confirm_example(example, lang) }
                </p>
                <div class="inline-confirm-buttons">
                    <button
                        type="button"
                        id="example-confirm-replace"
                        class="tool-button tool-button-primary"
                        ref={confirm_button.clone()}
                        onclick={on_confirm}
                    >
                        { strings.confirm_replace }
                    </button>
                    <button type="button" id="example-confirm-cancel" class="tool-button" onclick={on_cancel}>
                        { strings.keep_policy }
                    </button>
                </div>
            </div>
        }
    });

    let (status, status_kind) = match &*outcome {
        Some(Outcome::Formatted(text)) if *text == page.text => {
            (strings.formatted.to_owned(), "formatted")
        }
        Some(Outcome::AlreadyFormatted(text)) if *text == page.text => {
            (strings.already_formatted.to_owned(), "unchanged")
        }
        Some(Outcome::CannotFormat(text)) if *text == page.text => match format(text, lang) {
            Err(error) => (i18n::cannot_format(&error, lang), "error"),
            Ok(_) => (String::new(), "none"),
        },
        Some(Outcome::Loaded(example)) if *example.text() == *page.text => {
            (i18n::example_loaded(*example, lang), "loaded")
        }
        _ => (String::new(), "none"),
    };

    html! {
        <div class="editor-toolbar">
            <div class="editor-actions">
                <button type="button" id="format" class="tool-button" onclick={on_format}>
                    { strings.format }
                </button>
                <span class="example-picker">
                    <label for="example">{ strings.example_label }</label>
                    <select id="example" name="example" onchange={on_choose}>
                        { ask }
                        { for options }
                    </select>
                    <button
                        type="button"
                        id="load-example"
                        class="tool-button"
                        disabled={shown.is_none()}
                        ref={load_button}
                        onclick={on_load}
                    >
                        { strings.load_example }
                    </button>
                </span>
            </div>
            { confirm }
            // Always in the page, so screen readers announce each new message in it.
            <p
                id="editor-status"
                class={classes!("editor-status", (status_kind == "error").then_some("editor-status-error"))}
                role="status"
                aria-live="polite"
                data-status={status_kind}
            >
                { crate::widgets::finding_item::with_code(&status) }
            </p>
        </div>
    }
}

/// Replaces the text undoably when the browser allows it, and as state otherwise.
fn replace(editor: &NodeRef, page: &PageHandle, text: &str) {
    if !replace_all(editor, text) {
        page.dispatch(PageAction::Edit(text.to_owned()));
    }
}
