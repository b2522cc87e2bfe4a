//! The catalogue data, one file per service. Keep `ALL` sorted by code.
//!
//! How the data was gathered (each file says which of these it used):
//! - A service's RAM authorization page ("RAM authorization" / "授权信息"), its older action
//!   lists, or system policies that grant actions by name. These are cited per action.
//! - For large APIs, the operation list of the service's official SDK (`alibabacloud-<product>`
//!   on PyPI). RAM's policy-elements page says an action name is the API operation name of the
//!   service, and the RAM pages of these services show that pattern, so such actions count as
//!   confirmed. Where a service is known to break the pattern (SLS, ApsaraMQ for Kafka, parts of
//!   Function Compute 3.0) its SDK list is not used, or the affected names are left out.
//! - Access levels come from the source where it gives one, otherwise from the operation's verb
//!   (List: List; Describe/Get/Query: Read; Create/Delete/Modify/...: Write; Tag/Untag:
//!   Tagging; Grant/Revoke and identity or policy changes: PermissionManagement).
//!
//! Nothing is guessed: an action without a source is absent, which the linter reports only as a
//! warning, more softly still for services whose coverage is `Partial`.

use super::{AccessLevel, Action, ConditionKey, KeyType, ResourceScope, Service};

mod actiontrail;
mod alikafka;
mod cs;
mod dataworks;
mod dlf;
mod dlf_dss;
mod ecs;
mod emr;
mod fc;
mod global;
mod hologram;
mod kms;
mod log;
mod odps;
mod oss;
mod ots;
mod ram;
mod rds;
mod sts;
mod vpc;

pub(super) static ALL: &[&Service] = &[
    &actiontrail::SERVICE,
    &alikafka::SERVICE,
    &cs::SERVICE,
    &dataworks::SERVICE,
    &dlf::SERVICE,
    &dlf_dss::SERVICE,
    &ecs::SERVICE,
    &emr::SERVICE,
    &fc::SERVICE,
    &hologram::SERVICE,
    &kms::SERVICE,
    &log::SERVICE,
    &odps::SERVICE,
    &oss::SERVICE,
    &ots::SERVICE,
    &ram::SERVICE,
    &rds::SERVICE,
    &sts::SERVICE,
    &vpc::SERVICE,
];

pub(super) static GLOBAL_CONDITION_KEYS: &[ConditionKey] = global::KEYS;

/// An action whose resource scope the sources do not record.
const fn act(
    name: &'static str,
    level: AccessLevel,
    source: &'static str,
    confirmed: bool,
) -> Action {
    Action {
        name,
        level,
        scope: ResourceScope::Unspecified,
        source,
        confirmed,
    }
}

/// An action with a recorded resource scope (OSS service, bucket or object level).
const fn scoped(
    name: &'static str,
    level: AccessLevel,
    scope: ResourceScope,
    source: &'static str,
    confirmed: bool,
) -> Action {
    Action {
        name,
        level,
        scope,
        source,
        confirmed,
    }
}

/// A condition key; a trailing `/` marks a key family.
const fn key(
    key: &'static str,
    value_type: KeyType,
    source: &'static str,
    confirmed: bool,
) -> ConditionKey {
    ConditionKey {
        key,
        value_type,
        source,
        confirmed,
    }
}

#[cfg(test)]
mod tests {
    use super::{ALL, GLOBAL_CONDITION_KEYS};
    use crate::catalogue::{AccessLevel, ConditionKey, Coverage, ResourceScope};
    use std::collections::HashSet;

