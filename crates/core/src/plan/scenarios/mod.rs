//! The scenarios, one file each (one per seed document), listed once in `SCENARIOS`.

use crate::finding::Severity;
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs};
use crate::plan::{ArtifactKind, Builder, Expectation, Json};
use crate::tr;

mod dataworks_di;
mod dataworks_emr;
mod dataworks_engine;
mod dataworks_hologres;
mod dataworks_maxcompute;
mod emr_default_roles;
mod emr_ecs_role;

pub struct ScenarioSpec {
    /// Stable id, used by the CLI, the web app's URLs and embeds.
    pub id: &'static str,
    pub title_en: &'static str,
    pub title_zh: &'static str,
    /// Who does what, in plain words.
    pub summary_en: &'static str,
    pub summary_zh: &'static str,
    /// The document the scenario implements.
    pub source: &'static str,
    pub fields: &'static [FieldSpec],
    pub build: fn(&Inputs, &mut Builder),
}

/// Every scenario, in the order the seeds number them.
pub static SCENARIOS: &[&ScenarioSpec] = &[
    &dataworks_emr::SCENARIO,
    &dataworks_maxcompute::SCENARIO,
    &dataworks_hologres::SCENARIO,
    &dataworks_di::SCENARIO,
    &emr_default_roles::SCENARIO,
    &emr_ecs_role::SCENARIO,
];

pub fn scenario(id: &str) -> Option<&'static ScenarioSpec> {
    SCENARIOS.iter().copied().find(|s| s.id == id)
}

// Fields several scenarios share. Names are part of the contract.

pub(crate) const DATAWORKS_ACCOUNT_UID: FieldSpec = FieldSpec {
    name: "dataworks_account_uid",
    label_en: "DataWorks account ID",
    label_zh: "DataWorks 所属账号 ID",
    help_en: "The 16-digit ID of the account that owns the DataWorks workspace (account A). Log on with it and hover over the profile picture in the console's top bar.",
    help_zh: "拥有 DataWorks 工作空间的账号（账号 A）的 16 位 ID。用该账号登录控制台，将鼠标悬停在右上角头像上即可看到。",
    kind: FieldKind::AccountUid,
    required: true,
    default: None,
};

pub(crate) const RESOURCE_ACCOUNT_UID: FieldSpec = FieldSpec {
    name: "resource_account_uid",
    label_en: "Resource account ID",
    label_zh: "资源所属账号 ID",
    help_en: "The 16-digit ID of the account that owns the cluster, project, instance or database (account B), where the RAM role is created.",
    help_zh: "拥有集群、项目、实例或数据库的账号（账号 B）的 16 位 ID，RAM 角色创建在该账号下。",
    kind: FieldKind::AccountUid,
    required: true,
    default: None,
};

pub(crate) const REGION: FieldSpec = FieldSpec {
    name: "region",
    label_en: "Region",
    label_zh: "地域",
    help_en: "The region ID where the resource and the DataWorks workspace are, such as `cn-hangzhou`; the console's top bar shows it.",
    help_zh: "资源与 DataWorks 工作空间所在地域的 ID，例如 `cn-hangzhou`；控制台顶部导航栏会显示。",
    kind: FieldKind::Region,
    required: true,
    default: None,
};

/// A role name field with a scenario's own default.
pub(crate) const fn role_name(default: &'static str) -> FieldSpec {
    FieldSpec {
        name: "role_name",
        label_en: "RAM role name",
        label_zh: "RAM 角色名称",
        help_en: "The name of the RAM role to create: 1-64 letters, digits, `.` or `-`.",
        help_zh: "要创建的 RAM 角色名称：1-64 个字母、数字、`.` 或 `-`。",
        kind: FieldKind::RoleName,
        required: true,
        default: Some(Default::Str(default)),
    }
}

/// The trust policy of a DataWorks scenario, for its self-check: the principal it names and
/// the near misses it must not let in.
pub(crate) struct DataWorksTrust<'a> {
    pub role: &'a str,
    /// The account the principal names (account A, unless the user gave another).
    pub account: &'a str,
    /// The service of the principal: `emr.dataworks.aliyuncs.com`, ...
    pub service: &'a str,
    pub dataworks_uid: &'a str,
    pub resource_uid: &'a str,
    /// Why DataWorks needs to assume the role, in the scenario's words.
    pub why: String,
    /// Who needs the principal (`registering an EMR cluster`), for messages.
    pub needed_by: String,
    /// The DataWorks service of another scenario, most easily confused with `service`.
    pub other_service: &'static str,
    pub other_why: String,
}

