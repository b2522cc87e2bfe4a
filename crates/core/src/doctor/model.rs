//! What the fields say, in ramplan's terms: who was denied, what they asked for, and why.
//! Field names and values are those RAM documents; each enum cites where its values come
//! from, and a value ramplan does not know is kept as written.

use serde::Serialize;

use super::parse::{normalise, Parsed, RawField, Shape};

/// `AuthPrincipalType` (DecodeDiagnosticMessage: `SubUser`, `AssumedRoleUser`, `Federated`),
/// or the console's "Identity Type" (RAM user, RAM role, SSO identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IdentityKind {
    RamUser,
    RamRole,
    Federated,
    /// `RootUser`: seen in Alibaba's own RAM permission-diagnosis guide, not in the API page.
    Root,
    Other,
}

/// `NoPermissionPolicyType` (DecodeDiagnosticMessage) or `PolicyType` (AccessDeniedDetail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyKind {
    /// `AccountLevelIdentityBasedPolicy`, or AgentRun's `IdentityBasedPolicy`.
    IdentityAccount,
    /// `ResourceGroupLevelIdentityBasedPolicy`.
    IdentityResourceGroup,
    /// `ControlPolicy`: a control policy of the resource directory.
    ControlPolicy,
    /// `SessionPolicy`: the policy passed with AssumeRole.
    SessionPolicy,
    /// `AssumeRolePolicy`: the role's trust policy.
    TrustPolicy,
    /// An OSS bucket policy (OSS error code `0003-00000101`), or AgentRun's
    /// `ResourceBasedPolicy`.
    ResourcePolicy,
    Other,
}

/// `NoPermissionType` (`ImplicitDeny`, `ExplicitDeny`) or `ExplicitDeny` (true, false).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Denial {
    Implicit,
    Explicit,
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ErrorInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommend: Option<String>,
    /// OSS's own error code (`<EC>`), such as `0003-00000201`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oss_ec: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub kind: IdentityKind,
    /// The value as written (`SubUser`, `RAM role`).
    pub kind_raw: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// `AuthPrincipalOwnerId`: the account the identity belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// For a role: the part of `RoleName:RoleSessionName` before the `:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub key: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Asked {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyType {
    pub kind: PolicyKind,
    pub raw: String,
}

/// A policy `DecodeDiagnosticMessage` names under `MatchedPolicies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchedPolicy {
    pub fields: Vec<Field>,
}

/// A field as written, for fields ramplan shows without reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub key: String,
    pub value: String,
}

/// Everything the text says, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub shape: Shape,
    pub error: ErrorInfo,
    pub identity: Option<Identity>,
    pub asked: Asked,
    pub denial: Denial,
    pub policy_type: Option<PolicyType>,
    pub matched_policies: Vec<MatchedPolicy>,
    pub encoded: Option<String>,
    /// Fields ramplan does not read, in the order they were read (a JSON object's members
    /// by name, as serde_json keeps them).
    pub other_fields: Vec<Field>,
}

/// OSS error codes with a documented meaning for the doctor.
/// `0003-00000201`: an explicit Deny in a RAM policy (help.aliyun.com/zh/oss/user-guide/0003-00000201);
/// `0003-00000101`: a Deny in the bucket policy (help.aliyun.com/zh/oss/support/0003-00000101).
pub const OSS_EC_RAM_DENY: &str = "0003-00000201";
pub const OSS_EC_BUCKET_POLICY_DENY: &str = "0003-00000101";

/// Fields that only hold other fields, or that say nothing once read.
const CONTAINERS: &[&str] = &[
    "error",
    "data",
    "accessdenieddetail",
    "decodeddiagnosticmessage",
    "authprincipal",
];

