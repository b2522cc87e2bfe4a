//! Evaluating a statement's `Condition` against the request context (ram-facts 1.6).
//!
//! - Several values of one key in the policy: OR. Several keys under one operator, and
//!   several operators: AND.
//! - Several request values of one key (`--context k=a --context k=b`): OR as well. A
//!   positive operator matches when any request value matches any policy value.
//! - A negated operator is exactly the negation of its positive twin (`StringNotEquals` of
//!   `StringEquals`, `NotIpAddress` of `IpAddress`, ...), also when the key is absent from
//!   the request, when it has several request values, and when a value cannot be read.
//!   So an absent key makes a positive operator false and a negated one true: the AWS
//!   convention, since RAM's documentation is silent. Every such case carries a `note`.

use serde::Serialize;

use crate::catalogue::KeyType;
use crate::condition::{self, Operator};
use crate::finding::Lang;
use crate::json::{pointer_push, Member, Node, Value};
use crate::policy::Statement;
use crate::wildcard::{self, Case};

use super::redact;
use super::request::Context;
use crate::tr;

/// One key under one operator, as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConditionResult {
    /// JSON pointer to the key: `/Statement/1/Condition/IpAddress/acs:SourceIp`.
    pub path: String,
    pub operator: String,
    pub key: String,
    /// The policy's values.
    pub values: Vec<String>,
    /// The request's values for this key (none when absent).
    pub request_values: Vec<String>,
    pub matched: bool,
    /// Why, when the outcome rests on a choice the documentation does not settle or on a
    /// value that could not be read.
    pub note: Option<String>,
}

/// The result of a whole `Condition` block.
pub(crate) struct ConditionOutcome {
    pub matched: bool,
    pub entries: Vec<ConditionResult>,
    /// A problem with the block itself (not an object).
    pub note: Option<String>,
}

/// Evaluates a statement's `Condition`. No `Condition` matches; `{}` matches (an AND of
/// nothing).
pub(crate) fn evaluate(
    statement: &Statement<'_>,
    context: &Context<'_>,
    lang: Lang,
) -> ConditionOutcome {
    let Some(field) = statement.condition else {
        return ConditionOutcome {
            matched: true,
            entries: Vec::new(),
            note: None,
        };
    };
    let pointer = field.pointer(&statement.pointer);
    let Some(operators) = field.node.as_object() else {
        return ConditionOutcome {
            matched: false,
            entries: Vec::new(),
            note: Some(tr!(
                lang,
                format!(
                    "`Condition` is {}, not an object: the statement cannot match",
                    field.node.type_name()
                ),
                format!(
                    "`Condition` 是 {}，不是对象：该语句无法匹配",
                    field.node.type_name()
                )
            )),
        };
    };
    let mut entries = Vec::new();
    for operator in last_of_each_key(operators) {
        let operator_pointer = pointer_push(&pointer, &operator.key);
        let known = condition::operator(&operator.key);
        let Some(keys) = operator.value.as_object() else {
            entries.push(ConditionResult {
                path: operator_pointer,
                operator: redact(&operator.key),
                key: String::new(),
                values: Vec::new(),
                request_values: Vec::new(),
                matched: false,
                note: Some(tr!(
                    lang,
                    format!(
                        "the operator's value is {}, not an object of keys: it cannot match",
                        operator.value.type_name()
                    ),
                    format!(
                        "运算符的值是 {}，不是由条件键组成的对象：无法匹配",
                        operator.value.type_name()
                    )
                )),
            });
            continue;
        };
        for key in last_of_each_key(keys) {
            let key_pointer = pointer_push(&operator_pointer, &key.key);
            entries.push(evaluate_key(
                known,
                &operator.key,
                key,
                key_pointer,
                context,
                lang,
            ));
        }
    }
    ConditionOutcome {
        matched: entries.iter().all(|e| e.matched),
        entries,
        note: None,
    }
}

/// Members in document order, skipping any whose key is written again later: like the
/// parser's `get` and serde_json, the last of duplicated keys counts (the linter reports
/// the duplicate).
fn last_of_each_key(members: &[Member]) -> impl Iterator<Item = &Member> {
    members.iter().enumerate().filter_map(move |(i, m)| {
        let repeated = members
            .get(i + 1..)
            .is_some_and(|later| later.iter().any(|l| l.key == m.key));
        (!repeated).then_some(m)
    })
}

