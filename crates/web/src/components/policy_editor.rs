//! The policy text area. Plain text, monospace, no spell checking (which would also make
//! the browser fetch a dictionary).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::i18n;
use crate::state::{PageAction, PageHandle};

#[derive(Properties, PartialEq)]
pub struct PolicyEditorProps {
    /// The text area, so the page can move its selection to a finding.
    pub editor: NodeRef,
}

#[component]
pub fn PolicyEditor(props: &PolicyEditorProps) -> Html {
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
    html! {
        <div class="editor">
            <label for="policy" id="editor-label" class="editor-label">{ strings.editor_label }</label>
            <p id="policy-hint" class="hint">{ strings.editor_hint }</p>
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
            />
        </div>
    }
}
