use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;

use super::opening;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP501",
        name: "missing-principal",
        severity: Severity::Error,
        summary: "A statement of a trust policy or an OSS bucket policy has no `Principal`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP501",
    why: "A trust policy says who may assume the role. Without `Principal` the statement trusts no one, and RAM rejects it. OSS bucket policies require `Principal` too: it says whom the statement is for.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}"#,
    references: &[
        "Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role",
        "OSS authorization syntax and elements (Principal is required in bucket policies): https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    if !ctx.kind.is_resource_based() {
        return;
    }
    let bucket = ctx.kind == PolicyKind::BucketPolicy;
    let policy = ctx.policy;
    for statement in &policy.statements {
        if statement.principal.is_none() {
            let message = if bucket {
                tr!(
                    ctx.lang,
                    "the bucket policy statement has no `Principal`",
                    "Bucket Policy 的语句缺少 `Principal`"
                )
            } else {
                tr!(
                    ctx.lang,
                    "the trust policy statement has no `Principal`",
                    "信任策略的语句缺少 `Principal`"
                )
            };
            let help = if bucket {
                tr!(ctx.lang, "name who the statement is for: `\"Principal\": [\"<account or RAM user ID>\"]`, or `[\"*\"]` for everyone", "请指定语句适用的对象：`\"Principal\": [\"<账号或 RAM 用户 ID>\"]`，或 `[\"*\"]` 表示所有人")
            } else {
                tr!(ctx.lang, "name who may assume the role, such as `{\"RAM\": [\"acs:ram::<account-id>:root\"]}` or `{\"Service\": [\"ecs.aliyuncs.com\"]}`", "请指定可扮演该角色的主体，例如 `{\"RAM\": [\"acs:ram::<账号ID>:root\"]}` 或 `{\"Service\": [\"ecs.aliyuncs.com\"]}`")
            };
            let span = Some(opening(statement.node));
            ctx.report_help(&RULE.meta, &statement.pointer, span, message, help);
        }
    }
}
