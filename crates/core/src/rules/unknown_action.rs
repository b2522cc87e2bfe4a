use crate::catalogue::{self, Coverage, CATALOGUE_DATE};
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::{did_you_mean, has_wildcard, malformed_action, split_action, wildcard_match};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP206",
        name: "unknown-action",
        severity: Severity::Warning,
        summary: "An action is not in the catalogue of its service, or is written in a different case from the documented name.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP206",
    why: "A misspelt action (`oss:GetObjects`) matches no request. Action catalogues go stale, so an unknown action is only a warning, with the closest known name as a suggestion; a different case is a suggestion, since RAM compares action names case-insensitively but the documented spelling is easier to review.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObjects", "oss:listobjects"], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": "*"}]}"#,
    references: &["RAM policy elements, Action: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.action, statement.not_action]
            .into_iter()
            .flatten()
        {
            for item in field.strings(&statement.pointer) {
                if malformed_action::problem(item.value).is_some() {
                    continue;
                }
                let Some((code, name)) = split_action(item.value) else {
                    continue;
                };
                let Some(service) = catalogue::service(code) else {
                    continue;
                };
                let action = item.value;
                let span = Some(item.node.span);
                if has_wildcard(name) {
                    let matches_any = service.actions.iter().any(|a| wildcard_match(name, a.name));
                    if !matches_any && service.coverage == Coverage::Complete {
                        let message = ctx.t(
                            format!("`{action}` matches no action of `{}` in ramplan's catalogue ({CATALOGUE_DATE})", service.code),
                            format!("`{action}` 不匹配 ramplan 目录（{CATALOGUE_DATE}）中 `{}` 的任何操作", service.code),
                        );
                        ctx.report(&RULE.meta, &item.pointer, span, message);
                    }
                    continue;
                }
                match service.action(name) {
                    Some(known) => {
                        let documented = format!("{}:{}", service.code, known.name);
                        if documented != action {
                            let message = ctx.t(
                                format!("`{action}` is documented as `{documented}`"),
                                format!("`{action}` 的文档写法为 `{documented}`"),
                            );
                            let help = ctx.t(
                                "RAM compares actions case-insensitively, but the documented spelling is easier to review".to_owned(),
                                "RAM 比较操作名时不区分大小写，但按文档写法更便于审阅".to_owned(),
                            );
                            ctx.report_as(
                                &RULE.meta,
                                Severity::Suggestion,
                                &item.pointer,
                                span,
                                message,
                                Some(help),
                            );
                        }
                    }
                    None => {
                        let partial = service.coverage == Coverage::Partial;
                        let message = if !partial {
                            ctx.t(
                                format!("`{action}` is not an action of `{}` in ramplan's catalogue ({CATALOGUE_DATE})", service.code),
                                format!("`{action}` 不是 ramplan 目录（{CATALOGUE_DATE}）中 `{}` 的操作", service.code),
                            )
                        } else {
                            ctx.t(
                                format!("`{action}` is not in ramplan's partial list of `{}` actions ({CATALOGUE_DATE})", service.code),
                                format!("`{action}` 不在 ramplan 收录的部分 `{}` 操作列表（{CATALOGUE_DATE}）中", service.code),
                            )
                        };
                        let names = service.actions.iter().map(|a| a.name);
                        let help = match did_you_mean(name, names) {
                            Some(suggestion) => ctx.t(
                                format!("did you mean `{}:{suggestion}`?", service.code),
                                format!("是否想写 `{}:{suggestion}`？", service.code),
                            ),
                            None => ctx.t(
                                "check the action on the service's \"RAM authorization\" page; the catalogue may be out of date".to_owned(),
                                "请在该云产品的“授权信息”页面核对操作名；ramplan 的目录可能已过时".to_owned(),
                            ),
                        };
                        ctx.report_help(&RULE.meta, &item.pointer, span, message, help);
                    }
                }
            }
        }
    }
}
