//! Seed 001, MaxCompute half: account B lets the DataWorks workspace of account A read a
//! MaxCompute project through a RAM role. The plan writes the role's trust policy and the
//! project's security statements, and walks both accounts through the consoles.
//!
//! The RAM and DataWorks parts are the same for Hologres (the other half of the seed): they
//! are in `dataworks_engine`. The grants and the MaxCompute script are in `grants`.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

mod grants;
#[cfg(test)]
mod tests;

use crate::finding::Severity;
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs, RecordSpec};
use crate::plan::maxcompute::{self, OBJECT_TYPES};
use crate::plan::{Account, ArtifactKind, Builder, Expectation, Step};
use crate::tr;

use super::dataworks_engine::{
    create_role_step, data_source_steps, data_source_unconfirmed, edit_trust_step,
    expect_engine_trust, given_data_source_name, limitation_suggestion, same_account_warning,
    trust_policy_artifact, trust_unconfirmed, DataSourceName, Engine, DATA_SOURCE_NAME, SOURCE,
};
use super::ScenarioSpec;
use grants::{checked_name, read_grants, script, NameRule};

/// MaxCompute ADD USER: role identifiers and `list users;` (S44).
const ADD_USER: &str = "https://help.aliyun.com/en/maxcompute/user-guide/add-user";
/// MaxCompute permissions table (S49).
const PERMISSIONS: &str = "https://www.alibabacloud.com/help/doc-detail/27935.htm";

const GRANT_FIELDS: &[FieldSpec] = &[
    // `object_type` comes first: the privileges and columns are read against it.
    FieldSpec {
        name: "object_type",
        label_en: "Object type",
        label_zh: "对象类型",
        help_en: "What the grant is on: `project`, `table`, `resource`, `function` or `instance`.",
        help_zh: "授权的对象类型：`project`、`table`、`resource`、`function` 或 `instance`。",
        kind: FieldKind::Choice(OBJECT_TYPES),
        required: true,
        default: None,
    },
    FieldSpec {
        name: "object_name",
        label_en: "Object name",
        label_zh: "对象名称",
        help_en: "The name of the table, resource, function or instance in the project (no project prefix); for `project`, the project name.",
        help_zh: "项目中表、资源、函数或实例的名称（不带项目前缀）；对象类型为 `project` 时填写项目名称。",
        kind: FieldKind::Text,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "privileges",
        label_en: "Privileges",
        label_zh: "权限",
        help_en: "The MaxCompute privileges to grant, such as `Select` and `Describe` on a table or `Read` and `List` on the project. Case does not matter.",
        help_zh: "要授予的 MaxCompute 权限，例如表的 `Select`、`Describe`，或项目的 `Read`、`List`。不区分大小写。",
        kind: FieldKind::StringList,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "columns",
        label_en: "Columns",
        label_zh: "列",
        help_en: "Optional, tables only: limit the grant to these columns.",
        help_zh: "可选，仅适用于表：只对这些列授权。",
        kind: FieldKind::StringList,
        required: false,
        default: None,
    },
];