fn evaluate_key(
    operator: Option<&'static Operator>,
    operator_name: &str,
    key: &Member,
    path: String,
    context: &Context<'_>,
    lang: Lang,
) -> ConditionResult {
    let mut notes: Vec<String> = Vec::new();
    let values = policy_values(&key.value, &mut notes, lang);
    let request_values = context.values(&key.key);
    let shown_values: Vec<String> = values.iter().map(|v| redact(v)).collect();
    let shown_request: Vec<String> = request_values.iter().map(|v| redact(v)).collect();
    let Some(operator) = operator else {
        let known_case = condition::OPERATORS
            .iter()
            .find(|o| o.name.eq_ignore_ascii_case(operator_name));
        notes.push(match known_case {
            Some(op) => tr!(lang, format!(
                    "operators are case-sensitive: RAM would reject `{}` (write `{}`); counted as not matching",
                    redact(operator_name),
                    op.name
                ), format!(
                    "运算符区分大小写：RAM 会拒绝 `{}`（应写作 `{}`）；按不匹配处理",
                    redact(operator_name),
                    op.name
                )),
            None => tr!(lang, format!(
                    "`{}` is not one of RAM's 21 operators, so RAM would reject the policy; counted as not matching",
                    redact(operator_name)
                ), format!(
                    "`{}` 不是 RAM 的 21 个运算符之一，RAM 会拒绝该策略；按不匹配处理",
                    redact(operator_name)
                )),
        });
        return ConditionResult {
            path,
            operator: redact(operator_name),
            key: redact(&key.key),
            values: shown_values,
            request_values: shown_request,
            matched: false,
            note: Some(notes.join("; ")),
        };
    };

    if request_values.is_empty() {
        notes.push(if operator.negated {
            tr!(lang, format!(
                    "`{}` is not in the request: a negated operator matches an absent key (the AWS convention; RAM's documentation is silent)",
                    key.key
                ), format!(
                    "请求中没有 `{}`：否定运算符在键缺失时视为匹配（沿用 AWS 的约定；RAM 文档未说明）",
                    key.key
                ))
        } else {
            tr!(lang, format!(
                    "`{}` is not in the request: a non-negated operator does not match an absent key",
                    key.key
                ), format!("请求中没有 `{}`：非否定运算符在键缺失时不匹配", key.key))
        });
    }
    if values.is_empty() {
        notes.push(tr!(
            lang,
            "the policy gives no value for this key",
            "策略没有为该键给出任何值"
        ));
    }

    let comparison = Comparison::of(operator);
    let mut unreadable_policy: Vec<&str> = Vec::new();
    let mut unreadable_request: Vec<&str> = Vec::new();
    let mut zone_less: Vec<&str> = Vec::new();
    if operator.kind == KeyType::Date {
        for v in values
            .iter()
            .map(String::as_str)
            .chain(request_values.iter().copied())
        {
            if is_date_without_zone(v) && !zone_less.contains(&v) {
                zone_less.push(v);
            }
        }
    }
    let mut any = false;
    for policy_value in &values {
        for request_value in &request_values {
            match compare(operator.kind, comparison, request_value, policy_value) {
                Ok(true) => any = true,
                Ok(false) => {}
                Err(Side::Policy) => {
                    if !unreadable_policy.contains(&policy_value.as_str()) {
                        unreadable_policy.push(policy_value);
                    }
                }
                Err(Side::Request) => {
                    if !unreadable_request.contains(request_value) {
                        unreadable_request.push(request_value);
                    }
                }
            }
        }
    }
    let kind = type_word(operator.kind, lang);
    for value in unreadable_policy {
        notes.push(tr!(
            lang,
            format!(
                "policy value `{}` is not {kind}: it matches nothing",
                redact(value)
            ),
            format!("策略值 `{}` 不是{kind}：不与任何值匹配", redact(value))
        ));
    }
    // A request carries one address, never a block.
    let request_kind = match (operator.kind, lang) {
        (KeyType::Ip, Lang::En) => "an IP address",
        (KeyType::Ip, Lang::Zh) => " IP 地址",
        _ => kind,
    };
    for value in unreadable_request {
        notes.push(tr!(
            lang,
            format!("request value `{value}` is not {request_kind}: it matches nothing"),
            format!("请求值 `{value}` 不是{request_kind}：不与任何值匹配")
        ));
    }
    for value in zone_less {
        notes.push(if value.contains('T') {
            tr!(
                lang,
                format!("`{}` has no time zone: read as UTC", redact(value)),
                format!("`{}` 没有时区：按 UTC 处理", redact(value))
            )
        } else {
            tr!(
                lang,
                format!("`{}` is a date alone: read as midnight UTC", redact(value)),
                format!("`{}` 只有日期：按 UTC 零点处理", redact(value))
            )
        });
    }
    if operator.negated && request_values.len() > 1 {
        notes.push(tr!(lang, "several request values: the negated operator matches only when none of them matches a policy value", "请求中有多个值：仅当没有任何一个值与策略值匹配时，否定运算符才匹配"));
    }
    let matched = if operator.negated { !any } else { any };
    ConditionResult {
        path,
        operator: operator.name.to_owned(),
        key: redact(&key.key),
        values: shown_values,
        request_values: shown_request,
        matched,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// The policy's values of one key. RAM wants strings; a number or a boolean written bare
/// is read as its text, with a note, since its meaning is plain (the linter reports it).
fn policy_values(node: &Node, notes: &mut Vec<String>, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut bare = false;
    let mut skipped = false;
    let mut take = |node: &Node, out: &mut Vec<String>| match &node.value {
        Value::String(s) => out.push(s.clone()),
        Value::Number(n) => {
            bare = true;
            out.push(n.clone());
        }
        Value::Bool(b) => {
            bare = true;
            out.push(b.to_string());
        }
        Value::Null | Value::Array(_) | Value::Object(_) => skipped = true,
    };
    match &node.value {
        Value::Array(items) => {
            for item in items {
                take(item, &mut out);
            }
        }
        _ => take(node, &mut out),
    }
    if bare {
        notes.push(tr!(lang, "RAM requires values as strings in double quotes; a bare number or boolean is read as its text", "RAM 要求值为双引号中的字符串；未加引号的数字或布尔值按其文本读取"));
    }
    if skipped {
        notes.push(tr!(
            lang,
            "values that are not strings (null, arrays, objects) are ignored",
            "非字符串的值（null、数组、对象）被忽略"
        ));
    }
    out
}

fn type_word(kind: KeyType, lang: Lang) -> &'static str {
    match (kind, lang) {
        (KeyType::String, Lang::En) => "a string",
        (KeyType::Number, Lang::En) => "a decimal number",
        (KeyType::Date, Lang::En) => "an ISO 8601 date",
        (KeyType::Boolean, Lang::En) => "`true` or `false`",
        (KeyType::Ip, Lang::En) => "an IP address or CIDR block",
        (KeyType::String, Lang::Zh) => "字符串",
        (KeyType::Number, Lang::Zh) => "十进制数",
        (KeyType::Date, Lang::Zh) => "ISO 8601 日期",
        (KeyType::Boolean, Lang::Zh) => " `true` 或 `false`",
        (KeyType::Ip, Lang::Zh) => " IP 地址或 CIDR 地址段",
    }
}

/// What an operator compares, once its negation is taken off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comparison {
    Equals,
    EqualsIgnoreCase,
    Like,
    LessThan,
    LessThanEquals,
    GreaterThan,
    GreaterThanEquals,
    /// `IpAddress`: the request address lies in the policy's address or block.
    Within,
}

