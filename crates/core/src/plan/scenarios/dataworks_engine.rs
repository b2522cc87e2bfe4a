//! Seed 001, the part both engines share: the RAM role account B creates for account A's
//! DataWorks, its trust policy (`<account A ID>@engine.dataworks.aliyuncs.com`), and the
//! steps in which account A adds, tests and completes the data source. `dataworks_maxcompute`
//! and `dataworks_hologres` each add their engine's own grants.

use crate::finding::Severity;
use crate::plan::console::{self, Prose, Trusted};
use crate::plan::input::{FieldKind, FieldSpec, Inputs};
use crate::plan::{Account, Builder, Step};
use crate::text::clip;
use crate::tr;

/// The seed (ram-facts S35).
pub(super) const SOURCE: &str =
    "https://www.alibabacloud.com/help/en/dataworks/user-guide/add-a-maxcompute-data-source-across-accounts";

/// The DataWorks engine service that account A's DataWorks acts as (SEED, ram-facts §9.2).
pub(super) const ENGINE_SERVICE: &str = "engine.dataworks.aliyuncs.com";
/// The service DataWorks uses to register EMR clusters (seed 000): the near miss here.
const EMR_SERVICE: &str = "emr.dataworks.aliyuncs.com";

/// Shared with `dataworks_hologres`: the name account A gives the data source.
pub(super) const DATA_SOURCE_NAME: FieldSpec = FieldSpec {
    name: "data_source_name",
    label_en: "Data source name",
    label_zh: "数据源名称",
    help_en: "Optional: the name account A gives the data source in DataWorks. Left out, the plan proposes one built from the project name or Hologres instance and account B's ID, such as `sales_prj_from_6543210987654321`. Letters, digits and `_`, starting with a letter, is the safe choice.",
    help_zh: "可选：账号 A 在 DataWorks 中为数据源取的名称。不填时，本计划用项目名称或 Hologres 实例加上账号 B 的 ID 拼出一个名称，例如 `sales_prj_from_6543210987654321`。使用字母、数字和 `_` 并以字母开头最为稳妥。",
    kind: FieldKind::Text,
    required: false,
    default: None,
};

pub(super) fn unsafe_character(c: char) -> (&'static str, &'static str) {
    match c {
        '`' => ("a backtick", "反引号"),
        '\'' => ("a single quote", "单引号"),
        '"' => ("a double quote", "双引号"),
        ';' => ("a semicolon", "分号"),
        ' ' => ("a space", "空格"),
        _ => ("white space", "空白字符"),
    }
}

