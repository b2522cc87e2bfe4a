//! The findings' spans, drawn behind the text area. A `<pre>` holds the same text as the text
//! area, in the same font, size, padding, tab size and wrapping (none), so every character
//! sits exactly under its twin; its text is transparent and only the marks' tints and
//! underlines show through the text area's transparent background. The policy editor
//! scrolls it with the text area.

use std::rc::Rc;

use ramplan_core::{Finding, LintReport, Severity};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightsProps {
    /// The `<pre>`, for the policy editor to scroll.
    pub node: NodeRef,
    pub text: Rc<str>,
    pub report: Rc<LintReport>,
}

#[component]
pub fn Highlights(props: &HighlightsProps) -> Html {
    let pieces = pieces(&props.text, &props.report.findings);
    // One block per line: typing changes one line, so the browser lays out that line again,
    // not the whole text (one block of a few thousand characters took it about 2 ms).
    let rendered = lines(&pieces).into_iter().map(|line| {
        let runs = line.into_iter().map(|(text, mark)| match mark {
            None => html! { { text } },
            Some(mark) => {
                let severity = mark.severity.as_str();
                html! {
                    <mark
                        class={classes!("mark", format!("mark-{severity}"))}
                        data-severity={severity}
                        data-codes={mark.codes.join(" ")}
                    >
                        { text }
                    </mark>
                }
            }
        });
        html! { <span class="code-line">{ for runs }</span> }
    });
    html! {
        <pre class="code-backdrop" ref={props.node.clone()} aria-hidden="true"><code class="code-layer">{ for rendered }</code></pre>
    }
}

/// The pieces cut at every line break, one list of runs per line of the text (a final line
/// break starts an empty last line, as in the text area); the breaks themselves are left
/// out. A mark over a line break becomes one mark on each line.
pub fn lines<'p, 'a>(pieces: &'p [Piece<'a>]) -> Vec<Vec<(&'a str, Option<&'p Mark>)>> {
    let mut lines = vec![Vec::new()];
    for piece in pieces {
        for (i, run) in piece.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if let (false, Some(line)) = (run.is_empty(), lines.last_mut()) {
                line.push((run, piece.mark.as_ref()));
            }
        }
    }
    lines
}

/// A run of text and the findings that cover all of it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub mark: Option<Mark>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The most severe of the covering findings: the tint shown.
    pub severity: Severity,
    /// The covering findings' codes, in report order, each once.
    pub codes: Vec<&'static str>,
}

/// Where one finding is drawn, as byte offsets on character boundaries of the text.
struct Spot {
    start: usize,
    end: usize,
    /// An empty span at the end of a line or of the text (where parsing ran out): drawn as
    /// one extra space there, which moves nothing else on the line.
    caret: bool,
    severity: Severity,
    code: &'static str,
}

/// Cuts `text` into pieces at every span boundary, so overlapping and nested spans become a
/// flat run of marks. Pieces in order always add up to `text`, apart from the one-space
/// carets, which only ever come before a line break or at the end.
pub fn pieces<'a>(text: &'a str, findings: &[Finding]) -> Vec<Piece<'a>> {
    let spots: Vec<Spot> = findings
        .iter()
        .take(MAX_MARKED)
        .filter_map(|finding| spot(text, finding))
        .collect();
    let mut cuts: Vec<usize> = spots
        .iter()
        .flat_map(|spot| [spot.start, spot.end])
        .chain([0, text.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    // A sweep over the cuts: spots sorted by start join the active set as the sweep reaches
    // them and leave it once it passes their end, so each run looks only at the spots that
    // are open there, not at all of them.
    let mut by_start: Vec<usize> = (0..spots.len()).collect();
    ramplan_core::sort::sort_by_key(&mut by_start, |&i| spots.get(i).map(|s| s.start));
    let mut next_spot = 0;
    let mut active: Vec<usize> = Vec::new();

    let mut out = Vec::new();
    for (i, &at) in cuts.iter().enumerate() {
        while let Some(&index) = by_start.get(next_spot) {
            if spots.get(index).is_some_and(|s| s.start <= at) {
                active.push(index);
                next_spot += 1;
            } else {
                break;
            }
        }
        active.retain(|&index| {
            spots
                .get(index)
                .is_some_and(|s| s.end > at || (s.caret && s.start == at))
        });
        let open = |filter: &dyn Fn(&Spot) -> bool| {
            mark(
                active
                    .iter()
                    .filter_map(|&index| spots.get(index))
                    .filter(|s| filter(s)),
            )
        };
        if let Some(mark) = open(&|s| s.caret && s.start == at) {
            out.push(Piece {
                text: " ",
                mark: Some(mark),
            });
        }
        let Some(&next) = cuts.get(i + 1) else {
            break;
        };
        let Some(run) = text.get(at..next) else {
            continue;
        };
        out.push(Piece {
            text: run,
            mark: open(&|s| !s.caret && s.start <= at && next <= s.end),
        });
    }
    out
}

/// At most this many findings are drawn in the text; the list still says how many there are.
pub const MAX_MARKED: usize = 1000;

fn spot(text: &str, finding: &Finding) -> Option<Spot> {
    let range = finding.span?;
    let start = floor_boundary(text, range.start.offset);
    let end = floor_boundary(text, range.end.offset).max(start);
    let (end, caret) = if end > start {
        (end, false)
    } else {
        // An empty span: mark the character it points at, unless that is a line break.
        match text.get(start..).and_then(|rest| rest.chars().next()) {
            Some(c) if c != '\n' && c != '\r' => (start + c.len_utf8(), false),
            _ => (start, true),
        }
    };
    Some(Spot {
        start,
        end,
        caret,
        severity: finding.severity,
        code: finding.code,
    })
}

fn mark<'s>(spots: impl Iterator<Item = &'s Spot>) -> Option<Mark> {
    let mut found: Option<Mark> = None;
    for spot in spots {
        let mark = found.get_or_insert_with(|| Mark {
            severity: spot.severity,
            codes: Vec::new(),
        });
        mark.severity = mark.severity.min(spot.severity);
        if !mark.codes.contains(&spot.code) {
            mark.codes.push(spot.code);
        }
    }
    found
}

