//! The words of the checker's simulator, in English and Simplified Chinese. Decisions,
//! notes and statement results come from the core in the page's language.

use ramplan_core::i18n::Phrase;
use ramplan_core::Lang;

/// The words of the simulator panel.
pub struct SimulateStrings {
    pub sim_heading: &'static str,
    pub sim_hint_permission: &'static str,
    pub sim_hint_trust: &'static str,
    pub sim_hint_bucket: &'static str,
    pub sim_bucket_principal_help: &'static str,
    pub sim_action: &'static str,
    pub sim_resource: &'static str,
    /// A principal to show as an example in the empty field.
    pub sim_example_principal: &'static str,
    pub sim_principal: &'static str,
    pub sim_principal_help: &'static str,
    pub sim_context: &'static str,
    pub sim_context_help: &'static str,
    pub sim_key: &'static str,
    pub sim_value: &'static str,
    pub sim_add_context: &'static str,
    pub sim_remove: &'static str,
    pub sim_prompt_permission: &'static str,
    pub sim_prompt_trust: &'static str,
    pub sim_unparsed: &'static str,
    pub sim_withheld: &'static str,
    pub sim_not_evaluated: &'static str,
    pub sim_decision: &'static str,
    pub sim_decided_by: &'static str,
    pub sim_statements: &'static str,
    pub sim_select_hint: &'static str,
    pub sim_statement: &'static str,
    pub sim_decides: &'static str,
    pub sim_ignored: &'static str,
    pub sim_part_action: &'static str,
    pub sim_part_resource: &'static str,
    pub sim_part_principal: &'static str,
    pub sim_part_condition: &'static str,
    pub sim_matched: &'static str,
    pub sim_not_matched: &'static str,
    pub sim_policy_values: &'static str,
    pub sim_request_values: &'static str,
    pub sim_absent: &'static str,
    pub sim_nearest_miss: &'static str,
    pub sim_note: &'static str,
    pub sim_asked: &'static str,
}

const SIMULATE_EN: SimulateStrings = SimulateStrings {
    sim_heading: "Simulate a request",
    sim_hint_permission: "Would RAM allow this action on this resource under this policy? Evaluated here, offline, by RAM's documented rules; RAM itself has the last word.",
    sim_hint_trust: "May this principal assume a role with this trust policy? Evaluated here, offline, by RAM's documented rules; RAM itself has the last word.",
    sim_hint_bucket: "Does this bucket policy allow this requester to do this action on this resource? Evaluated here, offline, by the documented rules; OSS itself has the last word.",
    sim_bucket_principal_help: "The requester's account or RAM user ID, or a role session `arn:sts::<uid>:assumed-role/<role>/<session>`. Leave it empty for an anonymous request.",
    sim_action: "Action",
    sim_resource: "Resource ARN",
    sim_example_principal: "1234567890123456",
    sim_principal: "Principal",
    sim_principal_help: "An account ID or `acs:ram::<uid>:root`, a RAM user or role ARN, a service of the role's own account (`ecs.aliyuncs.com`), or a service acting for an account (`<uid>@emr.dataworks.aliyuncs.com`).",
    sim_context: "Request context",
    sim_context_help: "One key and one value per row; give a key on several rows for several values.",
    sim_key: "Key",
    sim_value: "Value",
    sim_add_context: "Add a context value",
    sim_remove: "Remove",
    sim_prompt_permission: "Enter an action and a resource to see what RAM decides.",
    sim_prompt_trust: "Enter a principal to see whether it may assume the role.",
    sim_unparsed: "Fix the JSON syntax first; then this shows what RAM decides.",
    sim_withheld: "Not evaluated while the policy holds what looks like a credential.",
    sim_not_evaluated: "Not evaluated",
    sim_decision: "Decision",
    sim_decided_by: "Decided by",
    sim_statements: "Statement by statement",
    sim_select_hint: "Select a statement to highlight it in the policy.",
    sim_statement: "Statement",
    sim_decides: "decides",
    sim_ignored: "ignored",
    sim_part_action: "action",
    sim_part_resource: "resource",
    sim_part_principal: "principal",
    sim_part_condition: "condition",
    sim_matched: "matched",
    sim_not_matched: "not matched",
    sim_policy_values: "policy",
    sim_request_values: "request",
    sim_absent: "not in the request",
    sim_nearest_miss: "Nearest miss",
    sim_note: "Note",
    sim_asked: "Asked about",
};

