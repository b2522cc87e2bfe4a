//! Least privilege from what was used: ActionTrail events in, for each identity found, the
//! permission policy that covers the calls it made, explained and linted.
//!
//! - **Actions**: an event's `eventName` is the API it called. The RAM code comes from
//!   `serviceName` (lowercased; a few services are renamed, see [`SERVICE_ALIASES`]) or from
//!   `eventSource`, and the action is looked up in the catalogue. Each action says how it was
//!   mapped: a curated entry or a RAM authorization page names it, or it is inferred from the
//!   API metadata (RAM actions are usually, not always, named after the API). An event whose
//!   service or action the catalogue does not know is left out and listed, never guessed.
//! - **Resources**: from the event where it carries them (`referencedResources`,
//!   `resourceType`/`resourceName`) and the action supports resource-level permission (OSS's
//!   curated bucket and object levels; the ARN patterns of the authorization page). `*` where
//!   the page says "All Resources", and where the catalogue does not record whether the action
//!   has resource-level permission (said so in the explanation).
//! - **Which events**: API calls (`eventType` `ApiCall` or `ConsoleOperation`, or none
//!   given) that succeeded (no
//!   `errorCode`); console sign-ins, calls Alibaba Cloud made itself and failed calls are left
//!   out and counted. Options narrow by time, identity and access level, and collapse busy
//!   services to wildcards.
//!
//! Output is deterministic: identities, statements, actions and resources are sorted, and the
//! same events in any order give the same bytes.

mod events;
mod render;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::catalogue::{self, AccessLevel, ResourceScope, ServiceRef};
use crate::finding::{Finding, Lang, Severity};
use crate::iso8601;
use crate::limits;
use crate::lint::{self, KindChoice, LintOptions};
use crate::secrets;
use crate::tr;

pub use events::{read_file, Event, Identity, Read, ReadError};
pub use render::{text, to_json};

/// ActionTrail `serviceName` values whose RAM code is not the name lowercased. Inferred from
/// the RAM codes the catalogue records for these services (docs/catalogue.md); ActionTrail
/// documents the service names, not this mapping.
pub const SERVICE_ALIASES: &[(&str, &str)] = &[
    ("alikafka", "alikafka"),
    ("hologres", "hologram"),
    ("kafka", "alikafka"),
    ("maxcompute", "odps"),
    ("sls", "log"),
];

/// OSS API names whose RAM action has another name (OSS's RAM actions are not its API
/// names; the catalogue records its naming as differing). Source: the OSS API reference
/// names the operations "GetService (ListBuckets)", "GetBucket (ListObjects)" and
/// "ListObjectsV2 (GetBucketV2)"; the RAM action for each is the name in brackets, as the
/// OSS RAM authorization page lists `oss:ListBuckets` and `oss:ListObjects`. Inferred, and
/// said so in every explanation that uses it.
pub const OSS_API_ACTIONS: &[(&str, &str)] = &[
    ("GetBucket", "ListObjects"),
    ("GetBucketV2", "ListObjects"),
    ("GetService", "ListBuckets"),
    ("ListObjectsV2", "ListObjects"),
];

/// What the reviewer asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Only events at or after this ISO 8601 time.
    pub since: Option<String>,
    /// Only events before or at this ISO 8601 time.
    pub until: Option<String>,
    /// Only this identity: its id (`ram-user/alice`), its name (`alice`) or its principal ID.
    pub identity: Option<String>,
    /// A service with more actions than this gets one wildcard (`ecs:*`; with `read_only`,
    /// one per verb: `ecs:Describe*`).
    pub collapse_above: Option<usize>,
    /// Keep only actions whose access level is list or read.
    pub read_only: bool,
    pub lang: Lang,
}

/// A mistake in the options themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    pub option: &'static str,
    pub message: String,
}

/// Everything generated from a set of files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Generated {
    pub identities: Vec<IdentityPolicy>,
    /// Events read but not turned into permissions, by why, with counts.
    pub left_out: Vec<LeftOut>,
    pub summary: Summary,
    /// Remarks about the input as a whole (AccessKey IDs dropped on read, ...).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub events_read: usize,
    pub events_used: usize,
    pub access_key_ids_dropped: usize,
    pub credentials_masked: usize,
}

/// One reason events were left out, with how many and a few examples (`file#record: name`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub reason: String,
    pub count: usize,
    pub examples: Vec<String>,
}

/// One identity's generated policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityPolicy {
    /// `ram-user/alice`, `assumed-role/reader`, `root-account`.
    pub id: String,
    pub kind: String,
    /// The account the identity belongs to, as the events give it (often masked in samples).
    pub account: String,
    /// Successful API calls counted into the policy.
    pub calls: usize,
    /// First and last `eventTime` of those calls.
    pub first_call: String,
    pub last_call: String,
    /// The policy, as one document, or several when one would pass RAM's 6,144 characters
    /// (to be attached together).
    pub policies: Vec<PolicyPart>,
    /// Every action used, before any collapse, with how it was mapped.
    pub actions: Vec<ActionUse>,
    pub notes: Vec<String>,
}

