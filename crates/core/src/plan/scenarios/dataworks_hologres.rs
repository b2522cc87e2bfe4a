//! Seed 001, Hologres half: account B lets the DataWorks workspace of account A connect to a
//! Hologres instance through a RAM role. The plan writes the role's trust policy and the
//! custom policy of the guide, then has account B make the role a database user in HoloWeb.
//!
//! The RAM role, its trust policy and the DataWorks steps are shared with
//! `dataworks_maxcompute`.
//!
//! Finding codes (stable, never reused):
//! - PL301 error: `hologres_instance_id` holds a character an instance ID cannot hold.
//! - PL302 warning: `hologres_instance_id` does not look like a Hologres instance ID.
//! - PL303 warning: the DataWorks account and the resource account are the same account.
//! - PL304 suggestion: cross-account data sources cannot be used for data development or
//!   scheduling (the seed's documented limitation).
//! - PL305 suggestion: the custom policy only lets the role find the instance; data access
//!   comes from the HoloWeb user and its database permissions.

use crate::finding::Severity;
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs};
use crate::plan::{Account, ArtifactKind, Builder, Json, Step};
use crate::rules::clip;

use super::dataworks_maxcompute::{
    code_text, create_role_step, data_source_steps, edit_trust_step, limitation_suggestion,
    same_account_warning, trust_policy_artifact, trust_unconfirmed, unsafe_character, Engine,
    SOURCE,
};
use super::ScenarioSpec;

/// Hologres RAM authorization (RAM code `hologram`, ram-facts S56).
const HOLOGRAM_RAM: &str =
    "https://help.aliyun.com/en/hologres/developer-reference/api-hologram-2022-06-01-ram";
/// Hologres RAM-role authorization mode (S57).
const ROLE_MODE: &str =
    "https://www.alibabacloud.com/help/en/hologres/security-and-compliance/ram-authorization-mode";

/// The custom policy's actions, exactly as the guide lists them.
const ACTIONS: &[&str] = &[
    "hologram:GetInstance",
    "hologram:DescribeInstance",
    "hologram:ListDatabases",
    "hologram:ListWarehouses",
    "hologram:ListInstances",
];

/// Longer than any instance ID seen; only a guard against pasted junk.
const INSTANCE_ID_MAX: usize = 64;

static FIELDS: &[FieldSpec] = &[
    super::DATAWORKS_ACCOUNT_UID,
    super::RESOURCE_ACCOUNT_UID,
    super::role_name("DataWorksHologresRole"),
    super::REGION,
    FieldSpec {
        name: "hologres_instance_id",
        label_en: "Hologres instance ID",
        label_zh: "Hologres 实例 ID",
        help_en: "The ID of the Hologres instance in account B, as the Hologres console lists it (such as `hgprecn-cn-...`).",
        help_zh: "账号 B 中 Hologres 实例的 ID，即 Hologres 控制台中显示的 ID（例如 `hgprecn-cn-...`）。",
        kind: FieldKind::Text,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "policy_name",
        label_en: "Policy name",
        label_zh: "权限策略名称",
        help_en: "The name of the custom policy that lets the role find the instance: 1-128 letters, digits or `-`.",
        help_zh: "允许角色查看实例的自定义权限策略名称：1-128 个字母、数字或 `-`。",
        kind: FieldKind::PolicyName,
        required: true,
        default: Some(Default::Str("DataWorksHologresAccess")),
    },
];

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "dataworks-hologres",
    title_en: "DataWorks data source for a Hologres instance in another account",
    title_zh: "在 DataWorks 中添加其他账号的 Hologres 数据源",
    summary_en: "Account B creates a RAM role that account A's DataWorks may assume, lets it find the Hologres instance and adds it as a database user in HoloWeb; account A then adds the instance as a data source.",
    summary_zh: "账号 B 创建一个可由账号 A 的 DataWorks 扮演的 RAM 角色，允许其查看 Hologres 实例，并在 HoloWeb 中将其添加为数据库用户；随后账号 A 将该实例添加为数据源。",
    source: SOURCE,
    fields: FIELDS,
    build,
};

