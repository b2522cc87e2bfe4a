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

/// An ISO 8601 date or date-time, such as `2019-08-12T12:00:00+08:00` or
/// `2012-11-11T23:59:59Z`. The date alone (`2026-01-31`) is accepted too.
pub fn is_iso8601(text: &str) -> bool {
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    if !valid_date(date) {
        return false;
    }
    match time {
        None => true,
        Some(time) => valid_time(time),
    }
}

fn digits(text: &str, count: usize) -> Option<u32> {
    if text.len() == count && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn valid_date(date: &str) -> bool {
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Some(year), Some(month), Some(day)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

fn valid_time(time: &str) -> bool {
    // Split off the zone: `Z`, `+hh:mm`, `-hh:mm`, `+hhmm`.
    let (clock, zone) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, None)
    } else if let Some(at) = time.rfind(['+', '-']) {
        (time.get(..at).unwrap_or_default(), time.get(at + 1..))
    } else {
        (time, None)
    };
    if let Some(zone) = zone {
        let compact: String = zone.chars().filter(|&c| c != ':').collect();
        let ok = compact.len() == 4
            && digits(compact.get(..2).unwrap_or_default(), 2).is_some_and(|h| h <= 14)
            && digits(compact.get(2..).unwrap_or_default(), 2).is_some_and(|m| m < 60);
        if !ok {
            return false;
        }
    }
    let (clock, fraction) = match clock.split_once('.') {
        Some((c, f)) => (c, Some(f)),
        None => (clock, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let fields: Vec<&str> = clock.split(':').collect();
    let limits = [23, 59, 60];
    (2..=3).contains(&fields.len())
        && fields
            .iter()
            .zip(limits)
            .all(|(field, max)| digits(field, 2).is_some_and(|v| v <= max))
}

pub fn is_bool(text: &str) -> bool {
    text == "true" || text == "false"
}

/// An IPv4 or IPv6 address, optionally with a CIDR prefix length.
pub fn is_ip_or_cidr(text: &str) -> bool {
    let (address, prefix) = match text.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (text, None),
    };
    let max_prefix = if address.parse::<std::net::Ipv4Addr>().is_ok() {
        32
    } else if address.parse::<std::net::Ipv6Addr>().is_ok() {
        128
    } else {
        return false;
    };
    prefix.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 3
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= max_prefix)
    })
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
            assert!(is_iso8601(ok), "{ok}");
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
            assert!(!is_iso8601(bad), "{bad}");
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
