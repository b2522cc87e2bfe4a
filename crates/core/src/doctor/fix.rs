//! For an implicit deny: the smallest statement that grants exactly the denied action on the
//! denied resource, linted, and simulated to show that it allows the request and neither
//! another action nor another resource; with the aliyun CLI and Terraform to attach it.

use serde::Serialize;

use crate::catalogue::{self, ResourceScope};
use crate::finding::{Finding, Lang, Severity};
use crate::lint::{lint, KindChoice, LintOptions};
use crate::simulate::{self, ContextEntry, Outcome, PolicySource, Request};
use crate::tr;

use super::model::{Facts, IdentityKind, PolicyKind};

/// Where the statement belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// A custom policy attached to the RAM user or role that was denied.
    Identity,
    /// The session policy passed with AssumeRole (the role's own policies must allow it too).
    SessionPolicy,
    /// The resource directory's control policy (its management account changes it).
    ControlPolicy,
}

/// One simulated request and what the proposal must answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What the check shows, in plain words.
    pub about: String,
    /// Whether the proposed statement is among the policies evaluated.
    pub with_statement: bool,
    pub action: String,
    pub resource: String,
    pub expected: Outcome,
    /// `None` when the simulator could not evaluate the request (see `note`).
    pub decision: Option<Outcome>,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A resource type of the action's service, to narrow a `*` the error left open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceHint {
    pub name: String,
    pub arn: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub target: Target,
    /// The policy document holding the one statement, formatted.
    pub policy: String,
    /// The name the snippets create it under.
    pub policy_name: String,
    /// False when the error did not name the resource and the statement says `*`.
    pub resource_known: bool,
    /// True when the error did not name the resource and the statement names the bucket
    /// OSS's `HostId` gives, at the level (bucket or object) the catalogue gives the action.
    pub resource_from_host: bool,
    /// The action's access level in the catalogue, when it is catalogued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_level: Option<&'static str>,
    /// The service's resource types, when the resource was not named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resource_types: Vec<ResourceHint>,
    /// What the linter says about the document.
    pub findings: Vec<Finding>,
    pub checks: Vec<Check>,
    /// No lint error and every check as expected.
    pub proven: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aliyun_cli: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terraform: Option<String>,
}

