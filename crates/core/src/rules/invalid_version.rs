use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP011",
        name: "invalid-version",
        severity: Severity::Error,
        summary: "`Version` is a string other than `\"1\"`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP011",
    why: "RAM policies have one version, `\"1\"`, and it cannot be changed. `\"2012-10-17\"` is AWS IAM's version and is a sign that the policy was written for AWS.",
    example: r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    let Some(version) = ctx.policy.version else {
        return;
    };
    // A non-string is reported by the value-type rule.
    let Some(value) = version.node.as_str() else {
        return;
    };
    if value == "1" {
        return;
    }
    let message = tr!(
        ctx.lang,
        format!("`Version` must be `\"1\"`, found `\"{value}\"`"),
        format!("`Version` 必须为 `\"1\"`，实际为 `\"{value}\"`")
    );
    let help = if value.starts_with("20") {
        tr!(
            ctx.lang,
            "that is an AWS IAM version; RAM policies use `\"1\"`",
            "这是 AWS IAM 的版本号；RAM 策略使用 `\"1\"`"
        )
    } else {
        tr!(
            ctx.lang,
            "RAM policies have one version: `\"1\"`",
            "RAM 策略只有一个版本：`\"1\"`"
        )
    };
    let pointer = version.pointer("");
    ctx.report_help(&RULE.meta, &pointer, Some(version.node.span), message, help);
}
