use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::lists::{report_repeats, List};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP802",
        name: "duplicate-resource",
        severity: Severity::Suggestion,
        summary: "The same resource appears twice in one statement.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP802",
    why: "The repeat changes nothing but lengthens the policy towards its 6,144-character limit and makes review harder.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": ["acs:oss:*:*:examplebucket/*", "acs:oss:*:*:examplebucket/*"]}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": ["acs:oss:*:*:examplebucket/*"]}]}"#,
    references: &["Access Analyzer check REDUNDANT_RESOURCE (peer tool)"],
};

fn check(ctx: &mut Ctx<'_>) {
    report_repeats(ctx, &RULE.meta, List::Resource, str::to_owned);
}
