//! What ramplan knows about Alibaba Cloud services: RAM codes, actions, condition keys.
//!
//! Every entry records where it came from. Catalogues go stale (parliament's most common
//! complaint is false "unknown action" findings), so an action missing from here is only
//! ever a warning, and a service whose list is known to be partial says so.

mod services;

/// The day the catalogue was last reviewed against its sources. Shown in every output.
pub const CATALOGUE_DATE: &str = "2026-11-23";

#[derive(Debug)]
pub struct Service {
    /// The RAM code used in actions (`oss` in `oss:GetObject`).
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// Service names that appear in this service's ARNs (`acs:<name>:...`). Usually the code.
    pub arn_services: &'static [&'static str],
    /// Where the code and the action list came from.
    pub source: &'static str,
    /// Whether the action list is believed complete. For partial lists an unknown action
    /// is reported more softly.
    pub coverage: Coverage,
    pub actions: &'static [Action],
    pub condition_keys: &'static [ConditionKey],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Complete,
    Partial,
}

#[derive(Debug)]
pub struct Action {
    /// The action name without the service code (`GetObject`).
    pub name: &'static str,
    pub level: AccessLevel,
    /// What kind of resource the action applies to, where the sources say.
    pub scope: ResourceScope,
    pub source: &'static str,
    /// False when the action is inferred or only seen in third-party material.
    pub confirmed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessLevel {
    List,
    Read,
    Write,
    PermissionManagement,
    Tagging,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceScope {
    /// Applies to the whole service (`acs:oss:*:*:*` for `oss:ListBuckets`).
    Service,
    /// OSS bucket-level (`acs:oss:*:*:<bucket>`).
    Bucket,
    /// OSS object-level (`acs:oss:*:*:<bucket>/<key>`).
    Object,
    /// Not recorded.
    Unspecified,
}

#[derive(Debug)]
pub struct ConditionKey {
    /// The full key (`acs:SourceIp`, `oss:Prefix`). A trailing `/` marks a key family such
    /// as `acs:ResourceTag/`, where anything may follow.
    pub key: &'static str,
    pub value_type: KeyType,
    pub source: &'static str,
    pub confirmed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    String,
    Number,
    Date,
    Boolean,
    Ip,
}

/// Every catalogued service, sorted by code.
pub fn services() -> &'static [&'static Service] {
    services::ALL
}

/// Looks a service up by its RAM code, case-insensitively (RAM itself is lenient about case;
/// the action rules suggest the documented spelling separately).
pub fn service(code: &str) -> Option<&'static Service> {
    services::ALL
        .iter()
        .copied()
        .find(|s| s.code.eq_ignore_ascii_case(code))
}

/// The services whose ARNs use this service name.
pub fn services_for_arn(arn_service: &str) -> impl Iterator<Item = &'static Service> + '_ {
    services::ALL.iter().copied().filter(move |s| {
        s.arn_services
            .iter()
            .any(|name| name.eq_ignore_ascii_case(arn_service))
    })
}

impl Service {
    pub fn action(&self, name: &str) -> Option<&'static Action> {
        self.actions
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
    }

    pub fn condition_key(&self, key: &str) -> Option<&'static ConditionKey> {
        find_key(self.condition_keys, key)
    }
}

/// Global condition keys (`acs:*`), valid with any service.
pub fn global_condition_key(key: &str) -> Option<&'static ConditionKey> {
    find_key(services::GLOBAL_CONDITION_KEYS, key)
}

pub fn global_condition_keys() -> &'static [ConditionKey] {
    services::GLOBAL_CONDITION_KEYS
}

fn find_key(keys: &'static [ConditionKey], key: &str) -> Option<&'static ConditionKey> {
    keys.iter().find(|k| {
        if let Some(prefix) = k.key.strip_suffix('/') {
            key.len() > k.key.len()
                && key
                    .get(..prefix.len() + 1)
                    .is_some_and(|head| head.eq_ignore_ascii_case(k.key))
        } else {
            k.key.eq_ignore_ascii_case(key)
        }
    })
}
