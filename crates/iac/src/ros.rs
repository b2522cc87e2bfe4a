//! ROS templates (Alibaba Cloud Resource Orchestration Service), in YAML or JSON: the policy
//! properties of `ALIYUN::RAM::ManagedPolicy`, `ALIYUN::RAM::Role` (its trust policy and
//! inline `Policies`), `ALIYUN::RAM::User` and `ALIYUN::RAM::Group` (inline `Policies`) and
//! `ALIYUN::OSS::Bucket` (`Policy`).
//!
//! ROS functions are resolved as far as a template alone allows: `Fn::Sub` is its string,
//! `Fn::Join` the joined pieces, `Ref` a placeholder `${Name}`; other functions
//! (`Fn::GetAtt`, `Fn::If`) are placeholders for a value ramplan cannot know.

use ramplan_core::json;

use crate::map::Piece;
use crate::strings::{self, Flavour};
use crate::tree::{self, placeholder_piece, Member, Node, Value};
use crate::{Document, Engine, Extracted, PolicyKind, Problem, Skipped, Why};

/// Resource types and the properties that hold a policy document.
const PROPERTIES: &[(&str, &str, PolicyKind)] = &[
    (
        "ALIYUN::RAM::ManagedPolicy",
        "PolicyDocument",
        PolicyKind::Permission,
    ),
    // ROS passes this one to RAM without checking it itself.
    (
        "ALIYUN::RAM::ManagedPolicy",
        "PolicyDocumentUnchecked",
        PolicyKind::Permission,
    ),
    (
        "ALIYUN::RAM::Role",
        "AssumeRolePolicyDocument",
        PolicyKind::Trust,
    ),
    ("ALIYUN::OSS::Bucket", "Policy", PolicyKind::BucketPolicy),
];

/// Resource types whose `Policies` list holds inline permission policies.
const INLINE_POLICIES: &[&str] = &[
    "ALIYUN::RAM::Role",
    "ALIYUN::RAM::User",
    "ALIYUN::RAM::Group",
];

/// Depth of nested functions resolved; deeper ones are placeholders.
const MAX_FUNCTION_DEPTH: usize = 16;

pub(crate) fn is_ros_yaml(text: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start_matches('\u{feff}')
            .starts_with("ROSTemplateFormatVersion")
    })
}

pub(crate) fn extract_yaml(text: &str) -> Extracted {
    match crate::yaml::parse(text) {
        Ok(Some(root)) => extract_tree(&root, text, Source::Yaml),
        Ok(None) => Extracted::default(),
        Err((message, at)) => Extracted {
            problems: vec![Problem {
                message: format!("not valid YAML: {message}"),
                span: at..at,
            }],
            ..Extracted::default()
        },
    }
}

