//! Convert: the checked policy as an aliyun CLI script, Terraform or a ROS template, written
//! by the core's `export::convert_linted` (what `ramplan convert` does, from the checker's
//! report). A permission policy becomes a custom policy, a trust policy a role that trusts
//! it. The core refuses a policy with any error or a credential; the findings beside the
//! editor say why.

use std::rc::Rc;

use ramplan_core::export::{self, ConvertError, ConvertOptions, Format};
use ramplan_core::{LintReport, PolicyKind, Severity};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::strings;
use crate::browser;
use crate::i18n;
use crate::state::PageHandle;

#[derive(Properties, PartialEq)]
pub struct ConvertPanelProps {
    pub report: Rc<LintReport>,
    /// The text holds what looks like a credential: nothing is converted or shown.
    pub withheld: bool,
    /// The text is far larger than RAM accepts: not worked on here, to keep the page quick.
    #[prop_or_default]
    pub too_large: bool,
}

/// What the last Copy did, for which exact text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CopyResult {
    content: String,
    copied: bool,
}

#[component]
pub fn ConvertPanel(props: &ConvertPanelProps) -> Html {
    let format = use_state(|| Format::Shell);
    let name = use_state(String::new);
    let copy_result = use_state(|| None::<CopyResult>);
    let page = use_context::<PageHandle>();
    let inputs = page.as_ref().filter(|_| !props.too_large).map(|page| {
        (
            page.text.clone(),
            props.report.clone(),
            page.kind,
            page.lang,
            (*name).clone(),
            *format,
            props.withheld,
        )
    });
    // Derived: recomputed exactly when the text (and so its report), kind, language, name or
    // format change. The checker's report is the document's lint, so only the name is
    // checked here.
    let converted: Rc<Option<Result<String, ConvertError>>> =
        use_memo(inputs, |inputs| match inputs {
            Some((_, _, _, _, _, _, true)) | None => None,
            Some((text, report, kind, lang, name, format, false)) => {
                let options = ConvertOptions {
                    kind: *kind,
                    name: Some(name.trim().to_owned()).filter(|name| !name.is_empty()),
                    lang: *lang,
                };
                Some(export::convert_linted(text, report, &options, *format))
            }
        });
    let Some(page) = page else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let words = i18n::export_strings(lang);
    let on_format = {
        let format = format.clone();
        Callback::from(move |event: Event| {
            let chosen = event
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|select| Format::parse(&select.value()));
            if let Some(chosen) = chosen {
                format.set(chosen);
            }
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                name.set(input.value());
            }
        })
    };
    let options = Format::ALL.into_iter().map(|f| {
        html! { <option value={f.code()} selected={*format == f}>{ i18n::export_title(f, lang) }</option> }
    });
    let placeholder = match props.report.kind {
        PolicyKind::Permission => export::DEFAULT_POLICY_NAME,
        PolicyKind::Trust | PolicyKind::BucketPolicy => export::DEFAULT_ROLE_NAME,
    };
    let body = match (*converted).clone() {
        None if props.too_large => {
            html! { <p class="plain-note" data-state="too-large">{ strings::checker_strings(lang).too_large_here }</p> }
        }
        None => {
            html! { <p class="plain-note" data-state="withheld">{ words.convert_withheld }</p> }
        }
        Some(Err(ConvertError::BucketPolicy)) => {
            html! { <p class="plain-note" data-state="bucket-policy">{ words.convert_bucket }</p> }
        }
        Some(Err(ConvertError::CredentialInName)) => {
            html! { <p class="plain-note" data-state="name-credential">{ words.convert_name_credential }</p> }
        }
        Some(Err(ConvertError::Refused(report))) => {
            let errors = report.count(Severity::Error);
            let text = if errors == 0 {
                words.convert_withheld.to_owned()
            } else {
                i18n::convert_refused(errors, lang)
            };
            html! { <p class="plain-note" data-state="refused">{ text }</p> }
        }
        Some(Ok(content)) => {
            let filename = format.filename();
            let on_copy = {
                let copy_result = copy_result.clone();
                let content = content.clone();
                Callback::from(move |_: MouseEvent| {
                    let copy_result = copy_result.clone();
                    let content = content.clone();
                    yew::platform::spawn_local(async move {
                        let copied = browser::copy_text(&content).await;
                        copy_result.set(Some(CopyResult { content, copied }));
                    });
                })
            };
            let on_download = {
                let content = content.clone();
                Callback::from(move |_: MouseEvent| {
                    let _ = browser::download(filename, &content, browser::mime_type(filename));
                })
            };
            let status = copy_result
                .as_ref()
                .filter(|result| result.content == content)
                .map(|result| {
                    if result.copied {
                        html! { <span class="copy-ok">{ strings.copied }</span> }
                    } else {
                        html! { <span class="copy-failed">{ strings.copy_failed }</span> }
                    }
                });
            html! {
                <div id="convert-output" data-format={format.code()} data-filename={filename}>
                    <div class="file-bar">
                        <code class="file-name">{ filename }</code>
                        <button type="button" class="copy-button" onclick={on_copy}>{ strings.copy }</button>
                        <button type="button" class="download-button" onclick={on_download}>{ strings.download }</button>
                        <span class="copy-status" role="status" aria-live="polite">{ status }</span>
                    </div>
                    <pre class="artifact-content" tabindex="0"><code>{ content }</code></pre>
                </div>
            }
        }
    };
    html! {
        <section id="convert" class="convert" aria-labelledby="convert-heading">
            <h2 id="convert-heading" class="plain-heading">{ words.convert_heading }</h2>
            <p class="hint">{ words.convert_hint }</p>
            <div class="kind-picker convert-controls">
                <label for="convert-format">{ words.convert_to }</label>
                <select id="convert-format" onchange={on_format}>
                    { for options }
                </select>
                <label for="convert-name">{ words.convert_name }</label>
                <input
                    id="convert-name"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder={placeholder}
                    value={(*name).clone()}
                    oninput={on_name}
                />
            </div>
            { body }
        </section>
    }
}
