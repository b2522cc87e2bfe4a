//! One tab per generated file, with Copy and Download: the plan's artifacts, then its exports
//! (aliyun CLI script, Terraform, ROS template). The text shown is the core's, byte for byte:
//! the artifact, or what `export::plan_export` writes, exactly as the ZIP bundle holds it.
//!
//! The tabs follow the WAI-ARIA tabs pattern: only the selected tab is in the Tab order
//! (a roving `tabindex`), Left and Right move to the previous and next tab (wrapping), Home
//! and End to the first and last, and moving selects. Every file has its own panel; the
//! panels of the other tabs are `hidden`. Exports are for running, not reading: the printed
//! runbook leaves them out, as it leaves out the tabs.

use std::rc::Rc;

use ramplan_core::export::{self, Format};
use ramplan_core::plan::Plan;
use yew::prelude::*;

use super::strings;
use crate::browser;
use crate::i18n;
use crate::pages::scenario::PlanContext;
use crate::state::PageHandle;
use crate::widgets::finding_item::with_code;

/// One file of the tab list.
struct FileTab<'a> {
    id: String,
    title: Html,
    filename: &'a str,
    content: &'a str,
    /// The export format's code (`sh`, `tf`, `ros`) when the file is an export.
    export: Option<&'static str>,
}

/// The plan's exports in every format, in `Format::ALL` order: none when the plan has errors.
fn exports(plan: &Plan) -> Vec<(Format, String)> {
    Format::ALL
        .into_iter()
        .filter_map(|format| export::plan_export(plan, format).map(|text| (format, text)))
        .collect()
}

/// What the last Copy did, for which file and which exact text: typing on changes the text
/// and so clears the confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CopyResult {
    artifact: String,
    content: String,
    copied: bool,
}

/// The tab a key moves to from tab `from` of `count`, if the key is one the pattern uses.
fn tab_for_key(key: &str, from: usize, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match key {
        "ArrowRight" => Some(if from >= last { 0 } else { from + 1 }),
        "ArrowLeft" => Some(if from == 0 { last } else { from - 1 }),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

#[component]
pub fn ArtifactTabs() -> Html {
    let selected = use_state(|| None::<String>);
    let copy_result = use_state(|| None::<CopyResult>);
    let plan = use_context::<PlanContext>();
    // Derived like the plan: recomputed exactly when the plan changes.
    let exported: Rc<Vec<(Format, String)>> = use_memo(plan.clone(), |plan| {
        plan.as_deref().map(exports).unwrap_or_default()
    });
    let (Some(page), Some(plan)) = (use_context::<PageHandle>(), plan) else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let page_strings = strings::scenario_strings(lang);
    let export_strings = i18n::export_strings(lang);
    let files: Vec<FileTab<'_>> = plan
        .artifacts
        .iter()
        .map(|artifact| FileTab {
            id: artifact.id.clone(),
            title: with_code(&artifact.title),
            filename: &artifact.filename,
            content: &artifact.content,
            export: None,
        })
        .chain(exported.iter().map(|(format, text)| FileTab {
            id: format!("export-{}", format.code()),
            title: html! { { i18n::export_title(*format, lang) } },
            filename: format.filename(),
            content: text,
            export: Some(format.code()),
        }))
        .collect();
    let current = selected
        .as_deref()
        .and_then(|id| files.iter().find(|file| file.id == id))
        .or_else(|| files.first());
    let Some(current) = current else {
        return Html::default();
    };
    let ids: Vec<String> = files.iter().map(|file| file.id.clone()).collect();
    let tabs = files.iter().enumerate().map(|(index, file)| {
        let is_current = file.id == current.id;
        let onclick = {
            let selected = selected.clone();
            let id = file.id.clone();
            Callback::from(move |_: MouseEvent| selected.set(Some(id.clone())))
        };
        let onkeydown = {
            let selected = selected.clone();
            let ids = ids.clone();
            Callback::from(move |event: KeyboardEvent| {
                if event.alt_key() || event.ctrl_key() || event.meta_key() {
                    return;
                }
                let Some(id) =
                    tab_for_key(&event.key(), index, ids.len()).and_then(|target| ids.get(target))
                else {
                    return;
                };
                event.prevent_default();
                browser::focus(&format!("tab-{id}"));
                selected.set(Some(id.clone()));
            })
        };
        html! {
            <button
                type="button"
                role="tab"
                class={classes!("tab", file.export.map(|_| "export-tab"))}
                id={format!("tab-{}", file.id)}
                data-artifact={file.id.clone()}
                data-export={file.export}
                aria-selected={if is_current { "true" } else { "false" }}
                aria-controls={format!("panel-{}", file.id)}
                tabindex={if is_current { "0" } else { "-1" }}
                {onclick}
                {onkeydown}
            >
                { file.title.clone() }
            </button>
        }
    });
    let panels = files.iter().map(|file| {
        let is_current = file.id == current.id;
        let on_copy = {
            let copy_result = copy_result.clone();
            let id = file.id.clone();
            let content = file.content.to_owned();
            Callback::from(move |_: MouseEvent| {
                let copy_result = copy_result.clone();
                let artifact = id.clone();
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
            let filename = file.filename.to_owned();
            let content = file.content.to_owned();
            Callback::from(move |_: MouseEvent| {
                let _ = browser::download(&filename, &content, browser::mime_type(&filename));
            })
        };
        let status = copy_result
            .as_ref()
            .filter(|result| result.artifact == file.id && result.content == file.content)
            .map(|result| {
                if result.copied {
                    html! { <span class="copy-ok">{ strings.copied }</span> }
                } else {
                    html! { <span class="copy-failed">{ strings.copy_failed }</span> }
                }
            });
        let hint = file
            .export
            .map(|_| html! { <p class="hint export-hint">{ export_strings.export_hint }</p> });
        html! {
            <div
                class="tab-panel"
                role="tabpanel"
                id={format!("panel-{}", file.id)}
                aria-labelledby={format!("tab-{}", file.id)}
                data-artifact={file.id.clone()}
                data-export={file.export}
                data-filename={file.filename.to_owned()}
                hidden={!is_current}
            >
                { hint }
                <div class="file-bar">
                    <code class="file-name">{ file.filename.to_owned() }</code>
                    <button type="button" class="copy-button" onclick={on_copy}>{ strings.copy }</button>
                    <button type="button" class="download-button" onclick={on_download}>{ strings.download }</button>
                    <span class="copy-status" role="status" aria-live="polite">{ status }</span>
                </div>
                <pre class="artifact-content" tabindex="0"><code>{ file.content.to_owned() }</code></pre>
            </div>
        }
    });
    html! {
        <section class="files" aria-labelledby="files-heading">
            <h4 id="files-heading" class="sub-heading">{ page_strings.files_heading }</h4>
            <div class="tabs" role="tablist" aria-label={page_strings.files_group}>
                { for tabs }
            </div>
            { for panels }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(tab_for_key("ArrowRight", 0, 3), Some(1));
        assert_eq!(tab_for_key("ArrowRight", 2, 3), Some(0));
        assert_eq!(tab_for_key("ArrowLeft", 0, 3), Some(2));
        assert_eq!(tab_for_key("ArrowLeft", 2, 3), Some(1));
        assert_eq!(tab_for_key("Home", 2, 3), Some(0));
        assert_eq!(tab_for_key("End", 0, 3), Some(2));
        assert_eq!(tab_for_key("Enter", 0, 3), None);
        assert_eq!(tab_for_key("ArrowRight", 0, 0), None);
    }
}
