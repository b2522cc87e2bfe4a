use crate::condition::{self, OPERATORS};
use crate::finding::Severity;
use crate::json::pointer_push;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use crate::text::did_you_mean;
use crate::tr;

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
    why: "RAM documents 21 operators in five categories (string, number, date, boolean, IP address), and its policy checker reports any other operator as the error \"Invalid condition operator\". AWS habits such as `StringEqualsIfExists` or `Null` are not among them, and RAM has been reported to reject them with \"The condition operator is not supported\". The set qualifiers `ForAllValues:` and `ForAnyValue:` are not documented either, but Alibaba's own published Terraform modules use `ForAllValues:StringEquals`, so RAM may accept them: they are a warning, not an error.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEqualsIfExists": {"acs:SourceVpc": "vpc-123"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEquals": {"acs:SourceVpc": "vpc-123"}}}]}"#,
    references: &[
        "RAM condition operators: https://www.alibabacloud.com/help/en/ram/conditional-operator",
        "RAM policy validation (Invalid condition operator): https://www.alibabacloud.com/help/en/ram/permission-policy-check",
        "ForAllValues:StringEquals in Alibaba's own module: alibabacloud-automation/terraform-alicloud-ram-policy modules/PowerUserAccess/main.tf",
        "Research notes, section 4: docs/research/rule-facts.md",
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
            let qualifier = ["ForAnyValue:", "ForAllValues:"]
                .into_iter()
                .find_map(|q| name.strip_prefix(q).map(|base| (q, base)));
            if let Some((qualifier, base)) = qualifier {
                let base_known = condition::operator(base).is_some();
                let message = tr!(ctx.lang, format!("`{name}`: the set qualifier `{qualifier}` is not in RAM's documented operators; whether RAM accepts it is not confirmed"), format!("`{name}`：集合限定符 `{qualifier}` 不在 RAM 文档列出的运算符中；RAM 是否接受尚未确认"));
                let help = if base_known {
                    tr!(ctx.lang, format!("for a single-valued key plain `{base}` does the same: several values of one key already match if any of them matches"), format!("对单值键，直接写 `{base}` 效果相同：同一键的多个值之间本就是“或”的关系"))
                } else {
                    tr!(
                        ctx.lang,
                        format!("`{base}` is not a RAM condition operator either"),
                        format!("`{base}` 也不是 RAM 条件运算符")
                    )
                };
                let severity = if base_known {
                    Severity::Warning
                } else {
                    RULE.meta.severity
                };
                let op_pointer = pointer_push(&pointer, name);
                ctx.report_as(
                    &RULE.meta,
                    severity,
                    &op_pointer,
                    Some(operator.key_span),
                    message,
                    Some(help),
                );
                continue;
            }
            let (message, help) = if let Some(op) = known_case {
                (
                    tr!(
                        ctx.lang,
                        format!("operator `{name}` must be written `{}`", op.name),
                        format!("运算符 `{name}` 必须写作 `{}`", op.name)
                    ),
                    tr!(
                        ctx.lang,
                        "condition operators are case-sensitive",
                        "条件运算符区分大小写"
                    ),
                )
            } else if let Some(base) = name.strip_suffix("IfExists") {
                (
                    tr!(ctx.lang, format!("RAM does not support `...IfExists` operators such as `{name}`"), format!("RAM 不支持 `{name}` 这类 `...IfExists` 运算符")),
                    tr!(ctx.lang, format!("use `{base}`; a request without the key then does not match the condition"), format!("请使用 `{base}`；请求中没有该键时条件不匹配")),
                )
            } else if name == "Null" {
                (
                    tr!(
                        ctx.lang,
                        "RAM does not support the `Null` operator",
                        "RAM 不支持 `Null` 运算符"
                    ),
                    tr!(
                        ctx.lang,
                        "RAM's 21 operators have no test for a missing key",
                        "RAM 的 21 个运算符中没有判断键是否存在的运算符"
                    ),
                )
            } else {
                let help = match did_you_mean(name, names) {
                    Some(s) => crate::i18n::did_you_mean(s, ctx.lang),
                    None => tr!(
                        ctx.lang,
                        "see the 21 operators in the rule reference",
                        "请参阅规则说明中列出的 21 个运算符"
                    ),
                };
                (
                    tr!(
                        ctx.lang,
                        format!("`{name}` is not a RAM condition operator"),
                        format!("`{name}` 不是 RAM 条件运算符")
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
