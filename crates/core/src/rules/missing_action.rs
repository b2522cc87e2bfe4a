use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::opening;

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
            let message = ctx.t(
                "the statement has no `Action`".to_owned(),
                "语句缺少 `Action`".to_owned(),
            );
            let span = Some(opening(statement.node));
            ctx.report(&RULE.meta, &statement.pointer, span, message);
        }
    }
}
