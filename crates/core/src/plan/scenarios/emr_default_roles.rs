//! Seed 003: the default RAM roles an account assigns to E-MapReduce before its first cluster.
//!
//! Nothing is written by hand here: the console creates each role and attaches its system
//! policy when the account agrees to the authorization. The plan works out which roles this
//! account needs (the ECS application role depends on the cluster version; two roles depend
//! on optional features), publishes them as `required-roles.json`, and walks through the
//! console clicks and the check in the RAM console.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

use crate::finding::Severity;
use crate::plan::emr_version::{generation, EmrVersion, Generation};
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs};
use crate::plan::{Account, ArtifactKind, Builder, Json, Step};

use super::ScenarioSpec;
use crate::tr;

const SOURCE: &str = "https://www.alibabacloud.com/help/en/emr/emr-on-ecs/user-guide/assign-roles";

static FIELDS: &[FieldSpec] = &[
    FieldSpec {
        name: "emr_version",
        label_en: "EMR version",
        label_zh: "EMR 版本",
        help_en: "The version of the clusters you will create, such as `V5.16.0` or `EMR-3.38.3`. It decides which ECS application role the account needs.",
        help_zh: "将要创建的集群的版本，例如 `V5.16.0` 或 `EMR-3.38.3`。版本决定账号需要哪个 ECS 应用角色。",
        kind: FieldKind::EmrVersion,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "auto_scaling_cost_analysis",
        label_en: "Auto scaling cost analysis",
        label_zh: "弹性伸缩成本分析",
        help_en: "Whether you will use the cost analysis of auto scaling, which needs a role that can read your bill details.",
        help_zh: "是否会使用弹性伸缩的成本分析功能；该功能需要一个能查看账单明细的角色。",
        kind: FieldKind::Bool,
        required: false,
        default: Some(Default::Bool(false)),
    },
    FieldSpec {
        name: "emr_studio",
        label_en: "EMR Studio",
        label_zh: "EMR Studio",
        help_en: "Whether you will create EMR Studio clusters, which need a role of their own. Only the Alibaba Cloud account itself can assign it.",
        help_zh: "是否会创建 EMR Studio 集群；这类集群需要单独的角色，且只能由阿里云账号本身授权。",
        kind: FieldKind::Bool,
        required: false,
        default: Some(Default::Bool(false)),
    },
];

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "emr-default-roles",
    title_en: "Default RAM roles for E-MapReduce",
    title_zh: "为 E-MapReduce 授权默认 RAM 角色",
    summary_en: "Before the first E-MapReduce cluster, the Alibaba Cloud account (or a RAM user with the needed permissions) authorizes the RAM roles EMR uses to reach ECS and other services; the roles needed depend on the cluster version and the features you use.",
    summary_zh: "在创建第一个 E-MapReduce 集群之前，由阿里云账号（或拥有相应权限的 RAM 用户）授权 EMR 访问 ECS 等云服务所用的 RAM 角色；所需角色取决于集群版本和所用功能。",
    source: SOURCE,
    fields: FIELDS,
    build,
};

const SERVICE_ROLE: &str = "AliyunEMRDefaultRole";
const SERVICE_POLICY: &str = "AliyunEMRRolePolicy";
/// ECS application role of clusters later than V3.32.0 / V4.5.0, and of V5.x.
const ECS_ROLE: &str = "AliyunECSInstanceForEMRRole";
const ECS_POLICY: &str = "AliyunECSInstanceForEMRRolePolicy";
/// ECS application role of clusters of V3.32.0 / V4.5.0 and earlier.
const OLD_ECS_ROLE: &str = "AliyunEmrEcsDefaultRole";
const OLD_ECS_POLICY: &str = "AliyunEMRECSRolePolicy";
const COST_ROLE: &str = "AliyunEMRManagedCostRole";
const COST_POLICY: &str = "AliyunEMRManagedCostRolePolicy";
const STUDIO_ROLE: &str = "AliyunECSInstanceForEMRStudioRole";
const STUDIO_POLICY: &str = "AliyunECSInstanceForEMRStudioRolePolicy";

