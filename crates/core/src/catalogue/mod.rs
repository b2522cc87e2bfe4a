//! What ramplan knows about Alibaba Cloud services: RAM codes, actions, resource types and
//! condition keys.
//!
//! Two layers, looked up together through [`ServiceRef`]:
//! - the curated services (`services/`, one file each, every fact with its source), which take
//!   precedence;
//! - the generated catalogue ([`generated`]): every service with a RAM code, its API names from
//!   the public API metadata, and what its RAM authorization page gives (resource types,
//!   condition keys, actions with access levels).
//!
//! Every entry records where it came from and how sure it is. Catalogues go stale (parliament's
//! most common complaint is false "unknown action" findings), so an action missing from here is
//! only ever a warning, worded by what the catalogue's list for that service rests on.

pub mod generated;
mod services;

use std::sync::OnceLock;

pub use generated::{Naming, ServiceBasis};

/// The day the curated catalogue was last reviewed against its sources. Shown in every output.
pub const CATALOGUE_DATE: &str = "2026-12-03";

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

impl AccessLevel {
    /// The level as the JSON outputs write it: `list`, `read`, `write`,
    /// `permission-management`, `tagging`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "list",
            AccessLevel::Read => "read",
            AccessLevel::Write => "write",
            AccessLevel::PermissionManagement => "permission-management",
            AccessLevel::Tagging => "tagging",
            AccessLevel::Unknown => "unknown",
        }
    }
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

#[derive(Debug, Clone)]
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

/// Where a service's action list comes from, which decides how an unknown action is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionList {
    /// Curated and believed complete.
    Complete,
    /// Curated, known to be partial.
    Partial,
    /// The service's API names from the API metadata (RAM actions are usually named after them).
    ApiMetadata,
    /// Only the actions the RAM authorization page showed ramplan.
    AuthorizationPage,
    /// No action list: only the code is known.
    None,
}

/// How an action came into the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionBasis {
    /// A curated entry with a source naming the action.
    Curated,
    /// A curated entry seen only in third-party material or inferred.
    CuratedUnconfirmed,
    /// A row of the service's RAM authorization page.
    AuthorizationPage,
    /// An API name from the API metadata: the action name is inferred from it.
    ApiMetadata,
}

impl ActionBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionBasis::Curated => "curated",
            ActionBasis::CuratedUnconfirmed => "curated-unconfirmed",
            ActionBasis::AuthorizationPage => "authorization-page",
            ActionBasis::ApiMetadata => "api-metadata",
        }
    }
}

/// One action, from whichever layer knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionRef {
    pub name: &'static str,
    pub level: AccessLevel,
    pub scope: ResourceScope,
    pub source: &'static str,
    /// False when the action is inferred (an API name) or only seen in third-party material.
    pub confirmed: bool,
    pub basis: ActionBasis,
}

/// A resource type of a service, with its ARN pattern as the authorization page writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResourceTypeRef {
    pub name: &'static str,
    pub arn: &'static str,
    pub source: &'static str,
}

/// A service as both layers know it: the curated entry, the generated one, or both.
#[derive(Debug, Clone, Copy)]
pub struct ServiceRef {
    curated: Option<&'static Service>,
    generated: Option<&'static generated::GenService>,
}