/// One policy document of an identity's policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyPart {
    /// The document, formatted, ready to paste.
    pub policy: String,
    pub statements: Vec<StatementExplained>,
    /// Lint findings on this document (none expected).
    pub findings: Vec<Finding>,
}

/// A statement of the policy and why each of its actions is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementExplained {
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    pub why: Vec<String>,
}

/// One action as the events used it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionUse {
    /// `oss:GetObject`, spelled as the catalogue spells it.
    pub action: String,
    pub calls: usize,
    /// `list`, `read`, `write`, `permission-management`, `tagging`, `unknown`.
    pub level: &'static str,
    /// True when the catalogue gives no level and it is read from the API's verb.
    pub level_inferred: bool,
    /// How the event name became this action: `curated`, `authorization-page`,
    /// `api-metadata` (inferred from the API name), `curated-unconfirmed`, `oss-api-name`
    /// (an OSS API whose RAM action has another name, [`OSS_API_ACTIONS`]).
    pub mapping: &'static str,
    /// How the service code was found: `serviceName`, `serviceName (renamed)`, `eventSource`.
    pub service_from: &'static str,
    pub resources: Vec<String>,
    /// Why these resources: the event's, or `*` and why.
    pub resource_basis: String,
}

/// Reads the files and generates the policies. Files that cannot be read are errors; what
/// is in them is data. Never panics.
pub fn generate_files(
    files: &[(String, Vec<u8>)],
    options: &Options,
) -> Result<Generated, Vec<ReadError>> {
    let read = read_files(files)?;
    Ok(generate(&read, files.len(), options))
}

/// Reads every file, or says which cannot be read. Reading once and generating for each
/// change of the options is what the page does.
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Read, Vec<ReadError>> {
    let mut read = Read::default();
    let mut errors = Vec::new();
    for (name, bytes) in files {
        if let Err(error) = read_file(name, bytes, &mut read) {
            errors.push(error);
        }
    }
    if errors.is_empty() {
        Ok(read)
    } else {
        Err(errors)
    }
}

/// Checks the options before any file is read.
pub fn check_options(options: &Options) -> Result<(), OptionError> {
    for (option, value) in [("since", &options.since), ("until", &options.until)] {
        if let Some(value) = value {
            if iso8601::parse(value).is_none() {
                return Err(OptionError {
                    option,
                    message: tr!(
                        options.lang,
                        format!("`{value}` is not an ISO 8601 time such as `2026-12-01T00:00:00Z`"),
                        format!("`{value}` 不是 ISO 8601 时间（如 `2026-12-01T00:00:00Z`）")
                    ),
                });
            }
        }
    }
    if let Some(identity) = &options.identity {
        if secrets::find_credential(identity).is_some() {
            return Err(OptionError {
                option: "identity",
                message: tr!(
                    options.lang,
                    "the identity looks like a credential; ramplan never takes one (name the user or role instead)",
                    "身份看起来像凭证；ramplan 从不接收凭证（请写用户名或角色名）"
                ),
            });
        }
    }
    if options.collapse_above == Some(0) {
        return Err(OptionError {
            option: "collapse-above",
            message: tr!(
                options.lang,
                "`--collapse-above` must be at least 1",
                "`--collapse-above` 至少为 1"
            ),
        });
    }
    Ok(())
}

