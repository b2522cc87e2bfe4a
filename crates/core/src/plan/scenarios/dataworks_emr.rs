//! Seed 000: DataWorks in account A registers an E-MapReduce cluster that account B owns.
//!
//! Account B creates a RAM role that DataWorks, acting for account A, may assume, and grants
//! it read access to EMR; account A then registers the cluster as a computing resource.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

use crate::arn;
use crate::finding::Severity;
use crate::plan::console::{self, Prose, Trusted};
use crate::plan::emr_version::EmrVersion;
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs};
use crate::plan::{Account, Builder, PolicyType, Step};

use super::ScenarioSpec;
use crate::tr;

const SOURCE: &str =
    "https://www.alibabacloud.com/help/en/dataworks/user-guide/cross-account-registration-for-emr-cluster";

/// The one system policy the role needs (ram-facts §9.1; its content is read-only `emr:Get*`
/// and `emr:List*`, S39).
const SYSTEM_POLICY: &str = "AliyunDataWorksAccessingEMRReadOnlyPolicy";

/// The service DataWorks uses for EMR (`AliyunServiceRoleForDataworksOnEmr`, ram-facts §9.4).
const EMR_SERVICE: &str = "emr.dataworks.aliyuncs.com";

/// The service DataWorks uses for MaxCompute (ram-facts §9.2, §9.4): right for the
/// `dataworks-maxcompute` scenario, wrong here.
const MAXCOMPUTE_SERVICE: &str = "engine.dataworks.aliyuncs.com";

/// The service the Data Integration seed (002) names; also wrong here.
const DATA_INTEGRATION_SERVICE: &str = "cdp.aliyuncs.com";

/// The only versions the console offers for cross-account registration.
const SUPPORTED_VERSIONS: [EmrVersion; 2] = [EmrVersion::new(3, 38, 2), EmrVersion::new(3, 38, 3)];

const CLUSTER_TYPES: &[&str] = &[
    "hadoop",
    "datalake",
    "dataflow",
    "olap",
    "datascience",
    "custom",
];
const METADATA: &[&str] = &["builtin-mysql", "rds", "dlf"];
const WORKSPACE_MODES: &[&str] = &["basic", "standard"];

static FIELDS: &[FieldSpec] = &[
    super::DATAWORKS_ACCOUNT_UID,
    super::RESOURCE_ACCOUNT_UID,
    super::role_name("EMRRole"),
    super::REGION,
    FieldSpec {
        name: "emr_cluster_id",
        label_en: "EMR cluster ID",
        label_zh: "EMR 集群 ID",
        help_en: "Optional: the ID of account B's cluster as the EMR console shows it, such as `C-A510C0FD3FCC1234`. Without it, the plan says which cluster to pick from the list.",
        help_zh: "可选：账号 B 的集群 ID，即 EMR 控制台中显示的 ID，例如 `C-A510C0FD3FCC1234`。不填时，计划会说明应在列表中选择哪个集群。",
        kind: FieldKind::Text,
        required: false,
        default: None,
    },
    FieldSpec {
        name: "emr_cluster_type",
        label_en: "Cluster type",
        label_zh: "集群类型",
        help_en: "The cluster type shown on the EMR console. Only `hadoop` clusters can be registered from another account, so that is the default.",
        help_zh: "EMR 控制台中显示的集群类型。只有 `hadoop` 集群可以跨账号注册，因此默认为 `hadoop`。",
        kind: FieldKind::Choice(CLUSTER_TYPES),
        required: true,
        default: Some(Default::Str("hadoop")),
    },
    FieldSpec {
        name: "emr_version",
        label_en: "EMR version",
        label_zh: "EMR 版本",
        help_en: "The cluster's version, written `V3.38.3`, `EMR-3.38.3` or `3.38.3`. Only V3.38.2 and V3.38.3 can be registered from another account.",
        help_zh: "集群版本，可写作 `V3.38.3`、`EMR-3.38.3` 或 `3.38.3`。只有 V3.38.2 和 V3.38.3 可以跨账号注册。",
        kind: FieldKind::EmrVersion,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "emr_metadata",
        label_en: "Metadata storage",
        label_zh: "元数据存储",
        help_en: "Where the cluster keeps its Hive metadata: `builtin-mysql` (the cluster's own MySQL, the default), `rds` (an ApsaraDB RDS database) or `dlf` (DLF unified metadata, which cross-account registration does not support).",
        help_zh: "集群的 Hive 元数据存放位置：`builtin-mysql`（集群内置 MySQL，默认）、`rds`（云数据库 RDS）或 `dlf`（DLF 统一元数据，跨账号注册不支持）。",
        kind: FieldKind::Choice(METADATA),
        required: true,
        default: Some(Default::Str("builtin-mysql")),
    },
    FieldSpec {
        name: "kerberos",
        label_en: "Kerberos",
        label_zh: "Kerberos 认证",
        help_en: "Whether the cluster has Kerberos authentication turned on. Defaults to false; clusters with Kerberos cannot be registered from another account.",
        help_zh: "集群是否开启了 Kerberos 认证。默认为 false；开启 Kerberos 的集群不能跨账号注册。",
        kind: FieldKind::Bool,
        required: true,
        default: Some(Default::Bool(false)),
    },
    FieldSpec {
        name: "workspace_mode",
        label_en: "Workspace mode",
        label_zh: "工作空间模式",
        help_en: "The mode of account A's DataWorks workspace: `basic` (one environment, the default) or `standard` (development and production, each registered separately).",
        help_zh: "账号 A 的 DataWorks 工作空间模式：`basic`（简单模式，单一环境，默认）或 `standard`（标准模式，开发与生产环境需分别注册）。",
        kind: FieldKind::Choice(WORKSPACE_MODES),
        required: true,
        default: Some(Default::Str("basic")),
    },
    FieldSpec {
        name: "dataworks_service_principal",
        label_en: "DataWorks service principal",
        label_zh: "DataWorks 服务主体",
        help_en: "Optional: the principal the role trusts, `<account A's ID>@emr.dataworks.aliyuncs.com`. Leave it empty to build it from the DataWorks account ID. The documentation prints it masked as `san******@emr.dataworks.aliyuncs.com`.",
        help_zh: "可选：角色信任的主体，格式为 `<账号 A 的 ID>@emr.dataworks.aliyuncs.com`。留空则根据 DataWorks 所属账号 ID 生成。文档中该值以脱敏形式 `san******@emr.dataworks.aliyuncs.com` 出现。",
        kind: FieldKind::Text,
        required: false,
        default: None,
    },
];

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "dataworks-emr",
    title_en: "Register another account's EMR cluster in DataWorks",
    title_zh: "在 DataWorks 中注册其他账号的 EMR 集群",
    summary_en: "Account B, which owns an E-MapReduce Hadoop cluster, creates a RAM role that DataWorks may assume on behalf of account A; account A then adds the cluster to its workspace as a computing resource.",
    summary_zh: "拥有 E-MapReduce Hadoop 集群的账号 B 创建一个 RAM 角色，允许 DataWorks 代表账号 A 扮演；随后账号 A 将该集群作为计算资源加入自己的工作空间。",
    source: SOURCE,
    fields: FIELDS,
    build,
};

