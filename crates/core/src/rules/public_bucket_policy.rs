use crate::condition;
use crate::finding::Severity;
use crate::json::Value;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::{strings_of, PolicyKind, Statement};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP509",
        name: "public-bucket-policy",
        severity: Severity::Security,
        summary: "A bucket policy allows anyone (`\"Principal\": [\"*\"]`) with no condition that narrows who can use it.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP509",
    why: "`*` in a bucket policy's `Principal` means everyone, anonymous users included: the allowed actions become public. OSS's Block Public Access treats such a statement as public unless a condition fixes who can use it (it names a fixed `acs:SourceVpcId`); ramplan also counts fixed `acs:SourceVpc`, a bounded `acs:SourceIp` range and a fixed `acs:AccessId` as narrowing, as AWS Access Analyzer does for its own keys. Name the accounts, users or role sessions instead, or add the condition.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["*"], "Resource": ["acs:oss:*:1234567890123456:examplebucket/*"]}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["*"], "Resource": ["acs:oss:*:1234567890123456:examplebucket/*"], "Condition": {"StringEquals": {"acs:SourceVpc": ["vpc-bp1example"]}}}]}"#,
    references: &[
        "OSS Block Public Access (what counts as public): https://www.alibabacloud.com/help/en/oss/user-guide/block-public-access",
        "OSS authorization syntax and elements (Principal `*`): https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements",
        "AWS IAM Access Analyzer, public access checks: https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html",
    ],
};

/// Whether a principal element covers everyone: `*`, a list holding `*`, or an empty list.
pub(crate) fn covers_everyone(statement: &Statement<'_>) -> bool {
    let Some(field) = statement.principal else {
        return false;
    };
    match &field.node.value {
        Value::Array(items) if items.is_empty() => true,
        Value::Object(_) => false,
        _ => strings_of(field.node, "")
            .iter()
            .any(|i| i.value.trim() == "*"),
    }
}

/// A condition key that, with fixed values, limits who can use the statement.
fn narrows(key: &str, operator: &str, values: &[&str]) -> bool {
    let fixed = !values.is_empty() && values.iter().all(|v| !v.contains(['*', '?']));
    let string_equals = operator.eq_ignore_ascii_case("StringEquals");
    match key.to_ascii_lowercase().as_str() {
        "acs:sourcevpcid" | "acs:sourcevpc" | "acs:accessid" => string_equals && fixed,
        "acs:sourceip" => {
            operator == "IpAddress"
                && !values.is_empty()
                && values.iter().all(|v| !v.trim().ends_with("/0"))
        }
        _ => false,
    }
}

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::BucketPolicy {
        return;
    }
    let policy = ctx.policy;
    let entries = condition::entries(policy);
    let grouped = condition::by_statement(&entries);
    for statement in &policy.statements {
        if !statement.is_allow() || !covers_everyone(statement) {
            continue;
        }
        let narrowed = grouped
            .get(statement.pointer.as_str())
            .into_iter()
            .flatten()
            .any(|e| {
                let values: Vec<&str> = e.values.iter().map(|v| v.value).collect();
                narrows(e.key_name(), e.operator_name(), &values)
            });
        if narrowed {
            continue;
        }
        let actions: Vec<String> = statement
            .actions()
            .iter()
            .take(3)
            .map(|a| format!("`{}`", crate::text::clip(a.value)))
            .collect();
        let what = if actions.is_empty() {
            tr!(ctx.lang, "its actions", "其中的操作")
        } else {
            actions.join(", ")
        };
        let message = tr!(
            ctx.lang,
            format!("anyone, anonymous users included, may use {what} on this bucket"),
            format!("任何人（包括匿名用户）都可以对该 Bucket 执行 {what}")
        );
        let help = tr!(ctx.lang, "name the accounts, RAM users or role sessions in `Principal`, or add a condition such as `\"StringEquals\": {\"acs:SourceVpc\": [\"vpc-...\"]}`", "请在 `Principal` 中列出账号、RAM 用户或角色会话，或添加条件，例如 `\"StringEquals\": {\"acs:SourceVpc\": [\"vpc-...\"]}`");
        let span = statement.principal.map(|p| p.node.span);
        let pointer = statement
            .principal
            .map(|p| p.pointer(&statement.pointer))
            .unwrap_or_else(|| statement.pointer.clone());
        ctx.report_help(&RULE.meta, &pointer, span, message, help);
    }
}
