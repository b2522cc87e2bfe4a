//! One finding. Findings with a place in the text are buttons: a click, Enter or Space
//! selects that place in the text area.

use ramplan_core::position::TextRange;
use ramplan_core::Finding;
use yew::prelude::*;

use crate::i18n;
use crate::state::PageHandle;

#[derive(Properties, PartialEq)]
pub struct FindingItemProps {
    pub finding: Finding,
    pub on_select: Callback<TextRange>,
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
    let location = finding.span.map(|range| {
        html! {
            <span class="finding-location" title={strings.line_column}>
                { format!("{}:{}", range.start.line, range.start.column) }
            </span>
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
    let class = classes!("finding", format!("finding-{severity}"));
    let path = finding.path.clone();
    match finding.span {
        Some(range) => {
            let onclick = {
                let on_select = props.on_select.clone();
                Callback::from(move |_: MouseEvent| on_select.emit(range))
            };
            html! {
                <li
                    {class}
                    data-code={finding.code}
                    data-severity={severity}
                    data-path={path}
                    data-line={range.start.line.to_string()}
                    data-column={range.start.column.to_string()}
                    data-end-line={range.end.line.to_string()}
                    data-end-column={range.end.column.to_string()}
                >
                    <button type="button" class="finding-target" {onclick}>{ body }</button>
                </li>
            }
        }
        None => html! {
            <li {class} data-code={finding.code} data-severity={severity} data-path={path}>
                <div class="finding-target">{ body }</div>
            </li>
        },
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
