use crate::diff::forbid;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP606",
        name: "must-not-grant",
        severity: Severity::Error,
        summary: "A statement allows an action the must-not-grant list (`--must-not-grant`) forbids.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP606",
    why: "Some access should never be handed out by a custom policy, whatever else changes: managing RAM itself, deleting production buckets. The list is yours (one `ACTION [RESOURCE]` per line), and the check runs only when it is given. A statement grants an entry when some request the entry covers is allowed: wildcards are expanded through the catalogue, and `Deny`s, `NotAction`, `NotResource` and conditions count, as `ramplan diff` judges requests (docs/diff.md). It is an error because the list says so, not because RAM would refuse the policy.",
    example: "list `ram:*`; policy `{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ram:*\", \"Resource\": \"*\"}]}`",
    instead: "list `ram:*`; policy `{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ram:Get*\", \"Resource\": \"*\"}, {\"Effect\": \"Deny\", \"Action\": \"ram:*\", \"Resource\": \"*\"}]}`",
    references: &["AWS IAM Access Analyzer custom policy checks (check-access-not-granted), the check this follows: https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-checks-validating-policies.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.options.must_not_grant.is_empty() || ctx.kind != PolicyKind::Permission {
        return;
    }
    for violation in forbid::check(ctx.policy, &ctx.options.must_not_grant, ctx.lang) {
        ctx.report_help(
            &RULE.meta,
            &violation.pointer,
            violation.span,
            violation.message,
            violation.help,
        );
    }
}
