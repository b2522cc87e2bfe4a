//! Seed 002: DataWorks Data Integration in one account reads an RDS, Hive or Kafka instance
//! that another account owns.
//!
//! The source account creates a RAM role, grants it the system policies for the instance
//! type (read-only for RDS and Hive; the Kafka one also creates topics) and trusts DataWorks
//! acting for the DataWorks account; the DataWorks account
//! then adds the instance as a data source in Alibaba Cloud Instance Mode, naming that role.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

use crate::arn;
use crate::finding::Severity;
use crate::plan::console::{self, Prose, Trusted};
use crate::plan::input::{FieldKind, FieldSpec, Inputs};
use crate::plan::{Account, Builder, PolicyType, Step};

use super::ScenarioSpec;
use crate::tr;

const SOURCE: &str =
    "https://help.aliyun.com/en/dataworks/user-guide/configure-cross-account-authorization";

/// The service the seed's trust policy names; UNCONFIRMED (ram-facts §9.3, §9.4).
const DI_SERVICE: &str = "cdp.aliyuncs.com";
/// The service of MaxCompute and Hologres data sources (seed 001): the near miss here.
const ENGINE_SERVICE: &str = "engine.dataworks.aliyuncs.com";

const SOURCE_TYPES: &[&str] = &[
    "rds-mysql",
    "rds-sqlserver",
    "rds-postgresql",
    "rds-mariadb",
    "hive",
    "kafka",
];

/// The instance families the source types belong to: each needs its own system policies
/// and has its own ID prefixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Rds,
    Hive,
    Kafka,
}

impl Family {
    fn of(source_type: &str) -> Option<Family> {
        match source_type {
            "rds-mysql" | "rds-sqlserver" | "rds-postgresql" | "rds-mariadb" => Some(Family::Rds),
            "hive" => Some(Family::Hive),
            "kafka" => Some(Family::Kafka),
            _ => None,
        }
    }

    /// The system policies the seed's table lists for the family (ram-facts §9.3, S36).
    fn system_policies(self) -> &'static [&'static str] {
        match self {
            Family::Rds => &["AliyunDataWorksAccessingRdsReadOnlyPolicy"],
            Family::Hive => &[
                "AliyunDataWorksAccessingDLFReadOnlyPolicy",
                "AliyunDataWorksAccessingEMRReadOnlyPolicy",
            ],
            Family::Kafka => &["AliyunDataWorksAccessingAlikafkaPolicy"],
        }
    }

    /// ID prefixes that identify the family, compared ignoring case: RDS instances
    /// (`rm-`, `pgm-` for PostgreSQL), EMR clusters (`C-`), Kafka instances (`alikafka_`).
    fn prefixes(self) -> &'static [&'static str] {
        match self {
            Family::Rds => &["rm-", "pgm-"],
            Family::Hive => &["c-"],
            Family::Kafka => &["alikafka_"],
        }
    }

    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Family::Rds => ("an RDS instance ID", "RDS 实例 ID"),
            Family::Hive => ("an EMR cluster ID", "EMR 集群 ID"),
            Family::Kafka => ("a Kafka instance ID", "Kafka 实例 ID"),
        }
    }
}

/// The data source type as the Add Data Source dialog names it.
fn data_source_name(source_type: &str) -> &'static str {
    match source_type {
        "rds-mysql" => "MySQL",
        "rds-sqlserver" => "SQL Server",
        "rds-postgresql" => "PostgreSQL",
        "rds-mariadb" => "MariaDB",
        "hive" => "Hive",
        _ => "Kafka",
    }
}

