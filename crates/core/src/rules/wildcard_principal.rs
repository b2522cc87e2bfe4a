use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::principal::{self, Parsed};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP507",
        name: "wildcard-principal",
        severity: Severity::Security,
        summary: "A trust policy trusts everyone: `\"Principal\": \"*\"`, a `*` value, or `acs:ram::*:root`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP507",
    why: "A wildcard principal lets any account, or any account's service, assume the role and use its permissions. Name the exact account, user or service instead.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::*:root"]}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}}]}"#,
    references: &["Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role"],
};

fn check(ctx: &mut Ctx<'_>) {
    // Bucket policies write principals in OSS's own form: RP508 and RP509.
    if ctx.kind == PolicyKind::BucketPolicy {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        if !statement.is_allow() {
            continue;
        }
        for value in principal::values(statement) {
            let wildcard = match principal::parse(value.principal_type, value.item.value) {
                Ok(Parsed::Wildcard) => true,
                Ok(parsed) => principal::account(&parsed) == Some("*"),
                Err(_) => value.item.value == "*",
            };
            if !wildcard {
                continue;
            }
            let message = tr!(
                ctx.lang,
                format!("`{}` lets anyone assume the role", value.item.value),
                format!("`{}` 允许任何人扮演该角色", value.item.value)
            );
            let help = tr!(
                ctx.lang,
                "name the exact account, user or service that should assume the role",
                "请明确指定可扮演该角色的账号、用户或服务"
            );
            let span = Some(value.item.node.span);
            ctx.report_help(&RULE.meta, &value.item.pointer(), span, message, help);
        }
    }
}