static FIELDS: &[FieldSpec] = &[
    super::DATAWORKS_ACCOUNT_UID,
    super::RESOURCE_ACCOUNT_UID,
    super::role_name("DataWorksMaxComputeRole"),
    super::REGION,
    FieldSpec {
        name: "maxcompute_project",
        label_en: "MaxCompute project",
        label_zh: "MaxCompute 项目",
        help_en: "The name of the MaxCompute project in account B that the data source connects to.",
        help_zh: "数据源要连接的、账号 B 中的 MaxCompute 项目名称。",
        kind: FieldKind::Text,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "resource_account_name",
        label_en: "Resource account name",
        label_zh: "资源账号名称",
        help_en: "Only for the `account-name` form: account B's name, the `<name>` in `RAM$<name>:role/<role>`. The sources do not say where the console shows it; `list users;` in the project shows the identifier MaxCompute stored once the role has been added.",
        help_zh: "仅用于 `account-name` 形式：账号 B 的名称，即 `RAM$<名称>:role/<角色>` 中的 `<名称>`。资料未说明控制台在何处显示该名称；角色添加到项目后，在项目中运行 `list users;` 可看到 MaxCompute 保存的标识。",
        kind: FieldKind::Text,
        required: false,
        default: None,
    },
    FieldSpec {
        name: "principal_form",
        label_en: "Role identifier form",
        label_zh: "角色标识形式",
        help_en: "How the script names the role in MaxCompute: `account-id` (`RAM$<account ID>:role/<role>`, current documents) or `account-name` (`RAM$<account name>:role/<role>`, as the DataWorks guide writes it).",
        help_zh: "脚本在 MaxCompute 中如何标识该角色：`account-id`（`RAM$<账号 ID>:role/<角色>`，当前文档）或 `account-name`（`RAM$<账号名称>:role/<角色>`，DataWorks 指南中的写法）。",
        kind: FieldKind::Choice(&["account-id", "account-name"]),
        required: true,
        default: Some(Default::Str("account-id")),
    },
    FieldSpec {
        name: "grants",
        label_en: "Grants",
        label_zh: "授权",
        help_en: "What the role may do in the project: one entry per object, each with its privileges.",
        help_zh: "该角色在项目中的权限：每个对象一项，各自列出权限。",
        kind: FieldKind::Records(&RecordSpec {
            fields: GRANT_FIELDS,
            item_en: "grant",
            item_zh: "授权",
        }),
        required: false,
        default: None,
    },
    DATA_SOURCE_NAME,
];

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "dataworks-maxcompute",
    title_en: "DataWorks data source for a MaxCompute project in another account",
    title_zh: "在 DataWorks 中添加其他账号的 MaxCompute 数据源",
    summary_en: "Account B creates a RAM role that account A's DataWorks may assume and makes it a user of its MaxCompute project with the grants you list; account A then adds the project as a data source.",
    summary_zh: "账号 B 创建一个可由账号 A 的 DataWorks 扮演的 RAM 角色，将其添加为 MaxCompute 项目的用户并授予您列出的权限；随后账号 A 将该项目添加为数据源。",
    source: SOURCE,
    fields: FIELDS,
    build,
};

