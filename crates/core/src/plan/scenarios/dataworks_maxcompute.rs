//! Seed 001, MaxCompute half: account B lets the DataWorks workspace of account A read a
//! MaxCompute project through a RAM role. The plan writes the role's trust policy and the
//! project's security statements, and walks both accounts through the consoles.
//!
//! The RAM and DataWorks parts are the same for Hologres (the other half of the seed), so
//! `dataworks_hologres` borrows them from here.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

use crate::finding::Severity;
use crate::plan::console::{self, Prose, Trusted};
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs, Record};
use crate::plan::maxcompute::{self, NameProblem, OBJECT_TYPES};
use crate::plan::{Account, ArtifactKind, Builder, Expectation, Step};
use crate::text::{clip, did_you_mean};

use super::ScenarioSpec;
use crate::tr;

/// The seed (ram-facts S35).
pub(super) const SOURCE: &str =
    "https://www.alibabacloud.com/help/en/dataworks/user-guide/add-a-maxcompute-data-source-across-accounts";
/// MaxCompute ADD USER: role identifiers and `list users;` (S44).
const ADD_USER: &str = "https://help.aliyun.com/en/maxcompute/user-guide/add-user";
/// MaxCompute permissions table (S49).
const PERMISSIONS: &str = "https://www.alibabacloud.com/help/doc-detail/27935.htm";

/// The DataWorks engine service that account A's DataWorks acts as (SEED, ram-facts §9.2).
pub(super) const ENGINE_SERVICE: &str = "engine.dataworks.aliyuncs.com";
/// The service DataWorks uses to register EMR clusters (seed 000): the near miss here.
const EMR_SERVICE: &str = "emr.dataworks.aliyuncs.com";

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
        kind: FieldKind::Records(GRANT_FIELDS),
        required: false,
        default: None,
    },
    DATA_SOURCE_NAME,
];

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

/// One checked grant, ready for SQL: every name validated, privileges in documented spelling.
struct Grant {
    object_type: &'static str,
    object_name: String,
    privileges: Vec<&'static str>,
    columns: Vec<String>,
}

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
        .param(tr!(b.lang, "MaxCompute user", "MaxCompute 用户"), principal.as_str())
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

/// Which characters a name may hold, for the help text.
#[derive(Clone, Copy)]
enum NameRule {
    Identifier,
    Table,
    Resource,
    AccountName,
}

/// Returns the name if it can go into a statement; otherwise reports why, naming the field.
fn checked_name(
    b: &mut Builder,
    code: &'static str,
    field: &str,
    name: &str,
    problem: Option<NameProblem>,
    rule: NameRule,
) -> Option<String> {
    let Some(problem) = problem else {
        return Some(name.to_owned());
    };
    let shown = code_text(&clip(name));
    let (en, zh) = match problem {
        NameProblem::Empty => ("is empty".to_owned(), "为空".to_owned()),
        NameProblem::Unsafe(c) => {
            let (what_en, what_zh) = unsafe_character(c);
            (
                format!("contains {what_en}, which could end the statement or the identifier; ramplan refuses such names rather than escaping them"),
                format!("包含{what_zh}，可能会提前结束语句或标识符；ramplan 拒绝此类名称而不做转义"),
            )
        }
        NameProblem::Character(c) => (
            format!("contains `{c}`, which a MaxCompute name cannot hold"),
            format!("包含 MaxCompute 名称中不能使用的字符 `{c}`"),
        ),
        NameProblem::TooLong(length) => (
            format!("is {length} characters long, more than a name may be"),
            format!("长 {length} 个字符，超出名称长度上限"),
        ),
    };
    let message = tr!(
        b.lang,
        format!("`{field}` {shown} {en}"),
        format!("`{field}` 的值 {shown} {zh}")
    );
    let help = match rule {
        NameRule::Identifier => tr!(b.lang, "use letters, digits and `_` only (up to 128)", "只能使用字母、数字和 `_`（最多 128 个）"),
        NameRule::Table => tr!(b.lang, "use letters, digits and `_` only (up to 128), and give the table name without its project prefix", "只能使用字母、数字和 `_`（最多 128 个），且表名不要带项目前缀"),
        NameRule::Resource => tr!(b.lang, "use letters, digits, `_`, `.` and `-` only (up to 128), such as `my_udf.jar`", "只能使用字母、数字、`_`、`.` 和 `-`（最多 128 个），例如 `my_udf.jar`"),
        NameRule::AccountName => tr!(b.lang, "use the account name as MaxCompute shows it: letters, digits, `_`, `.`, `-` and `@` (up to 64)", "请使用 MaxCompute 中显示的账号名称：字母、数字、`_`、`.`、`-` 和 `@`（最多 64 个）"),
    };
    b.finding(code, Severity::Error, Some(field), message, Some(help));
    None
}

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