/// A user value in backticks; a value holding a backtick gets double backticks.
pub(super) fn code_text(value: &str) -> String {
    if value.contains('`') {
        format!("`` {value} ``")
    } else {
        format!("`{value}`")
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Engine {
    MaxCompute,
    Hologres,
}

/// A cross-account plan between one account and itself is a mistake, not a plan.
pub(super) fn same_account_warning(
    b: &mut Builder,
    code: &'static str,
    dataworks_uid: &str,
    resource_uid: &str,
) {
    if dataworks_uid.is_empty() || dataworks_uid != resource_uid {
        return;
    }
    let message = tr!(
        b.lang,
        format!(
            "the DataWorks account and the resource account are the same account `{dataworks_uid}`"
        ),
        format!("DataWorks 账号与资源账号是同一个账号 `{dataworks_uid}`")
    );
    let help = tr!(b.lang, "within one account, add the resource as a compute engine or data source of that account instead; this plan is for two accounts", "同一账号内请直接将资源添加为本账号的计算引擎或数据源；本计划适用于两个账号");
    b.finding(
        code,
        Severity::Warning,
        Some("resource_account_uid"),
        message,
        Some(help),
    );
}

/// The documented limitation, as information for the reader.
pub(super) fn limitation_suggestion(b: &mut Builder, code: &'static str, engine: Engine) {
    let (en, zh) = match engine {
        Engine::MaxCompute => ("a MaxCompute compute engine", "MaxCompute 计算引擎"),
        Engine::Hologres => ("a Hologres compute engine", "Hologres 计算引擎"),
    };
    let message = tr!(
        b.lang,
        "a data source from another account cannot be used for data development or scheduling"
            .to_owned(),
        "其他账号的数据源不能用于数据开发或调度"
    );
    let help = tr!(b.lang, format!("for data development, add {en} that belongs to your own account; a cross-account data source can still be read by Data Integration and browsed in Data Map"), format!("如需数据开发，请添加属于本账号的 {zh}；跨账号数据源仍可用于数据集成同步和数据地图查看"));
    b.finding(code, Severity::Suggestion, None, message, Some(help));
}

/// The trust policy of the guide: only `<DataWorks account ID>@engine.dataworks.aliyuncs.com`.
pub(super) fn trust_policy(dataworks_uid: &str) -> String {
    super::service_trust_policy(&format!("{dataworks_uid}@{ENGINE_SERVICE}"))
}

/// The self-check of the trust policy both engines share.
pub(super) fn expect_engine_trust(
    b: &mut Builder,
    role: &str,
    dataworks_uid: &str,
    resource_uid: &str,
    why: String,
    needed_by: String,
) {
    let other_why = tr!(b.lang, format!("`@{EMR_SERVICE}` is the principal for registering EMR clusters of another account, not for data sources"), format!("`@{EMR_SERVICE}` 是跨账号注册 EMR 集群所用的主体，不用于数据源"));
    let trust = super::DataWorksTrust {
        role,
        account: dataworks_uid,
        service: ENGINE_SERVICE,
        dataworks_uid,
        resource_uid,
        why,
        needed_by,
        other_service: EMR_SERVICE,
        other_why,
    };
    super::expect_dataworks_trust(b, trust);
}

pub(super) fn trust_policy_artifact(b: &mut Builder, role: &str, dataworks_uid: &str) {
    super::trust_policy_artifact(b, role, trust_policy(dataworks_uid));
}

pub(super) fn trust_unconfirmed(b: &mut Builder) {
    b.unconfirmed(
        tr!(b.lang, "Exact trust policy", "信任策略的确切内容"),
        tr!(b.lang, format!("the archived guide was cut short; the plan trusts only `<DataWorks account ID>@{ENGINE_SERVICE}`, as the guide's example does. Other material also lists the account itself (`acs:ram::<ID>:root`) beside the service"), format!("存档的指南内容不完整；本计划按指南示例只信任 `<DataWorks 账号 ID>@{ENGINE_SERVICE}`。另有资料在该服务之外还列出了账号本身（`acs:ram::<ID>:root`）")),
        SOURCE,
    );
}

/// The `data_source_name` the user gave, if any; a name DataWorks might refuse is kept, with
/// a warning, because the sources do not state DataWorks' naming rules.
pub(super) fn given_data_source_name(
    inputs: &Inputs,
    b: &mut Builder,
    code: &'static str,
) -> Option<String> {
    const FIELD: &str = "data_source_name";
    let name = inputs.str(FIELD)?;
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !plain {
        let shown = code_text(&clip(name));
        let message = tr!(b.lang, format!("`{FIELD}` {shown} holds characters other than letters, digits and `_`, or does not start with a letter; DataWorks may refuse it"), format!("`{FIELD}` 的值 {shown} 含有字母、数字和 `_` 以外的字符，或不以字母开头；DataWorks 可能不接受"));
        let help = tr!(b.lang, "the sources do not give DataWorks' rules for data source names; a name of letters, digits and `_` that starts with a letter is the safe choice, or leave the field out to get a proposal", "资料未给出 DataWorks 数据源名称的规则；使用字母、数字和 `_` 并以字母开头的名称最为稳妥，也可以不填此字段，由本计划给出建议名称");
        b.finding(code, Severity::Warning, Some(FIELD), message, Some(help));
    }
    Some(name.to_owned())
}

/// `<target>_from_<account B ID>`, with every character other than a letter or digit in the
/// target turned into `_`, so the name holds only letters, digits and `_` and starts with a
/// letter: `sales_prj_from_6543210987654321`.
pub(super) fn proposed_data_source_name(target: &str, resource_uid: &str) -> String {
    let mut base = String::new();
    for c in target.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '_' };
        if !(c == '_' && (base.is_empty() || base.ends_with('_'))) {
            base.push(c);
        }
    }
    let mut base: String = base.trim_end_matches('_').chars().take(40).collect();
    if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
        base = if base.is_empty() {
            "ds".to_owned()
        } else {
            format!("ds_{base}")
        };
    }
    format!("{}_from_{resource_uid}", base.trim_end_matches('_'))
}

