use crate::finding::Severity;
use crate::json::Value;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

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
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.resource, statement.not_resource]
            .into_iter()
            .flatten()
        {
            let name = field.key;
            if let Value::Array(items) = &field.node.value {
                if items.is_empty() {
                    let message = tr!(
                        ctx.lang,
                        format!("`{name}` is empty"),
                        format!("`{name}` 为空")
                    );
                    let pointer = field.pointer(&statement.pointer);
                    ctx.report(&RULE.meta, &pointer, Some(field.node.span), message);
                    continue;
                }
            }
            for item in field.strings(&statement.pointer) {
                if item.value.trim().is_empty() {
                    let message = tr!(
                        ctx.lang,
                        format!("`{name}` holds an empty resource"),
                        format!("`{name}` 中有空的资源")
                    );
                    ctx.report(&RULE.meta, &item.pointer, Some(item.node.span), message);
                }
            }
        }
    }
}