/// Generates the policies from events already read.
pub fn generate(read: &Read, files: usize, options: &Options) -> Generated {
    let lang = options.lang;
    let since = options.since.as_deref().and_then(iso8601::parse);
    let until = options.until.as_deref().and_then(iso8601::parse);
    let mut left_out: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    let mut leave = |reason: String, event: &Event| {
        let entry = left_out.entry(reason).or_default();
        entry.0 += 1;
        entry
            .1
            .push(format!("{}#{}: {}", event.source, event.record, event.name));
    };
    // (account, id) -> kind and the uses of each action.
    let mut by_identity: BTreeMap<(String, String), Building> = BTreeMap::new();
    let mut used = 0;
    for event in &read.events {
        // `ConsoleOperation`: what a person did in a console runs with their permissions too.
        if !event.event_type.is_empty()
            && !event.event_type.eq_ignore_ascii_case("ApiCall")
            && !event.event_type.eq_ignore_ascii_case("ConsoleOperation")
        {
            leave(
                tr!(
                    lang,
                    format!("not an API call (`eventType` `{}`)", event.event_type),
                    format!("不是 API 调用（`eventType` 为 `{}`）", event.event_type)
                ),
                event,
            );
            continue;
        }
        if !event.error_code.is_empty() {
            leave(
                tr!(
                    lang,
                    "the call failed (`errorCode` set): a failed call grants nothing to keep",
                    "调用失败（有 `errorCode`）：失败的调用无需保留权限"
                ),
                event,
            );
            continue;
        }
        let time = iso8601::parse(&event.time);
        if since.is_some() || until.is_some() {
            let inside =
                time.is_some_and(|t| since.is_none_or(|s| t >= s) && until.is_none_or(|u| t <= u));
            if !inside {
                leave(
                    tr!(
                        lang,
                        "outside the time window (or no readable `eventTime`)",
                        "不在时间范围内（或 `eventTime` 无法读取）"
                    ),
                    event,
                );
                continue;
            }
        }
        let (id, kind) = identity_id(&event.identity);
        if let Some(wanted) = &options.identity {
            if !identity_matches(&event.identity, &id, wanted) {
                continue;
            }
        }
        let Some((service, service_from)) = service_of(event) else {
            leave(
                tr!(
                    lang,
                    format!(
                        "the service is not in the catalogue (`serviceName` `{}`, `eventSource` `{}`)",
                        event.service_name, event.event_source
                    ),
                    format!(
                        "目录中没有该服务（`serviceName` 为 `{}`，`eventSource` 为 `{}`）",
                        event.service_name, event.event_source
                    )
                ),
                event,
            );
            continue;
        };
        let renamed = if service.code().eq_ignore_ascii_case("oss") {
            OSS_API_ACTIONS
                .iter()
                .find(|(api, _)| api.eq_ignore_ascii_case(&event.name))
                .map(|(_, action)| *action)
        } else {
            None
        };
        let Some(action) = service.action(renamed.unwrap_or(&event.name)) else {
            leave(
                tr!(
                    lang,
                    format!(
                        "`{}:{}` is not in the catalogue",
                        service.code(),
                        event.name
                    ),
                    format!("目录中没有 `{}:{}`", service.code(), event.name)
                ),
                event,
            );
            continue;
        };
        // Pages that give no access level leave it to the API's verb, as the catalogue does.
        let level = match action.level {
            AccessLevel::Unknown => catalogue::level_from_verb(action.name),
            level => level,
        };
        if options.read_only && !matches!(level, AccessLevel::List | AccessLevel::Read) {
            leave(
                tr!(
                    lang,
                    "not read-only (left out by `--read-only`)",
                    "不是只读操作（`--read-only` 已排除）"
                ),
                event,
            );
            continue;
        }
        used += 1;
        let (resources, basis) = resources_for(&service, action.name, action.scope, event, lang);
        let level_inferred = action.level == AccessLevel::Unknown;
        let building = by_identity
            .entry((event.identity.account.clone(), id))
            .or_insert_with(|| Building {
                kind,
                ..Building::default()
            });
        building.calls += 1;
        if !event.time.is_empty() {
            if building.first.is_empty() || event.time < building.first {
                building.first = event.time.clone();
            }
            if event.time > building.last {
                building.last = event.time.clone();
            }
        }
        let name = format!("{}:{}", service.code(), action.name);
        let entry = building.actions.entry(name).or_insert_with(|| ActionEntry {
            calls: 0,
            level: level.as_str(),
            level_inferred,
            mapping: if renamed.is_some() {
                "oss-api-name"
            } else {
                action.basis.as_str()
            },
            service_from,
            resources: BTreeSet::new(),
            bases: BTreeSet::new(),
        });
        entry.calls += 1;
        entry.resources.extend(resources);
        entry.bases.insert(basis);
    }
    let identities = by_identity
        .into_iter()
        .map(|((account, id), building)| finish(id, account, building, options))
        .collect();
    let mut notes = Vec::new();
    if read.access_key_ids_dropped > 0 {
        notes.push(tr!(
            lang,
            format!(
                "{} `userIdentity.accessKeyId` value(s) were dropped on read and are not shown: an AccessKey ID identifies a key rather than being a secret, but ramplan never echoes AccessKey-looking values",
                read.access_key_ids_dropped
            ),
            format!(
                "读取时已丢弃 {} 个 `userIdentity.accessKeyId` 值，不予显示：AccessKey ID 是标识而非密钥，但 ramplan 从不回显形似 AccessKey 的值",
                read.access_key_ids_dropped
            )
        ));
    }
    if read.credentials_masked > 0 {
        notes.push(tr!(
            lang,
            format!(
                "{} other value(s) looked like a credential and were masked",
                read.credentials_masked
            ),
            format!("另有 {} 个形似凭证的值已被遮盖", read.credentials_masked)
        ));
    }
    let mut left_out: Vec<LeftOut> = left_out
        .into_iter()
        .map(|(reason, (count, mut examples))| {
            crate::sort::sort(&mut examples);
            examples.truncate(5);
            LeftOut {
                reason,
                count,
                examples,
            }
        })
        .collect();
    for (source, record, why) in &read.not_events {
        let reason = tr!(lang, why.clone(), format!("不是 ActionTrail 事件：{why}"));
        match left_out.iter_mut().find(|l| l.reason == reason) {
            Some(entry) => {
                entry.count += 1;
                if entry.examples.len() < 5 {
                    entry.examples.push(format!("{source}#{record}"));
                }
            }
            None => left_out.push(LeftOut {
                reason,
                count: 1,
                examples: vec![format!("{source}#{record}")],
            }),
        }
    }
    for entry in &mut left_out {
        crate::sort::sort(&mut entry.examples);
    }
    Generated {
        identities,
        left_out,
        summary: Summary {
            files,
            events_read: read.events.len() + read.not_events.len(),
            events_used: used,
            access_key_ids_dropped: read.access_key_ids_dropped,
            credentials_masked: read.credentials_masked,
        },
        notes,
    }
}

