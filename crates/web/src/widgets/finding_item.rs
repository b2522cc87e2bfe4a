//! One finding, whatever found it: the linter, a scenario's inputs, the check of an existing
//! setup. Findings with a place in a text the person can select are buttons: a click, Enter
//! or Space selects that place in its text area.

use ramplan_core::position::TextRange;
use ramplan_core::Finding;
use yew::prelude::*;

use crate::i18n;
use crate::state::PageHandle;

#[derive(Properties, PartialEq)]
pub struct FindingItemProps {
    pub finding: Finding,
    /// Selects the finding's span in its text area; `None` when no text area holds it.
    #[prop_or_default]
    pub on_select: Option<Callback<TextRange>>,
    /// Classes beside `finding` (`field-finding`, `existing-finding`).
    #[prop_or_default]
    pub class: Classes,
    /// What to call the place of a finding about no document in particular.
    #[prop_or_default]
    pub whole: Option<AttrValue>,
}

#[component]
pub fn FindingItem(props: &FindingItemProps) -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let finding = &props.finding;
    let severity = finding.severity.as_str();
    let line_column = finding
        .span
        .map(|range| format!("{}:{}", range.start.line, range.start.column));
    let place = match (finding.document().or(props.whole.as_deref()), line_column) {
        (Some(document), Some(at)) => Some(format!("{document} {at}")),
        (Some(document), None) => Some(document.to_owned()),
        (None, at) => at,
    };
    let location = place.map(|place| {
        html! {
            <span class="finding-location" title={strings.line_column}>{ place }</span>
        }
    });
    let help = finding.help.as_deref().map(|help| {
        html! {
            <span class="finding-help">
                <span class="finding-help-label">{ format!("{}{}", strings.help, lang.pick(": ", "：")) }</span>
                { with_code(help) }
            </span>
        }
    });
    let body = html! {
        <>
            <span class="finding-head">
                <span class={classes!("severity", format!("severity-{severity}"))}>
                    { finding.severity.label(lang) }
                </span>
                <code class="finding-code">{ finding.code }</code>
                { location }
            </span>
            <span class="finding-message">{ with_code(&finding.message) }</span>
            { help }
        </>
    };
    let class = classes!(
        "finding",
        props.class.clone(),
        format!("finding-{severity}")
    );
    let target = match (finding.span, props.on_select.clone()) {
        (Some(range), Some(on_select)) => {
            let onclick = Callback::from(move |_: MouseEvent| on_select.emit(range));
            html! { <button type="button" class="finding-target" {onclick}>{ body }</button> }
        }
        _ => html! { <div class="finding-target">{ body }</div> },
    };
    let path = finding.field().is_none().then(|| finding.path().to_owned());
    let range = finding.span;
    html! {
        <li
            {class}
            data-code={finding.code}
            data-severity={severity}
            data-path={path}
            data-document={finding.document().map(str::to_owned)}
            data-field={finding.field().map(str::to_owned)}
            data-line={range.map(|r| r.start.line.to_string())}
            data-column={range.map(|r| r.start.column.to_string())}
            data-end-line={range.map(|r| r.end.line.to_string())}
            data-end-column={range.map(|r| r.end.column.to_string())}
        >
            { target }
        </li>
    }
}

/// Messages quote user values and element names in backticks; show those as code.
pub fn with_code(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part.to_owned() }</code> }
            } else {
                html! { { part.to_owned() } }
            }
        })
        .collect()
}