fn build(inputs: &Inputs, b: &mut Builder) {
    if check_limitations(inputs, b) {
        state_limitations(inputs, b);
    }
    let cluster_id = match inputs.str("emr_cluster_id") {
        Some(id) => check_cluster_id(id, b),
        None => {
            let message = tr!(b.lang, "no `emr_cluster_id` was given, so the plan cannot say which cluster to choose as Peer EMR Cluster", "未填写 `emr_cluster_id`，计划无法写明“对方 EMR 集群”应选择哪个集群");
            let help = tr!(b.lang, "when you register, pick account B's cluster by its ID, not by its name or version alone; set `emr_cluster_id` to the ID account B's EMR console shows (such as `C-A510C0FD3FCC1234`) and ramplan names the cluster in the steps", "注册时请按集群 ID 选择账号 B 的集群，不要只凭名称或版本判断；将 `emr_cluster_id` 设为账号 B 的 EMR 控制台中显示的 ID（例如 `C-A510C0FD3FCC1234`），ramplan 就会在步骤中写明该集群");
            b.finding(
                "PL114",
                Severity::Suggestion,
                Some("emr_cluster_id"),
                message,
                Some(help),
            );
            None
        }
    };
    let dataworks_uid = inputs.str("dataworks_account_uid");
    let resource_uid = inputs.str("resource_account_uid");
    if let (Some(a), Some(owner)) = (dataworks_uid, resource_uid) {
        if a == owner {
            let message = tr!(b.lang, format!("the DataWorks account and the cluster's account are both `{a}`; this plan is for a cluster in another account"), format!("DataWorks 所属账号与集群所属账号同为 `{a}`；本计划适用于其他账号的集群"));
            let help = tr!(b.lang, "a cluster of the workspace's own account is registered directly, without a cross-account role", "工作空间所属账号自己的集群可直接注册，无需跨账号角色");
            b.finding(
                "PL112",
                Severity::Warning,
                Some("resource_account_uid"),
                message,
                Some(help),
            );
        }
    }
    let principal = match inputs.str("dataworks_service_principal") {
        Some(given) => check_principal(given, dataworks_uid, b),
        None => dataworks_uid.map(|uid| format!("{uid}@{EMR_SERVICE}")),
    };
    let message = tr!(b.lang, "Spark SQL nodes on this cluster get table-level lineage only: Data Map shows no field (column) lineage for them", "该集群上的 Spark SQL 节点只有表级血缘：数据地图中不会显示它们的字段级血缘");
    b.finding("PL105", Severity::Warning, None, message, None);

    if b.findings.iter().any(|f| f.severity == Severity::Error) {
        return;
    }
    let (Some(dataworks_uid), Some(resource_uid), Some(principal), Some(version)) = (
        dataworks_uid,
        resource_uid,
        principal,
        EmrVersion::parse(inputs.text("emr_version")),
    ) else {
        return;
    };
    let role = inputs.text("role_name");
    let region = inputs.text("region");
    let standard = inputs.str("workspace_mode") == Some("standard");

    super::trust_policy_artifact(b, role, super::service_trust_policy(&principal));
    super::system_policies_artifact(b, role, [SYSTEM_POLICY]);
    b.ram_role(
        Account::Resource,
        role,
        "trust-policy",
        &[(PolicyType::System, SYSTEM_POLICY)],
    );
    let account = principal.split_once('@').map_or(dataworks_uid, |(a, _)| a);
    let trust = super::DataWorksTrust {
        role,
        account,
        service: EMR_SERVICE,
        dataworks_uid,
        resource_uid,
        why: tr!(b.lang, "DataWorks, acting for account A, registers the cluster through this role", "DataWorks 代表账号 A 通过该角色注册集群"),
        needed_by: tr!(b.lang, "registering an EMR cluster", "注册 EMR 集群"),
        other_service: MAXCOMPUTE_SERVICE,
        other_why: tr!(b.lang, format!("`@{MAXCOMPUTE_SERVICE}` is the principal of cross-account MaxCompute and Hologres data sources, not of EMR cluster registration"), format!("`@{MAXCOMPUTE_SERVICE}` 是跨账号 MaxCompute 和 Hologres 数据源所用的主体，不用于注册 EMR 集群")),
    };
    super::expect_dataworks_trust(b, trust);

    // Account B: the role.
    let step = console::DATAWORKS_EMR.create_role(
        b.lang,
        Account::Resource,
        role,
        Trusted::Account(dataworks_uid),
        Prose {
            title: tr!(b.lang, "Create the role for account A", "创建供账号 A 使用的角色"),
            instructions: tr!(b.lang, format!("Log on to the RAM console with account B (`{resource_uid}`), which owns the cluster. Create a role whose trusted entity is an Alibaba Cloud account, choose Other Alibaba Cloud Account and enter account A's ID. Account A's ID is shown when you log on with it and hover over the profile picture in the top bar. The console writes a trust policy that names account A; the next step narrows it to DataWorks."), format!("使用拥有集群的账号 B（`{resource_uid}`）登录 RAM 控制台。创建一个可信实体为阿里云账号的角色，选择“其他阿里云账号”并填写账号 A 的 ID。用账号 A 登录后将鼠标悬停在顶部导航栏的头像上即可看到其 ID。控制台会生成一份信任账号 A 的信任策略；下一步会将其收窄为只信任 DataWorks。")),
            verify: tr!(
                b.lang,
                format!("`{role}` appears in the list of roles"),
                format!("角色列表中出现 `{role}`")
            ),
        },
    );
    b.push_ram_step(step);

    let mut step = console::DATAWORKS_EMR.replace_trust_policy(
        b.lang,
        Account::Resource,
        role,
        Prose {
            title: tr!(b.lang, "Replace the trust policy", "替换信任策略"),
            instructions: tr!(b.lang, format!("Replace the whole document with the one below and save it. It lets DataWorks, acting for account A, assume the role. The principal is account A's ID followed by `@{EMR_SERVICE}`, here `{principal}`. The documentation prints this value masked, as `san******@{EMR_SERVICE}`, and explains that it stands for account A's ID; no source shows it unmasked (see the end of the plan)."), format!("用下方内容替换整份信任策略并保存。该策略允许 DataWorks 代表账号 A 扮演此角色。主体为账号 A 的 ID 加上 `@{EMR_SERVICE}`，此处为 `{principal}`。文档中该值以脱敏形式 `san******@{EMR_SERVICE}` 出现，并说明它代表账号 A 的 ID；没有任何资料给出其未脱敏的写法（见计划末尾）。")),
            verify: tr!(b.lang, format!("the Trust Policy tab of `{role}` lists `{principal}` under `Service`"), format!("`{role}` 的“信任策略”页签中，`Service` 下列出 `{principal}`")),
        },
    );
    step.caution(tr!(b.lang, "do not paste the masked value from the documentation: a role that trusts `san******@...` can be assumed by no one", "不要粘贴文档中的脱敏值：信任 `san******@...` 的角色无法被任何人扮演"));
    b.push_ram_step(step);

    let step = console::DATAWORKS_EMR.grant(
        b.lang,
        Account::Resource,
        role,
        console::DATAWORKS_EMR_SYSTEM_GRANT,
        &[SYSTEM_POLICY],
        Prose {
            title: tr!(b.lang, "Grant the read-only EMR policy", "授予 EMR 只读策略"),
            instructions: tr!(b.lang, format!("On the details page of `{role}`, attach the system policy below to the role. It lets DataWorks list account B's clusters and read their details and configuration; it grants no write access."), format!("在 `{role}` 的详情页为该角色添加下方系统策略。该策略允许 DataWorks 列出账号 B 的集群并读取其详情与配置，不包含任何写权限。")),
            verify: tr!(
                b.lang,
                format!(
                    "the details page of `{role}` lists `{SYSTEM_POLICY}` among the role's policies"
                ),
                format!("`{role}` 的详情页中，该角色的权限策略里列出 `{SYSTEM_POLICY}`")
            ),
        },
    );
    b.push_ram_step(step);

    // Account A: DataWorks.
    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, "Open Computing Resources in Management Center", "打开管理中心的计算资源页面"),
        tr!(b.lang, "DataWorks console > More > Management Center > Computing Resources", "DataWorks 控制台 > 更多 > 管理中心 > 计算资源"),
        tr!(b.lang, format!("Log on to the DataWorks console with account A (`{dataworks_uid}`) and choose region `{region}` in the top bar. In the left pane choose More > Management Center, pick the workspace, click Go to Management Center, then click Computing Resources."), format!("使用账号 A（`{dataworks_uid}`）登录 DataWorks 控制台，在顶部导航栏选择地域 `{region}`。在左侧导航栏选择“更多 > 管理中心”，选择工作空间后单击“进入管理中心”，再单击“计算资源”。")),
    );
    step.param(tr!(b.lang, "Region", "地域"), region);
    b.push_step(step);

    let cluster = match &cluster_id {
        Some(id) => id.clone(),
        None => tr!(b.lang, format!("the ID of account B's {version} Hadoop cluster: pick the cluster by its ID (set `emr_cluster_id` to have it named here)"), format!("账号 B 的 {version} Hadoop 集群的 ID：请按 ID 选择集群（填写 `emr_cluster_id` 后此处会写明）")),
    };
    let instructions = if standard {
        tr!(b.lang, "Follow the console's prompts to add an E-MapReduce computing resource that belongs to another Alibaba Cloud account. The workspace is in standard mode, so register the cluster twice: once for the development environment and once for production, each with the values below. Only Hadoop clusters of V3.38.2 or V3.38.3 whose metadata is not DLF unified metadata are offered as Peer EMR Cluster, and a cluster with Kerberos authentication is not supported.", "按控制台提示添加属于其他阿里云账号的 E-MapReduce 计算资源。该工作空间为标准模式，需注册两次：开发环境一次、生产环境一次，分别按下表填写。“对方 EMR 集群”只提供版本为 V3.38.2 或 V3.38.3、且元数据不是 DLF 统一元数据的 Hadoop 集群；开启了 Kerberos 认证的集群也不受支持。")
    } else {
        tr!(b.lang, "Follow the console's prompts to add an E-MapReduce computing resource that belongs to another Alibaba Cloud account, and fill in the values below. Only Hadoop clusters of V3.38.2 or V3.38.3 whose metadata is not DLF unified metadata are offered as Peer EMR Cluster, and a cluster with Kerberos authentication is not supported.", "按控制台提示添加属于其他阿里云账号的 E-MapReduce 计算资源，并按下表填写。“对方 EMR 集群”只提供版本为 V3.38.2 或 V3.38.3、且元数据不是 DLF 统一元数据的 Hadoop 集群；开启了 Kerberos 认证的集群也不受支持。")
    };
    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, "Register account B's cluster", "注册账号 B 的集群"),
        tr!(
            b.lang,
            "Management Center > Computing Resources",
            "管理中心 > 计算资源"
        ),
        instructions,
    );
    let environments: Vec<Option<String>> = if standard {
        vec![
            Some(tr!(b.lang, "Development", "开发环境")),
            Some(tr!(b.lang, "Production", "生产环境")),
        ]
    } else {
        vec![None]
    };
    for environment in &environments {
        let label = |name: String| match environment {
            Some(env) => format!("{env} · {name}"),
            None => name,
        };
        step.param(
            label(tr!(
                b.lang,
                "Alibaba Cloud Primary Account UID",
                "阿里云主账号 UID"
            )),
            resource_uid,
        )
        .param(
            label(tr!(b.lang, "Opposite RAM Role", "对方 RAM 角色")),
            role,
        )
        .param(
            label(tr!(b.lang, "Peer EMR Cluster", "对方 EMR 集群")),
            cluster.as_str(),
        );
    }
    let listed = if standard {
        tr!(b.lang, "the cluster is listed under Computing Resources in both the development and the production environment", "开发环境和生产环境的计算资源列表中都出现该集群")
    } else {
        tr!(
            b.lang,
            "the cluster is listed under Computing Resources",
            "计算资源列表中出现该集群"
        )
    };
    step.verify(tr!(b.lang, format!("{listed}. If it is missing from the Peer EMR Cluster list or cannot be registered, check that it is a Hadoop cluster (not another cluster type) of V3.38.2 or V3.38.3, that its metadata is not DLF unified metadata and that Kerberos authentication is off; then check the role's trust policy and system policy (steps 2 and 3)"), format!("{listed}。若“对方 EMR 集群”列表中找不到它或无法注册，请确认它是 Hadoop 集群（而非其他集群类型）、版本为 V3.38.2 或 V3.38.3、元数据不是 DLF 统一元数据且未开启 Kerberos 认证；再检查角色的信任策略和系统策略（第 2、3 步）")));
    b.push_step(step);

    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, "Initialize the resource group", "初始化资源组"),
        tr!(
            b.lang,
            "DataWorks console (the documentation names no menu path for this step)",
            "DataWorks 控制台（文档未给出此步骤的菜单路径）"
        ),
        if standard {
            tr!(b.lang, "For each environment, initialize the resource group that will run the cluster's tasks, so that it is set up to reach the cluster. Do it now, since this is the first association, and again whenever the cluster's service configuration changes (core-site.xml, for example) or its components are upgraded.", "分别为每个环境初始化将运行该集群任务的资源组，使其具备访问集群所需的配置。首次关联时需要执行；此后每当集群的服务配置变化（例如修改 core-site.xml）或组件升级，也要重新初始化。")
        } else {
            tr!(b.lang, "Initialize the resource group that will run the cluster's tasks, so that it is set up to reach the cluster. Do it now, since this is the first association, and again whenever the cluster's service configuration changes (core-site.xml, for example) or its components are upgraded.", "初始化将运行该集群任务的资源组，使其具备访问集群所需的配置。首次关联时需要执行；此后每当集群的服务配置变化（例如修改 core-site.xml）或组件升级，也要重新初始化。")
        },
    );
    step.caution(tr!(b.lang, "initialization can make tasks that are running on the resource group fail: do it off-peak, unless tasks are already failing after a cluster configuration change. If initialization fails, run the connectivity diagnosis tool to find out why.", "初始化可能导致资源组上正在运行的任务失败：请在业务低峰期执行，除非集群配置变更后任务已经开始失败。若初始化失败，请使用网络连通性诊断工具排查原因。"))
    .verify(tr!(b.lang, "initialization reports success and the resource group can reach the cluster", "初始化显示成功，且资源组可以连通集群"));
    b.push_step(step);

    b.unconfirmed(
        tr!(b.lang, "DataWorks service principal", "DataWorks 服务主体"),
        tr!(b.lang, format!("the documentation shows the principal only masked, as `san******@{EMR_SERVICE}`, and says it stands for account A's ID. Account IDs are 16 digits, so `san` is not a literal prefix; ramplan writes `<account A's ID>@{EMR_SERVICE}` (here `{principal}`), the form Alibaba Cloud uses for a service acting for another account"), format!("文档只给出了脱敏后的主体 `san******@{EMR_SERVICE}`，并说明它代表账号 A 的 ID。账号 ID 为 16 位数字，`san` 并非字面前缀；ramplan 按阿里云中“服务代表其他账号”的通用格式写作 `<账号 A 的 ID>@{EMR_SERVICE}`（此处为 `{principal}`）")),
        SOURCE,
    );
    b.unconfirmed(
        tr!(b.lang, "Where to initialize the resource group", "初始化资源组的位置"),
        tr!(b.lang, "the documentation says when and why to initialize the resource group, but not where in the console to do it; ramplan gives no menu path. Look for the option where the registered computing resource or the workspace's resource groups are managed", "文档说明了何时以及为何要初始化资源组，但没有说明在控制台的哪个位置操作；ramplan 不给出菜单路径。请在管理已注册计算资源或工作空间资源组的页面中查找该操作"),
        SOURCE,
    );
    if standard {
        b.unconfirmed(
            tr!(b.lang, "Production cluster in standard mode", "标准模式下的生产环境集群"),
            tr!(b.lang, "the documentation says to configure development and production separately but not whether both may point at the same cluster; ramplan fills in the same account, role and cluster for both. To run production on another cluster of account B, choose that cluster in the production registration", "文档要求分别配置开发和生产环境，但没有说明两者能否指向同一集群；ramplan 为两者填写了相同的账号、角色和集群。若生产环境要使用账号 B 的另一个集群，请在生产环境注册时选择该集群"),
            SOURCE,
        );
    }
}