static FIELDS: &[FieldSpec] = &[
    super::DATAWORKS_ACCOUNT_UID,
    super::RESOURCE_ACCOUNT_UID,
    super::role_name("DataWorksDIRole"),
    super::REGION,
    FieldSpec {
        name: "source_type",
        label_en: "Source type",
        label_zh: "数据源类型",
        help_en: "What the source account owns: an ApsaraDB RDS instance (`rds-mysql`, `rds-sqlserver`, `rds-postgresql`, `rds-mariadb`), an EMR Hive cluster (`hive`) or a Kafka instance (`kafka`). It decides the system policies the role needs.",
        help_zh: "源账号拥有的资源：云数据库 RDS 实例（`rds-mysql`、`rds-sqlserver`、`rds-postgresql`、`rds-mariadb`）、EMR Hive 集群（`hive`）或 Kafka 实例（`kafka`）。它决定角色需要哪些系统策略。",
        kind: FieldKind::Choice(SOURCE_TYPES),
        required: true,
        default: None,
    },
    FieldSpec {
        name: "instance_id",
        label_en: "Instance ID",
        label_zh: "实例 ID",
        help_en: "The ID of the instance in the source account, as its console shows it: an RDS instance such as `rm-bp1abcdefgh123456`, the EMR cluster behind Hive such as `C-A510C0FD3FCC1234`, or a Kafka instance such as `alikafka_post-cn-abcdefg12345`.",
        help_zh: "源账号中实例的 ID，即其控制台中显示的 ID：RDS 实例如 `rm-bp1abcdefgh123456`，Hive 所在的 EMR 集群如 `C-A510C0FD3FCC1234`，Kafka 实例如 `alikafka_post-cn-abcdefg12345`。",
        kind: FieldKind::Text,
        required: true,
        default: None,
    },
];

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "dataworks-di",
    title_en: "Sync from another account's RDS, Hive or Kafka with Data Integration",
    title_zh: "用数据集成同步其他账号的 RDS、Hive 或 Kafka",
    summary_en: "The account that owns an RDS, Hive or Kafka instance creates a RAM role that DataWorks may assume and grants it the system policies for the instance type (read-only for RDS and Hive; the Kafka policy also lets DataWorks create topics); the DataWorks account adds the instance as a Data Integration data source through that role.",
    summary_zh: "拥有 RDS、Hive 或 Kafka 实例的账号创建一个允许 DataWorks 扮演的 RAM 角色，并为其授予该实例类型所需的系统策略（RDS 和 Hive 为只读策略；Kafka 的策略还允许 DataWorks 创建 Topic）；DataWorks 所属账号通过该角色将实例添加为数据集成的数据源。",
    source: SOURCE,
    fields: FIELDS,
    build,
};