#[derive(Debug, Default)]
struct Building {
    kind: String,
    calls: usize,
    first: String,
    last: String,
    actions: BTreeMap<String, ActionEntry>,
}

#[derive(Debug)]
struct ActionEntry {
    calls: usize,
    level: &'static str,
    level_inferred: bool,
    mapping: &'static str,
    service_from: &'static str,
    resources: BTreeSet<String>,
    bases: BTreeSet<String>,
}

/// The identity an event's caller is, as policies attach to it: a RAM user by name, a role by
/// its name (every session of it together), the account itself.
fn identity_id(identity: &Identity) -> (String, String) {
    let kind = if identity.kind.is_empty() {
        "unknown".to_owned()
    } else {
        identity.kind.clone()
    };
    let name = match kind.as_str() {
        "assumed-role" => identity
            .user_name
            .split(':')
            .next()
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| {
                identity
                    .principal_id
                    .split(':')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            }),
        "root-account" => String::new(),
        _ => {
            if identity.user_name.is_empty() {
                identity.principal_id.clone()
            } else {
                identity.user_name.clone()
            }
        }
    };
    let id = if name.is_empty() {
        kind.clone()
    } else {
        format!("{kind}/{name}")
    };
    (id, kind)
}

fn identity_matches(identity: &Identity, id: &str, wanted: &str) -> bool {
    let name = id.split_once('/').map(|(_, n)| n).unwrap_or(id);
    [
        id,
        name,
        identity.principal_id.as_str(),
        identity.user_name.as_str(),
    ]
    .iter()
    .any(|candidate| !candidate.is_empty() && *candidate == wanted)
}

/// The catalogued service an event belongs to, and how it was found.
fn service_of(event: &Event) -> Option<(ServiceRef, &'static str)> {
    let name = event.service_name.to_ascii_lowercase();
    if !name.is_empty() {
        if let Some(service) = catalogue::service(&name) {
            return Some((service, "serviceName"));
        }
        if let Some((_, code)) = SERVICE_ALIASES.iter().find(|(alias, _)| *alias == name) {
            if let Some(service) = catalogue::service(code) {
                return Some((service, "serviceName (renamed)"));
            }
        }
    }
    // `ecs.aliyuncs.com`, `actiontrail.cn-hangzhou.aliyuncs.com`, `ecs-cn-hangzhou.aliyuncs.com`,
    // and for OSS `<bucket>.oss-cn-hangzhou.aliyuncs.com`: the label that names a service.
    let host = event.event_source.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let oss = labels.iter().any(|l| l.starts_with("oss-") || *l == "oss");
    let candidates: Vec<String> = if oss {
        vec!["oss".to_owned()]
    } else {
        labels
            .first()
            .map(|first| {
                let mut out = vec![(*first).to_owned()];
                if let Some((head, _)) = first.split_once('-') {
                    out.push(head.to_owned());
                }
                out
            })
            .unwrap_or_default()
    };
    candidates
        .iter()
        .find_map(|code| catalogue::service(code))
        .map(|service| (service, "eventSource"))
}

/// A 16-digit account ID, or `*` for a masked or absent one.
fn account_or_any(event: &Event) -> String {
    let candidate = if event.recipient_account.is_empty() {
        &event.identity.account
    } else {
        &event.recipient_account
    };
    if candidate.len() == 16 && candidate.bytes().all(|b| b.is_ascii_digit()) {
        candidate.clone()
    } else {
        "*".to_owned()
    }
}

