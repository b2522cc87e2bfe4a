//! Every string the page itself shows, in English and Simplified Chinese. Findings arrive
//! already translated from the core; this module only words the page around them.

use ramplan_core::catalogue::CATALOGUE_DATE;
use ramplan_core::format::FormatError;
use ramplan_core::i18n::Phrase;
use ramplan_core::{Lang, LintReport, PolicyKind};

use crate::state::Example;

pub struct Strings {
    /// The `lang` attribute for the document.
    pub html_lang: &'static str,
    pub document_title: &'static str,
    pub tagline: &'static str,
    pub language_group: &'static str,
    pub editor_label: &'static str,
    pub editor_hint: &'static str,
    pub kind_permission: &'static str,
    pub kind_trust: &'static str,
    pub kind_bucket: &'static str,
    pub detected: &'static str,
    pub no_findings: &'static str,
    pub help: &'static str,
    pub line_column: &'static str,
    // checker page
    pub format: &'static str,
    pub formatted: &'static str,
    pub already_formatted: &'static str,
    pub example_label: &'static str,
    pub choose_example: &'static str,
    pub load_example: &'static str,
    pub example_oss_read_only: &'static str,
    pub example_dataworks_trust: &'static str,
    pub example_with_problems: &'static str,
    pub confirm_replace: &'static str,
    pub keep_policy: &'static str,
    pub credential_alert: &'static str,
    pub show_where: &'static str,
    // end checker page
    pub privacy: &'static str,
    pub nav_home: &'static str,
    pub home_heading: &'static str,
    pub home_intro: &'static str,
    pub check_card_title: &'static str,
    pub check_card_summary: &'static str,
    pub required: &'static str,
    pub remove_group: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub download: &'static str,
    pub not_found: &'static str,
    pub scenario_privacy: &'static str,
    // scenario page
    pub not_found_title: &'static str,
    pub crash_title: &'static str,
    pub crash_body: &'static str,
    pub crash_reload: &'static str,
}

const EN: Strings = Strings {
    html_lang: "en",
    document_title: "ramplan · RAM policy linter",
    tagline: "Plan cross-account access and check Alibaba Cloud RAM policies as you type",
    language_group: "Language",
    editor_label: "Policy document (JSON)",
    editor_hint: "Paste a permission policy or a role's trust policy",
    kind_permission: "Permission policy",
    kind_trust: "Trust policy",
    kind_bucket: "OSS bucket policy",
    detected: "detected",
    no_findings: "No findings: RAM should accept this policy as written.",
    help: Phrase::Help.texts().0,
    line_column: "line:column",
    // checker page
    format: "Format",
    formatted: "Formatted.",
    already_formatted: "Already formatted: nothing to change.",
    example_label: "Example",
    choose_example: "Choose an example",
    load_example: "Load example",
    example_oss_read_only: "OSS read-only (clean)",
    example_dataworks_trust: "DataWorks cross-account trust policy",
    example_with_problems: "A policy with problems",
    confirm_replace: "Replace",
    keep_policy: "Keep my policy",
    credential_alert: "This policy contains what looks like a credential (RP605). Delete it from the text; if it is a real AccessKey, disable and rotate it now. ramplan never sends, stores or shows it.",
    show_where: "Show where",
    // end checker page
    privacy: "Runs entirely in your browser. The policy never leaves this page and is not stored.",
    nav_home: "All scenarios",
    home_heading: "What do you want to set up?",
    home_intro: "Pick a scenario: fill in a short form and get the policies, SQL and a step-by-step runbook, checked as you type.",
    check_card_title: "Check a policy",
    check_card_summary: "Paste a RAM permission policy or a role's trust policy and read what RAM would reject, as you type.",
    required: "required",
    remove_group: "Remove",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy: select the text and copy it yourself.",
    download: "Download",
    not_found: "There is no such page.",
    scenario_privacy: "Runs entirely in your browser. What you type never leaves this page; this browser keeps a draft of the form and your ticked steps (never a credential) until you clear them.",
    // scenario page
    not_found_title: "Page not found",
    crash_title: "ramplan hit an internal error",
    crash_body: "Your inputs were not sent anywhere. Reload the page to continue.",
    crash_reload: "Reload the page",
};

