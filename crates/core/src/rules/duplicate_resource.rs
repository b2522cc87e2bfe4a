use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

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
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.resource, statement.not_resource]
            .into_iter()
            .flatten()
        {
            let items = field.strings(&statement.pointer);
            let mut seen = std::collections::HashSet::with_capacity(items.len());
            for item in &items {
                let earlier = !seen.insert(item.value);
                if earlier && !item.value.trim().is_empty() {
                    let message = tr!(
                        ctx.lang,
                        format!(
                            "`{}` is listed more than once",
                            crate::text::clip(item.value)
                        ),
                        format!("`{}` 重复出现", crate::text::clip(item.value))
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