/// The documented limitations, each an error on its own field. Returns whether the inputs
/// pass them all.
fn check_limitations(inputs: &Inputs, b: &mut Builder) -> bool {
    let before = b.findings.len();
    if let Some(kind) = inputs.str("emr_cluster_type") {
        if kind != "hadoop" {
            let message = tr!(b.lang, format!("only EMR Hadoop clusters can be registered from another account, not `{kind}` clusters"), format!("只有 EMR Hadoop 集群可以跨账号注册，`{kind}` 集群不行"));
            let help = tr!(b.lang, "create a Hadoop cluster of V3.38.2 or V3.38.3 in account B, or register the cluster from its own account", "请在账号 B 中创建 V3.38.2 或 V3.38.3 的 Hadoop 集群，或在集群所属账号中直接注册");
            b.finding(
                "PL101",
                Severity::Error,
                Some("emr_cluster_type"),
                message,
                Some(help),
            );
        }
    }
    if let Some(version) = inputs.str("emr_version").and_then(EmrVersion::parse) {
        if !SUPPORTED_VERSIONS.contains(&version) {
            let message = tr!(b.lang, format!("only clusters of V3.38.2 or V3.38.3 can be registered from another account, not {version}"), format!("只有 V3.38.2 或 V3.38.3 的集群可以跨账号注册，{version} 不行"));
            let help = tr!(
                b.lang,
                "the console lists no other version for a cross-account cluster",
                "跨账号注册时，控制台不会列出其他版本的集群"
            );
            b.finding(
                "PL102",
                Severity::Error,
                Some("emr_version"),
                message,
                Some(help),
            );
        }
    }
    if inputs.str("emr_metadata") == Some("dlf") {
        let message = tr!(b.lang, "clusters whose metadata is DLF unified metadata cannot be registered from another account", "元数据为 DLF 统一元数据的集群不能跨账号注册");
        let help = tr!(b.lang, "the documentation's only requirement on the cluster's Metadata setting is that it is not DLF Unified Metadata; it names no other condition on where the metadata is kept", "文档对集群“元数据”参数的唯一要求是不能设为 DLF 统一元数据，对元数据存放位置没有其他要求");
        b.finding(
            "PL103",
            Severity::Error,
            Some("emr_metadata"),
            message,
            Some(help),
        );
    }
    if inputs.bool("kerberos") {
        let message = tr!(
            b.lang,
            "clusters with Kerberos authentication cannot be registered from another account",
            "开启 Kerberos 认证的集群不能跨账号注册"
        );
        b.finding("PL104", Severity::Error, Some("kerberos"), message, None);
    }
    b.findings.len() == before
}