fn read_grants(inputs: &Inputs, project: Option<&str>, b: &mut Builder) -> Vec<Grant> {
    let records = inputs.records("grants");
    let grants_unreadable = b.findings.iter().any(|f| f.field() == Some("grants"));
    if records.is_empty() && !grants_unreadable {
        let message = tr!(
            b.lang,
            "no grants: the role can be added to the project, but it can read nothing there"
                .to_owned(),
            "没有任何授权：角色可以被添加到项目中，但无法读取任何内容"
        );
        let help = tr!(b.lang, "add at least one entry to `grants`, such as `Select` on the tables account A will read", "请在 `grants` 中至少添加一项，例如对账号 A 要读取的表授予 `Select`");
        b.finding(
            "PL215",
            Severity::Warning,
            Some("grants"),
            message,
            Some(help),
        );
    }
    let mut grants = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if let Some(grant) = read_grant(i, record, project, b) {
            grants.push(grant);
        }
    }
    grants
}

fn read_grant(i: usize, record: &Record, project: Option<&str>, b: &mut Builder) -> Option<Grant> {
    let object_type = record
        .str("object_type")
        .and_then(|t| OBJECT_TYPES.iter().copied().find(|known| *known == t))?;
    let name_field = format!("grants[{i}].object_name");
    let object_name = record.str("object_name").and_then(|name| {
        let (problem, rule) = match object_type {
            "resource" => (maxcompute::check_resource_name(name), NameRule::Resource),
            "table" => (maxcompute::check_identifier(name), NameRule::Table),
            _ => (maxcompute::check_identifier(name), NameRule::Identifier),
        };
        checked_name(b, "PL205", &name_field, name, problem, rule)
    });
    if let (Some(name), Some(project), "project") = (&object_name, project, object_type) {
        if !name.eq_ignore_ascii_case(project) {
            let message = tr!(b.lang, format!("this grant is on project `{name}`, but the data source connects to `{project}`"), format!("该授权针对项目 `{name}`，但数据源连接的是 `{project}`"));
            let help = tr!(b.lang, format!("the script runs in `{project}`; a grant on another project must be run there, by its owner"), format!("脚本在 `{project}` 中运行；对其他项目的授权需要由该项目的所有者在该项目中执行"));
            b.finding(
                "PL214",
                Severity::Warning,
                Some(&name_field),
                message,
                Some(help),
            );
        }
    }

    let privileges = read_privileges(i, record, object_type, b);
    let columns = read_columns(i, record, object_type, b);
    Some(Grant {
        object_type,
        object_name: object_name?,
        privileges: privileges?,
        columns: columns?,
    })
}

/// Matches each privilege to its documented spelling for the object type.
fn read_privileges(
    i: usize,
    record: &Record,
    object_type: &'static str,
    b: &mut Builder,
) -> Option<Vec<&'static str>> {
    let documented = maxcompute::privileges(object_type);
    let listed = record.strings("privileges");
    if listed.is_empty() {
        if record.get("privileges").is_some() {
            let message = tr!(
                b.lang,
                format!("`grants[{i}].privileges` is empty, so the grant would give nothing"),
                format!("`grants[{i}].privileges` 为空，该授权不会授予任何权限")
            );
            let help = privilege_list(b, object_type);
            b.finding(
                "PL210",
                Severity::Error,
                Some(&format!("grants[{i}].privileges")),
                message,
                Some(help),
            );
        }
        return None;
    }
    let mut ok = true;
    let mut out: Vec<&'static str> = Vec::new();
    for (j, entry) in listed.iter().enumerate() {
        let field = format!("grants[{i}].privileges[{j}]");
        // `"Select, Describe"` in one string is read as two privileges.
        for raw in entry.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some(privilege) = documented
                .iter()
                .copied()
                .find(|p| p.eq_ignore_ascii_case(raw))
            else {
                ok = false;
                unknown_privilege(b, &field, raw, object_type);
                continue;
            };
            if out.contains(&privilege) {
                let message = tr!(
                    b.lang,
                    format!("privilege `{privilege}` is listed twice; it is granted once"),
                    format!("权限 `{privilege}` 重复出现；只授予一次")
                );
                b.finding("PL211", Severity::Warning, Some(&field), message, None);
                continue;
            }
            if maxcompute::unconfirmed_privilege(object_type, privilege) {
                let other = if privilege == "Run" { "Execute" } else { "Run" };
                let message = tr!(b.lang, format!("the name of the function privilege `{privilege}` is unconfirmed: the sources call it `Run` or `Execute`"), format!("函数权限名称 `{privilege}` 尚未确认：资料中分别称为 `Run` 或 `Execute`"));
                let help = tr!(
                    b.lang,
                    format!("if MaxCompute rejects the grant, try `{other}`"),
                    format!("如果 MaxCompute 拒绝该授权，请改用 `{other}`")
                );
                b.finding(
                    "PL207",
                    Severity::Warning,
                    Some(&field),
                    message,
                    Some(help),
                );
            }
            out.push(privilege);
        }
    }
    if !ok {
        return None;
    }
    let field = format!("grants[{i}].privileges");
    if out.contains(&"All") && out.len() > 1 {
        let message = tr!(
            b.lang,
            format!("`All` already includes the other privileges listed for {object_type}"),
            format!(
                "`All` 已包含该{}所列的其他权限",
                object_type_zh(object_type)
            )
        );
        b.finding("PL212", Severity::Suggestion, Some(&field), message, None);
    }
    if object_type == "project" && out.contains(&"All") {
        let message = tr!(b.lang, "`All` on the project gives the role every project privilege, including creating tables, functions and jobs", "对项目授予 `All` 会给角色所有项目权限，包括创建表、函数和作业");
        let help = tr!(b.lang, "grant only what account A needs, such as `Read` and `List` on the project and `Select` on the tables it reads", "只授予账号 A 需要的权限，例如项目的 `Read`、`List` 以及所读表的 `Select`");
        b.finding(
            "PL213",
            Severity::Warning,
            Some(&field),
            message,
            Some(help),
        );
    }
    Some(out)
}