impl ServiceRef {
    pub fn code(&self) -> &'static str {
        match (self.curated, self.generated) {
            (Some(c), _) => c.code,
            (None, Some(g)) => g.code,
            (None, None) => "",
        }
    }

    pub fn name_en(&self) -> &'static str {
        self.curated
            .map(|c| c.name_en)
            .or(self.generated.map(|g| g.name_en))
            .unwrap_or_default()
    }

    pub fn name_zh(&self) -> &'static str {
        self.curated
            .map(|c| c.name_zh)
            .or(self.generated.map(|g| g.name_zh))
            .unwrap_or_default()
    }

    /// Where the RAM code comes from.
    pub fn source(&self) -> &'static str {
        self.curated
            .map(|c| c.source)
            .or(self.generated.map(|g| g.source))
            .unwrap_or_default()
    }

    pub fn basis(&self) -> ServiceBasis {
        match (self.curated, self.generated) {
            (Some(_), _) => ServiceBasis::Curated,
            (None, Some(g)) => g.basis,
            (None, None) => ServiceBasis::Unconfirmed,
        }
    }

    /// True when this is a curated service (`services/`).
    pub fn is_curated(&self) -> bool {
        self.curated.is_some()
    }

    /// Service names in this service's ARNs (`acs:<name>:...`).
    pub fn arn_services(&self) -> impl Iterator<Item = &'static str> {
        let curated = self.curated.map(|c| c.arn_services).unwrap_or_default();
        let generated = self
            .generated
            .map(|g| g.arn_services.as_slice())
            .unwrap_or_default();
        curated.iter().copied().chain(
            generated
                .iter()
                .copied()
                .filter(move |g| !curated.iter().any(|c| c.eq_ignore_ascii_case(g))),
        )
    }

    pub fn action_list(&self) -> ActionList {
        if let Some(c) = self.curated {
            if c.coverage == Coverage::Complete {
                return ActionList::Complete;
            }
        }
        let api = self.generated.is_some_and(|g| !g.api_actions.is_empty());
        if self.curated.is_some() {
            return ActionList::Partial;
        }
        if api {
            ActionList::ApiMetadata
        } else if self.generated.is_some_and(|g| !g.page_actions.is_empty()) {
            ActionList::AuthorizationPage
        } else {
            ActionList::None
        }
    }

    /// The curated coverage, or `Partial` for anything generated.
    pub fn coverage(&self) -> Coverage {
        match self.action_list() {
            ActionList::Complete => Coverage::Complete,
            _ => Coverage::Partial,
        }
    }

    /// Looks an action up by name, ignoring case: curated, then the authorization page, then
    /// the API names. A binary search in the merged table ([`Self::actions`] holds each name
    /// once, the one this order picks); `lookup_action` is the same answer by scanning.
    pub fn action(&self, name: &str) -> Option<ActionRef> {
        let found = self.merged().from(name).next()?;
        found.name.eq_ignore_ascii_case(name).then_some(*found)
    }

    /// True when some action of the service matches `pattern` (a name with `*` or `?`,
    /// ignoring case). Only the names that start with the pattern's literal head can match, and
    /// in the by-name order they are one run: a binary search finds it.
    pub fn any_action_matches(&self, pattern: &str) -> bool {
        let merged = self.merged();
        let head_len = pattern.find(['*', '?']).unwrap_or(pattern.len());
        let head = pattern.get(..head_len).unwrap_or_default();
        if head.is_empty() || !head.is_ascii() {
            return merged
                .actions
                .iter()
                .any(|a| crate::wildcard::matches_action(pattern, a.name));
        }
        let starts_with_head = |n: &str| {
            n.as_bytes()
                .get(..head.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(head.as_bytes()))
        };
        merged
            .from(head)
            .map(|a| a.name)
            .take_while(|n| starts_with_head(n))
            .any(|n| crate::wildcard::matches_action(pattern, n))
    }

    /// [`Self::action`] by walking each layer in turn: what the merged table must agree with.
    #[cfg(test)]
    fn lookup_action(&self, name: &str) -> Option<ActionRef> {
        if let Some(a) = self.curated.and_then(|c| c.action(name)) {
            return Some(curated_action(a));
        }
        if self
            .curated
            .is_some_and(|c| c.coverage == Coverage::Complete)
        {
            return None;
        }
        let g = self.generated?;
        if let Some(a) = g.page_action(name) {
            return Some(page_action(a));
        }
        g.api_action(name).map(api_action)
    }

    /// Every action of the service, each name once, curated first, then sorted additions.
    pub fn actions(&self) -> &'static [ActionRef] {
        &self.merged().actions
    }

    /// The merged action table, built once per service: rules ask for it per policy, and
    /// merging costs a lookup per action.
    fn merged(&self) -> &'static MergedActions {
        static CURATED_ONLY: OnceLock<Vec<MergedActions>> = OnceLock::new();
        static EMPTY: MergedActions = MergedActions {
            actions: Vec::new(),
            by_name: Vec::new(),
        };
        if let Some(g) = self.generated {
            return g
                .merged_actions
                .get_or_init(|| MergedActions::new(self.merge_actions()));
        }
        let Some(curated) = self.curated else {
            return &EMPTY;
        };
        let all = CURATED_ONLY.get_or_init(|| {
            services::ALL
                .iter()
                .map(|c| {
                    let only = ServiceRef {
                        curated: Some(*c),
                        generated: None,
                    };
                    MergedActions::new(only.merge_actions())
                })
                .collect()
        });
        services::ALL
            .iter()
            .position(|c| std::ptr::eq(*c, curated))
            .and_then(|i| all.get(i))
            .unwrap_or(&EMPTY)
    }

    fn merge_actions(&self) -> Vec<ActionRef> {
        let mut out: Vec<ActionRef> = self
            .curated
            .map(|c| c.actions.iter().map(curated_action).collect())
            .unwrap_or_default();
        if self
            .curated
            .is_some_and(|c| c.coverage == Coverage::Complete)
        {
            return out;
        }
        if let Some(g) = self.generated {
            let curated = self.curated;
            let known = |name: &str| curated.is_some_and(|c| c.action(name).is_some());
            let mut extra: Vec<ActionRef> = g
                .page_actions
                .iter()
                .filter(|a| !known(a.name))
                .map(page_action)
                .collect();
            extra.extend(
                g.api_actions
                    .iter()
                    .filter(|a| !known(a.name) && g.page_action(a.name).is_none())
                    .map(|a| api_action(*a)),
            );
            crate::sort::sort_by(&mut extra, |a, b| {
                generated::cmp_ignore_case(a.name, b.name)
            });
            out.extend(extra);
        }
        out
    }

    pub fn condition_key(&self, key: &str) -> Option<&'static ConditionKey> {
        self.curated.and_then(|c| c.condition_key(key)).or_else(|| {
            self.generated
                .and_then(|g| find_key(&g.condition_keys, key))
        })
    }

    pub fn condition_keys(&self) -> impl Iterator<Item = &'static ConditionKey> {
        let curated = self.curated.map(|c| c.condition_keys).unwrap_or_default();
        let generated = self
            .generated
            .map(|g| g.condition_keys.as_slice())
            .unwrap_or_default();
        curated.iter().chain(
            generated
                .iter()
                .filter(move |k| !curated.iter().any(|c| c.key.eq_ignore_ascii_case(k.key))),
        )
    }

    /// The resource types the authorization page lists, empty when unknown.
    pub fn resource_types(&self) -> impl Iterator<Item = ResourceTypeRef> {
        self.generated
            .map(|g| g.resource_types.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|r| ResourceTypeRef {
                name: r.name,
                arn: r.arn,
                source: r.source,
            })
    }

    /// The resource types the authorization page gives for an action: `Some(empty)` when
    /// the page lists it under "All Resources" (no resource-level permission), `None` when
    /// no page lists the action or a type it names has no ARN in the catalogue.
    pub fn action_resource_types(&self, name: &str) -> Option<Vec<ResourceTypeRef>> {
        let g = self.generated?;
        let action = g.page_action(name)?;
        // A type the page names without its ARN leaves the action's resources unknown.
        action
            .resource_types
            .iter()
            .map(|wanted| {
                g.resource_types
                    .iter()
                    .find(|r| r.name.eq_ignore_ascii_case(wanted))
                    .map(|r| ResourceTypeRef {
                        name: r.name,
                        arn: r.arn,
                        source: r.source,
                    })
            })
            .collect()
    }

    /// The API metadata products behind the generated action list.
    pub fn api_products(&self) -> &'static [&'static str] {
        self.generated
            .map(|g| g.api_products.as_slice())
            .unwrap_or_default()
    }
}

