use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

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
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.action, statement.not_action]
            .into_iter()
            .flatten()
        {
            let items = field.strings(&statement.pointer);
            let mut seen = std::collections::HashSet::with_capacity(items.len());
            for item in &items {
                // RAM compares action names ignoring case.
                let earlier = !seen.insert(item.value.to_ascii_lowercase());
                if earlier && !item.value.trim().is_empty() {
                    let message = tr!(
                        ctx.lang,
                        format!("`{}` is listed more than once", item.value),
                        format!("`{}` 重复出现", item.value)
                    );
                    let help = tr!(ctx.lang, "remove the repeat", "请删除重复项");
                    ctx.report_help(
                        &RULE.meta,
                        &item.pointer,
                        Some(item.node.span),
                        message,
                        help,
                    );
                }
            }
        }
    }
}
