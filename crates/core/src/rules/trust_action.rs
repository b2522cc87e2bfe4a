use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP504",
        name: "trust-action",
        severity: Severity::Error,
        summary: "A trust policy names an action of another service (error), or an `sts:` action other than `sts:AssumeRole`, or `NotAction` (warnings).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP504",
    why: "A trust policy decides one thing: who may assume the role. An action of another service (`oss:GetObject`) in it grants nothing, so it cannot do what it says: that is an error. Every documented trust policy, SAML and OIDC included, uses `sts:AssumeRole`. Alibaba's own Terraform provider tests add `sts:SetSourceIdentity`, which RAM's SourceIdentity feature uses, so that is accepted. Other `sts:` actions (`sts:AssumeRoleWithSAML`, `sts:*`) and `NotAction` are not documented for trust policies: warnings.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "oss:GetObject"], "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}}]}"#,
    references: &[
        "Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role",
        "sts:SetSourceIdentity in trust policies: aliyun/terraform-provider-alicloud alicloud/resource_alicloud_ram_role_test.go; https://www.alibabacloud.com/help/en/ram/user-guide/session-tagging-and-fine-grained-access-control-for-assumed-roles-using-sourceidentity",
        "Research notes, section 5: docs/research/rule-facts.md",
    ],
};

/// `sts:` actions a trust policy may name without a finding.
const TRUST_ACTIONS: &[&str] = &["sts:AssumeRole", "sts:SetSourceIdentity"];

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::Trust {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        if let Some(not_action) = statement.not_action {
            let message = tr!(ctx.lang, "`NotAction` is not documented for trust policies; whether RAM accepts it is not confirmed", "信任策略的文档中没有 `NotAction`；RAM 是否接受尚未确认");
            let help = tr!(
                ctx.lang,
                "write `\"Action\": \"sts:AssumeRole\"`",
                "请写作 `\"Action\": \"sts:AssumeRole\"`"
            );
            let pointer = not_action.pointer(&statement.pointer);
            ctx.report_as(
                &RULE.meta,
                Severity::Warning,
                &pointer,
                Some(not_action.key_span),
                message,
                Some(help),
            );
        }
        for item in statement.actions() {
            let action = item.value.trim();
            if action.is_empty() || TRUST_ACTIONS.contains(&action) {
                continue;
            }
            let span = Some(item.node.span);
            if let Some(documented) = TRUST_ACTIONS
                .iter()
                .find(|a| a.eq_ignore_ascii_case(action))
            {
                let message = tr!(
                    ctx.lang,
                    format!("`{action}` is documented as `{documented}`"),
                    format!("`{action}` 的文档写法为 `{documented}`")
                );
                let help = tr!(ctx.lang, "RAM compares actions case-insensitively, but the documented spelling is easier to review", "RAM 比较操作名时不区分大小写，但按文档写法更便于审阅");
                ctx.report_as(
                    &RULE.meta,
                    Severity::Suggestion,
                    &item.pointer(),
                    span,
                    message,
                    Some(help),
                );
                continue;
            }
            let service = action.split_once(':').map_or(action, |(s, _)| s);
            if service.eq_ignore_ascii_case("sts") || service.contains(['*', '?']) {
                let message = tr!(ctx.lang, format!("`{action}` is not documented for trust policies, which grant `sts:AssumeRole`; whether RAM accepts it is not confirmed"), format!("信任策略的文档中只有 `sts:AssumeRole`，没有 `{action}`；RAM 是否接受尚未确认"));
                let help = tr!(
                    ctx.lang,
                    "every documented trust policy, SAML and OIDC included, uses `sts:AssumeRole`"
                        .to_owned(),
                    "所有文档中的信任策略（包括 SAML 和 OIDC）都使用 `sts:AssumeRole`"
                );
                ctx.report_as(
                    &RULE.meta,
                    Severity::Warning,
                    &item.pointer(),
                    span,
                    message,
                    Some(help),
                );
                continue;
            }
            let message = tr!(ctx.lang, format!("`{action}` in a trust policy grants nothing: a trust policy only decides who may assume the role"), format!("信任策略中的 `{action}` 不授予任何权限：信任策略只决定谁可以扮演该角色"));
            let help = tr!(
                ctx.lang,
                "grant it in a permission policy attached to the role; keep `sts:AssumeRole` here"
                    .to_owned(),
                "请在附加到该角色的权限策略中授予；此处保留 `sts:AssumeRole`"
            );
            ctx.report_help(&RULE.meta, &item.pointer(), span, message, help);
        }
    }
}
