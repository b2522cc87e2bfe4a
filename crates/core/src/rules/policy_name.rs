use crate::finding::{Finding, Lang, Location, Severity};
use crate::limits::{self, NameProblem};
use crate::lint::{Ctx, LintOptions, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP902",
        name: "invalid-policy-name",
        severity: Severity::Error,
        summary: "The policy name given with the document (`--policy-name`) breaks RAM's rules: 1-128 characters of letters, digits and `-`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP902",
    why: "CreatePolicy refuses other names. The check runs only when a name is supplied.",
    example: "policy name `read_oss_logs`",
    instead: "policy name `read-oss-logs`",
    references: &["CreatePolicy API (PolicyName): https://alibabacloud.com/help/en/resource-management/api-createpolicy"],
};

fn check(ctx: &mut Ctx<'_>) {
    ctx.add(finding(ctx.options));
}

/// What the rule finds: it reads only the name given with the document, never the
/// document (`lint::with_names` relies on that).
pub(crate) fn finding(options: &LintOptions) -> Option<Finding> {
    let name = options.policy_name.as_deref()?;
    let problem = limits::check_policy_name(name)?;
    let message = describe(options.lang, "policy name", "策略名称", name, &problem);
    Some(option_finding(&RULE.meta, RULE.meta.severity, message))
}

/// A finding about something given with the document (a name, a description): it has no
/// place in the text.
pub(super) fn option_finding(rule: &RuleMeta, severity: Severity, message: String) -> Finding {
    Finding::new(rule.code, severity, message, Location::pointer(""))
}

/// Shared wording for name problems.
pub(super) fn describe(
    lang: Lang,
    what_en: &str,
    what_zh: &str,
    name: &str,
    problem: &NameProblem,
) -> String {
    match problem {
        NameProblem::Empty => tr!(
            lang,
            format!("the {what_en} is empty"),
            format!("{what_zh}为空")
        ),
        NameProblem::TooLong { length, max } => tr!(
            lang,
            format!("the {what_en} `{name}` is {length} characters, over the limit of {max}"),
            format!("{what_zh} `{name}` 长 {length} 个字符，超出 {max} 的上限")
        ),
        NameProblem::BadCharacter(c) => tr!(
            lang,
            format!("the {what_en} `{name}` contains `{c}`, which RAM does not allow"),
            format!("{what_zh} `{name}` 包含 RAM 不允许的字符 `{c}`")
        ),
        NameProblem::Underscore => tr!(
            lang,
            format!("the {what_en} `{name}` contains `_`, which the CreateRole API does not list"),
            format!("{what_zh} `{name}` 包含 CreateRole API 未列出的字符 `_`")
        ),
    }
}
