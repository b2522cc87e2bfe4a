use crate::arn::{self, ArnError};
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP302",
        name: "invalid-arn",
        severity: Severity::Error,
        summary: "A resource is neither `*` nor of the form `acs:<service>:<region>:<account>:<relative-id>`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP302",
    why: "RAM matches resources by their ARN. A bare bucket name, an AWS `arn:` string or an ARN with a field missing matches nothing (\"Invalid ARN prefix\" in the RAM console's checker).",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": ["examplebucket/*", "acs:oss:*:examplebucket"]}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": ["acs:oss:*:*:examplebucket/*"]}]}"#,
    references: &[
        "RAM policy elements, Resource: https://www.alibabacloud.com/help/en/ram/policy-elements",
        "RAM policy validation (Invalid ARN prefix): https://www.alibabacloud.com/help/en/ram/permission-policy-check",
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
                let resource = item.value;
                if resource == "*" || resource.trim().is_empty() {
                    continue;
                }
                let Err(error) = arn::parse(resource) else {
                    continue;
                };
                let (en, zh) = match error {
                    ArnError::Prefix if resource.to_ascii_lowercase().starts_with("acs:") => (
                        "the prefix must be lowercase `acs`".to_owned(),
                        "前缀必须是小写的 `acs`".to_owned(),
                    ),
                    ArnError::Prefix if resource.starts_with("arn:") => (
                        "this is an AWS ARN; RAM resources start with `acs:`".to_owned(),
                        "这是 AWS 的 ARN；RAM 资源以 `acs:` 开头".to_owned(),
                    ),
                    ArnError::Prefix => (
                        "RAM resources start with `acs:`".to_owned(),
                        "RAM 资源以 `acs:` 开头".to_owned(),
                    ),
                    ArnError::MissingFields { found } => (
                        format!("an ARN has 5 fields separated by `:`, found {found}"),
                        format!("ARN 应有 5 个以 `:` 分隔的字段，实际为 {found} 个"),
                    ),
                    ArnError::EmptyService => (
                        "the service field is empty".to_owned(),
                        "服务字段为空".to_owned(),
                    ),
                    ArnError::EmptyRelativeId => (
                        "the resource path after the account field is empty".to_owned(),
                        "账号字段之后的资源路径为空".to_owned(),
                    ),
                };
                let message = tr!(
                    ctx.lang,
                    format!("invalid resource `{}`: {en}", crate::text::clip(resource)),
                    format!("资源 `{}` 无效：{zh}", crate::text::clip(resource))
                );
                let help = tr!(ctx.lang, "write `acs:<service>:<region>:<account>:<relative-id>`, such as `acs:oss:*:*:examplebucket/*`; `*` may stand for the region or the account", "格式为 `acs:<服务>:<地域>:<账号>:<资源路径>`，例如 `acs:oss:*:*:examplebucket/*`；地域和账号可用 `*`");
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
