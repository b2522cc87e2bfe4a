use crate::finding::Severity;
use crate::json::Value;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::{strings_of, PolicyKind};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP508",
        name: "bucket-policy-principal",
        severity: Severity::Warning,
        summary: "A bucket policy's `Principal` is not a list of the forms OSS documents (`*`, account or RAM user IDs, `arn:sts::<uid>:assumed-role/<role>/<session>`).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP508",
    why: "OSS writes a bucket policy's `Principal` as a list of strings: `*` for everyone (anonymous users included), the UID of an Alibaba Cloud account or of a RAM user, or a role session `arn:sts::<uid>:assumed-role/<role>/<session>` (`*` may stand for the session). A RAM-style map (`{\"RAM\": [...]}`), an e-mail address or a masked ID matches nobody OSS documents. OSS's own pages do not list every form it refuses, so these are warnings.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["reader@example.com"], "Resource": ["acs:oss:*:1234567890123456:examplebucket/*"]}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["277379621561571234"], "Resource": ["acs:oss:*:1234567890123456:examplebucket/*"]}]}"#,
    references: &[
        "OSS authorization syntax and elements (Principal): https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements",
        "OSS bucket policy: https://help.aliyun.com/en/oss/user-guide/bucket-policy/",
        "Research notes, section 7: docs/research/rule-facts.md",
    ],
};

/// Whether one principal entry has a form OSS documents.
pub(crate) fn documented_form(entry: &str) -> bool {
    let entry = entry.trim();
    if entry == "*" || (!entry.is_empty() && entry.bytes().all(|b| b.is_ascii_digit())) {
        return true;
    }
    let Some(rest) = entry.strip_prefix("arn:sts::") else {
        return false;
    };
    let Some((uid, path)) = rest.split_once(':') else {
        return false;
    };
    let mut parts = path.splitn(3, '/');
    !uid.is_empty()
        && uid.bytes().all(|b| b.is_ascii_digit())
        && parts.next() == Some("assumed-role")
        && parts.next().is_some_and(|role| !role.is_empty())
        && parts.next().is_some_and(|session| !session.is_empty())
}

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::BucketPolicy {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        let Some(field) = statement.principal else {
            continue;
        };
        let pointer = field.pointer(&statement.pointer);
        if matches!(field.node.value, Value::Object(_)) {
            let message = tr!(
                ctx.lang,
                "OSS writes a bucket policy's `Principal` as a list of strings, not a map"
                    .to_owned(),
                "OSS 的 Bucket Policy 中 `Principal` 是字符串列表，而不是映射"
            );
            let help = tr!(
                ctx.lang,
                "list account or RAM user IDs: `\"Principal\": [\"1234567890123456\"]`",
                "请列出账号或 RAM 用户 ID：`\"Principal\": [\"1234567890123456\"]`"
            );
            ctx.report_help(&RULE.meta, &pointer, Some(field.key_span), message, help);
            continue;
        }
        for item in strings_of(field.node, &pointer) {
            let value = item.value;
            if documented_form(value) || crate::secrets::find_credential(value).is_some() {
                continue;
            }
            let masked = value.contains('*') || value.contains("xxxx");
            let (message, help) = if masked {
                (
                    tr!(
                        ctx.lang,
                        format!(
                            "`{}` looks masked or a placeholder: it matches no requester",
                            crate::text::clip(value)
                        ),
                        format!(
                            "`{}` 看起来是脱敏值或占位符：匹配不到任何请求者",
                            crate::text::clip(value)
                        )
                    ),
                    tr!(
                        ctx.lang,
                        "put in the real account or RAM user ID",
                        "请填入真实的账号或 RAM 用户 ID"
                    ),
                )
            } else {
                (
                    tr!(ctx.lang, format!("`{}` is not a principal form OSS documents for bucket policies", crate::text::clip(value)), format!("`{}` 不是 OSS 文档中 Bucket Policy 的主体格式", crate::text::clip(value))),
                    tr!(ctx.lang, "use `*`, an account or RAM user ID, or `arn:sts::<uid>:assumed-role/<role>/<session>`", "请使用 `*`、账号或 RAM 用户 ID，或 `arn:sts::<uid>:assumed-role/<角色>/<会话>`"),
                )
            };
            ctx.report_help(
                &RULE.meta,
                &item.pointer(),
                Some(item.node.span),
                message,
                help,
            );
        }
    }
}
