use crate::catalogue::{self, KeyType};
use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP407",
        name: "condition-key-type-mismatch",
        severity: Severity::Warning,
        summary: "A condition key is compared with an operator of another type, such as `acs:SourceIp` under `StringEquals`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP407",
    why: "Each key has a type: `acs:SourceIp` is an IP address, `acs:CurrentTime` a date, `acs:SecureTransport` a boolean. A string operator on an IP key compares text, so `\"203.0.113.0/24\"` matches no address; use the operator of the key's type.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEquals": {"acs:SourceIp": "203.0.113.0/24"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}}}]}"#,
    references: &["RAM policy elements, common condition keys and their types: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    for entry in condition::entries(ctx.policy) {
        let Some(operator) = condition::operator(entry.operator_name()) else {
            continue;
        };
        let key = entry.key_name();
        let known = catalogue::global_condition_key(key).or_else(|| {
            let (code, _) = key.split_once(':')?;
            catalogue::service(code)?.condition_key(key)
        });
        let Some(known) = known else {
            continue;
        };
        if known.value_type == operator.kind {
            continue;
        }
        let (en, zh, suggestion) = describe(known.value_type);
        let message = tr!(
            ctx.lang,
            format!(
                "`{key}` is {en}, but `{}` compares {}",
                operator.name,
                describe(operator.kind).0
            ),
            format!(
                "`{key}` 是{zh}类型，但 `{}` 比较的是{}",
                operator.name,
                describe(operator.kind).1
            )
        );
        let help = tr!(
            ctx.lang,
            format!("use an operator for {en}, such as `{suggestion}`"),
            format!("请使用{zh}类运算符，例如 `{suggestion}`")
        );
        let span = Some(entry.key_span());
        ctx.report_help(&RULE.meta, &entry.key_pointer, span, message, help);
    }
}

fn describe(kind: KeyType) -> (&'static str, &'static str, &'static str) {
    match kind {
        KeyType::String => ("a string", "字符串", "StringEquals"),
        KeyType::Number => ("a number", "数字", "NumericEquals"),
        KeyType::Date => ("a date", "日期", "DateLessThan"),
        KeyType::Boolean => ("a boolean", "布尔", "Bool"),
        KeyType::Ip => ("an IP address", "IP 地址", "IpAddress"),
    }
}