/// The resources one call needs, and why.
fn resources_for(
    service: &ServiceRef,
    action: &str,
    scope: ResourceScope,
    event: &Event,
    lang: Lang,
) -> (Vec<String>, String) {
    if service.code().eq_ignore_ascii_case("oss") {
        return oss_resources(scope, event, lang);
    }
    match service.action_resource_types(action) {
        Some(types) if types.is_empty() => (
            vec!["*".to_owned()],
            tr!(
                lang,
                "`*`: the RAM authorization page lists no resource type (All Resources)",
                "`*`：RAM 授权信息页未列出资源类型（全部资源）"
            ),
        ),
        Some(types) => {
            let region = if event.region.is_empty() {
                "*"
            } else {
                event.region.as_str()
            };
            let account = account_or_any(event);
            let mut out = Vec::new();
            let mut named = false;
            for resource_type in &types {
                let names: Vec<&str> = event
                    .resources
                    .iter()
                    .filter(|(kind, _)| {
                        kind.rsplit("::")
                            .next()
                            .is_some_and(|last| last.eq_ignore_ascii_case(resource_type.name))
                    })
                    .map(|(_, name)| name.as_str())
                    .collect();
                if names.is_empty() {
                    out.push(fill_arn(resource_type.arn, region, &account, "*"));
                } else {
                    named = true;
                    for name in names {
                        out.push(fill_arn(resource_type.arn, region, &account, name));
                    }
                }
            }
            let why = if named {
                tr!(
                    lang,
                    "the resources the events name, in the ARN form of the RAM authorization page",
                    "事件中的资源，按 RAM 授权信息页的 ARN 格式"
                )
            } else {
                tr!(
                    lang,
                    "the events name no resource of this type: any resource of the type the RAM authorization page gives",
                    "事件未提供此类资源：按 RAM 授权信息页的资源类型允许任意该类资源"
                )
            };
            (out, why)
        }
        None => (
            vec!["*".to_owned()],
            tr!(
                lang,
                "`*`: the catalogue does not record whether this action has resource-level permission; narrow it by hand if it does",
                "`*`：目录未记录此操作是否支持资源级授权；如支持，请手动收窄"
            ),
        ),
    }
}

/// Fills an authorization-page ARN pattern (`{#regionId}`, `{#accountId}`, any case): the
/// last other placeholder gets the resource's name, any placeholder left gets `*`.
fn fill_arn(pattern: &str, region: &str, account: &str, name: &str) -> String {
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    let mut rest = pattern;
    while let Some(start) = rest.find("{#") {
        let Some(len) = rest.get(start..).and_then(|r| r.find('}')) else {
            break;
        };
        pieces.push((false, rest.get(..start).unwrap_or_default()));
        pieces.push((true, rest.get(start + 2..start + len).unwrap_or_default()));
        rest = rest.get(start + len + 1..).unwrap_or_default();
    }
    pieces.push((false, rest));
    let last_named = pieces.iter().rposition(|(placeholder, key)| {
        *placeholder
            && !key.eq_ignore_ascii_case("regionId")
            && !key.eq_ignore_ascii_case("accountId")
    });
    let mut out = String::with_capacity(pattern.len() + name.len());
    for (index, (placeholder, key)) in pieces.iter().enumerate() {
        if !placeholder {
            out.push_str(key);
        } else if key.eq_ignore_ascii_case("regionId") {
            out.push_str(region);
        } else if key.eq_ignore_ascii_case("accountId") {
            out.push_str(account);
        } else if Some(index) == last_named {
            out.push_str(name);
        } else {
            out.push('*');
        }
    }
    out
}

fn oss_resources(scope: ResourceScope, event: &Event, lang: Lang) -> (Vec<String>, String) {
    let mut buckets: Vec<String> = event
        .resources
        .iter()
        .filter(|(kind, _)| kind.eq_ignore_ascii_case("ACS::OSS::Bucket"))
        .map(|(_, name)| name.clone())
        .collect();
    if buckets.is_empty() {
        // `<bucket>.oss-<region>.aliyuncs.com`, the virtual-hosted endpoint.
        let host = event.event_source.to_ascii_lowercase();
        if let Some((bucket, rest)) = host.split_once('.') {
            if rest.starts_with("oss-") && !bucket.is_empty() {
                buckets.push(bucket.to_owned());
            }
        }
    }
    let objects: Vec<String> = event
        .resources
        .iter()
        .filter(|(kind, _)| kind.eq_ignore_ascii_case("ACS::OSS::Object"))
        .map(|(_, name)| name.clone())
        .collect();
    match scope {
        ResourceScope::Service => (
            vec!["acs:oss:*:*:*".to_owned()],
            tr!(
                lang,
                "a service-level OSS action: `acs:oss:*:*:*`",
                "OSS 服务级操作：`acs:oss:*:*:*`"
            ),
        ),
        ResourceScope::Bucket if !buckets.is_empty() => (
            buckets.iter().map(|b| format!("acs:oss:*:*:{b}")).collect(),
            tr!(
                lang,
                "a bucket-level OSS action on the buckets the events name",
                "OSS Bucket 级操作，作用于事件中的 Bucket"
            ),
        ),
        ResourceScope::Object if !buckets.is_empty() || !objects.is_empty() => {
            // An object is named `bucket/key` or by its key alone; a key alone belongs to
            // the one bucket the event names, and is left out when there are several.
            let mut out: Vec<String> = objects
                .iter()
                .filter_map(|o| {
                    if buckets.iter().any(|b| {
                        o.strip_prefix(b.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))
                    }) {
                        Some(format!("acs:oss:*:*:{o}"))
                    } else if let [bucket] = buckets.as_slice() {
                        Some(format!(
                            "acs:oss:*:*:{bucket}/{}",
                            o.trim_start_matches('/')
                        ))
                    } else {
                        None
                    }
                })
                .collect();
            if out.is_empty() {
                out = buckets
                    .iter()
                    .map(|b| format!("acs:oss:*:*:{b}/*"))
                    .collect();
            }
            (
                out,
                tr!(
                    lang,
                    "an object-level OSS action on the objects (or every object of the buckets) the events name",
                    "OSS Object 级操作，作用于事件中的对象（或其 Bucket 中的所有对象）"
                ),
            )
        }
        ResourceScope::Bucket | ResourceScope::Object => (
            vec!["*".to_owned()],
            tr!(
                lang,
                "`*`: the events name no bucket",
                "`*`：事件未提供 Bucket"
            ),
        ),
        ResourceScope::Unspecified => (
            vec!["*".to_owned()],
            tr!(
                lang,
                "`*`: the catalogue does not record this OSS action's resource level",
                "`*`：目录未记录此 OSS 操作的资源级别"
            ),
        ),
    }
}

