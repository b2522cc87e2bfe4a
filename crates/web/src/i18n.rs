//! Every string the page itself shows, in English and Simplified Chinese. Findings arrive
//! already translated from the core; this module only words the page around them.

use ramplan_core::catalogue::CATALOGUE_DATE;
use ramplan_core::format::FormatError;
use ramplan_core::i18n::Phrase;
use ramplan_core::tr;
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
    pub kind_bucket: &'static str,
    pub detected: &'static str,
    pub findings_heading: &'static str,
    pub catalogue_loading: &'static str,
    pub findings_more: &'static str,
    pub plain_more: &'static str,
    pub too_large_here: &'static str,
    pub checking: &'static str,
    pub catalogue_failed: &'static str,
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
    kind_bucket: "OSS bucket policy",
    detected: "detected",
    findings_heading: "Findings",
    findings_more: "{n} more findings are not listed here; `ramplan lint` on the command line lists them all.",
    plain_more: "… and {n} more statements.",
    too_large_here: "This document is far larger than RAM accepts (6,144 characters), so the page only checks it; the command line does the rest (`ramplan simulate`, `ramplan convert`).",
    checking: "Checking…",
    catalogue_loading: "Loading the full service catalogue: until it is in, service codes outside the 19 curated services are not checked.",
    catalogue_failed: "The full service catalogue could not be loaded, so service codes outside the 19 curated services are not checked",
    no_findings: "No findings: RAM should accept this policy as written.",
    select_hint: "Select a finding to highlight it in the policy.",
    help: Phrase::Help.texts().0,
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
    kind_bucket: "OSS Bucket Policy",
    detected: "识别为",
    findings_heading: "检查结果",
    findings_more: "还有 {n} 条检查结果未在此列出；命令行 `ramplan lint` 会列出全部结果。",
    plain_more: "……以及另外 {n} 条语句。",
    too_large_here: "此文档远超 RAM 接受的大小（6,144 个字符），页面只做检查；其余请使用命令行（`ramplan simulate`、`ramplan convert`）。",
    checking: "正在检查…",
    catalogue_loading: "正在加载完整的服务目录：加载完成前，不检查 19 个人工整理服务之外的服务代码。",
    catalogue_failed: "完整的服务目录未能加载，因此不检查 19 个人工整理服务之外的服务代码",
    no_findings: "未发现问题：RAM 应会按原样接受此策略。",
    select_hint: "选择一条结果，即可在策略中选中对应位置。",
    help: Phrase::Help.texts().1,
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

// simulate and existing

