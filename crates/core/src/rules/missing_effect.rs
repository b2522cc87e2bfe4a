use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::opening;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP101",
        name: "missing-effect",
        severity: Severity::Error,
        summary: "A statement has no `Effect`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP101",
    why: "Every statement must say whether it allows or denies: `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`.",
    example: r#"{"Version": "1", "Statement": [{"Action": "oss:GetObject", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy elements: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        if statement.effect.is_none() {
            let message = tr!(
                ctx.lang,
                "the statement has no `Effect`",
                "语句缺少 `Effect`"
            );
            let help = tr!(
                ctx.lang,
                "add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`",
                "请添加 `\"Effect\": \"Allow\"` 或 `\"Effect\": \"Deny\"`"
            );
            let span = Some(opening(statement.node));
            ctx.report_help(&RULE.meta, &statement.pointer, span, message, help);
        }
    }
}
