//! What the aliyun CLI prints for RAM: `aliyun ram GetPolicyVersion` (`PolicyVersion`),
//! `GetPolicy` (`DefaultPolicyVersion`), `ListPolicyVersions` (`PolicyVersions.PolicyVersion`)
//! and `GetRole` (`Role`). The API returns each document as a string of JSON inside the
//! JSON, so it is decoded with every byte mapped back to its escape in the file.

use ramplan_core::json::{self, Node, Value};

use crate::strings::{self, Flavour};
use crate::{Document, Extracted, PolicyKind, Problem};

pub(crate) fn is_cli_output(root: &Node) -> bool {
    !places(root).is_empty()
}

/// Each document string in the output: (name, JSON pointer of the string, kind, the node).
fn places(root: &Node) -> Vec<(String, String, PolicyKind, &Node)> {
    let mut out = Vec::new();
    let name_of = |holder: &Node, key: &str| {
        holder
            .get(key)
            .and_then(|m| m.value.as_str())
            .map(str::to_owned)
    };
    if let Some(role) = root.get("Role") {
        if let Some(doc) = role.value.get("AssumeRolePolicyDocument") {
            let name =
                name_of(&role.value, "RoleName").map_or("Role".to_owned(), |n| format!("Role {n}"));
            out.push((
                name,
                "/Role/AssumeRolePolicyDocument".to_owned(),
                PolicyKind::Trust,
                &doc.value,
            ));
        }
    }
    let policy_name = root
        .get("Policy")
        .and_then(|p| name_of(&p.value, "PolicyName"));
    for key in ["PolicyVersion", "DefaultPolicyVersion"] {
        if let Some(version) = root.get(key) {
            if let Some(doc) = version.value.get("PolicyDocument") {
                out.push((
                    version_name(key, policy_name.as_deref(), &version.value),
                    format!("/{key}/PolicyDocument"),
                    PolicyKind::Permission,
                    &doc.value,
                ));
            }
        }
    }
    if let Some(list) = root
        .get("PolicyVersions")
        .and_then(|v| v.value.get("PolicyVersion"))
        .and_then(|v| v.value.as_array())
    {
        for (i, version) in list.iter().enumerate() {
            if let Some(doc) = version.get("PolicyDocument") {
                out.push((
                    version_name("PolicyVersion", policy_name.as_deref(), version),
                    format!("/PolicyVersions/PolicyVersion/{i}/PolicyDocument"),
                    PolicyKind::Permission,
                    &doc.value,
                ));
            }
        }
    }
    out
}

fn version_name(key: &str, policy: Option<&str>, version: &Node) -> String {
    let id = version.get("VersionId").and_then(|m| m.value.as_str());
    match (policy, id) {
        (Some(p), Some(v)) => format!("{key} {p} {v}"),
        (None, Some(v)) => format!("{key} {v}"),
        (Some(p), None) => format!("{key} {p}"),
        (None, None) => key.to_owned(),
    }
}

pub(crate) fn extract(text: &str) -> Extracted {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let span = error.span(text);
            return Extracted {
                problems: vec![Problem {
                    message: format!("not valid JSON: {}", error.message(ramplan_core::Lang::En)),
                    span: span.start..span.end,
                }],
                ..Extracted::default()
            };
        }
    };
    let mut found = Extracted::default();
    for (resource, pointer, kind, node) in places(&root) {
        let span = node.span.start..node.span.end;
        let (text, map) = match &node.value {
            Value::String(_) => {
                let inner = span.start + 1..span.end.saturating_sub(1).max(span.start + 1);
                let raw = text.get(inner.clone()).unwrap_or("");
                strings::decode(raw, inner.start, Flavour::Json)
            }
            // Some tools print the document already parsed: lint it where it is.
            _ => {
                let raw = text.get(span.clone()).unwrap_or("").to_owned();
                let len = raw.len();
                (raw, crate::map::OffsetMap::verbatim(span.start, len))
            }
        };
        found.documents.push(Document {
            resource,
            attribute: pointer,
            kind: Some(kind),
            text,
            map,
            placeholders: Vec::new(),
            span,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_get_role_and_get_policy_version() {
        let role = r#"{"RequestId": "x", "Role": {"RoleName": "EMRRole", "AssumeRolePolicyDocument": "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::1234567890123456:root\"]}}],\"Version\":\"1\"}"}}"#;
        let found = extract(role);
        let Some(doc) = found.documents.first() else {
            panic!("no document")
        };
        assert_eq!(doc.resource, "Role EMRRole");
        assert_eq!(doc.kind, Some(PolicyKind::Trust));
        let at = doc.text.find("acs:ram::").unwrap_or_default();
        assert_eq!(role.get(doc.file_range(at..at + 9)), Some("acs:ram::"));
        let version = r#"{"PolicyVersion": {"VersionId": "v2", "IsDefaultVersion": true, "PolicyDocument": "{\n  \"Version\": \"1\"\n}"}}"#;
        let found = extract(version);
        assert_eq!(
            found.documents.first().map(|d| d.text.as_str()),
            Some("{\n  \"Version\": \"1\"\n}")
        );
        assert_eq!(
            found.documents.first().map(|d| d.resource.as_str()),
            Some("PolicyVersion v2")
        );
    }
}