    fn is_action_name(name: &str) -> bool {
        !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric())
    }

    fn check_keys(keys: &[ConditionKey], prefixes: &[&str]) {
        let mut seen = HashSet::new();
        for k in keys {
            assert!(
                seen.insert(k.key.to_ascii_lowercase()),
                "duplicate key {}",
                k.key
            );
            assert!(!k.source.is_empty(), "key {} has no source", k.key);
            assert!(
                prefixes.iter().any(|p| k.key.starts_with(p)),
                "key {} has an unexpected prefix",
                k.key
            );
        }
    }

    #[test]
    fn services_are_sorted_and_unique() {
        let codes: Vec<&str> = ALL.iter().map(|s| s.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_service_is_well_formed() {
        for s in ALL {
            assert!(!s.name_en.is_empty() && !s.name_zh.is_empty(), "{}", s.code);
            assert!(!s.source.is_empty(), "{} has no source", s.code);
            assert!(!s.arn_services.is_empty(), "{} has no ARN service", s.code);
            assert!(!s.actions.is_empty(), "{} has no actions", s.code);
            let mut seen = HashSet::new();
            for a in s.actions {
                assert!(
                    is_action_name(a.name),
                    "{}:{} is not an action name",
                    s.code,
                    a.name
                );
                assert!(
                    seen.insert(a.name.to_ascii_lowercase()),
                    "{}:{} is listed twice",
                    s.code,
                    a.name
                );
                assert!(!a.source.is_empty(), "{}:{} has no source", s.code, a.name);
                if s.code != "oss" {
                    assert_eq!(a.scope, ResourceScope::Unspecified, "{}:{}", s.code, a.name);
                }
            }
            let own = format!("{}:", s.code);
            check_keys(s.condition_keys, &[own.as_str()]);
        }
    }

    #[test]
    fn global_keys_are_well_formed() {
        check_keys(GLOBAL_CONDITION_KEYS, &["acs:", "saml:", "oidc:"]);
    }

    #[test]
    fn required_services_are_present() {
        for code in [
            "oss",
            "odps",
            "hologram",
            "dataworks",
            "emr",
            "ecs",
            "rds",
            "alikafka",
            "dlf",
            "dlf-dss",
            "log",
            "kms",
            "ram",
            "sts",
        ] {
            assert!(ALL.iter().any(|s| s.code == code), "{code} is missing");
        }
    }

    #[test]
    fn oss_levels_and_scopes_follow_the_authorization_page() {
        let oss = ALL
            .iter()
            .find(|s| s.code == "oss")
            .expect("oss is catalogued");
        assert_eq!(oss.coverage, Coverage::Complete);
        let scope = |name: &str| oss.action(name).map(|a| a.scope);
        assert_eq!(scope("ListBuckets"), Some(ResourceScope::Service));
        assert_eq!(scope("ListObjects"), Some(ResourceScope::Bucket));
        assert_eq!(scope("GetBucketInfo"), Some(ResourceScope::Bucket));
        assert_eq!(scope("GetObject"), Some(ResourceScope::Object));
        assert_eq!(scope("PutObject"), Some(ResourceScope::Object));
        assert!(oss.action("CopyObject").is_none());
        assert_eq!(
            oss.action("PutBucketAcl").map(|a| a.level),
            Some(AccessLevel::PermissionManagement)
        );
    }

    #[test]
    fn seed_actions_are_catalogued() {
        let find = |code: &str, name: &str| {
            ALL.iter()
                .find(|s| s.code == code)
                .and_then(|s| s.action(name))
                .map(|a| a.confirmed)
        };
        assert_eq!(find("hologram", "GetInstance"), Some(true));
        assert_eq!(find("hologram", "ListWarehouses"), Some(true));
        assert_eq!(find("hologram", "ListInstances"), Some(true));
        assert_eq!(find("hologram", "DescribeInstance"), Some(false));
        assert_eq!(find("hologram", "ListDatabases"), Some(false));
        for name in [
            "GetCluster",
            "ListClusters",
            "ListApplicationConfigs",
            "ListApplications",
            "ListNodes",
            "ListComponentInstances",
        ] {
            assert_eq!(find("emr", name), Some(true), "emr:{name}");
        }
        for name in [
            "DescribeDBInstanceAttribute",
            "DescribeDBInstanceNetInfo",
            "DescribeDBInstances",
            "DescribeRegions",
            "DescribeDatabases",
        ] {
            assert_eq!(find("rds", name), Some(true), "rds:{name}");
        }
        assert_eq!(find("alikafka", "ListInstance"), Some(true));
        assert_eq!(find("alikafka", "CreateTopic"), Some(true));
        assert_eq!(find("dlf-dss", "SelectTable"), Some(true));
        assert_eq!(find("kms", "GetSecretValue"), Some(true));
        assert_eq!(find("sts", "AssumeRole"), Some(true));
        assert_eq!(
            ALL.iter()
                .find(|s| s.code == "ram")
                .and_then(|s| s.action("AttachPolicyToRole"))
                .map(|a| a.level),
            Some(AccessLevel::PermissionManagement)
        );
    }
}