/// The offset rounded down to a character boundary inside the text.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use ramplan_core::{lint, LintOptions};

    /// A piece of text and, when it is marked, the severity and codes of its mark.
    type Marked = (String, Option<(Severity, Vec<&'static str>)>);

    fn marks(text: &str) -> Vec<Marked> {
        let report = lint(text, &LintOptions::default());
        pieces(text, &report.findings)
            .into_iter()
            .map(|p| (p.text.to_owned(), p.mark.map(|m| (m.severity, m.codes))))
            .collect()
    }

    fn joined(text: &str) -> String {
        let report = lint(text, &LintOptions::default());
        pieces(text, &report.findings)
            .iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn a_clean_policy_is_one_unmarked_piece() {
        let text = crate::state::EXAMPLE_POLICY;
        assert_eq!(marks(text), [(text.to_owned(), None)]);
    }

    #[test]
    fn a_finding_marks_exactly_its_span() {
        let text = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"allow \", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}]}";
        let found = marks(text);
        let marked: Vec<_> = found.iter().filter(|(_, m)| m.is_some()).collect();
        assert_eq!(marked.len(), 1, "{found:?}");
        assert_eq!(marked[0].0, "\"allow \"");
        assert_eq!(marked[0].1, Some((Severity::Error, vec!["RP102"])));
        assert_eq!(joined(text), text);
    }

    #[test]
    fn nested_spans_become_a_flat_run_with_the_most_severe_tint() {
        let text = crate::state::Example::WithProblems.text();
        assert_eq!(joined(text), text);
        let found = marks(text);
        assert!(
            found
                .iter()
                .any(|(run, m)| run == "\"allow\""
                    && m.as_ref().map(|m| m.0) == Some(Severity::Error))
        );
        assert!(found
            .iter()
            .any(|(run, m)| run == "\"ram:*\""
                && m.as_ref().map(|m| m.0) == Some(Severity::Security)));
    }

    #[test]
    fn multi_byte_text_is_cut_on_character_boundaries() {
        let text = "{\"Version\": \"1\", \"Statement\": [{\"Sid\": \"读取😀\",\t\"Effect\": \"allow \", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}]}";
        assert_eq!(joined(text), text);
        let found = marks(text);
        assert!(
            found
                .iter()
                .any(|(run, m)| run == "\"allow \"" && m.is_some()),
            "{found:?}"
        );
    }

    #[test]
    fn an_empty_span_at_a_line_end_is_a_caret_and_never_shifts_text() {
        // Parsing runs out at the very end: a one-space caret after the last character.
        let text = "{\n  \"Version\": \"1\",\n";
        let found = marks(text);
        let last = found.last().cloned();
        assert_eq!(
            last,
            Some((" ".to_owned(), Some((Severity::Error, vec!["RP001"]))))
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], (text.to_owned(), None));
    }

    #[test]
    fn lines_hold_the_text_line_by_line_and_split_marks_at_breaks() {
        for text in [
            "",
            "\n",
            "{}\n",
            crate::state::EXAMPLE_POLICY,
            crate::state::Example::WithProblems.text(),
            "{\n\n  \"Version\": \"1\",\r\n\n",
        ] {
            let report = lint(text, &LintOptions::default());
            let cut = pieces(text, &report.findings);
            let lines = lines(&cut);
            assert_eq!(lines.len(), text.split('\n').count(), "{text:?}");
            let joined: Vec<String> = lines
                .iter()
                .map(|line| line.iter().map(|(run, _)| *run).collect())
                .collect();
            let expected: String = cut.iter().map(|p| p.text).collect();
            assert_eq!(joined.join("\n"), expected, "{text:?}");
            assert!(lines
                .iter()
                .flatten()
                .all(|(run, _)| !run.is_empty() && !run.contains('\n')));
        }
        // A span over a line break: marked on both lines.
        let text = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": [\n\"Allow\"], \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}]}";
        let report = lint(text, &LintOptions::default());
        let cut = pieces(text, &report.findings);
        let lines = lines(&cut);
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].last().is_some_and(|(_, mark)| mark.is_some()),
            "{lines:?}"
        );
        assert!(
            lines[1].first().is_some_and(|(_, mark)| mark.is_some()),
            "{lines:?}"
        );
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_do_not_panic() {
        let finding = |start: usize, end: usize| {
            let mut finding = lint("", &LintOptions::default()).findings[0].clone();
            if let Some(span) = finding.span.as_mut() {
                span.start.offset = start;
                span.end.offset = end;
            }
            finding
        };
        let text = "a策b";
        let cut = pieces(text, &[finding(2, 3), finding(9, 2), finding(50, 60)]);
        assert_eq!(
            cut.iter().map(|p| p.text).collect::<String>(),
            format!("{text} ")
        );
        assert!(cut.iter().any(|p| p.text == "策" && p.mark.is_some()));
    }
}