fn build(inputs: &Inputs, b: &mut Builder) {
    let source_type = inputs.str("source_type");
    let family = source_type.and_then(Family::of);
    let instance = inputs
        .str("instance_id")
        .and_then(|id| check_instance_id(id, family, b));
    let dataworks_uid = inputs.str("dataworks_account_uid");
    let source_uid = inputs.str("resource_account_uid");
    if let (Some(a), Some(owner)) = (dataworks_uid, source_uid) {
        if a == owner {
            let message = tr!(b.lang, format!("the DataWorks account and the source account are both `{a}`; this plan is for an instance in another account"), format!("DataWorks 所属账号与源账号同为 `{a}`；本计划适用于其他账号的实例"));
            let help = tr!(
                b.lang,
                "an instance of the workspace's own account is added without a cross-account role",
                "工作空间所属账号自己的实例无需跨账号角色即可添加"
            );
            b.finding(
                "PL404",
                Severity::Warning,
                Some("resource_account_uid"),
                message,
                Some(help),
            );
        }
    }
    if b.findings.iter().any(|f| f.severity == Severity::Error) {
        return;
    }
    let (Some(dataworks_uid), Some(source_uid), Some(source_type), Some(family), Some(instance)) =
        (dataworks_uid, source_uid, source_type, family, instance)
    else {
        return;
    };
    let role = inputs.text("role_name");
    let region = inputs.text("region");
    let policies = family.system_policies();
    let principal = format!("{dataworks_uid}@{DI_SERVICE}");
    let type_name = data_source_name(source_type);

    let message = tr!(b.lang, format!("Data Integration reaches the instance over the network: the resource group that runs the sync must be able to reach the VPC of `{instance}` in the other account, for example through Cloud Enterprise Network (CEN)"), format!("数据集成通过网络访问该实例：运行同步任务的资源组必须能够连通另一账号中 `{instance}` 所在的 VPC，例如通过云企业网（CEN）"));
    b.finding("PL405", Severity::Suggestion, None, message, None);

    super::trust_policy_artifact(b, role, super::service_trust_policy(&principal));
    super::system_policies_artifact(b, role, policies.iter().copied());
    let attachments: Vec<(PolicyType, &str)> =
        policies.iter().map(|p| (PolicyType::System, *p)).collect();
    b.ram_role(Account::Resource, role, "trust-policy", &attachments);
    let trust = super::DataWorksTrust {
        role,
        account: dataworks_uid,
        service: DI_SERVICE,
        dataworks_uid,
        resource_uid: source_uid,
        why: tr!(b.lang, "Data Integration, acting for the DataWorks account, reads the instance through this role", "数据集成代表 DataWorks 所属账号通过该角色读取实例"),
        needed_by: tr!(b.lang, "a Data Integration data source of another account", "跨账号数据集成数据源"),
        other_service: ENGINE_SERVICE,
        other_why: tr!(b.lang, format!("`@{ENGINE_SERVICE}` is the principal of cross-account MaxCompute and Hologres data sources, not of Data Integration's RDS, Hive and Kafka sources"), format!("`@{ENGINE_SERVICE}` 是跨账号 MaxCompute 和 Hologres 数据源所用的主体，不用于数据集成的 RDS、Hive、Kafka 数据源")),
    };
    super::expect_dataworks_trust(b, trust);

    // The source account: the role.
    let step = console::DATA_INTEGRATION.create_role(
        b.lang,
        Account::Resource,
        role,
        Trusted::Account(dataworks_uid),
        Prose {
            title: tr!(b.lang, "Create the role for DataWorks", "创建供 DataWorks 使用的角色"),
            instructions: tr!(b.lang, format!("Log on to the RAM console with the source account (`{source_uid}`), which owns `{instance}`. Create a role whose trusted entity is an Alibaba Cloud account, choose Other Alibaba Cloud Account and enter the ID of the account that owns the DataWorks workspace. The trust policy the console writes is replaced in step 3."), format!("使用拥有 `{instance}` 的源账号（`{source_uid}`）登录 RAM 控制台。创建一个可信实体为阿里云账号的角色，选择“其他阿里云账号”，并填写拥有 DataWorks 工作空间的账号 ID。控制台生成的信任策略将在第 3 步中替换。")),
            verify: tr!(
                b.lang,
                format!("`{role}` appears in the list of roles"),
                format!("角色列表中出现 `{role}`")
            ),
        },
    );
    b.push_ram_step(step);

    let quoted: Vec<String> = policies.iter().map(|p| format!("`{p}`")).collect();
    let list = tr!(b.lang, quoted.join(", "), quoted.join("、"));
    let reason = match family {
        Family::Rds => tr!(b.lang, "It lets DataWorks look up the RDS instance, its network addresses and its databases.", "该策略允许 DataWorks 查询 RDS 实例及其网络地址和数据库。"),
        Family::Hive => tr!(b.lang, "A Hive source needs both: DataWorks reads the cluster from EMR and the table metadata from DLF.", "Hive 数据源需要这两个策略：DataWorks 从 EMR 读取集群信息，从 DLF 读取表元数据。"),
        Family::Kafka => tr!(b.lang, "It lets DataWorks list the Kafka instances and create topics on them.", "该策略允许 DataWorks 列出 Kafka 实例并在其中创建 Topic。"),
    };
    let mut step = console::DATA_INTEGRATION.grant(
        b.lang,
        Account::Resource,
        role,
        console::DATA_INTEGRATION_SYSTEM_GRANT,
        policies,
        Prose {
            title: tr!(b.lang, "Grant the system policies", "授予系统策略"),
            instructions: tr!(b.lang, format!("Grant permissions to `{role}`: set Authorization Policy to System Policy and select {list}. {reason}"), format!("为 `{role}` 授权：将授权策略设为“系统策略”，并选中 {list}。{reason}")),
            verify: tr!(
                b.lang,
                format!("the permissions of `{role}` list {list}"),
                format!("`{role}` 的权限列表中列出 {list}")
            ),
        },
    );
    if family == Family::Kafka {
        step.caution(tr!(b.lang, format!("unlike the RDS and Hive policies, {list} is not read-only: besides listing instances it lets DataWorks create topics on the Kafka instances of account `{source_uid}`"), format!("与 RDS、Hive 的策略不同，{list} 并非只读：除列出实例外，它还允许 DataWorks 在账号 `{source_uid}` 的 Kafka 实例上创建 Topic")));
    }
    b.push_ram_step(step);

    let step = console::DATA_INTEGRATION.replace_trust_policy(
        b.lang,
        Account::Resource,
        role,
        Prose {
            title: tr!(b.lang, "Replace the trust policy", "替换信任策略"),
            instructions: tr!(b.lang, format!("Replace the whole document with the one below and save it. Instead of every identity of the DataWorks account, the role then trusts only DataWorks acting for that account: the principal is the DataWorks account's ID followed by `@{DI_SERVICE}`, here `{principal}`. This value comes from the documentation's example and could not be checked against another source (see the end of the plan)."), format!("用下方内容替换整份信任策略并保存。替换后，该角色不再信任 DataWorks 所属账号下的所有身份，而只信任代表该账号的 DataWorks：主体为 DataWorks 所属账号的 ID 加上 `@{DI_SERVICE}`，此处为 `{principal}`。该值取自文档示例，未能通过其他资料核实（见计划末尾）。")),
            verify: tr!(
                b.lang,
                format!("the Trust Policy tab of `{role}` lists `{principal}` under `Service`"),
                format!("`{role}` 的“信任策略”页签中，`Service` 下列出 `{principal}`")
            ),
        },
    );
    b.push_ram_step(step);

    // The DataWorks account: the data source.
    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, "Open Data Integration", "进入数据集成"),
        tr!(b.lang, "DataWorks console > Data Integration > Data Integration", "DataWorks 控制台 > 数据集成 > 数据集成"),
        tr!(b.lang, format!("Log on to the DataWorks console with the DataWorks account (`{dataworks_uid}`) and choose region `{region}` in the top bar. In the left pane choose Data Integration > Data Integration, pick the workspace that will run the sync and click Go to Data Integration."), format!("使用 DataWorks 所属账号（`{dataworks_uid}`）登录 DataWorks 控制台，在顶部导航栏选择地域 `{region}`。在左侧导航栏选择“数据集成 > 数据集成”，选择将运行同步任务的工作空间，然后单击“进入数据集成”。")),
    );
    step.param(tr!(b.lang, "Region", "地域"), region);
    b.push_step(step);

    let other_fields = match family {
        Family::Rds => tr!(b.lang, "the database to read and the user name and password of a database account on the instance", "要读取的数据库，以及实例上某个数据库账号的用户名和密码"),
        Family::Hive => tr!(b.lang, "the Hive database to read and any access settings", "要读取的 Hive 数据库及相关访问设置"),
        Family::Kafka => tr!(b.lang, "the topics to read and any access settings", "要读取的 Topic 及相关访问设置"),
    };
    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, format!("Add the {type_name} data source"), format!("添加 {type_name} 数据源")),
        tr!(b.lang, format!("Data Integration, adding a {type_name} data source"), format!("数据集成，新增 {type_name} 数据源")),
        tr!(b.lang, format!("Add a {type_name} data source and set the four fields below, which are the ones cross-account access needs. Depending on the data source, the option for the instance's account reads Other Alibaba Cloud Account or Other Cloud Account: both mean an instance of another account. Every other field of the form is outside this plan, and ramplan knows no values for it: fill it in from your own setup. That includes a name for the data source, the instance itself (`{instance}`, wherever the form asks you to choose it) and, if the form asks for them, {other_fields}."), format!("新增 {type_name} 数据源，并按下表设置这四项跨账号访问所需的字段。视数据源而定，实例所属账号的选项可能显示为“其他阿里云账号”或“其他云账号”，两者都表示实例属于另一个账号。表单中的其他字段都不在本计划范围内，ramplan 也不知道它们的取值：请按您自己的环境填写，包括数据源名称、实例本身（即 `{instance}`，在表单要求选择实例的位置选择），以及表单要求时{other_fields}。")),
    );
    step.param(
        tr!(b.lang, "Data Source Type", "数据源类型"),
        tr!(b.lang, "Alibaba Cloud Instance Mode", "阿里云实例模式"),
    )
    .param(
        tr!(b.lang, "Account Of Instance", "实例所属账号"),
        tr!(b.lang, "Other Alibaba Cloud Account", "其他阿里云账号"),
    )
    .param(
        tr!(b.lang, "UID of Other Alibaba Cloud Account", "其他阿里云账号 UID"),
        source_uid,
    )
    .param(tr!(b.lang, "RAM Role for Authorization", "授权 RAM 角色"), role)
    .verify(tr!(b.lang, format!("before you test, the form shows Alibaba Cloud Instance Mode, the source account `{source_uid}` and the role `{role}`, the instance chosen is `{instance}`, and none of the form's required fields is empty"), format!("测试之前，表单中为“阿里云实例模式”、源账号 `{source_uid}` 和角色 `{role}`，所选实例为 `{instance}`，且表单中没有留空的必填字段")));
    b.push_step(step);

    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, "Test network connectivity", "测试网络连通性"),
        tr!(b.lang, "Data Integration, the same data source form", "数据集成，同一数据源表单"),
        tr!(b.lang, format!("Still in the data source form, test network connectivity between `{instance}` and the resource group that will run the sync. The resource group must reach the instance's VPC in the other account, for example through Cloud Enterprise Network (CEN)."), format!("仍在该数据源表单中，测试 `{instance}` 与将运行同步任务的资源组之间的网络连通性。资源组必须能够连通另一账号中该实例所在的 VPC，例如通过云企业网（CEN）。")),
    );
    step.caution(tr!(b.lang, "if the test fails, check the network path from the resource group to the instance's VPC, the instance's own access controls (an IP whitelist, for example), and the role's system policies and trust policy (steps 2 and 3)", "若测试失败，请检查资源组到实例所在 VPC 的网络路径、实例自身的访问控制（例如 IP 白名单），以及角色的系统策略和信任策略（第 2、3 步）"))
    .verify(tr!(b.lang, "the connectivity test passes for the resource group that will run the sync; save the data source, then create sync tasks that read from it", "将运行同步任务的资源组连通性测试通过；保存数据源后，即可创建读取该数据源的同步任务"));
    b.push_step(step);

    b.unconfirmed(
        tr!(b.lang, "Data Integration service principal", "数据集成服务主体"),
        tr!(b.lang, format!("the trust policy trusts `<DataWorks account ID>@{DI_SERVICE}` (here `{principal}`) because the documentation's example shows it. The archived copy of that page is cut off before this value, and `{DI_SERVICE}` is not among the service names DataWorks' service-linked roles use (`engine.dataworks.aliyuncs.com`, `emr.dataworks.aliyuncs.com`); if DataWorks cannot assume the role, compare the principal with the current documentation"), format!("信任策略信任 `<DataWorks 所属账号 ID>@{DI_SERVICE}`（此处为 `{principal}`），依据是文档中的示例。该页面的存档副本在此值之前被截断，且 `{DI_SERVICE}` 不在 DataWorks 服务关联角色所用的服务名（`engine.dataworks.aliyuncs.com`、`emr.dataworks.aliyuncs.com`）之列；若 DataWorks 无法扮演该角色，请对照最新文档核对主体")),
        SOURCE,
    );
    b.unconfirmed(
        tr!(b.lang, "Label of the instance's account option", "实例所属账号选项的名称"),
        tr!(b.lang, "the documentation says to choose Other Cloud Account or Other Alibaba Cloud Account depending on the data source, without saying which forms show which; ramplan writes Other Alibaba Cloud Account", "文档说明应视数据源选择“其他云账号”或“其他阿里云账号”，但没有说明哪种表单显示哪一个；ramplan 写作“其他阿里云账号”"),
        SOURCE,
    );
    b.unconfirmed(
        tr!(b.lang, "What the connectivity test checks", "连通性测试检查的内容"),
        tr!(b.lang, "the documentation says only to test network connectivity after adding the data source; it does not say whether the test also assumes the role. A passing test may therefore not prove that the trust policy and system policies work: if sync tasks later fail with a permission error, check steps 2 and 3", "文档只要求在添加数据源后测试网络连通性，没有说明测试是否也会扮演该角色。因此测试通过未必说明信任策略和系统策略已生效：若之后同步任务因权限错误失败，请检查第 2、3 步"),
        SOURCE,
    );
    b.unconfirmed(
        tr!(b.lang, "Other fields of the data source form", "数据源表单的其他字段"),
        tr!(b.lang, format!("the documentation lists only the fields cross-account access needs; the rest of the {type_name} form, including how the instance is chosen and whether the source's own login is still asked for, is not described there, so ramplan leaves those fields to you"), format!("文档只列出了跨账号访问所需的字段；{type_name} 表单的其余部分，包括如何选择实例、是否仍需填写数据源自身的登录信息，文档中都没有说明，因此这些字段由您自行填写")),
        SOURCE,
    );
}