const SIMULATE_ZH: SimulateStrings = SimulateStrings {
    sim_heading: "模拟请求",
    sim_hint_permission: "在此策略下，RAM 是否允许对该资源执行该操作？按 RAM 文档中的规则在本地离线评估，实际以 RAM 的判定为准。",
    sim_hint_trust: "此主体能否扮演使用此信任策略的角色？按 RAM 文档中的规则在本地离线评估，实际以 RAM 的判定为准。",
    sim_hint_bucket: "此 Bucket Policy 是否允许该请求者对该资源执行该操作？按文档中的规则在本地离线评估，实际以 OSS 的判定为准。",
    sim_bucket_principal_help: "请求者的阿里云账号或 RAM 用户 ID，或角色会话 `arn:sts::<uid>:assumed-role/<角色>/<会话>`。匿名请求请留空。",
    sim_action: "操作",
    sim_resource: "资源 ARN",
    sim_example_principal: "1234567890123456",
    sim_principal: "主体",
    sim_principal_help: "账号 ID 或 `acs:ram::<uid>:root`、RAM 用户或角色的 ARN、角色所属账号的云服务（`ecs.aliyuncs.com`），或代表某账号的云服务（`<uid>@emr.dataworks.aliyuncs.com`）。",
    sim_context: "请求上下文",
    sim_context_help: "每行一个键和一个值；同一个键有多个值时分多行填写。",
    sim_key: "键",
    sim_value: "值",
    sim_add_context: "添加上下文值",
    sim_remove: "删除",
    sim_prompt_permission: "输入操作和资源，即可查看 RAM 的判定。",
    sim_prompt_trust: "输入主体，即可查看它能否扮演该角色。",
    sim_unparsed: "请先修正 JSON 语法，之后这里会显示 RAM 的判定。",
    sim_withheld: "策略中含有疑似凭证，暂不评估。",
    sim_not_evaluated: "未评估",
    sim_decision: Phrase::Decision.texts().1,
    sim_decided_by: "决定于",
    sim_statements: "逐条语句",
    sim_select_hint: "选择一条语句，即可在策略中选中它。",
    sim_statement: "语句",
    sim_decides: "起决定作用",
    sim_ignored: "被忽略",
    sim_part_action: "操作",
    sim_part_resource: "资源",
    sim_part_principal: "主体",
    sim_part_condition: "条件",
    sim_matched: "匹配",
    sim_not_matched: "不匹配",
    sim_policy_values: "策略",
    sim_request_values: "请求",
    sim_absent: "请求中没有",
    sim_nearest_miss: "最接近的一条",
    sim_note: "说明",
    sim_asked: "所问主体",
};

pub fn simulate_strings(lang: Lang) -> &'static SimulateStrings {
    match lang {
        Lang::En => &SIMULATE_EN,
        Lang::Zh => &SIMULATE_ZH,
    }
}

/// "RAM would reject this policy as written (1 error in the findings); the decision
/// describes it as written."
pub fn sim_rejected(errors: usize, lang: Lang) -> String {
    match (lang, errors) {
        (Lang::En, 1) => "RAM would reject this policy (1 error in the findings); the decision describes it as written.".to_owned(),
        (Lang::En, n) => format!("RAM would reject this policy ({n} errors in the findings); the decision describes it as written."),
        (Lang::Zh, n) => format!("RAM 会拒绝此策略（检查结果中有 {n} 个错误）；以上判定按其原样评估。"),
    }
}

/// The words of the checker page around the editor: the kind, the findings, "in plain words".
pub struct CheckerStrings {
    pub kind_label: &'static str,
    pub kind_auto: &'static str,
    pub findings_heading: &'static str,
    pub go_to_findings: &'static str,
    pub catalogue_loading: &'static str,
    pub findings_more: &'static str,
    pub plain_more: &'static str,
    pub too_large_here: &'static str,
    pub checking: &'static str,
    pub catalogue_failed: &'static str,
    pub select_hint: &'static str,
    pub plain_heading: &'static str,
    pub plain_hint: &'static str,
    pub plain_unparsed: &'static str,
    pub plain_empty: &'static str,
    pub plain_withheld: &'static str,
}