fn build(inputs: &Inputs, b: &mut Builder) {
    let dataworks_uid = inputs.text("dataworks_account_uid");
    let resource_uid = inputs.text("resource_account_uid");
    let role = inputs.text("role_name");
    let region = inputs.text("region");
    same_account_warning(b, "PL216", dataworks_uid, resource_uid);

    let project = inputs.str("maxcompute_project").and_then(|name| {
        checked_name(
            b,
            "PL204",
            "maxcompute_project",
            name,
            maxcompute::check_identifier(name),
            NameRule::Identifier,
        )
    });
    let account = principal_account(inputs, b);
    let grants = read_grants(inputs, project.as_deref(), b);
    let given_name = given_data_source_name(inputs, b, "PL218");

    let errors = b.findings.iter().any(|f| f.severity == Severity::Error);
    let (Some(project), Some(account)) = (project, account) else {
        return;
    };
    if errors || role.is_empty() || dataworks_uid.is_empty() || resource_uid.is_empty() {
        return;
    }
    let principal = maxcompute::role_principal(&account, role);
    let account_name_form = inputs.text("principal_form") == "account-name";
    let data_source = DataSourceName::new(given_name, &project, resource_uid);

    trust_policy_artifact(b, role, dataworks_uid);
    b.ram_role(Account::Resource, role, "trust-policy", &[]);
    let why = tr!(
        b.lang,
        "DataWorks, acting for account A, reads the MaxCompute project through this role",
        "DataWorks 代表账号 A 通过该角色读取 MaxCompute 项目"
    );
    let needed_by = tr!(
        b.lang,
        "a MaxCompute data source of another account",
        "跨账号 MaxCompute 数据源"
    );
    expect_engine_trust(b, role, dataworks_uid, resource_uid, why, needed_by);
    b.artifact(
        "maxcompute-sql",
        ArtifactKind::MaxcomputeSql,
        tr!(
            b.lang,
            format!("Statements for MaxCompute project `{project}`"),
            format!("MaxCompute 项目 `{project}` 的授权语句")
        ),
        "maxcompute.sql",
        script(b, &project, &principal, &grants),
    );

    limitation_suggestion(b, "PL217", Engine::MaxCompute);

    create_role_step(b, role, dataworks_uid);
    edit_trust_step(b, role, dataworks_uid);

    let mut instructions = tr!(b.lang, format!("Log on with account B, the owner of project `{project}` (or with a user allowed to manage its users and permissions). In the MaxCompute console, open SQL Analysis and choose the project in region `{region}`; with odpscmd, connect to the project instead. Run the script below. It adds the role as a project user, lists the users, grants each privilege and then shows what the role holds."), format!("使用项目 `{project}` 的所有者账号 B（或有权管理项目用户与权限的用户）登录。在 MaxCompute 控制台打开“SQL 分析”，选择地域 `{region}` 中的该项目；也可以用 odpscmd 连接该项目。运行下方脚本：它会把角色添加为项目用户、列出用户、逐条授权，最后显示该角色拥有的权限。"));
    if account_name_form {
        instructions.push_str(&tr!(b.lang, format!(" The script names the role through account B's name `{account}`, exactly as you entered it. The sources do not say where the console shows this name; after `add user`, `list users;` prints the identifier MaxCompute actually stored, so compare the two before relying on the grants."), format!("脚本使用您填写的账号 B 名称 `{account}` 标识角色。资料未说明控制台在何处显示该名称；执行 `add user` 后，`list users;` 会输出 MaxCompute 实际保存的标识，请在依赖这些授权之前核对两者是否一致。")));
    }
    let mut step = Step::new(
        Account::Resource,
        tr!(
            b.lang,
            "Make the role a project user and grant it access",
            "将角色添加为项目用户并授权"
        ),
        tr!(
            b.lang,
            "MaxCompute console > SQL Analysis (or the odpscmd client)",
            "MaxCompute 控制台 > SQL 分析（或 odpscmd 客户端）"
        ),
        instructions,
    );
    let check = if grants.is_empty() {
        tr!(b.lang, format!("`list users;` includes {principal}; as nothing was granted, `show grants for` shows it as a project user with no privileges yet"), format!("`list users;` 的结果中包含 {principal}；由于没有任何授权，`show grants for` 显示它是尚无任何权限的项目用户"))
    } else {
        tr!(b.lang, format!("`list users;` includes {principal}, and `show grants for` lists every privilege granted above, marked A (allowed)"), format!("`list users;` 的结果中包含 {principal}，且 `show grants for` 列出了上面授予的每一项权限，并标记为 A（允许）"))
    };
    step.param(tr!(b.lang, "Project", "项目"), project.as_str())
        .param(tr!(b.lang, "Region", "地域"), region)
        // The identifier as MaxCompute lists it; the script quotes it in backticks.
        .param(
            tr!(b.lang, "MaxCompute user", "MaxCompute 用户"),
            principal.trim_matches('`'),
        )
        .paste("maxcompute-sql")
        .verify(check)
        .caution(tr!(b.lang, "if `list users;` shows the role under another identifier (account name instead of ID, or the other way round), use the identifier it shows in the grant and show grants statements", "如果 `list users;` 显示的角色标识与脚本不同（账号名称与账号 ID 互换），请在 grant 和 show grants 语句中改用其显示的标识"));
    if account_name_form {
        step.caution(tr!(b.lang, "if MaxCompute refuses `add user` because it does not know the account name, plan again with `principal_form` set to `account-id`, the form current MaxCompute documents use", "如果 MaxCompute 因无法识别账号名称而拒绝 `add user`，请将 `principal_form` 设为 `account-id`（当前 MaxCompute 文档使用的形式）后重新生成计划"));
    }
    if grants.is_empty() {
        step.caution(tr!(b.lang, "the script grants nothing: the role becomes a project user but cannot read any table until you grant it privileges", "脚本中没有任何授权：角色会成为项目用户，但在授权之前无法读取任何表"));
    }
    b.push_step(step);
    let sql_step = b.steps.len();
    let what = tr!(
        b.lang,
        "the MaxCompute grants in `maxcompute.sql`",
        "`maxcompute.sql` 中的 MaxCompute 授权"
    );
    let how = tr!(b.lang, format!("they are MaxCompute project permissions; at the end of step {sql_step}, `show grants for` {principal} lists what the role holds"), format!("它们是 MaxCompute 项目权限；第 {sql_step} 步末尾的 `show grants for` {principal} 会列出该角色拥有的权限"));
    b.expect(Expectation::Outside { what, how });

    data_source_steps(
        b,
        Engine::MaxCompute,
        region,
        resource_uid,
        &project,
        role,
        &data_source,
    );

    trust_unconfirmed(b);
    b.unconfirmed(
        tr!(b.lang, "Account ID or account name in the role identifier", "角色标识中使用账号 ID 还是账号名称"),
        tr!(b.lang, format!("current MaxCompute documents write `RAM$<account ID>:role/<role>`, while the DataWorks guide and older documents write `RAM$<account name>:role/<role>`; this plan uses {principal}. `list users;` shows the identifier MaxCompute actually stored"), format!("当前 MaxCompute 文档写作 `RAM$<账号 ID>:role/<角色>`，而 DataWorks 指南及较早文档写作 `RAM$<账号名称>:role/<角色>`；本计划使用 {principal}。`list users;` 会显示 MaxCompute 实际保存的标识")),
        ADD_USER,
    );
    if account_name_form {
        b.unconfirmed(
            tr!(b.lang, "Where account B's name is shown", "账号 B 的名称在何处显示"),
            tr!(b.lang, format!("no source read says where the console shows the account name that `RAM$<name>:role/<role>` expects; the plan uses `{account}` as entered, and `list users;` after `add user` shows the identifier MaxCompute stored"), format!("所查资料均未说明控制台在何处显示 `RAM$<名称>:role/<角色>` 所需的账号名称；本计划按输入使用 `{account}`，执行 `add user` 后可通过 `list users;` 查看 MaxCompute 保存的标识")),
            ADD_USER,
        );
    }
    data_source_unconfirmed(b, &data_source.name);
    b.unconfirmed(
        tr!(b.lang, "Privileges the data source needs", "数据源所需的权限"),
        tr!(b.lang, "the guide only says to grant what account A's use requires (for example Select to query tables); the script grants exactly the privileges listed in `grants`", "指南只说明应按账号 A 的用途授权（例如查询表需要 Select）；脚本只授予 `grants` 中列出的权限"),
        SOURCE,
    );
    if grants.iter().any(|g| {
        g.privileges
            .iter()
            .any(|p| maxcompute::unconfirmed_privilege(g.object_type, p))
    }) {
        b.unconfirmed(
            tr!(b.lang, "Name of the function privilege", "函数执行权限的名称"),
            tr!(b.lang, "the older permission table calls it `Run`; newer material may call it `Execute`. The script uses the name as given", "较早的权限列表称为 `Run`，较新的资料可能称为 `Execute`。脚本按输入的名称使用"),
            PERMISSIONS,
        );
    }
}

