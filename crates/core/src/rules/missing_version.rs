use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::opening;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP010",
        name: "missing-version",
        severity: Severity::Error,
        summary: "The policy has no `Version` element.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP010",
    why: "`Version` is required, and its only valid value is the string `\"1\"`.",
    example: r#"{"Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.root.as_object().is_some() && ctx.policy.version.is_none() {
        let message = tr!(
            ctx.lang,
            "the policy has no `Version`",
            "策略缺少 `Version`"
        );
        let help = tr!(
            ctx.lang,
            "add `\"Version\": \"1\"`",
            "请添加 `\"Version\": \"1\"`"
        );
        let span = Some(opening(ctx.root));
        ctx.report_help(&RULE.meta, "", span, message, help);
    }
}
