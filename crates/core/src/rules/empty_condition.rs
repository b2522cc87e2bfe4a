use crate::finding::Severity;
use crate::json::{pointer_push, Value};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP405",
        name: "empty-condition",
        severity: Severity::Suggestion,
        summary: "`Condition`, an operator block or a key's value list is empty.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP405",
    why: "An empty block restricts nothing and only makes the policy harder to read; an empty value list can never match. Editors such as the old ram-policy-editor emit `\"Condition\": {}` on every statement.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy elements, Condition: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        let Some(field) = statement.condition else {
            continue;
        };
        let pointer = field.pointer(&statement.pointer);
        let Some(operators) = field.node.as_object() else {
            continue;
        };
        if operators.is_empty() {
            let message = tr!(ctx.lang, "`Condition` is empty", "`Condition` 为空");
            let help = tr!(ctx.lang, "remove it", "请删除它");
            ctx.report_help(&RULE.meta, &pointer, Some(field.node.span), message, help);
            continue;
        }
        for operator in operators {
            let op_pointer = pointer_push(&pointer, &operator.key);
            let Some(keys) = operator.value.as_object() else {
                continue;
            };
            if keys.is_empty() {
                let message = tr!(
                    ctx.lang,
                    format!("operator `{}` has no keys", operator.key),
                    format!("运算符 `{}` 下没有条件键", operator.key)
                );
                ctx.report(&RULE.meta, &op_pointer, Some(operator.value.span), message);
                continue;
            }
            for key in keys {
                if matches!(&key.value.value, Value::Array(items) if items.is_empty()) {
                    let message = tr!(
                        ctx.lang,
                        format!(
                            "condition key `{}` has no values, so it can never match",
                            key.key
                        ),
                        format!("条件键 `{}` 没有值，永远不会匹配", key.key)
                    );
                    let key_pointer = pointer_push(&op_pointer, &key.key);
                    ctx.report(&RULE.meta, &key_pointer, Some(key.value.span), message);
                }
            }
        }
    }
}