/// The account part of the role identifier, by the chosen form.
fn principal_account(inputs: &Inputs, b: &mut Builder) -> Option<String> {
    let name = inputs.str("resource_account_name").and_then(|name| {
        checked_name(
            b,
            "PL203",
            "resource_account_name",
            name,
            maxcompute::check_account_name(name),
            NameRule::AccountName,
        )
    });
    let given = inputs.get("resource_account_name").is_some();
    if inputs.text("principal_form") == "account-name" {
        if !given {
            let message = tr!(
                b.lang,
                "the `account-name` form needs `resource_account_name`, the name of account B"
                    .to_owned(),
                "`account-name` 形式需要填写 `resource_account_name`，即账号 B 的名称"
            );
            let help = tr!(b.lang, "give the account name, or set `principal_form` to `account-id` to use the account ID", "请填写账号名称，或将 `principal_form` 设为 `account-id` 以使用账号 ID");
            b.finding(
                "PL201",
                Severity::Error,
                Some("resource_account_name"),
                message,
                Some(help),
            );
        }
        return name;
    }
    if given {
        let message = tr!(b.lang, "`resource_account_name` is not used: `principal_form` is `account-id`, so the role is named by the account ID", "`resource_account_name` 未被使用：`principal_form` 为 `account-id`，角色以账号 ID 标识");
        b.finding(
            "PL202",
            Severity::Warning,
            Some("resource_account_name"),
            message,
            None,
        );
    }
    let uid = inputs.text("resource_account_uid");
    (!uid.is_empty()).then(|| uid.to_owned())
}
