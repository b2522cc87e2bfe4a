//! Findings as people and programs read them: rustc-style text with the source line and a
//! caret under the span, and the JSON contract of `ramplan lint --format json`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::catalogue::CATALOGUE_DATE;
use crate::finding::{Finding, Lang, Severity};
use crate::i18n::Phrase;
use crate::lint::{LintReport, RuleMeta};
use crate::policy::PolicyKind;
use crate::position::LineIndex;
use crate::rules::{DOCS, RULES};
use crate::secrets;

/// One linted input, for rendering.
pub struct Linted<'a> {
    /// What to call the input in output (`policy.json`, `<stdin>`).
    pub source: &'a str,
    pub text: &'a str,
    pub report: &'a LintReport,
}

/// Renders a lint report's findings the way rustc and Ruff print theirs.
pub fn text(linted: &Linted<'_>, lang: Lang) -> String {
    findings_text(
        linted.source,
        Some(linted.text),
        &linted.report.findings,
        lang,
    )
}

/// Every finding as text, whatever found it: `source:line:column: severity[code] [field]:
/// message`, the source line with a caret under the span when there is text, then the help.
/// `source` names the input (a file, `<stdin>`, a document, a scenario); `text` is what the
/// spans index, `None` when it is not to be shown.
pub fn findings_text(source: &str, text: Option<&str>, findings: &[Finding], lang: Lang) -> String {
    let index = text.map(LineIndex::new);
    let mut out = String::new();
    for finding in findings {
        render_finding(&mut out, source, index.as_ref(), finding, lang);
    }
    out
}

fn render_finding(
    out: &mut String,
    source: &str,
    index: Option<&LineIndex<'_>>,
    finding: &Finding,
    lang: Lang,
) {
    let severity = finding.severity.label(lang);
    let at = match finding.span {
        Some(range) => format!("{source}:{}:{}", range.start.line, range.start.column),
        None => source.to_owned(),
    };
    let field = finding
        .field()
        .map(|field| format!(" [{field}]"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{at}: {severity}[{}]{field}: {}",
        finding.code, finding.message
    );
    let mut pad = String::new();
    if let (Some(range), Some(index)) = (finding.span, index) {
        let line_no = range.start.line;
        let raw_line = index.line_text(line_no);
        pad = " ".repeat(line_no.to_string().len());
        let line_start = index.line_start(line_no);
        let start = range
            .start
            .offset
            .saturating_sub(line_start)
            .min(raw_line.len());
        let end = if range.end.line == line_no {
            range
                .end
                .offset
                .saturating_sub(line_start)
                .min(raw_line.len())
        } else {
            raw_line.len()
        };
        let (shown, start_col, width) = excerpt(raw_line, start, end.max(start));
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line_no} | {shown}");
        let _ = writeln!(
            out,
            "{pad} | {}{}",
            " ".repeat(start_col),
            "^".repeat(width)
        );
    }
    if let Some(help) = &finding.help {
        let pad = if pad.is_empty() { " " } else { &pad };
        let _ = writeln!(out, "{pad} = {}: {help}", Phrase::Help.text(lang));
    }
    out.push('\n');
}

/// A finding as a Markdown list item, for runbooks: severity in bold, the field it concerns,
/// the help on the next line.
pub fn finding_markdown(finding: &Finding, lang: Lang) -> String {
    let field = finding
        .field()
        .map(|field| format!(" (`{field}`)"))
        .unwrap_or_default();
    let mut out = format!(
        "- **{}** {}{field}\n",
        finding.severity.label(lang),
        finding.message
    );
    if let Some(help) = &finding.help {
        let _ = writeln!(out, "  {help}");
    }
    out
}

/// A line longer than this is shown as a window around the span, so that a document on one
/// line (minified, an API response) does not print its whole length for every finding.
const LINE_SHOWN_MAX: usize = 500;
/// How much of a long line is shown before and after the span's start.
const WINDOW_BEFORE: usize = 80;
const WINDOW_AFTER: usize = 240;

