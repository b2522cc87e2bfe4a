//! Every string the page itself shows, in English and Simplified Chinese. Findings arrive
//! already translated from the core; this module only words the page around them.

use ramplan_core::catalogue::CATALOGUE_DATE;
use ramplan_core::format::FormatError;
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
    // checker page
    pub format: &'static str,
    pub formatted: &'static str,
    pub already_formatted: &'static str,
    pub example_label: &'static str,
    pub load_example: &'static str,
    pub example_oss_read_only: &'static str,
    pub example_dataworks_trust: &'static str,
    pub example_with_problems: &'static str,
    pub confirm_replace: &'static str,
    pub keep_policy: &'static str,
    pub plain_heading: &'static str,
    pub plain_hint: &'static str,
    pub plain_unparsed: &'static str,
    pub plain_empty: &'static str,
    pub plain_withheld: &'static str,
    pub credential_alert: &'static str,
    pub show_where: &'static str,
    // end checker page
    pub privacy: &'static str,
    pub nav_home: &'static str,
    pub home_heading: &'static str,
    pub home_intro: &'static str,
    pub check_card_title: &'static str,
    pub check_card_summary: &'static str,
    pub form_heading: &'static str,
    pub plan_heading: &'static str,
    pub required: &'static str,
    pub list_hint: &'static str,
    pub choose: &'static str,
    pub add_group: &'static str,
    pub remove_group: &'static str,
    pub plan_ready: &'static str,
    pub other_findings: &'static str,
    pub steps_heading: &'static str,
    pub steps_hint: &'static str,
    pub step_where: &'static str,
    pub step_values: &'static str,
    pub step_paste: &'static str,
    pub step_compare: &'static str,
    pub step_verify: &'static str,
    pub step_caution: &'static str,
    pub account_resource: &'static str,
    pub account_dataworks: &'static str,
    pub account_own: &'static str,
    pub files_heading: &'static str,
    pub files_group: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub download: &'static str,
    pub not_found: &'static str,
    pub scenario_privacy: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_copy_failed: &'static str,
    pub link_refused_credential: &'static str,
    pub link_refused: &'static str,
    pub share_damaged: &'static str,
    pub share_credential: &'static str,
    pub draft_restored: &'static str,
    pub clear_draft: &'static str,
    pub download_all: &'static str,
    // scenario page
    pub print_runbook: &'static str,
    pub runbook_heading: &'static str,
    pub runbook_scenario: &'static str,
    pub runbook_source: &'static str,
    pub runbook_before: &'static str,
    pub runbook_other_files: &'static str,
    pub runbook_unconfirmed: &'static str,
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
    // checker page
    format: "Format",
    formatted: "Formatted.",
    already_formatted: "Already formatted: nothing to change.",
    example_label: "Example",
    load_example: "Load example",
    example_oss_read_only: "OSS read-only (clean)",
    example_dataworks_trust: "DataWorks cross-account trust policy",
    example_with_problems: "A policy with problems",
    confirm_replace: "Replace",
    keep_policy: "Keep my policy",
    plain_heading: "In plain words",
    plain_hint: "What each statement allows or denies. For reading: RAM itself decides access.",
    plain_unparsed: "Fix the JSON syntax first; then this says what the policy allows and denies.",
    plain_empty: "There are no statements to describe.",
    plain_withheld: "Not described while the policy holds what looks like a credential.",
    credential_alert: "This policy contains what looks like a credential (RP605). Delete it from the text; if it is a real AccessKey, disable and rotate it now. ramplan never sends, stores or shows it.",
    show_where: "Show where",
    // end checker page
    privacy: "Runs entirely in your browser. The policy never leaves this page and is not stored.",
    nav_home: "All scenarios",
    home_heading: "What do you want to set up?",
    home_intro: "Pick a scenario: fill in a short form and get the policies, SQL and a step-by-step runbook, checked as you type.",
    check_card_title: "Check a policy",
    check_card_summary: "Paste a RAM permission policy or a role's trust policy and read what RAM would reject, as you type.",
    form_heading: "Your values",
    plan_heading: "Plan",
    required: "required",
    list_hint: "Separate items with commas.",
    choose: "Choose…",
    add_group: "Add",
    remove_group: "Remove",
    plan_ready: "Ready: no errors. Follow the steps below.",
    other_findings: "About the plan",
    steps_heading: "Steps",
    steps_hint: "Tick each step as you go. This browser remembers the ticks until you clear the form.",
    step_where: "Where",
    step_values: "Values",
    step_paste: "Paste",
    step_compare: "Compare with",
    step_verify: "Check",
    step_caution: "Caution",
    account_resource: "Resource account",
    account_dataworks: "DataWorks account",
    account_own: "Your account",
    files_heading: "Files",
    files_group: "Generated files",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy: select the text and copy it yourself.",
    download: "Download",
    not_found: "There is no such page.",
    scenario_privacy: "Runs entirely in your browser. What you type never leaves this page; this browser keeps a draft of the form and your ticked steps (never a credential) until you clear them.",
    copy_link: "Copy link",
    link_copied: "Link copied. It carries this form's values in the part of the URL after #, which is never sent to a server.",
    link_copy_failed: "Could not copy: the link is in the address bar; copy it from there.",
    link_refused_credential: "No link made: a field holds what looks like a credential (PL005). Remove it first; credentials never go into a link.",
    link_refused: "No link made: this form's values are too long for a link.",
    share_damaged: "This link is damaged or from another version of ramplan, so the form starts empty.",
    share_credential: "This link holds what looks like a credential, so it was not opened and the form starts empty.",
    draft_restored: "Restored your last entries for this scenario from this browser.",
    clear_draft: "Clear form and ticks",
    download_all: "Download everything (.zip)",
    // scenario page
    print_runbook: "Print runbook",
    runbook_heading: "Runbook",
    runbook_scenario: "Scenario",
    runbook_source: "source",
    runbook_before: "Before you start",
    runbook_other_files: "Other files",
    runbook_unconfirmed: "Not confirmed by the sources",
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
    // checker page
    format: "格式化",
    formatted: "已格式化。",
    already_formatted: "已是规范格式，无需改动。",
    example_label: "示例",
    load_example: "载入示例",
    example_oss_read_only: "OSS 只读（无问题）",
    example_dataworks_trust: "DataWorks 跨账号信任策略",
    example_with_problems: "有问题的策略",
    confirm_replace: "替换",
    keep_policy: "保留我的策略",
    plain_heading: "通俗解释",
    plain_hint: "每条语句允许或拒绝什么。仅供阅读，实际权限以 RAM 的判定为准。",
    plain_unparsed: "请先修正 JSON 语法，之后这里会说明策略允许和拒绝什么。",
    plain_empty: "没有可描述的语句。",
    plain_withheld: "策略中含有疑似凭证，暂不描述。",
    credential_alert: "此策略中含有疑似凭证（RP605）。请从文本中删除；如果是真实的 AccessKey，请立即禁用并轮换。ramplan 不会发送、保存或显示它。",
    show_where: "显示位置",
    // end checker page
    privacy: "完全在浏览器中运行。策略不会离开此页面，也不会被保存。",
    nav_home: "全部场景",
    home_heading: "你想配置什么？",
    home_intro: "选择一个场景：填写简短的表单，即可得到边输入边检查的策略、SQL 和分步操作手册。",
    check_card_title: "检查策略",
    check_card_summary: "粘贴 RAM 权限策略或角色的信任策略，边输入边查看 RAM 会拒绝的内容。",
    form_heading: "填写信息",
    plan_heading: "方案",
    required: "必填",
    list_hint: "多项之间用逗号分隔。",
    choose: "请选择…",
    add_group: "添加",
    remove_group: "删除",
    plan_ready: "已就绪：没有错误。请按以下步骤操作。",
    other_findings: "关于此方案",
    steps_heading: "步骤",
    steps_hint: "每完成一步就勾选一步。本浏览器会记住勾选，直到你清空表单。",
    step_where: "位置",
    step_values: "填写的值",
    step_paste: "粘贴",
    step_compare: "对照",
    step_verify: "验证",
    step_caution: "注意",
    account_resource: "资源账号",
    account_dataworks: "DataWorks 账号",
    account_own: "本账号",
    files_heading: "文件",
    files_group: "生成的文件",
    copy: "复制",
    copied: "已复制",
    copy_failed: "无法复制：请选中文本后手动复制。",
    download: "下载",
    not_found: "没有这个页面。",
    scenario_privacy: "完全在浏览器中运行。你输入的内容不会离开此页面；本浏览器会保存表单草稿和已勾选的步骤（绝不含凭证），直到你清空。",
    copy_link: "复制链接",
    link_copied: "链接已复制。表单的值位于 URL 中 # 之后的部分，不会发送到服务器。",
    link_copy_failed: "无法复制：链接已在地址栏中，请从那里复制。",
    link_refused_credential: "未生成链接：有字段的值疑似凭证（PL005）。请先删除；凭证绝不会放入链接。",
    link_refused: "未生成链接：表单的值太长，无法放入链接。",
    share_damaged: "此链接已损坏或来自其他版本的 ramplan，表单为空。",
    share_credential: "此链接包含疑似凭证的值，因此未打开，表单为空。",
    draft_restored: "已从本浏览器恢复你在此场景中上次填写的内容。",
    clear_draft: "清空表单和勾选",
    download_all: "全部下载（.zip）",
    // scenario page
    print_runbook: "打印操作手册",
    runbook_heading: "操作手册",
    runbook_scenario: "场景",
    runbook_source: "依据",
    runbook_before: "开始之前",
    runbook_other_files: "其他文件",
    runbook_unconfirmed: "尚未经资料确认的内容",
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

/// "catalogue 2026-11-23" / "目录日期 2026-11-23".
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
    fn the_link_draft_and_bundle_strings_exist_in_both_languages() {
        let pick = |s: &'static Strings| {
            [
                s.copy_link,
                s.link_copied,
                s.link_copy_failed,
                s.link_refused_credential,
                s.link_refused,
                s.share_damaged,
                s.share_credential,
                s.draft_restored,
                s.clear_draft,
                s.download_all,
            ]
        };
        for (en, zh) in pick(strings(Lang::En))
            .into_iter()
            .zip(pick(strings(Lang::Zh)))
        {
            assert!(!en.is_empty() && !zh.is_empty());
            assert_ne!(en, zh);
        }
    }

    // scenario page

    #[test]
    fn the_runbook_title_and_crash_strings_exist_in_both_languages() {
        let pick = |s: &'static Strings| {
            [
                s.print_runbook,
                s.runbook_heading,
                s.runbook_scenario,
                s.runbook_source,
                s.runbook_before,
                s.runbook_other_files,
                s.runbook_unconfirmed,
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