/// One role the account needs, with the system policy the console attaches to it.
struct RequiredRole {
    role: &'static str,
    system_policy: &'static str,
    /// Why this account needs it, in the plan's language.
    reason: String,
}

fn build(inputs: &Inputs, b: &mut Builder) {
    let Some(version) = EmrVersion::parse(inputs.text("emr_version")) else {
        return;
    };
    let generation = generation(version);
    if generation == Generation::Unknown {
        let message = tr!(b.lang, format!("the documentation lists default roles for EMR V3.x, V4.x and V5.x or later, not `{version}`"), format!("文档只列出了 EMR V3.x、V4.x 及 V5.x 及以上版本所需的默认角色，不包括 `{version}`"));
        let help = tr!(
            b.lang,
            "enter the version of the clusters you will create, such as `V5.16.0`",
            "请填写将要创建的集群的版本，例如 `V5.16.0`"
        );
        b.finding(
            "PL501",
            Severity::Error,
            Some("emr_version"),
            message,
            Some(help),
        );
    }
    if b.findings.iter().any(|f| f.severity == Severity::Error) {
        return;
    }
    let old = generation == Generation::Old;
    let cost = inputs.bool("auto_scaling_cost_analysis");
    let studio = inputs.bool("emr_studio");
    let roles = required_roles(b, version, old, cost, studio);

    let content = Json::Arr(
        roles
            .iter()
            .map(|r| {
                Json::obj([
                    ("role", Json::str(r.role)),
                    ("system_policy", Json::str(r.system_policy)),
                    ("reason", Json::str(r.reason.as_str())),
                ])
            })
            .collect(),
    );
    b.artifact(
        "required-roles",
        ArtifactKind::RequiredRoles,
        tr!(b.lang, "Roles to assign", "需要授权的角色"),
        "required-roles.json",
        content.pretty(),
    );
    for r in &roles {
        b.console_role(Account::Own, r.role, r.system_policy);
    }

    let message = tr!(b.lang, "assigning these roles is a one-time setup per Alibaba Cloud account: once done, the account and all its RAM users can use EMR without repeating it", "角色授权对每个阿里云账号只需做一次：完成后，该账号及其下所有 RAM 用户都可直接使用 EMR，无需重复授权");
    b.finding("PL502", Severity::Suggestion, None, message, None);
    if old {
        // The plan lists one ECS application role; a later cluster of a newer version
        // would need the other one, and the console would then stop at the dependency check.
        let message = tr!(b.lang, format!("`{version}` uses the older ECS application role `{OLD_ECS_ROLE}`; clusters later than V3.32.0 or V4.5.0, and all V5.x clusters, use `{ECS_ROLE}` instead"), format!("`{version}` 使用较早的 ECS 应用角色 `{OLD_ECS_ROLE}`；晚于 V3.32.0 或 V4.5.0 的集群以及所有 V5.x 集群改用 `{ECS_ROLE}`"));
        let help = tr!(
            b.lang,
            format!(
                "before creating such a cluster in this account, authorize `{ECS_ROLE}` as well"
            ),
            format!("在本账号中创建此类集群之前，请同时授权 `{ECS_ROLE}`")
        );
        b.finding(
            "PL503",
            Severity::Suggestion,
            Some("emr_version"),
            message,
            Some(help),
        );
    }

    // Step: log on.
    let mut step = Step::new(
        Account::Own,
        tr!(b.lang, "Log on to the EMR console", "登录 EMR 控制台"),
        tr!(b.lang, "E-MapReduce console", "E-MapReduce 控制台"),
        tr!(b.lang, "Log on with the Alibaba Cloud account, or with a RAM user of that account that holds the permissions this authorization needs. Do this before the first cluster is created.", "使用阿里云账号登录，或使用该账号下拥有完成此授权所需权限的 RAM 用户登录。请在创建第一个集群之前完成以下操作。"),
    );
    if studio {
        step.caution(tr!(b.lang, format!("only the Alibaba Cloud account itself can assign `{STUDIO_ROLE}`; a RAM user cannot, whatever its permissions"), format!("`{STUDIO_ROLE}` 只能由阿里云账号本身授权；RAM 用户无论拥有何种权限都无法授权")));
    }
    b.push_step(step);

    // Step: authorize each role from the dependency check.
    let list = roles
        .iter()
        .map(|r| {
            tr!(
                b.lang,
                format!("- `{}` (`{}`)", r.role, r.system_policy),
                format!("- `{}`（`{}`）", r.role, r.system_policy)
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut step = Step::new(
        Account::Own,
        tr!(b.lang, "Authorize each role on the Dependency Check page", "在依赖检测页面逐个授权角色"),
        tr!(b.lang, "E-MapReduce console > Dependency Check", "E-MapReduce 控制台 > 依赖检测"),
        tr!(b.lang, format!("For each role below, find its check item and click Authorize Now in the Actions column. The console attaches the system policy shown in parentheses; Alibaba Cloud maintains these policies and updates them when EMR's needs change.\n\n{list}"), format!("对下列每个角色，找到对应的检查项，单击“操作”列中的“立即授权”。控制台会自动为角色添加括号中的系统策略；这些策略由阿里云维护，并随 EMR 的需要自动更新。\n\n{list}")),
    );
    step.caution(tr!(b.lang, "while only some of the roles are assigned, the console shows a notice and refuses to create clusters; authorize every role the page checks", "只授权了部分角色时，控制台会给出提示，且无法创建集群；请授权该页面检查的所有角色"));
    b.push_step(step);

    // Step: agree.
    let step = Step::new(
        Account::Own,
        tr!(b.lang, "Agree to the authorization", "同意授权"),
        tr!(b.lang, "Cloud Resource Access Authorization page", "云资源访问授权页面"),
        tr!(b.lang, "Authorize Now opens this page for the role you picked. Scroll to the bottom and click Agree to Authorization, then return to the Dependency Check page for the next role until none is left.", "单击“立即授权”后会打开所选角色的这个页面。滚动到页面底部，单击“同意授权”，再回到依赖检测页面处理下一个角色，直到全部完成。"),
    );
    b.push_step(step);

    // Step: confirm in the RAM console.
    let names = roles
        .iter()
        .map(|r| format!("`{}`", r.role))
        .collect::<Vec<_>>()
        .join(&tr!(b.lang, ", ", "、"));
    let mut step = Step::new(
        Account::Own,
        tr!(b.lang, "Confirm the roles in the RAM console", "在 RAM 控制台确认角色"),
        tr!(b.lang, "RAM console > Identities > Roles", "RAM 控制台 > 身份管理 > 角色"),
        tr!(b.lang, "Search the role list for each role above. Clicking a role shows the system policy attached to it; more policies can be attached there later if a cluster needs them.", "在角色列表中逐个搜索上述角色。单击角色名称可看到其已添加的系统策略；以后集群如有需要，也可在此为角色添加更多策略。"),
    );
    step.verify(tr!(b.lang, format!("the role list contains {names}"), format!("角色列表中包含 {names}")))
    .caution(tr!(b.lang, "do not delete these roles while clusters rely on them: a cluster fails when the role it uses is gone. Before deleting one, release the clusters and other resources that depend on it", "有集群依赖这些角色时不要删除它们：集群所用的角色被删除后，集群会出现故障。删除角色之前，请先释放依赖它的集群及其他资源"));
    b.push_step(step);

    // Step: day-to-day use.
    let step = Step::new(
        Account::Own,
        tr!(b.lang, "Use RAM users from now on", "日常使用 RAM 用户"),
        tr!(b.lang, "RAM console > Identities > Users", "RAM 控制台 > 身份管理 > 用户"),
        tr!(b.lang, "The account is ready for its first cluster. For everyday work, and above all in a team, manage EMR as RAM users that have been granted EMR permissions, rather than as the Alibaba Cloud account itself (see the RAM guides on creating a RAM user and granting it permissions). To give the cluster's nodes a narrower role of your own instead of the default ECS application role, see the `emr-ecs-role` plan.", "账号现在可以创建第一个集群了。日常工作中，尤其是团队协作时，请使用已获授 EMR 权限的 RAM 用户管理 EMR，而不是直接使用阿里云账号（参见 RAM 文档中创建 RAM 用户和为 RAM 用户授权的说明）。如需为集群节点使用权限更小的自定义角色来代替默认 ECS 应用角色，请参考 `emr-ecs-role` 方案。"),
    );
    b.push_step(step);

    record_unconfirmed(b, old, cost, studio);
}

/// The roles in the order the console's dependency check is worked through: the service
/// role, the ECS application role for the version, then the feature roles.
fn required_roles(
    b: &Builder,
    version: EmrVersion,
    old: bool,
    cost: bool,
    studio: bool,
) -> Vec<RequiredRole> {
    let mut roles = vec![RequiredRole {
        role: SERVICE_ROLE,
        system_policy: SERVICE_POLICY,
        reason: tr!(b.lang, "EMR service role: EMR acts through it to create and manage the cluster's resources in ECS and other services; every cluster needs it and it cannot be replaced", "EMR 服务角色：EMR 通过它在 ECS 等云服务中创建和管理集群资源；所有集群都需要，且不能替换"),
    }];
    roles.push(if old {
        RequiredRole {
            role: OLD_ECS_ROLE,
            system_policy: OLD_ECS_POLICY,
            reason: tr!(b.lang, format!("ECS application role for {version} (V3.32.0 or V4.5.0 and earlier): programs on the cluster's nodes use it to reach other Alibaba Cloud services; a custom role may take its place"), format!("{version} 的 ECS 应用角色（V3.32.0、V4.5.0 及更早版本）：集群节点上的程序通过它访问其他阿里云服务；可改用自定义角色")),
        }
    } else {
        RequiredRole {
            role: ECS_ROLE,
            system_policy: ECS_POLICY,
            reason: tr!(b.lang, format!("ECS application role for {version} (later than V3.32.0 or V4.5.0, or V5.x): programs on the cluster's nodes use it to reach other Alibaba Cloud services; a custom role may take its place"), format!("{version} 的 ECS 应用角色（晚于 V3.32.0 或 V4.5.0，或 V5.x）：集群节点上的程序通过它访问其他阿里云服务；可改用自定义角色")),
        }
    });
    if cost {
        roles.push(RequiredRole {
            role: COST_ROLE,
            system_policy: COST_POLICY,
            reason: tr!(b.lang, "lets EMR read bill details in Billing Management for the auto scaling cost analysis; needed before that feature is used for the first time", "允许 EMR 在账单管理中查看账单明细，供弹性伸缩成本分析使用；首次使用该功能前需要授权"),
        });
    }
    if studio {
        roles.push(RequiredRole {
            role: STUDIO_ROLE,
            system_policy: STUDIO_POLICY,
            reason: tr!(b.lang, "lets EMR Studio reach resources in other Alibaba Cloud services; needed before the first EMR Studio cluster is created, and only the Alibaba Cloud account itself can assign it", "允许 EMR Studio 访问其他阿里云服务中的资源；创建第一个 EMR Studio 集群前需要授权，且只能由阿里云账号本身授权"),
        });
    }
    roles
}

/// What the reference sheet could not settle beyond the seed's own page.
fn record_unconfirmed(b: &mut Builder, old: bool, cost: bool, studio: bool) {
    if old {
        b.unconfirmed(
            tr!(b.lang, format!("System policy of `{OLD_ECS_ROLE}`"), format!("`{OLD_ECS_ROLE}` 的系统策略")),
            tr!(b.lang, format!("`{OLD_ECS_POLICY}`, as the role-assignment page names it; apart from that page only third-party material confirms the name"), format!("按角色授权页面的写法取 `{OLD_ECS_POLICY}`；除该页面外，只有第三方资料印证这一名称")),
            SOURCE,
        );
    }
    if cost {
        b.unconfirmed(
            tr!(b.lang, format!("System policy of `{COST_ROLE}`"), format!("`{COST_ROLE}` 的系统策略")),
            tr!(b.lang, format!("`{COST_POLICY}`, as the role-assignment page names it; ramplan's research could not confirm the name elsewhere"), format!("按角色授权页面的写法取 `{COST_POLICY}`；ramplan 未能从其他资料确认这一名称")),
            SOURCE,
        );
    }
    if studio {
        b.unconfirmed(
            tr!(b.lang, format!("System policy of `{STUDIO_ROLE}`"), format!("`{STUDIO_ROLE}` 的系统策略")),
            tr!(b.lang, format!("`{STUDIO_POLICY}`, as the role-assignment page names it; apart from that page only third-party material confirms the name"), format!("按角色授权页面的写法取 `{STUDIO_POLICY}`；除该页面外，只有第三方资料印证这一名称")),
            SOURCE,
        );
    }
    b.unconfirmed(
        tr!(b.lang, "Permissions a RAM user needs here", "RAM 用户执行此操作所需的权限"),
        tr!(b.lang, "the page lets a RAM user with the required permissions do the authorization but does not list those permissions; if the RAM user is refused, log on with the Alibaba Cloud account instead", "页面允许拥有所需权限的 RAM 用户完成授权，但没有列出具体权限；如果 RAM 用户被拒绝，请改用阿里云账号登录"),
        SOURCE,
    );
    b.unconfirmed(
        tr!(b.lang, "Which ECS application role the console checks", "控制台检查哪个 ECS 应用角色"),
        tr!(b.lang, "the one that matches the cluster version, as the page's role table says; the same page also asks for all roles before the first cluster, so if the Dependency Check page lists the other ECS application role too, authorize it as well", "按页面中角色表的说明，只取与集群版本对应的那个；但同一页面也要求在创建第一个集群前授权全部角色，因此若依赖检测页面同时列出了另一个 ECS 应用角色，也请一并授权"),
        SOURCE,
    );
    b.unconfirmed(
        tr!(b.lang, "Where the RAM console lists the roles", "RAM 控制台在哪里列出角色"),
        tr!(b.lang, "the page says to check the Users page, but RAM lists roles under Identities > Roles, which the plan uses", "页面写的是在“用户”页面确认，但 RAM 控制台的角色位于“身份管理 > 角色”，方案按后者编写"),
        SOURCE,
    );
}

#[cfg(test)]
mod tests {
    use crate::finding::{Lang, Severity};
    use crate::plan::{plan, Plan};

    fn run(input: &str, lang: Lang) -> Plan {
        plan("emr-default-roles", input, lang).unwrap()
    }

    fn roles(plan: &Plan) -> Vec<(String, String)> {
        let artifact = plan.artifact("required-roles").unwrap();
        let value: serde_json::Value = serde_json::from_str(&artifact.content).unwrap();
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["role"].as_str().unwrap().to_owned(),
                    r["system_policy"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    fn pair(role: &str, policy: &str) -> (String, String) {
        (role.to_owned(), policy.to_owned())
    }

    fn codes(plan: &Plan) -> Vec<&'static str> {
        plan.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn the_ecs_application_role_follows_the_version_boundary() {
        let old = [
            pair("AliyunEMRDefaultRole", "AliyunEMRRolePolicy"),
            pair("AliyunEmrEcsDefaultRole", "AliyunEMRECSRolePolicy"),
        ];
        let new = [
            pair("AliyunEMRDefaultRole", "AliyunEMRRolePolicy"),
            pair(
                "AliyunECSInstanceForEMRRole",
                "AliyunECSInstanceForEMRRolePolicy",
            ),
        ];
        for (version, is_old) in [
            ("V3.32.0", true),
            ("V3.31.5", true),
            ("V3.32.1", false),
            ("V3.38.3", false),
            ("V4.5.0", true),
            ("V4.4.0", true),
            ("V4.5.1", false),
            ("V4.10.0", false),
            ("V5.0.0", false),
            ("EMR-5.16.0", false),
        ] {
            let plan = run(&format!(r#"{{"emr_version": "{version}"}}"#), Lang::En);
            assert!(!plan.has_errors(), "{version}: {:#?}", plan.findings);
            let expected = if is_old { &old } else { &new };
            assert_eq!(roles(&plan), expected.to_vec(), "{version}");
            // Only old versions are told about the other ECS application role.
            assert_eq!(codes(&plan).contains(&"PL503"), is_old, "{version}");
        }
    }

    #[test]
    fn a_major_version_the_seed_does_not_cover_is_an_error() {
        for version in ["V2.4.0", "V1.0.0", "2.9.9"] {
            let plan = run(&format!(r#"{{"emr_version": "{version}"}}"#), Lang::En);
            let finding = plan.findings.iter().find(|f| f.code == "PL501").unwrap();
            assert_eq!(finding.severity, Severity::Error);
            assert_eq!(finding.field(), Some("emr_version"));
            assert!(plan.artifacts.is_empty() && plan.steps.is_empty());
        }
    }

    #[test]
    fn the_optional_roles_follow_their_switches() {
        let cost = pair("AliyunEMRManagedCostRole", "AliyunEMRManagedCostRolePolicy");
        let studio = pair(
            "AliyunECSInstanceForEMRStudioRole",
            "AliyunECSInstanceForEMRStudioRolePolicy",
        );
        for (flags, want_cost, want_studio) in [
            ("", false, false),
            (
                r#", "auto_scaling_cost_analysis": false, "emr_studio": false"#,
                false,
                false,
            ),
            (r#", "auto_scaling_cost_analysis": true"#, true, false),
            (r#", "emr_studio": true"#, false, true),
            (
                r#", "auto_scaling_cost_analysis": true, "emr_studio": true"#,
                true,
                true,
            ),
        ] {
            let plan = run(&format!(r#"{{"emr_version": "V5.16.0"{flags}}}"#), Lang::En);
            let listed = roles(&plan);
            assert_eq!(listed.contains(&cost), want_cost, "{flags}");
            assert_eq!(listed.contains(&studio), want_studio, "{flags}");
            assert_eq!(
                listed.len(),
                2 + usize::from(want_cost) + usize::from(want_studio)
            );
            // The Studio role needs the Alibaba Cloud account itself, and says so.
            let warned =
                plan.steps.iter().flat_map(|s| &s.cautions).any(|c| {
                    c.contains("AliyunECSInstanceForEMRStudioRole") && c.contains("RAM user")
                });
            assert_eq!(warned, want_studio, "{flags}");
            let unconfirmed = |name: &str| plan.unconfirmed.iter().any(|u| u.about.contains(name));
            assert_eq!(
                unconfirmed("AliyunEMRManagedCostRole"),
                want_cost,
                "{flags}"
            );
            assert_eq!(
                unconfirmed("AliyunECSInstanceForEMRStudioRole"),
                want_studio,
                "{flags}"
            );
        }
    }

    #[test]
    fn required_roles_json_is_exact() {
        let plan = run(
            r#"{"emr_version": "EMR-5.16.0", "auto_scaling_cost_analysis": true}"#,
            Lang::En,
        );
        let artifact = plan.artifact("required-roles").unwrap();
        assert_eq!(artifact.filename, "required-roles.json");
        assert_eq!(
            artifact.content,
            r#"[
  {
    "role": "AliyunEMRDefaultRole",
    "system_policy": "AliyunEMRRolePolicy",
    "reason": "EMR service role: EMR acts through it to create and manage the cluster's resources in ECS and other services; every cluster needs it and it cannot be replaced"
  },
  {
    "role": "AliyunECSInstanceForEMRRole",
    "system_policy": "AliyunECSInstanceForEMRRolePolicy",
    "reason": "ECS application role for V5.16.0 (later than V3.32.0 or V4.5.0, or V5.x): programs on the cluster's nodes use it to reach other Alibaba Cloud services; a custom role may take its place"
  },
  {
    "role": "AliyunEMRManagedCostRole",
    "system_policy": "AliyunEMRManagedCostRolePolicy",
    "reason": "lets EMR read bill details in Billing Management for the auto scaling cost analysis; needed before that feature is used for the first time"
  }
]
"#
        );
    }

    #[test]
    fn the_plan_has_the_documented_steps_and_findings() {
        let plan = run(
            r#"{"emr_version": "V3.32.0", "emr_studio": true}"#,
            Lang::En,
        );
        assert_eq!(codes(&plan), ["PL502", "PL503"]);
        let one_time = plan.findings.iter().find(|f| f.code == "PL502").unwrap();
        assert_eq!(one_time.severity, Severity::Suggestion);
        assert_eq!(plan.steps.len(), 5);
        assert!(plan
            .steps
            .iter()
            .all(|s| s.account == crate::plan::Account::Own));
        let text: Vec<String> = plan
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{} {} {} {:?}",
                    s.title, s.location, s.instructions, s.cautions
                )
            })
            .collect();
        assert!(text[0].contains("Alibaba Cloud account"));
        assert!(text[1].contains("Dependency Check") && text[1].contains("Authorize Now"));
        assert!(text[1].contains("only some of the roles"));
        assert!(
            text[2].contains("Cloud Resource Access Authorization")
                && text[2].contains("Agree to Authorization")
        );
        assert!(text[3].contains("Identities > Roles") && text[3].contains("release the clusters"));
        assert!(text[4].contains("RAM users"));
        let check = plan.steps[3].verification.as_deref().unwrap();
        for role in [
            "AliyunEMRDefaultRole",
            "AliyunEmrEcsDefaultRole",
            "AliyunECSInstanceForEMRStudioRole",
        ] {
            assert!(check.contains(role), "{check}");
        }
        assert!(!check.contains("AliyunECSInstanceForEMRRole`"));
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.about.contains("AliyunEmrEcsDefaultRole")));
        assert!(plan
            .artifact("runbook")
            .unwrap()
            .content
            .contains("AliyunEMRRolePolicy"));
    }

    #[test]
    fn chinese_output_differs_and_carries_no_english_reasons() {
        let input =
            r#"{"emr_version": "V4.5.0", "auto_scaling_cost_analysis": true, "emr_studio": true}"#;
        let en = run(input, Lang::En);
        let zh = run(input, Lang::Zh);
        let reasons = |plan: &Plan| -> Vec<String> {
            let artifact = plan.artifact("required-roles").unwrap();
            let value: serde_json::Value = serde_json::from_str(&artifact.content).unwrap();
            value
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["reason"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(roles(&en), roles(&zh));
        let zh_json = crate::plan::to_json(&zh);
        assert_ne!(crate::plan::to_json(&en), zh_json);
        for (en_reason, zh_reason) in reasons(&en).iter().zip(reasons(&zh).iter()) {
            assert_ne!(en_reason, zh_reason);
            assert!(!zh_json.contains(en_reason.as_str()), "{en_reason}");
            assert!(zh_reason
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
        for step in &zh.steps {
            assert!(
                step.title
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                step.title
            );
        }
        assert!(zh
            .findings
            .iter()
            .all(|f| !f.message.contains("one-time setup")));
    }

    #[test]
    fn bad_inputs_become_findings_not_panics() {
        for input in [
            r#"{"emr_version": 5.16, "emr_studio": "yes"}"#,
            r#"{"auto_scaling_cost_analysis": true}"#,
            r#"{"emr_version": "five"}"#,
            "[]",
            "{",
        ] {
            let plan = run(input, Lang::Zh);
            assert!(plan.has_errors(), "{input}");
            assert!(plan.artifacts.is_empty(), "{input}");
        }
    }

    #[test]
    fn system_policies_are_listed_as_not_evaluated() {
        let plan = run(r#"{"emr_version": "V5.16.0"}"#, Lang::En);
        assert!(!plan.checks.is_empty());
        assert!(plan
            .checks
            .iter()
            .all(|c| c.result == crate::plan::CheckResult::NotEvaluated));
        assert!(plan.checks[0]
            .explanation
            .contains("does not know its content"));
        // A check the generated plan cannot pass (a role it never creates) is an error.
        let broken = crate::plan::plan_tampered(
            "emr-default-roles",
            r#"{"emr_version": "V5.16.0"}"#,
            Lang::En,
            |b| {
                b.expect(crate::plan::Expectation::assume(
                    "emr.aliyuncs.com".to_owned(),
                    "AliyunEMRDefaultRole",
                    "EMR assumes its service role".to_owned(),
                    "EMR".to_owned(),
                ));
            },
        )
        .unwrap();
        assert!(codes(&broken).contains(&"PL901"));
        let failures = crate::plan::self_check_failures(&broken);
        assert!(
            failures[0].contains("there is no trust policy"),
            "{}",
            failures[0]
        );
        assert!(broken.artifacts.is_empty());
        let _ = Severity::Error;
    }
}
