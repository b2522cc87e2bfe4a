use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use crate::text::split_action;
use crate::tr;
use crate::wildcard::{has_wildcard, matches_action};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP602",
        name: "permission-management",
        severity: Severity::Security,
        summary: "A statement allows, on every resource, an action that lets its holder raise their own permissions: attaching policies, new policy versions, AccessKeys or passwords for other users, group membership, rewriting a trust policy, passing or assuming any role.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP602",
    why: "Whoever may create or attach policies, update a role's trust policy, create AccessKeys or pass any role can give themselves any permission: privilege escalation. `sts:AssumeRole` on `*` lets the holder assume every role that trusts the account. Scope these actions to named roles and users (`acs:ram:*:<uid>:role/<name>`).",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ram:AttachPolicyToRole", "ram:PassRole"], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ram:PassRole", "Resource": "acs:ram:*:1234567890123456:role/EMRRole"}]}"#,
    references: &[
        "RAM authorization information (RAM actions): https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-overview",
        "Parliament and Access Analyzer privilege-escalation checks (peer tools)",
    ],
};

/// Actions that let their holder raise their own permissions: the RAM counterparts of the
/// IAM privilege-escalation paths that parliament and Access Analyzer check (new policy
/// versions, attaching policies, new keys or passwords for other users, group membership,
/// rewriting a trust policy, passing or assuming any role).
const ESCALATING: &[&str] = &[
    "ram:CreatePolicyVersion",
    "ram:SetDefaultPolicyVersion",
    "ram:AttachPolicyToUser",
    "ram:AttachPolicyToGroup",
    "ram:AttachPolicyToRole",
    "ram:AddUserToGroup",
    "ram:CreateAccessKey",
    "ram:CreateLoginProfile",
    "ram:UpdateLoginProfile",
    "ram:UpdateRole",
    "ram:PassRole",
    "sts:AssumeRole",
];

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        if !statement.is_allow() {
            continue;
        }
        let on_everything = statement
            .resources()
            .iter()
            .any(|r| r.value == "*" || is_all_ram_resources(r.value));
        if !on_everything {
            continue;
        }
        for item in statement.actions() {
            // `*` alone is reported as admin access.
            if item.value == "*" || item.value == "*:*" {
                continue;
            }
            let Some(granted) = escalating(item.value) else {
                continue;
            };
            let action = item.value;
            let message = if granted == action {
                tr!(
                    ctx.lang,
                    format!("`{action}` on every resource allows privilege escalation"),
                    format!("对所有资源授予 `{action}` 可导致权限提升")
                )
            } else {
                tr!(ctx.lang, format!("`{action}` includes `{granted}` on every resource, which allows privilege escalation"), format!("`{action}` 包含对所有资源的 `{granted}`，可导致权限提升"))
            };
            let help = tr!(
                ctx.lang,
                "scope it to named roles or users, such as `acs:ram:*:<account-id>:role/<name>`"
                    .to_owned(),
                "请限定到具体的角色或用户，例如 `acs:ram:*:<账号ID>:role/<名称>`"
            );
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

/// The first escalating action the (possibly wildcard) action grants.
fn escalating(action: &str) -> Option<&'static str> {
    let (service, _) = split_action(action)?;
    // Every escalating action is `ram:` or `sts:`: a pattern naming another service
    // literally can match none of them.
    let literal = !has_wildcard(service);
    if literal && !service.eq_ignore_ascii_case("ram") && !service.eq_ignore_ascii_case("sts") {
        return None;
    }
    ESCALATING
        .iter()
        .copied()
        .find(|candidate| matches_action(action, candidate))
}

fn is_all_ram_resources(resource: &str) -> bool {
    match crate::arn::parse(resource) {
        Ok(arn) => {
            (arn.service == "ram" || arn.service == "*")
                && (arn.account == "*" || arn.account.is_empty())
                && arn.relative_id == "*"
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `escalating` skips actions of other services on the strength of this.
    #[test]
    fn every_escalating_action_is_ram_or_sts() {
        for action in ESCALATING {
            assert!(
                action.starts_with("ram:") || action.starts_with("sts:"),
                "{action}"
            );
        }
        assert!(escalating("RAM:Create*").is_some());
        assert_eq!(escalating("ecs:CreateUser"), None);
        assert!(escalating("r?m:PassRole").is_some());
        assert!(escalating("*:PassRole").is_some());
    }
}
