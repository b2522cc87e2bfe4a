//! The plan's findings about one input, shown right under it.

use ramplan_core::plan::PlanFinding;
use yew::prelude::*;

use super::finding_item::with_code;
use crate::i18n;
use crate::state::PageHandle;

#[derive(Properties, PartialEq)]
pub struct FieldFindingsProps {
    /// The element id, so the input can point at the list with `aria-describedby`.
    pub id: AttrValue,
    pub findings: Vec<PlanFinding>,
}

#[component]
pub fn FieldFindings(props: &FieldFindingsProps) -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    if props.findings.is_empty() {
        return Html::default();
    }
    let items = props.findings.iter().map(|finding| {
        let severity = finding.severity.as_str();
        let help = finding.help.as_deref().map(|help| {
            html! {
                <span class="finding-help">
                    <span class="finding-help-label">{ format!("{}{}", strings.help, lang.pick(": ", "：")) }</span>
                    { with_code(help) }
                </span>
            }
        });
        html! {
            <li
                class={classes!("field-finding", "finding", format!("finding-{severity}"))}
                data-code={finding.code}
                data-severity={severity}
                data-field={finding.field.clone()}
            >
                <span class="finding-head">
                    <span class={classes!("severity", format!("severity-{severity}"))}>
                        { finding.severity.label(lang) }
                    </span>
                    <code class="finding-code">{ finding.code }</code>
                </span>
                <span class="finding-message">{ with_code(&finding.message) }</span>
                { help }
            </li>
        }
    });
    html! {
        <ul id={props.id.clone()} class="field-findings">
            { for items }
        </ul>
    }
}
