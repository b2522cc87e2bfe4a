use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP502",
        name: "principal-in-permission-policy",
        severity: Severity::Error,
        summary: "A permission policy has a `Principal`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP502",
    why: "`Principal` belongs only to resource-based policies: a role's trust policy, an OSS bucket policy, a KMS key policy. A permission policy applies to whoever it is attached to, and RAM rejects one with `Principal`. If this document is a trust policy, lint it as one (`--kind trust`); an OSS bucket policy writes its principal as a list of UIDs, and is recognised (or chosen with `--kind bucket-policy`).",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy elements, Principal: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::Permission {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        if let Some(principal) = statement.principal {
            let message = tr!(
                ctx.lang,
                "a permission policy cannot have a `Principal`",
                "权限策略中不能包含 `Principal`"
            );
            let help = tr!(ctx.lang, "remove `Principal`, or check the document as a trust policy (`--kind trust`) or an OSS bucket policy (`--kind bucket-policy`, whose principal is a list of UIDs)", "请删除 `Principal`，或按信任策略（`--kind trust`）或 OSS Bucket Policy（`--kind bucket-policy`，其主体为 UID 列表）进行检查");
            let pointer = principal.pointer(&statement.pointer);
            ctx.report_help(
                &RULE.meta,
                &pointer,
                Some(principal.key_span),
                message,
                help,
            );
        }
    }
}
