use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::principal::{self, Parsed};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP506",
        name: "federated-condition",
        severity: Severity::Warning,
        summary: "A federated principal lacks the conditions that bind it: `saml:recipient` for SAML, `oidc:iss` and `oidc:aud` for OIDC.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP506",
    why: "Alibaba's SAML role examples pair the provider with `\"StringEquals\": {\"saml:recipient\": \"https://signin.aliyun.com/saml-role/sso\"}`. For OIDC providers, examples check the issuer and audience (`oidc:iss`, `oidc:aud`), and usually the subject (`oidc:sub`); without them any token the provider issues for any application may assume the role. The OIDC keys come from third-party examples and are not confirmed in Alibaba's documentation.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Federated": ["acs:ram::1234567890123456:saml-provider/corp-idp"]}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Federated": ["acs:ram::1234567890123456:saml-provider/corp-idp"]}, "Condition": {"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}}]}"#,
    references: &[
        "Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role",
        "Terraform alicloud_ram_policy_document (SAML example): https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/ram_policy_document",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let entries = condition::entries(ctx.policy);
    let grouped = condition::by_statement(&entries);
    let policy = ctx.policy;
    for statement in &policy.statements {
        let keys: Vec<String> = grouped
            .get(statement.pointer.as_str())
            .into_iter()
            .flatten()
            .map(|e| e.key_name().to_ascii_lowercase())
            .collect();
        for value in principal::values(statement) {
            if value.principal_type != "Federated" {
                continue;
            }
            let required: &[&str] = match principal::parse("Federated", value.item.value) {
                Ok(Parsed::SamlProvider { .. }) => &["saml:recipient"],
                Ok(Parsed::OidcProvider { .. }) => &["oidc:iss", "oidc:aud"],
                _ => continue,
            };
            let missing: Vec<&str> = required
                .iter()
                .copied()
                .filter(|k| !keys.iter().any(|have| have == k))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let list = missing
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let message = tr!(
                ctx.lang,
                format!("federated principal without a condition on {list}"),
                format!("联合身份主体缺少对 {list} 的条件")
            );
            let help = if missing.contains(&"saml:recipient") {
                tr!(ctx.lang, "add `\"Condition\": {\"StringEquals\": {\"saml:recipient\": \"https://signin.aliyun.com/saml-role/sso\"}}`", "请添加 `\"Condition\": {\"StringEquals\": {\"saml:recipient\": \"https://signin.aliyun.com/saml-role/sso\"}}`")
            } else {
                tr!(ctx.lang, "add `StringEquals` conditions on the issuer and audience (keys from third-party examples; unconfirmed)", "请添加对签发者和受众的 `StringEquals` 条件（键名来自第三方示例，未经确认）")
            };
            let span = Some(value.item.node.span);
            ctx.report_help(&RULE.meta, &value.item.pointer(), span, message, help);
        }
    }
}
