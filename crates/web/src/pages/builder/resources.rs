//! A card's resources: Resource or NotResource, the list (each editable as text), an ARN
//! builder that knows the service's ARN shapes with "any" per field, and a free-text ARN.

use ramplan_core::builder::arn_builder::{self, FieldError};
use ramplan_core::builder::{Edit, Placed, ResourceSet};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::strings;
use crate::pages::builder::findings::{describe, PlacedList};
use crate::pages::builder::OnEdit;
use crate::state::PageLang;

/// One field of the ARN builder as typed: its name, its text, and whether "any" is ticked.
#[derive(Debug, Clone, PartialEq)]
struct FieldValue {
    name: &'static str,
    text: String,
    any: bool,
}

#[derive(Properties, PartialEq)]
pub struct BuilderResourcesProps {
    pub index: usize,
    pub resources: ResourceSet,
    pub service: String,
    pub placed: Vec<Placed>,
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderResources(props: &BuilderResourcesProps) -> Html {
    let shape_id = use_state(String::new);
    let fields = use_state(Vec::<FieldValue>::new);
    let tried = use_state(|| false);
    let free = use_state(String::new);
    // The language alone: a keystroke elsewhere does not re-render this.
    let Some(PageLang(lang)) = use_context::<PageLang>() else {
        return Html::default();
    };
    let strings = strings::builder_strings(lang);
    let index = props.index;
    let id = |name: &str| format!("card-{index}-{name}");
    let shapes = arn_builder::shapes_for(&props.service);
    let shape = shapes
        .iter()
        .find(|s| s.id == *shape_id)
        .or(shapes.first())
        .copied()
        .unwrap_or(&arn_builder::GENERIC);
    let specs = shape.fields();
    // Region and account start as "any"; the names the person must give do not.
    let current: Vec<FieldValue> = specs
        .iter()
        .map(|spec| {
            fields
                .iter()
                .find(|f| f.name == spec.name)
                .cloned()
                .unwrap_or(FieldValue {
                    name: spec.name,
                    text: String::new(),
                    any: matches!(spec.name, "region" | "account"),
                })
        })
        .collect();
    let given: Vec<(&str, &str)> = current
        .iter()
        .filter(|f| !f.any)
        .map(|f| (f.name, f.text.trim()))
        .collect();
    let built: Result<String, Vec<FieldError>> = arn_builder::build(shape, &given);

    let set_field = {
        let fields = fields.clone();
        let current = current.clone();
        let tried = tried.clone();
        move |name: &'static str, text: Option<String>, any: Option<bool>| {
            let mut next = current.clone();
            if let Some(field) = next.iter_mut().find(|f| f.name == name) {
                if let Some(text) = text {
                    field.text = text;
                }
                if let Some(any) = any {
                    field.any = any;
                }
            }
            fields.set(next);
            tried.set(false);
        }
    };
    let field_rows = specs.iter().map(|spec| {
        let value = current
            .iter()
            .find(|f| f.name == spec.name)
            .cloned()
            .unwrap_or(FieldValue {
                name: spec.name,
                text: String::new(),
                any: false,
            });
        let input_id = id(&format!("arn-{}", spec.name));
        let any_id = format!("{input_id}-any");
        let error = match &built {
            Err(errors) if !value.any && (*tried || !value.text.trim().is_empty()) => errors
                .iter()
                .find(|e| e.field == spec.name)
                .map(|e| e.message(lang)),
            _ => None,
        };
        let error_id = format!("{input_id}-error");
        let on_text = {
            let set_field = set_field.clone();
            let name = spec.name;
            Callback::from(move |event: InputEvent| {
                if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                    set_field(name, Some(input.value()), None);
                }
            })
        };
        let on_any = {
            let set_field = set_field.clone();
            let name = spec.name;
            Callback::from(move |event: Event| {
                if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                    set_field(name, None, Some(input.checked()));
                }
            })
        };
        html! {
            <div class="arn-field" data-field={spec.name}>
                <label for={input_id.clone()} class="field-label">{ lang.pick(spec.label_en, spec.label_zh) }</label>
                <span class="arn-field-inputs">
                    <input
                        id={input_id.clone()}
                        class="arn-input"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder={spec.example}
                        disabled={value.any}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| error_id.clone())}
                        value={if value.any { "*".to_owned() } else { value.text.clone() }}
                        oninput={on_text}
                    />
                    <span class="arn-any">
                        <input id={any_id.clone()} type="checkbox" checked={value.any} onchange={on_any} />
                        <label for={any_id}>{ strings.any }</label>
                    </span>
                </span>
                if let Some(error) = error {
                    <p id={error_id} class="field-error">{ crate::widgets::finding_item::with_code(&error) }</p>
                }
            </div>
        }
    });
    let shape_options = shapes.iter().map(|s| {
        html! {
            <option value={s.id} selected={s.id == shape.id}>
                { format!("{} · {}", s.title(lang), s.template()) }
            </option>
        }
    });
    let on_shape = {
        let shape_id = shape_id.clone();
        let tried = tried.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                shape_id.set(select.value());
                tried.set(false);
            }
        })
    };
    let on_add_arn = {
        let on_edit = props.on_edit.clone();
        let built = built.clone();
        let tried = tried.clone();
        let fields = fields.clone();
        Callback::from(move |_: MouseEvent| match &built {
            Ok(arn) => {
                on_edit.emit(vec![Edit::AddResource {
                    index,
                    resource: arn.clone(),
                }]);
                fields.set(Vec::new());
                tried.set(false);
            }
            Err(_) => tried.set(true),
        })
    };
    let add_free = {
        let on_edit = props.on_edit.clone();
        let free = free.clone();
        move || {
            let resource = free.trim().to_owned();
            if !resource.is_empty() {
                on_edit.emit(vec![Edit::AddResource { index, resource }]);
                free.set(String::new());
            }
        }
    };
    let on_free_input = {
        let free = free.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                free.set(input.value());
            }
        })
    };
    let on_free_key = {
        let add_free = add_free.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                add_free();
            }
        })
    };
    let on_free_add = Callback::from(move |_: MouseEvent| add_free());

    let rows = props.resources.values.iter().enumerate().map(|(position, resource)| {
        let flagged = props
            .placed
            .iter()
            .any(|p| describe(&p.place) == ("resource", Some(position)));
        let input_id = id(&format!("resource-{position}"));
        let on_change = {
            let on_edit = props.on_edit.clone();
            Callback::from(move |event: Event| {
                if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                    on_edit.emit(vec![Edit::SetResource {
                        index,
                        position,
                        resource: input.value(),
                    }]);
                }
            })
        };
        let on_remove = {
            let on_edit = props.on_edit.clone();
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(vec![Edit::RemoveResource { index, position }]);
            })
        };
        html! {
            <li class={classes!("resource", flagged.then_some("resource-flagged"))} data-resource={resource.clone()} data-position={position.to_string()}>
                <label for={input_id.clone()} class="visually-hidden">{ format!("{} {}", strings.resource_text, position + 1) }</label>
                <input
                    id={input_id}
                    class="resource-input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    value={resource.clone()}
                    onchange={on_change}
                />
                <button type="button" class="chip-remove" aria-label={format!("{} {resource}", strings.remove)} onclick={on_remove}>
                    { "×" }
                </button>
            </li>
        }
    });
    let mode = if props.resources.not_resource {
        "not"
    } else {
        "is"
    };
    let on_mode = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let not_resource = select.value() == "not";
                on_edit.emit(vec![Edit::SetNotResource {
                    index,
                    not_resource,
                }]);
            }
        })
    };
    let preview = built.as_ref().ok().cloned().unwrap_or_default();
    html! {
        <fieldset class="card-section card-resources">
            <legend>{ strings.resources_heading }</legend>
            <span class="card-field">
                <label for={id("resource-mode")} class="field-label">{ strings.resource_mode }</label>
                <select id={id("resource-mode")} class="resource-mode" onchange={on_mode}>
                    <option value="is" selected={mode == "is"}>{ strings.resource_listed }</option>
                    <option value="not" selected={mode == "not"}>{ strings.resource_except }</option>
                </select>
            </span>
            if props.resources.values.is_empty() {
                <p class="hint empty-list">{ strings.no_resources }</p>
            } else {
                <ul class="resource-list">{ for rows }</ul>
            }
            <PlacedList id={AttrValue::from(id("resource-findings"))} placed={props.placed.clone()} />
            <div class="arn-builder" role="group" aria-labelledby={id("arn-heading")}>
                <h4 id={id("arn-heading")} class="arn-heading">{ strings.arn_builder }</h4>
                <span class="card-field">
                    <label for={id("arn-shape")} class="field-label">{ strings.arn_shape }</label>
                    <select id={id("arn-shape")} class="arn-shape" onchange={on_shape}>{ for shape_options }</select>
                </span>
                if !shape.confirmed {
                    <p class="hint">{ strings.unconfirmed_shape }</p>
                }
                { for field_rows }
                <p class="arn-preview"><output id={id("arn-preview")}>{ preview }</output></p>
                <button type="button" id={id("add-arn")} class="tool-button" onclick={on_add_arn}>{ strings.add_arn }</button>
            </div>
            <span class="card-field free-arn">
                <label for={id("free-arn")} class="field-label">{ strings.free_arn }</label>
                <input
                    id={id("free-arn")}
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    value={(*free).clone()}
                    oninput={on_free_input}
                    onkeydown={on_free_key}
                />
                <button type="button" id={id("add-free-arn")} class="tool-button" onclick={on_free_add}>{ strings.add }</button>
            </span>
        </fieldset>
    }
}