pub(crate) fn extract_json(text: &str) -> Extracted {
    match json::parse(text) {
        Ok(root) => extract_tree(&from_json(&root), text, Source::Json),
        Err(error) => {
            let span = error.span(text);
            Extracted {
                problems: vec![Problem {
                    message: format!("not valid JSON: {}", error.message(ramplan_core::Lang::En)),
                    span: span.start..span.end,
                }],
                ..Extracted::default()
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Yaml,
    Json,
}

/// The core's JSON tree (with spans) as a value tree.
pub(crate) fn from_json(node: &json::Node) -> Node {
    let file = node.span.start..node.span.end;
    match &node.value {
        json::Value::Null => Node::new(Value::Null, file),
        json::Value::Bool(b) => Node::new(Value::Bool(*b), file),
        json::Value::Number(n) => Node::new(Value::Number(n.clone()), file),
        json::Value::String(s) => {
            let inner = file.start.saturating_add(1)..file.end.saturating_sub(1).max(file.start);
            Node::text(s, inner, file)
        }
        json::Value::Array(items) => {
            Node::new(Value::Array(items.iter().map(from_json).collect()), file)
        }
        json::Value::Object(members) => Node::new(
            Value::Object(
                members
                    .iter()
                    .map(|m| {
                        let key_file = m.key_span.start..m.key_span.end;
                        let inner = key_file.start.saturating_add(1)
                            ..key_file.end.saturating_sub(1).max(key_file.start);
                        Member {
                            key: vec![Piece {
                                text: m.key.clone(),
                                file: inner,
                            }],
                            key_file,
                            value: from_json(&m.value),
                        }
                    })
                    .collect(),
            ),
            file,
        ),
    }
}

fn extract_tree(root: &Node, text: &str, source: Source) -> Extracted {
    let mut found = Extracted::default();
    let Some(Node {
        value: Value::Object(resources),
        ..
    }) = root.get("Resources")
    else {
        return found;
    };
    for resource in resources {
        let logical_id = tree::pieces_text(&resource.key);
        let Some(resource_type) = resource.value.get("Type").and_then(Node::as_text) else {
            continue;
        };
        let Some(properties) = resource.value.get("Properties") else {
            continue;
        };
        let name = format!("Resources.{logical_id}");
        for &(ty, property, kind) in PROPERTIES {
            if ty != resource_type {
                continue;
            }
            if let Some(value) = properties.get(property) {
                read(
                    &mut found,
                    value,
                    text,
                    source,
                    &name,
                    property.to_owned(),
                    kind,
                );
            }
        }
        if INLINE_POLICIES.contains(&resource_type.as_str()) {
            if let Some(Node {
                value: Value::Array(policies),
                ..
            }) = properties.get("Policies")
            {
                for (i, policy) in policies.iter().enumerate() {
                    if let Some(value) = policy.get("PolicyDocument") {
                        let attribute = format!("Policies[{i}].PolicyDocument");
                        read(
                            &mut found,
                            value,
                            text,
                            source,
                            &name,
                            attribute,
                            PolicyKind::Permission,
                        );
                    }
                }
            }
        }
    }
    found
}

fn read(
    found: &mut Extracted,
    value: &Node,
    text: &str,
    source: Source,
    resource: &str,
    attribute: String,
    kind: PolicyKind,
) {
    let span = value.file.clone();
    match &value.value {
        Value::Object(members) if !is_function(members) => {
            let resolved = resolve(value, 0);
            let (writer, placeholders) = tree::to_json(&resolved, text);
            found.documents.push(Document {
                resource: resource.to_owned(),
                attribute,
                kind: Some(kind),
                text: writer.text,
                map: writer.map,
                placeholders,
                span,
            });
        }
        Value::String(pieces) => {
            // A policy written as a JSON string inside the template.
            let piece = pieces.first();
            let (doc, map) = match (source, piece) {
                (Source::Json, Some(piece)) => {
                    let raw = text.get(piece.file.clone()).unwrap_or("");
                    strings::decode(raw, piece.file.start, Flavour::Json)
                }
                (_, Some(piece)) if text.get(piece.file.clone()) == Some(piece.text.as_str()) => (
                    piece.text.clone(),
                    crate::map::OffsetMap::verbatim(piece.file.start, piece.text.len()),
                ),
                _ => {
                    let whole = tree::pieces_text(pieces);
                    let mut map = crate::map::OffsetMap::default();
                    map.push_whole(&span, whole.len());
                    (whole, map)
                }
            };
            found.documents.push(Document {
                resource: resource.to_owned(),
                attribute,
                kind: Some(kind),
                text: doc,
                map,
                placeholders: Vec::new(),
                span,
            });
        }
        _ => found.skipped.push(Skipped {
            resource: resource.to_owned(),
            attribute: attribute.clone(),
            why: Why::Unknowable {
                expression: describe(value),
                engine: Engine::Ros,
            },
            span,
        }),
    }
}

/// A one-key object `{"Ref": ...}` or `{"Fn::...": ...}`.
fn is_function(members: &[Member]) -> bool {
    match members {
        [only] => {
            let key = tree::pieces_text(&only.key);
            key == "Ref" || key.starts_with("Fn::")
        }
        _ => false,
    }
}

/// A value as a short expression for messages and placeholders: `Ref BucketName`,
/// `Fn::GetAtt Role.Arn`.
fn describe(node: &Node) -> String {
    match &node.value {
        Value::Object(members) if is_function(members) => match members.first() {
            Some(m) => format!(
                "{} {}",
                tree::pieces_text(&m.key),
                leaves(&m.value).join(".")
            ),
            None => String::new(),
        },
        _ => leaves(node).join("."),
    }
}

fn leaves(node: &Node) -> Vec<String> {
    match &node.value {
        Value::String(p) => vec![tree::pieces_text(p)],
        Value::Number(n) => vec![n.clone()],
        Value::Bool(b) => vec![b.to_string()],
        Value::Null => Vec::new(),
        Value::Array(items) => items.iter().flat_map(leaves).collect(),
        Value::Object(members) => members.iter().flat_map(|m| leaves(&m.value)).collect(),
    }
}

/// The value with ROS functions replaced by what they stand for, as far as the template
/// tells.
fn resolve(node: &Node, depth: usize) -> Node {
    match &node.value {
        Value::Object(members) if is_function(members) => function(node, members, depth),
        Value::Object(members) => Node::new(
            Value::Object(
                members
                    .iter()
                    .map(|m| Member {
                        key: m.key.clone(),
                        key_file: m.key_file.clone(),
                        value: resolve(&m.value, depth),
                    })
                    .collect(),
            ),
            node.file.clone(),
        ),
        Value::Array(items) => Node::new(
            Value::Array(items.iter().map(|i| resolve(i, depth)).collect()),
            node.file.clone(),
        ),
        _ => node.clone(),
    }
}

fn function(node: &Node, members: &[Member], depth: usize) -> Node {
    let Some(call) = members.first() else {
        return node.clone();
    };
    let name = tree::pieces_text(&call.key);
    let unknown = || {
        Node::new(
            Value::String(vec![placeholder_piece(&describe(node), node.file.clone())]),
            node.file.clone(),
        )
    };
    if depth >= MAX_FUNCTION_DEPTH {
        return unknown();
    }
    match (name.as_str(), &call.value.value) {
        ("Ref", Value::String(pieces)) => Node::new(
            Value::String(vec![placeholder_piece(
                &tree::pieces_text(pieces),
                node.file.clone(),
            )]),
            node.file.clone(),
        ),
        // `Fn::Sub: 'acs:oss:*:*:${BucketName}/*'` is its string, `${...}` and all.
        ("Fn::Sub", Value::String(_)) => call.value.clone(),
        ("Fn::Sub", Value::Array(items)) => match items.first() {
            Some(
                first @ Node {
                    value: Value::String(_),
                    ..
                },
            ) => first.clone(),
            _ => unknown(),
        },
        ("Fn::Join", Value::Array(args)) => match args.as_slice() {
            [separator, Node {
                value: Value::Array(parts),
                ..
            }] => {
                let separator = match &separator.value {
                    Value::String(p) => p.clone(),
                    _ => return unknown(),
                };
                let mut pieces: Vec<Piece> = Vec::new();
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        pieces.extend(separator.iter().cloned());
                    }
                    match resolve(part, depth + 1).value {
                        Value::String(p) => pieces.extend(p),
                        Value::Number(n) => pieces.push(Piece {
                            text: n,
                            file: part.file.clone(),
                        }),
                        _ => pieces.push(placeholder_piece(&describe(part), part.file.clone())),
                    }
                }
                Node::new(Value::String(pieces), node.file.clone())
            }
            _ => unknown(),
        },
        _ => unknown(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLE: &str = "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  Role:\n    Type: ALIYUN::RAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: '1'\n        Statement:\n          - Action: sts:AssumeRole\n            Effect: Allow\n            Principal:\n              RAM:\n                - Fn::Sub: acs:ram::${ALIYUN::TenantId}:root\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Version: '1'\n            Statement:\n              - Effect: Allow\n                Action: oss:GetObject\n                Resource:\n                  - Fn::Join:\n                    - ''\n                    - - 'acs:oss:*:*:'\n                      - Ref: BucketName\n                      - /*\n";

    #[test]
    fn reads_a_role_with_inline_policies() {
        assert!(is_ros_yaml(ROLE));
        let found = extract_yaml(ROLE);
        assert!(found.problems.is_empty(), "{:?}", found.problems);
        let [trust, permission] = found.documents.as_slice() else {
            panic!("{:?}", found.documents)
        };
        assert_eq!(trust.resource, "Resources.Role");
        assert_eq!(trust.kind, Some(PolicyKind::Trust));
        assert!(
            trust.text.contains("\"acs:ram::${ALIYUN::TenantId}:root\""),
            "{}",
            trust.text
        );
        assert_eq!(permission.attribute, "Policies[0].PolicyDocument");
        assert!(
            permission.text.contains("\"acs:oss:*:*:${BucketName}/*\""),
            "{}",
            permission.text
        );
        // `oss:GetObject` in the JSON maps to `oss:GetObject` in the YAML.
        let at = permission.text.find("oss:GetObject").unwrap_or_default();
        let back = permission.file_range(at..at + 13);
        assert_eq!(ROLE.get(back), Some("oss:GetObject"));
        assert_eq!(
            permission
                .placeholders
                .first()
                .map(|p| p.expression.as_str()),
            Some("${BucketName}")
        );
    }

    #[test]
    fn reads_yaml_with_a_byte_order_mark() {
        let text = format!("\u{feff}{ROLE}");
        let found = extract_yaml(&text);
        let doc = found.documents.get(1);
        let at = doc
            .and_then(|d| d.text.find("oss:GetObject"))
            .unwrap_or_default();
        let back = doc.map(|d| d.file_range(at..at + 13)).unwrap_or_default();
        assert_eq!(text.get(back), Some("oss:GetObject"));
    }

    #[test]
    fn reads_json_templates() {
        let text = r#"{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"P": {"Type": "ALIYUN::RAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]}}}, "Q": {"Type": "ALIYUN::RAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Ref": "Doc"}}}}}"#;
        let found = extract_json(text);
        assert_eq!(found.documents.len(), 1);
        let Some(doc) = found.documents.first() else {
            return;
        };
        let at = doc.text.find("ecs:Describe*").unwrap_or_default();
        assert_eq!(text.get(doc.file_range(at..at + 13)), Some("ecs:Describe*"));
        assert_eq!(found.skipped.len(), 1);
        assert!(
            found
                .skipped
                .first()
                .is_some_and(|s| s.reason(ramplan_core::Lang::En).contains("`Ref Doc`")),
            "{:?}",
            found.skipped
        );
    }
}
