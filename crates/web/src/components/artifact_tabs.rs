//! One tab per generated file, with Copy and Download. The text shown is the core's artifact,
//! byte for byte.

use yew::prelude::*;

use super::finding_item::with_code;
use super::scenario_page::PlanContext;
use crate::browser;
use crate::i18n;
use crate::state::PageHandle;

/// What the last Copy did, for which file and which exact text: typing on changes the text
/// and so clears the confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CopyResult {
    artifact: String,
    content: String,
    copied: bool,
}

#[component]
pub fn ArtifactTabs() -> Html {
    let selected = use_state(|| None::<String>);
    let copy_result = use_state(|| None::<CopyResult>);
    let (Some(page), Some(plan)) = (use_context::<PageHandle>(), use_context::<PlanContext>())
    else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let current = selected
        .as_deref()
        .and_then(|id| plan.artifact(id))
        .or_else(|| plan.artifacts.first());
    let Some(current) = current else {
        return Html::default();
    };
    let tabs = plan.artifacts.iter().map(|artifact| {
        let is_current = artifact.id == current.id;
        let onclick = {
            let selected = selected.clone();
            let id = artifact.id.clone();
            Callback::from(move |_: MouseEvent| selected.set(Some(id.clone())))
        };
        html! {
            <button
                type="button"
                role="tab"
                class="tab"
                id={format!("tab-{}", artifact.id)}
                data-artifact={artifact.id.clone()}
                aria-selected={if is_current { "true" } else { "false" }}
                aria-controls={format!("panel-{}", artifact.id)}
                {onclick}
            >
                { with_code(&artifact.title) }
            </button>
        }
    });
    let on_copy = {
        let copy_result = copy_result.clone();
        let artifact = current.id.clone();
        let content = current.content.clone();
        Callback::from(move |_: MouseEvent| {
            let copy_result = copy_result.clone();
            let artifact = artifact.clone();
            let content = content.clone();
            yew::platform::spawn_local(async move {
                let copied = browser::copy_text(&content).await;
                copy_result.set(Some(CopyResult {
                    artifact,
                    content,
                    copied,
                }));
            });
        })
    };
    let on_download = {
        let filename = current.filename.clone();
        let content = current.content.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = browser::download(&filename, &content, browser::mime_type(&filename));
        })
    };
    let status = copy_result
        .as_ref()
        .filter(|result| result.artifact == current.id && result.content == current.content)
        .map(|result| {
            if result.copied {
                html! { <span class="copy-ok">{ strings.copied }</span> }
            } else {
                html! { <span class="copy-failed">{ strings.copy_failed }</span> }
            }
        });
    html! {
        <section class="files" aria-labelledby="files-heading">
            <h4 id="files-heading" class="sub-heading">{ strings.files_heading }</h4>
            <div class="tabs" role="tablist" aria-label={strings.files_group}>
                { for tabs }
            </div>
            <div
                class="tab-panel"
                role="tabpanel"
                id={format!("panel-{}", current.id)}
                aria-labelledby={format!("tab-{}", current.id)}
                data-artifact={current.id.clone()}
                data-filename={current.filename.clone()}
            >
                <div class="file-bar">
                    <code class="file-name">{ current.filename.clone() }</code>
                    <button type="button" class="copy-button" onclick={on_copy}>{ strings.copy }</button>
                    <button type="button" class="download-button" onclick={on_download}>{ strings.download }</button>
                    <span class="copy-status" role="status" aria-live="polite">{ status }</span>
                </div>
                <pre class="artifact-content" tabindex="0"><code>{ current.content.clone() }</code></pre>
            </div>
        </section>
    }
}
