use crate::catalogue::KeyType;
use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use crate::tr;
use crate::wildcard::has_wildcard;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP404",
        name: "wildcard-without-like",
        severity: Severity::Warning,
        summary: "A string condition value has `*` or `?`, but the operator is not `StringLike` or `StringNotLike`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP404",
    why: "Only `StringLike` and `StringNotLike` read `*` and `?` as wildcards. Under `StringEquals` they are literal characters, so `\"logs/*\"` matches only the exact text `logs/*`.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:ListObjects", "Resource": "acs:oss:*:*:examplebucket", "Condition": {"StringEquals": {"oss:Prefix": "logs/*"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:ListObjects", "Resource": "acs:oss:*:*:examplebucket", "Condition": {"StringLike": {"oss:Prefix": "logs/*"}}}]}"#,
    references: &["RAM condition operators: https://www.alibabacloud.com/help/en/ram/conditional-operator"],
};

fn check(ctx: &mut Ctx<'_>) {
    for entry in condition::entries(ctx.policy) {
        let Some(operator) = condition::operator(entry.operator_name()) else {
            continue;
        };
        if operator.kind != KeyType::String || operator.wildcards {
            continue;
        }
        let like = if operator.negated {
            "StringNotLike"
        } else {
            "StringLike"
        };
        for value in &entry.values {
            if !has_wildcard(value.value) {
                continue;
            }
            let message = tr!(
                ctx.lang,
                format!(
                    "`{}` treats `*` and `?` in `\"{}\"` as literal characters",
                    operator.name,
                    crate::text::clip(value.value)
                ),
                format!(
                    "`{}` 会把 `\"{}\"` 中的 `*` 和 `?` 当作普通字符",
                    operator.name,
                    crate::text::clip(value.value)
                )
            );
            let help = tr!(
                ctx.lang,
                format!("use `{like}` for wildcard matching"),
                format!("如需通配匹配，请使用 `{like}`")
            );
            ctx.report_help(
                &RULE.meta,
                &value.pointer(),
                Some(value.node.span),
                message,
                help,
            );
        }
    }
}
