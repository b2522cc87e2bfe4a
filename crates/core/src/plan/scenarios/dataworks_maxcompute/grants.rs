//! The grants of the MaxCompute half of seed 001: each entry read and checked (names safe
//! for a statement, privileges in their documented spelling for the object type, columns
//! only on tables), and the script account B runs: `add user`, the grants, `show grants`.

use crate::finding::Severity;
use crate::plan::input::{Inputs, Record};
use crate::plan::maxcompute::{self, NameProblem, OBJECT_TYPES};
use crate::plan::Builder;
use crate::text::{clip, did_you_mean};
use crate::tr;

use super::super::dataworks_engine::{code_text, unsafe_character};

/// One checked grant, ready for SQL: every name validated, privileges in documented spelling.
pub(super) struct Grant {
    pub(super) object_type: &'static str,
    pub(super) object_name: String,
    pub(super) privileges: Vec<&'static str>,
    pub(super) columns: Vec<String>,
}

/// Which characters a name may hold, for the help text.
#[derive(Clone, Copy)]
pub(super) enum NameRule {
    Identifier,
    Table,
    Resource,
    AccountName,
}

/// Returns the name if it can go into a statement; otherwise reports why, naming the field.
pub(super) fn checked_name(
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

pub(super) fn read_grants(inputs: &Inputs, project: Option<&str>, b: &mut Builder) -> Vec<Grant> {
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
pub(super) fn script(b: &Builder, project: &str, principal: &str, grants: &[Grant]) -> String {
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
