use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP402",
        name: "invalid-condition-key",
        severity: Severity::Error,
        summary: "A condition key is not of the form `<ram-code>:<key>`, or has spaces around it.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP402",
    why: "Condition keys are `acs:<key>` for the common ones (`acs:SourceIp`) and `<ram-code>:<key>` for service keys (`oss:Prefix`). A key with a trailing space or no prefix never matches what the request carries (\"Invalid condition key format\" in the RAM console's checker).",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:ListObjects", "Resource": "acs:oss:*:*:examplebucket", "Condition": {"StringLike": {"oss:Prefix ": "logs/*"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:ListObjects", "Resource": "acs:oss:*:*:examplebucket", "Condition": {"StringLike": {"oss:Prefix": "logs/*"}}}]}"#,
    references: &[
        "RAM policy elements, Condition: https://www.alibabacloud.com/help/en/ram/policy-elements",
        "RAM policy validation (Invalid condition key format): https://www.alibabacloud.com/help/en/ram/permission-policy-check",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    for entry in condition::entries(ctx.policy) {
        let key = entry.key_name();
        let problem = if key.trim() != key {
            Some(("has white space at its start or end", "首尾有空白字符"))
        } else if key.chars().any(char::is_whitespace) {
            Some(("contains white space", "包含空白字符"))
        } else {
            match key.split_once(':') {
                None => Some(("has no `<ram-code>:` prefix", "缺少 `<RAM 代码>:` 前缀")),
                Some((code, rest)) => {
                    let code_ok = !code.is_empty()
                        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                    if !code_ok {
                        Some(("has an invalid prefix before `:`", "`:` 之前的前缀无效"))
                    } else if rest.is_empty() {
                        Some(("has no key name after `:`", "`:` 之后缺少键名"))
                    } else {
                        None
                    }
                }
            }
        };
        let Some((en, zh)) = problem else {
            continue;
        };
        let message = tr!(
            ctx.lang,
            format!("condition key `{key}` {en}"),
            format!("条件键 `{key}` {zh}")
        );
        let trimmed = key.trim();
        let help = if trimmed != key && !trimmed.is_empty() {
            tr!(
                ctx.lang,
                format!("write `{trimmed}`"),
                format!("请写作 `{trimmed}`")
            )
        } else {
            tr!(ctx.lang, "keys have the form `acs:<key>` or `<ram-code>:<key>`, such as `acs:SourceIp` or `oss:Prefix`", "条件键的格式为 `acs:<键>` 或 `<RAM 代码>:<键>`，例如 `acs:SourceIp`、`oss:Prefix`")
        };
        let span = Some(entry.key_span());
        ctx.report_help(&RULE.meta, &entry.key_pointer, span, message, help);
    }
}
