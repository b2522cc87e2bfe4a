//! MaxCompute security statements. Names are validated and never pasted raw into SQL: a
//! backtick, quote, semicolon or space in a name is refused, not escaped.

/// Object types an ACL grant can name (S46, S49).
pub const OBJECT_TYPES: &[&str] = &["project", "table", "resource", "function", "instance"];

/// The documented ACL privileges per object type, in the documented spelling (S46, S49).
pub fn privileges(object_type: &str) -> &'static [&'static str] {
    match object_type {
        "project" => &[
            "Read",
            "Write",
            "List",
            "CreateTable",
            "CreateInstance",
            "CreateFunction",
            "CreateResource",
            "All",
        ],
        "table" => &[
            "Describe",
            "Select",
            "Alter",
            "Update",
            "Drop",
            "ShowHistory",
            "All",
        ],
        "function" => &["Read", "Write", "Delete", "Run", "Execute", "All"],
        "resource" => &["Read", "Write", "Delete", "All"],
        "instance" => &["Read", "Write", "All"],
        _ => &[],
    }
}

/// Privilege names whose spelling the sources disagree on: the older permission table calls
/// the function privilege `Run`, newer material possibly `Execute`. Both are accepted, with a
/// warning.
pub fn unconfirmed_privilege(object_type: &str, privilege: &str) -> bool {
    object_type == "function" && (privilege == "Run" || privilege == "Execute")
}

/// Why a name cannot go into a statement, if it cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    /// A character that would break out of the statement (backtick, quote, semicolon, space).
    Unsafe(char),
    /// Any other character outside the allowed set.
    Character(char),
    TooLong(usize),
}

/// Project, table and function names: letters, digits and `_` (S46 examples); up to 128.
pub fn check_identifier(name: &str) -> Option<NameProblem> {
    check(name, 128, |c| c.is_ascii_alphanumeric() || c == '_')
}

/// Resource names may also hold `.` and `-` (`my_udf.jar`, `dict-v2.txt`).
pub fn check_resource_name(name: &str) -> Option<NameProblem> {
    check(name, 128, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
    })
}

/// Account names as the seed's `RAM$<Account-B-name>:role/<role>` form uses them: an alias
/// or a logon e-mail.
pub fn check_account_name(name: &str) -> Option<NameProblem> {
    check(name, 64, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '@')
    })
}

fn check(name: &str, max: usize, allowed: impl Fn(char) -> bool) -> Option<NameProblem> {
    if name.is_empty() {
        return Some(NameProblem::Empty);
    }
    if let Some(c) = name
        .chars()
        .find(|&c| matches!(c, '`' | '\'' | '"' | ';') || c.is_whitespace())
    {
        return Some(NameProblem::Unsafe(c));
    }
    if let Some(c) = name.chars().find(|&c| !allowed(c)) {
        return Some(NameProblem::Character(c));
    }
    let length = name.chars().count();
    (length > max).then_some(NameProblem::TooLong(length))
}

/// The RAM role as a MaxCompute user: `` `RAM$<account>:role/<role>` ``. The backticks are
/// required for role identifiers (S44). Callers pass validated names only.
pub fn role_principal(account: &str, role_name: &str) -> String {
    format!("`RAM${account}:role/{role_name}`")
}

/// `grant Select, Describe on table sales (id, amount) to user <principal>;`
pub fn grant(
    privileges: &[String],
    object_type: &str,
    object_name: &str,
    columns: &[String],
    principal: &str,
) -> String {
    let columns = if columns.is_empty() {
        String::new()
    } else {
        format!(" ({})", columns.join(", "))
    };
    format!(
        "grant {} on {object_type} {object_name}{columns} to user {principal};",
        privileges.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_names_that_would_break_out_of_sql() {
        assert_eq!(check_identifier("sales_2026"), None);
        assert_eq!(
            check_identifier("sales`; drop"),
            Some(NameProblem::Unsafe('`'))
        );
        assert_eq!(check_identifier("a b"), Some(NameProblem::Unsafe(' ')));
        assert_eq!(check_identifier("a;b"), Some(NameProblem::Unsafe(';')));
        assert_eq!(check_identifier("a'b"), Some(NameProblem::Unsafe('\'')));
        assert_eq!(check_identifier("a-b"), Some(NameProblem::Character('-')));
        assert_eq!(check_identifier(""), Some(NameProblem::Empty));
        assert_eq!(check_resource_name("udf-v2.jar"), None);
        assert_eq!(check_account_name("ops@example.com"), None);
    }

    #[test]
    fn builds_statements() {
        let principal = role_principal("1234567890123456", "testRole");
        assert_eq!(principal, "`RAM$1234567890123456:role/testRole`");
        assert_eq!(
            grant(&["Select".into(), "Describe".into()], "table", "sales", &["id".into()], &principal),
            "grant Select, Describe on table sales (id) to user `RAM$1234567890123456:role/testRole`;"
        );
        assert!(privileges("table").contains(&"Select"));
        assert!(privileges("view").is_empty());
    }
}
