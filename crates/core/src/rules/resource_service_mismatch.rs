use crate::arn;
use crate::catalogue;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use crate::text::split_action;
use crate::tr;
use crate::wildcard::{has_wildcard, matches_action};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP305",
        name: "resource-service-mismatch",
        severity: Severity::Warning,
        summary: "A resource ARN names a service that none of the statement's actions belongs to.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP305",
    why: "An action only ever applies to its own service's resources: `oss:GetObject` on `acs:log:*:*:project/p` grants nothing. Usually the resource was copied from another statement or the action list is missing an entry.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:log:*:*:project/app-logs"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "log:GetLogStoreLogs", "Resource": "acs:log:*:*:project/app-logs"}]}"#,
    references: &["RAM policy elements, Resource: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        // With `NotAction` the statement covers other services' actions too.
        if statement.not_action.is_some() {
            continue;
        }
        let actions = statement.actions();
        let services: Vec<&str> = actions
            .iter()
            .filter_map(|a| {
                if a.value == "*" {
                    Some("*")
                } else {
                    split_action(a.value).map(|(service, _)| service)
                }
            })
            .collect();
        if services.is_empty() {
            continue;
        }
        for item in statement.resources() {
            let Ok(parsed) = arn::parse(item.value) else {
                continue;
            };
            let arn_service = parsed.service;
            if has_wildcard(arn_service) {
                continue;
            }
            let covered = services
                .iter()
                .any(|service| action_service_covers(service, arn_service));
            if covered {
                continue;
            }
            let listed = services
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let message = tr!(
                ctx.lang,
                format!("resource of service `{arn_service}`, but the actions are for {listed}"),
                format!("资源属于服务 `{arn_service}`，但操作属于 {listed}")
            );
            let help = tr!(ctx.lang, "an action applies only to resources of its own service; move the resource to a statement with matching actions", "操作只作用于本服务的资源；请把该资源移到操作匹配的语句中");
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

/// Whether actions of this service code can apply to resources named with this ARN service.
fn action_service_covers(action_service: &str, arn_service: &str) -> bool {
    if has_wildcard(action_service) {
        return matches_action(action_service, arn_service)
            || catalogue::services_for_arn(arn_service)
                .any(|s| matches_action(action_service, s.code()));
    }
    if action_service.eq_ignore_ascii_case(arn_service) {
        return true;
    }
    match catalogue::service(action_service) {
        Some(service) => service
            .arn_services()
            .any(|name| name.eq_ignore_ascii_case(arn_service)),
        // An unknown service code: nothing to compare against, so do not guess.
        None => true,
    }
}
