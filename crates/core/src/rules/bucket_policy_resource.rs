use crate::arn;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP510",
        name: "bucket-policy-resource",
        severity: Severity::Warning,
        summary: "A bucket policy names a resource that is not an OSS bucket or object (`acs:oss:*:<uid>:<bucket>[/<key>]`).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP510",
    why: "A bucket policy is attached to one bucket and governs requests to it: its resources are the bucket (`acs:oss:*:<uid>:<bucket>`) and its objects (`acs:oss:*:<uid>:<bucket>/*`). A resource of another service in it matches no request the bucket receives.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["1234567890123456"], "Resource": ["acs:ecs:*:*:instance/*"]}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["1234567890123456"], "Resource": ["acs:oss:*:1234567890123456:examplebucket/*"]}]}"#,
    references: &[
        "OSS authorization syntax and elements (Resource): https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::BucketPolicy {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        for item in statement.resources() {
            let Ok(parsed) = arn::parse(item.value) else {
                continue;
            };
            let service = parsed.service;
            if service == "*"
                || service.eq_ignore_ascii_case("oss")
                || service.eq_ignore_ascii_case("ossvector")
            {
                continue;
            }
            let message = tr!(ctx.lang, format!("`{service}` resources are not part of a bucket: a bucket policy governs only its bucket and objects"), format!("`{service}` 资源不属于 Bucket：Bucket Policy 只作用于其所在的 Bucket 及其中的对象"));
            let help = tr!(ctx.lang, "name the bucket `acs:oss:*:<uid>:<bucket>` or its objects `acs:oss:*:<uid>:<bucket>/*`", "请写作 Bucket `acs:oss:*:<uid>:<bucket>` 或其对象 `acs:oss:*:<uid>:<bucket>/*`");
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
