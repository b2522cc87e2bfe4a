//! Every string the page itself shows, in English and Simplified Chinese. Findings arrive
//! already translated from the core; this module only words the page around them.

use ramplan_core::catalogue::CATALOGUE_DATE;
use ramplan_core::{Lang, LintReport, PolicyKind};

pub struct Strings {
    /// The `lang` attribute for the document.
    pub html_lang: &'static str,
    pub document_title: &'static str,
    pub tagline: &'static str,
    pub language_group: &'static str,
    pub editor_label: &'static str,
    pub editor_hint: &'static str,
    pub kind_label: &'static str,
    pub kind_auto: &'static str,
    pub kind_permission: &'static str,
    pub kind_trust: &'static str,
    pub detected: &'static str,
    pub findings_heading: &'static str,
    pub no_findings: &'static str,
    pub select_hint: &'static str,
    pub help: &'static str,
    pub line_column: &'static str,
    pub privacy: &'static str,
}

const EN: Strings = Strings {
    html_lang: "en",
    document_title: "ramplan · RAM policy linter",
    tagline: "Lint Alibaba Cloud RAM policies as you type",
    language_group: "Language",
    editor_label: "Policy document (JSON)",
    editor_hint: "Paste a permission policy or a role's trust policy",
    kind_label: "Policy kind",
    kind_auto: "Auto-detect",
    kind_permission: "Permission policy",
    kind_trust: "Trust policy",
    detected: "detected",
    findings_heading: "Findings",
    no_findings: "No findings: RAM should accept this policy as written.",
    select_hint: "Select a finding to highlight it in the policy.",
    help: "help",
    line_column: "line:column",
    privacy: "Runs entirely in your browser. The policy never leaves this page and is not stored.",
};

const ZH: Strings = Strings {
    html_lang: "zh-Hans",
    document_title: "ramplan · RAM 策略检查",
    tagline: "边输入边检查阿里云 RAM 策略",
    language_group: "语言",
    editor_label: "策略文档（JSON）",
    editor_hint: "粘贴权限策略或角色的信任策略",
    kind_label: "策略类型",
    kind_auto: "自动识别",
    kind_permission: "权限策略",
    kind_trust: "信任策略",
    detected: "识别为",
    findings_heading: "检查结果",
    no_findings: "未发现问题：RAM 应会按原样接受此策略。",
    select_hint: "选择一条结果，即可在策略中选中对应位置。",
    help: "帮助",
    line_column: "行:列",
    privacy: "完全在浏览器中运行。策略不会离开此页面，也不会被保存。",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

pub fn kind_name(kind: PolicyKind, lang: Lang) -> &'static str {
    let strings = strings(lang);
    match kind {
        PolicyKind::Permission => strings.kind_permission,
        PolicyKind::Trust => strings.kind_trust,
    }
}

/// "2 errors, 1 warning" / "2 个错误，1 个警告", most severe first, zero counts left out.
pub fn counts(report: &LintReport, lang: Lang) -> String {
    ramplan_core::render::counts(report, lang)
}

/// "permission policy (guessed)" / "权限策略（自动识别）".
pub fn kind_summary(report: &LintReport, lang: Lang) -> String {
    let name = kind_name(report.kind, lang);
    match (lang, report.kind_guessed) {
        (Lang::En, true) => format!("{} (guessed)", name.to_lowercase()),
        (Lang::En, false) => name.to_lowercase(),
        (Lang::Zh, true) => format!("{name}（自动识别）"),
        (Lang::Zh, false) => name.to_owned(),
    }
}

/// "catalogue 2026-11-23" / "目录日期 2026-11-23".
pub fn catalogue(lang: Lang) -> String {
    match lang {
        Lang::En => format!("catalogue {CATALOGUE_DATE}"),
        Lang::Zh => format!("目录日期 {CATALOGUE_DATE}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ramplan_core::Severity;
    use ramplan_core::{lint, KindChoice, LintOptions};

    const TWO_ERRORS: &str = r#"{"Version": "2", "Statement": [{"Effect": "allow ", "Action": "oss:GetObject", "Resource": "*"}]}"#;

    fn report(text: &str, lang: Lang) -> LintReport {
        lint(
            text,
            &LintOptions {
                lang,
                ..LintOptions::default()
            },
        )
    }

    #[test]
    fn counts_are_pluralised_and_most_severe_first() {
        let en = report(TWO_ERRORS, Lang::En);
        let errors = en.count(Severity::Error);
        assert!(errors >= 2, "{:#?}", en.findings);
        assert!(counts(&en, Lang::En).starts_with(&format!("{errors} errors")));
        let zh = report(TWO_ERRORS, Lang::Zh);
        assert!(counts(&zh, Lang::Zh).starts_with(&format!("{errors} 个错误")));
    }

    #[test]
    fn a_clean_report_says_so() {
        let clean = report(crate::state::EXAMPLE_POLICY, Lang::En);
        assert_eq!(counts(&clean, Lang::En), "no findings");
        assert_eq!(counts(&clean, Lang::Zh), "未发现问题");
    }

    #[test]
    fn the_kind_says_whether_it_was_guessed() {
        let guessed = report(crate::state::EXAMPLE_POLICY, Lang::En);
        assert_eq!(
            kind_summary(&guessed, Lang::En),
            "permission policy (guessed)"
        );
        assert_eq!(kind_summary(&guessed, Lang::Zh), "权限策略（自动识别）");
        let chosen = lint(
            crate::state::EXAMPLE_POLICY,
            &LintOptions {
                kind: KindChoice::Trust,
                ..LintOptions::default()
            },
        );
        assert_eq!(kind_summary(&chosen, Lang::En), "trust policy");
    }
}
