//! Errors that the set-ups ramplan plans are known to produce: when an error looks like one,
//! the doctor names the scenario and links its plan and its check of an existing set-up.
//! One table, read top to bottom; each entry says why it matches, in plain words.

use serde::Serialize;

use crate::finding::Lang;
use crate::plan::scenarios;
use crate::tr;

use super::model::{Facts, IdentityKind, PolicyKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioMatch {
    pub id: &'static str,
    pub title: String,
    /// Why this error looks like that set-up.
    pub why: String,
    /// The scenario's page, showing its plan.
    pub plan_link: String,
    /// The same page showing its "Check an existing setup" tab.
    pub check_link: String,
    /// The command that checks a role as it is today against the scenario.
    pub check_command: String,
}

/// What an entry reads: the action's service and name, and the identity.
struct Request<'a> {
    service: String,
    name: &'a str,
    role: bool,
    role_name: &'a str,
    trust_policy: bool,
    /// `sts:AssumeRole` on a role whose name says DataWorks: the trust policy of a
    /// cross-account DataWorks set-up is what decides it.
    assume_dataworks_role: bool,
    message: String,
}

struct Entry {
    id: &'static str,
    matches: fn(&Request<'_>) -> bool,
    why: fn(Lang) -> String,
}

const ENTRIES: &[Entry] = &[
    Entry {
        id: "emr-ecs-role",
        matches: |r| {
            (r.service == "ram" && r.name.eq_ignore_ascii_case("PassRole"))
                || (r.service == "emr" && r.name.to_ascii_lowercase().starts_with("createcluster"))
                || (r.role && r.service == "oss" && mentions_emr(r.role_name))
                || r.message.contains("ecs application role")
        },
        why: |lang| {
            tr!(lang, "creating an EMR cluster passes its ECS application role (`ram:PassRole`), and the cluster's nodes reach OSS through that role; a missing permission there stops cluster creation or the jobs", "创建 EMR 集群时会传递 ECS 应用角色（`ram:PassRole`），集群节点也通过该角色访问 OSS；这里缺少权限会导致集群创建或作业失败")
        },
    },
    Entry {
        id: "emr-default-roles",
        matches: |r| {
            (r.service == "emr" && r.name.to_ascii_lowercase().starts_with("createcluster"))
                || (r.service == "ram"
                    && (r.name.eq_ignore_ascii_case("PassRole")
                        || r.name.eq_ignore_ascii_case("CreateServiceLinkedRole")))
                || r.message.contains("aliyunemrdefaultrole")
        },
        why: |lang| {
            tr!(lang, "an account's first EMR cluster needs EMR's default roles; without them, or without the right to pass them, creation is denied", "账号中创建第一个 EMR 集群前需要 EMR 的默认角色；缺少这些角色或无权传递它们时，创建会被拒绝")
        },
    },
    Entry {
        id: "dataworks-emr",
        matches: |r| {
            (r.role && r.service == "emr")
                || (r.trust_policy && mentions_emr(r.role_name))
                || r.assume_dataworks_role
        },
        why: |lang| {
            tr!(lang, "a RAM role was denied an EMR action, as happens when DataWorks in one account reaches another account's EMR cluster through a role", "RAM 角色执行 EMR 操作被拒绝，DataWorks 通过角色访问另一个账号的 EMR 集群时会出现这种情况")
        },
    },
    Entry {
        id: "dataworks-maxcompute",
        matches: |r| (r.role && r.service == "odps") || r.assume_dataworks_role,
        why: |lang| {
            tr!(lang, "a RAM role was denied a MaxCompute action, as happens when DataWorks in one account reads another account's MaxCompute project through a role", "RAM 角色执行 MaxCompute 操作被拒绝，DataWorks 通过角色读取另一个账号的 MaxCompute 项目时会出现这种情况")
        },
    },
    Entry {
        id: "dataworks-hologres",
        matches: |r| (r.role && r.service == "hologram") || r.assume_dataworks_role,
        why: |lang| {
            tr!(lang, "a RAM role was denied a Hologres action, as happens when DataWorks in one account reaches another account's Hologres instance through a role", "RAM 角色执行 Hologres 操作被拒绝，DataWorks 通过角色访问另一个账号的 Hologres 实例时会出现这种情况")
        },
    },
    Entry {
        id: "dataworks-di",
        matches: |r| {
            (r.role && matches!(r.service.as_str(), "rds" | "alikafka")) || r.assume_dataworks_role
        },
        why: |lang| {
            tr!(lang, "a RAM role was denied an RDS or Kafka action, as happens when Data Integration in one account syncs from another account's instance through a role", "RAM 角色执行 RDS 或 Kafka 操作被拒绝，数据集成通过角色从另一个账号的实例同步数据时会出现这种情况")
        },
    },
];

fn mentions_emr(name: &str) -> bool {
    name.to_ascii_lowercase().contains("emr")
}

pub fn find(facts: &Facts, lang: Lang) -> Vec<ScenarioMatch> {
    let action = facts.asked.action.as_deref().unwrap_or_default();
    let (service, name) = action.split_once(':').unwrap_or(("", ""));
    let identity = facts.identity.as_ref();
    let request = Request {
        service: service.to_ascii_lowercase(),
        name,
        role: identity.is_some_and(|i| i.kind == IdentityKind::RamRole),
        role_name: identity
            .and_then(|i| i.role_name.as_deref())
            .unwrap_or_default(),
        trust_policy: facts
            .policy_type
            .as_ref()
            .is_some_and(|p| p.kind == PolicyKind::TrustPolicy),
        assume_dataworks_role: service.eq_ignore_ascii_case("sts")
            && name.eq_ignore_ascii_case("AssumeRole")
            && facts.asked.resource.as_deref().is_some_and(|r| {
                r.rsplit('/')
                    .next()
                    .is_some_and(|role| role.to_ascii_lowercase().contains("dataworks"))
            }),
        message: facts
            .error
            .message
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase(),
    };
    ENTRIES
        .iter()
        .filter(|e| (e.matches)(&request))
        .filter_map(|e| {
            let spec = scenarios::scenario(e.id)?;
            Some(ScenarioMatch {
                id: spec.id,
                title: tr!(lang, spec.title_en, spec.title_zh),
                why: if request.assume_dataworks_role && e.id.starts_with("dataworks-") {
                    tr!(lang, "assuming a role whose name says DataWorks was denied: in a cross-account DataWorks set-up, the role's trust policy decides who may assume it", "扮演名称中含 DataWorks 的角色被拒绝：在跨账号 DataWorks 配置中，由角色的信任策略决定谁可以扮演它")
                } else {
                    (e.why)(lang)
                },
                plan_link: format!("#/scenario/{}", spec.id),
                check_link: format!("#/scenario/{}?view=existing", spec.id),
                check_command: format!(
                    "ramplan plan {} --input inputs.json --check-existing trust.json --check-existing permission:policy.json",
                    spec.id
                ),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn assuming_a_dataworks_role_names_the_dataworks_set_ups() {
        let error = r#"{"Code":"NoPermission","AccessDeniedDetail":{"AuthAction":"sts:AssumeRole","AuthResource":"acs:ram::1234567890123456:role/dataworks-cross-role","NoPermissionType":"ImplicitDeny","PolicyType":"AssumeRolePolicy"}}"#;
        let ids: Vec<&str> = crate::doctor::diagnose(error, crate::Lang::En)
            .map(|d| d.scenarios.iter().map(|s| s.id).collect())
            .unwrap_or_default();
        assert_eq!(
            ids,
            [
                "dataworks-emr",
                "dataworks-maxcompute",
                "dataworks-hologres",
                "dataworks-di"
            ]
        );
    }

    #[test]
    fn every_entry_names_a_scenario() {
        for entry in super::ENTRIES {
            assert!(
                crate::plan::scenarios::scenario(entry.id).is_some(),
                "{}",
                entry.id
            );
        }
    }
}