/// The data source's name in account A's DataWorks: the one given, or the plan's proposal.
pub(super) struct DataSourceName {
    pub name: String,
    pub proposed: bool,
}

impl DataSourceName {
    pub fn new(given: Option<String>, target: &str, resource_uid: &str) -> Self {
        match given {
            Some(name) => DataSourceName {
                name,
                proposed: false,
            },
            None => DataSourceName {
                name: proposed_data_source_name(target, resource_uid),
                proposed: true,
            },
        }
    }
}

pub(super) fn data_source_unconfirmed(b: &mut Builder, data_source: &str) {
    b.unconfirmed(
        tr!(b.lang, "Rules for data source names", "数据源名称的规则"),
        tr!(b.lang, format!("the sources do not say which characters or length DataWorks accepts in a data source name; the plan uses `{data_source}`, and letters, digits and `_` starting with a letter are assumed to be safe"), format!("资料未说明 DataWorks 数据源名称允许的字符和长度；本计划使用 `{data_source}`，并假定以字母开头、由字母、数字和 `_` 组成的名称可被接受")),
        SOURCE,
    );
}

pub(super) fn create_role_step(b: &mut Builder, role: &str, dataworks_uid: &str) {
    let mut step = console::DATAWORKS_ENGINE.create_role(
        b.lang,
        Account::Resource,
        role,
        Trusted::Account(dataworks_uid),
        Prose {
            title: tr!(b.lang, "Create the RAM role", "创建 RAM 角色"),
            instructions: tr!(b.lang, format!("Log on to the RAM console with account B. Create a role that an Alibaba Cloud account may assume: choose Other Alibaba Cloud Account and enter account A's ID `{dataworks_uid}`. The console writes a trust policy naming the whole account; the next step narrows it to account A's DataWorks."), format!("使用账号 B 登录 RAM 控制台。创建一个可由阿里云账号扮演的角色：选择“其他阿里云账号”并输入账号 A 的 ID `{dataworks_uid}`。控制台生成的信任策略信任整个账号；下一步会将其收窄为账号 A 的 DataWorks。")),
            verify: tr!(b.lang, format!("the Roles page lists `{role}`, and opening it shows its details page"), format!("“角色”页面中列出了 `{role}`，单击后可打开其详情页")),
        },
    );
    step.caution(tr!(b.lang, "the role is only for reaching account B's resources; if it must also reach DataWorks in account A, its policies have to be redefined first", "该角色仅用于访问账号 B 的资源；如果它还需要访问账号 A 中的 DataWorks，须先重新定义其权限策略"));
    b.push_ram_step(step);
}

pub(super) fn edit_trust_step(b: &mut Builder, role: &str, dataworks_uid: &str) {
    let step = console::DATAWORKS_ENGINE.replace_trust_policy(
        b.lang,
        Account::Resource,
        role,
        Prose {
            title: tr!(b.lang, "Trust account A's DataWorks", "信任账号 A 的 DataWorks"),
            instructions: tr!(b.lang, format!("Click `{role}` to open its details page, switch to the Policy Document tab and click Edit Policy Document. Replace everything in the document with the policy below and save. Newer consoles may call the tab Trust Policy and the button Edit Trust Policy."), format!("单击 `{role}` 打开其详情页，切换到“策略文档”页签，单击“编辑策略文档”。用下方策略替换文档中的全部内容并保存。较新的控制台中，该页签可能名为“信任策略”，按钮名为“编辑信任策略”。")),
            verify: tr!(
        b.lang,
        format!("the trust policy names `{dataworks_uid}@{ENGINE_SERVICE}` as its only principal"),
        format!("信任策略中唯一的主体是 `{dataworks_uid}@{ENGINE_SERVICE}`")
    ),
        },
    );
    b.push_ram_step(step);
}

