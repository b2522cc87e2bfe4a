use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::lists::{report_empty, List};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP203",
        name: "empty-action",
        severity: Severity::Error,
        summary: "`Action` or `NotAction` is empty, or holds an empty string.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP203",
    why: "An empty action list names no operation, so the statement has no effect; RAM rejects empty values.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": "*"}]}"#,
    references: &["RAM policy elements: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    report_empty(ctx, &RULE.meta, List::Action);
}
