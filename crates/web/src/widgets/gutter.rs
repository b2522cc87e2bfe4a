//! Line numbers beside the text area, each line that a finding starts on marked with the
//! most severe such finding. Decoration only: the findings list says the same in words, so
//! screen readers skip it. The policy editor scrolls it with the text area.

use std::rc::Rc;

use ramplan_core::{Finding, LintReport, Severity};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GutterProps {
    /// The gutter, for the policy editor to scroll.
    pub node: NodeRef,
    pub text: Rc<str>,
    pub report: Rc<LintReport>,
}

#[component]
pub fn Gutter(props: &GutterProps) -> Html {
    let marks = line_marks(&props.text, &props.report.findings);
    let count = marks.len();
    let lines = marks.into_iter().enumerate().map(|(i, severity)| {
        let number = (i + 1).to_string();
        match severity {
            None => html! { <span class="gutter-line" data-line={number.clone()}>{ number }</span> },
            Some(severity) => {
                let severity = severity.as_str();
                html! {
                    <span
                        class={classes!("gutter-line", "gutter-marked", format!("gutter-{severity}"))}
                        data-line={number.clone()}
                        data-severity={severity}
                    >
                        { number }
                    </span>
                }
            }
        }
    });
    html! {
        <div
            class="gutter"
            id="gutter"
            ref={props.node.clone()}
            aria-hidden="true"
            data-lines={count.to_string()}
        >
            // Sizes the gutter to its widest number; the numbers themselves are positioned
            // out of the flow so they never stretch the editor's height.
            <span class="gutter-sizer">{ count.to_string() }</span>
            <div class="gutter-lines">{ for lines }</div>
        </div>
    }
}

/// One entry per line of `text` (a final line break starts an empty last line, as in the
/// text area): the most severe finding that starts on it.
pub fn line_marks(text: &str, findings: &[Finding]) -> Vec<Option<Severity>> {
    let count = text.split('\n').count();
    let mut marks = vec![None; count];
    for finding in findings {
        let Some(range) = finding.span else {
            continue;
        };
        let line = range.start.line.clamp(1, count);
        if let Some(mark) = marks.get_mut(line - 1) {
            let worst = mark.map_or(finding.severity, |s: Severity| s.min(finding.severity));
            *mark = Some(worst);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use ramplan_core::{lint, LintOptions};

    fn marks(text: &str) -> Vec<Option<Severity>> {
        line_marks(text, &lint(text, &LintOptions::default()).findings)
    }

    #[test]
    fn one_entry_per_line_including_an_empty_last_line() {
        assert_eq!(marks("").len(), 1);
        assert_eq!(marks("{}").len(), 1);
        assert_eq!(marks("{}\n").len(), 2);
        let example = crate::state::EXAMPLE_POLICY;
        assert_eq!(marks(example), vec![None; example.lines().count() + 1]);
    }

    #[test]
    fn each_line_shows_its_most_severe_finding() {
        let found = marks(crate::state::Example::WithProblems.text());
        assert_eq!(found[4], Some(Severity::Error));
        assert_eq!(found[7], Some(Severity::Suggestion));
        assert_eq!(found[8], Some(Severity::Warning));
        assert_eq!(found[14], Some(Severity::Security));
        assert_eq!(found[0], None);
    }
}