impl Comparison {
    /// Read from the operator's name in `condition::OPERATORS`, the one list of operators.
    fn of(operator: &Operator) -> Comparison {
        let name = operator.name;
        if operator.kind == KeyType::Ip {
            Comparison::Within
        } else if operator.wildcards {
            Comparison::Like
        } else if name.ends_with("IgnoreCase") {
            Comparison::EqualsIgnoreCase
        } else if name.ends_with("LessThanEquals") {
            Comparison::LessThanEquals
        } else if name.ends_with("LessThan") {
            Comparison::LessThan
        } else if name.ends_with("GreaterThanEquals") {
            Comparison::GreaterThanEquals
        } else if name.ends_with("GreaterThan") {
            Comparison::GreaterThan
        } else {
            Comparison::Equals
        }
    }
}

/// Which side of a comparison could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Policy,
    Request,
}

/// The positive comparison of one request value with one policy value.
fn compare(
    kind: KeyType,
    comparison: Comparison,
    request: &str,
    policy: &str,
) -> Result<bool, Side> {
    match kind {
        KeyType::String => Ok(match comparison {
            Comparison::EqualsIgnoreCase => wildcard::eq_ignore_case(request, policy),
            Comparison::Like => wildcard::matches(policy, request, Case::Sensitive),
            _ => request == policy,
        }),
        KeyType::Number => {
            let p = parse_number(policy).ok_or(Side::Policy)?;
            let r = parse_number(request).ok_or(Side::Request)?;
            Ok(ordered(comparison, r.partial_cmp(&p)))
        }
        KeyType::Date => {
            let p = crate::iso8601::parse(policy).ok_or(Side::Policy)?;
            let r = crate::iso8601::parse(request).ok_or(Side::Request)?;
            Ok(ordered(comparison, Some(r.cmp(&p))))
        }
        KeyType::Boolean => {
            let p = parse_bool(policy).ok_or(Side::Policy)?;
            let r = parse_bool(request).ok_or(Side::Request)?;
            Ok(r == p)
        }
        KeyType::Ip => {
            let block = crate::ip::Block::parse(policy).ok_or(Side::Policy)?;
            let address = request
                .parse::<std::net::IpAddr>()
                .map_err(|_| Side::Request)?;
            Ok(block.contains(address))
        }
    }
}

