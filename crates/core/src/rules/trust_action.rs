use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::principal;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP504",
        name: "trust-action",
        severity: Severity::Error,
        summary:
            "A trust policy grants an action other than `sts:AssumeRole`, or uses `NotAction`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP504",
    why: "A trust policy grants one thing: assuming the role. RAM's examples and the Terraform provider require the action `sts:AssumeRole`. For federated (SAML or OIDC) principals some third-party examples write `sts:AssumeRoleWithSAML` or `sts:AssumeRoleWithOIDC`; that form is not confirmed in Alibaba's documentation and is reported as a warning.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:*", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}}]}"#,
    references: &[
        "Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role",
        "Terraform alicloud_ram_policy_document (role policies must use sts:AssumeRole): https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/ram_policy_document",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::Trust {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        if let Some(not_action) = statement.not_action {
            let message = ctx.t(
                "a trust policy cannot use `NotAction`".to_owned(),
                "信任策略中不能使用 `NotAction`".to_owned(),
            );
            let help = ctx.t(
                "write `\"Action\": \"sts:AssumeRole\"`".to_owned(),
                "请写作 `\"Action\": \"sts:AssumeRole\"`".to_owned(),
            );
            let pointer = not_action.pointer(&statement.pointer);
            ctx.report_help(
                &RULE.meta,
                &pointer,
                Some(not_action.key_span),
                message,
                help,
            );
        }
        let federated = statement
            .principal
            .is_some_and(|p| principal::has_type(p.node, "Federated"));
        for item in statement.actions() {
            let action = item.value;
            if action == "sts:AssumeRole" || action.trim().is_empty() {
                continue;
            }
            let span = Some(item.node.span);
            let federated_form =
                action == "sts:AssumeRoleWithSAML" || action == "sts:AssumeRoleWithOIDC";
            if federated && federated_form {
                let message = ctx.t(
                    format!(
                        "`{action}` in a trust policy is not confirmed by Alibaba's documentation"
                    ),
                    format!("信任策略中使用 `{action}` 未经阿里云文档确认"),
                );
                let help = ctx.t(
                    "official SAML examples use `sts:AssumeRole`".to_owned(),
                    "官方 SAML 示例使用 `sts:AssumeRole`".to_owned(),
                );
                ctx.report_as(
                    &RULE.meta,
                    Severity::Warning,
                    &item.pointer,
                    span,
                    message,
                    Some(help),
                );
                continue;
            }
            let message = if action.eq_ignore_ascii_case("sts:AssumeRole") {
                ctx.t(
                    format!("write `sts:AssumeRole`, not `{action}`"),
                    format!("请写作 `sts:AssumeRole`，而不是 `{action}`"),
                )
            } else {
                ctx.t(
                    format!("a trust policy grants only `sts:AssumeRole`, found `{action}`"),
                    format!("信任策略只能授予 `sts:AssumeRole`，实际为 `{action}`"),
                )
            };
            ctx.report(&RULE.meta, &item.pointer, span, message);
        }
    }
}