fn unknown_privilege(b: &mut Builder, field: &str, raw: &str, object_type: &'static str) {
    let shown = code_text(&clip(raw));
    let message = tr!(
        b.lang,
        format!("{shown} is not a MaxCompute privilege for object type `{object_type}`"),
        format!(
            "{shown} 不是对象类型 `{object_type}`（{}）的 MaxCompute 权限",
            object_type_zh(object_type)
        )
    );
    let elsewhere: Vec<&str> = OBJECT_TYPES
        .iter()
        .copied()
        .filter(|t| {
            *t != object_type
                && maxcompute::privileges(t)
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(raw))
        })
        .collect();
    let list = privilege_list(b, object_type);
    let help = if let Some(suggestion) =
        did_you_mean(raw, maxcompute::privileges(object_type).iter().copied())
    {
        tr!(
            b.lang,
            format!("did you mean `{suggestion}`? {list}"),
            format!("是否想写 `{suggestion}`？{list}")
        )
    } else if !elsewhere.is_empty() {
        let types = elsewhere
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ");
        tr!(b.lang, format!("it is a privilege for {types}; grant it in a separate entry for that object. {list}"), format!("它是 {types} 的权限，请为该对象单独添加一项授权。{list}"))
    } else {
        list
    };
    b.finding("PL206", Severity::Error, Some(field), message, Some(help));
}

/// `privileges for `table`: Describe, Select, ...`, as a help text.
fn privilege_list(b: &Builder, object_type: &str) -> String {
    let list = maxcompute::privileges(object_type).join(", ");
    tr!(
        b.lang,
        format!("privileges for `{object_type}`: {list}"),
        format!("`{object_type}` 可用的权限：{list}")
    )
}

fn read_columns(
    i: usize,
    record: &Record,
    object_type: &str,
    b: &mut Builder,
) -> Option<Vec<String>> {
    let listed = record.strings("columns");
    if listed.is_empty() {
        return Some(Vec::new());
    }
    if object_type != "table" {
        let message = tr!(
            b.lang,
            format!("columns can be granted only on a `table`, not on a `{object_type}`"),
            format!(
                "只能对表按列授权，不能对{}按列授权",
                object_type_zh(object_type)
            )
        );
        let help = tr!(
            b.lang,
            "remove `columns`, or change `object_type` to `table`",
            "请删除 `columns`，或将 `object_type` 改为 `table`"
        );
        b.finding(
            "PL208",
            Severity::Error,
            Some(&format!("grants[{i}].columns")),
            message,
            Some(help),
        );
        return None;
    }
    let mut ok = true;
    let mut out: Vec<String> = Vec::new();
    for (j, column) in listed.iter().enumerate() {
        let field = format!("grants[{i}].columns[{j}]");
        let Some(column) = checked_name(
            b,
            "PL209",
            &field,
            column,
            maxcompute::check_identifier(column),
            NameRule::Identifier,
        ) else {
            ok = false;
            continue;
        };
        if out.iter().any(|c| c.eq_ignore_ascii_case(&column)) {
            let message = tr!(
                b.lang,
                format!("column `{column}` is listed twice; it is named once"),
                format!("列 `{column}` 重复出现；只列出一次")
            );
            b.finding("PL211", Severity::Warning, Some(&field), message, None);
            continue;
        }
        out.push(column);
    }
    ok.then_some(out)
}

