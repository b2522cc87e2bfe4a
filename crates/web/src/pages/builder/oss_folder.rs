//! The OSS folder helper: a bucket, a folder, read or read-write, with or without the
//! console; the statements it adds, each explained with its source.

use std::rc::Rc;

use ramplan_core::builder::oss_folder::{oss_folder_access, FolderAccess, FolderError};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::strings;
use crate::pages::builder::insert::BuilderInsert;
use crate::pages::builder::templates::explanation_list;
use crate::pages::builder::OnEdit;
use crate::state::PageHandle;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct BuilderOssFolderProps {
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderOssFolder(props: &BuilderOssFolderProps) -> Html {
    let bucket = use_state(String::new);
    let dir = use_state(String::new);
    let access = use_state(|| FolderAccess::Read);
    let console = use_state(|| true);
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = strings::builder_strings(lang);
    let result = oss_folder_access(bucket.trim(), dir.trim(), *access, *console);
    let errors: Vec<FolderError> = result.as_ref().err().cloned().unwrap_or_default();
    let error_for = |field: &str, typed: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .filter(|_| !typed.trim().is_empty())
            .map(|e| lang.pick(&e.message_en, &e.message_zh).clone())
    };
    let text_input =
        |id: &'static str, label: &'static str, state: UseStateHandle<String>, field: &str| {
            let error = error_for(field, &state);
            let error_id = format!("{id}-error");
            let oninput = {
                let state = state.clone();
                Callback::from(move |event: InputEvent| {
                    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                        state.set(input.value());
                    }
                })
            };
            html! {
                <span class="card-field">
                    <label for={id} class="field-label">{ label }</label>
                    <input
                        {id}
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| error_id.clone())}
                        value={(*state).clone()}
                        {oninput}
                    />
                    if let Some(error) = error {
                        <span id={error_id} class="field-error">{ with_code(&error) }</span>
                    }
                </span>
            }
        };
    let on_access = {
        let access = access.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                if let Some(value) = FolderAccess::parse(&select.value()) {
                    access.set(value);
                }
            }
        })
    };
    let on_console = {
        let console = console.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                console.set(input.checked());
            }
        })
    };
    let (doc, explanations) = match &result {
        Ok((doc, explanations)) => (Some(Rc::new(doc.clone())), explanations.clone()),
        Err(_) => (None, Vec::new()),
    };
    html! {
        <section id="oss-folder" class="builder-helper" aria-labelledby="oss-folder-heading">
            <h3 id="oss-folder-heading" class="helper-heading">{ strings.folder_heading }</h3>
            <p class="hint">{ strings.folder_hint }</p>
            { text_input("oss-folder-bucket", strings.bucket, bucket.clone(), "bucket") }
            { text_input("oss-folder-dir", strings.folder, dir.clone(), "dir") }
            <span class="card-field">
                <label for="oss-folder-access" class="field-label">{ strings.access }</label>
                <select id="oss-folder-access" onchange={on_access}>
                    <option value="read" selected={*access == FolderAccess::Read}>{ strings.access_read }</option>
                    <option value="read-write" selected={*access == FolderAccess::ReadWrite}>{ strings.access_read_write }</option>
                </select>
            </span>
            <span class="card-field arn-any">
                <input id="oss-folder-console" type="checkbox" checked={*console} onchange={on_console} />
                <label for="oss-folder-console">{ strings.console }</label>
            </span>
            { explanation_list("oss-folder-explanations", &explanations, lang) }
            <BuilderInsert
                id="oss-folder"
                {doc}
                replace_label={strings.replace_policy}
                confirm={strings.confirm_replace}
                append=true
                on_edit={props.on_edit.clone()}
            />
        </section>
    }
}
