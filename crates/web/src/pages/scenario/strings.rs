//! The words of a scenario's "check an existing setup" view and of the view tabs, in English
//! and Simplified Chinese. Findings and checks come from the core in the page's language.

use ramplan_core::tr;
use ramplan_core::Lang;

/// The words of the existing-setup view and the view tabs.
pub struct ExistingStrings {
    pub modes_label: &'static str,
    pub mode_existing: &'static str,
    pub existing_intro: &'static str,
    pub existing_privacy: &'static str,
    pub existing_trust_where: &'static str,
    pub existing_permission_where: &'static str,
    pub existing_read_as: &'static str,
    pub existing_guess: &'static str,
    pub existing_nothing_to_paste: &'static str,
    pub existing_fill_form: &'static str,
    pub existing_paste_prompt: &'static str,
    pub existing_satisfied: &'static str,
    pub existing_differences: &'static str,
    pub existing_no_differences: &'static str,
    pub existing_checks: &'static str,
    pub existing_passed: &'static str,
    pub existing_failed: &'static str,
    pub existing_not_evaluated: &'static str,
    pub existing_lint: &'static str,
    pub existing_not_read: &'static str,
    pub existing_setup: &'static str,
    pub existing_credential: &'static str,
}

const EXISTING_EN: ExistingStrings = ExistingStrings {
    modes_label: "Plan or existing setup",
    mode_existing: "Check an existing setup",
    existing_intro: "Paste the policies the role has today, as the RAM console shows them. ramplan compares them with what this scenario needs, from your values in the form.",
    existing_privacy: "What you paste here stays on this page: it is not stored in this browser or put in links.",
    existing_trust_where: "RAM console: Roles > the role > Trust Policy.",
    existing_permission_where: "RAM console: Policies > the policy > Policy Document.",
    existing_read_as: "Read as",
    existing_guess: "Guess from the document",
    existing_nothing_to_paste: "This scenario writes no trust or permission policy: the console creates its roles. The checks below say what to verify there.",
    existing_fill_form: "Fill in the form first: the check compares your setup with what the scenario needs for your values.",
    existing_paste_prompt: "Paste a policy above to check it.",
    existing_satisfied: "Satisfied: the existing setup does what this scenario needs.",
    existing_differences: "Differences",
    existing_no_differences: "No differences.",
    existing_checks: "What ramplan checked",
    existing_passed: "passed",
    existing_failed: "failed",
    existing_not_evaluated: "not evaluated",
    existing_lint: "Lint findings of the pasted policies",
    existing_not_read: "not read",
    existing_setup: "the setup",
    existing_credential: "A pasted policy holds what looks like a credential (PL702), so ramplan did not read it. Delete it from the text; if it is a real AccessKey, disable and rotate it now. Nothing pasted here is stored or sent.",
};

const EXISTING_ZH: ExistingStrings = ExistingStrings {
    modes_label: "方案或现有配置",
    mode_existing: "检查现有配置",
    existing_intro: "粘贴角色当前的策略（即 RAM 控制台中显示的内容）。ramplan 会按你在表单中填写的值，将其与本场景的需要进行对照。",
    existing_privacy: "在此粘贴的内容只留在本页面：不会保存在本浏览器中，也不会放入链接。",
    existing_trust_where: "RAM 控制台：角色 > 该角色 > 信任策略。",
    existing_permission_where: "RAM 控制台：权限策略 > 该策略 > 策略内容。",
    existing_read_as: "读取为",
    existing_guess: "根据文档自动识别",
    existing_nothing_to_paste: "本场景不编写信任策略或权限策略：其角色由控制台创建。下面的检查项说明了需要在控制台确认的内容。",
    existing_fill_form: "请先填写表单：检查会按你填写的值，将现有配置与本场景的需要进行对照。",
    existing_paste_prompt: "在上方粘贴策略即可检查。",
    existing_satisfied: "满足：现有配置能满足本场景的需要。",
    existing_differences: "差异",
    existing_no_differences: "没有差异。",
    existing_checks: "ramplan 检查了什么",
    existing_passed: "通过",
    existing_failed: "未通过",
    existing_not_evaluated: "未评估",
    existing_lint: "所粘贴策略的检查结果",
    existing_not_read: "未读取",
    existing_setup: "整体配置",
    existing_credential: "粘贴的策略中含有疑似凭证（PL702），因此 ramplan 未读取它。请从文本中删除；如果是真实的 AccessKey，请立即禁用并轮换。在此粘贴的内容不会被保存或发送。",
};

