use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP601",
        name: "admin-access",
        severity: Severity::Security,
        summary: "A statement allows every action on every resource.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP601",
    why: "`\"Action\": \"*\"` with `\"Resource\": \"*\"` is full administrator access, the same as the `AdministratorAccess` system policy. Whoever holds it can also grant themselves anything else. Grant the actions the job needs on the resources it touches.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:*:examplebucket", "acs:oss:*:*:examplebucket/*"]}]}"#,
    references: &["RAM policy elements: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        if !statement.is_allow() {
            continue;
        }
        let all_actions = statement
            .actions()
            .into_iter()
            .find(|a| a.value == "*" || a.value == "*:*");
        let all_resources = statement
            .resources()
            .iter()
            .any(|r| r.value == "*" || r.value == "acs:*:*:*:*");
        let (Some(action), true) = (all_actions, all_resources) else {
            continue;
        };
        let conditioned = statement.condition.is_some();
        let message = if conditioned {
            tr!(
                ctx.lang,
                "the statement allows every action on every resource (under a condition)"
                    .to_owned(),
                "该语句在条件下允许对所有资源执行所有操作"
            )
        } else {
            tr!(
                ctx.lang,
                "the statement allows every action on every resource",
                "该语句允许对所有资源执行所有操作"
            )
        };
        let help = tr!(
            ctx.lang,
            "grant only the actions and resources the job needs",
            "请只授予完成工作所需的操作和资源"
        );
        ctx.report_help(
            &RULE.meta,
            &action.pointer(),
            Some(action.node.span),
            message,
            help,
        );
    }
}
