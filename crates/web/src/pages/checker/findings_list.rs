//! The findings, in text order, as the core returned them.

use std::rc::Rc;

use ramplan_core::position::TextRange;
use ramplan_core::LintReport;
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::state::PageHandle;
use crate::widgets::finding_item::FindingItem;

/// The most findings the list shows.
pub const MAX_LISTED: usize = 500;

#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    pub report: Rc<LintReport>,
    /// Called with a finding's span when the person selects the finding.
    pub on_select: Callback<TextRange>,
}

#[component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    let page_strings = strings::checker_strings(page.lang);
    let findings = &props.report.findings;
    if findings.is_empty() {
        return html! {
            <p id="no-findings" class="no-findings">{ strings.no_findings }</p>
        };
    }
    let items = findings.iter().take(MAX_LISTED).map(|finding| {
        html! {
            <FindingItem finding={finding.clone()} on_select={Some(props.on_select.clone())} />
        }
    });
    // A document with thousands of findings lists the first ones: the page stays quick, and
    // the count says how many there are.
    let more = findings.len().saturating_sub(MAX_LISTED);
    html! {
        <>
            <p class="hint">{ page_strings.select_hint }</p>
            <ol id="findings" class="findings">
                { for items }
            </ol>
            if more > 0 {
                <p id="findings-more" class="plain-note">{ page_strings.findings_more.replace("{n}", &more.to_string()) }</p>
            }
        </>
    }
}
