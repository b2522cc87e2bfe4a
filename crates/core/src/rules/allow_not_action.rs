use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP603",
        name: "allow-not-action",
        severity: Severity::Security,
        summary: "An `Allow` statement uses `NotAction`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP603",
    why: "`Allow` with `NotAction` grants every action of every service except those listed, including actions added to Alibaba Cloud later. It almost always grants far more than intended. List the allowed actions instead, or pair `Allow` on what is needed with a `Deny` on the exceptions.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "NotAction": "ram:*", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax (Action | NotAction): https://www.alibabacloud.com/help/doc-detail/93739.htm"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        let Some(not_action) = statement.not_action else {
            continue;
        };
        if !statement.is_allow() {
            continue;
        }
        let message = tr!(
            ctx.lang,
            "`Allow` with `NotAction` grants every action except those listed",
            "`Allow` 与 `NotAction` 组合会授予除所列操作之外的所有操作"
        );
        let help = tr!(
            ctx.lang,
            "list the actions to allow in `Action`",
            "请在 `Action` 中列出要允许的操作"
        );
        let pointer = not_action.pointer(&statement.pointer);
        ctx.report_help(
            &RULE.meta,
            &pointer,
            Some(not_action.key_span),
            message,
            help,
        );
    }
}
