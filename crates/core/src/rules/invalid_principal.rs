use crate::arn;
use crate::finding::Severity;
use crate::json::pointer_push;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::principal::{self, Parsed, PrincipalError, PRINCIPAL_TYPES};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP505",
        name: "invalid-principal",
        severity: Severity::Error,
        summary: "A principal is not one of the forms RAM trust policies take.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP505",
    why: "RAM trust policies name principals as `RAM` (`acs:ram::<uid>:root` or `acs:ram::<uid>:user/<name>`), `Service` (`<name>.aliyuncs.com` for a service of the role's own account, `<uid>@<name>.aliyuncs.com` for a service acting for another account) or `Federated` (`acs:ram::<uid>:saml-provider/<name>`, `acs:ram::<uid>:oidc-provider/<name>`). Account IDs are 16 digits; documentation masks them (`san******@emr.dataworks.aliyuncs.com`), and a masked value copied as is trusts nobody. A principal that fits none of these forms is an error; an account that is not 16 digits, a masked ID or a template placeholder (`${var.account_id}`) is a warning, since RAM's documentation does not say it refuses them. `acs:ram::<uid>:role/<name>` is not confirmed in Alibaba's documentation and is reported as a warning.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["san******@emr.dataworks.aliyuncs.com"]}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["1234567890123456@emr.dataworks.aliyuncs.com"]}}]}"#,
    references: &[
        "Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role",
        "CreateRole API: https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole",
        "DataWorks, register a cross-account EMR cluster (masked service principal): https://www.alibabacloud.com/help/en/dataworks/user-guide/cross-account-registration-for-emr-cluster",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    // Bucket policies write principals in OSS's own form: RP508 and RP509.
    if ctx.kind == PolicyKind::BucketPolicy {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        let Some(field) = statement.principal else {
            continue;
        };
        let pointer = field.pointer(&statement.pointer);
        // Unknown type keys, once per key.
        if let Some(members) = field.node.as_object() {
            for member in members {
                let key = member.key.as_str();
                if PRINCIPAL_TYPES.contains(&key) {
                    continue;
                }
                let message = match PRINCIPAL_TYPES.iter().find(|t| t.eq_ignore_ascii_case(key)) {
                    Some(t) => tr!(
                        ctx.lang,
                        format!("principal type `{key}` must be written `{t}`"),
                        format!("主体类型 `{key}` 必须写作 `{t}`")
                    ),
                    None => tr!(
                        ctx.lang,
                        format!(
                            "`{key}` is not a principal type; use `RAM`, `Service` or `Federated`"
                        ),
                        format!("`{key}` 不是主体类型；请使用 `RAM`、`Service` 或 `Federated`")
                    ),
                };
                let key_pointer = pointer_push(&pointer, key);
                ctx.report(&RULE.meta, &key_pointer, Some(member.key_span), message);
            }
        }
        for value in principal::values(statement) {
            let text = value.item.value;
            let span = Some(value.item.node.span);
            let path = &value.item.pointer();
            if value.principal_type == "*" {
                if text != "*" {
                    let message = tr!(
                        ctx.lang,
                        "`Principal` must be an object such as `{\"RAM\": [...]}`",
                        "`Principal` 必须是对象，例如 `{\"RAM\": [...]}`"
                    );
                    ctx.report(&RULE.meta, path, span, message);
                }
                continue;
            }
            if !PRINCIPAL_TYPES.contains(&value.principal_type) {
                continue;
            }
            let parsed = match principal::parse(value.principal_type, text) {
                Ok(parsed) => parsed,
                Err(_) if crate::placeholder::holds_placeholder(text) => {
                    let message = tr!(
                        ctx.lang,
                        format!(
                            "`{text}` holds a placeholder; it trusts no one until it is filled in"
                        ),
                        format!("`{text}` 中含有占位符；填入实际值之前不信任任何主体")
                    );
                    let help = tr!(
                        ctx.lang,
                        "fill in the real value (a template fills it in when rendered)",
                        "请填入实际值（模板在渲染时会填入）"
                    );
                    ctx.report_as(
                        &RULE.meta,
                        Severity::Warning,
                        path,
                        span,
                        message,
                        Some(help),
                    );
                    continue;
                }
                Err(error) => {
                    let (message, help) = describe_error(ctx, error, text);
                    ctx.report_help(&RULE.meta, path, span, message, help);
                    continue;
                }
            };
            if let Parsed::Role { .. } = parsed {
                let message = tr!(ctx.lang, format!("a role as `RAM` principal (`{text}`) is not confirmed in Alibaba's documentation"), format!("以角色作为 `RAM` 主体（`{text}`）未经阿里云文档确认"));
                let help = tr!(ctx.lang, "the documented form `acs:ram::<uid>:root` lets the account's roles assume this role", "文档中的写法 `acs:ram::<账号ID>:root` 已允许该账号下的角色扮演此角色");
                ctx.report_as(
                    &RULE.meta,
                    Severity::Warning,
                    path,
                    span,
                    message,
                    Some(help),
                );
            }
            let Some(account) = principal::account(&parsed) else {
                continue;
            };
            if account == "*" || arn::is_account_id(account) {
                continue;
            }
            let (message, help) = if arn::looks_like_placeholder(account) {
                let message = tr!(
                    ctx.lang,
                    format!("`{text}` holds the masked or placeholder account `{account}`"),
                    format!("`{text}` 中的账号 `{account}` 是脱敏值或占位符")
                );
                let help = if matches!(parsed, Parsed::AccountService { .. }) {
                    tr!(ctx.lang, "documentation masks the account ID (`san******@...`); use the 16-digit ID of the account that owns the calling service", "文档对账号 ID 做了脱敏（`san******@...`）；请使用调用方服务所属账号的 16 位 ID")
                } else {
                    tr!(
                        ctx.lang,
                        "use the 16-digit account ID",
                        "请使用 16 位账号 ID"
                    )
                };
                (message, help)
            } else {
                (
                    tr!(ctx.lang, format!("`{account}` in `{text}` is not a 16-digit account ID"), format!("`{text}` 中的 `{account}` 不是 16 位账号 ID")),
                    tr!(ctx.lang, "find the account ID by hovering over the profile picture in the console's top bar", "将鼠标悬停在控制台右上角的头像上即可看到账号 ID"),
                )
            };
            // RAM's documentation does not say it refuses such an account; it trusts no one.
            ctx.report_as(
                &RULE.meta,
                Severity::Warning,
                path,
                span,
                message,
                Some(help),
            );
        }
    }
}