fn object_type_zh(object_type: &str) -> &'static str {
    match object_type {
        "project" => "项目",
        "table" => "表",
        "resource" => "资源",
        "function" => "函数",
        "instance" => "实例",
        _ => "对象",
    }
}

/// The MaxCompute script: add the user, list users, one grant per entry, show grants.
fn script(b: &Builder, project: &str, principal: &str, grants: &[Grant]) -> String {
    let mut lines = vec![
        tr!(b.lang, format!("-- Run in MaxCompute project {project} as its owner (account B) or a project administrator."), format!("-- 请以项目所有者（账号 B）或项目管理员身份在 MaxCompute 项目 {project} 中运行。")),
        String::new(),
        tr!(b.lang, "-- Add the RAM role as a user of the project.", "-- 将 RAM 角色添加为项目用户。"),
        format!("add user {principal};"),
        tr!(b.lang, "-- List the project's users; the role appears as MaxCompute stored it.", "-- 列出项目用户；角色按 MaxCompute 保存的标识显示。"),
        "list users;".to_owned(),
        String::new(),
    ];
    if grants.is_empty() {
        lines.push(tr!(
            b.lang,
            "-- No grants were listed: the role can connect but can read nothing.",
            "-- 未列出任何授权：角色可以连接，但无法读取任何内容。"
        ));
    }
    for grant in grants {
        let privileges: Vec<String> = grant.privileges.iter().map(|p| (*p).to_owned()).collect();
        let columns = grant.columns.join(", ");
        let list = privileges.join(", ");
        let (name, kind) = (&grant.object_name, grant.object_type);
        lines.push(if grant.columns.is_empty() {
            tr!(
                b.lang,
                format!("-- Allow {list} on {kind} {name}."),
                format!("-- 授予{} {name} 的 {list} 权限。", object_type_zh(kind))
            )
        } else {
            tr!(
                b.lang,
                format!("-- Allow {list} on table {name}, columns {columns} only."),
                format!("-- 授予表 {name} 的 {list} 权限，仅限列 {columns}。")
            )
        });
        lines.push(maxcompute::grant(
            &privileges,
            kind,
            name,
            &grant.columns,
            principal,
        ));
    }
    lines.push(String::new());
    lines.push(tr!(
        b.lang,
        "-- Show the privileges the role now holds.",
        "-- 查看角色当前拥有的权限。"
    ));
    lines.push(format!("show grants for {principal};"));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

// Shared with `dataworks_hologres`: the seed's RAM role, trust policy and data-source steps
// are the same for both engines.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Lang;
    use crate::lint::{lint, KindChoice, LintOptions};
    use crate::plan::{plan, Plan};

    const A: &str = "1111222233334444";
    const B: &str = "5555666677778888";

    fn run(input: serde_json::Value) -> Plan {
        plan("dataworks-maxcompute", &input.to_string(), Lang::En).unwrap()
    }

    fn with_grants(grants: serde_json::Value) -> serde_json::Value {
        serde_json::json!({
            "dataworks_account_uid": A,
            "resource_account_uid": B,
            "role_name": "testRole",
            "region": "cn-hangzhou",
            "maxcompute_project": "sales_prj",
            "grants": grants,
        })
    }

    fn codes(plan: &Plan) -> Vec<(&'static str, Option<&str>)> {
        plan.findings.iter().map(|f| (f.code, f.field())).collect()
    }

    fn has(plan: &Plan, code: &str, field: &str) -> bool {
        plan.findings
            .iter()
            .any(|f| f.code == code && f.field() == Some(field))
    }

    fn sql(plan: &Plan) -> &str {
        &plan.artifact("maxcompute-sql").unwrap().content
    }

    #[test]
    fn writes_the_exact_script_for_a_typical_input() {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "project", "object_name": "sales_prj", "privileges": ["read", "LIST"]},
            {"object_type": "table", "object_name": "orders", "privileges": ["Select", "describe"], "columns": ["id", "amount"]},
            {"object_type": "table", "object_name": "customers", "privileges": "Select"}
        ])));
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        let p = "`RAM$5555666677778888:role/testRole`";
        let expected = format!(
            "-- Run in MaxCompute project sales_prj as its owner (account B) or a project administrator.

-- Add the RAM role as a user of the project.
add user {p};
-- List the project's users; the role appears as MaxCompute stored it.
list users;

-- Allow Read, List on project sales_prj.
grant Read, List on project sales_prj to user {p};
-- Allow Select, Describe on table orders, columns id, amount only.
grant Select, Describe on table orders (id, amount) to user {p};
-- Allow Select on table customers.
grant Select on table customers to user {p};

-- Show the privileges the role now holds.
show grants for {p};
"
        );
        assert_eq!(sql(&plan), expected);
        assert_eq!(
            plan.artifact("maxcompute-sql").unwrap().filename,
            "maxcompute.sql"
        );
    }

    #[test]
    fn writes_the_trust_policy_of_the_guide_and_it_lints_clean() {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
        ])));
        let trust = &plan.artifact("trust-policy").unwrap().content;
        assert_eq!(
            trust,
            "{
  \"Statement\": [
    {
      \"Action\": \"sts:AssumeRole\",
      \"Effect\": \"Allow\",
      \"Principal\": {
        \"Service\": [
          \"1111222233334444@engine.dataworks.aliyuncs.com\"
        ]
      }
    }
  ],
  \"Version\": \"1\"
}
"
        );
        let report = lint(
            trust,
            &LintOptions {
                kind: KindChoice::Trust,
                ..LintOptions::default()
            },
        );
        assert!(
            report
                .findings
                .iter()
                .all(|f| !matches!(f.severity, Severity::Error | Severity::Security)),
            "{:?}",
            report.findings
        );
        assert!(!plan.findings.iter().any(|f| f.code == "PL900"));
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.assumption.contains("engine.dataworks.aliyuncs.com")));
    }

    #[test]
    fn accepts_every_documented_privilege_in_any_case() {
        for object_type in OBJECT_TYPES {
            let name = if *object_type == "project" {
                "sales_prj"
            } else {
                "obj_1"
            };
            for privilege in maxcompute::privileges(object_type) {
                let plan = run(with_grants(serde_json::json!([
                    {"object_type": object_type, "object_name": name, "privileges": [privilege.to_ascii_lowercase()]}
                ])));
                assert!(
                    !plan.has_errors(),
                    "{object_type} {privilege}: {:?}",
                    plan.findings
                );
                let line = format!("grant {privilege} on {object_type} {name} to user");
                assert!(
                    sql(&plan).contains(&line),
                    "{object_type} {privilege}:\n{}",
                    sql(&plan)
                );
            }
        }
    }

    #[test]
    fn refuses_privileges_of_another_object_type_or_misspelt() {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "project", "object_name": "sales_prj", "privileges": ["Select"]},
            {"object_type": "table", "object_name": "orders", "privileges": ["Selct"]},
            {"object_type": "instance", "object_name": "i1", "privileges": ["Delete"]},
            {"object_type": "resource", "object_name": "r.jar", "privileges": ["Run"]},
            {"object_type": "table", "object_name": "orders", "privileges": ["Download"]}
        ])));
        assert!(plan.artifacts.is_empty());
        for field in [
            "grants[0].privileges[0]",
            "grants[1].privileges[0]",
            "grants[2].privileges[0]",
            "grants[3].privileges[0]",
            "grants[4].privileges[0]",
        ] {
            assert!(has(&plan, "PL206", field), "{field}: {:?}", codes(&plan));
        }
        let help = |field: &str| {
            plan.findings
                .iter()
                .find(|f| f.field() == Some(field))
                .and_then(|f| f.help.clone())
                .unwrap()
        };
        assert!(help("grants[1].privileges[0]").starts_with("did you mean `Select`?"));
        assert!(help("grants[0].privileges[0]").starts_with("it is a privilege for `table`"));
        assert!(help("grants[3].privileges[0]").starts_with("it is a privilege for `function`"));
    }

    #[test]
    fn function_run_and_execute_are_accepted_with_a_warning() {
        for privilege in ["run", "Execute"] {
            let plan = run(with_grants(serde_json::json!([
                {"object_type": "function", "object_name": "my_udf", "privileges": [privilege]}
            ])));
            assert!(!plan.has_errors(), "{:?}", plan.findings);
            let finding = plan.findings.iter().find(|f| f.code == "PL207").unwrap();
            assert_eq!(finding.severity, Severity::Warning);
            assert_eq!(finding.field(), Some("grants[0].privileges[0]"));
            assert!(plan
                .unconfirmed
                .iter()
                .any(|u| u.about.contains("function privilege")));
        }
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "function", "object_name": "my_udf", "privileges": ["Read"]}
        ])));
        assert!(!plan.findings.iter().any(|f| f.code == "PL207"));
    }

    #[test]
    fn flags_duplicates_all_and_empty_privileges() {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select, select", "All"]},
            {"object_type": "project", "object_name": "sales_prj", "privileges": ["All"]}
        ])));
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        assert!(has(&plan, "PL211", "grants[0].privileges[0]"));
        assert!(has(&plan, "PL212", "grants[0].privileges"));
        assert!(has(&plan, "PL213", "grants[1].privileges"));
        assert!(sql(&plan).contains("grant Select, All on table orders to user"));

        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": []}
        ])));
        assert!(has(&plan, "PL210", "grants[0].privileges"));
        assert!(plan.artifacts.is_empty());
    }

    #[test]
    fn refuses_names_that_would_break_out_of_the_sql() {
        for bad in [
            "ord`ers",
            "ord'ers",
            "ord\"ers",
            "orders;drop",
            "ord ers",
            "orders`; drop table x; --",
        ] {
            let plan = run(with_grants(serde_json::json!([
                {"object_type": "table", "object_name": "fine", "privileges": ["Select"]},
                {"object_type": "table", "object_name": bad, "privileges": ["Select"], "columns": ["id", bad]}
            ])));
            assert!(
                has(&plan, "PL205", "grants[1].object_name"),
                "{bad}: {:?}",
                codes(&plan)
            );
            assert!(
                has(&plan, "PL209", "grants[1].columns[1]"),
                "{bad}: {:?}",
                codes(&plan)
            );
            assert!(plan.artifacts.is_empty() && plan.steps.is_empty());
            let message = &plan
                .findings
                .iter()
                .find(|f| f.code == "PL205")
                .unwrap()
                .message;
            assert!(message.starts_with("`grants[1].object_name`"), "{message}");

            let mut input = with_grants(serde_json::json!([]));
            input["maxcompute_project"] = serde_json::json!(bad);
            input["principal_form"] = serde_json::json!("account-name");
            input["resource_account_name"] = serde_json::json!(bad);
            let plan = run(input);
            assert!(
                has(&plan, "PL204", "maxcompute_project"),
                "{bad}: {:?}",
                codes(&plan)
            );
            assert!(
                has(&plan, "PL203", "resource_account_name"),
                "{bad}: {:?}",
                codes(&plan)
            );
            assert!(plan.artifacts.is_empty());
        }
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select; drop table orders"]}
        ])));
        assert!(has(&plan, "PL206", "grants[0].privileges[0]"));
        assert!(plan.artifacts.is_empty());
    }

    #[test]
    fn resource_names_may_hold_dots_and_hyphens_but_tables_may_not() {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "resource", "object_name": "udf-v2.jar", "privileges": ["Read"]}
        ])));
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "sales_prj.orders", "privileges": ["Select"]}
        ])));
        assert!(has(&plan, "PL205", "grants[0].object_name"));
    }

    #[test]
    fn account_name_form_needs_the_name_and_uses_it() {
        let mut input = with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
        ]));
        input["principal_form"] = serde_json::json!("account-name");
        let plan = run(input.clone());
        assert!(
            has(&plan, "PL201", "resource_account_name"),
            "{:?}",
            codes(&plan)
        );
        assert!(plan.artifacts.is_empty());

        input["resource_account_name"] = serde_json::json!("acme-ops");
        let plan = run(input);
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        assert!(sql(&plan).contains("add user `RAM$acme-ops:role/testRole`;"));
        assert!(sql(&plan).contains("show grants for `RAM$acme-ops:role/testRole`;"));
        assert!(!sql(&plan).contains(B));
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.assumption.contains("list users;")));
        // Where the name comes from is not invented: the plan points at `list users;`.
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.about == "Where account B's name is shown"));
        assert!(plan.steps[2].instructions.contains("`acme-ops`"));
        assert!(plan.steps[2]
            .cautions
            .iter()
            .any(|c| c.contains("`account-id`")));
    }

    #[test]
    fn account_id_form_ignores_a_given_name_with_a_warning() {
        let mut input = with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
        ]));
        input["resource_account_name"] = serde_json::json!("acme-ops");
        let plan = run(input);
        assert!(has(&plan, "PL202", "resource_account_name"));
        assert!(!plan
            .unconfirmed
            .iter()
            .any(|u| u.about == "Where account B's name is shown"));
        assert!(sql(&plan).contains("add user `RAM$5555666677778888:role/testRole`;"));
    }

    #[test]
    fn columns_only_on_tables() {
        for object_type in ["project", "resource", "function", "instance"] {
            let plan = run(with_grants(serde_json::json!([
                {"object_type": object_type, "object_name": "sales_prj", "privileges": ["Read"], "columns": ["id"]}
            ])));
            assert!(
                has(&plan, "PL208", "grants[0].columns"),
                "{object_type}: {:?}",
                codes(&plan)
            );
            assert!(plan.artifacts.is_empty());
        }
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"], "columns": ["id", "ID"]}
        ])));
        assert!(has(&plan, "PL211", "grants[0].columns[1]"));
        assert!(sql(&plan).contains("on table orders (id) to user"));
    }

    #[test]
    fn empty_grants_warn_but_still_plan() {
        for input in [with_grants(serde_json::json!([])), {
            let mut i = with_grants(serde_json::json!([]));
            i.as_object_mut().unwrap().remove("grants");
            i
        }] {
            let plan = run(input);
            assert!(!plan.has_errors(), "{:?}", plan.findings);
            let f = plan.findings.iter().find(|f| f.code == "PL215").unwrap();
            assert_eq!(f.severity, Severity::Warning);
            assert!(!sql(&plan).contains("grant "));
            assert!(sql(&plan).contains("show grants for"));
            let check = plan.steps[2].verification.as_deref().unwrap();
            assert!(check.contains("no privileges yet"), "{check}");
            assert!(!check.contains("every privilege"), "{check}");
        }
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
        ])));
        let check = plan.steps[2].verification.as_deref().unwrap();
        assert!(check.contains("every privilege"), "{check}");
    }

    #[test]
    fn every_console_step_before_the_test_has_a_check() {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
        ])));
        for i in [0, 1, 2, 4] {
            assert!(plan.steps[i].verification.is_some(), "step {}", i + 1);
        }
        assert!(plan.steps[0]
            .verification
            .as_deref()
            .unwrap()
            .contains("`testRole`"));
    }

    #[test]
    fn the_trust_step_follows_the_guide_s_policy_document_path() {
        let plan = run(with_grants(serde_json::json!([])));
        let step = &plan.steps[1];
        assert!(step
            .location
            .ends_with("testRole > Policy Document > Edit Policy Document"));
        assert!(step.instructions.contains("Trust Policy"));
        assert!(!step.instructions.contains("script"));
        let zh = crate::plan::plan(
            "dataworks-maxcompute",
            &with_grants(serde_json::json!([])).to_string(),
            Lang::Zh,
        )
        .unwrap();
        let text = crate::plan::to_json(&zh);
        assert!(!text.replace("阿里云账号", "").contains("云账号"), "{text}");
    }

    #[test]
    fn the_data_source_name_is_proposed_or_taken_as_given() {
        let plan = run(with_grants(serde_json::json!([])));
        let name = |plan: &Plan| {
            plan.steps[3]
                .parameters
                .iter()
                .find(|p| p.name == "Data Source Name")
                .map(|p| p.value.clone())
                .unwrap()
        };
        assert_eq!(name(&plan), format!("sales_prj_from_{B}"));
        assert!(plan.steps[4]
            .verification
            .as_deref()
            .unwrap()
            .contains(&format!("`sales_prj_from_{B}`")));
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.about == "Rules for data source names"));

        let mut input = with_grants(serde_json::json!([]));
        input["data_source_name"] = serde_json::json!("sales_cross");
        let plan = run(input.clone());
        assert_eq!(name(&plan), "sales_cross");
        assert!(!plan.findings.iter().any(|f| f.code == "PL218"));

        input["data_source_name"] = serde_json::json!("sales-cross");
        let plan = run(input);
        assert!(!plan.has_errors());
        assert!(has(&plan, "PL218", "data_source_name"));
        assert_eq!(name(&plan), "sales-cross");

        for (target, want) in [
            ("sales_prj", "sales_prj_from_1"),
            ("hgprecn-cn-abc", "hgprecn_cn_abc_from_1"),
            ("my--holo.", "my_holo_from_1"),
            ("9lives", "ds_9lives_from_1"),
            ("实例", "ds_from_1"),
        ] {
            assert_eq!(proposed_data_source_name(target, "1"), want, "{target}");
        }
        assert_eq!(
            proposed_data_source_name(&"a".repeat(100), "1"),
            format!("{}_from_1", "a".repeat(40))
        );
    }

    #[test]
    fn warns_on_a_grant_on_another_project_and_on_one_account() {
        let mut input = with_grants(serde_json::json!([
            {"object_type": "project", "object_name": "other_prj", "privileges": ["Read"]},
            {"object_type": "project", "object_name": "SALES_PRJ", "privileges": ["List"]}
        ]));
        input["resource_account_uid"] = serde_json::json!(A);
        let plan = run(input);
        assert!(has(&plan, "PL214", "grants[0].object_name"));
        assert!(!has(&plan, "PL214", "grants[1].object_name"));
        assert!(has(&plan, "PL216", "resource_account_uid"));
    }

    #[test]
    fn shows_the_limitation_as_a_suggestion() {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
        ])));
        let f = plan.findings.iter().find(|f| f.code == "PL217").unwrap();
        assert_eq!(f.severity, Severity::Suggestion);
        assert!(f.message.contains("data development or scheduling"));
    }

    #[test]
    fn names_agree_across_artifacts_and_steps() {
        let mut input = with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
        ]));
        input["role_name"] = serde_json::json!("dw-reader.2");
        let plan = run(input);
        let role = "dw-reader.2";
        let principal = format!("`RAM${B}:role/{role}`");
        assert_eq!(plan.steps.len(), 5);
        let value = |step: usize, name: &str| {
            plan.steps[step]
                .parameters
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.value.clone())
                .unwrap()
        };
        // Step 1 creates the role; step 3 makes it a project user; step 4 names it in DataWorks.
        assert_eq!(value(0, "Role name"), role);
        assert!(plan.steps[1].location.contains(role));
        assert_eq!(plan.steps[1].artifacts, ["trust-policy"]);
        assert_eq!(plan.steps[2].artifacts, ["maxcompute-sql"]);
        assert_eq!(value(2, "MaxCompute user"), principal);
        assert!(sql(&plan).contains(&format!("add user {principal};")));
        assert!(sql(&plan).contains(&format!("to user {principal};")));
        assert_eq!(value(3, "RAM Role"), role);
        assert_eq!(value(3, "MaxCompute Project Name"), "sales_prj");
        assert_eq!(value(3, "UID Of Alibaba Cloud Account"), B);
        assert_eq!(
            value(3, "Alibaba Cloud Account"),
            "Another Alibaba Cloud Account"
        );
        assert_eq!(value(3, "Region"), "cn-hangzhou");
        assert_eq!(value(3, "Data Source Name"), format!("sales_prj_from_{B}"));
        assert!(value(0, "Principal name").contains(A));
        let accounts: Vec<Account> = plan.steps.iter().map(|s| s.account).collect();
        assert_eq!(
            accounts,
            [
                Account::Resource,
                Account::Resource,
                Account::Resource,
                Account::Dataworks,
                Account::Dataworks
            ]
        );
        assert!(plan
            .artifact("trust-policy")
            .unwrap()
            .content
            .contains(&format!("{A}@engine.dataworks")));
    }

    #[test]
    fn speaks_chinese_in_the_script_and_steps() {
        let input = with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "orders", "privileges": ["Select"], "columns": ["id"]}
        ]));
        let plan = plan("dataworks-maxcompute", &input.to_string(), Lang::Zh).unwrap();
        assert!(!plan.has_errors());
        let sql = sql(&plan);
        assert!(
            sql.contains("-- 授予表 orders 的 Select 权限，仅限列 id。"),
            "{sql}"
        );
        assert!(sql.contains("grant Select on table orders (id) to user"));
        assert_eq!(plan.steps[0].title, "创建 RAM 角色");
    }

    #[test]
    fn missing_fields_are_errors_without_a_panic() {
        let plan = run(serde_json::json!({}));
        assert!(plan.has_errors());
        for field in [
            "dataworks_account_uid",
            "resource_account_uid",
            "region",
            "maxcompute_project",
        ] {
            assert!(has(&plan, "PL004", field), "{field}: {:?}", codes(&plan));
        }
        let plan = run(with_grants(
            serde_json::json!([{"object_type": "view", "object_name": "v"}]),
        ));
        assert!(has(&plan, "PL007", "grants[0].object_type"));
        assert!(has(&plan, "PL004", "grants[0].privileges"));
    }

    #[test]
    fn a_trust_policy_for_the_wrong_account_fails_the_self_check() {
        let text = with_grants(serde_json::json!([])).to_string();
        let plan = run(with_grants(serde_json::json!([])));
        let passed = plan.checks.iter().filter(|c| c.passed()).count();
        // Assume, three near misses; the grants are outside RAM.
        assert_eq!(passed, 4, "{:#?}", plan.checks);
        assert!(plan.checks.iter().any(|c| matches!(
            &c.expectation,
            crate::plan::Expectation::Outside { how, .. } if how.contains("show grants for")
        )));
        let broken = crate::plan::plan_tampered("dataworks-maxcompute", &text, Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "trust-policy", |t| t.replace(A, B));
        })
        .unwrap();
        let failures = crate::plan::self_check_failures(&broken);
        assert_eq!(failures.len(), 2, "{failures:#?}");
        assert!(failures[0].contains("different account"), "{}", failures[0]);
        assert!(failures[1].contains(&format!(
            "`{B}@engine.dataworks.aliyuncs.com` cannot assume"
        )));
        assert!(broken.artifacts.is_empty());
    }
}
