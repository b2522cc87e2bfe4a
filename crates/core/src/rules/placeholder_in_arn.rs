use crate::arn;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP304",
        name: "placeholder-in-arn",
        severity: Severity::Warning,
        summary: "A resource ARN still holds a masked value or a documentation placeholder (`123456789012****`, `<yourBucketName>`, `xxxx`).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP304",
    why: "Documentation masks account IDs and leaves placeholders to fill in. Copied as is, they match no real resource, and the request fails with a bare `NoPermission`. RAM accepts the document, so this is a warning: a template is fine as long as the placeholder is filled in before use.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:123456789012****:<yourBucketName>/*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:1234567890123456:examplebucket/*"}]}"#,
    references: &["View the account ID: https://www.alibabacloud.com/help/en/account/check-account-id"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.resource, statement.not_resource]
            .into_iter()
            .flatten()
        {
            for item in field.strings(&statement.pointer) {
                let Ok(parsed) = arn::parse(item.value) else {
                    continue;
                };
                let (en, zh) = if arn::looks_like_placeholder(parsed.account) {
                    (
                        format!(
                            "the account field `{}` is a masked or placeholder value",
                            parsed.account
                        ),
                        format!("账号字段 `{}` 是脱敏值或占位符", parsed.account),
                    )
                } else if parsed.relative_id.contains('<') || parsed.relative_id.contains('>') {
                    (
                        format!(
                            "`{}` still holds a placeholder",
                            crate::text::clip(parsed.relative_id)
                        ),
                        format!("`{}` 中仍有占位符", crate::text::clip(parsed.relative_id)),
                    )
                } else {
                    continue;
                };
                let help = tr!(
                    ctx.lang,
                    "replace it with the real value; an account ID is 16 digits",
                    "请替换为真实值；账号 ID 为 16 位数字"
                );
                let message = tr!(ctx.lang, en, zh);
                ctx.report_help(
                    &RULE.meta,
                    &item.pointer(),
                    Some(item.node.span),
                    message,
                    help,
                );
            }
        }
    }
}