/// Account A adds the data source, then tests it and completes the creation.
pub(super) fn data_source_steps(
    b: &mut Builder,
    engine: Engine,
    region: &str,
    resource_uid: &str,
    target: &str,
    role: &str,
    data_source: &DataSourceName,
) {
    let (type_name, target_en, target_zh) = match engine {
        Engine::MaxCompute => (
            "MaxCompute",
            "MaxCompute Project Name",
            "MaxCompute 项目名称",
        ),
        Engine::Hologres => ("Hologres", "Hologres Instance", "Hologres 实例"),
    };
    let (proposal_en, proposal_zh) = if data_source.proposed {
        (
            " The name is the plan's proposal, as no `data_source_name` was given; if your workspace has a naming convention, use a name that follows it instead.",
            "由于未填写 `data_source_name`，表中的名称是本计划的建议；如工作空间有命名规范，请改用符合规范的名称。",
        )
    } else {
        ("", "")
    };
    let data_source_name = &data_source.name;
    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, format!("Add the {type_name} data source"), format!("添加 {type_name} 数据源")),
        tr!(b.lang, format!("DataWorks console ({region}) > More > Management Center > workspace > Data Sources > Add Data Source > {type_name}"), format!("DataWorks 控制台（{region}）> 更多 > 管理中心 > 工作空间 > 数据源 > 新增数据源 > {type_name}")),
        tr!(b.lang, format!("Log on to the DataWorks console with account A and select region `{region}` in the top bar. Choose More > Management Center, select the workspace and click Go to Management Center, then click Data Sources. Click Add Data Source, choose {type_name} and fill in the form as below.{proposal_en}"), format!("使用账号 A 登录 DataWorks 控制台，在顶部导航栏选择地域 `{region}`。选择“更多 > 管理中心”，选中工作空间后单击“进入管理中心”，再单击“数据源”。单击“新增数据源”，选择 {type_name}，并按下表填写。{proposal_zh}")),
    );
    step.param(
        tr!(b.lang, "Data Source Name", "数据源名称"),
        data_source.name.as_str(),
    )
    .param(
        tr!(b.lang, "Alibaba Cloud Account", "阿里云账号"),
        tr!(b.lang, "Another Alibaba Cloud Account", "其他阿里云账号"),
    )
    .param(tr!(b.lang, "Region", "地域"), region)
    .param(
        tr!(b.lang, "UID Of Alibaba Cloud Account", "阿里云账号 UID"),
        resource_uid,
    )
    .param(tr!(b.lang, target_en, target_zh), target)
    .param(tr!(b.lang, "RAM Role", "RAM 角色"), role);
    b.push_step(step);

    let mut step = Step::new(
        Account::Dataworks,
        tr!(b.lang, "Test connectivity and complete the creation", "测试连通性并完成创建"),
        tr!(b.lang, format!("DataWorks console ({region}) > Management Center > Data Sources > Add Data Source"), format!("DataWorks 控制台（{region}）> 管理中心 > 数据源 > 新增数据源")),
        tr!(b.lang, "In the same form, choose the resource group that will use the data source and test its connectivity. When the test passes, click Complete Creation. A resource group must have a network path to the resource in account B (the DataWorks guide \"Connect to a data source that belongs to a different Alibaba Cloud account\" explains the options).", "在同一表单中选择将使用该数据源的资源组并测试连通性。测试通过后单击“完成创建”。资源组需要有到账号 B 中资源的网络通路（DataWorks 文档中关于连接其他阿里云账号数据源的网络配置一文介绍了可选方案）。"),
    );
    // The trust step's number, for the caution below.
    let trust_step = b
        .steps
        .iter()
        .find(|s| s.artifacts.iter().any(|a| a == "trust-policy"))
        .map_or(2, |s| s.number);
    let (instead_en, instead_zh) = if data_source.proposed {
        (" (or the name you used instead)", "（或您改用的名称）")
    } else {
        ("", " ")
    };
    step.verify(tr!(b.lang, format!("the connectivity test passes for the chosen resource group and `{data_source_name}`{instead_en} is listed on the Data Sources page"), format!("所选资源组的连通性测试通过，且 `{data_source_name}`{instead_zh}出现在“数据源”列表中")))
    .caution(tr!(b.lang, format!("if the test reports a permission problem, check that the trust policy names account A's ID (step {trust_step}) and that the role name is exactly `{role}`"), format!("如果测试提示权限问题，请检查信任策略中的账号 A ID（第 {trust_step} 步），以及角色名称是否与 `{role}` 完全一致")));
    b.push_step(step);
}
