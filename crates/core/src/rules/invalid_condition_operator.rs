use crate::condition::{self, OPERATORS};
use crate::finding::Severity;
use crate::json::pointer_push;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::did_you_mean;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP401",
        name: "invalid-condition-operator",
        severity: Severity::Error,
        summary: "A condition operator is not one of the 21 RAM documents.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP401",
    why: "RAM documents 21 operators in five categories (string, number, date, boolean, IP address). AWS habits such as `StringEqualsIfExists`, `Null` or `ForAnyValue:` are not among them; RAM has been reported to reject them with \"The condition operator is not supported\".",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEqualsIfExists": {"acs:SourceVpc": "vpc-123"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEquals": {"acs:SourceVpc": "vpc-123"}}}]}"#,
    references: &[
        "RAM condition operators: https://www.alibabacloud.com/help/en/ram/conditional-operator",
        "RAM policy validation (Invalid condition operator): https://www.alibabacloud.com/help/en/ram/permission-policy-check",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        let Some(field) = statement.condition else {
            continue;
        };
        let Some(operators) = field.node.as_object() else {
            continue;
        };
        let pointer = field.pointer(&statement.pointer);
        for operator in operators {
            let name = operator.key.as_str();
            if condition::operator(name).is_some() {
                continue;
            }
            let names = OPERATORS.iter().map(|o| o.name);
            let known_case = OPERATORS.iter().find(|o| o.name.eq_ignore_ascii_case(name));
            let (message, help) = if let Some(op) = known_case {
                (
                    ctx.t(
                        format!("operator `{name}` must be written `{}`", op.name),
                        format!("运算符 `{name}` 必须写作 `{}`", op.name),
                    ),
                    ctx.t(
                        "condition operators are case-sensitive".to_owned(),
                        "条件运算符区分大小写".to_owned(),
                    ),
                )
            } else if let Some(base) = name.strip_suffix("IfExists") {
                (
                    ctx.t(
                        format!("RAM does not support `...IfExists` operators such as `{name}`"),
                        format!("RAM 不支持 `{name}` 这类 `...IfExists` 运算符"),
                    ),
                    ctx.t(
                        format!("use `{base}`; a request without the key then does not match the condition"),
                        format!("请使用 `{base}`；请求中没有该键时条件不匹配"),
                    ),
                )
            } else if name == "Null" {
                (
                    ctx.t(
                        "RAM does not support the `Null` operator".to_owned(),
                        "RAM 不支持 `Null` 运算符".to_owned(),
                    ),
                    ctx.t(
                        "RAM's 21 operators have no test for a missing key".to_owned(),
                        "RAM 的 21 个运算符中没有判断键是否存在的运算符".to_owned(),
                    ),
                )
            } else if name.starts_with("ForAnyValue:") || name.starts_with("ForAllValues:") {
                (
                    ctx.t(
                        format!("RAM does not support set qualifiers such as `{name}`"),
                        format!("RAM 不支持 `{name}` 这类集合限定符"),
                    ),
                    ctx.t(
                        "several values of one key already match if any of them matches".to_owned(),
                        "同一键的多个值之间本就是“或”的关系".to_owned(),
                    ),
                )
            } else {
                let help = match did_you_mean(name, names) {
                    Some(s) => ctx.t(format!("did you mean `{s}`?"), format!("是否想写 `{s}`？")),
                    None => ctx.t(
                        "see the 21 operators in the rule reference".to_owned(),
                        "请参阅规则说明中列出的 21 个运算符".to_owned(),
                    ),
                };
                (
                    ctx.t(
                        format!("`{name}` is not a RAM condition operator"),
                        format!("`{name}` 不是 RAM 条件运算符"),
                    ),
                    help,
                )
            };
            let op_pointer = pointer_push(&pointer, name);
            ctx.report_help(
                &RULE.meta,
                &op_pointer,
                Some(operator.key_span),
                message,
                help,
            );
        }
    }
}
