use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP202",
        name: "action-and-not-action",
        severity: Severity::Error,
        summary: "A statement has both `Action` and `NotAction`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP202",
    why: "The grammar allows one or the other, never both; the combination is rejected.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "NotAction": "oss:DeleteBucket", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*"}, {"Effect": "Deny", "Action": "oss:DeleteBucket", "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        if let (Some(_), Some(not_action)) = (statement.action, statement.not_action) {
            let message = tr!(
                ctx.lang,
                "a statement cannot have both `Action` and `NotAction`",
                "同一语句不能同时包含 `Action` 和 `NotAction`"
            );
            let help = tr!(
                ctx.lang,
                "keep `Action`, and express exceptions as a separate `Deny` statement",
                "保留 `Action`，并用单独的 `Deny` 语句表达例外"
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
    }
}
