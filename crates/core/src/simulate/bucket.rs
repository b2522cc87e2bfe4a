//! OSS bucket policies: who a statement's `Principal` covers.
//!
//! OSS writes `Principal` as a list of strings (OSS "authorization syntax and elements";
//! docs/research/rule-facts.md section 7): `*` for everyone, including anonymous users; the
//! UID of an Alibaba Cloud account or of a RAM user; `arn:sts::<uid>:assumed-role/<role>/<session>`
//! for a role session, where `*` may stand for the session. An empty list means `*`.

use crate::finding::Lang;
use crate::json::{Node, Value};
use crate::tr;
use crate::wildcard::{self, Case};

/// Whether the statement's principal covers the requester, with a note when the answer rests
/// on a reading ramplan chose.
pub(crate) fn principal_matches(
    principal: &Node,
    requester: &str,
    lang: Lang,
) -> (bool, Option<String>) {
    let entries: Vec<&str> = match &principal.value {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().filter_map(Node::as_str).collect(),
        _ => {
            return (
                false,
                Some(tr!(lang, "OSS writes `Principal` as a list of strings; this one is not, so the statement matches no one", "OSS 的 `Principal` 是字符串列表；此处不是，该语句不匹配任何人")),
            )
        }
    };
    if entries.is_empty() || entries.contains(&"*") {
        return (true, None);
    }
    let requester = requester.trim();
    if requester.is_empty() {
        return (
            false,
            Some(tr!(
                lang,
                "no principal given: only statements for `*` can match",
                "未给出主体：只有面向 `*` 的语句可能匹配"
            )),
        );
    }
    let matched = entries.iter().any(|entry| {
        let entry = entry.trim();
        if entry.starts_with("arn:sts::") {
            // Role and session names compare with case; `*` may stand for the session.
            wildcard::matches(entry, requester, Case::Sensitive)
        } else {
            entry == requester
        }
    });
    (matched, None)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::json;

    fn check(principal: &str, requester: &str) -> bool {
        let node = json::parse(principal).unwrap();
        principal_matches(&node, requester, Lang::En).0
    }

    #[test]
    fn covers_what_oss_documents() {
        assert!(check(r#"["*"]"#, ""));
        assert!(check(r#"[]"#, "1234567890123456"));
        assert!(check(
            r#"["20214760404935xxxx", "1234567890123456"]"#,
            "1234567890123456"
        ));
        assert!(!check(r#"["1234567890123456"]"#, "1234567890123457"));
        assert!(!check(r#"["1234567890123456"]"#, ""));
        assert!(check(
            r#"["arn:sts::1234567890123456:assumed-role/reader/*"]"#,
            "arn:sts::1234567890123456:assumed-role/reader/session-1"
        ));
        assert!(!check(
            r#"["arn:sts::1234567890123456:assumed-role/reader/*"]"#,
            "arn:sts::1234567890123456:assumed-role/Reader/session-1"
        ));
        assert!(!check(
            r#"{"RAM": ["acs:ram::1234567890123456:root"]}"#,
            "1234567890123456"
        ));
    }
}