const CHECKER_EN: CheckerStrings = CheckerStrings {
    kind_label: "Policy kind",
    kind_auto: "Auto-detect",
    findings_heading: "Findings",
    go_to_findings: "Go to findings",
    catalogue_loading: "Loading the full service catalogue: until it is in, service codes outside the 19 curated services are not checked.",
    findings_more: "{n} more findings are not listed here; `ramplan lint` on the command line lists them all.",
    plain_more: "… and {n} more statements.",
    too_large_here: "This document is far larger than RAM accepts (6,144 characters), so the page only checks it; the command line does the rest (`ramplan simulate`, `ramplan convert`).",
    checking: "Checking…",
    catalogue_failed: "The full service catalogue could not be loaded, so service codes outside the 19 curated services are not checked",
    select_hint: "Select a finding to highlight it in the policy.",
    plain_heading: "In plain words",
    plain_hint: "What each statement allows or denies. For reading: RAM itself decides access.",
    plain_unparsed: "Fix the JSON syntax first; then this says what the policy allows and denies.",
    plain_empty: "There are no statements to describe.",
    plain_withheld: "Not described while the policy holds what looks like a credential.",
};

const CHECKER_ZH: CheckerStrings = CheckerStrings {
    kind_label: "策略类型",
    kind_auto: "自动识别",
    findings_heading: "检查结果",
    go_to_findings: "查看检查结果",
    catalogue_loading: "正在加载完整的服务目录：加载完成前，不检查 19 个人工整理服务之外的服务代码。",
    findings_more: "还有 {n} 条检查结果未在此列出；命令行 `ramplan lint` 会列出全部结果。",
    plain_more: "……以及另外 {n} 条语句。",
    too_large_here: "此文档远超 RAM 接受的大小（6,144 个字符），页面只做检查；其余请使用命令行（`ramplan simulate`、`ramplan convert`）。",
    checking: "正在检查…",
    catalogue_failed: "完整的服务目录未能加载，因此不检查 19 个人工整理服务之外的服务代码",
    select_hint: "选择一条结果，即可在策略中选中对应位置。",
    plain_heading: "通俗解释",
    plain_hint: "每条语句允许或拒绝什么。仅供阅读，实际权限以 RAM 的判定为准。",
    plain_unparsed: "请先修正 JSON 语法，之后这里会说明策略允许和拒绝什么。",
    plain_empty: "没有可描述的语句。",
    plain_withheld: "策略中含有疑似凭证，暂不描述。",
};

pub fn checker_strings(lang: Lang) -> &'static CheckerStrings {
    match lang {
        Lang::En => &CHECKER_EN,
        Lang::Zh => &CHECKER_ZH,
    }
}

/// The words of the Compare panel. The changes themselves come from the core's `diff`.
pub struct CompareStrings {
    pub heading: &'static str,
    pub hint: &'static str,
    pub old_label: &'static str,
    pub old_help: &'static str,
    pub prompt: &'static str,
    pub withheld: &'static str,
    pub old_credential: &'static str,
    pub unparsed: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub none_added: &'static str,
    pub show: &'static str,
    pub notes: &'static str,
    /// What the two versions are called in the changes.
    pub old_name: &'static str,
    pub new_name: &'static str,
}

const COMPARE_EN: CompareStrings = CompareStrings {
    heading: "Compare with an earlier version",
    hint: "Does this change add access? Paste the version before the edit: ramplan lists what the policy in the editor allows that the earlier one did not, and what it no longer allows, with wildcards expanded through the service catalogue and Deny, NotAction, NotResource and conditions counted. `ramplan diff` does the same on the command line.",
    old_label: "Earlier version",
    old_help: "The permission policy as it was: it stays in this page and is never sent anywhere.",
    prompt: "Paste the earlier version to see what the change adds and removes.",
    withheld: "Not compared while the policy holds what looks like a credential.",
    old_credential: "Not compared: the earlier version holds what looks like a credential. Remove it; if it is real, disable and rotate it.",
    unparsed: "Fix the JSON syntax in the editor first; then this compares the two versions.",
    added: "Access added",
    removed: "Access removed",
    none_added: "No access added.",
    show: "Show in editor",
    notes: "How this was compared",
    old_name: "old",
    new_name: "new",
};