/// The line as shown (credentials masked, tabs expanded, long lines cut to a window marked
/// with `…`), the caret's column and its width, all in displayed characters.
fn excerpt(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    if line.len() <= LINE_SHOWN_MAX {
        let before = line.get(..start).unwrap_or_default();
        let spanned = line.get(start..end).unwrap_or_default();
        return (
            secrets::redact(&expand_tabs(line)),
            expand_tabs(before).chars().count(),
            expand_tabs(spanned).chars().count().max(1),
        );
    }
    let mut from = floor_boundary(line, start.saturating_sub(WINDOW_BEFORE));
    let mut to = floor_boundary(line, (start + WINDOW_AFTER).min(line.len()));
    // Never cut a word in two: half of a credential would escape masking.
    while from > 0 && line.get(from - 1..from).is_some_and(is_word) {
        from -= 1;
        if start - from > WINDOW_BEFORE * 2 {
            from = start;
            break;
        }
    }
    while to < line.len() && line.get(to..to + 1).is_some_and(is_word) {
        to += 1;
        if to - start > WINDOW_AFTER * 2 {
            break;
        }
    }
    let to = floor_boundary(line, to);
    let window = line.get(from..to).unwrap_or_default();
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < line.len() { "…" } else { "" };
    let before = line.get(from..start).unwrap_or_default();
    let spanned = line.get(start..end.min(to)).unwrap_or_default();
    (
        format!("{lead}{}{tail}", secrets::redact(&expand_tabs(window))),
        lead.chars().count() + expand_tabs(before).chars().count(),
        expand_tabs(spanned).chars().count().max(1),
    )
}

fn is_word(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-'))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn expand_tabs(text: &str) -> String {
    text.replace('\t', "    ")
}

/// The finding counts in words: "1 error, 2 warnings" / "1 个错误，2 个警告".
pub fn counts(findings: &[Finding], lang: Lang) -> String {
    let parts: Vec<String> = [
        Severity::Error,
        Severity::Security,
        Severity::Warning,
        Severity::Suggestion,
    ]
    .into_iter()
    .filter_map(|s| {
        let n = findings.iter().filter(|f| f.severity == s).count();
        (n > 0).then(|| match lang {
            Lang::En => format!("{n} {}", noun(s, n)),
            Lang::Zh => format!("{n} 个{}", s.label(lang)),
        })
    })
    .collect();
    if parts.is_empty() {
        return lang.pick("no findings", "未发现问题").to_owned();
    }
    parts.join(lang.pick(", ", "，"))
}

/// The one-line summary after a file's findings.
pub fn summary(linted: &Linted<'_>, lang: Lang) -> String {
    let report = linted.report;
    let found = counts(&report.findings, lang);
    let kind = report.kind.label(lang);
    let guessed = match (report.kind_guessed, lang) {
        (true, Lang::En) => ", guessed",
        (true, Lang::Zh) => "，自动识别",
        (false, _) => "",
    };
    match lang {
        Lang::En => format!(
            "{}: {found} ({kind}{guessed}; catalogue {CATALOGUE_DATE})",
            linted.source
        ),
        Lang::Zh => format!(
            "{}：{found}（{kind}{guessed}；目录日期 {CATALOGUE_DATE}）",
            linted.source
        ),
    }
}

fn noun(severity: Severity, n: usize) -> &'static str {
    match (severity, n == 1) {
        (Severity::Error, true) => "error",
        (Severity::Error, false) => "errors",
        (Severity::Security, true) => "security finding",
        (Severity::Security, false) => "security findings",
        (Severity::Warning, true) => "warning",
        (Severity::Warning, false) => "warnings",
        (Severity::Suggestion, true) => "suggestion",
        (Severity::Suggestion, false) => "suggestions",
    }
}

/// The JSON contract of `ramplan lint --format json`.
#[derive(Debug, Serialize)]
pub struct JsonOutput<'a> {
    pub results: Vec<JsonResult<'a>>,
    pub catalogue: JsonCatalogue,
}

#[derive(Debug, Serialize)]
pub struct JsonResult<'a> {
    pub source: &'a str,
    pub kind: PolicyKind,
    pub kind_guessed: bool,
    pub findings: &'a [Finding],
}

#[derive(Debug, Serialize)]
pub struct JsonCatalogue {
    pub date: &'static str,
}

