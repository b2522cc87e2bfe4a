use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;

use super::opening;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP301",
        name: "missing-resource",
        severity: Severity::Error,
        summary: "A statement of a permission policy or an OSS bucket policy has no `Resource`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP301",
    why: "In permission policies `Resource` is required: it says what the actions apply to (`*` for everything). Bucket policies need it as well (the bucket or its objects). Only trust policies leave it out.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:examplebucket/*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind == PolicyKind::Trust {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        if statement.resource.is_none() && statement.not_resource.is_none() {
            let message = tr!(
                ctx.lang,
                "the statement has no `Resource`",
                "语句缺少 `Resource`"
            );
            let help = tr!(
                ctx.lang,
                "name the resources, such as `acs:oss:*:*:examplebucket/*`, or `*` for all"
                    .to_owned(),
                "请指定资源，例如 `acs:oss:*:*:examplebucket/*`，或用 `*` 表示全部"
            );
            let span = Some(opening(statement.node));
            ctx.report_help(&RULE.meta, &statement.pointer, span, message, help);
        }
    }
}
