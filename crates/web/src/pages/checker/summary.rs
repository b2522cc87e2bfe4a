//! One line: how many findings of each severity, which kind of policy, which catalogue.

use std::rc::Rc;

use ramplan_core::{LintReport, Severity};
use yew::prelude::*;

use crate::i18n;
use crate::state::PageHandle;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub report: Rc<LintReport>,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let report = &props.report;
    let class = classes!(
        "summary",
        report.has_errors().then_some("summary-has-errors"),
        report.findings.is_empty().then_some("summary-clean")
    );
    html! {
        <p id="summary" {class}>
            // Only the count is announced: it is what changes as the person types.
            <span
                id="finding-count"
                class="summary-count"
                role="status"
                aria-live="polite"
                aria-atomic="true"
                data-count={report.findings.len().to_string()}
                data-errors={report.count(Severity::Error).to_string()}
            >
                { i18n::counts(report, lang) }
            </span>
            <span class="summary-separator" aria-hidden="true">{ " · " }</span>
            <span
                class="summary-kind"
                data-kind={report.kind.as_str()}
                data-guessed={if report.kind_guessed { "true" } else { "false" }}
            >
                { i18n::kind_summary(report, lang) }
            </span>
            <span class="summary-separator" aria-hidden="true">{ " · " }</span>
            <span class="summary-catalogue">{ i18n::catalogue(lang) }</span>
        </p>
    }
}