pub fn facts(parsed: &Parsed, shape: Shape, whole_text: &str) -> Facts {
    let mut error = ErrorInfo::default();
    let mut kind_raw = None;
    let mut display_name = None;
    let mut account_id = None;
    let mut asked = Asked::default();
    let mut denial = Denial::Unknown;
    let mut policy_raw: Option<String> = None;
    let mut encoded = None;
    let mut other_fields = Vec::new();
    let first = |slot: &mut Option<String>, value: &str| {
        if slot.is_none() && !value.trim().is_empty() {
            *slot = Some(value.trim().to_owned());
        }
    };
    for RawField { path, value } in &parsed.fields {
        let name = path.rsplit('/').next().unwrap_or(path);
        match normalise(name).as_str() {
            "code" | "errorcode" | "errcode" => first(&mut error.code, value),
            "message" | "errmessage" | "errormessage" => first(&mut error.message, value),
            "statuscode" | "httpstatus" | "httpstatuscode" => first(&mut error.http_status, value),
            "requestid" => first(&mut error.request_id, value),
            "hostid" => first(&mut error.host_id, value),
            "recommend" | "recommenddoc" => first(&mut error.recommend, value),
            "ec" => first(&mut error.oss_ec, value),
            "authprincipaltype" => first(&mut kind_raw, value),
            "authprincipaldisplayname" => first(&mut display_name, value),
            "authprincipalownerid" => first(&mut account_id, value),
            "authaction" => first(&mut asked.action, value),
            "authresource" => first(&mut asked.resource, value),
            "policytype" | "nopermissionpolicytype" => first(&mut policy_raw, value),
            "encodeddiagnosticmessage" | "encodeddiagnosticinfo" => first(&mut encoded, value),
            "nopermissiontype" => {
                if denial == Denial::Unknown {
                    denial = denial_of(value);
                }
            }
            "explicitdeny" => match value.trim() {
                "true" => denial = Denial::Explicit,
                "false" if denial == Denial::Unknown => denial = Denial::Implicit,
                _ => {}
            },
            n if CONTAINERS.contains(&n) => {}
            _ => other_fields.push(Field {
                key: path.clone(),
                value: value.clone(),
            }),
        }
    }
    if encoded.is_none() && shape == Shape::EncodedOnly {
        encoded = Some(whole_text.trim().to_owned());
    }
    // OSS's error code settles the kind of deny where the detail does not.
    match error.oss_ec.as_deref() {
        Some(OSS_EC_RAM_DENY) if denial == Denial::Unknown => denial = Denial::Explicit,
        Some(OSS_EC_BUCKET_POLICY_DENY) => {
            if denial == Denial::Unknown {
                denial = Denial::Explicit;
            }
            if policy_raw.is_none() {
                policy_raw = Some(OSS_EC_BUCKET_POLICY_DENY.to_owned());
            }
        }
        _ => {}
    }
    asked.conditions = parsed
        .conditions
        .iter()
        .map(|c| Condition {
            key: c.key.clone(),
            values: c.values.clone(),
        })
        .collect();
    let identity = identity(kind_raw, display_name, account_id);
    let policy_type = policy_raw.map(|raw| PolicyType {
        kind: policy_kind(&raw),
        raw,
    });
    let matched_policies = parsed
        .matched_policies
        .iter()
        .map(|p| MatchedPolicy {
            fields: p
                .fields
                .iter()
                .map(|(key, value)| Field {
                    key: key.clone(),
                    value: value.clone(),
                })
                .collect(),
        })
        .collect();
    Facts {
        shape,
        error,
        identity,
        asked,
        denial,
        policy_type,
        matched_policies,
        encoded,
        other_fields,
    }
}

fn denial_of(value: &str) -> Denial {
    match normalise(value).as_str() {
        "implicitdeny" | "隐式拒绝" => Denial::Implicit,
        "explicitdeny" | "显式拒绝" => Denial::Explicit,
        _ => Denial::Unknown,
    }
}

fn policy_kind(raw: &str) -> PolicyKind {
    match normalise(raw).as_str() {
        "accountlevelidentitybasedpolicy" | "identitybasedpolicy" => PolicyKind::IdentityAccount,
        "resourcegrouplevelidentitybasedpolicy" => PolicyKind::IdentityResourceGroup,
        "controlpolicy" | "管控策略" => PolicyKind::ControlPolicy,
        "sessionpolicy" | "会话策略" => PolicyKind::SessionPolicy,
        "assumerolepolicy" | "角色信任策略" => PolicyKind::TrustPolicy,
        "resourcebasedpolicy" | "bucketpolicy" | "0003-00000101" => PolicyKind::ResourcePolicy,
        _ => PolicyKind::Other,
    }
}

fn identity_kind(raw: &str) -> IdentityKind {
    match normalise(raw).as_str() {
        "subuser" | "ramuser" | "ram用户" => IdentityKind::RamUser,
        "assumedroleuser" | "ramrole" | "ram角色" => IdentityKind::RamRole,
        "federated" | "sso" | "ssoidentity" | "sso身份" | "联合身份" | "sso联合身份" => {
            IdentityKind::Federated
        }
        "rootuser" | "root" => IdentityKind::Root,
        _ => IdentityKind::Other,
    }
}

fn identity(
    kind_raw: Option<String>,
    display_name: Option<String>,
    account_id: Option<String>,
) -> Option<Identity> {
    if kind_raw.is_none() && display_name.is_none() && account_id.is_none() {
        return None;
    }
    let kind = kind_raw
        .as_deref()
        .map_or(IdentityKind::Other, identity_kind);
    let (role_name, session_name) = match (kind, display_name.as_deref()) {
        (IdentityKind::RamRole, Some(name)) => match name.split_once(':') {
            Some((role, session)) => (Some(role.to_owned()), Some(session.to_owned())),
            None => (Some(name.to_owned()), None),
        },
        _ => (None, None),
    };
    Some(Identity {
        kind,
        kind_raw: kind_raw.unwrap_or_default(),
        display_name,
        account_id,
        role_name,
        session_name,
    })
}
