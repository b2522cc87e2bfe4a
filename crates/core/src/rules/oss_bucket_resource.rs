use crate::arn;
use crate::catalogue::{self, ResourceScope};
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::Statement;

use crate::text::split_action;
use crate::tr;
use crate::wildcard::has_wildcard;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP702",
        name: "oss-bucket-resource",
        severity: Severity::Warning,
        summary: "OSS bucket actions (`oss:ListObjects`, `oss:GetBucketInfo`, ...) are granted only on object resources (`acs:oss:*:*:<bucket>/*`).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP702",
    why: "Bucket actions apply to `acs:oss:*:*:<bucket>`, which `<bucket>/*` does not match. With only `bucket/*`, reading a known object works but listing the bucket fails; tools such as `hdfs dfs -ls oss://bucket/` and the OSS console then report `AccessDenied`. Even Alibaba's Terraform template `MaxComputeAccessOSSBucket` has this mistake.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:*:examplebucket/*"]}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:*:examplebucket", "acs:oss:*:*:examplebucket/*"]}]}"#,
    references: &[
        "E-MapReduce, custom ECS application role: https://www.alibabacloud.com/help/en/emr/emr-on-ecs/user-guide/use-a-custom-ecs-application-role-to-access-other-cloud-resources-in-your-alibaba-cloud-account-19",
        "OSS, list and read resources in a bucket: https://www.alibabacloud.com/help/en/resource-access-management/latest/list-and-read-resources-in-a-bucket",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        let actions = oss_actions(statement, ResourceScope::Bucket);
        if actions.is_empty() {
            continue;
        }
        let Some(field) = statement.resource else {
            continue;
        };
        let resources = oss_resources(statement);
        if resources.is_empty() {
            continue;
        }
        // Bucket names have no `/`, so only a relative id without one can match a bucket.
        let covers_buckets = resources.iter().any(|r| !r.contains('/'));
        if covers_buckets {
            continue;
        }
        let bucket = resources
            .first()
            .and_then(|r| r.split('/').next())
            .unwrap_or("examplebucket");
        let message = tr!(
            ctx.lang,
            format!(
                "{} {} on the bucket, but every resource names objects (`<bucket>/...`)",
                named(&actions, ", "),
                if actions.len() == 1 { "acts" } else { "act" }
            ),
            format!(
                "{} 作用于存储空间本身，但所有资源都指向对象（`<bucket>/...`）",
                named(&actions, "、")
            )
        );
        let help = tr!(
            ctx.lang,
            format!("add `acs:oss:*:*:{bucket}` beside the objects"),
            format!("请在对象之外再添加 `acs:oss:*:*:{bucket}`")
        );
        let pointer = field.pointer(&statement.pointer);
        ctx.report_help(&RULE.meta, &pointer, Some(field.node.span), message, help);
    }
}

/// The actions in backticks, joined: "`oss:GetObject`, `oss:PutObject`".
pub(super) fn named(actions: &[&str], separator: &str) -> String {
    actions
        .iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(separator)
}

/// The statement's explicit (wildcard-free) OSS actions of the given scope, as written.
pub(super) fn oss_actions<'n>(statement: &Statement<'n>, scope: ResourceScope) -> Vec<&'n str> {
    let Some(oss) = catalogue::service("oss") else {
        return Vec::new();
    };
    statement
        .actions()
        .into_iter()
        .filter(|item| {
            let Some((code, name)) = split_action(item.value) else {
                return false;
            };
            code.eq_ignore_ascii_case("oss")
                && !has_wildcard(name)
                && oss.action(name).is_some_and(|a| a.scope == scope)
        })
        .map(|item| item.value)
        .collect()
}

/// The relative ids of the statement's OSS resources. `*` (everything) yields `*`, which
/// covers buckets and objects alike.
pub(super) fn oss_resources<'n>(statement: &Statement<'n>) -> Vec<&'n str> {
    statement
        .resources()
        .into_iter()
        .filter_map(|item| {
            if item.value == "*" {
                return Some("*");
            }
            let parsed = arn::parse(item.value).ok()?;
            (parsed.service == "oss" || parsed.service == "*").then_some(parsed.relative_id)
        })
        .collect()
}
