use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::lists::{report_empty, List};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP306",
        name: "empty-resource",
        severity: Severity::Error,
        summary: "`Resource` or `NotResource` is empty, or holds an empty string.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP306",
    why: "An empty resource list names nothing, so the statement has no effect; RAM rejects empty values.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": []}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": ["acs:oss:*:*:examplebucket/*"]}]}"#,
    references: &["RAM policy elements, Resource: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    report_empty(ctx, &RULE.meta, List::Resource);
}
