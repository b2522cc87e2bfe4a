use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;

use super::opening;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP501",
        name: "missing-principal",
        severity: Severity::Error,
        summary: "A statement of a trust policy has no `Principal`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP501",
    why: "A trust policy says who may assume the role. Without `Principal` the statement trusts no one, and RAM rejects it.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}"#,
    references: &["Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role"],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::Trust {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        if statement.principal.is_none() {
            let message = ctx.t(
                "the trust policy statement has no `Principal`".to_owned(),
                "信任策略的语句缺少 `Principal`".to_owned(),
            );
            let help = ctx.t(
                "name who may assume the role, such as `{\"RAM\": [\"acs:ram::<account-id>:root\"]}` or `{\"Service\": [\"ecs.aliyuncs.com\"]}`".to_owned(),
                "请指定可扮演该角色的主体，例如 `{\"RAM\": [\"acs:ram::<账号ID>:root\"]}` 或 `{\"Service\": [\"ecs.aliyuncs.com\"]}`".to_owned(),
            );
            let span = Some(opening(statement.node));
            ctx.report_help(&RULE.meta, &statement.pointer, span, message, help);
        }
    }
}
