//! The condition editor's data: the documented operators, the keys a statement's services
//! accept (with their types), and value checks by type, using the linter's own validators.

use serde::Serialize;

use super::ConditionEntry;
use crate::catalogue::{self, KeyType};
use crate::condition::{self, Operator};
use crate::finding::Lang;

/// The 21 documented operators (ram-facts 1.6), in the documentation's order.
pub fn operators() -> &'static [Operator] {
    &condition::OPERATORS
}

/// The operators that compare values of this type.
pub fn operators_for(value_type: KeyType) -> Vec<&'static Operator> {
    condition::OPERATORS
        .iter()
        .filter(|o| o.kind == value_type)
        .collect()
}

pub fn type_name(value_type: KeyType, lang: Lang) -> &'static str {
    match (value_type, lang) {
        (KeyType::String, Lang::En) => "string",
        (KeyType::Number, Lang::En) => "number",
        (KeyType::Date, Lang::En) => "date",
        (KeyType::Boolean, Lang::En) => "boolean",
        (KeyType::Ip, Lang::En) => "IP address",
        (KeyType::String, Lang::Zh) => "字符串",
        (KeyType::Number, Lang::Zh) => "数字",
        (KeyType::Date, Lang::Zh) => "日期",
        (KeyType::Boolean, Lang::Zh) => "布尔值",
        (KeyType::Ip, Lang::Zh) => "IP 地址",
    }
}

/// A key the form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyInfo {
    /// The key; a family (`acs:ResourceTag/`) ends with `/` and takes a tag key after it.
    pub key: &'static str,
    /// `None` for global keys, else the RAM code of the service that defines it.
    pub service: Option<&'static str>,
    #[serde(skip)]
    pub value_type: KeyType,
    pub source: &'static str,
    pub confirmed: bool,
}

/// The global keys, then the keys of each given service (by RAM code), in catalogue order.
/// Trust-policy keys (`saml:`, `oidc:`) are left out: the builder makes permission policies.
pub fn keys_for(services: &[&str]) -> Vec<KeyInfo> {
    let mut out: Vec<KeyInfo> = catalogue::global_condition_keys()
        .iter()
        .filter(|k| k.key.starts_with("acs:"))
        .map(|k| KeyInfo {
            key: k.key,
            service: None,
            value_type: k.value_type,
            source: k.source,
            confirmed: k.confirmed,
        })
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for code in services {
        let Some(service) = catalogue::service(code) else {
            continue;
        };
        if seen.contains(&service.code()) {
            continue;
        }
        seen.push(service.code());
        out.extend(service.condition_keys().map(|k| KeyInfo {
            key: k.key,
            service: Some(service.code()),
            value_type: k.value_type,
            source: k.source,
            confirmed: k.confirmed,
        }));
    }
    out
}

/// The documented type of a key: a global key, or a key of the service its prefix names.
pub fn key_type(key: &str) -> Option<KeyType> {
    if let Some(k) = catalogue::global_condition_key(key) {
        return Some(k.value_type);
    }
    let (prefix, _) = key.split_once(':')?;
    catalogue::service(prefix)?
        .condition_key(key)
        .map(|k| k.value_type)
}

/// Something wrong with a condition entry as the form shows it: the whole entry (`value`
/// `None`) or one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryProblem {
    pub value: Option<usize>,
    pub message_en: String,
    pub message_zh: String,
}

impl EntryProblem {
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_en, &self.message_zh)
    }
}

