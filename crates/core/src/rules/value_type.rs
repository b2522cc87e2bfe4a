use crate::finding::Severity;
use crate::json::{pointer_index, pointer_push, Node, Value};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::Field;
use crate::policy::PolicyKind;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP004",
        name: "value-type",
        severity: Severity::Error,
        summary: "An element has a value of the wrong JSON type, such as a number or boolean where RAM wants a string.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP004",
    why: "RAM requires every scalar value to be a string in double quotes, numbers, dates, booleans and IP addresses included: `\"true\"`, not `true`; `\"Version\": \"1\"`, not `1`. Lists of actions, resources and condition values hold strings only, and `Condition` and `Principal` are objects (an OSS bucket policy's `Principal` is a list of strings).",
    example: r#"{"Version": 1, "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": true}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": "true"}}}]}"#,
    references: &["RAM policy structure and syntax, \"all values must be strings\": https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.root.as_object().is_none() {
        let message = tr!(
            ctx.lang,
            format!(
                "a policy must be a JSON object, found {}",
                ctx.root.type_name()
            ),
            format!("策略必须是 JSON 对象，实际为 {}", zh_type(ctx.root))
        );
        let span = Some(ctx.root.span);
        ctx.report(&RULE.meta, "", span, message);
        return;
    }
    if let Some(version) = ctx.policy.version {
        expect_string(ctx, &version, "");
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        let base = statement.pointer.as_str();
        for field in [statement.sid, statement.effect].into_iter().flatten() {
            expect_string(ctx, &field, base);
        }
        for field in [
            statement.action,
            statement.not_action,
            statement.resource,
            statement.not_resource,
        ]
        .into_iter()
        .flatten()
        {
            expect_strings(ctx, field.node, &field.pointer(base), field.key);
        }
        if let Some(principal) = statement.principal {
            let pointer = principal.pointer(base);
            match &principal.node.value {
                // `"Principal": "*"` is a wildcard; the wildcard-principal rule reports it.
                Value::String(_) => {}
                Value::Object(members) => {
                    for member in members {
                        expect_strings(
                            ctx,
                            &member.value,
                            &pointer_push(&pointer, &member.key),
                            &member.key,
                        );
                    }
                }
                // OSS bucket policies list their principals as strings.
                Value::Array(_) if ctx.kind == PolicyKind::BucketPolicy => {
                    expect_strings(ctx, principal.node, &pointer, principal.key);
                }
                _ => wrong(
                    ctx,
                    principal.node,
                    &pointer,
                    principal.key,
                    "object",
                    "对象",
                ),
            }
        }
        if let Some(condition) = statement.condition {
            let pointer = condition.pointer(base);
            let Some(operators) = condition.node.as_object() else {
                wrong(
                    ctx,
                    condition.node,
                    &pointer,
                    condition.key,
                    "object",
                    "对象",
                );
                continue;
            };
            for operator in operators {
                let op_pointer = pointer_push(&pointer, &operator.key);
                let Some(keys) = operator.value.as_object() else {
                    wrong(
                        ctx,
                        &operator.value,
                        &op_pointer,
                        &operator.key,
                        "object",
                        "对象",
                    );
                    continue;
                };
                for key in keys {
                    expect_strings(
                        ctx,
                        &key.value,
                        &pointer_push(&op_pointer, &key.key),
                        &key.key,
                    );
                }
            }
        }
    }
}

fn expect_string(ctx: &mut Ctx<'_>, field: &Field<'_>, base: &str) {
    if field.node.as_str().is_none() {
        let pointer = field.pointer(base);
        wrong(ctx, field.node, &pointer, field.key, "string", "字符串");
    }
}

/// A string, or an array of strings.
fn expect_strings(ctx: &mut Ctx<'_>, node: &Node, pointer: &str, name: &str) {
    match &node.value {
        Value::String(_) => {}
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if item.as_str().is_none() {
                    let item_pointer = pointer_index(pointer, i);
                    wrong(ctx, item, &item_pointer, name, "string", "字符串");
                }
            }
        }
        _ => wrong(
            ctx,
            node,
            pointer,
            name,
            "string or an array of strings",
            "字符串或字符串数组",
        ),
    }
}

fn wrong(ctx: &mut Ctx<'_>, node: &Node, pointer: &str, name: &str, want_en: &str, want_zh: &str) {
    let found = node.type_name();
    let message = tr!(
        ctx.lang,
        format!("`{name}` must be a {want_en}, found {found}"),
        format!("`{name}` 必须是{want_zh}，实际为{}", zh_type(node))
    );
    let help = match &node.value {
        Value::Number(raw) => Some(tr!(
            ctx.lang,
            format!("RAM wants every value as a string: write `\"{raw}\"`"),
            format!("RAM 要求所有值都是字符串：请写作 `\"{raw}\"`")
        )),
        Value::Bool(b) => Some(tr!(
            ctx.lang,
            format!("RAM wants every value as a string: write `\"{b}\"`"),
            format!("RAM 要求所有值都是字符串：请写作 `\"{b}\"`")
        )),
        _ => None,
    };
    ctx.report_as(
        &RULE.meta,
        RULE.meta.severity,
        pointer,
        Some(node.span),
        message,
        help,
    );
}

fn zh_type(node: &Node) -> &'static str {
    match node.value {
        Value::Null => "null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "字符串",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}