/// States the limits even when the inputs pass them: the type, metadata and Kerberos fields
/// have defaults, so a plan may rest on values nobody checked against the real cluster.
fn state_limitations(inputs: &Inputs, b: &mut Builder) {
    let kind = inputs.str("emr_cluster_type").unwrap_or("hadoop");
    let metadata = inputs.str("emr_metadata").unwrap_or("builtin-mysql");
    let message = tr!(b.lang, "only Hadoop clusters of V3.38.2 or V3.38.3 can be registered from another account, and only if their metadata is not DLF unified metadata and Kerberos authentication is off", "只有版本为 V3.38.2 或 V3.38.3 的 Hadoop 集群可以跨账号注册，且其元数据不能是 DLF 统一元数据、不能开启 Kerberos 认证");
    let help = tr!(b.lang, format!("the plan takes account B's cluster to be a `{kind}` cluster whose metadata is `{metadata}` and that has Kerberos off, as `emr_cluster_type`, `emr_metadata` and `kerberos` say; when these fields are left out, ramplan assumes `hadoop`, `builtin-mysql` and `false` without checking. If the real cluster differs, it cannot be registered: check its type, version, metadata and Kerberos settings before you start"), format!("本计划按 `emr_cluster_type`、`emr_metadata` 和 `kerberos` 的取值，将账号 B 的集群视为类型 `{kind}`、元数据 `{metadata}`、未开启 Kerberos；这些字段未填写时，ramplan 会不加核实地假定为 `hadoop`、`builtin-mysql` 和 `false`。若实际集群与此不符，则无法注册：开始之前请核对其集群类型、版本、元数据和 Kerberos 设置"));
    b.finding("PL113", Severity::Suggestion, None, message, Some(help));
}

