use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP005",
        name: "unconfirmed-element",
        severity: Severity::Warning,
        summary: "A statement uses `Sid` or `NotResource`, whose support in RAM permission and trust policies is not confirmed.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP005",
    why: "The current RAM grammar lists `Effect`, `Action`/`NotAction`, `Resource`, `Condition` and `Principal`. `NotResource` appears only in an older version of the grammar, and `Sid` only in KMS key and secret policies, which KMS keeps, not RAM; Alibaba's own system policies, its Terraform data source and its policy templates never write one (docs/research/rule-facts.md §2). The builder therefore offers no `Sid` field; it keeps and shows one that a pasted statement has, so it can be removed. RAM has rejected documents that break its grammar since November 2022, so a policy using them may fail to save. ramplan could not confirm either way.",
    example: r#"{"Version": "1", "Statement": [{"Sid": "ReadLogs", "Effect": "Allow", "Action": "log:GetLogStore", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "log:GetLogStore", "Resource": "*"}]}"#,
    references: &[
        "RAM policy elements (Effect, Action/NotAction, Resource, Condition, Principal; no Sid): https://www.alibabacloud.com/help/en/ram/policy-elements",
        "RAM policy structure and syntax (current grammar, no NotResource): https://www.alibabacloud.com/help/document_detail/93739.html",
        "Older grammar with NotResource: https://www.alibabacloud.com/help/doc-detail/93739.htm",
        "KMS key policy examples with Sid: https://www.alibabacloud.com/help/en/kms/key-management-service/security-and-compliance/condition-key",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.sid, statement.not_resource]
            .into_iter()
            .flatten()
        {
            let name = field.key;
            let message = tr!(
                ctx.lang,
                format!("`{name}` is not in RAM's current policy grammar; support is unconfirmed"),
                format!("`{name}` 不在 RAM 当前的策略语法中，是否支持尚未确认")
            );
            let help = tr!(
                ctx.lang,
                "check that the RAM console accepts the policy, or remove the element",
                "请确认 RAM 控制台能接受该策略，或删除此元素"
            );
            let pointer = field.pointer(&statement.pointer);
            ctx.report_help(&RULE.meta, &pointer, Some(field.key_span), message, help);
        }
    }
}
