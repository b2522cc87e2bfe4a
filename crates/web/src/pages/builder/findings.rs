//! The findings placed on one card or field of the builder, shown right under it.

use ramplan_core::builder::{Place, Placed, Target};
use yew::prelude::*;

use crate::i18n;
use crate::state::PageLang;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct PlacedListProps {
    /// The list's id, so a field can point at it with `aria-describedby`.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub placed: Vec<Placed>,
}

#[component]
pub fn PlacedList(props: &PlacedListProps) -> Html {
    // The language alone: a keystroke elsewhere does not re-render this.
    let Some(PageLang(lang)) = use_context::<PageLang>() else {
        return Html::default();
    };
    if props.placed.is_empty() {
        return Html::default();
    }
    let strings = i18n::strings(lang);
    let items = props.placed.iter().map(|placed| {
        let finding = &placed.finding;
        let severity = finding.severity.as_str();
        let (target, value) = describe(&placed.place);
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
                data-target={target}
                data-value={value.map(|v| v.to_string())}
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
        <ul id={props.id.clone()} class="field-findings builder-findings">
            { for items }
        </ul>
    }
}

/// The field a finding is on, for the page's data attributes: its name and, when it is about
/// one value of a list, the value's position.
pub fn describe(place: &Place) -> (&'static str, Option<usize>) {
    match place {
        Place::Document => ("document", None),
        Place::Statement { target, .. } => match *target {
            Target::Card => ("card", None),
            Target::Raw => ("raw", None),
            Target::Sid => ("sid", None),
            Target::Effect => ("effect", None),
            Target::Action { value } => ("action", value),
            Target::Resource { value } => ("resource", value),
            Target::Condition { entry, .. } => ("condition", entry),
        },
    }
}

/// The findings whose target is this field.
pub fn on(placed: &[Placed], field: &str) -> Vec<Placed> {
    placed
        .iter()
        .filter(|p| describe(&p.place).0 == field)
        .cloned()
        .collect()
}
