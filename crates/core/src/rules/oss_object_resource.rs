use crate::arn;
use crate::catalogue::ResourceScope;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::oss_bucket_resource::{named, oss_actions, oss_resources};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP701",
        name: "oss-object-resource",
        severity: Severity::Warning,
        summary: "OSS object actions (`oss:GetObject`, `oss:PutObject`, ...) are granted, but no resource names objects (`acs:oss:*:*:<bucket>/*`).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP701",
    why: "Object actions apply to `acs:oss:*:*:<bucket>/<key>`. A policy that names only the bucket (`acs:oss:*:*:examplebucket`) lets the holder list the bucket but not read a single object, and the request fails with `AccessDenied`. The E-MapReduce guide for custom ECS roles calls out exactly this: the resource needs both the bucket and `bucket/*`.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:*:examplebucket"]}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:*:examplebucket", "acs:oss:*:*:examplebucket/*"]}]}"#,
    references: &[
        "E-MapReduce, custom ECS application role: https://www.alibabacloud.com/help/en/emr/emr-on-ecs/user-guide/use-a-custom-ecs-application-role-to-access-other-cloud-resources-in-your-alibaba-cloud-account-19",
        "OSS, how OSS works with RAM: https://www.alibabacloud.com/help/en/oss/user-guide/how-oss-works-with-ram",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        let actions = oss_actions(statement, ResourceScope::Object);
        if actions.is_empty() {
            continue;
        }
        let resources = oss_resources(statement);
        let Some(field) = statement.resource else {
            continue;
        };
        if resources.is_empty() {
            continue;
        }
        let covers_objects = resources.iter().any(|r| r.contains('/') || r.contains('*'));
        if covers_objects {
            continue;
        }
        let buckets: Vec<&str> = statement
            .resources()
            .iter()
            .filter_map(|r| arn::parse(r.value).ok())
            .filter(|a| a.service == "oss")
            .map(|a| a.relative_id)
            .collect();
        let example = buckets.first().copied().unwrap_or("examplebucket");
        // Every action with the problem, so fixing the one named does not hide the next.
        let message = tr!(
            ctx.lang,
            format!(
                "{} {} on objects, but no resource names objects",
                named(&actions, ", "),
                if actions.len() == 1 { "acts" } else { "act" }
            ),
            format!("{} 作用于对象，但没有任何资源指向对象", named(&actions, "、"))
        );
        let help = tr!(
            ctx.lang,
            format!("add `acs:oss:*:*:{example}/*` beside the bucket"),
            format!("请在存储空间之外再添加 `acs:oss:*:*:{example}/*`")
        );
        let pointer = field.pointer(&statement.pointer);
        ctx.report_help(&RULE.meta, &pointer, Some(field.node.span), message, help);
    }
}
