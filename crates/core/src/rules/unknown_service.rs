use crate::catalogue::{self, ServiceBasis, CATALOGUE_DATE};
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::malformed_action;
use crate::text::{did_you_mean, split_action};
use crate::tr;
use crate::wildcard::has_wildcard;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP205",
        name: "unknown-service",
        severity: Severity::Warning,
        summary: "An action's service code is not in ramplan's catalogue.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP205",
    why: "A misspelt RAM code (`sls:` for `log:`, `ack:` for `cs:`) matches no request, so the statement silently grants nothing. The catalogue can be out of date, so this is a warning, not an error; the catalogue's date is shown with every run.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sls:GetLogStoreLogs", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "log:GetLogStoreLogs", "Resource": "*"}]}"#,
    references: &["Services that work with RAM: https://www.alibabacloud.com/help/en/ram/user-guide/services-that-work-with-ram"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    let mut near: std::collections::HashMap<String, Option<&'static str>> =
        std::collections::HashMap::new();
    for statement in &policy.statements {
        for field in [statement.action, statement.not_action]
            .into_iter()
            .flatten()
        {
            for item in field.strings(&statement.pointer) {
                if malformed_action::problem(item.value).is_some() {
                    continue;
                }
                let Some((service, _)) = split_action(item.value) else {
                    continue;
                };
                // Until the page has loaded the full catalogue, only curated codes are known:
                // say nothing rather than call a real service unknown.
                if has_wildcard(service) || !catalogue::is_complete() {
                    continue;
                }
                if let Some(known) = catalogue::service(service) {
                    if known.basis() == ServiceBasis::Unconfirmed {
                        let name = ctx.lang.pick(known.name_en(), known.name_zh());
                        let message = tr!(ctx.lang, format!("`{service}` is only assumed to be the RAM code of {name}: no source ramplan read confirms it"), format!("`{service}` 只是推测为 {name} 的 RAM 代码：ramplan 读到的资料中没有确认"));
                        let help = tr!(
                            ctx.lang,
                            "check the code on the service's \"RAM authorization\" page",
                            "请在该云产品的“授权信息”页面核对 RAM 代码"
                        );
                        ctx.report_as(
                            &RULE.meta,
                            Severity::Suggestion,
                            &item.pointer(),
                            Some(item.node.span),
                            message,
                            Some(help),
                        );
                    }
                    continue;
                }
                let message = tr!(ctx.lang, format!("`{service}` is not the RAM code of any service in ramplan's catalogue ({CATALOGUE_DATE})"), format!("`{service}` 不是 ramplan 服务目录（{CATALOGUE_DATE}）中任何服务的 RAM 代码"));
                // Each distinct unknown code is compared with the catalogue once, and only the
                // first few hundred: a document of endless made-up codes stays linear.
                let lower = service.to_ascii_lowercase();
                let close = match near.get(&lower) {
                    Some(close) => *close,
                    None if near.len() < 200 => {
                        let codes = catalogue::services().iter().map(|s| s.code());
                        let close = did_you_mean(service, codes).or_else(|| alias(service));
                        near.insert(lower, close);
                        close
                    }
                    None => None,
                };
                let help = match close {
                    Some(code) => crate::i18n::did_you_mean(code, ctx.lang),
                    None => tr!(ctx.lang, "check the RAM code on the service's \"RAM authorization\" page; the catalogue may be out of date", "请在该云产品的“授权信息”页面核对 RAM 代码；ramplan 的目录可能已过时"),
                };
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

/// Product names people write where the RAM code differs.
fn alias(service: &str) -> Option<&'static str> {
    match service.to_ascii_lowercase().as_str() {
        "hologres" => Some("hologram"),
        "sls" => Some("log"),
        "kafka" => Some("alikafka"),
        "ack" | "k8s" => Some("cs"),
        _ => None,
    }
}
