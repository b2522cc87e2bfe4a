//! The refusal shown above everything when the policy holds what looks like a credential
//! (the core's RP605, or its credential scanner when the text is not JSON yet). The value
//! itself is never shown back; "Show where" selects it in the text area.

use ramplan_core::position::TextRange;
use yew::prelude::*;

use crate::i18n;
use crate::state::PageHandle;

#[derive(Properties, PartialEq)]
pub struct CredentialAlertProps {
    /// Where the (first) credential is, when known.
    pub span: Option<TextRange>,
    pub on_select: Callback<TextRange>,
}

#[component]
pub fn CredentialAlert(props: &CredentialAlertProps) -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    let show = props.span.map(|range| {
        let on_select = props.on_select.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_select.emit(range));
        html! {
            <button type="button" id="credential-show" class="tool-button" {onclick}>
                { strings.show_where }
            </button>
        }
    });
    html! {
        // An alert is announced once, when it appears; it stays until the text is clean.
        <div id="credential-alert" class="credential-alert" role="alert">
            <p class="credential-alert-text">{ strings.credential_alert }</p>
            { show }
        </div>
    }
}
