//! One input of a scenario form, labelled, with its help text and the findings about it.
//! Text, a select for a fixed list, a checkbox for a yes/no, or comma-separated text for a list.

use ramplan_core::plan::{scenario, FieldKind, FieldSpec, RecordSpec};
use ramplan_core::Severity;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::pages::scenario::form::{
    concerns, dom_id, field_path, FieldValue, FormAction, FormFindings, FormHandle, Slot,
};
use crate::pages::scenario::PlanContext;
use crate::state::PageHandle;
use crate::widgets::field_findings::FieldFindings;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct FormFieldProps {
    /// Index of the field in the scenario's declared fields.
    pub field: usize,
    /// For a sub-field of a list field: (group index, sub-field index).
    #[prop_or_default]
    pub record: Option<(usize, usize)>,
}

#[component]
pub fn FormField(props: &FormFieldProps) -> Html {
    let (Some(page), Some(form), Some(shown), Some(plan)) = (
        use_context::<PageHandle>(),
        use_context::<FormHandle>(),
        use_context::<FormFindings>(),
        use_context::<PlanContext>(),
    ) else {
        return Html::default();
    };
    let Some(spec) = scenario(form.scenario) else {
        return Html::default();
    };
    let Some(top) = spec.fields.get(props.field) else {
        return Html::default();
    };
    let (field, value, path): (&FieldSpec, Option<&FieldValue>, String) = match props.record {
        None => (top, form.values.get(props.field), field_path(top, None)),
        Some((record, sub)) => {
            let FieldKind::Records(RecordSpec {
                fields: sub_fields, ..
            }) = &top.kind
            else {
                return Html::default();
            };
            let Some(field) = sub_fields.get(sub) else {
                return Html::default();
            };
            let value = match form.values.get(props.field) {
                Some(FieldValue::Records(records)) => records.get(record).and_then(|r| r.get(sub)),
                _ => None,
            };
            (field, value, field_path(top, Some((record, field))))
        }
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let page_strings = strings::scenario_strings(lang);
    let slot = Slot {
        field: props.field,
        record: props.record,
    };
    let id = dom_id(&path);
    let help_id = format!("{id}-help");
    let findings_id = format!("{id}-findings");
    let findings = shown.shown(|finding| finding.field().is_some_and(|f| concerns(f, &path)));
    let invalid = findings.iter().any(|f| f.severity == Severity::Error);
    let described_by = if findings.is_empty() {
        help_id.clone()
    } else {
        format!("{help_id} {findings_id}")
    };
    let label = lang.pick(field.label_en, field.label_zh);
    let required = field.required.then(|| {
        html! { <span class="field-required">{ format!(" ({})", strings.required) }</span> }
    });
    let list_hint = matches!(field.kind, FieldKind::StringList).then(|| {
        html! { <>{ " " }{ page_strings.list_hint }</> }
    });
    let help = html! {
        <p id={help_id.clone()} class="field-help">{ with_code(lang.pick(field.help_en, field.help_zh)) }{ list_hint }</p>
    };
    let aria_invalid = if invalid { "true" } else { "false" };
    // What the plan made of a value written otherwise ("5.16" is read as "V5.16.0"). Always
    // one node, so the input before it is never re-created (losing the focus mid-word) when
    // the line comes or goes.
    let read_as = plan.read_as.iter().find(|read| read.field == path);
    let read_as = html! {
        <p class="field-read-as" data-field={path.clone()} hidden={read_as.is_none()}>
            if let Some(read) = read_as {
                { page_strings.read_as }{ " " }<code>{ read.value.clone() }</code>
            }
        </p>
    };

    let control = match (&field.kind, value) {
        (FieldKind::Bool, Some(FieldValue::Bool(on))) => {
            let onchange = {
                let form = form.clone();
                Callback::from(move |event: Event| {
                    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                        form.dispatch(FormAction::Toggle(slot, input.checked()));
                    }
                })
            };
            return html! {
                <div class={classes!("field", "field-checkbox", invalid.then_some("field-invalid"))} data-field={path.clone()}>
                    <div class="checkbox-row">
                        <input type="checkbox" id={id.clone()} name={path.clone()} checked={*on}
                            aria-describedby={described_by} aria-invalid={aria_invalid} {onchange} />
                        <label for={id.clone()}>{ label }</label>
                    </div>
                    { help }
                    <FieldFindings id={findings_id} {findings} />
                </div>
            };
        }
        (FieldKind::Choice(choices), Some(FieldValue::Text(current))) => {
            let onchange = {
                let form = form.clone();
                Callback::from(move |event: Event| {
                    if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                        form.dispatch(FormAction::Type(slot, select.value()));
                    }
                })
            };
            let blank = field.default.is_none().then(|| {
                html! { <option value="" selected={current.is_empty()}>{ page_strings.choose }</option> }
            });
            let options = choices.iter().map(|choice| {
                html! { <option value={*choice} selected={current == choice}>{ *choice }</option> }
            });
            html! {
                <select id={id.clone()} name={path.clone()} aria-describedby={described_by}
                    aria-invalid={aria_invalid} {onchange}>
                    { blank }
                    { for options }
                </select>
            }
        }
        (_, Some(FieldValue::Text(current))) => {
            let oninput = {
                let form = form.clone();
                Callback::from(move |event: InputEvent| {
                    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                        form.dispatch(FormAction::Type(slot, input.value()));
                    }
                })
            };
            html! {
                <input type="text" id={id.clone()} name={path.clone()} value={current.clone()}
                    spellcheck="false" autocomplete="off" autocapitalize="off"
                    aria-describedby={described_by} aria-invalid={aria_invalid}
                    required={field.required} {oninput} />
            }
        }
        _ => return Html::default(),
    };
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))} data-field={path}>
            <label for={id}>{ label }{ required }</label>
            { help }
            { control }
            { read_as }
            <FieldFindings id={findings_id} {findings} />
        </div>
    }
}