/// Case-insensitive, then exact: `ecs:DescribeInstances` before `ecs:getFoo` before `oss:*`.
fn action_order(a: &str, b: &str) -> std::cmp::Ordering {
    catalogue::generated::cmp_ignore_case(a, b).then_with(|| a.cmp(b))
}

fn finish(id: String, account: String, building: Building, options: &Options) -> IdentityPolicy {
    let lang = options.lang;
    let mut actions: Vec<ActionUse> = building
        .actions
        .into_iter()
        .map(|(action, entry)| {
            let resources: Vec<String> = if entry.resources.contains("*") {
                vec!["*".to_owned()]
            } else {
                entry.resources.into_iter().collect()
            };
            ActionUse {
                action,
                calls: entry.calls,
                level: entry.level,
                level_inferred: entry.level_inferred,
                mapping: entry.mapping,
                service_from: entry.service_from,
                resources,
                resource_basis: entry.bases.into_iter().collect::<Vec<_>>().join("; "),
            }
        })
        .collect();
    crate::sort::sort_by(&mut actions, |a, b| action_order(&a.action, &b.action));

    // (policy action, its resources, why) after any collapse.
    let mut entries: Vec<(String, BTreeSet<String>, Vec<String>)> = Vec::new();
    let mut notes = Vec::new();
    let mut by_service: BTreeMap<String, Vec<&ActionUse>> = BTreeMap::new();
    for use_ in &actions {
        let service = use_.action.split(':').next().unwrap_or_default().to_owned();
        by_service.entry(service).or_default().push(use_);
    }
    for (service, uses) in &by_service {
        let collapse = options.collapse_above.is_some_and(|n| uses.len() > n);
        if !collapse {
            for use_ in uses {
                entries.push((
                    use_.action.clone(),
                    use_.resources.iter().cloned().collect(),
                    vec![explain(use_, lang)],
                ));
            }
            continue;
        }
        // One wildcard per service, or per verb when only reads are kept.
        let mut groups: BTreeMap<String, Vec<&ActionUse>> = BTreeMap::new();
        for use_ in uses {
            let key = if options.read_only {
                let name = use_
                    .action
                    .split_once(':')
                    .map(|(_, n)| n)
                    .unwrap_or_default();
                format!("{service}:{}*", crate::text::leading_word(name))
            } else {
                format!("{service}:*")
            };
            groups.entry(key).or_default().push(use_);
        }
        for (wildcard, members) in groups {
            let mut resources: BTreeSet<String> = members
                .iter()
                .flat_map(|m| m.resources.iter().cloned())
                .collect();
            if resources.contains("*") {
                resources = BTreeSet::from(["*".to_owned()]);
            }
            let why = members.iter().map(|m| explain(m, lang)).collect();
            entries.push((wildcard, resources, why));
        }
        notes.push(tr!(
            lang,
            format!(
                "`{service}`: {} actions collapsed to a wildcard (`--collapse-above`); the wildcard also allows actions the events did not use",
                uses.len()
            ),
            format!(
                "`{service}`：{} 个操作合并为通配符（`--collapse-above`）；通配符也允许事件中未使用的操作",
                uses.len()
            )
        ));
    }

    // One statement per set of resources, actions sorted; statements by their first action.
    let mut grouped: BTreeMap<Vec<String>, Vec<(String, Vec<String>)>> = BTreeMap::new();
    for (action, resources, why) in entries {
        grouped
            .entry(resources.into_iter().collect())
            .or_default()
            .push((action, why));
    }
    let mut statements: Vec<StatementExplained> = grouped
        .into_iter()
        .map(|(resources, mut members)| {
            crate::sort::sort_by(&mut members, |a, b| action_order(&a.0, &b.0));
            StatementExplained {
                actions: members.iter().map(|m| m.0.clone()).collect(),
                why: members.into_iter().flat_map(|m| m.1).collect(),
                resources,
            }
        })
        .collect();
    crate::sort::sort_by(&mut statements, |a, b| {
        let first = |s: &StatementExplained| s.actions.first().cloned().unwrap_or_default();
        action_order(&first(a), &first(b)).then_with(|| a.resources.cmp(&b.resources))
    });
    let parts: Vec<Vec<StatementExplained>> = split(statements);
    let count = parts.len();
    let policies: Vec<PolicyPart> = parts
        .into_iter()
        .map(|statements| {
            let policy = render::policy_json(&statements);
            let report = lint::lint(
                &policy,
                &LintOptions {
                    kind: KindChoice::Permission,
                    lang,
                    ..LintOptions::default()
                },
            );
            PolicyPart {
                policy,
                statements,
                findings: report.findings,
            }
        })
        .collect();
    if count > 1 {
        notes.push(tr!(
            lang,
            format!(
                "as one document the policy would pass RAM's limit of {} characters, so it is split into {count} policies: attach all of them",
                limits::POLICY_DOCUMENT_MAX
            ),
            format!(
                "合为一个文档会超出 RAM 的 {} 字符上限，已拆成 {count} 个策略：请全部授予",
                limits::POLICY_DOCUMENT_MAX
            )
        ));
    }
    if building.kind == "root-account" {
        notes.push(tr!(
            lang,
            "the Alibaba Cloud account itself made these calls; policies cannot be attached to it: give this policy to a RAM user or role that takes over the work",
            "这些调用由阿里云账号（主账号）本身发起，主账号无法授权：请把此策略授予接手这些工作的 RAM 用户或角色"
        ));
    }
    if policies
        .iter()
        .flat_map(|p| &p.findings)
        .any(|f| f.severity == Severity::Error)
    {
        notes.push(tr!(
            lang,
            "the policy has lint errors (see findings)",
            "策略有检查错误（见检查结果）"
        ));
    }
    IdentityPolicy {
        id,
        kind: building.kind,
        account,
        calls: building.calls,
        first_call: building.first,
        last_call: building.last,
        policies,
        actions,
        notes,
    }
}

