use crate::finding::{Finding, Severity};
use crate::limits::{self, NameProblem};
use crate::lint::{Ctx, LintOptions, Rule, RuleDocs, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP903",
        name: "invalid-role-name",
        severity: Severity::Error,
        summary: "The role name given with a trust policy (`--role-name`) breaks RAM's rules: 1-64 characters of letters, digits, `.` and `-`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP903",
    why: "CreateRole refuses other names. `_` is allowed by older ROS and Terraform documentation but is not in the API's list, so it is a warning. The check runs only when a name is supplied.",
    example: "role name `emr role`",
    instead: "role name `EMRRole`",
    references: &["CreateRole API (RoleName): https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole"],
};

fn check(ctx: &mut Ctx<'_>) {
    ctx.add(finding(ctx.options));
}

/// What the rule finds: it reads only the role name given with the document, never the
/// document (`lint::with_names` relies on that).
pub(crate) fn finding(options: &LintOptions) -> Option<Finding> {
    let name = options.role_name.as_deref()?;
    let problem = limits::check_role_name(name)?;
    let message = super::policy_name::describe(options.lang, "role name", "角色名称", name, &problem);
    let severity = if problem == NameProblem::Underscore {
        Severity::Warning
    } else {
        RULE.meta.severity
    };
    Some(super::policy_name::option_finding(&RULE.meta, severity, message))
}