/// A service's actions, each name once, and their positions sorted by name ignoring case (ties
/// in table order, so a search finds the first).
#[derive(Debug)]
pub(crate) struct MergedActions {
    actions: Vec<ActionRef>,
    by_name: Vec<u32>,
}

impl MergedActions {
    fn new(actions: Vec<ActionRef>) -> Self {
        let mut by_name: Vec<u32> = (0..actions.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        crate::sort::sort_by(&mut by_name, |&a, &b| {
            let name = |i: u32| actions.get(i as usize).map_or("", |a| a.name);
            generated::cmp_ignore_case(name(a), name(b))
        });
        MergedActions { actions, by_name }
    }

    /// The actions in by-name order from the first not ordered before `key`.
    fn from<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a ActionRef> + 'a {
        let name = |i: u32| self.actions.get(i as usize).map_or("", |a| a.name);
        let first = self
            .by_name
            .partition_point(|&i| generated::cmp_ignore_case(name(i), key).is_lt());
        self.by_name
            .get(first..)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.actions.get(i as usize))
    }
}

fn curated_action(a: &'static Action) -> ActionRef {
    ActionRef {
        name: a.name,
        level: a.level,
        scope: a.scope,
        source: a.source,
        confirmed: a.confirmed,
        basis: if a.confirmed {
            ActionBasis::Curated
        } else {
            ActionBasis::CuratedUnconfirmed
        },
    }
}