/// Returns the ID to write into the steps, or `None` when it cannot be used.
fn check_cluster_id(id: &str, b: &mut Builder) -> Option<String> {
    let field = Some("emr_cluster_id");
    if arn::looks_like_placeholder(id) || id.contains('*') {
        let message = tr!(
            b.lang,
            format!("`emr_cluster_id` `{id}` is masked or a placeholder"),
            format!("`emr_cluster_id` 的值 `{id}` 是脱敏值或占位符")
        );
        let help = tr!(b.lang, "copy the full ID from account B's EMR console, or leave the field empty and pick the cluster from the list", "请从账号 B 的 EMR 控制台复制完整 ID，或留空并在列表中选择集群");
        b.finding("PL110", Severity::Error, field, message, Some(help));
        return None;
    }
    if id
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '\\'))
    {
        let message = tr!(
            b.lang,
            format!("`emr_cluster_id` `{id}` contains spaces or quotes, which no cluster ID has"),
            format!("`emr_cluster_id` 的值 `{id}` 包含空格或引号，集群 ID 中不会出现这些字符")
        );
        b.finding("PL110", Severity::Error, field, message, None);
        return None;
    }
    let prefix = id.get(..2).unwrap_or_default();
    if !prefix.eq_ignore_ascii_case("c-") {
        let message = tr!(b.lang, format!("`emr_cluster_id` `{id}` does not look like an EMR cluster ID, which starts with `C-`"), format!("`emr_cluster_id` 的值 `{id}` 不像 EMR 集群 ID（集群 ID 以 `C-` 开头）"));
        b.finding("PL111", Severity::Warning, field, message, None);
    }
    Some(id.to_owned())
}

