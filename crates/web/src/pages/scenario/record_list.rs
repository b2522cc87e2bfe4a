//! A list field (grants, OSS buckets): one group of inputs per item, with Add and Remove.
//! Removing a group moves the focus to the first input of the group before it, or to Add
//! when there is none, so a keyboard or screen-reader user is not dropped at the top of the
//! page (or left on a Remove button that now belongs to another group).

use ramplan_core::plan::{scenario, FieldKind};
use yew::prelude::*;

use crate::browser;
use crate::i18n;
use crate::pages::scenario::form::{dom_id, FieldValue, FormAction, FormFindings, FormHandle};
use crate::pages::scenario::form_field::FormField;
use crate::state::PageHandle;
use crate::widgets::field_findings::FieldFindings;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct RecordListProps {
    /// Index of the list field in the scenario's declared fields.
    pub field: usize,
}

#[component]
pub fn RecordList(props: &RecordListProps) -> Html {
    // Where the focus goes once a removal has rendered. Not before: the list is unkeyed, so
    // an input element can be reused for a different group and change its id.
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                browser::focus(&id);
            }
        });
    }
    let (Some(page), Some(form), Some(shown)) = (
        use_context::<PageHandle>(),
        use_context::<FormHandle>(),
        use_context::<FormFindings>(),
    ) else {
        return Html::default();
    };
    let Some(field) = scenario(form.scenario).and_then(|spec| spec.fields.get(props.field)) else {
        return Html::default();
    };
    let (FieldKind::Records(item), Some(FieldValue::Records(records))) =
        (&field.kind, form.values.get(props.field))
    else {
        return Html::default();
    };
    let sub_fields = item.fields;
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let label = lang.pick(field.label_en, field.label_zh);
    let id = dom_id(field.name);
    let add_id = format!("{id}-add");
    let index = props.field;

    // Findings about the list as a whole or about one group, not about one of its inputs.
    let list_findings = |path: &str| shown.shown(|finding| finding.field() == Some(path));
    let groups = records.iter().enumerate().map(|(record, _)| {
        let group_label = item.item_label(record + 1, lang);
        let group_path = format!("{}[{record}]", field.name);
        let group_id = dom_id(&group_path);
        // The first input of the group before; else Add.
        let focus_after = record
            .checked_sub(1)
            .zip(sub_fields.first())
            .map(|(previous, first)| dom_id(&format!("{}[{previous}].{}", field.name, first.name)))
            .unwrap_or_else(|| add_id.clone());
        let onclick = {
            let form = form.clone();
            let focus_next = focus_next.clone();
            Callback::from(move |_: MouseEvent| {
                *focus_next.borrow_mut() = Some(focus_after.clone());
                form.dispatch(FormAction::RemoveRecord(index, record));
            })
        };
        let inputs = (0..sub_fields.len()).map(|sub| {
            html! { <FormField field={index} record={Some((record, sub))} /> }
        });
        html! {
            <fieldset class="record-group" data-field={group_path.clone()}>
                <legend>{ group_label.clone() }</legend>
                { for inputs }
                <FieldFindings id={format!("{group_id}-findings")} findings={list_findings(&group_path)} />
                <button type="button" class="remove-group"
                    aria-label={format!("{}{}{}", strings.remove_group, lang.pick(" ", ""), group_label)}
                    {onclick}>
                    { strings.remove_group }
                </button>
            </fieldset>
        }
    });
    let onclick = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.dispatch(FormAction::AddRecord(index)))
    };
    let required = field.required.then(|| {
        html! { <span class="field-required">{ format!(" ({})", strings.required) }</span> }
    });
    html! {
        <fieldset class="field record-list" data-field={field.name} aria-describedby={format!("{id}-help")}>
            <legend>{ label }{ required }</legend>
            <p id={format!("{id}-help")} class="field-help">{ with_code(lang.pick(field.help_en, field.help_zh)) }</p>
            <FieldFindings id={format!("{id}-findings")} findings={list_findings(field.name)} />
            { for groups }
            <button type="button" id={add_id} class="add-group" {onclick}>
                { item.add_label(lang) }
            </button>
        </fieldset>
    }
}
