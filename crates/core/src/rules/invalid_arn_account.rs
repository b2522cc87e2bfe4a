use crate::arn;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP303",
        name: "invalid-arn-account",
        severity: Severity::Warning,
        summary: "The account field of a resource ARN is not `*`, empty, or a 16-digit account ID.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP303",
    why: "Alibaba Cloud account IDs (UIDs) are 16-digit strings. An account alias, an e-mail address or a shortened ID in the account field matches no resource. Documentation examples use IDs of other lengths as placeholders, and RAM's documentation does not say that it refuses them, so this is a warning. System policies are named with the account `system` (`acs:ram:*:system:policy/AliyunECSFullAccess`), which is accepted.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "acs:ram::12345678:role/EMRRole"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "acs:ram::1234567890123456:role/EMRRole"}]}"#,
    references: &[
        "RAM policy elements, Resource: https://www.alibabacloud.com/help/en/ram/policy-elements",
        "View the account ID: https://www.alibabacloud.com/help/en/account/check-account-id",
        "System policy ARNs (acs:ram:*:system:policy/<name>): https://www.alibabacloud.com/help/doc-detail/159974.htm",
    ],
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
                let account = parsed.account;
                let system_policy = account == "system"
                    && parsed.service.eq_ignore_ascii_case("ram")
                    && parsed.relative_id.starts_with("policy/");
                if system_policy
                    || account.is_empty()
                    || account == "*"
                    || arn::is_account_id(account)
                    || arn::looks_like_placeholder(account)
                {
                    continue;
                }
                let message = tr!(ctx.lang, format!("the account field `{account}` is not `*`, empty, or a 16-digit account ID, so it matches no resource"), format!("账号字段 `{account}` 不是 `*`、空或 16 位账号 ID，因此匹配不到任何资源"));
                let help = tr!(ctx.lang, "if it is a placeholder, put in the real account ID: hover over the profile picture in the console's top bar", "如果这是占位符，请填入真实账号 ID：将鼠标悬停在控制台右上角的头像上即可看到");
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