pub fn existing_strings(lang: Lang) -> &'static ExistingStrings {
    match lang {
        Lang::En => &EXISTING_EN,
        Lang::Zh => &EXISTING_ZH,
    }
}

/// "Trust policy of `EMRRole`" / "`EMRRole` 的信任策略".
pub fn existing_trust_label(role: &str, lang: Lang) -> String {
    tr!(
        lang,
        format!("Trust policy of `{role}`"),
        format!("`{role}` 的信任策略")
    )
}

/// "Custom policy attached to `EmrOssRole`" / "授权给 `EmrOssRole` 的自定义策略".
pub fn existing_permission_label(role: &str, lang: Lang) -> String {
    tr!(
        lang,
        format!("Custom policy attached to `{role}`"),
        format!("授权给 `{role}` 的自定义策略")
    )
}

/// "Not satisfied: 2 errors to fix." / "不满足：需修正 2 个错误。"
pub fn existing_not_satisfied(errors: usize, lang: Lang) -> String {
    match (lang, errors) {
        (Lang::En, 1) => "Not satisfied: 1 error to fix.".to_owned(),
        (Lang::En, n) => format!("Not satisfied: {n} errors to fix."),
        (Lang::Zh, n) => format!("不满足：需修正 {n} 个错误。"),
    }
}

/// "Fix the form first: 2 errors; nothing was compared." / "请先修正表单：有 2 个错误，未进行对照。"
pub fn existing_input_errors(errors: usize, lang: Lang) -> String {
    match (lang, errors) {
        (Lang::En, 1) => "Fix the form first: 1 error; nothing was compared.".to_owned(),
        (Lang::En, n) => format!("Fix the form first: {n} errors; nothing was compared."),
        (Lang::Zh, n) => format!("请先修正表单：有 {n} 个错误，未进行对照。"),
    }
}

/// The words of the scenario page: the form, the plan, the steps, the files, the links.
pub struct ScenarioStrings {
    pub form_heading: &'static str,
    pub plan_heading: &'static str,
    pub list_hint: &'static str,
    pub choose: &'static str,
    pub plan_ready: &'static str,
    pub plan_short_ready: &'static str,
    pub plan_short_not_ready: &'static str,
    pub go_to_plan: &'static str,
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
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_copy_failed: &'static str,
    pub link_refused_credential: &'static str,
    pub link_refused: &'static str,
    pub share_damaged: &'static str,
    pub share_credential: &'static str,
    pub draft_restored: &'static str,
    pub clear_draft: &'static str,
    /// Shows the findings about required inputs not visited yet.
    pub show_missing: &'static str,
    /// Before the value an input is read as.
    pub read_as: &'static str,
    /// Undoes Clear.
    pub undo_clear: &'static str,
    pub download_all: &'static str,
    pub print_runbook: &'static str,
    pub runbook_heading: &'static str,
    pub runbook_scenario: &'static str,
    pub runbook_source: &'static str,
    pub runbook_before: &'static str,
    pub runbook_other_files: &'static str,
    pub runbook_unconfirmed: &'static str,
}

const SCENARIO_EN: ScenarioStrings = ScenarioStrings {
    form_heading: "Your values",
    plan_heading: "Plan",
    list_hint: "Separate items with commas.",
    choose: "Choose…",
    plan_ready: "Ready: no errors. Follow the steps below.",
    plan_short_ready: "The plan is ready.",
    plan_short_not_ready: "The plan is not ready yet.",
    go_to_plan: "Go to the plan",
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
    copy_link: "Copy link",
    link_copied: "Link copied. It carries this form's values in the part of the URL after #, which is never sent to a server.",
    link_copy_failed: "Could not copy: the link is in the address bar; copy it from there.",
    link_refused_credential: "No link made: a field holds what looks like a credential (PL005). Remove it first; credentials never go into a link.",
    link_refused: "No link made: this form's values are too long for a link.",
    share_damaged: "This link is damaged or from another version of ramplan, so the form starts empty.",
    share_credential: "This link holds what looks like a credential, so it was not opened and the form starts empty.",
    draft_restored: "Restored your last entries for this scenario from this browser.",
    clear_draft: "Clear form and ticks",
    undo_clear: "Undo",
    read_as: "Read as",
    show_missing: "Show what is missing",
    download_all: "Download everything (.zip)",
    print_runbook: "Print runbook",
    runbook_heading: "Runbook",
    runbook_scenario: "Scenario",
    runbook_source: "source",
    runbook_before: "Before you start",
    runbook_other_files: "Other files",
    runbook_unconfirmed: "Not confirmed by the sources",
};

