//! Which kind of policy to lint as: guessed from the document, or chosen.

use std::rc::Rc;

use ramplan_core::{KindChoice, LintReport};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::state::{PageAction, PageHandle};

#[derive(Properties, PartialEq)]
pub struct KindPickerProps {
    pub report: Rc<LintReport>,
}

#[component]
pub fn KindPicker(props: &KindPickerProps) -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    let page_strings = strings::checker_strings(page.lang);
    let onchange = {
        let page = page.clone();
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            if let Some(kind) = KindChoice::parse(&select.value()) {
                page.dispatch(PageAction::ChooseKind(kind));
            }
        })
    };
    let options = [
        (KindChoice::Auto, "auto", page_strings.kind_auto),
        (
            KindChoice::Permission,
            "permission",
            strings.kind_permission,
        ),
        (KindChoice::Trust, "trust", strings.kind_trust),
        (
            KindChoice::BucketPolicy,
            "bucket-policy",
            strings.kind_bucket,
        ),
    ]
    .into_iter()
    .map(|(kind, value, label)| {
        html! { <option {value} selected={page.kind == kind}>{ label }</option> }
    });
    let report = &props.report;
    let detected = report.kind_guessed.then(|| {
        html! {
            <span class="kind-detected" id="kind-detected" data-kind={report.kind.as_str()}>
                { format!("{}{}", strings.detected, page.lang.pick(": ", "：")) }
                <strong>{ i18n::kind_name(report.kind, page.lang) }</strong>
            </span>
        }
    });
    html! {
        <div class="kind-picker">
            <label for="kind">{ page_strings.kind_label }</label>
            <select id="kind" name="kind" {onchange}>
                { for options }
            </select>
            { detected }
        </div>
    }
}
