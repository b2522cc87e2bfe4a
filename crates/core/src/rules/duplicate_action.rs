use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::lists::{report_repeats, List};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP801",
        name: "duplicate-action",
        severity: Severity::Suggestion,
        summary: "The same action appears twice in one statement.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP801",
    why: "The repeat changes nothing (RAM compares actions case-insensitively) but lengthens the policy towards its 6,144-character limit and makes review harder.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:getobject"], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": "*"}]}"#,
    references: &["Access Analyzer check REDUNDANT_ACTION (peer tool)"],
};

fn check(ctx: &mut Ctx<'_>) {
    // RAM compares action names ignoring case.
    report_repeats(ctx, &RULE.meta, List::Action, str::to_ascii_lowercase);
}
