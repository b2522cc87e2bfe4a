//! The plan's findings about one input, shown right under it.

use ramplan_core::Finding;
use yew::prelude::*;

use crate::widgets::finding_item::FindingItem;

#[derive(Properties, PartialEq)]
pub struct FieldFindingsProps {
    /// The element id, so the input can point at the list with `aria-describedby`.
    pub id: AttrValue,
    pub findings: Vec<Finding>,
}

#[component]
pub fn FieldFindings(props: &FieldFindingsProps) -> Html {
    if props.findings.is_empty() {
        return Html::default();
    }
    let items = props.findings.iter().map(|finding| {
        html! { <FindingItem finding={finding.clone()} class="field-finding" /> }
    });
    html! {
        <ul id={props.id.clone()} class="field-findings">
            { for items }
        </ul>
    }
}