fn page_action(a: &'static generated::PageAction) -> ActionRef {
    ActionRef {
        name: a.name,
        level: a.level,
        scope: ResourceScope::Unspecified,
        source: a.source,
        confirmed: true,
        basis: ActionBasis::AuthorizationPage,
    }
}

fn api_action(api: generated::ApiAction) -> ActionRef {
    ActionRef {
        name: api.name,
        // The API's operation type where its metadata gives one, else its verb.
        level: api.level.unwrap_or_else(|| level_from_verb(api.name)),
        scope: ResourceScope::Unspecified,
        source: generated::get().map(|g| g.meta_repo).unwrap_or_default(),
        confirmed: false,
        basis: ActionBasis::ApiMetadata,
    }
}

/// The access level an API name's verb suggests, the convention the curated files follow
/// where their source gives no level (`services/mod.rs`).
pub fn level_from_verb(name: &str) -> AccessLevel {
    const LIST: &[&str] = &["List"];
    const READ: &[&str] = &[
        "Describe",
        "Get",
        "Query",
        "Check",
        "Search",
        "Preview",
        "Export",
        "Download",
        "Verify",
        "Validate",
        "Show",
        "Count",
        "BatchGet",
        "BatchDescribe",
    ];
    const TAGGING: &[&str] = &[
        "TagResources",
        "UntagResources",
        "AddTags",
        "RemoveTags",
        "Tag",
        "Untag",
    ];
    const PERMISSION: &[&str] = &[
        "Grant",
        "Revoke",
        "Attach",
        "Detach",
        "SetPolicy",
        "PutPolicy",
    ];
    let starts = |prefixes: &[&str]| {
        prefixes.iter().any(|p| {
            name.strip_prefix(p).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_uppercase())
            })
        })
    };
    if starts(TAGGING) {
        AccessLevel::Tagging
    } else if starts(LIST) {
        AccessLevel::List
    } else if starts(READ) {
        AccessLevel::Read
    } else if starts(PERMISSION) {
        AccessLevel::PermissionManagement
    } else {
        AccessLevel::Write
    }
}

/// Every catalogued service, curated and generated merged, sorted by code.
pub fn services() -> &'static [ServiceRef] {
    static CURATED_ONLY: OnceLock<Vec<ServiceRef>> = OnceLock::new();
    static MERGED: OnceLock<Vec<ServiceRef>> = OnceLock::new();
    match generated::get() {
        Some(g) => MERGED.get_or_init(|| merge(Some(g))),
        None => CURATED_ONLY.get_or_init(|| merge(None)),
    }
}

fn merge(generated: Option<&'static generated::Generated>) -> Vec<ServiceRef> {
    let mut out: Vec<ServiceRef> = services::ALL
        .iter()
        .map(|c| ServiceRef {
            curated: Some(*c),
            generated: generated.and_then(|g| g.service(c.code)),
        })
        .collect();
    if let Some(g) = generated {
        out.extend(
            g.services
                .iter()
                .filter(|s| {
                    !services::ALL
                        .iter()
                        .any(|c| c.code.eq_ignore_ascii_case(s.code))
                })
                .map(|s| ServiceRef {
                    curated: None,
                    generated: Some(s),
                }),
        );
    }
    crate::sort::sort_by(&mut out, |a, b| {
        generated::cmp_ignore_case(a.code(), b.code())
    });
    out
}

