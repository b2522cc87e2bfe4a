use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP102",
        name: "invalid-effect",
        severity: Severity::Error,
        summary: "`Effect` is a string other than exactly `Allow` or `Deny`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP102",
    why: "RAM accepts only the two exact values. `\"allow \"`, `\"ALLOW\"` and `\"Permit\"` are all rejected (\"Invalid effect\" in the RAM console's checker).",
    example: r#"{"Version": "1", "Statement": [{"Effect": "allow ", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &[
        "RAM policy elements: https://www.alibabacloud.com/help/en/ram/policy-elements",
        "RAM policy validation (Invalid effect): https://www.alibabacloud.com/help/en/ram/permission-policy-check",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        let Some(effect) = statement.effect else {
            continue;
        };
        let Some(value) = effect.node.as_str() else {
            continue;
        };
        if value == "Allow" || value == "Deny" {
            continue;
        }
        let message = tr!(
            ctx.lang,
            format!("`Effect` must be `Allow` or `Deny`, found `\"{value}\"`"),
            format!("`Effect` 必须为 `Allow` 或 `Deny`，实际为 `\"{value}\"`")
        );
        let trimmed = value.trim();
        let help = if trimmed.eq_ignore_ascii_case("allow") {
            Some(tr!(ctx.lang, "write `\"Allow\"`", "请写作 `\"Allow\"`"))
        } else if trimmed.eq_ignore_ascii_case("deny") {
            Some(tr!(ctx.lang, "write `\"Deny\"`", "请写作 `\"Deny\"`"))
        } else {
            None
        };
        let pointer = effect.pointer(&statement.pointer);
        ctx.report_as(
            &RULE.meta,
            RULE.meta.severity,
            &pointer,
            Some(effect.node.span),
            message,
            help,
        );
    }
}