fn ordered(comparison: Comparison, order: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    match (comparison, order) {
        (_, None) => false,
        (Comparison::LessThan, Some(o)) => o == Less,
        (Comparison::LessThanEquals, Some(o)) => o != Greater,
        (Comparison::GreaterThan, Some(o)) => o == Greater,
        (Comparison::GreaterThanEquals, Some(o)) => o != Less,
        (_, Some(o)) => o == Equal,
    }
}

/// A decimal number as `condition::is_number` accepts it.
fn parse_number(text: &str) -> Option<f64> {
    if !condition::is_number(text) {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// `true` or `false`, ignoring ASCII case.
fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A date alone, or a date-time without a zone: its reading as UTC deserves a note.
fn is_date_without_zone(text: &str) -> bool {
    crate::iso8601::is_valid(text)
        && text
            .split_once('T')
            .is_none_or(|(_, time)| !time.ends_with('Z') && !time.contains(['+', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operator_has_a_comparison_matching_its_name() {
        for op in &condition::OPERATORS {
            let c = Comparison::of(op);
            let expected = match op.name {
                "StringEquals" | "StringNotEquals" | "NumericEquals" | "NumericNotEquals"
                | "DateEquals" | "DateNotEquals" | "Bool" => Comparison::Equals,
                "StringEqualsIgnoreCase" | "StringNotEqualsIgnoreCase" => {
                    Comparison::EqualsIgnoreCase
                }
                "StringLike" | "StringNotLike" => Comparison::Like,
                "NumericLessThan" | "DateLessThan" => Comparison::LessThan,
                "NumericLessThanEquals" | "DateLessThanEquals" => Comparison::LessThanEquals,
                "NumericGreaterThan" | "DateGreaterThan" => Comparison::GreaterThan,
                "NumericGreaterThanEquals" | "DateGreaterThanEquals" => {
                    Comparison::GreaterThanEquals
                }
                "IpAddress" | "NotIpAddress" => Comparison::Within,
                other => unreachable!("operator {other} has no expected comparison"),
            };
            assert_eq!(c, expected, "{}", op.name);
        }
    }

    #[test]
    fn instants_compare_across_zones() {
        let a = crate::iso8601::parse("2019-08-12T17:00:00+08:00").unwrap();
        let b = crate::iso8601::parse("2019-08-12T09:00:00Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(crate::iso8601::parse("1970-01-01").unwrap(), (0, 0));
        assert_eq!(
            crate::iso8601::parse("1970-01-02T00:00:00-0100").unwrap(),
            (90_000, 0)
        );
        assert_eq!(crate::iso8601::parse("2000-03-01").unwrap().0, 951_868_800);
        assert_eq!(
            crate::iso8601::parse("2026-01-31T08:00:00.5Z").unwrap().1,
            500_000_000
        );
        assert!(crate::iso8601::parse("2026-02-30").is_none());
        assert!(crate::iso8601::parse("1700000000").is_none());
    }

    #[test]
    fn blocks_contain_addresses() {
        let block = crate::ip::Block::parse("192.168.0.0/16").unwrap();
        assert!(block.contains("192.168.3.4".parse().unwrap()));
        assert!(!block.contains("192.169.0.1".parse().unwrap()));
        assert!(!block.contains("::1".parse().unwrap()));
        assert!(crate::ip::Block::parse("0.0.0.0/0")
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
        assert!(crate::ip::Block::parse("10.1.2.3/8")
            .unwrap()
            .contains("10.200.0.1".parse().unwrap()));
        assert!(crate::ip::Block::parse("2001:db8::/32")
            .unwrap()
            .contains("2001:db8:ffff::1".parse().unwrap()));
        assert!(crate::ip::Block::parse("::/0")
            .unwrap()
            .contains("2001:db8::1".parse().unwrap()));
        assert!(!crate::ip::Block::parse("203.0.113.2")
            .unwrap()
            .contains("203.0.113.3".parse().unwrap()));
        assert!(crate::ip::Block::parse("10.0.0.0/33").is_none());
    }

    #[test]
    fn numbers_and_bools() {
        assert_eq!(parse_number("-2.5"), Some(-2.5));
        assert_eq!(parse_number("1e3"), None);
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("yes"), None);
        assert!(ordered(
            Comparison::LessThanEquals,
            Some(std::cmp::Ordering::Equal)
        ));
        assert!(!ordered(
            Comparison::LessThan,
            Some(std::cmp::Ordering::Equal)
        ));
    }
}