pub fn json(linted: &[Linted<'_>]) -> String {
    let output = JsonOutput {
        results: linted
            .iter()
            .map(|l| JsonResult {
                source: l.source,
                kind: l.report.kind,
                kind_guessed: l.report.kind_guessed,
                findings: &l.report.findings,
            })
            .collect(),
        catalogue: JsonCatalogue {
            date: CATALOGUE_DATE,
        },
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&output).unwrap_or_default()
}

/// The rule reference, `docs/rules.md`, generated from the registry.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    out.push_str("# ramplan lint rules\n\n");
    out.push_str("<!-- Generated by `ramplan rules --markdown`; do not edit. A test fails when this file is stale. -->\n\n");
    let _ = writeln!(
        out,
        "{} rules. Codes are stable and never reused. Severities follow the four classes of the RAM console's own checker: error, security, warning, suggestion. Catalogue date: {CATALOGUE_DATE}.\n",
        RULES.len()
    );
    out.push_str("| code | name | severity | summary |\n|---|---|---|---|\n");
    for rule in RULES {
        let m = &rule.meta;
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {} |",
            m.code,
            anchor(m),
            m.name,
            m.severity.as_str(),
            m.summary.replace('|', "\\|")
        );
    }
    out.push('\n');
    for (rule, docs) in RULES.iter().zip(DOCS) {
        let m = &rule.meta;
        let _ = writeln!(out, "## {} {}\n", m.code, m.name);
        let _ = writeln!(out, "Severity: **{}**\n", m.severity.as_str());
        let _ = writeln!(out, "**What it finds.** {}\n", m.summary);
        let _ = writeln!(out, "**Why it matters.** {}\n", docs.why);
        let _ = writeln!(out, "**Example.**\n\n```json\n{}\n```\n", docs.example);
        let _ = writeln!(out, "**Use instead.**\n\n```json\n{}\n```\n", docs.instead);
        out.push_str("**References.**\n\n");
        for reference in docs.references {
            let _ = writeln!(out, "- {reference}");
        }
        out.push('\n');
    }
    out
}

fn anchor(meta: &RuleMeta) -> String {
    format!("{}-{}", meta.code.to_ascii_lowercase(), meta.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{lint, LintOptions};

    #[test]
    fn long_lines_are_shown_as_a_window_with_the_caret_in_place() {
        let filler: String = (0..300).map(|i| format!("\"oss:GetObject{i}\",")).collect();
        let text = format!(
            r#"{{"Version": "1", "Statement": [{{"Effect": "allow", "Action": [{filler} "oss:GetObject"], "Resource": "acs:oss:*:*:b/*", "Condition": {{"StringEquals": {{"acs:AccessId": "LTAI5tAbCdEfGhIjKlMnOpQr"}}}}}}]}}"#
        );
        let report = lint(&text, &LintOptions::default());
        let linted = Linted {
            source: "p.json",
            text: &text,
            report: &report,
        };
        let out = super::text(&linted, Lang::En);
        for line in out.lines().filter(|l| l.starts_with("1 | ")) {
            assert!(line.chars().count() < 450, "{line}");
            assert!(line.contains('…'), "{line}");
        }
        assert!(
            !out.contains("LTAI5tAbCdEfGhIjKlMnOpQr"),
            "a credential is never shown"
        );
        assert!(!out.contains("IjKlMnOpQr"), "not even in part");
        // The caret of the `allow` finding sits under `"allow"` in the window.
        let lines: Vec<&str> = out.lines().collect();
        let at = lines.iter().position(|l| l.contains("RP102")).unwrap();
        let shown = lines[at + 2];
        let caret = lines[at + 3];
        let col = caret.find('^').unwrap();
        assert_eq!(&shown[col..col + 7], "\"allow\"");
    }

    #[test]
    fn text_output_points_a_caret_at_the_span() {
        let text = "{\n  \"Version\": \"1\",\n  \"Statement\": [{\"Effect\": \"allow \", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}]\n}";
        let report = lint(text, &LintOptions::default());
        let linted = Linted {
            source: "p.json",
            text,
            report: &report,
        };
        let out = super::text(&linted, Lang::En);
        assert!(
            out.starts_with("p.json:3:28: error[RP102]: `Effect` must be `Allow` or `Deny`"),
            "{out}"
        );
        assert!(out.contains("3 |   \"Statement\""), "{out}");
        let caret_line = out.lines().find(|l| l.contains('^')).unwrap();
        assert_eq!(
            caret_line,
            format!("  | {}{}", " ".repeat(27), "^".repeat(8))
        );
        assert!(out.contains("= help: write `\"Allow\"`"), "{out}");
    }

    #[test]
    fn credentials_never_reach_the_output() {
        let text = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEquals": {"acs:AccessId": "LTAI5tAbCdEfGhIjKlMnOp"}}}]}"#;
        let report = lint(text, &LintOptions::default());
        assert!(report.findings.iter().any(|f| f.code == "RP605"));
        let linted = Linted {
            source: "p.json",
            text,
            report: &report,
        };
        let out = super::text(&linted, Lang::En);
        assert!(!out.contains("LTAI5tAbCdEfGhIjKlMnOp"), "{out}");
        assert!(!super::json(&[linted]).contains("LTAI5tAbCdEfGhIjKlMnOp"));
    }
}