const SCENARIO_ZH: ScenarioStrings = ScenarioStrings {
    form_heading: "填写信息",
    plan_heading: "方案",
    list_hint: "多项之间用逗号分隔。",
    choose: "请选择…",
    plan_ready: "已就绪：没有错误。请按以下步骤操作。",
    plan_short_ready: "计划已就绪。",
    plan_short_not_ready: "计划尚未就绪。",
    go_to_plan: "查看计划",
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
    copy_link: "复制链接",
    link_copied: "链接已复制。表单的值位于 URL 中 # 之后的部分，不会发送到服务器。",
    link_copy_failed: "无法复制：链接已在地址栏中，请从那里复制。",
    link_refused_credential:
        "未生成链接：有字段的值疑似凭证（PL005）。请先删除；凭证绝不会放入链接。",
    link_refused: "未生成链接：表单的值太长，无法放入链接。",
    share_damaged: "此链接已损坏或来自其他版本的 ramplan，表单为空。",
    share_credential: "此链接包含疑似凭证的值，因此未打开，表单为空。",
    draft_restored: "已从本浏览器恢复你在此场景中上次填写的内容。",
    clear_draft: "清空表单和勾选",
    undo_clear: "撤销",
    read_as: "读取为",
    show_missing: "显示缺少的内容",
    download_all: "全部下载（.zip）",
    print_runbook: "打印操作手册",
    runbook_heading: "操作手册",
    runbook_scenario: "场景",
    runbook_source: "依据",
    runbook_before: "开始之前",
    runbook_other_files: "其他文件",
    runbook_unconfirmed: "尚未经资料确认的内容",
};

pub fn scenario_strings(lang: Lang) -> &'static ScenarioStrings {
    match lang {
        Lang::En => &SCENARIO_EN,
        Lang::Zh => &SCENARIO_ZH,
    }
}

/// "Show trust-policy.json" / "显示 trust-policy.json".
pub fn show_file(filename: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Show {filename}"),
        Lang::Zh => format!("显示 {filename}"),
    }
}

/// "To see the plan, fill in: A, B and C." / "填写以下内容后即可生成计划：A、B、C。"
pub fn fill_in(labels: &[String], lang: Lang) -> String {
    match lang {
        Lang::En => {
            let list = match labels {
                [] => String::new(),
                [one] => one.clone(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            };
            format!("To see the plan, fill in: {list}.")
        }
        Lang::Zh => format!("填写以下内容后即可生成计划：{}。", labels.join("、")),
    }
}

/// "Cleared the form and 3 ticked steps." / "已清空表单和 3 个已勾选的步骤。"
pub fn cleared(ticks: usize, lang: Lang) -> String {
    match (lang, ticks) {
        (Lang::En, 0) => "Cleared the form.".to_owned(),
        (Lang::En, 1) => "Cleared the form and 1 ticked step.".to_owned(),
        (Lang::En, n) => format!("Cleared the form and {n} ticked steps."),
        (Lang::Zh, 0) => "已清空表单。".to_owned(),
        (Lang::Zh, n) => format!("已清空表单和 {n} 个已勾选的步骤。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_existing_setup_strings_exist_in_both_languages() {
        let pick = |s: &'static ExistingStrings| {
            [
                s.modes_label,
                s.mode_existing,
                s.existing_intro,
                s.existing_privacy,
                s.existing_trust_where,
                s.existing_permission_where,
                s.existing_read_as,
                s.existing_guess,
                s.existing_nothing_to_paste,
                s.existing_fill_form,
                s.existing_paste_prompt,
                s.existing_satisfied,
                s.existing_differences,
                s.existing_no_differences,
                s.existing_checks,
                s.existing_passed,
                s.existing_failed,
                s.existing_not_evaluated,
                s.existing_lint,
                s.existing_not_read,
                s.existing_setup,
                s.existing_credential,
            ]
        };
        for (en, zh) in pick(existing_strings(Lang::En))
            .into_iter()
            .zip(pick(existing_strings(Lang::Zh)))
        {
            assert!(!en.is_empty() && !zh.is_empty());
            assert_ne!(en, zh);
        }
        assert_eq!(
            existing_not_satisfied(1, Lang::En),
            "Not satisfied: 1 error to fix."
        );
        assert_eq!(
            existing_not_satisfied(2, Lang::Zh),
            "不满足：需修正 2 个错误。"
        );
        assert_eq!(
            existing_trust_label("EMRRole", Lang::En),
            "Trust policy of `EMRRole`"
        );
        assert!(existing_input_errors(1, Lang::En).contains("1 error;"));
    }
}