/// The proposal for an implicit deny, or `None` when the facts leave no statement to write
/// (no action, a wildcard action, a trust policy, an explicit deny).
pub fn propose(facts: &Facts, lang: Lang) -> Option<Fix> {
    let action = facts.asked.action.as_deref()?.trim();
    let (service, name) = action.split_once(':')?;
    let valid_part = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    };
    if !valid_part(service) || !valid_part(name) {
        return None;
    }
    let target = match facts.policy_type.as_ref().map(|p| p.kind) {
        Some(PolicyKind::TrustPolicy) => return None,
        Some(PolicyKind::SessionPolicy) => Target::SessionPolicy,
        Some(PolicyKind::ControlPolicy) => Target::ControlPolicy,
        _ => Target::Identity,
    };
    let resource = facts
        .asked
        .resource
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let resource_known = resource.is_some();
    let inferred = if resource_known {
        None
    } else {
        oss_resource_from_host(facts, service, name)
    };
    let resource_from_host = inferred.is_some();
    let resource = resource
        .map(str::to_owned)
        .or(inferred)
        .unwrap_or_else(|| "*".to_owned());
    let policy = document(action, &resource);
    let report = lint(
        &policy,
        &LintOptions {
            kind: KindChoice::Permission,
            lang,
            ..LintOptions::default()
        },
    );
    let lint_errors = report.has_errors();
    let service_ref = catalogue::service(service);
    let access_level = service_ref
        .and_then(|s| s.action(name))
        .map(|a| a.level.as_str());
    let resource_types = if resource_known || resource_from_host {
        Vec::new()
    } else {
        service_ref
            .map(|s| {
                s.resource_types()
                    .map(|r| ResourceHint {
                        name: r.name.to_owned(),
                        arn: r.arn.to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let checks = checks(facts, action, service, name, &resource, &policy, lang);
    let proven = !lint_errors && checks.iter().all(|c| c.ok);
    let policy_name = policy_name(service, name);
    let (aliyun_cli, terraform) = match target {
        Target::Identity => snippets(facts, action, &resource, &policy, &policy_name, lang),
        Target::SessionPolicy | Target::ControlPolicy => (None, None),
    };
    Some(Fix {
        target,
        policy,
        policy_name,
        resource_known,
        resource_from_host,
        access_level,
        resource_types,
        findings: report.findings,
        checks,
        proven,
        aliyun_cli,
        terraform,
    })
}

/// OSS errors carry no AuthResource, but their `HostId` is `<bucket>.oss-<region>.aliyuncs.com`;
/// with the level the catalogue gives the action (bucket or object), that names the bucket's
/// ARN or all of its objects. `None` for anything else.
fn oss_resource_from_host(facts: &Facts, service: &str, name: &str) -> Option<String> {
    if !service.eq_ignore_ascii_case("oss") {
        return None;
    }
    let host = facts.error.host_id.as_deref()?.trim();
    let (bucket, rest) = host.split_once('.')?;
    let valid_bucket = (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid_bucket || !rest.starts_with("oss-") || !rest.ends_with(".aliyuncs.com") {
        return None;
    }
    match catalogue::service("oss")?.action(name)?.scope {
        ResourceScope::Bucket => Some(format!("acs:oss:*:*:{bucket}")),
        ResourceScope::Object => Some(format!("acs:oss:*:*:{bucket}/*")),
        ResourceScope::Service | ResourceScope::Unspecified => None,
    }
}

/// The one-statement policy, formatted as the checker formats policies.
pub fn document(action: &str, resource: &str) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    format!(
        "{{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {{\n      \"Effect\": \"Allow\",\n      \"Action\": {},\n      \"Resource\": {}\n    }}\n  ]\n}}\n",
        quote(action),
        quote(resource)
    )
}

/// `ramplan-doctor-oss-GetObject`: letters, digits and `-`, at most 128 characters, as
/// CreatePolicy requires.
fn policy_name(service: &str, name: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect()
    };
    let mut out = format!("ramplan-doctor-{}-{}", clean(service), clean(name));
    out.truncate(crate::limits::POLICY_NAME_MAX);
    out
}

/// Another action of the same service, to show the statement grants no more than the one:
/// the first catalogued action with another name, or a made-up name when none is known.
fn other_action(service: &str, name: &str) -> String {
    catalogue::service(service)
        .and_then(|s| {
            s.actions()
                .iter()
                .find(|a| !a.name.eq_ignore_ascii_case(name))
                .map(|a| format!("{service}:{}", a.name))
        })
        .unwrap_or_else(|| format!("{service}:{name}Other"))
}

fn checks(
    facts: &Facts,
    action: &str,
    service: &str,
    name: &str,
    resource: &str,
    policy: &str,
    lang: Lang,
) -> Vec<Check> {
    let context: Vec<ContextEntry> = facts
        .asked
        .conditions
        .iter()
        .flat_map(|c| {
            c.values.iter().map(|v| ContextEntry {
                key: c.key.clone(),
                value: v.clone(),
            })
        })
        .collect();
    let mut out = vec![
        run(
            tr!(
                lang,
                "without the statement, the request is denied (as it was)",
                "没有这条语句时，请求被拒绝（与报错一致）"
            ),
            None,
            action,
            resource,
            &context,
            Outcome::ImplicitDeny,
            lang,
        ),
        run(
            tr!(
                lang,
                "with the statement, the request is allowed",
                "加上这条语句后，请求被允许"
            ),
            Some(policy),
            action,
            resource,
            &context,
            Outcome::Allow,
            lang,
        ),
        run(
            tr!(
                lang,
                "another action of the service stays denied",
                "同一服务的其他操作仍被拒绝"
            ),
            Some(policy),
            &other_action(service, name),
            resource,
            &context,
            Outcome::ImplicitDeny,
            lang,
        ),
    ];
    if resource != "*" && !resource.ends_with('*') {
        out.push(run(
            tr!(
                lang,
                "the action on another resource stays denied",
                "对其他资源执行该操作仍被拒绝"
            ),
            Some(policy),
            action,
            &format!("{resource}-other"),
            &context,
            Outcome::ImplicitDeny,
            lang,
        ));
    }
    out
}

fn run(
    about: String,
    policy: Option<&str>,
    action: &str,
    resource: &str,
    context: &[ContextEntry],
    expected: Outcome,
    lang: Lang,
) -> Check {
    let policies: Vec<PolicySource> = policy
        .map(|p| PolicySource::new("proposed", p))
        .into_iter()
        .collect();
    let mut request = Request::new(action, resource);
    request.context = context.to_vec();
    let mut result = simulate::simulate(&policies, &request, lang);
    let mut note = None;
    if result.is_err() && !context.is_empty() {
        // A masked or unreadable condition value: the statement has no condition, so the
        // request is evaluated without it, and the check says so.
        note = Some(tr!(
            lang,
            "evaluated without the request's condition values, which the simulator cannot read",
            "模拟器无法读取请求中的条件值，已在不带条件值的情况下评估"
        ));
        request.context.clear();
        result = simulate::simulate(&policies, &request, lang);
    }
    let (decision, note) = match result {
        Ok(d) => (Some(d.decision), note),
        Err(e) => (None, Some(e.message)),
    };
    Check {
        about,
        with_statement: policy.is_some(),
        action: action.to_owned(),
        resource: resource.to_owned(),
        expected,
        decision,
        ok: decision == Some(expected),
        note,
    }
}

/// The aliyun CLI commands and the Terraform that create the policy and attach it to the
/// identity (RAM API CreatePolicy, AttachPolicyToUser, AttachPolicyToRole; the alicloud
/// provider's `alicloud_ram_policy`, `alicloud_ram_user_policy_attachment`,
/// `alicloud_ram_role_policy_attachment`). The error names a RAM user by its ID, not its
/// name, so the user's name is a variable the person fills in. Sources: AttachPolicyToUser
/// (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-attachpolicytouser:
/// `PolicyType`, `PolicyName`, `UserName`), AttachPolicyToRole (ram-facts S29), and the
/// provider's alicloud_ram_user_policy_attachment page
/// (https://help.aliyun.com/zh/terraform/alicloud-ram-user-policy-attachment: `policy_name`,
/// `policy_type = alicloud_ram_policy.<name>.type`, `user_name`).
fn snippets(
    facts: &Facts,
    action: &str,
    resource: &str,
    policy: &str,
    policy_name: &str,
    lang: Lang,
) -> (Option<String>, Option<String>) {
    let Some(identity) = &facts.identity else {
        return (None, None);
    };
    let compact = compact(action, resource);
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    match identity.kind {
        IdentityKind::RamUser => {
            let id = identity.display_name.clone().unwrap_or_default();
            let cli = format!(
                "{}\n: \"${{USER_NAME:?{}}}\"\naliyun ram CreatePolicy --PolicyName {} --PolicyDocument {}\naliyun ram AttachPolicyToUser --PolicyType Custom --PolicyName {} --UserName \"$USER_NAME\"\n",
                tr!(lang, format!("# The error names the RAM user by its ID (`{id}`): run `export USER_NAME=<its logon name>` (the RAM console's Users page shows it) first."), format!("# 报错中以 ID（`{id}`）标识 RAM 用户：请先运行 `export USER_NAME=<其登录名称>`（RAM 控制台“用户”页面显示该名称）。")),
                tr!(lang, "set USER_NAME to the RAM user's logon name", "请将 USER_NAME 设为该 RAM 用户的登录名称"),
                quote(policy_name),
                quote(&compact),
                quote(policy_name),
            );
            let tf = terraform(
                policy,
                policy_name,
                "alicloud_ram_user_policy_attachment",
                "user_name",
                "var.user_name",
                Some(tr!(
                    lang,
                    format!("The name of the RAM user whose ID is {id}"),
                    format!("ID 为 {id} 的 RAM 用户的名称")
                )),
            );
            (Some(cli), Some(tf))
        }
        IdentityKind::RamRole => {
            let Some(role) = identity.role_name.as_deref() else {
                return (None, None);
            };
            let cli = format!(
                "aliyun ram CreatePolicy --PolicyName {} --PolicyDocument {}\naliyun ram AttachPolicyToRole --PolicyType Custom --PolicyName {} --RoleName {}\n",
                quote(policy_name),
                quote(&compact),
                quote(policy_name),
                quote(role),
            );
            let role_json = serde_json::to_string(role).unwrap_or_default();
            let tf = terraform(
                policy,
                policy_name,
                "alicloud_ram_role_policy_attachment",
                "role_name",
                &role_json,
                None,
            );
            (Some(cli), Some(tf))
        }
        IdentityKind::Federated | IdentityKind::Root | IdentityKind::Other => (None, None),
    }
}

/// The document on one line, its keys in the order written (for a shell argument).
fn compact(action: &str, resource: &str) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    format!(
        "{{\"Version\":\"1\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":{},\"Resource\":{}}}]}}",
        quote(action),
        quote(resource)
    )
}

fn terraform(
    policy: &str,
    policy_name: &str,
    attachment: &str,
    attribute: &str,
    value: &str,
    variable: Option<String>,
) -> String {
    // In a heredoc, `${` and `%{` start a template; `$${` and `%%{` write them literally.
    let body = policy.replace("${", "$${").replace("%{", "%%{");
    let name = serde_json::to_string(policy_name).unwrap_or_default();
    let mut out = format!(
        "resource \"alicloud_ram_policy\" \"doctor\" {{\n  policy_name     = {name}\n  policy_document = <<EOT\n{body}EOT\n}}\n\nresource \"{attachment}\" \"doctor\" {{\n  policy_name = alicloud_ram_policy.doctor.policy_name\n  policy_type = alicloud_ram_policy.doctor.type\n  {attribute:<11} = {value}\n}}\n"
    );
    if let Some(description) = variable {
        let description = serde_json::to_string(&description).unwrap_or_default();
        out.push_str(&format!(
            "\nvariable \"{attribute}\" {{\n  type        = string\n  description = {description}\n}}\n"
        ));
    }
    out
}

/// How many of the findings are errors (what refuses the proposal).
pub fn error_count(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}