fn fits(statements: &[StatementExplained]) -> bool {
    render::policy_json(statements).chars().count() <= limits::POLICY_DOCUMENT_MAX
}

/// Statements into documents of at most RAM's 6,144 characters, in order: whole statements
/// while they fit, a statement too long alone split by actions, then by resources.
fn split(statements: Vec<StatementExplained>) -> Vec<Vec<StatementExplained>> {
    let mut parts: Vec<Vec<StatementExplained>> = Vec::new();
    let mut current: Vec<StatementExplained> = Vec::new();
    for statement in statements {
        for piece in pieces(statement) {
            current.push(piece);
            if current.len() > 1 && !fits(&current) {
                if let Some(piece) = current.pop() {
                    parts.push(std::mem::take(&mut current));
                    current.push(piece);
                }
            }
        }
    }
    if !current.is_empty() || parts.is_empty() {
        parts.push(current);
    }
    parts
}

/// A statement as statements that each fit in a document alone, where it can be done.
fn pieces(statement: StatementExplained) -> Vec<StatementExplained> {
    if fits(std::slice::from_ref(&statement)) {
        return vec![statement];
    }
    let StatementExplained {
        actions,
        resources,
        why,
    } = statement;
    // Greedy by actions; each line of `why` goes with the action it begins with.
    let mut groups: Vec<Vec<String>> = vec![Vec::new()];
    for action in actions {
        let mut candidate = groups.last().cloned().unwrap_or_default();
        candidate.push(action.clone());
        let probe = StatementExplained {
            actions: candidate,
            resources: resources.clone(),
            why: Vec::new(),
        };
        match groups.last_mut() {
            Some(last) if last.is_empty() || fits(std::slice::from_ref(&probe)) => {
                last.push(action)
            }
            _ => groups.push(vec![action]),
        }
    }
    let mut out = Vec::new();
    for actions in groups {
        let mine: Vec<String> = why
            .iter()
            .filter(|line| {
                actions.iter().any(|a| {
                    line.strip_prefix(a.as_str())
                        .is_some_and(|rest| rest.starts_with([' ', '（']))
                })
            })
            .cloned()
            .collect();
        let statement = StatementExplained {
            actions,
            resources: resources.clone(),
            why: mine,
        };
        if fits(std::slice::from_ref(&statement)) || statement.resources.len() < 2 {
            out.push(statement);
            continue;
        }
        // One action on more resources than fit: split the resources.
        let mut chunk: Vec<String> = Vec::new();
        for resource in &statement.resources {
            let mut candidate = chunk.clone();
            candidate.push(resource.clone());
            let probe = StatementExplained {
                actions: statement.actions.clone(),
                resources: candidate,
                why: Vec::new(),
            };
            if chunk.is_empty() || fits(std::slice::from_ref(&probe)) {
                chunk.push(resource.clone());
            } else {
                out.push(StatementExplained {
                    actions: statement.actions.clone(),
                    resources: std::mem::take(&mut chunk),
                    why: statement.why.clone(),
                });
                chunk.push(resource.clone());
            }
        }
        out.push(StatementExplained {
            actions: statement.actions.clone(),
            resources: chunk,
            why: statement.why.clone(),
        });
    }
    // Lines no action claims (a collapsed wildcard's members) stay with the first piece.
    let claimed: Vec<&String> = out.iter().flat_map(|s| &s.why).collect();
    let rest: Vec<String> = why
        .iter()
        .filter(|w| !claimed.contains(w))
        .cloned()
        .collect();
    if let Some(first) = out.first_mut() {
        first.why.extend(rest);
    }
    out
}

