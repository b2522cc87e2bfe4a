//! The report as text, as `ramplan plan --check-existing` prints it.

use super::*;

/// The report as text: the verdict, the findings under each document (with the source line),
/// the checks, then the linter's findings.
pub fn text(report: &ExistingReport, documents: &[ExistingDocument]) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let scenario = report.scenario;
    if !report.input_findings.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                lang,
                format!("`{scenario}`: the inputs have errors, so nothing was compared"),
                format!("`{scenario}`：输入有错误，因此未进行对照")
            )
        );
        out.push_str(&render::findings_text(
            scenario,
            None,
            &report.input_findings,
            lang,
        ));
        return out;
    }
    let counts = render::counts(&report.findings, lang);
    let verdict = if report.satisfied {
        tr!(
            lang,
            format!("`{scenario}`: the existing setup does what the scenario needs ({counts})"),
            format!("`{scenario}`：现有配置满足场景的需要（{counts}）")
        )
    } else {
        tr!(
            lang,
            format!(
                "`{scenario}`: the existing setup does not do what the scenario needs ({counts})"
            ),
            format!("`{scenario}`：现有配置不满足场景的需要（{counts}）")
        )
    };
    let _ = writeln!(out, "{verdict}\n");

    // Findings, under the document they concern, with its source line.
    for (i, doc) in report.documents.iter().enumerate() {
        let findings: Vec<Finding> = report
            .findings
            .iter()
            .filter(|f| f.document() == Some(doc.name.as_str()))
            .cloned()
            .collect();
        if findings.is_empty() {
            continue;
        }
        // A refused document's text is never shown, not even masked.
        let refused = findings.iter().any(|f| f.code == CREDENTIAL_REFUSED);
        let text = documents
            .get(i)
            .filter(|_| !refused)
            .map(|d| d.text.as_str());
        out.push_str(&render::findings_text(&doc.name, text, &findings, lang));
    }
    let general: Vec<Finding> = report
        .findings
        .iter()
        .filter(|f| f.document().is_none())
        .cloned()
        .collect();
    out.push_str(&render::findings_text(scenario, None, &general, lang));

    let _ = writeln!(out, "{}", lang.pick("checks:", "检查："));
    for check in &report.checks {
        let mark = match check.result {
            CheckResult::Passed => "✓",
            CheckResult::Failed => "✗",
            CheckResult::NotEvaluated => "○",
        };
        let documents = if check.documents.is_empty() {
            String::new()
        } else {
            format!(" [{}]", check.documents.join(", "))
        };
        let _ = writeln!(
            out,
            "  {mark} {}{documents}{}{}",
            check.expectation.describe(lang),
            lang.pick(": ", "："),
            check.explanation
        );
    }
    out.push('\n');

    let _ = writeln!(out, "{}", lang.pick("lint:", "策略自身的检查（lint）："));
    for (i, doc) in report.documents.iter().enumerate() {
        let Some(kind) = doc.kind else {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    format!("{}: not read", doc.name),
                    format!("{}：未读取", doc.name)
                )
            );
            continue;
        };
        let lint_report = LintReport {
            kind: kind.policy_kind(),
            kind_guessed: doc.kind_guessed,
            findings: doc.lint.clone(),
            ..LintReport::default()
        };
        let linted = Linted {
            source: &doc.name,
            text: documents.get(i).map_or("", |d| d.text.as_str()),
            report: &lint_report,
        };
        out.push_str(&render::text(&linted, lang));
        out.push_str(&render::summary(&linted, lang));
        out.push('\n');
    }
    out
}