/// True once the generated catalogue is available (always in native builds; in the page once
/// it has loaded). Rules that would call a service unknown wait for it.
pub fn is_complete() -> bool {
    generated::get().is_some()
}

/// The generated catalogue's date and API metadata snapshot, when it is available.
pub fn generated_info() -> Option<(&'static str, &'static str, &'static str)> {
    generated::get().map(|g| (g.date, g.meta_commit, g.meta_date))
}

/// Looks a service up by its RAM code, case-insensitively (RAM itself is lenient about case;
/// the action rules suggest the documented spelling separately).
pub fn service(code: &str) -> Option<ServiceRef> {
    let all = services();
    all.binary_search_by(|s| generated::cmp_ignore_case(s.code(), code))
        .ok()
        .and_then(|i| all.get(i).copied())
}

/// The services whose ARNs use this service name.
pub fn services_for_arn(arn_service: &str) -> impl Iterator<Item = ServiceRef> + '_ {
    services().iter().copied().filter(move |s| {
        s.arn_services()
            .any(|name| name.eq_ignore_ascii_case(arn_service))
    })
}

/// The services that have an action of this exact name (ignoring case), for "did you mean"
/// across the whole catalogue (`ecs:CreateLoadBalancer` is `slb:CreateLoadBalancer`).
pub fn services_with_action(name: &str) -> Vec<ServiceRef> {
    services()
        .iter()
        .copied()
        .filter(|s| s.action(name).is_some())
        .collect()
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

fn find_key<'k>(keys: &'k [ConditionKey], key: &str) -> Option<&'k ConditionKey> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name any layer knows, in three cases, and names no layer knows.
    fn names_to_try(s: &ServiceRef) -> Vec<String> {
        let mut names: Vec<&str> = Vec::new();
        if let Some(c) = s.curated {
            names.extend(c.actions.iter().map(|a| a.name));
        }
        if let Some(g) = s.generated {
            names.extend(g.page_actions.iter().map(|a| a.name));
            names.extend(g.api_actions.iter().map(|a| a.name));
        }
        let mut out: Vec<String> = Vec::new();
        for name in names {
            out.push(name.to_string());
            out.push(name.to_ascii_lowercase());
            out.push(name.to_ascii_uppercase());
            out.push(format!("{name}x"));
            out.push(name.get(1..).unwrap_or_default().to_string());
        }
        out.extend(["", "*", "Get", "zzzz", "AAAA"].map(String::from));
        out
    }

    #[test]
    fn merged_lookup_agrees_with_the_layers() {
        let curated_only = services::ALL.iter().map(|c| ServiceRef {
            curated: Some(*c),
            generated: None,
        });
        let mut checked = 0;
        for s in services().iter().copied().chain(curated_only) {
            for name in names_to_try(&s) {
                assert_eq!(
                    s.action(&name),
                    s.lookup_action(&name),
                    "{}:{name}",
                    s.code()
                );
                checked += 1;
            }
        }
        assert!(checked > 10_000, "only {checked} names tried");
    }

    /// The narrowed search finds a match exactly when a scan of every action does.
    #[test]
    fn matching_by_head_agrees_with_a_scan() {
        let mut tried = 0;
        for s in services() {
            let mut patterns: Vec<String> = ["*", "?*", "Get*", "get*", "*Bucket*", "List?", "Zz*"]
                .map(String::from)
                .to_vec();
            for a in s.actions().iter().step_by(7) {
                let n = a.name;
                for cut in [1, 3, 6] {
                    if let Some(head) = n.get(..cut.min(n.len())) {
                        patterns.push(format!("{head}*"));
                        patterns.push(format!("{}*", head.to_ascii_uppercase()));
                        patterns.push(format!("{head}?{}", n.get(cut + 1..).unwrap_or_default()));
                        patterns.push(format!("{head}*x*"));
                    }
                }
            }
            for pattern in patterns {
                let scan = s
                    .actions()
                    .iter()
                    .any(|a| crate::wildcard::matches_action(&pattern, a.name));
                assert_eq!(
                    s.any_action_matches(&pattern),
                    scan,
                    "{}:{pattern}",
                    s.code()
                );
                tried += 1;
            }
        }
        assert!(tried > 5_000, "only {tried} patterns tried");
    }
}