/// Checks a principal the user gave; returns the value to trust when it is usable.
fn check_principal(given: &str, dataworks_uid: Option<&str>, b: &mut Builder) -> Option<String> {
    let field = Some("dataworks_service_principal");
    let expected = tr!(
        b.lang,
        format!("`<account A's ID>@{EMR_SERVICE}`"),
        format!("`<账号 A 的 ID>@{EMR_SERVICE}`")
    );
    let leave_empty = tr!(
        b.lang,
        "leave the field empty to build it from `dataworks_account_uid`",
        "留空即可根据 `dataworks_account_uid` 自动生成"
    );
    let Some((account, service)) = given.split_once('@') else {
        if arn::looks_like_placeholder(given) {
            let message = tr!(b.lang, format!("`dataworks_service_principal` `{given}` is the documentation's placeholder, not a principal"), format!("`dataworks_service_principal` 的值 `{given}` 是文档中的占位符，不是主体"));
            b.finding("PL108", Severity::Error, field, message, Some(leave_empty));
        } else {
            let message = tr!(b.lang, format!("`dataworks_service_principal` `{given}` names no account; across accounts the principal is {expected}"), format!("`dataworks_service_principal` 的值 `{given}` 缺少账号；跨账号时主体应为 {expected}"));
            let help = tr!(b.lang, format!("a service name alone (`{EMR_SERVICE}`) means the service in account B itself, not DataWorks acting for account A; {leave_empty}"), format!("只写服务名（`{EMR_SERVICE}`）表示账号 B 自己的服务，而非代表账号 A 的 DataWorks；{leave_empty}"));
            b.finding("PL106", Severity::Error, field, message, Some(help));
        }
        return None;
    };
    let service = service.to_ascii_lowercase();
    let mut usable = true;
    if service == MAXCOMPUTE_SERVICE {
        let message = tr!(b.lang, format!("`dataworks_service_principal` names `{MAXCOMPUTE_SERVICE}`, the service DataWorks uses for MaxCompute; registering an EMR cluster needs `{EMR_SERVICE}`"), format!("`dataworks_service_principal` 中的 `{MAXCOMPUTE_SERVICE}` 是 DataWorks 访问 MaxCompute 所用的服务；注册 EMR 集群需要 `{EMR_SERVICE}`"));
        let help = tr!(b.lang, format!("the `{MAXCOMPUTE_SERVICE}` principal belongs to cross-account MaxCompute data sources (scenario `dataworks-maxcompute`); {leave_empty}"), format!("`{MAXCOMPUTE_SERVICE}` 主体用于跨账号 MaxCompute 数据源（场景 `dataworks-maxcompute`）；{leave_empty}"));
        b.finding("PL107", Severity::Error, field, message, Some(help));
        usable = false;
    } else if service != EMR_SERVICE {
        let message = tr!(b.lang, format!("`dataworks_service_principal` names the service `{service}`; registering an EMR cluster needs {expected}"), format!("`dataworks_service_principal` 中的服务为 `{service}`；注册 EMR 集群需要 {expected}"));
        let help = if service == DATA_INTEGRATION_SERVICE {
            tr!(b.lang, format!("`{DATA_INTEGRATION_SERVICE}` is the principal the Data Integration documentation gives for RDS, Hive and Kafka data sources (scenario `dataworks-di`); {leave_empty}"), format!("`{DATA_INTEGRATION_SERVICE}` 是数据集成文档中 RDS、Hive、Kafka 数据源所用的主体（场景 `dataworks-di`）；{leave_empty}"))
        } else {
            leave_empty.clone()
        };
        b.finding("PL106", Severity::Error, field, message, Some(help));
        usable = false;
    }
    if arn::looks_like_placeholder(account) || account.contains('*') {
        let message = tr!(b.lang, format!("`dataworks_service_principal` starts with `{account}`, the documentation's masked stand-in for account A's ID"), format!("`dataworks_service_principal` 以 `{account}` 开头，这是文档中代替账号 A 的 ID 的脱敏值"));
        let help = tr!(b.lang, format!("a role that trusts the masked value can be assumed by no one; write account A's 16-digit ID, or {leave_empty}"), format!("信任脱敏值的角色无法被任何人扮演；请填写账号 A 的 16 位 ID，或{leave_empty}"));
        b.finding("PL108", Severity::Error, field, message, Some(help));
        usable = false;
    } else if !arn::is_account_id(account) {
        let message = tr!(b.lang, format!("`dataworks_service_principal` starts with `{account}`, which is not a 16-digit account ID; the principal is {expected}"), format!("`dataworks_service_principal` 以 `{account}` 开头，这不是 16 位账号 ID；主体应为 {expected}"));
        b.finding("PL106", Severity::Error, field, message, Some(leave_empty));
        usable = false;
    } else if let Some(uid) = dataworks_uid.filter(|uid| *uid != account) {
        let message = tr!(b.lang, format!("`dataworks_service_principal` names account `{account}`, but the DataWorks account is `{uid}`; the role will trust DataWorks acting for `{account}`"), format!("`dataworks_service_principal` 中的账号为 `{account}`，而 DataWorks 所属账号为 `{uid}`；该角色将信任代表 `{account}` 的 DataWorks"));
        let help = tr!(
            b.lang,
            format!("check which account owns the workspace, or {leave_empty}"),
            format!("请确认工作空间属于哪个账号，或{leave_empty}")
        );
        b.finding("PL109", Severity::Warning, field, message, Some(help));
    }
    usable.then(|| format!("{account}@{service}"))
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
            "region": "cn-hangzhou",
            "emr_cluster_id": "C-A510C0FD3FCC1234",
            "emr_version": "V3.38.3",
        })
    }

    fn input(extra: &[(&str, serde_json::Value)]) -> String {
        test_support::input(base(), extra)
    }

    fn run(extra: &[(&str, serde_json::Value)]) -> Plan {
        test_support::run("dataworks-emr", base(), extra)
    }

    fn codes(plan: &Plan, severity: Severity) -> Vec<(&'static str, Option<&str>)> {
        crate::plan::codes_of(plan, severity)
    }

    fn has(plan: &Plan, code: &str, severity: Severity, field: Option<&str>) -> bool {
        plan.findings
            .iter()
            .any(|f| f.code == code && f.severity == severity && f.field() == field)
    }

    #[test]
    fn typical_plan_has_trust_policy_system_policy_and_six_steps() {
        let plan = run(&[]);
        assert!(!plan.has_errors(), "{:#?}", plan.findings);
        let trust = plan.artifact("trust-policy").unwrap();
        assert_eq!(
            trust.content,
            format!(
                "{{\n  \"Statement\": [\n    {{\n      \"Action\": \"sts:AssumeRole\",\n      \"Effect\": \"Allow\",\n      \"Principal\": {{\n        \"Service\": [\n          \"{A}@emr.dataworks.aliyuncs.com\"\n        ]\n      }}\n    }}\n  ],\n  \"Version\": \"1\"\n}}\n"
            )
        );
        let system = plan.artifact("system-policies").unwrap();
        let names: Vec<String> = serde_json::from_str(&system.content).unwrap();
        assert_eq!(names, ["AliyunDataWorksAccessingEMRReadOnlyPolicy"]);
        assert!(plan.artifact("runbook").is_some());

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
        let create = &plan.steps[0];
        assert!(create
            .parameters
            .iter()
            .any(|p| p.name == "Account ID" && p.value == A));
        assert!(create
            .parameters
            .iter()
            .any(|p| p.name == "RAM Role Name" && p.value == "EMRRole"));
        assert_eq!(plan.steps[1].artifacts, ["trust-policy"]);
        assert!(plan.steps[2]
            .parameters
            .iter()
            .any(|p| p.value == "AliyunDataWorksAccessingEMRReadOnlyPolicy"));
        assert!(plan.steps[3]
            .parameters
            .iter()
            .any(|p| p.value == "cn-hangzhou"));
        let register: Vec<(&str, &str)> = plan.steps[4]
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            register,
            [
                ("Alibaba Cloud Primary Account UID", B),
                ("Opposite RAM Role", "EMRRole"),
                ("Peer EMR Cluster", "C-A510C0FD3FCC1234"),
            ]
        );
        let init = &plan.steps[5];
        assert_eq!(init.cautions.len(), 1);
        assert!(init.cautions[0].contains("off-peak"));
        assert!(init.cautions[0].contains("connectivity diagnosis"));
        assert!(plan.steps.iter().all(|s| s.number > 0));
        assert!(plan.steps[0].verification.is_some());
    }

    #[test]
    fn the_limits_are_always_stated() {
        let plan = run(&[]);
        assert_eq!(codes(&plan, Severity::Suggestion), [("PL113", None)]);
        let limits = plan.findings.iter().find(|f| f.code == "PL113").unwrap();
        assert!(limits.message.contains("Kerberos"));
        assert!(limits.message.contains("Hadoop"));
        let help = limits.help.as_deref().unwrap();
        assert!(help.contains("`hadoop`") && help.contains("`builtin-mysql`"));
        let register = plan.steps[4].verification.as_deref().unwrap();
        assert!(register.contains("Kerberos") && register.contains("Hadoop"));
        assert!(plan
            .artifact("runbook")
            .unwrap()
            .content
            .contains("Kerberos"));
        // A limitation error states the limit itself.
        let kerberos = run(&[("kerberos", true.into())]);
        assert!(!has(&kerberos, "PL113", Severity::Suggestion, None));
    }

    #[test]
    fn a_missing_cluster_id_is_a_suggestion() {
        let plan = run(&[("emr_cluster_id", serde_json::Value::Null)]);
        assert!(!plan.has_errors());
        assert!(has(
            &plan,
            "PL114",
            Severity::Suggestion,
            Some("emr_cluster_id")
        ));
        let cluster = &plan.steps[4].parameters[2].value;
        assert!(cluster.contains("by its ID") && cluster.contains("`emr_cluster_id`"));
        assert!(!has(
            &run(&[]),
            "PL114",
            Severity::Suggestion,
            Some("emr_cluster_id")
        ));
    }

    #[test]
    fn steps_name_no_console_path_the_documentation_lacks() {
        let plan = run(&[]);
        assert!(!plan.steps[2].location.contains("Grant Permission"));
        assert!(plan.steps[2].location.contains("details page"));
        assert!(!plan.steps[5].location.contains("Computing Resources"));
        let dlf = run(&[("emr_metadata", "dlf".into())]);
        let help = dlf.findings[0].help.as_deref().unwrap();
        assert!(!help.contains("MySQL") && !help.contains("RDS"));
    }

    #[test]
    fn spark_lineage_is_a_warning() {
        let plan = run(&[]);
        assert_eq!(codes(&plan, Severity::Warning), [("PL105", None)]);
    }

    #[test]
    fn generated_policies_lint_clean_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            for mode in ["basic", "standard"] {
                let text = input(&[("workspace_mode", mode.into())]);
                let plan = plan("dataworks-emr", &text, lang).unwrap();
                assert!(!plan.has_errors(), "{:#?}", plan.findings);
                let trust = plan.artifact("trust-policy").unwrap();
                let report = lint(
                    &trust.content,
                    &LintOptions {
                        kind: KindChoice::Trust,
                        lang,
                        role_name: Some("EMRRole".to_owned()),
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
    fn each_limitation_is_an_error_on_its_field() {
        let cases: [(&str, serde_json::Value, &str); 4] = [
            ("emr_cluster_type", "datalake".into(), "PL101"),
            ("emr_version", "V5.16.0".into(), "PL102"),
            ("emr_metadata", "dlf".into(), "PL103"),
            ("kerberos", true.into(), "PL104"),
        ];
        for (field, value, code) in cases {
            let plan = run(&[(field, value)]);
            assert_eq!(
                codes(&plan, Severity::Error),
                [(code, Some(field))],
                "{field}"
            );
            assert!(plan.artifacts.is_empty() && plan.steps.is_empty());
        }
        for kind in ["dataflow", "olap", "datascience", "custom"] {
            let plan = run(&[("emr_cluster_type", kind.into())]);
            assert!(has(
                &plan,
                "PL101",
                Severity::Error,
                Some("emr_cluster_type")
            ));
        }
        for metadata in ["builtin-mysql", "rds"] {
            assert!(!run(&[("emr_metadata", metadata.into())]).has_errors());
        }
    }

    #[test]
    fn all_four_limitations_fire_together() {
        let plan = run(&[
            ("emr_cluster_type", "datalake".into()),
            ("emr_version", "EMR-5.8.0".into()),
            ("emr_metadata", "dlf".into()),
            ("kerberos", true.into()),
        ]);
        assert_eq!(
            codes(&plan, Severity::Error),
            [
                ("PL101", Some("emr_cluster_type")),
                ("PL102", Some("emr_version")),
                ("PL103", Some("emr_metadata")),
                ("PL104", Some("kerberos")),
            ]
        );
    }

    #[test]
    fn version_boundaries() {
        for (version, ok) in [
            ("V3.38.1", false),
            ("V3.38.2", true),
            ("V3.38.3", true),
            ("V3.38.4", false),
            ("EMR-3.38.3", true),
            ("3.38.3", true),
            ("3.38.2", true),
            ("V3.37.2", false),
            ("V4.38.3", false),
        ] {
            let plan = run(&[("emr_version", version.into())]);
            assert_eq!(!plan.has_errors(), ok, "{version}: {:#?}", plan.findings);
            if !ok {
                assert!(has(&plan, "PL102", Severity::Error, Some("emr_version")));
            }
        }
        // Normalised in the inputs and named in the steps when no cluster ID is given.
        let text = input(&[
            ("emr_version", "EMR-3.38.2".into()),
            ("emr_cluster_id", serde_json::Value::Null),
        ]);
        let plan = plan("dataworks-emr", &text, Lang::En).unwrap();
        assert_eq!(plan.inputs.str("emr_version"), Some("V3.38.2"));
        assert!(plan.steps[4]
            .parameters
            .iter()
            .any(|p| p.name == "Peer EMR Cluster" && p.value.contains("V3.38.2 Hadoop cluster")));
    }

    #[test]
    fn defaults_follow_the_seed() {
        let plan = run(&[]);
        assert_eq!(plan.inputs.str("role_name"), Some("EMRRole"));
        assert_eq!(plan.inputs.str("emr_cluster_type"), Some("hadoop"));
        assert_eq!(plan.inputs.str("emr_metadata"), Some("builtin-mysql"));
        assert_eq!(
            plan.inputs.get("kerberos"),
            Some(&crate::plan::Value::Bool(false))
        );
        assert_eq!(plan.inputs.str("workspace_mode"), Some("basic"));
        assert_eq!(plan.inputs.str("dataworks_service_principal"), None);
    }

    #[test]
    fn standard_mode_registers_development_and_production() {
        let basic = run(&[]);
        let standard = run(&[("workspace_mode", "standard".into())]);
        assert_eq!(basic.steps.len(), standard.steps.len());
        assert_eq!(basic.steps[4].parameters.len(), 3);
        let names: Vec<&str> = standard.steps[4]
            .parameters
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Development · Alibaba Cloud Primary Account UID",
                "Development · Opposite RAM Role",
                "Development · Peer EMR Cluster",
                "Production · Alibaba Cloud Primary Account UID",
                "Production · Opposite RAM Role",
                "Production · Peer EMR Cluster",
            ]
        );
        assert!(standard.steps[4].instructions.contains("twice"));
        assert!(standard.steps[5].instructions.contains("each environment"));
        assert_eq!(basic.unconfirmed.len(), 2);
        assert_eq!(standard.unconfirmed.len(), 3);
    }

    #[test]
    fn the_masked_principal_is_reported_as_unconfirmed() {
        let plan = run(&[]);
        let entry = &plan.unconfirmed[0];
        assert!(entry
            .assumption
            .contains("san******@emr.dataworks.aliyuncs.com"));
        assert!(entry
            .assumption
            .contains(&format!("{A}@emr.dataworks.aliyuncs.com")));
        assert_eq!(entry.source, SOURCE);
        let trust_step = &plan.steps[1];
        assert!(trust_step.instructions.contains("san******"));
        assert!(trust_step.instructions.contains("account A's ID"));
    }

    #[test]
    fn a_matching_principal_is_accepted() {
        let given = format!("{A}@emr.dataworks.aliyuncs.com");
        let plan = run(&[("dataworks_service_principal", given.clone().into())]);
        assert!(!plan.has_errors(), "{:#?}", plan.findings);
        assert!(plan
            .artifact("trust-policy")
            .unwrap()
            .content
            .contains(&given));
        // Service names are matched ignoring case and written in lowercase.
        let plan = run(&[(
            "dataworks_service_principal",
            format!("{A}@EMR.DataWorks.aliyuncs.com").into(),
        )]);
        assert!(plan
            .artifact("trust-policy")
            .unwrap()
            .content
            .contains(&given));
    }

    #[test]
    fn principal_mix_ups() {
        let field = Some("dataworks_service_principal");
        let engine = run(&[(
            "dataworks_service_principal",
            format!("{A}@engine.dataworks.aliyuncs.com").into(),
        )]);
        assert_eq!(codes(&engine, Severity::Error), [("PL107", field)]);
        assert!(engine.findings[0].message.contains("MaxCompute"));

        let masked = run(&[(
            "dataworks_service_principal",
            "san******@emr.dataworks.aliyuncs.com".into(),
        )]);
        assert_eq!(codes(&masked, Severity::Error), [("PL108", field)]);

        let placeholder = run(&[(
            "dataworks_service_principal",
            "<ACCOUNT_A_SERVICE_ID>".into(),
        )]);
        assert_eq!(codes(&placeholder, Severity::Error), [("PL108", field)]);

        let other = run(&[(
            "dataworks_service_principal",
            format!("{B}@emr.dataworks.aliyuncs.com").into(),
        )]);
        assert!(!other.has_errors());
        assert!(has(&other, "PL109", Severity::Warning, field));
        assert!(other
            .artifact("trust-policy")
            .unwrap()
            .content
            .contains(&format!("{B}@emr.dataworks.aliyuncs.com")));

        for bad in [
            "emr.dataworks.aliyuncs.com".to_owned(),
            "123@emr.dataworks.aliyuncs.com".to_owned(),
            format!("{A}@emr.aliyuncs.com"),
            format!("acs:ram::{A}:root"),
        ] {
            let plan = run(&[("dataworks_service_principal", bad.clone().into())]);
            assert_eq!(codes(&plan, Severity::Error), [("PL106", field)], "{bad}");
        }
        let cdp = run(&[(
            "dataworks_service_principal",
            format!("{A}@cdp.aliyuncs.com").into(),
        )]);
        assert_eq!(codes(&cdp, Severity::Error), [("PL106", field)]);
        assert!(cdp.findings[0]
            .help
            .as_deref()
            .unwrap()
            .contains("dataworks-di"));

        // Two problems in one value are both reported.
        let both = run(&[(
            "dataworks_service_principal",
            "san******@engine.dataworks.aliyuncs.com".into(),
        )]);
        assert_eq!(
            codes(&both, Severity::Error),
            [("PL107", field), ("PL108", field)]
        );
    }

    #[test]
    fn cluster_ids() {
        let field = Some("emr_cluster_id");
        let masked = run(&[("emr_cluster_id", "C-A510C0FD3FCC****".into())]);
        assert_eq!(codes(&masked, Severity::Error), [("PL110", field)]);
        let spaced = run(&[("emr_cluster_id", "C-A510 C0FD".into())]);
        assert_eq!(codes(&spaced, Severity::Error), [("PL110", field)]);
        let odd = run(&[("emr_cluster_id", "rm-bp1abc".into())]);
        assert!(!odd.has_errors());
        assert!(has(&odd, "PL111", Severity::Warning, field));
        let new_style = run(&[("emr_cluster_id", "c-b933c5aac8fe1234".into())]);
        assert!(!has(&new_style, "PL111", Severity::Warning, field));
    }

    #[test]
    fn same_account_is_a_warning() {
        let plan = run(&[("resource_account_uid", A.into())]);
        assert!(!plan.has_errors());
        assert!(has(
            &plan,
            "PL112",
            Severity::Warning,
            Some("resource_account_uid")
        ));
    }

    #[test]
    fn bad_uid_is_an_error_and_no_plan() {
        let plan = run(&[("dataworks_account_uid", "123456789012****".into())]);
        assert!(plan.has_errors());
        assert!(plan.artifacts.is_empty() && plan.steps.is_empty());
    }

    #[test]
    fn the_plan_proves_its_trust_policy() {
        let plan = run(&[]);
        assert!(plan
            .checks
            .iter()
            .all(|c| c.result != crate::plan::CheckResult::Failed));
        let principals: Vec<String> = plan
            .checks
            .iter()
            .filter_map(|c| match &c.expectation {
                crate::plan::Expectation::Assume { principal, .. } => Some(format!("+{principal}")),
                crate::plan::Expectation::NoAssume { principal, .. } => {
                    Some(format!("-{principal}"))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            principals,
            [
                format!("+{A}@emr.dataworks.aliyuncs.com"),
                format!("-{A}@engine.dataworks.aliyuncs.com"),
                format!("-{B}@emr.dataworks.aliyuncs.com"),
                format!("-acs:ram::{A}:root"),
            ]
        );
        assert!(plan.checks.iter().any(|c| matches!(
            &c.expectation,
            crate::plan::Expectation::SystemPolicy { policy, .. } if policy == SYSTEM_POLICY
        ) && c.result
            == crate::plan::CheckResult::NotEvaluated));
        // A principal the user gives for account B is what the role trusts, so it is what
        // the check proves (PL109 warns about it).
        let other = run(&[(
            "dataworks_service_principal",
            format!("{B}@emr.dataworks.aliyuncs.com").into(),
        )]);
        assert!(!other.has_errors(), "{:#?}", other.findings);
    }

    #[test]
    fn a_broken_trust_policy_fails_the_self_check() {
        let broken = crate::plan::plan_tampered("dataworks-emr", &input(&[]), Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "trust-policy", |t| {
                t.replace("@emr.dataworks", "@engine.dataworks")
            });
        })
        .unwrap();
        let failures = crate::plan::self_check_failures(&broken);
        assert_eq!(failures.len(), 2, "{failures:#?}");
        assert!(
            failures[0].contains(&format!(
                "expected `{A}@emr.dataworks.aliyuncs.com` can assume `EMRRole`"
            )),
            "{}",
            failures[0]
        );
        assert!(failures[0].contains("different service"), "{}", failures[0]);
        assert!(failures[1].contains("cannot assume"), "{}", failures[1]);
        assert!(broken.artifacts.is_empty() && broken.checks.is_empty());
    }

    #[test]
    fn chinese_plan_is_in_chinese() {
        let plan = plan("dataworks-emr", &input(&[]), Lang::Zh).unwrap();
        assert!(!plan.has_errors());
        assert_eq!(plan.steps[0].title, "创建供账号 A 使用的角色");
        assert!(plan.steps[4]
            .parameters
            .iter()
            .any(|p| p.name == "对方 RAM 角色" && p.value == "EMRRole"));
        assert!(plan.steps[5].cautions[0].contains("低峰"));
        assert!(plan.unconfirmed[0].about.contains("服务主体"));
    }
}