const ZH: Strings = Strings {
    html_lang: "zh-Hans",
    document_title: "ramplan · RAM 策略检查",
    tagline: "边输入边规划跨账号访问、检查阿里云 RAM 策略",
    language_group: "语言",
    editor_label: "策略文档（JSON）",
    editor_hint: "粘贴权限策略或角色的信任策略",
    kind_permission: "权限策略",
    kind_trust: "信任策略",
    kind_bucket: "OSS Bucket Policy",
    detected: "识别为",
    no_findings: "未发现问题：RAM 应会按原样接受此策略。",
    help: Phrase::Help.texts().1,
    line_column: "行:列",
    // checker page
    format: "格式化",
    formatted: "已格式化。",
    already_formatted: "已是规范格式，无需改动。",
    example_label: "示例",
    choose_example: "选择示例",
    load_example: "载入示例",
    example_oss_read_only: "OSS 只读（无问题）",
    example_dataworks_trust: "DataWorks 跨账号信任策略",
    example_with_problems: "有问题的策略",
    confirm_replace: "替换",
    keep_policy: "保留我的策略",
    credential_alert: "此策略中含有疑似凭证（RP605）。请从文本中删除；如果是真实的 AccessKey，请立即禁用并轮换。ramplan 不会发送、保存或显示它。",
    show_where: "显示位置",
    // end checker page
    privacy: "完全在浏览器中运行。策略不会离开此页面，也不会被保存。",
    nav_home: "全部场景",
    home_heading: "你想配置什么？",
    home_intro: "选择一个场景：填写简短的表单，即可得到边输入边检查的策略、SQL 和分步操作手册。",
    check_card_title: "检查策略",
    check_card_summary: "粘贴 RAM 权限策略或角色的信任策略，边输入边查看 RAM 会拒绝的内容。",
    required: "必填",
    remove_group: "删除",
    copy: "复制",
    copied: "已复制",
    copy_failed: "无法复制：请选中文本后手动复制。",
    download: "下载",
    not_found: "没有这个页面。",
    scenario_privacy: "完全在浏览器中运行。你输入的内容不会离开此页面；本浏览器会保存表单草稿和已勾选的步骤（绝不含凭证），直到你清空。",
    // scenario page
    not_found_title: "页面不存在",
    crash_title: "ramplan 发生内部错误",
    crash_body: "你输入的内容没有发送到任何地方。请重新加载页面后继续。",
    crash_reload: "重新加载页面",
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
        PolicyKind::BucketPolicy => strings.kind_bucket,
    }
}

/// "2 errors, 1 warning" / "2 个错误，1 个警告", most severe first, zero counts left out.
pub fn counts(report: &LintReport, lang: Lang) -> String {
    ramplan_core::render::counts(&report.findings, lang)
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

// checker page

/// The name of an example policy in the example menu.
pub fn example_name(example: Example, lang: Lang) -> &'static str {
    let strings = strings(lang);
    match example {
        Example::OssReadOnly => strings.example_oss_read_only,
        Example::DataworksTrust => strings.example_dataworks_trust,
        Example::WithProblems => strings.example_with_problems,
    }
}

/// "Cannot format: line 3, column 5: unexpected character `x`. Nothing was changed."
pub fn cannot_format(error: &FormatError, lang: Lang) -> String {
    let (line, column) = (error.position.line, error.position.column);
    match lang {
        Lang::En => format!(
            "Cannot format: line {line}, column {column}: {}. Nothing was changed.",
            error.message
        ),
        Lang::Zh => format!(
            "无法格式化：第 {line} 行第 {column} 列：{}。文本未作改动。",
            error.message
        ),
    }
}

/// "Loaded the example “A policy with problems”." / "已载入示例“有问题的策略”。"
pub fn example_loaded(example: Example, lang: Lang) -> String {
    let name = example_name(example, lang);
    match lang {
        Lang::En => format!("Loaded the example “{name}”."),
        Lang::Zh => format!("已载入示例“{name}”。"),
    }
}

/// The question before an example replaces text the person wrote.
pub fn confirm_example(example: Example, lang: Lang) -> String {
    let name = example_name(example, lang);
    match lang {
        Lang::En => format!(
            "Replace your policy with the example “{name}”? What you wrote will be replaced."
        ),
        Lang::Zh => format!("用示例“{name}”替换你的策略？你写的内容将被替换。"),
    }
}

// end checker page

/// "catalogue 2026-12-03" / "目录日期 2026-12-03".
pub fn catalogue(lang: Lang) -> String {
    match lang {
        Lang::En => format!("catalogue {CATALOGUE_DATE}"),
        Lang::Zh => format!("目录日期 {CATALOGUE_DATE}"),
    }
}

/// "Not ready: 2 errors to fix." / "尚未就绪：需修正 2 个错误。"
pub fn plan_not_ready(errors: usize, lang: Lang) -> String {
    match (lang, errors) {
        (Lang::En, 1) => "Not ready: 1 error to fix.".to_owned(),
        (Lang::En, n) => format!("Not ready: {n} errors to fix."),
        (Lang::Zh, n) => format!("尚未就绪：需修正 {n} 个错误。"),
    }
}

/// The label of one group of a list field: "Grants 2" / "Grants 第 2 项".
pub fn group_label(field_label: &str, number: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{field_label} {number}"),
        Lang::Zh => format!("{field_label} 第 {number} 项"),
    }
}

/// "Step 3" / "第 3 步".
pub fn step_number(number: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Step {number}"),
        Lang::Zh => format!("第 {number} 步"),
    }
}