/// DataWorks acting for account A gets in; the same account through another DataWorks
/// service, DataWorks acting for another account, and account A's own users and roles
/// (the trust policy the console writes first) do not.
pub(crate) fn expect_dataworks_trust(b: &mut Builder, trust: DataWorksTrust<'_>) {
    let DataWorksTrust {
        role,
        account,
        service,
        dataworks_uid,
        resource_uid,
        why,
        needed_by,
        other_service,
        other_why,
    } = trust;
    b.expect(Expectation::assume(
        format!("{account}@{service}"),
        role,
        why,
        needed_by,
    ));
    b.expect(Expectation::no_assume(
        format!("{account}@{other_service}"),
        role,
        other_why,
        Severity::Warning,
    ));
    if resource_uid != account {
        let why = tr!(b.lang, format!("the role trusts DataWorks acting for `{account}` only, not DataWorks acting for another account such as the resource account `{resource_uid}`"), format!("该角色只信任代表 `{account}` 的 DataWorks，而不信任代表其他账号（例如资源账号 `{resource_uid}`）的 DataWorks"));
        b.expect(Expectation::no_assume(
            format!("{resource_uid}@{service}"),
            role,
            why,
            Severity::Security,
        ));
    }
    let why = tr!(b.lang, format!("the role trusts DataWorks acting for `{account}`, not every RAM user and role of account `{dataworks_uid}`, which the trust policy the console writes first allows"), format!("该角色信任的是代表 `{account}` 的 DataWorks，而不是账号 `{dataworks_uid}` 下的所有 RAM 用户和角色（控制台最初写入的信任策略会允许它们）"));
    b.expect(Expectation::no_assume(
        format!("acs:ram::{dataworks_uid}:root"),
        role,
        why,
        Severity::Security,
    ));
}

/// A trust policy that lets one service principal assume the role, with its elements in the
/// order the seeds print them: Statement (Action, Effect, Principal), then Version.
pub(crate) fn service_trust_policy(principal: &str) -> String {
    Json::obj([
        (
            "Statement",
            Json::Arr(vec![Json::obj([
                ("Action", Json::str("sts:AssumeRole")),
                ("Effect", Json::str("Allow")),
                (
                    "Principal",
                    Json::obj([("Service", Json::strs([principal]))]),
                ),
            ])]),
        ),
        ("Version", Json::str("1")),
    ])
    .pretty()
}

/// Adds a role's trust policy as the plan's `trust-policy` artifact.
pub(crate) fn trust_policy_artifact(b: &mut Builder, role: &str, policy: String) {
    b.artifact(
        "trust-policy",
        ArtifactKind::TrustPolicy,
        tr!(
            b.lang,
            format!("Trust policy of `{role}`"),
            format!("`{role}` 的信任策略")
        ),
        "trust-policy.json",
        policy,
    );
}

/// Adds the system policies a role needs as the plan's `system-policies` artifact.
pub(crate) fn system_policies_artifact<'a>(
    b: &mut Builder,
    role: &str,
    policies: impl IntoIterator<Item = &'a str>,
) {
    b.artifact(
        "system-policies",
        ArtifactKind::SystemPolicies,
        tr!(
            b.lang,
            format!("System policies to attach to `{role}`"),
            format!("需为 `{role}` 授权的系统策略")
        ),
        "system-policies.json",
        Json::strs(policies).pretty(),
    );
}

/// What the scenarios' own tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::finding::Lang;
    use crate::plan::{plan, Plan};

    /// `base` with `extra` fields set (replaced or added), as input text.
    pub fn input(mut base: serde_json::Value, extra: &[(&str, serde_json::Value)]) -> String {
        for (key, value) in extra {
            base[*key] = value.clone();
        }
        base.to_string()
    }

    /// The English plan of scenario `id` for `base` with `extra`.
    pub fn run(id: &str, base: serde_json::Value, extra: &[(&str, serde_json::Value)]) -> Plan {
        plan(id, &input(base, extra), Lang::En).unwrap()
    }
}