fn build(inputs: &Inputs, b: &mut Builder) {
    let dataworks_uid = inputs.text("dataworks_account_uid");
    let resource_uid = inputs.text("resource_account_uid");
    let role = inputs.text("role_name");
    let region = inputs.text("region");
    let policy_name = inputs.text("policy_name");
    same_account_warning(b, "PL303", dataworks_uid, resource_uid);
    let instance = inputs
        .str("hologres_instance_id")
        .and_then(|id| checked_instance_id(b, id));

    let errors = b.findings.iter().any(|f| f.severity == Severity::Error);
    let Some(instance) = instance else {
        return;
    };
    if errors
        || role.is_empty()
        || policy_name.is_empty()
        || dataworks_uid.is_empty()
        || resource_uid.is_empty()
    {
        return;
    }

    trust_policy_artifact(b, role, dataworks_uid);
    b.artifact(
        "permission-policy",
        ArtifactKind::PermissionPolicy,
        b.t(
            format!("Custom policy `{policy_name}`"),
            format!("自定义权限策略 `{policy_name}`"),
        ),
        "permission-policy.json",
        permission_policy(),
    );

    limitation_suggestion(b, "PL304", Engine::Hologres);
    let message = b.t(
        "the custom policy only lets the role see and list Hologres instances; what it may read comes from its database user in HoloWeb".to_owned(),
        "自定义权限策略只允许角色查看和列举 Hologres 实例；它能读取哪些数据取决于其在 HoloWeb 中的数据库用户权限".to_owned(),
    );
    b.finding("PL305", Severity::Suggestion, None, message, None);

    create_role_step(b, role, dataworks_uid);
    edit_trust_step(b, role, dataworks_uid);

    let mut step = Step::new(
        Account::Resource,
        b.t("Create the custom policy", "创建自定义权限策略"),
        b.t(
            "RAM console > Permissions > Policies > Create Policy > JSON",
            "RAM 控制台 > 权限管理 > 权限策略 > 创建权限策略 > 脚本编辑",
        ),
        b.t(
            "Still logged on with account B, open the JSON tab, replace the editor's content with the policy below, click OK, enter the name and click OK again. The policy lets the role look up Hologres instances, databases and warehouses; it grants no data access.",
            "仍使用账号 B，在“脚本编辑”页签中用下方策略替换编辑器内容，单击“确定”，填写名称后再次单击“确定”。该策略允许角色查看 Hologres 实例、数据库和计算组，不授予任何数据访问权限。",
        ),
    );
    step.param(b.t("Name", "名称"), policy_name)
        .paste("permission-policy");
    b.push_step(step);

    let mut step = Step::new(
        Account::Resource,
        b.t("Attach the policy to the role", "为角色授权"),
        b.t(
            format!("RAM console > Identities > Roles > {role} > Permissions > Grant Permission"),
            format!("RAM 控制台 > 身份管理 > 角色 > {role} > 权限管理 > 新增授权"),
        ),
        b.t(
            format!("Open role `{role}`, click Grant Permission, choose Custom Policy, select `{policy_name}` and confirm."),
            format!("打开角色 `{role}`，单击“新增授权”，选择“自定义策略”，选中 `{policy_name}` 并确认。"),
        ),
    );
    step.param(
        b.t("Policy type", "权限策略类型"),
        b.t("Custom Policy", "自定义策略"),
    )
    .param(b.t("Policy", "权限策略"), policy_name)
    .verify(b.t(
        format!("the role's permissions list `{policy_name}`"),
        format!("角色的权限列表中包含 `{policy_name}`"),
    ));
    b.push_step(step);

    let mut step = Step::new(
        Account::Resource,
        b.t("Add the role as a database user", "将角色添加为数据库用户"),
        b.t(
            format!("Hologres console > Instances > {instance} > HoloWeb > Security Center > User Management"),
            format!("Hologres 管理控制台 > 实例列表 > {instance} > HoloWeb > 安全中心 > 用户管理"),
        ),
        b.t(
            format!("Log on to the Hologres console with account B and open HoloWeb for instance `{instance}`. In Security Center, open User Management, add a user, choose the RAM role `{role}` of account B and pick its user type. A regular user gets only the database permissions you grant in the next step; a superuser gets everything in the instance."),
            format!("使用账号 B 登录 Hologres 管理控制台，打开实例 `{instance}` 的 HoloWeb。在“安全中心”中打开“用户管理”，新增用户，选择账号 B 的 RAM 角色 `{role}` 并选择用户类型。普通用户只拥有下一步授予的数据库权限；超级用户拥有实例内的全部权限。"),
        ),
    );
    step.param(b.t("Instance", "实例"), instance.as_str())
        .param(b.t("RAM role", "RAM 角色"), role)
        .param(
            b.t("User type", "用户类型"),
            b.t(
                "Regular user (recommended) or superuser",
                "普通用户（推荐）或超级用户",
            ),
        )
        .verify(b.t(
            format!("User Management lists the RAM role `{role}`"),
            format!("“用户管理”中列出了 RAM 角色 `{role}`"),
        ))
        .caution(b.t(
            "choose superuser only if account A truly needs every database of the instance",
            "只有当账号 A 确实需要访问实例中的所有数据库时才选择超级用户",
        ));
    b.push_step(step);

    let mut step = Step::new(
        Account::Resource,
        b.t("Grant database permissions to a regular user", "为普通用户授予数据库权限"),
        b.t(
            format!("Hologres console > Instances > {instance} > HoloWeb > Security Center > Database Authorization"),
            format!("Hologres 管理控制台 > 实例列表 > {instance} > HoloWeb > 安全中心 > 数据库授权"),
        ),
        b.t(
            format!("Skip this step if you added `{role}` as a superuser. Otherwise open Database Authorization, choose the database account A will use and grant the role the permissions that use needs, such as read access to the tables Data Integration will read."),
            format!("如果已将 `{role}` 添加为超级用户，请跳过此步。否则打开“数据库授权”，选择账号 A 要使用的数据库，并按其用途为该角色授权，例如对数据集成要读取的表授予读权限。"),
        ),
    );
    step.param(b.t("Instance", "实例"), instance.as_str())
        .param(b.t("User", "用户"), role)
        .verify(b.t(
            format!("Database Authorization shows the granted permissions for `{role}` on the chosen database"),
            format!("“数据库授权”中显示了 `{role}` 在所选数据库上的权限"),
        ));
    b.push_step(step);

    data_source_steps(b, Engine::Hologres, region, resource_uid, &instance, role);

    trust_unconfirmed(b);
    b.unconfirmed(
        b.t("Two actions of the custom policy", "自定义策略中的两个操作"),
        b.t(
            "the policy keeps the guide's five actions; `hologram:DescribeInstance` and `hologram:ListDatabases` are not confirmed by the Hologres authorization reference, which names `GetInstance`, `ListInstances` and `ListWarehouses` as operations",
            "策略保留了指南中的五个操作；其中 `hologram:DescribeInstance` 和 `hologram:ListDatabases` 未经 Hologres 授权信息文档确认，该文档中列出的操作为 `GetInstance`、`ListInstances` 和 `ListWarehouses`",
        ),
        HOLOGRAM_RAM,
    );
    b.unconfirmed(
        b.t("Database user name of a RAM role", "RAM 角色对应的数据库用户名"),
        b.t(
            "a RAM role becomes a Hologres user of its own, but the exact user name Hologres gives a role is not documented in the sources (RAM users are `p4_<UID>`). The plan therefore has you pick the role in HoloWeb instead of writing a CREATE USER statement",
            "RAM 角色会作为独立的 Hologres 用户存在，但资料中没有说明 Hologres 为角色使用的确切用户名（RAM 用户为 `p4_<UID>`）。因此本计划让您在 HoloWeb 中选择该角色，而不是编写 CREATE USER 语句",
        ),
        ROLE_MODE,
    );
    b.unconfirmed(
        b.t("Database permissions the data source needs", "数据源所需的数据库权限"),
        b.t(
            "the guide only says to grant a regular user database permissions; which ones depends on what account A will do, so the plan names none",
            "指南只说明需要为普通用户授予数据库权限；具体授予哪些取决于账号 A 的用途，因此本计划不指定",
        ),
        SOURCE,
    );
}

