use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::opening;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP201",
        name: "missing-action",
        severity: Severity::Error,
        summary: "A statement has neither `Action` nor `NotAction`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP201",
    why: "Each statement must name the operations it applies to, with `Action` (or, rarely, `NotAction`).",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy elements: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        if statement.action.is_none() && statement.not_action.is_none() {
            let message = tr!(
                ctx.lang,
                "the statement has no `Action`",
                "语句缺少 `Action`"
            );
            let span = Some(opening(statement.node));
            ctx.report(&RULE.meta, &statement.pointer, span, message);
        }
    }
}