/// Checks an entry as the user fills it in: a documented operator, a key whose type fits
/// the operator, at least one value, each value of the operator's type. The linter reports
/// the same problems on the JSON; this is for the fields, before there is any.
pub fn check_entry(entry: &ConditionEntry) -> Vec<EntryProblem> {
    let mut out = Vec::new();
    let mut problem = |value: Option<usize>, en: String, zh: String| {
        out.push(EntryProblem {
            value,
            message_en: en,
            message_zh: zh,
        });
    };
    let Some(operator) = condition::operator(&entry.operator) else {
        problem(
            None,
            format!(
                "`{}` is not one of RAM's 21 condition operators (`...IfExists` and `Null` are not supported)",
                entry.operator
            ),
            format!(
                "`{}` 不是 RAM 的 21 个条件运算符之一（不支持 `...IfExists` 和 `Null`）",
                entry.operator
            ),
        );
        return out;
    };
    if let Some(key_type) = key_type(&entry.key) {
        if key_type != operator.kind {
            problem(
                None,
                format!(
                    "`{}` holds a {} but `{}` compares {} values",
                    entry.key,
                    type_name(key_type, Lang::En),
                    operator.name,
                    type_name(operator.kind, Lang::En)
                ),
                format!(
                    "`{}` 的值是{}，但 `{}` 比较的是{}",
                    entry.key,
                    type_name(key_type, Lang::Zh),
                    operator.name,
                    type_name(operator.kind, Lang::Zh)
                ),
            );
        }
    }
    if entry.values.is_empty() {
        problem(
            None,
            "give at least one value".to_owned(),
            "请至少填写一个值".to_owned(),
        );
    }
    for (i, value) in entry.values.iter().enumerate() {
        let (ok, en, zh) = match operator.kind {
            KeyType::String => (true, "", ""),
            KeyType::Number => (
                condition::is_number(value),
                "a number such as `10` or `2.5`",
                "`10` 或 `2.5` 这样的数字",
            ),
            KeyType::Date => (
                crate::iso8601::is_valid(value),
                "an ISO 8601 time such as `2026-01-31T23:59:59Z`",
                "`2026-01-31T23:59:59Z` 这样的 ISO 8601 时间",
            ),
            KeyType::Boolean => (
                condition::is_bool(value),
                "`true` or `false`",
                "`true` 或 `false`",
            ),
            KeyType::Ip => (
                condition::is_ip_or_cidr(value),
                "an IP address or CIDR block such as `203.0.113.0/24`",
                "`203.0.113.0/24` 这样的 IP 地址或网段",
            ),
        };
        if !ok {
            problem(
                Some(i),
                format!("`{value}` is not {en}"),
                format!("`{value}` 不是{zh}"),
            );
        } else if operator.kind == KeyType::String
            && !operator.wildcards
            && (value.contains('*') || value.contains('?'))
        {
            problem(
                Some(i),
                format!(
                    "`{}` compares `*` and `?` literally; use `StringLike` for wildcards",
                    operator.name
                ),
                format!(
                    "`{}` 按字面比较 `*` 和 `?`；通配请使用 `StringLike`",
                    operator.name
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(operator: &str, key: &str, values: &[&str]) -> ConditionEntry {
        ConditionEntry {
            operator: operator.to_owned(),
            key: key.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            as_string: false,
        }
    }

    #[test]
    fn values_are_checked_by_the_operator_type() {
        assert!(check_entry(&entry("IpAddress", "acs:SourceIp", &["203.0.113.0/24"])).is_empty());
        let problems = check_entry(&entry("IpAddress", "acs:SourceIp", &["1.2.3.4", "x"]));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].value, Some(1));
        assert_eq!(
            check_entry(&entry("Bool", "acs:SecureTransport", &["yes"])).len(),
            1
        );
        assert_eq!(
            check_entry(&entry("Bool", "acs:SourceIp", &["true"])).len(),
            1
        );
        assert_eq!(
            check_entry(&entry("StringEqualsIfExists", "acs:SourceIp", &["x"])).len(),
            1
        );
        assert_eq!(
            check_entry(&entry("StringEquals", "oss:Prefix", &["a/*"])).len(),
            1
        );
        assert!(check_entry(&entry("StringLike", "oss:Prefix", &["a/*"])).is_empty());
    }

    #[test]
    fn keys_come_from_the_catalogue() {
        let keys = keys_for(&["oss", "oss", "nope"]);
        assert!(keys
            .iter()
            .any(|k| k.key == "acs:SourceIp" && k.service.is_none()));
        assert_eq!(keys.iter().filter(|k| k.key == "oss:Prefix").count(), 1);
        assert!(!keys.iter().any(|k| k.key.starts_with("saml:")));
        assert_eq!(key_type("acs:MFAPresent"), Some(KeyType::Boolean));
        assert_eq!(key_type("oss:Delimiter"), Some(KeyType::String));
        assert_eq!(key_type("acs:ResourceTag/Project"), Some(KeyType::String));
        assert_eq!(key_type("nope:x"), None);
        assert_eq!(operators_for(KeyType::Ip).len(), 2);
        assert_eq!(operators().len(), 21);
    }
}
