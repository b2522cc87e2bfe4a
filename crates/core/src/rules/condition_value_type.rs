use crate::catalogue::KeyType;
use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP403",
        name: "condition-value-type",
        severity: Severity::Error,
        summary: "A condition value is not of the type its operator compares: a number, an ISO 8601 date, `\"true\"`/`\"false\"`, or an IP address or CIDR block.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP403",
    why: "Numeric operators compare numbers, date operators ISO 8601 times such as `2026-12-31T23:59:59Z`, `Bool` the strings `\"true\"` and `\"false\"`, and the IP operators addresses or CIDR blocks. A value of another shape never matches, so an Allow never applies and a Deny never protects (\"Data type mismatch\" in the RAM console's checker). `Bool` takes a single value (\"Invalid condition multiple Boolean\"). A masked documentation value (`116.62.XX.XX/24`) is a warning: a placeholder to fill in.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"acs:SourceIp": "203.0.113.0/33"}, "DateGreaterThan": {"acs:CurrentTime": "31/12/2026"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"acs:SourceIp": "203.0.113.0/24"}, "DateGreaterThan": {"acs:CurrentTime": "2026-12-31T00:00:00Z"}}}]}"#,
    references: &[
        "RAM condition operators: https://www.alibabacloud.com/help/en/ram/conditional-operator",
        "RAM policy validation (Data type mismatch, Invalid condition multiple Boolean): https://www.alibabacloud.com/help/en/ram/permission-policy-check",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    for entry in condition::entries(ctx.policy) {
        let Some(operator) = condition::operator(entry.operator_name()) else {
            continue;
        };
        let op = operator.name;
        if operator.kind == KeyType::Boolean && entry.values.len() > 1 {
            let message = tr!(
                ctx.lang,
                format!("`{op}` takes one value, found {}", entry.values.len()),
                format!("`{op}` 只接受一个值，实际有 {} 个", entry.values.len())
            );
            let span = Some(entry.value_node().span);
            ctx.report(&RULE.meta, &entry.key_pointer, span, message);
        }
        for value in &entry.values {
            let v = value.value;
            let (ok, en, zh) = match operator.kind {
                KeyType::String => continue,
                KeyType::Number => (
                    condition::is_number(v),
                    "a number such as `\"10\"`",
                    "数字，例如 `\"10\"`",
                ),
                KeyType::Date => (
                    crate::iso8601::is_valid(v),
                    "an ISO 8601 time such as `\"2026-12-31T23:59:59Z\"`",
                    "ISO 8601 时间，例如 `\"2026-12-31T23:59:59Z\"`",
                ),
                KeyType::Boolean => (
                    condition::is_bool(v),
                    "`\"true\"` or `\"false\"`",
                    "`\"true\"` 或 `\"false\"`",
                ),
                KeyType::Ip => (
                    condition::is_ip_or_cidr(v),
                    "an IP address or CIDR block such as `\"192.168.0.0/16\"`",
                    "IP 地址或 CIDR 网段，例如 `\"192.168.0.0/16\"`",
                ),
            };
            if ok {
                continue;
            }
            let message = tr!(
                ctx.lang,
                format!("`{op}` compares {en}, found `\"{}\"`", crate::text::clip(v)),
                format!("`{op}` 比较的是{zh}，实际为 `\"{}\"`", crate::text::clip(v))
            );
            let help = if operator.kind == KeyType::Boolean
                && (v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false"))
            {
                Some(tr!(
                    ctx.lang,
                    format!("write `\"{}\"` in lower case", v.to_ascii_lowercase()),
                    format!("请写作小写的 `\"{}\"`", v.to_ascii_lowercase())
                ))
            } else {
                None
            };
            // Documentation masks values (`116.62.XX.XX/24`): a stand-in to fill in.
            let severity = if crate::placeholder::is_stand_in(v) {
                Severity::Warning
            } else {
                RULE.meta.severity
            };
            ctx.report_as(
                &RULE.meta,
                severity,
                &value.pointer(),
                Some(value.node.span),
                message,
                help,
            );
        }
    }
}
