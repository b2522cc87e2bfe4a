//! Condition operators and value formats.

use crate::catalogue::KeyType;
use crate::json::{pointer_push, Member, Node};
use crate::policy::{strings_of, Item, Policy};
use crate::position::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    pub name: &'static str,
    pub kind: KeyType,
    /// True for the negated forms (`StringNotEquals`, `NotIpAddress`, ...).
    pub negated: bool,
    /// True for `StringLike`/`StringNotLike`, the only operators that read `*` and `?`.
    pub wildcards: bool,
}

const fn op(name: &'static str, kind: KeyType, negated: bool, wildcards: bool) -> Operator {
    Operator {
        name,
        kind,
        negated,
        wildcards,
    }
}

/// The 21 operators RAM documents, in five categories. `...IfExists` and `Null` are not
/// among them (an AWS habit that RAM rejects).
pub static OPERATORS: [Operator; 21] = [
    op("StringEquals", KeyType::String, false, false),
    op("StringNotEquals", KeyType::String, true, false),
    op("StringEqualsIgnoreCase", KeyType::String, false, false),
    op("StringNotEqualsIgnoreCase", KeyType::String, true, false),
    op("StringLike", KeyType::String, false, true),
    op("StringNotLike", KeyType::String, true, true),
    op("NumericEquals", KeyType::Number, false, false),
    op("NumericNotEquals", KeyType::Number, true, false),
    op("NumericLessThan", KeyType::Number, false, false),
    op("NumericLessThanEquals", KeyType::Number, false, false),
    op("NumericGreaterThan", KeyType::Number, false, false),
    op("NumericGreaterThanEquals", KeyType::Number, false, false),
    op("DateEquals", KeyType::Date, false, false),
    op("DateNotEquals", KeyType::Date, true, false),
    op("DateLessThan", KeyType::Date, false, false),
    op("DateLessThanEquals", KeyType::Date, false, false),
    op("DateGreaterThan", KeyType::Date, false, false),
    op("DateGreaterThanEquals", KeyType::Date, false, false),
    op("Bool", KeyType::Boolean, false, false),
    op("IpAddress", KeyType::Ip, false, false),
    op("NotIpAddress", KeyType::Ip, true, false),
];

pub fn operator(name: &str) -> Option<&'static Operator> {
    OPERATORS.iter().find(|o| o.name == name)
}

/// One key under one operator, with its values.
#[derive(Debug)]
pub struct Entry<'n> {
    pub statement_pointer: String,
    pub operator: &'n Member,
    pub operator_pointer: String,
    pub key: &'n Member,
    pub key_pointer: String,
    pub values: Vec<Item<'n>>,
}

impl Entry<'_> {
    pub fn operator_name(&self) -> &str {
        &self.operator.key
    }

    pub fn key_name(&self) -> &str {
        &self.key.key
    }

    pub fn key_span(&self) -> Span {
        self.key.key_span
    }

    pub fn value_node(&self) -> &Node {
        &self.key.value
    }
}

/// The entries grouped by the statement they belong to (its pointer), for rules that look
/// at one statement's conditions together: one pass, not a scan per statement.
pub fn by_statement<'e, 'n>(
    entries: &'e [Entry<'n>],
) -> std::collections::HashMap<&'e str, Vec<&'e Entry<'n>>> {
    let mut out: std::collections::HashMap<&str, Vec<&Entry<'n>>> =
        std::collections::HashMap::new();
    for entry in entries {
        out.entry(entry.statement_pointer.as_str())
            .or_default()
            .push(entry);
    }
    out
}

/// Every operator/key pair of every statement's `Condition`, in document order.
pub fn entries<'n>(policy: &Policy<'n>) -> Vec<Entry<'n>> {
    let mut out = Vec::new();
    for statement in &policy.statements {
        let Some(condition) = statement.condition else {
            continue;
        };
        let pointer = condition.pointer(&statement.pointer);
        let Some(operators) = condition.node.as_object() else {
            continue;
        };
        for operator in operators {
            let operator_pointer = pointer_push(&pointer, &operator.key);
            let Some(keys) = operator.value.as_object() else {
                continue;
            };
            for key in keys {
                let key_pointer = pointer_push(&operator_pointer, &key.key);
                out.push(Entry {
                    statement_pointer: statement.pointer.clone(),
                    operator,
                    operator_pointer: operator_pointer.clone(),
                    key,
                    values: strings_of(&key.value, &key_pointer),
                    key_pointer,
                });
            }
        }
    }
    out
}

/// A decimal number as RAM's numeric operators read it: optional sign, digits, optional
/// fraction.
pub fn is_number(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

pub fn is_bool(text: &str) -> bool {
    text == "true" || text == "false"
}

/// An IPv4 or IPv6 address, optionally with a CIDR prefix length.
pub fn is_ip_or_cidr(text: &str) -> bool {
    crate::ip::Block::parse(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_21_distinct_operators() {
        let mut names: Vec<&str> = OPERATORS.iter().map(|o| o.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 21);
        assert!(operator("StringEqualsIfExists").is_none());
        assert!(operator("Null").is_none());
    }

    #[test]
    fn numbers() {
        for ok in ["0", "10", "-3", "2.5"] {
            assert!(is_number(ok), "{ok}");
        }
        for bad in ["", "-", "1.", ".5", "1e3", "ten", " 1"] {
            assert!(!is_number(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        for ok in [
            "2012-11-11T23:59:59Z",
            "2019-08-12T12:00:00+08:00",
            "2024-02-29",
            "2026-01-31T08:00Z",
            "2026-01-31T08:00:00.123-0500",
        ] {
            assert!(crate::iso8601::is_valid(ok), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026/01/31",
            "31-01-2026",
            "2026-01-31T25:00:00Z",
            "2026-01-31T08:00:00+25:00",
            "yesterday",
            "",
        ] {
            assert!(!crate::iso8601::is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn addresses() {
        for ok in [
            "192.168.0.1",
            "10.0.0.0/8",
            "::1",
            "2001:db8::/32",
            "0.0.0.0/0",
        ] {
            assert!(is_ip_or_cidr(ok), "{ok}");
        }
        for bad in [
            "192.168.0.256",
            "10.0.0.0/33",
            "10.0.0.0/",
            "abc",
            "1.2.3",
            "::1/129",
        ] {
            assert!(!is_ip_or_cidr(bad), "{bad}");
        }
    }
}
