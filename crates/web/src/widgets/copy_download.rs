//! Copy and Download for one text, with what Copy did said beside it for as long as the text
//! is the one copied. Used wherever the page shows something to paste: a step's file, the
//! builder's policy.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::i18n;
use crate::state::PageHandle;

#[derive(Properties, PartialEq)]
pub struct CopyDownloadProps {
    /// Prefix of the buttons' ids (`{id}-copy`, `{id}-download`).
    pub id: AttrValue,
    pub text: Rc<str>,
    /// The file name Download saves as; no Download without one.
    #[prop_or_default]
    pub filename: Option<AttrValue>,
}

#[component]
pub fn CopyDownload(props: &CopyDownloadProps) -> Html {
    // The text last copied and whether it worked.
    let copied = use_state(|| None::<(Rc<str>, bool)>);
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    let on_copy = {
        let copied = copied.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            yew::platform::spawn_local(async move {
                let done = browser::copy_text(&text).await;
                copied.set(Some((text, done)));
            });
        })
    };
    let download = props.filename.clone().map(|filename| {
        let text = props.text.clone();
        let name = filename.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let _ = browser::download(&name, &text, browser::mime_type(&name));
        });
        html! {
            <button type="button" id={format!("{}-download", props.id)} class="download-button"
                data-filename={filename} {onclick}>{ strings.download }</button>
        }
    });
    let status = copied
        .as_ref()
        .filter(|(text, _)| *text == props.text)
        .map(|(_, done)| {
            if *done {
                html! { <span class="copy-ok">{ strings.copied }</span> }
            } else {
                html! { <span class="copy-failed">{ strings.copy_failed }</span> }
            }
        });
    html! {
        <span class="copy-download">
            <button type="button" id={format!("{}-copy", props.id)} class="copy-button" onclick={on_copy}>{ strings.copy }</button>
            { download }
            <span class="copy-status" role="status" aria-live="polite">{ status }</span>
        </span>
    }
}