fn describe_error(ctx: &Ctx<'_>, error: PrincipalError, text: &str) -> (String, String) {
    match error {
        PrincipalError::NotRamArn => {
            let help = if arn::is_account_id(text) {
                tr!(ctx.lang, format!("to trust the whole account, write `acs:ram::{text}:root`"), format!("如需信任整个账号，请写作 `acs:ram::{text}:root`"))
            } else {
                tr!(ctx.lang, "use `acs:ram::<account-id>:root` or `acs:ram::<account-id>:user/<name>`", "请使用 `acs:ram::<账号ID>:root` 或 `acs:ram::<账号ID>:user/<用户名>`")
            };
            (
                tr!(ctx.lang, format!("`{text}` is not a `RAM` principal"), format!("`{text}` 不是有效的 `RAM` 主体")),
                help,
            )
        }
        PrincipalError::NotServiceName => {
            let lower = text.to_ascii_lowercase();
            let help = if lower != text && principal::parse("Service", &lower).is_ok() {
                tr!(ctx.lang, format!("write `{lower}`"), format!("请写作 `{lower}`"))
            } else {
                tr!(ctx.lang, "use `<service>.aliyuncs.com`, or `<account-id>@<service>.aliyuncs.com` for a service acting for another account", "请使用 `<服务>.aliyuncs.com`；如为代表其他账号的服务，请使用 `<账号ID>@<服务>.aliyuncs.com`")
            };
            (
                tr!(ctx.lang, format!("`{text}` is not a service principal"), format!("`{text}` 不是有效的服务主体")),
                help,
            )
        }
        PrincipalError::NotProviderArn => (
            tr!(ctx.lang, format!("`{text}` is not an identity provider ARN"), format!("`{text}` 不是身份提供商 ARN")),
            tr!(ctx.lang, "use `acs:ram::<account-id>:saml-provider/<name>` or `acs:ram::<account-id>:oidc-provider/<name>`", "请使用 `acs:ram::<账号ID>:saml-provider/<名称>` 或 `acs:ram::<账号ID>:oidc-provider/<名称>`"),
        ),
        // Unknown type keys are reported once per key above.
        PrincipalError::UnknownType => (String::new(), String::new()),
    }
}
