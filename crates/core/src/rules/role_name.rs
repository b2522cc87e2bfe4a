use crate::finding::Severity;
use crate::limits::{self, NameProblem};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

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
    let Some(name) = ctx.options.role_name.as_deref() else {
        return;
    };
    let Some(problem) = limits::check_role_name(name) else {
        return;
    };
    let message = super::policy_name::describe(ctx, "role name", "角色名称", name, &problem);
    let severity = if problem == NameProblem::Underscore {
        Severity::Warning
    } else {
        RULE.meta.severity
    };
    ctx.report_as(&RULE.meta, severity, "", None, message, None);
}
