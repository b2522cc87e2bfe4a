use crate::finding::{Finding, Severity};
use crate::limits::DESCRIPTION_MAX;
use crate::lint::{Ctx, LintOptions, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP904",
        name: "description-too-long",
        severity: Severity::Error,
        summary: "The description given with the document (`--description`) is longer than 1,024 characters.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP904",
    why: "CreatePolicy and CreateRole limit descriptions to 1,024 characters. The check runs only when a description is supplied.",
    example: "a description of 1,025 characters",
    instead: "a description of at most 1,024 characters",
    references: &[
        "CreatePolicy API (Description): https://alibabacloud.com/help/en/resource-management/api-createpolicy",
        "CreateRole API (Description): https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    ctx.add(finding(ctx.options));
}

/// What the rule finds: it reads only the description given with the document, never the
/// document (`lint::with_names` relies on that).
pub(crate) fn finding(options: &LintOptions) -> Option<Finding> {
    let description = options.description.as_deref()?;
    let length = description.chars().count();
    if length <= DESCRIPTION_MAX {
        return None;
    }
    let message = tr!(
        options.lang,
        format!("the description is {length} characters, over the limit of {DESCRIPTION_MAX}"),
        format!("描述长 {length} 个字符，超出 {DESCRIPTION_MAX} 的上限")
    );
    Some(super::policy_name::option_finding(&RULE.meta, RULE.meta.severity, message))
}
