//! Seed 001, Hologres half: account B lets the DataWorks workspace of account A connect to a
//! Hologres instance through a RAM role. The plan writes the role's trust policy and the
//! custom policy of the guide, then has account B make the role a database user in HoloWeb.
//!
//! The RAM role, its trust policy and the DataWorks steps are shared with
//! `dataworks_maxcompute`.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

use crate::finding::Severity;
use crate::plan::console;
use crate::plan::console::Prose;
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs};
use crate::plan::{Account, ArtifactKind, Builder, Expectation, Json, PolicyType, Step};
use crate::text::clip;

use super::dataworks_engine::{
    code_text, create_role_step, data_source_steps, data_source_unconfirmed, edit_trust_step,
    expect_engine_trust, given_data_source_name, limitation_suggestion, same_account_warning,
    trust_policy_artifact, trust_unconfirmed, unsafe_character, DataSourceName, Engine,
    DATA_SOURCE_NAME, SOURCE,
};
use super::ScenarioSpec;
use crate::tr;

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

/// A guard against pasted junk, not a documented limit.
const INSTANCE_ID_MAX: usize = 128;
/// ramplan's own bound for `hologres_database`, not a documented limit.
const DATABASE_MAX: usize = 63;

static FIELDS: &[FieldSpec] = &[
    super::DATAWORKS_ACCOUNT_UID,
    super::RESOURCE_ACCOUNT_UID,
    super::role_name("DataWorksHologresRole"),
    super::REGION,
    FieldSpec {
        name: "hologres_instance_id",
        label_en: "Hologres instance (name or ID)",
        label_zh: "Hologres 实例（名称或 ID）",
        help_en: "The name or ID of the Hologres instance in account B, copied from the Hologres console; the DataWorks form takes either.",
        help_zh: "账号 B 中 Hologres 实例的名称或 ID，从 Hologres 控制台复制；DataWorks 表单两者均可接受。",
        kind: FieldKind::Text,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "hologres_database",
        label_en: "Hologres database",
        label_zh: "Hologres 数据库",
        help_en: "Optional: the database in the instance that account A will read, for the Database Authorization step. ramplan accepts plain names only: letters, digits and `_`, not starting with a digit (up to 63). Left out, the step asks you to pick the database there.",
        help_zh: "可选：账号 A 要读取的实例内数据库，用于“数据库授权”步骤。ramplan 只接受普通名称：字母、数字和 `_`，不以数字开头（最多 63 个）。不填时，该步骤会请您在页面中自行选择数据库。",
        kind: FieldKind::Text,
        required: false,
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
    DATA_SOURCE_NAME,
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
    let database = checked_database(inputs, b);
    let given_name = given_data_source_name(inputs, b, "PL306");

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

    let data_source = DataSourceName::new(given_name, &instance, resource_uid);

    trust_policy_artifact(b, role, dataworks_uid);
    b.artifact(
        "permission-policy",
        ArtifactKind::PermissionPolicy,
        tr!(
            b.lang,
            format!("Custom policy `{policy_name}`"),
            format!("自定义权限策略 `{policy_name}`")
        ),
        "permission-policy.json",
        permission_policy(),
    );
    b.ram_policy(Account::Resource, policy_name, "permission-policy");
    b.ram_role(
        Account::Resource,
        role,
        "trust-policy",
        &[(PolicyType::Custom, policy_name)],
    );
    let why = tr!(
        b.lang,
        "DataWorks, acting for account A, connects to the Hologres instance through this role",
        "DataWorks 代表账号 A 通过该角色连接 Hologres 实例"
    );
    let needed_by = tr!(
        b.lang,
        "a Hologres data source of another account",
        "跨账号 Hologres 数据源"
    );
    expect_engine_trust(b, role, dataworks_uid, resource_uid, why, needed_by);
    for action in ACTIONS {
        let why = tr!(b.lang, "DataWorks looks up the instance, its databases and its warehouses when it adds the data source; the guide grants these actions on every resource (`*`)", "DataWorks 添加数据源时需要查询实例及其数据库和计算组；指南对所有资源（`*`）授予这些操作");
        b.expect(Expectation::allow(
            role,
            action,
            "*".to_owned(),
            "*".to_owned(),
            why,
        ));
    }
    let why = tr!(b.lang, "the role only looks instances up; data access comes from its HoloWeb user, and it must not change or delete instances", "该角色只查询实例；数据访问权限来自其 HoloWeb 用户，它不应修改或删除实例");
    b.expect(Expectation::deny(
        role,
        "hologram:DeleteInstance",
        "*".to_owned(),
        why,
        Severity::Security,
    ));

    limitation_suggestion(b, "PL304", Engine::Hologres);
    let message = tr!(b.lang, "the custom policy only lets the role see and list Hologres instances; what it may read comes from its database user in HoloWeb", "自定义权限策略只允许角色查看和列举 Hologres 实例；它能读取哪些数据取决于其在 HoloWeb 中的数据库用户权限");
    b.finding("PL305", Severity::Suggestion, None, message, None);

    create_role_step(b, role, dataworks_uid);
    edit_trust_step(b, role, dataworks_uid);

    let step = console::DATAWORKS_ENGINE.create_custom_policy(
        b.lang,
        Account::Resource,
        policy_name,
        tr!(b.lang, "Still logged on with account B, open the JSON tab, replace the editor's content with the policy below, click OK, enter the name and click OK again. The policy lets the role look up Hologres instances, databases and warehouses; it grants no data access.", "仍使用账号 B，在“脚本编辑”页签中用下方策略替换编辑器内容，单击“确定”，填写名称后再次单击“确定”。该策略允许角色查看 Hologres 实例、数据库和计算组，不授予任何数据访问权限。"),
    );
    b.push_ram_step(step);

    let step = console::DATAWORKS_ENGINE.grant(
        b.lang,
        Account::Resource,
        role,
        console::GRANT_CUSTOM,
        &[policy_name],
        Prose {
            title: tr!(b.lang, "Attach the policy to the role", "为角色授权"),
            instructions: tr!(b.lang, format!("Open role `{role}`, click Grant Permission, choose Custom Policy, select `{policy_name}` and confirm."), format!("打开角色 `{role}`，单击“新增授权”，选择“自定义策略”，选中 `{policy_name}` 并确认。")),
            verify: tr!(
                b.lang,
                format!("the role's Permissions tab lists `{policy_name}`"),
                format!("角色的“权限管理”页签中列出 `{policy_name}`")
            ),
        },
    );
    b.push_ram_step(step);

    let mut step = Step::new(
        Account::Resource,
        tr!(b.lang, "Add the role as a database user", "将角色添加为数据库用户"),
        tr!(b.lang, format!("Hologres console > HoloWeb of instance {instance} > Security Center > User Management"), format!("Hologres 管理控制台 > 实例 {instance} 的 HoloWeb > 安全中心 > 用户管理")),
        tr!(b.lang, format!("Log on to the Hologres console with account B and open HoloWeb for instance `{instance}`. In Security Center, go to User Management and add account B's RAM role `{role}` as a database user. The guide continues with Database Authorization for a regular user, so this plan adds the role as a regular user and grants its database access in the next step."), format!("使用账号 B 登录 Hologres 管理控制台，打开实例 `{instance}` 的 HoloWeb。在“安全中心”中进入“用户管理”，将账号 B 的 RAM 角色 `{role}` 添加为数据库用户。指南接下来针对普通用户进行“数据库授权”，因此本计划将角色添加为普通用户，并在下一步为其授予数据库权限。")),
    );
    step.param(tr!(b.lang, "Instance", "实例"), instance.as_str())
        .param(tr!(b.lang, "RAM role", "RAM 角色"), role)
        .verify(tr!(
            b.lang,
            format!("User Management lists the RAM role `{role}`"),
            format!("“用户管理”中列出了 RAM 角色 `{role}`")
        ));
    b.push_step(step);

    let (instructions, check) = match &database {
        Some(db) => (
            tr!(b.lang, format!("In Security Center of the same HoloWeb, open Database Authorization, select database `{db}` and grant `{role}` what account A's use needs there, such as read access to the tables Data Integration will read."), format!("在同一 HoloWeb 的“安全中心”中打开“数据库授权”，选择数据库 `{db}`，按账号 A 的用途为 `{role}` 授权，例如对数据集成要读取的表授予读权限。")),
            tr!(b.lang, format!("Database Authorization shows the permissions granted to `{role}` on database `{db}`"), format!("“数据库授权”中显示了 `{role}` 在数据库 `{db}` 上的权限")),
        ),
        None => (
            tr!(b.lang, format!("In Security Center of the same HoloWeb, open Database Authorization. No `hologres_database` was given, so pick the database account A will read yourself, then grant `{role}` what that use needs there, such as read access to the tables Data Integration will read."), format!("在同一 HoloWeb 的“安全中心”中打开“数据库授权”。由于未填写 `hologres_database`，请自行选择账号 A 要读取的数据库，再按其用途为 `{role}` 授权，例如对数据集成要读取的表授予读权限。")),
            tr!(b.lang, format!("Database Authorization shows the permissions granted to `{role}` on the database you picked"), format!("“数据库授权”中显示了 `{role}` 在您所选数据库上的权限")),
        ),
    };
    let mut step = Step::new(
        Account::Resource,
        tr!(b.lang, "Grant the regular user database permissions", "为普通用户授予数据库权限"),
        tr!(b.lang, format!("Hologres console > HoloWeb of instance {instance} > Security Center > Database Authorization"), format!("Hologres 管理控制台 > 实例 {instance} 的 HoloWeb > 安全中心 > 数据库授权")),
        instructions,
    );
    step.param(tr!(b.lang, "Instance", "实例"), instance.as_str());
    if let Some(db) = &database {
        step.param(tr!(b.lang, "Database", "数据库"), db.as_str());
    }
    step.param(tr!(b.lang, "User", "用户"), role).verify(check);
    b.push_step(step);

    data_source_steps(
        b,
        Engine::Hologres,
        region,
        resource_uid,
        &instance,
        role,
        &data_source,
    );

    trust_unconfirmed(b);
    b.unconfirmed(
        tr!(b.lang, "Two actions of the custom policy", "自定义策略中的两个操作"),
        tr!(b.lang, "the policy keeps the guide's five actions; `hologram:DescribeInstance` and `hologram:ListDatabases` are not confirmed by the Hologres authorization reference, which names `GetInstance`, `ListInstances` and `ListWarehouses` as operations", "策略保留了指南中的五个操作；其中 `hologram:DescribeInstance` 和 `hologram:ListDatabases` 未经 Hologres 授权信息文档确认，该文档中列出的操作为 `GetInstance`、`ListInstances` 和 `ListWarehouses`"),
        HOLOGRAM_RAM,
    );
    b.unconfirmed(
        tr!(b.lang, "Database user name of a RAM role", "RAM 角色对应的数据库用户名"),
        tr!(b.lang, "a RAM role becomes a Hologres user of its own, but the exact user name Hologres gives a role is not documented in the sources (RAM users are `p4_<UID>`). The plan therefore has you pick the role in HoloWeb instead of writing a CREATE USER statement", "RAM 角色会作为独立的 Hologres 用户存在，但资料中没有说明 Hologres 为角色使用的确切用户名（RAM 用户为 `p4_<UID>`）。因此本计划让您在 HoloWeb 中选择该角色，而不是编写 CREATE USER 语句"),
        ROLE_MODE,
    );
    b.unconfirmed(
        tr!(b.lang, "Kinds of database user", "数据库用户的类型"),
        tr!(b.lang, "the guide only says that a regular user needs Database Authorization; it does not say what other kinds of user HoloWeb offers or what they may access, so the plan adds the role as a regular user", "指南只说明普通用户需要进行“数据库授权”，没有说明 HoloWeb 提供的其他用户类型及其访问范围，因此本计划将角色添加为普通用户"),
        SOURCE,
    );
    data_source_unconfirmed(b, &data_source.name);
    b.unconfirmed(
        tr!(b.lang, "Database permissions the data source needs", "数据源所需的数据库权限"),
        tr!(b.lang, "the guide only says to grant a regular user database permissions; which ones depends on what account A will do, so the plan names none", "指南只说明需要为普通用户授予数据库权限；具体授予哪些取决于账号 A 的用途，因此本计划不指定"),
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

/// The instance is taken as given (the guide accepts its name or ID, and no source gives the
/// shape of either); only a character that has no business in a name or ID is refused,
/// because the value is shown in paths and pasted into forms.
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
        .find(|&c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
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
    let Some((en, zh)) = problem else {
        return Some(id.to_owned());
    };
    let message = tr!(
        b.lang,
        format!("`{FIELD}` {shown} {en}, which ramplan does not accept in an instance name or ID"),
        format!("`{FIELD}` 的值 {shown} {zh}，ramplan 不接受这样的实例名称或 ID")
    );
    let help = tr!(b.lang, format!("copy the instance's name or ID from the Hologres console; ramplan accepts letters, digits, `-`, `_` and `.`, up to {INSTANCE_ID_MAX} characters"), format!("请从 Hologres 控制台复制实例名称或 ID；ramplan 接受字母、数字、`-`、`_` 和 `.`，最多 {INSTANCE_ID_MAX} 个字符"));
    b.finding("PL301", Severity::Error, Some(FIELD), message, Some(help));
    None
}

/// `hologres_database`, if given: a plain identifier, so it can be shown and typed safely.
fn checked_database(inputs: &Inputs, b: &mut Builder) -> Option<String> {
    const FIELD: &str = "hologres_database";
    let name = inputs.str(FIELD)?;
    let starts_well = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    let problem = if let Some(c) = name
        .chars()
        .find(|&c| matches!(c, '`' | '\'' | '"' | ';') || c.is_whitespace())
    {
        let (en, zh) = unsafe_character(c);
        Some((format!("contains {en}"), format!("包含{zh}")))
    } else if let Some(c) = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '_'))
    {
        Some((format!("contains `{c}`"), format!("包含字符 `{c}`")))
    } else if !starts_well {
        Some(("starts with a digit".to_owned(), "以数字开头".to_owned()))
    } else {
        let length = name.chars().count();
        (length > DATABASE_MAX).then(|| {
            (
                format!("is {length} characters long"),
                format!("长 {length} 个字符"),
            )
        })
    };
    let Some((en, zh)) = problem else {
        return Some(name.to_owned());
    };
    let shown = code_text(&clip(name));
    let message = tr!(
        b.lang,
        format!("`{FIELD}` {shown} {en}, so it is not a plain database name"),
        format!("`{FIELD}` 的值 {shown} {zh}，不是普通的数据库名称")
    );
    let help = tr!(b.lang, format!("ramplan takes only plain names here: letters, digits and `_`, not starting with a digit, up to {DATABASE_MAX} characters. For any other name, leave the field out and pick the database in HoloWeb"), format!("此处 ramplan 只接受普通名称：字母、数字和 `_`，不以数字开头，最多 {DATABASE_MAX} 个字符。其他名称请不填此字段，直接在 HoloWeb 中选择数据库"));
    b.finding("PL307", Severity::Error, Some(FIELD), message, Some(help));
    None
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
            .any(|f| f.code == code && f.field() == Some(field))
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
        i["hologres_instance_id"] = serde_json::json!("h".repeat(129));
        assert!(has(&run(i), "PL301", "hologres_instance_id"));
    }

    #[test]
    fn instance_names_and_ids_are_taken_as_given() {
        // The guide accepts the instance's name or ID; no shape is imposed.
        for given in [
            "my-holo-instance",
            "HGPRECN-CN-ABC",
            "hgprecn",
            "sales_holo.v2",
        ] {
            let mut i = input();
            i["hologres_instance_id"] = serde_json::json!(given);
            let plan = run(i);
            assert!(!plan.has_errors(), "{given}: {:?}", plan.findings);
            assert!(plan.findings.iter().all(|f| f.field().is_none()), "{given}");
            assert_eq!(plan.steps[4].parameters[0].value, given);
        }
    }

    #[test]
    fn the_database_is_used_when_given_and_picked_otherwise() {
        let plan = run(input());
        let step = &plan.steps[5];
        assert!(step.instructions.contains("pick the database"));
        assert!(!step.parameters.iter().any(|p| p.name == "Database"));

        let mut i = input();
        i["hologres_database"] = serde_json::json!("sales_db");
        let plan = run(i);
        let step = &plan.steps[5];
        assert!(step.instructions.contains("`sales_db`"));
        assert!(step
            .parameters
            .iter()
            .any(|p| p.name == "Database" && p.value == "sales_db"));
        assert!(step.verification.as_deref().unwrap().contains("`sales_db`"));

        for bad in ["sales db", "sales-db", "1sales", "db;drop", &"d".repeat(64)] {
            let mut i = input();
            i["hologres_database"] = serde_json::json!(bad);
            let plan = run(i);
            assert!(has(&plan, "PL307", "hologres_database"), "{bad}");
            assert!(plan.artifacts.is_empty(), "{bad}");
        }
    }

    #[test]
    fn no_invented_console_labels_or_superuser_claims() {
        let plan = run(input());
        let text = crate::plan::to_json(&plan);
        for invented in ["Instances >", "User type", "superuser", "hgprecn-cn-..."] {
            assert!(!text.contains(invented), "{invented}");
        }
        assert!(plan.steps[4].location.contains("HoloWeb"));
        assert!(plan.steps[5].location.ends_with("Database Authorization"));
        for i in 0..6 {
            assert!(plan.steps[i].verification.is_some(), "step {}", i + 1);
        }
    }

    #[test]
    fn the_data_source_name_is_proposed_from_the_instance() {
        let plan = run(input());
        let name = plan.steps[6]
            .parameters
            .iter()
            .find(|p| p.name == "Data Source Name")
            .unwrap();
        assert_eq!(name.value, format!("hgprecn_cn_i7m2v08uu00a_from_{B}"));
        let mut i = input();
        i["data_source_name"] = serde_json::json!("holo cross");
        let plan = run(i);
        assert!(!plan.has_errors());
        assert!(has(&plan, "PL306", "data_source_name"));
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

    #[test]
    fn a_broken_custom_policy_fails_the_self_check() {
        let text = input().to_string();
        let plan = run(input());
        assert!(plan.checks.iter().all(|c| c.passed()), "{:#?}", plan.checks);
        let missing = crate::plan::plan_tampered("dataworks-hologres", &text, Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "permission-policy", |t| {
                t.replace("\"hologram:ListDatabases\",", "")
            });
        })
        .unwrap();
        let failures = crate::plan::self_check_failures(&missing);
        assert_eq!(failures.len(), 1, "{failures:#?}");
        assert!(failures[0].contains("`hologram:ListDatabases` on `*` is allowed"));
        assert!(failures[0].contains("implicit deny"));
        let broad = crate::plan::plan_tampered("dataworks-hologres", &text, Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "permission-policy", |t| {
                t.replace("\"hologram:GetInstance\"", "\"hologram:*\"")
            });
        })
        .unwrap();
        let failures = crate::plan::self_check_failures(&broad);
        assert_eq!(failures.len(), 1, "{failures:#?}");
        assert!(failures[0].contains("`hologram:DeleteInstance` on `*` is denied"));
        assert!(broad.artifacts.is_empty());
    }
}