const COMPARE_ZH: CompareStrings = CompareStrings {
    heading: "与早先版本比较",
    hint: "这次修改是否增加了访问权限？粘贴修改前的版本：ramplan 列出编辑器中的策略允许而早先版本不允许的内容，以及它不再允许的内容；通配符按服务目录展开，并计入 Deny、NotAction、NotResource 和条件。命令行 `ramplan diff` 做同样的事。",
    old_label: "早先版本",
    old_help: "原来的权限策略：只留在本页面中，不会发送到任何地方。",
    prompt: "粘贴早先版本，即可查看这次修改增加和减少了哪些权限。",
    withheld: "策略中含有疑似凭证，暂不比较。",
    old_credential: "未比较：早先版本中含有疑似凭证。请删除它；如果是真实凭证，请立即禁用并轮换。",
    unparsed: "请先修正编辑器中的 JSON 语法，之后这里会比较两个版本。",
    added: "增加的权限",
    removed: "减少的权限",
    none_added: "没有增加任何权限。",
    show: "在编辑器中显示",
    notes: "比较方式说明",
    old_name: "旧版",
    new_name: "新版",
};

pub fn compare_strings(lang: Lang) -> &'static CompareStrings {
    match lang {
        Lang::En => &COMPARE_EN,
        Lang::Zh => &COMPARE_ZH,
    }
}

/// An empty field's example, marked as one so it does not pass for a filled value:
/// "e.g. oss:GetObject" / "例如 oss:GetObject".
pub fn example(value: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("e.g. {value}"),
        Lang::Zh => format!("例如 {value}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_simulator_strings_exist_in_both_languages() {
        let pick = |s: &'static SimulateStrings| {
            [
                s.sim_heading,
                s.sim_hint_permission,
                s.sim_hint_trust,
                s.sim_hint_bucket,
                s.sim_bucket_principal_help,
                s.sim_action,
                s.sim_resource,
                s.sim_principal,
                s.sim_principal_help,
                s.sim_context,
                s.sim_context_help,
                s.sim_key,
                s.sim_value,
                s.sim_add_context,
                s.sim_remove,
                s.sim_prompt_permission,
                s.sim_prompt_trust,
                s.sim_unparsed,
                s.sim_withheld,
                s.sim_not_evaluated,
                s.sim_decision,
                s.sim_decided_by,
                s.sim_statements,
                s.sim_select_hint,
                s.sim_statement,
                s.sim_decides,
                s.sim_ignored,
                s.sim_part_action,
                s.sim_part_resource,
                s.sim_part_principal,
                s.sim_part_condition,
                s.sim_matched,
                s.sim_not_matched,
                s.sim_policy_values,
                s.sim_request_values,
                s.sim_absent,
                s.sim_nearest_miss,
                s.sim_note,
                s.sim_asked,
            ]
        };
        for (en, zh) in pick(simulate_strings(Lang::En))
            .into_iter()
            .zip(pick(simulate_strings(Lang::Zh)))
        {
            assert!(!en.is_empty() && !zh.is_empty());
            assert_ne!(en, zh);
        }
        assert!(sim_rejected(2, Lang::En).contains("2 errors"));
    }

    #[test]
    fn the_compare_strings_exist_in_both_languages() {
        let pick = |s: &'static CompareStrings| {
            [
                s.heading,
                s.hint,
                s.old_label,
                s.old_help,
                s.prompt,
                s.withheld,
                s.old_credential,
                s.unparsed,
                s.added,
                s.removed,
                s.none_added,
                s.show,
                s.notes,
                s.old_name,
                s.new_name,
            ]
        };
        for (en, zh) in pick(compare_strings(Lang::En))
            .into_iter()
            .zip(pick(compare_strings(Lang::Zh)))
        {
            assert!(!en.is_empty() && !zh.is_empty());
            assert_ne!(en, zh);
        }
    }
}