/// The guide's custom policy, with `Resource: *` as written there.
fn permission_policy() -> String {
    Json::obj([
        ("Version", Json::str("1")),
        (
            "Statement",
            Json::Arr(vec![Json::obj([
                ("Effect", Json::str("Allow")),
                ("Action", Json::strs(ACTIONS.iter().copied())),
                ("Resource", Json::str("*")),
            ])]),
        ),
    ])
    .pretty()
}

/// Instance IDs are checked loosely: any shape passes with at most a warning, but a
/// character that has no place in an ID is refused, because the ID is shown in paths and
/// pasted into forms.
fn checked_instance_id(b: &mut Builder, id: &str) -> Option<String> {
    const FIELD: &str = "hologres_instance_id";
    let shown = code_text(&clip(id));
    let problem = if let Some(c) = id
        .chars()
        .find(|&c| matches!(c, '`' | '\'' | '"' | ';') || c.is_whitespace())
    {
        let (en, zh) = unsafe_character(c);
        Some((format!("contains {en}"), format!("包含{zh}")))
    } else if let Some(c) = id
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '-'))
    {
        Some((format!("contains `{c}`"), format!("包含字符 `{c}`")))
    } else {
        let length = id.chars().count();
        (length > INSTANCE_ID_MAX).then(|| {
            (
                format!("is {length} characters long"),
                format!("长 {length} 个字符"),
            )
        })
    };
    if let Some((en, zh)) = problem {
        let message = b.t(
            format!("`{FIELD}` {shown} {en}, which an instance ID cannot"),
            format!("`{FIELD}` 的值 {shown} {zh}，不可能是实例 ID"),
        );
        let help = b.t(
            "copy the ID from the Hologres console's instance list; it holds only letters, digits and `-`",
            "请从 Hologres 控制台的实例列表中复制 ID；它只包含字母、数字和 `-`",
        );
        b.finding("PL301", Severity::Error, Some(FIELD), message, Some(help));
        return None;
    }
    let looks_right = id.starts_with("hg")
        && id.contains('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !looks_right {
        let message = b.t(
            format!("`{FIELD}` {shown} does not look like a Hologres instance ID"),
            format!("`{FIELD}` 的值 {shown} 看起来不像 Hologres 实例 ID"),
        );
        let help = b.t(
            "Hologres instance IDs are lowercase and look like `hgprecn-cn-...`; check that this is the ID, not the instance name",
            "Hologres 实例 ID 为小写，形如 `hgprecn-cn-...`；请确认填写的是实例 ID 而不是实例名称",
        );
        b.finding("PL302", Severity::Warning, Some(FIELD), message, Some(help));
    }
    Some(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Lang;
    use crate::lint::{lint, KindChoice, LintOptions};
    use crate::plan::{plan, Plan};

    const A: &str = "1111222233334444";
    const B: &str = "5555666677778888";
    const INSTANCE: &str = "hgprecn-cn-i7m2v08uu00a";

    fn input() -> serde_json::Value {
        serde_json::json!({
            "dataworks_account_uid": A,
            "resource_account_uid": B,
            "region": "cn-hangzhou",
            "hologres_instance_id": INSTANCE,
        })
    }

    fn run(input: serde_json::Value) -> Plan {
        plan("dataworks-hologres", &input.to_string(), Lang::En).unwrap()
    }

    fn has(plan: &Plan, code: &str, field: &str) -> bool {
        plan.findings
            .iter()
            .any(|f| f.code == code && f.field.as_deref() == Some(field))
    }

    #[test]
    fn the_custom_policy_holds_exactly_the_five_actions_of_the_guide() {
        let plan = run(input());
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        let policy = plan.artifact("permission-policy").unwrap();
        assert_eq!(policy.filename, "permission-policy.json");
        assert_eq!(
            policy.content,
            "{
  \"Version\": \"1\",
  \"Statement\": [
    {
      \"Effect\": \"Allow\",
      \"Action\": [
        \"hologram:GetInstance\",
        \"hologram:DescribeInstance\",
        \"hologram:ListDatabases\",
        \"hologram:ListWarehouses\",
        \"hologram:ListInstances\"
      ],
      \"Resource\": \"*\"
    }
  ]
}
"
        );
        let parsed: serde_json::Value = serde_json::from_str(&policy.content).unwrap();
        assert_eq!(
            parsed["Statement"][0]["Action"].as_array().unwrap().len(),
            5
        );
        assert!(plan.unconfirmed.iter().any(|u| u
            .assumption
            .contains("`hologram:DescribeInstance` and `hologram:ListDatabases`")));
    }

    #[test]
    fn every_generated_policy_lints_clean() {
        let plan = run(input());
        for (id, kind) in [
            ("trust-policy", KindChoice::Trust),
            ("permission-policy", KindChoice::Permission),
        ] {
            let report = lint(
                &plan.artifact(id).unwrap().content,
                &LintOptions {
                    kind,
                    ..LintOptions::default()
                },
            );
            assert!(
                report
                    .findings
                    .iter()
                    .all(|f| !matches!(f.severity, Severity::Error | Severity::Security)),
                "{id}: {:?}",
                report.findings
            );
        }
        assert!(!plan.findings.iter().any(|f| f.code == "PL900"));
        assert!(plan
            .artifact("trust-policy")
            .unwrap()
            .content
            .contains("\"1111222233334444@engine.dataworks.aliyuncs.com\""));
    }

    #[test]
    fn refuses_instance_ids_that_hold_quotes_spaces_or_semicolons() {
        for bad in [
            "hgprecn-cn-a b",
            "hgprecn-cn-a'b",
            "hgprecn-cn-a\"b",
            "hgprecn-cn-a`b",
            "hgprecn-cn-a;b",
            "hgprecn/cn",
        ] {
            let mut i = input();
            i["hologres_instance_id"] = serde_json::json!(bad);
            let plan = run(i);
            assert!(
                has(&plan, "PL301", "hologres_instance_id"),
                "{bad}: {:?}",
                plan.findings
            );
            assert!(plan.artifacts.is_empty() && plan.steps.is_empty());
        }
        let mut i = input();
        i["hologres_instance_id"] = serde_json::json!("h".repeat(65));
        assert!(has(&run(i), "PL301", "hologres_instance_id"));
    }

    #[test]
    fn odd_looking_instance_ids_only_warn() {
        for odd in ["my-holo-instance", "HGPRECN-CN-ABC", "hgprecn"] {
            let mut i = input();
            i["hologres_instance_id"] = serde_json::json!(odd);
            let plan = run(i);
            assert!(!plan.has_errors(), "{odd}: {:?}", plan.findings);
            assert!(has(&plan, "PL302", "hologres_instance_id"), "{odd}");
        }
        assert!(!run(input()).findings.iter().any(|f| f.code == "PL302"));
    }

    #[test]
    fn names_agree_across_artifacts_and_steps() {
        let mut i = input();
        i["role_name"] = serde_json::json!("holo-reader");
        i["policy_name"] = serde_json::json!("holo-find");
        let plan = run(i);
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        let value = |step: usize, name: &str| {
            plan.steps[step]
                .parameters
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.value.clone())
                .unwrap()
        };
        assert_eq!(plan.steps.len(), 8);
        assert_eq!(value(0, "Role name"), "holo-reader");
        assert!(plan.steps[1].location.contains("holo-reader"));
        assert_eq!(plan.steps[1].artifacts, ["trust-policy"]);
        assert_eq!(value(2, "Name"), "holo-find");
        assert_eq!(plan.steps[2].artifacts, ["permission-policy"]);
        assert_eq!(value(3, "Policy"), "holo-find");
        assert!(plan.steps[3].location.contains("holo-reader"));
        assert_eq!(value(4, "RAM role"), "holo-reader");
        assert_eq!(value(4, "Instance"), INSTANCE);
        assert_eq!(value(5, "User"), "holo-reader");
        assert_eq!(value(6, "RAM Role"), "holo-reader");
        assert_eq!(value(6, "Hologres Instance"), INSTANCE);
        assert_eq!(value(6, "UID Of Alibaba Cloud Account"), B);
        assert_eq!(
            value(6, "Alibaba Cloud Account"),
            "Another Alibaba Cloud Account"
        );
        assert!(plan
            .artifact("permission-policy")
            .unwrap()
            .title
            .contains("holo-find"));
        let accounts: Vec<Account> = plan.steps.iter().map(|s| s.account).collect();
        assert_eq!(
            accounts,
            [
                Account::Resource,
                Account::Resource,
                Account::Resource,
                Account::Resource,
                Account::Resource,
                Account::Resource,
                Account::Dataworks,
                Account::Dataworks
            ]
        );
    }

    #[test]
    fn defaults_and_notes() {
        let plan = run(input());
        assert_eq!(plan.inputs.str("role_name"), Some("DataWorksHologresRole"));
        assert_eq!(
            plan.inputs.str("policy_name"),
            Some("DataWorksHologresAccess")
        );
        let limitation = plan.findings.iter().find(|f| f.code == "PL304").unwrap();
        assert_eq!(limitation.severity, Severity::Suggestion);
        assert!(limitation
            .message
            .contains("data development or scheduling"));
        assert!(plan.findings.iter().any(|f| f.code == "PL305"));
        // The role's Hologres identifier is not invented: no CREATE USER, no p4_ name.
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.about == "Database user name of a RAM role"));
        for step in &plan.steps {
            assert!(!step.instructions.contains("p4_"), "{}", step.instructions);
        }
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.assumption.contains("engine.dataworks.aliyuncs.com")));
    }

    #[test]
    fn bad_names_and_one_account_are_reported() {
        let mut i = input();
        i["policy_name"] = serde_json::json!("holo_find");
        i["resource_account_uid"] = serde_json::json!(A);
        let plan = run(i);
        assert!(has(&plan, "PL013", "policy_name"), "{:?}", plan.findings);
        assert!(has(&plan, "PL303", "resource_account_uid"));
        assert!(plan.artifacts.is_empty());

        let plan = run(serde_json::json!({}));
        for field in [
            "dataworks_account_uid",
            "resource_account_uid",
            "region",
            "hologres_instance_id",
        ] {
            assert!(has(&plan, "PL004", field), "{field}");
        }
    }

    #[test]
    fn speaks_chinese() {
        let plan = plan("dataworks-hologres", &input().to_string(), Lang::Zh).unwrap();
        assert!(!plan.has_errors());
        assert_eq!(plan.steps[4].title, "将角色添加为数据库用户");
        assert!(plan.steps[4].location.contains("安全中心 > 用户管理"));
    }
}
