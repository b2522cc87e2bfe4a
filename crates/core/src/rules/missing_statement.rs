use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::opening;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP012",
        name: "missing-statement",
        severity: Severity::Error,
        summary: "The policy has no `Statement` element.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP012",
    why: "A policy grants or denies nothing without statements; RAM requires `Statement`.",
    example: r#"{"Version": "1"}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.root.as_object().is_some() && ctx.policy.statement.is_none() {
        let message = tr!(
            ctx.lang,
            "the policy has no `Statement`",
            "策略缺少 `Statement`"
        );
        let span = Some(opening(ctx.root));
        ctx.report(&RULE.meta, "", span, message);
    }
}