fn explain(use_: &ActionUse, lang: Lang) -> String {
    let mapping = match (use_.mapping, lang) {
        ("curated", Lang::En) => "named in ramplan's curated catalogue",
        ("curated", Lang::Zh) => "ramplan 精选目录中有此操作",
        ("authorization-page", Lang::En) => "named on the service's RAM authorization page",
        ("authorization-page", Lang::Zh) => "服务的 RAM 授权信息页列有此操作",
        ("curated-unconfirmed", Lang::En) => "in the curated catalogue, unconfirmed",
        ("curated-unconfirmed", Lang::Zh) => "精选目录中有此操作，但未经确认",
        ("oss-api-name", Lang::En) => {
            "inferred: the OSS API's RAM action, which has another name (OSS API reference)"
        }
        ("oss-api-name", Lang::Zh) => "推断：该 OSS API 对应的 RAM 操作另有名称（OSS API 参考）",
        (_, Lang::En) => "inferred: the RAM action is assumed to be named after the API",
        (_, Lang::Zh) => "推断：假定 RAM 操作与 API 同名",
    };
    let level = if use_.level_inferred {
        tr!(
            lang,
            format!("{}, by its verb", use_.level),
            format!("{}，按动词推断", use_.level)
        )
    } else {
        use_.level.to_owned()
    };
    tr!(
        lang,
        format!(
            "{} ({} call(s), {level}): {}; resources: {}",
            use_.action, use_.calls, mapping, use_.resource_basis
        ),
        format!(
            "{}（{} 次调用，{level}）：{}；资源：{}",
            use_.action, use_.calls, mapping, use_.resource_basis
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_arn_patterns() {
        assert_eq!(
            fill_arn(
                "acs:ecs:{#regionId}:{#accountId}:instance/{#InstanceId}",
                "cn-hangzhou",
                "*",
                "i-abc"
            ),
            "acs:ecs:cn-hangzhou:*:instance/i-abc"
        );
        assert_eq!(
            fill_arn(
                "acs:log:{#regionId}:{#accountId}:project/{#ProjectName}/logstore/{#LogstoreName}",
                "*",
                "1234567890123456",
                "store"
            ),
            "acs:log:*:1234567890123456:project/*/logstore/store"
        );
    }

    #[test]
    fn oss_objects_are_named_by_their_bucket() {
        let event = |resources: &[(&str, &str)]| Event {
            source: "f".to_owned(),
            record: 1,
            name: "GetObject".to_owned(),
            service_name: "Oss".to_owned(),
            event_source: String::new(),
            event_type: String::new(),
            time: String::new(),
            region: String::new(),
            error_code: String::new(),
            identity: Identity::default(),
            recipient_account: String::new(),
            resources: resources
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        let one = event(&[("ACS::OSS::Bucket", "b"), ("ACS::OSS::Object", "dir/a.txt")]);
        assert_eq!(
            oss_resources(ResourceScope::Object, &one, Lang::En).0,
            ["acs:oss:*:*:b/dir/a.txt"]
        );
        let full = event(&[("ACS::OSS::Bucket", "b"), ("ACS::OSS::Object", "b/a.txt")]);
        assert_eq!(
            oss_resources(ResourceScope::Object, &full, Lang::En).0,
            ["acs:oss:*:*:b/a.txt"]
        );
        let two = event(&[
            ("ACS::OSS::Bucket", "b"),
            ("ACS::OSS::Bucket", "c"),
            ("ACS::OSS::Object", "a.txt"),
        ]);
        assert_eq!(
            oss_resources(ResourceScope::Object, &two, Lang::En).0,
            ["acs:oss:*:*:b/*", "acs:oss:*:*:c/*"]
        );
    }

    #[test]
    fn verbs() {
        assert_eq!(crate::text::leading_word("DescribeInstances"), "Describe");
        assert_eq!(crate::text::leading_word("Get"), "Get");
        assert_eq!(crate::text::leading_word(""), "");
    }
}
