use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::{has_wildcard, malformed_action, wildcard_match};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP803",
        name: "redundant-action",
        severity: Severity::Suggestion,
        summary: "An action is already covered by a wildcard action in the same statement.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP803",
    why: "`oss:GetObject` beside `oss:Get*` adds nothing. Either the wildcard is broader than intended, or the explicit action can go. Keeping one makes the policy's real reach visible.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:Get*", "oss:GetObject"], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": "*"}]}"#,
    references: &["Access Analyzer check REDUNDANT_ACTION (peer tool)"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.action, statement.not_action]
            .into_iter()
            .flatten()
        {
            let items = field.strings(&statement.pointer);
            for item in &items {
                if malformed_action::problem(item.value).is_some() || item.value.trim().is_empty() {
                    continue;
                }
                let cover = items.iter().find(|other| {
                    has_wildcard(other.value)
                        && !other.value.eq_ignore_ascii_case(item.value)
                        && wildcard_match(other.value, item.value)
                        // Two wildcards covering each other both ways are left alone.
                        && !(has_wildcard(item.value) && wildcard_match(item.value, other.value))
                });
                let Some(cover) = cover else {
                    continue;
                };
                let message = ctx.t(
                    format!("`{}` is already covered by `{}`", item.value, cover.value),
                    format!("`{}` 已被 `{}` 覆盖", item.value, cover.value),
                );
                let help = ctx.t(
                    "keep the narrower one if the wildcard grants more than intended".to_owned(),
                    "如果通配符授予了超出预期的权限，请保留更窄的那一项".to_owned(),
                );
                ctx.report_help(
                    &RULE.meta,
                    &item.pointer,
                    Some(item.node.span),
                    message,
                    help,
                );
            }
        }
    }
}
