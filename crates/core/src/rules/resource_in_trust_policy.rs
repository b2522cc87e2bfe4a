use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP503",
        name: "resource-in-trust-policy",
        severity: Severity::Warning,
        summary: "A trust policy has a `Resource` or `NotResource`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP503",
    why: "A trust policy is attached to the role it protects, so the resource is implied. The official examples have no `Resource`, and the Terraform provider's policy document builder refuses one for role policies. Whether RAM itself refuses it is not documented, so this is a warning.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}, "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}"#,
    references: &[
        "Edit the trust policy of a RAM role: https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role",
        "Terraform alicloud_ram_policy_document: https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/data-sources/ram_policy_document",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind != PolicyKind::Trust {
        return;
    }
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.resource, statement.not_resource]
            .into_iter()
            .flatten()
        {
            let name = field.key;
            let message = tr!(
                ctx.lang,
                format!("a trust policy cannot have `{name}`"),
                format!("信任策略中不能包含 `{name}`")
            );
            let help = tr!(
                ctx.lang,
                "remove it: the role itself is the resource",
                "请删除它：角色本身就是资源"
            );
            let pointer = field.pointer(&statement.pointer);
            ctx.report_help(&RULE.meta, &pointer, Some(field.key_span), message, help);
        }
    }
}