/// Returns the ID to write into the steps, or `None` when it cannot be used.
fn check_instance_id(id: &str, family: Option<Family>, b: &mut Builder) -> Option<String> {
    let field = Some("instance_id");
    if arn::looks_like_placeholder(id) || id.contains('*') {
        let message = tr!(
            b.lang,
            format!("`instance_id` `{id}` is masked or a placeholder"),
            format!("`instance_id` 的值 `{id}` 是脱敏值或占位符")
        );
        let help = tr!(
            b.lang,
            "copy the full ID from the instance's console in the source account",
            "请从源账号中该实例的控制台复制完整 ID"
        );
        b.finding("PL402", Severity::Error, field, message, Some(help));
        return None;
    }
    if id
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '\\'))
    {
        let message = tr!(b.lang, format!("`instance_id` `{id}` contains spaces, quotes or backslashes, which no instance ID has"), format!("`instance_id` 的值 `{id}` 包含空格、引号或反斜杠，实例 ID 中不会出现这些字符"));
        b.finding("PL401", Severity::Error, field, message, None);
        return None;
    }
    let lower = id.to_ascii_lowercase();
    let looks_like = |f: Family| f.prefixes().iter().any(|p| lower.starts_with(p));
    if let Some(family) = family {
        let other = [Family::Rds, Family::Hive, Family::Kafka]
            .into_iter()
            .find(|f| *f != family && looks_like(*f));
        if let Some(other) = other {
            let (is_en, is_zh) = other.describe();
            let (want_en, want_zh) = family.describe();
            let message = tr!(
                b.lang,
                format!(
                    "`instance_id` `{id}` looks like {is_en}, but `source_type` asks for {want_en}"
                ),
                format!(
                    "`instance_id` 的值 `{id}` 看起来是{is_zh}，而 `source_type` 需要的是{want_zh}"
                )
            );
            let help = tr!(b.lang, "check that the ID and the source type describe the same instance; the system policies follow the source type", "请确认 ID 与数据源类型描述的是同一实例；系统策略按数据源类型选择");
            b.finding("PL403", Severity::Warning, field, message, Some(help));
        }
    }
    Some(id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Lang;
    use crate::lint::{lint, KindChoice, LintOptions};
    use crate::plan::scenarios::test_support;
    use crate::plan::{plan, Plan};

    const A: &str = "1111222233334444";
    const B: &str = "5555666677778888";

    fn base() -> serde_json::Value {
        serde_json::json!({
            "dataworks_account_uid": A,
            "resource_account_uid": B,
            "region": "cn-shanghai",
            "source_type": "rds-mysql",
            "instance_id": "rm-uf6abcdefgh123456",
        })
    }

    fn input(extra: &[(&str, serde_json::Value)]) -> String {
        test_support::input(base(), extra)
    }

    fn run(extra: &[(&str, serde_json::Value)]) -> Plan {
        test_support::run("dataworks-di", base(), extra)
    }

    fn codes(plan: &Plan, severity: Severity) -> Vec<(&'static str, Option<&str>)> {
        crate::plan::codes_of(plan, severity)
    }

    #[test]
    fn typical_plan() {
        let plan = run(&[]);
        assert!(!plan.has_errors(), "{:#?}", plan.findings);
        assert_eq!(plan.inputs.str("role_name"), Some("DataWorksDIRole"));
        assert_eq!(codes(&plan, Severity::Warning), []);
        assert_eq!(codes(&plan, Severity::Suggestion), [("PL405", None)]);
        let accounts: Vec<Account> = plan.steps.iter().map(|s| s.account).collect();
        assert_eq!(
            accounts,
            [
                Account::Resource,
                Account::Resource,
                Account::Resource,
                Account::Dataworks,
                Account::Dataworks,
                Account::Dataworks
            ]
        );
        let create: Vec<(&str, &str)> = plan.steps[0]
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            create,
            [
                ("Select Trusted Entity", "Alibaba Cloud Account"),
                ("RAM Role Name", "DataWorksDIRole"),
                ("Select Account", "Other Alibaba Cloud Account"),
                ("Account UID", A),
            ]
        );
        assert_eq!(plan.steps[2].artifacts, ["trust-policy"]);
        assert!(plan.steps[3]
            .parameters
            .iter()
            .any(|p| p.value == "cn-shanghai"));
        let form: Vec<(&str, &str)> = plan.steps[4]
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            form,
            [
                ("Data Source Type", "Alibaba Cloud Instance Mode"),
                ("Account Of Instance", "Other Alibaba Cloud Account"),
                ("UID of Other Alibaba Cloud Account", B),
                ("RAM Role for Authorization", "DataWorksDIRole"),
            ]
        );
        assert_eq!(plan.steps[4].title, "Add the MySQL data source");
        // The rest of the form is named as the user's to fill in, and the step has a check.
        assert!(plan.steps[4].instructions.contains("outside this plan"));
        assert!(plan.steps[4].instructions.contains("rm-uf6abcdefgh123456"));
        assert!(plan.steps[4]
            .verification
            .as_deref()
            .unwrap()
            .contains("rm-uf6abcdefgh123456"));
        let test = &plan.steps[5];
        assert!(test.verification.is_some());
        assert!(test.instructions.contains("VPC"));
        assert!(plan.artifact("runbook").is_some());
    }

    #[test]
    fn trust_policy_names_the_dataworks_account_at_cdp() {
        let plan = run(&[]);
        assert_eq!(
            plan.artifact("trust-policy").unwrap().content,
            format!(
                "{{\n  \"Statement\": [\n    {{\n      \"Action\": \"sts:AssumeRole\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {{\n        \"Service\": [\n          \"{A}@cdp.aliyuncs.com\"\n        ]\n      }}\n    }}\n  ],\n  \"Version\": \"1\"\n}}\n"
            )
        );
        let entry = &plan.unconfirmed[0];
        assert!(entry.assumption.contains("cdp.aliyuncs.com"));
        assert!(entry.assumption.contains(&format!("{A}@cdp.aliyuncs.com")));
        assert_eq!(entry.source, SOURCE);
        assert_eq!(plan.unconfirmed.len(), 4);
    }

    #[test]
    fn system_policies_per_source_type() {
        let rds = ["AliyunDataWorksAccessingRdsReadOnlyPolicy"];
        let cases: [(&str, &str, &[&str]); 6] = [
            ("rds-mysql", "rm-uf6abc", &rds),
            ("rds-sqlserver", "rm-uf6abc", &rds),
            ("rds-postgresql", "pgm-uf6abc", &rds),
            ("rds-mariadb", "rm-uf6abc", &rds),
            (
                "hive",
                "C-A510C0FD3FCC1234",
                &[
                    "AliyunDataWorksAccessingDLFReadOnlyPolicy",
                    "AliyunDataWorksAccessingEMRReadOnlyPolicy",
                ],
            ),
            (
                "kafka",
                "alikafka_post-cn-abc123",
                &["AliyunDataWorksAccessingAlikafkaPolicy"],
            ),
        ];
        for (source_type, id, expected) in cases {
            let plan = run(&[
                ("source_type", source_type.into()),
                ("instance_id", id.into()),
            ]);
            assert!(!plan.has_errors(), "{source_type}: {:#?}", plan.findings);
            assert_eq!(codes(&plan, Severity::Warning), [], "{source_type}");
            let names: Vec<String> =
                serde_json::from_str(&plan.artifact("system-policies").unwrap().content).unwrap();
            assert_eq!(names, expected, "{source_type}");
            // The grant step names the same policies, in the same order.
            let granted: Vec<&str> = plan.steps[1]
                .parameters
                .iter()
                .skip(1)
                .map(|p| p.value.as_str())
                .collect();
            assert_eq!(granted, expected, "{source_type}");
        }
        let hive = run(&[
            ("source_type", "hive".into()),
            ("instance_id", "C-A510C0FD3FCC1234".into()),
        ]);
        assert!(hive.steps[4].instructions.contains("C-A510C0FD3FCC1234"));
    }

    #[test]
    fn only_the_kafka_policy_is_called_out_as_not_read_only() {
        assert!(!SCENARIO.summary_en.contains("read-only RAM role"));
        assert!(!SCENARIO.summary_zh.contains("只读 RAM 角色"));
        let kafka = run(&[
            ("source_type", "kafka".into()),
            ("instance_id", "alikafka_post-cn-abc123".into()),
        ]);
        let grant = &kafka.steps[1];
        assert_eq!(grant.cautions.len(), 1);
        assert!(grant.cautions[0].contains("not read-only"));
        assert!(grant.cautions[0].contains("create topics"));
        assert!(run(&[]).steps[1].cautions.is_empty());
    }

    #[test]
    fn the_connectivity_test_is_not_said_to_check_the_role() {
        for lang in [Lang::En, Lang::Zh] {
            let plan = plan("dataworks-di", &input(&[]), lang).unwrap();
            let test = &plan.steps[5];
            assert!(!test.instructions.contains("DataWorksDIRole"));
            assert!(!test.location.contains("Test Network Connectivity"));
        }
        let plan = run(&[]);
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.about == "What the connectivity test checks"));
    }

    #[test]
    fn generated_policies_lint_clean_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            for source_type in SOURCE_TYPES {
                let text = input(&[
                    ("source_type", (*source_type).into()),
                    ("instance_id", "abc-123".into()),
                ]);
                let plan = plan("dataworks-di", &text, lang).unwrap();
                assert!(!plan.has_errors(), "{:#?}", plan.findings);
                let report = lint(
                    &plan.artifact("trust-policy").unwrap().content,
                    &LintOptions {
                        kind: KindChoice::Trust,
                        lang,
                        role_name: Some("DataWorksDIRole".to_owned()),
                        ..LintOptions::default()
                    },
                );
                assert!(
                    report
                        .findings
                        .iter()
                        .all(|f| !matches!(f.severity, Severity::Error | Severity::Security)),
                    "{:#?}",
                    report.findings
                );
            }
        }
    }

    #[test]
    fn instance_id_shapes() {
        let field = Some("instance_id");
        for bad in ["rm-uf6 abc", "\"rm-uf6abc\"", "rm-uf6abc'", "rm\\uf6"] {
            let plan = run(&[("instance_id", bad.into())]);
            assert_eq!(codes(&plan, Severity::Error), [("PL401", field)], "{bad}");
            assert!(plan.artifacts.is_empty() && plan.steps.is_empty());
        }
        for masked in ["rm-uf6abc****", "<instance-id>", "alikafka_post-cn-xxxx"] {
            let plan = run(&[("instance_id", masked.into())]);
            assert_eq!(
                codes(&plan, Severity::Error),
                [("PL402", field)],
                "{masked}"
            );
        }
        let mixed = run(&[
            ("source_type", "kafka".into()),
            ("instance_id", "rm-uf6abc".into()),
        ]);
        assert!(!mixed.has_errors());
        assert_eq!(codes(&mixed, Severity::Warning), [("PL403", field)]);
        assert!(mixed.findings[0].message.contains("RDS instance ID"));
        let cluster_for_rds = run(&[("instance_id", "C-A510C0FD3FCC1234".into())]);
        assert_eq!(
            codes(&cluster_for_rds, Severity::Warning),
            [("PL403", field)]
        );
        // An ID of no known shape passes: the check is loose on purpose.
        let unknown = run(&[("instance_id", "abc-123".into())]);
        assert_eq!(codes(&unknown, Severity::Warning), []);
        assert!(!unknown.has_errors());
    }

    #[test]
    fn unknown_source_type_and_missing_fields_are_errors() {
        let plan = run(&[("source_type", "oracle".into())]);
        assert!(plan
            .findings
            .iter()
            .any(|f| f.code == "PL007" && f.field() == Some("source_type")));
        assert!(plan.artifacts.is_empty());
        let plan = plan_without("instance_id");
        assert!(plan
            .findings
            .iter()
            .any(|f| f.code == "PL004" && f.field() == Some("instance_id")));
    }

    fn plan_without(field: &str) -> Plan {
        let mut object: serde_json::Value = serde_json::from_str(&input(&[])).unwrap();
        object.as_object_mut().unwrap().remove(field);
        plan("dataworks-di", &object.to_string(), Lang::En).unwrap()
    }

    #[test]
    fn same_account_is_a_warning_and_bad_uid_an_error() {
        let same = run(&[("resource_account_uid", A.into())]);
        assert!(!same.has_errors());
        assert_eq!(
            codes(&same, Severity::Warning),
            [("PL404", Some("resource_account_uid"))]
        );
        let bad = run(&[("resource_account_uid", "12345".into())]);
        assert!(bad
            .findings
            .iter()
            .any(|f| f.code == "PL006" && f.field() == Some("resource_account_uid")));
        assert!(bad.artifacts.is_empty() && bad.steps.is_empty());
    }

    #[test]
    fn chinese_plan_is_in_chinese() {
        let plan = plan("dataworks-di", &input(&[]), Lang::Zh).unwrap();
        assert!(!plan.has_errors());
        assert_eq!(plan.steps[0].title, "创建供 DataWorks 使用的角色");
        assert!(plan.steps[4]
            .parameters
            .iter()
            .any(|p| p.name == "数据源类型" && p.value == "阿里云实例模式"));
        assert!(plan.unconfirmed[0].about.contains("服务主体"));
        // RAM's "Other Alibaba Cloud Account" and DI's "Other Cloud Account" stay apart.
        assert!(plan.steps[0]
            .parameters
            .iter()
            .any(|p| p.value == "其他阿里云账号"));
        assert!(plan.steps[4]
            .parameters
            .iter()
            .any(|p| p.name == "实例所属账号" && p.value == "其他阿里云账号"));
        let text = crate::plan::to_json(&plan);
        assert!(!text.contains("主账号"));
    }

    #[test]
    fn a_trust_policy_with_another_service_fails_the_self_check() {
        let plan = run(&[]);
        assert!(plan
            .checks
            .iter()
            .all(|c| c.result != crate::plan::CheckResult::Failed));
        assert_eq!(
            plan.checks
                .iter()
                .filter(|c| c.result == crate::plan::CheckResult::NotEvaluated)
                .count(),
            1,
            "the RDS system policy"
        );
        let broken = crate::plan::plan_tampered("dataworks-di", &input(&[]), Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "trust-policy", |t| {
                t.replace("@cdp.aliyuncs.com", "@engine.dataworks.aliyuncs.com")
            });
        })
        .unwrap();
        let failures = crate::plan::self_check_failures(&broken);
        assert_eq!(failures.len(), 2, "{failures:#?}");
        assert!(failures[0].contains(&format!("`{A}@cdp.aliyuncs.com` can assume")));
        assert!(broken.artifacts.is_empty() && broken.steps.is_empty());
    }
}
