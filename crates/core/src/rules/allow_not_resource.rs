use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP604",
        name: "allow-not-resource",
        severity: Severity::Security,
        summary: "An `Allow` statement uses `NotResource`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP604",
    why: "`Allow` with `NotResource` grants the actions on every resource except those listed, including resources created later. Name the allowed resources in `Resource` instead.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "NotResource": "acs:oss:*:*:secret-bucket/*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": ["acs:oss:*:*:team-bucket", "acs:oss:*:*:team-bucket/*"]}]}"#,
    references: &["RAM policy structure and syntax (Resource | NotResource): https://www.alibabacloud.com/help/doc-detail/93739.htm"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        let Some(not_resource) = statement.not_resource else {
            continue;
        };
        if !statement.is_allow() {
            continue;
        }
        let message = tr!(
            ctx.lang,
            "`Allow` with `NotResource` grants the actions on every resource except those listed"
                .to_owned(),
            "`Allow` 与 `NotResource` 组合会对除所列资源之外的所有资源授权"
        );
        let help = tr!(
            ctx.lang,
            "list the resources to allow in `Resource`",
            "请在 `Resource` 中列出要允许的资源"
        );
        let pointer = not_resource.pointer(&statement.pointer);
        ctx.report_help(
            &RULE.meta,
            &pointer,
            Some(not_resource.key_span),
            message,
            help,
        );
    }
}
