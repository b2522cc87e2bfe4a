use crate::finding::Severity;
use crate::json::{pointer_index, Value};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP014",
        name: "invalid-statement",
        severity: Severity::Error,
        summary:
            "`Statement` is neither an array nor an object, or holds an item that is not an object.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP014",
    why: "`Statement` is an array of statement objects (a single object is accepted as a one-statement list). Anything else cannot be read as a statement.",
    example: r#"{"Version": "1", "Statement": ["oss:GetObject"]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    let Some(statement) = ctx.policy.statement else {
        return;
    };
    let pointer = statement.pointer("");
    match &statement.node.value {
        Value::Object(_) => {}
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if item.as_object().is_none() {
                    let message = tr!(
                        ctx.lang,
                        format!(
                            "statement {i} must be an object, found {}",
                            item.type_name()
                        ),
                        format!("第 {i} 条语句必须是对象，实际为 {}", item.type_name())
                    );
                    let item_pointer = pointer_index(&pointer, i);
                    ctx.report(&RULE.meta, &item_pointer, Some(item.span), message);
                }
            }
        }
        _ => {
            let message = tr!(
                ctx.lang,
                format!(
                    "`Statement` must be an array of statements, found {}",
                    statement.node.type_name()
                ),
                format!(
                    "`Statement` 必须是语句数组，实际为 {}",
                    statement.node.type_name()
                )
            );
            ctx.report(&RULE.meta, &pointer, Some(statement.node.span), message);
        }
    }
}