/// The words of the checker's simulator and of a scenario's "check an existing setup" view.
/// Decisions, notes, findings and checks come from the core in the page's language.
pub struct AccessStrings {
    // simulator
    pub sim_heading: &'static str,
    pub sim_hint_permission: &'static str,
    pub sim_hint_trust: &'static str,
    pub sim_hint_bucket: &'static str,
    pub sim_bucket_principal_help: &'static str,
    pub sim_action: &'static str,
    pub sim_resource: &'static str,
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
    // check an existing setup
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

const ACCESS_EN: AccessStrings = AccessStrings {
    sim_heading: "Simulate a request",
    sim_hint_permission: "Would RAM allow this action on this resource under this policy? Evaluated here, offline, by RAM's documented rules; RAM itself has the last word.",
    sim_hint_trust: "May this principal assume a role with this trust policy? Evaluated here, offline, by RAM's documented rules; RAM itself has the last word.",
    sim_hint_bucket: "Does this bucket policy allow this requester to do this action on this resource? Evaluated here, offline, by the documented rules; OSS itself has the last word.",
    sim_bucket_principal_help: "The requester's account or RAM user ID, or a role session `arn:sts::<uid>:assumed-role/<role>/<session>`. Leave it empty for an anonymous request.",
    sim_action: "Action",
    sim_resource: "Resource ARN",
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

const ACCESS_ZH: AccessStrings = AccessStrings {
    sim_heading: "模拟请求",
    sim_hint_permission: "在此策略下，RAM 是否允许对该资源执行该操作？按 RAM 文档中的规则在本地离线评估，实际以 RAM 的判定为准。",
    sim_hint_trust: "此主体能否扮演使用此信任策略的角色？按 RAM 文档中的规则在本地离线评估，实际以 RAM 的判定为准。",
    sim_hint_bucket: "此 Bucket Policy 是否允许该请求者对该资源执行该操作？按文档中的规则在本地离线评估，实际以 OSS 的判定为准。",
    sim_bucket_principal_help: "请求者的阿里云账号或 RAM 用户 ID，或角色会话 `arn:sts::<uid>:assumed-role/<角色>/<会话>`。匿名请求请留空。",
    sim_action: "操作",
    sim_resource: "资源 ARN",
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

pub fn access_strings(lang: Lang) -> &'static AccessStrings {
    match lang {
        Lang::En => &ACCESS_EN,
        Lang::Zh => &ACCESS_ZH,
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

/// "RAM would reject this policy as written (1 error in the findings); the decision
/// describes it as written."
pub fn sim_rejected(errors: usize, lang: Lang) -> String {
    match (lang, errors) {
        (Lang::En, 1) => "RAM would reject this policy (1 error in the findings); the decision describes it as written.".to_owned(),
        (Lang::En, n) => format!("RAM would reject this policy ({n} errors in the findings); the decision describes it as written."),
        (Lang::Zh, n) => format!("RAM 会拒绝此策略（检查结果中有 {n} 个错误）；以上判定按其原样评估。"),
    }
}

#[cfg(test)]
mod access_tests {
    use super::*;

    #[test]
    fn the_simulator_and_existing_strings_exist_in_both_languages() {
        let pick = |s: &'static AccessStrings| {
            [
                s.sim_heading,
                s.sim_hint_permission,
                s.sim_hint_trust,
                s.sim_hint_bucket,
                s.sim_bucket_principal_help,
                s.sim_action,
                s.sim_principal_help,
                s.sim_context,
                s.sim_add_context,
                s.sim_prompt_permission,
                s.sim_prompt_trust,
                s.sim_unparsed,
                s.sim_withheld,
                s.sim_decision,
                s.sim_decided_by,
                s.sim_nearest_miss,
                s.sim_matched,
                s.sim_not_matched,
                s.mode_existing,
                s.existing_intro,
                s.existing_privacy,
                s.existing_fill_form,
                s.existing_paste_prompt,
                s.existing_satisfied,
                s.existing_checks,
                s.existing_credential,
            ]
        };
        for (en, zh) in pick(access_strings(Lang::En))
            .into_iter()
            .zip(pick(access_strings(Lang::Zh)))
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
        assert!(sim_rejected(2, Lang::En).contains("2 errors"));
        assert!(existing_input_errors(1, Lang::En).contains("1 error;"));
    }
}

// end simulate and existing

// builder

/// The words of the policy builder (`#/build`). Messages about statements, fields and
/// templates come from the core in the page's language.
pub struct BuilderStrings {
    pub card_title: &'static str,
    pub card_summary: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub statements_heading: &'static str,
    pub no_statements: &'static str,
    pub unreadable: &'static str,
    pub add_statement: &'static str,
    pub new_policy: &'static str,
    pub statement: &'static str,
    pub raw_statement: &'static str,
    pub raw_hint: &'static str,
    pub raw_label: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub remove_statement: &'static str,
    pub effect: &'static str,
    pub sid: &'static str,
    pub actions_heading: &'static str,
    pub action_mode: &'static str,
    pub action_listed: &'static str,
    pub action_except: &'static str,
    pub service: &'static str,
    pub choose_service: &'static str,
    pub action_search: &'static str,
    pub action_search_hint: &'static str,
    pub action_results: &'static str,
    pub no_actions: &'static str,
    pub wildcard: &'static str,
    pub add: &'static str,
    pub remove: &'static str,
    pub resources_heading: &'static str,
    pub resource_mode: &'static str,
    pub resource_listed: &'static str,
    pub resource_except: &'static str,
    pub no_resources: &'static str,
    pub resource_text: &'static str,
    pub arn_builder: &'static str,
    pub arn_shape: &'static str,
    pub any: &'static str,
    pub add_arn: &'static str,
    pub free_arn: &'static str,
    pub unconfirmed_shape: &'static str,
    pub conditions_heading: &'static str,
    pub no_conditions: &'static str,
    pub operator: &'static str,
    pub key: &'static str,
    pub values: &'static str,
    pub values_hint: &'static str,
    pub add_condition: &'static str,
    pub key_type: &'static str,
    pub templates_heading: &'static str,
    pub template: &'static str,
    pub template_sources: &'static str,
    pub explanations: &'static str,
    pub source: &'static str,
    pub not_confirmed: &'static str,
    pub replace_policy: &'static str,
    pub append_statements: &'static str,
    pub confirm_replace: &'static str,
    pub confirm_new: &'static str,
    pub keep: &'static str,
    pub folder_heading: &'static str,
    pub folder_hint: &'static str,
    pub bucket: &'static str,
    pub folder: &'static str,
    pub access: &'static str,
    pub access_read: &'static str,
    pub access_read_write: &'static str,
    pub console: &'static str,
    pub replaced: &'static str,
    pub no_findings: &'static str,
}

const BUILDER_EN: BuilderStrings = BuilderStrings {
    card_title: "Build a policy",
    card_summary: "Compose a permission policy from forms: pick actions and resources, add conditions, start from a template or an OSS folder.",
    heading: "Build a policy",
    intro: "Each statement is a card. The JSON beside the cards is the checker's: edit either and the other follows. Statements the form cannot show stay JSON, exactly as written.",
    statements_heading: "Statements",
    no_statements: "No statements yet.",
    unreadable: "The JSON cannot be read as a policy, so there are no cards. Fix it in the editor; the checker's findings say where.",
    add_statement: "Add a statement",
    new_policy: "Start a new policy",
    statement: "Statement",
    raw_statement: "kept as JSON",
    raw_hint: "The form cannot show this statement, so it stays exactly as written. Edit its JSON here or in the editor; it is read again when you leave the field.",
    raw_label: "JSON of statement",
    move_up: "Move up",
    move_down: "Move down",
    remove_statement: "Remove statement",
    effect: "Effect",
    sid: "Sid (optional)",
    actions_heading: "Actions",
    action_mode: "Applies to",
    action_listed: "these actions (Action)",
    action_except: "every action except these (NotAction)",
    service: "Service",
    choose_service: "Choose a service",
    action_search: "Search actions",
    action_search_hint: "Type part of a name; arrow keys choose, Enter adds. Enter with no choice adds what you typed (a wildcard such as oss:Get*).",
    action_results: "Matching actions",
    no_actions: "No actions yet.",
    wildcard: "Wildcard",
    add: "Add",
    remove: "Remove",
    resources_heading: "Resources",
    resource_mode: "Applies to",
    resource_listed: "these resources (Resource)",
    resource_except: "every resource except these (NotResource)",
    no_resources: "No resources yet.",
    resource_text: "Resource",
    arn_builder: "Build an ARN",
    arn_shape: "Resource type",
    any: "any",
    add_arn: "Add this ARN",
    free_arn: "Or type an ARN (or *)",
    unconfirmed_shape: "This shape is seen only in third-party material.",
    conditions_heading: "Conditions",
    no_conditions: "No conditions.",
    operator: "Operator",
    key: "Condition key",
    values: "Values",
    values_hint: "One value per line.",
    add_condition: "Add condition",
    key_type: "Type",
    templates_heading: "Start from a template",
    template: "Template",
    template_sources: "Sources",
    explanations: "What each statement does",
    source: "Source",
    not_confirmed: "goes beyond what the source shows",
    replace_policy: "Replace the policy",
    append_statements: "Add its statements",
    confirm_replace: "Replace the policy you wrote? Its statements will be lost.",
    confirm_new: "Start a new policy? The statements you wrote will be lost.",
    keep: "Keep my policy",
    folder_heading: "Access to one OSS folder",
    folder_hint: "Read or read and write the objects under one folder of a bucket, with what the OSS console needs to reach it.",
    bucket: "Bucket",
    folder: "Folder",
    access: "Access",
    access_read: "Read",
    access_read_write: "Read and write",
    console: "Through the OSS console too",
    replaced: "The policy was replaced.",
    no_findings: "No findings.",
};

const BUILDER_ZH: BuilderStrings = BuilderStrings {
    card_title: "构建策略",
    card_summary: "用表单组合权限策略：选择操作和资源、添加条件，或从模板、OSS 目录授权开始。",
    heading: "构建策略",
    intro: "每条语句是一张卡片。卡片旁的 JSON 就是检查器中的 JSON：修改任一边，另一边随之更新。表单无法显示的语句保留为 JSON，原样不变。",
    statements_heading: "语句",
    no_statements: "还没有语句。",
    unreadable: "该 JSON 无法读取为策略，因此没有卡片。请在编辑器中修正；检查器的问题会指出位置。",
    add_statement: "添加语句",
    new_policy: "新建策略",
    statement: "语句",
    raw_statement: "保留为 JSON",
    raw_hint: "表单无法显示此语句，因此原样保留。可在此处或编辑器中修改其 JSON；离开此字段时会重新读取。",
    raw_label: "语句的 JSON",
    move_up: "上移",
    move_down: "下移",
    remove_statement: "删除语句",
    effect: "效果",
    sid: "Sid（可选）",
    actions_heading: "操作",
    action_mode: "适用于",
    action_listed: "以下操作（Action）",
    action_except: "除以下操作外的所有操作（NotAction）",
    service: "云服务",
    choose_service: "选择云服务",
    action_search: "搜索操作",
    action_search_hint: "输入名称的一部分；方向键选择，Enter 添加。未选择时按 Enter 会添加所输入的内容（如通配符 oss:Get*）。",
    action_results: "匹配的操作",
    no_actions: "还没有操作。",
    wildcard: "通配符",
    add: "添加",
    remove: "删除",
    resources_heading: "资源",
    resource_mode: "适用于",
    resource_listed: "以下资源（Resource）",
    resource_except: "除以下资源外的所有资源（NotResource）",
    no_resources: "还没有资源。",
    resource_text: "资源",
    arn_builder: "构建 ARN",
    arn_shape: "资源类型",
    any: "任意",
    add_arn: "添加此 ARN",
    free_arn: "或直接输入 ARN（或 *）",
    unconfirmed_shape: "此格式仅见于第三方资料。",
    conditions_heading: "条件",
    no_conditions: "没有条件。",
    operator: "运算符",
    key: "条件键",
    values: "值",
    values_hint: "每行一个值。",
    add_condition: "添加条件",
    key_type: "类型",
    templates_heading: "从模板开始",
    template: "模板",
    template_sources: "来源",
    explanations: "每条语句的作用",
    source: "来源",
    not_confirmed: "超出了来源所示的内容",
    replace_policy: "替换策略",
    append_statements: "添加其语句",
    confirm_replace: "要替换你编写的策略吗？其中的语句将丢失。",
    confirm_new: "要新建策略吗？你编写的语句将丢失。",
    keep: "保留我的策略",
    folder_heading: "访问一个 OSS 目录",
    folder_hint: "读取或读写存储空间中某个目录下的对象，并包含 OSS 控制台访问该目录所需的权限。",
    bucket: "存储空间（Bucket）",
    folder: "目录",
    access: "访问方式",
    access_read: "只读",
    access_read_write: "读写",
    console: "也通过 OSS 控制台访问",
    replaced: "策略已替换。",
    no_findings: "没有问题。",
};

pub fn builder_strings(lang: Lang) -> &'static BuilderStrings {
    lang.pick(&BUILDER_EN, &BUILDER_ZH)
}

/// "Statement 2" / "语句 2".
pub fn statement_number(number: usize, lang: Lang) -> String {
    format!("{} {number}", builder_strings(lang).statement)
}

/// "Added 3 statements." / "已添加 3 条语句。"
pub fn statements_added(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => "Added 1 statement.".to_owned(),
        Lang::En => format!("Added {count} statements."),
        Lang::Zh => format!("已添加 {count} 条语句。"),
    }
}

/// "Add all Read actions (12)" / "全部添加 读取 操作（12）".
pub fn add_level(label: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Add all {label} actions ({count})"),
        Lang::Zh => format!("全部添加“{label}”操作（{count}）"),
    }
}

/// "covers 12 actions" / "涵盖 12 个操作".
pub fn covers(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => "covers 1 catalogued action".to_owned(),
        Lang::En => format!("covers {count} catalogued actions"),
        Lang::Zh => format!("涵盖目录中的 {count} 个操作"),
    }
}

// end builder

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