// scenario page

/// "3 of 9 steps done" / "已完成 3/9 步".
pub fn steps_done(done: usize, total: usize, lang: Lang) -> String {
    match (lang, total) {
        (Lang::En, 1) => format!("{done} of 1 step done"),
        (Lang::En, _) => format!("{done} of {total} steps done"),
        (Lang::Zh, _) => format!("已完成 {done}/{total} 步"),
    }
}

/// The browser tab's title for one page: "Check a policy · ramplan".
pub fn page_title(page: &str) -> String {
    format!("{page} · ramplan")
}

// exports

/// The words around the plan's exports (file tabs) and the checker's Convert panel. The
/// exports themselves, comments included, come from the core in the page's language.
pub struct ExportStrings {
    pub shell: &'static str,
    pub terraform: &'static str,
    pub ros: &'static str,
    /// Above an export's text: what it does and what stays in the runbook.
    pub export_hint: &'static str,
    pub convert_heading: &'static str,
    pub convert_hint: &'static str,
    pub convert_to: &'static str,
    pub convert_name: &'static str,
    pub convert_withheld: &'static str,
    pub convert_bucket: &'static str,
    pub convert_name_credential: &'static str,
}

const EXPORTS_EN: ExportStrings = ExportStrings {
    shell: "aliyun CLI script",
    terraform: "Terraform",
    ros: "ROS template",
    export_hint: "Creates the plan's RAM roles, custom policies and attachments directly, instead of the console steps its header lists. The other steps stay in the runbook.",
    convert_heading: "Convert",
    convert_hint: "This policy as an aliyun CLI script, Terraform or a ROS template: a permission policy becomes a custom policy, a trust policy a role that trusts it.",
    convert_to: "Convert to",
    convert_name: "Name",
    convert_withheld: "Not converted while the policy holds what looks like a credential.",
    convert_bucket: "A bucket policy is set on the bucket itself (PutBucketPolicy), not created in RAM, so there is nothing to convert.",
    convert_name_credential: "Not converted: the name looks like a credential. Choose another name.",
};

const EXPORTS_ZH: ExportStrings = ExportStrings {
    shell: "aliyun CLI 脚本",
    terraform: "Terraform",
    ros: "ROS 模板",
    export_hint: "直接创建方案中的 RAM 角色、自定义策略及其授权，可代替文件开头列出的控制台步骤。其余步骤仍按操作手册完成。",
    convert_heading: "转换",
    convert_hint: "将此策略转换为 aliyun CLI 脚本、Terraform 或 ROS 模板：权限策略转换为自定义策略，信任策略转换为信任它的角色。",
    convert_to: "转换为",
    convert_name: "名称",
    convert_withheld: "策略中含有疑似凭证，暂不转换。",
    convert_bucket: "Bucket Policy 设置在 Bucket 上（PutBucketPolicy），不在 RAM 中创建，因此无可转换的内容。",
    convert_name_credential: "未转换：名称疑似凭证，请换一个名称。",
};

pub fn export_strings(lang: Lang) -> &'static ExportStrings {
    match lang {
        Lang::En => &EXPORTS_EN,
        Lang::Zh => &EXPORTS_ZH,
    }
}

/// The tab and menu label of an export format.
pub fn export_title(format: ramplan_core::export::Format, lang: Lang) -> &'static str {
    use ramplan_core::export::Format;
    let strings = export_strings(lang);
    match format {
        Format::Shell => strings.shell,
        Format::Terraform => strings.terraform,
        Format::Ros => strings.ros,
    }
}

/// "Not converted: fix the 2 errors first." / "未转换：请先修正 2 个错误。"
pub fn convert_refused(errors: usize, lang: Lang) -> String {
    match (lang, errors) {
        (Lang::En, 1) => "Not converted: fix the error first.".to_owned(),
        (Lang::En, n) => format!("Not converted: fix the {n} errors first."),
        (Lang::Zh, n) => format!("未转换：请先修正 {n} 个错误。"),
    }
}

// end exports

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

    #[test]
    fn the_runbook_title_and_crash_strings_exist_in_both_languages() {
        let pick = |s: &'static Strings| {
            [
                s.not_found_title,
                s.crash_title,
                s.crash_body,
                s.crash_reload,
            ]
        };
        for (en, zh) in pick(strings(Lang::En))
            .into_iter()
            .zip(pick(strings(Lang::Zh)))
        {
            assert!(!en.is_empty() && !zh.is_empty());
            assert_ne!(en, zh);
        }
        assert_eq!(steps_done(3, 9, Lang::En), "3 of 9 steps done");
        assert_eq!(steps_done(0, 1, Lang::En), "0 of 1 step done");
        assert_eq!(steps_done(3, 9, Lang::Zh), "已完成 3/9 步");
    }
}
