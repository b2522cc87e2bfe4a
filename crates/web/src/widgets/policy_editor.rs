//! The policy text area, with line numbers beside it and the findings' spans drawn behind
//! it. It stays a plain text area (native editing, undo, selection and screen reader
//! support); monospace, no spell checking (which would also make the browser fetch a
//! dictionary), no wrapping, so every line number and mark lines up with its text.

use std::rc::Rc;

use ramplan_core::LintReport;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n;
use crate::state::{PageAction, PageHandle};
use crate::widgets::editor_toolbar::EditorToolbar;
use crate::widgets::gutter::Gutter;
use crate::widgets::highlights::Highlights;

#[derive(Properties, PartialEq)]
pub struct PolicyEditorProps {
    /// The text area, so the page can move its selection to a finding.
    pub editor: NodeRef,
    pub report: Rc<LintReport>,
}

#[component]
pub fn PolicyEditor(props: &PolicyEditorProps) -> Html {
    let gutter = use_node_ref();
    let backdrop = use_node_ref();
    // After every render too: new text can change how far the text area can scroll.
    {
        let (gutter, backdrop) = (gutter.clone(), backdrop.clone());
        let editor = props.editor.clone();
        use_effect(move || follow_scroll(&editor, &gutter, &backdrop));
    }
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    let oninput = {
        let page = page.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                page.dispatch(PageAction::Edit(area.value()));
            }
        })
    };
    let onscroll = {
        let (gutter, backdrop) = (gutter.clone(), backdrop.clone());
        let editor = props.editor.clone();
        Callback::from(move |_: Event| follow_scroll(&editor, &gutter, &backdrop))
    };
    html! {
        <div class="editor">
            <label for="policy" id="editor-label" class="editor-label">{ strings.editor_label }</label>
            <p id="policy-hint" class="hint">{ strings.editor_hint }</p>
            <EditorToolbar editor={props.editor.clone()} />
            <div class="code-frame">
                <Gutter node={gutter} text={page.text.clone()} report={props.report.clone()} />
                <div class="code-stack">
                    <Highlights node={backdrop} text={page.text.clone()} report={props.report.clone()} />
                    <textarea
                        id="policy"
                        name="policy"
                        class="policy-input"
                        ref={props.editor.clone()}
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        rows="20"
                        aria-describedby="policy-hint"
                        value={AttrValue::from(page.text.clone())}
                        {oninput}
                        {onscroll}
                    />
                </div>
            </div>
        </div>
    }
}

/// Scrolls the line numbers and the highlights as far as the text area is scrolled. Both
/// leave room to scroll past their content, so they can always follow to the end.
fn follow_scroll(editor: &NodeRef, gutter: &NodeRef, backdrop: &NodeRef) {
    let (Some(area), Some(gutter), Some(backdrop)) = (
        editor.cast::<Element>(),
        gutter.cast::<Element>(),
        backdrop.cast::<Element>(),
    ) else {
        return;
    };
    copy(&area, &gutter, "scrollTop");
    copy(&area, &backdrop, "scrollTop");
    copy(&area, &backdrop, "scrollLeft");
}

/// Copies a scroll offset as the number the browser has, fractions included (zoomed pages
/// scroll by fractions of a pixel; `Element::scroll_top` would round them away).
fn copy(from: &Element, to: &Element, property: &str) {
    let property = JsValue::from_str(property);
    if let Ok(value) = js_sys::Reflect::get(from, &property) {
        let _ = js_sys::Reflect::set(to, &property, &value);
    }
}
