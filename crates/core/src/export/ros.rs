//! A Resource Orchestration Service template in YAML: `ALIYUN::RAM::ManagedPolicy`,
//! `ALIYUN::RAM::Role` and `ALIYUN::RAM::AttachPolicyToRole`, one template per account.
//!
//! Resource types and properties: ram-facts §8 (S29 AttachPolicyToRole, S30 Role, S32
//! ManagedPolicy, whose reference page also lists `Fn::GetAtt` `PolicyName`). A role's
//! `Fn::GetAtt` `RoleName` comes from Alibaba Cloud's ROS CDK (`RosRole.attrRoleName` in
//! aliyun/Resource-Orchestration-Service-Cloud-Development-Kit); the output says so.
//!
//! ROS types the documents: in a policy's `PolicyDocument` a statement has `Effect`,
//! `Action` (list), `Resource` (list) and `Condition`; in a role's trust policy `Action` is a
//! string and each `Principal` entry a list (S30, S32). RAM reads a single value and a
//! one-element list alike (ram-facts §1.2, S2), so the documents are written in the shapes
//! ROS documents; a policy with other elements (`NotAction`, ...) goes into
//! `PolicyDocumentUnchecked`, which ROS passes on without its own checks (S32).

use super::{pascal_case, unique, Export, Section, Tree};
use crate::plan::PolicyType;
use crate::tr;

const FORMAT_VERSION: &str = "2015-09-01";

pub(super) fn render(export: &Export) -> String {
    let mut out = String::new();
    let what = tr!(export.lang, "ROS template", "ROS 模板");
    for line in export.header(&what, &notes(export)) {
        comment(&mut out, &line);
    }
    let creating: Vec<&Section> = export
        .sections
        .iter()
        .filter(|s| s.creates_anything())
        .collect();
    if creating.is_empty() {
        out.push('\n');
        let template = Tree::map([
            ("ROSTemplateFormatVersion", Tree::str(FORMAT_VERSION)),
            ("Description", Tree::str(export.description.clone())),
            ("Resources", Tree::Map(Vec::new())),
        ]);
        yaml(&template, 0, &mut out);
        return out;
    }
    for (i, section) in creating.iter().enumerate() {
        out.push('\n');
        if i > 0 {
            out.push_str("---\n");
        }
        comment(
            &mut out,
            &tr!(
                export.lang,
                format!(
                    "==== Create the stack as: {} ====",
                    section.label(export.lang)
                ),
                format!(
                    "==== 以此账号创建资源栈：{} ====",
                    section.label(export.lang)
                )
            ),
        );
        yaml(&template(export, section), 0, &mut out);
    }
    out
}

fn notes(export: &Export) -> Vec<String> {
    if !export.creates_anything() {
        let mut lines = vec![tr!(export.lang, "ROS has nothing to create for this plan: the console creates these roles and attaches their system policies itself. The template below is empty.", "此计划没有需要 ROS 创建的资源：这些角色及其系统策略由控制台自动创建和授权。下面的模板为空。")];
        for section in &export.sections {
            for role in &section.console_roles {
                lines.push(format!("- {} ({})", role.name, role.system_policy));
            }
        }
        return lines;
    }
    let mut lines = vec![
        tr!(export.lang, "Create a stack from the template in the account named above it (RAM is global: any region will do). Credentials stay with ROS and your account; this file holds none.", "请在模板上方标明的账号中用该模板创建资源栈（RAM 是全局服务，任选一个地域即可）。凭证只在 ROS 和您的账号中使用，此文件不含任何凭证。"),
        tr!(export.lang, "Existing roles or policies: ROS stops when a role or policy of the same name exists. IgnoreExisting is left unset on purpose, so ROS never takes over what it did not create.", "已有的角色或策略：存在同名角色或策略时，ROS 会停止创建。模板有意不设置 IgnoreExisting，以免 ROS 接管并非由它创建的资源。"),
    ];
    let attaches = export
        .sections
        .iter()
        .any(|s| s.roles.iter().any(|r| !r.attachments.is_empty()));
    if attaches {
        lines.push(tr!(export.lang, "Not confirmed: `Fn::GetAtt` `RoleName` of ALIYUN::RAM::Role is taken from Alibaba Cloud's ROS CDK; the ROS reference page read does not list the role's return values.", "尚未确认：ALIYUN::RAM::Role 的 `Fn::GetAtt` `RoleName` 取自阿里云 ROS CDK；所查阅的 ROS 资源参考页面未列出角色的返回值。"));
    }
    let listed_action = export.sections.iter().any(|s| {
        s.roles.iter().any(|r| {
            statements(&trust_document(&r.trust.tree))
                .iter()
                .any(|st| matches!(st.get("Action"), Some(Tree::List(_))))
        })
    });
    if listed_action {
        lines.push(tr!(export.lang, "Check: a trust statement here lists several actions; ROS documents Action in AssumeRolePolicyDocument as a single string. If ROS refuses the template, create that role with the script or Terraform export instead.", "请注意：此处有信任策略语句列出了多个操作，而 ROS 文档中 AssumeRolePolicyDocument 的 Action 为单个字符串。若 ROS 拒绝该模板，请改用脚本或 Terraform 导出创建该角色。"));
    }
    let unchecked = export.sections.iter().any(|s| {
        s.policies
            .iter()
            .any(|p| permission_document(&p.document.tree).1)
    });
    if unchecked {
        lines.push(tr!(export.lang, "A policy here uses elements outside the ROS PolicyDocument schema (such as NotAction), so it is given as PolicyDocumentUnchecked, which ROS passes to RAM without checking it.", "此处有权限策略使用了 ROS PolicyDocument 结构之外的元素（例如 NotAction），因此以 PolicyDocumentUnchecked 给出，ROS 会不经检查直接交给 RAM。"));
    }
    lines
}

fn template(export: &Export, section: &Section) -> Tree {
    let mut taken = Vec::new();
    let mut resources = Vec::new();
    let mut policy_ids = Vec::new();
    for policy in &section.policies {
        let id = unique(format!("Policy{}", pascal_case(&policy.name)), &mut taken);
        policy_ids.push((policy.name.clone(), id.clone()));
        let (document, unchecked) = permission_document(&policy.document.tree);
        let property = if unchecked {
            "PolicyDocumentUnchecked"
        } else {
            "PolicyDocument"
        };
        resources.push((
            id,
            Tree::map([
                ("Type", Tree::str("ALIYUN::RAM::ManagedPolicy")),
                (
                    "Properties",
                    Tree::map([
                        ("PolicyName", Tree::str(policy.name.clone())),
                        ("Description", Tree::str(export.description.clone())),
                        (property, document),
                    ]),
                ),
            ]),
        ));
    }
    for role in &section.roles {
        let role_id = unique(format!("Role{}", pascal_case(&role.name)), &mut taken);
        resources.push((
            role_id.clone(),
            Tree::map([
                ("Type", Tree::str("ALIYUN::RAM::Role")),
                (
                    "Properties",
                    Tree::map([
                        ("RoleName", Tree::str(role.name.clone())),
                        ("Description", Tree::str(export.description.clone())),
                        ("AssumeRolePolicyDocument", trust_document(&role.trust.tree)),
                    ]),
                ),
            ]),
        ));
        for attachment in &role.attachments {
            let id = unique(
                format!(
                    "Attach{}To{}",
                    pascal_case(&attachment.policy_name),
                    pascal_case(&role.name)
                ),
                &mut taken,
            );
            let created = policy_ids.iter().find(|(name, _)| {
                attachment.policy_type == PolicyType::Custom && *name == attachment.policy_name
            });
            // Referring to the created resources also orders them: ROS creates what a
            // property refers to first.
            let policy_name = match created {
                Some((_, policy_id)) => get_att(policy_id, "PolicyName"),
                None => Tree::str(attachment.policy_name.clone()),
            };
            resources.push((
                id,
                Tree::map([
                    ("Type", Tree::str("ALIYUN::RAM::AttachPolicyToRole")),
                    (
                        "Properties",
                        Tree::map([
                            ("PolicyType", Tree::str(attachment.policy_type.as_str())),
                            ("PolicyName", policy_name),
                            ("RoleName", get_att(&role_id, "RoleName")),
                        ]),
                    ),
                ]),
            ));
        }
    }
    Tree::map([
        ("ROSTemplateFormatVersion", Tree::str(FORMAT_VERSION)),
        ("Description", Tree::str(export.description.clone())),
        ("Resources", Tree::Map(resources)),
    ])
}

/// The statements of a document, whether `Statement` holds a list or a single statement.
fn statements(document: &Tree) -> Vec<Tree> {
    match document.get("Statement") {
        Some(Tree::List(items)) => items.clone(),
        Some(single @ Tree::Map(_)) => vec![single.clone()],
        _ => Vec::new(),
    }
}

/// Rewrites each statement's members with `f`, and `Statement` as a list.
fn with_statements(document: &Tree, f: impl Fn(&str, &Tree) -> Tree) -> Tree {
    let Tree::Map(members) = document else {
        return document.clone();
    };
    let rewritten = |statement: &Tree| match statement {
        Tree::Map(m) => Tree::Map(m.iter().map(|(k, v)| (k.clone(), f(k, v))).collect()),
        other => other.clone(),
    };
    Tree::Map(
        members
            .iter()
            .map(|(k, v)| match (k.as_str(), v) {
                ("Statement", Tree::List(items)) => {
                    (k.clone(), Tree::List(items.iter().map(rewritten).collect()))
                }
                ("Statement", single @ Tree::Map(_)) => {
                    (k.clone(), Tree::List(vec![rewritten(single)]))
                }
                _ => (k.clone(), v.clone()),
            })
            .collect(),
    )
}

fn as_list(tree: &Tree) -> Tree {
    match tree {
        Tree::Str(_) => Tree::List(vec![tree.clone()]),
        other => other.clone(),
    }
}

/// A permission policy in the shape of ROS's `PolicyDocument`, and whether it needs
/// `PolicyDocumentUnchecked` instead.
fn permission_document(document: &Tree) -> (Tree, bool) {
    const KNOWN: [&str; 4] = ["Effect", "Action", "Resource", "Condition"];
    let unchecked = statements(document).iter().any(|st| match st {
        Tree::Map(members) => members.iter().any(|(k, _)| !KNOWN.contains(&k.as_str())),
        _ => true,
    });
    if unchecked {
        return (document.clone(), true);
    }
    let shaped = with_statements(document, |key, value| match key {
        "Action" | "Resource" => as_list(value),
        _ => value.clone(),
    });
    (shaped, false)
}

/// A trust policy in the shape of ROS's `AssumeRolePolicyDocument`.
fn trust_document(document: &Tree) -> Tree {
    with_statements(document, |key, value| match (key, value) {
        ("Action", Tree::List(items)) if items.len() == 1 => {
            items.first().cloned().unwrap_or_else(|| value.clone())
        }
        ("Principal", Tree::Map(entries)) => Tree::Map(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), as_list(v)))
                .collect(),
        ),
        _ => value.clone(),
    })
}

fn get_att(resource: &str, attribute: &str) -> Tree {
    Tree::map([(
        "Fn::GetAtt",
        Tree::List(vec![Tree::str(resource), Tree::str(attribute)]),
    )])
}

/// Writes a mapping (the template, or a nested one) as block YAML at `indent`.
fn yaml(tree: &Tree, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match tree {
        Tree::Map(members) => {
            for (k, v) in members {
                out.push_str(&format!("{pad}{}:", key(k)));
                value(v, indent, out);
            }
        }
        Tree::List(items) => {
            for item in items {
                out.push_str(&format!("{pad}-"));
                match item {
                    Tree::Map(members) if !members.is_empty() => {
                        // The first member shares the dash's line; the others line up with it.
                        let mut nested = String::new();
                        yaml(item, indent + 2, &mut nested);
                        out.push(' ');
                        out.push_str(nested.get(indent + 2..).unwrap_or_default());
                    }
                    Tree::List(inner) if !inner.is_empty() => {
                        out.push('\n');
                        yaml(item, indent + 2, out);
                    }
                    _ => {
                        out.push(' ');
                        out.push_str(&scalar(item));
                        out.push('\n');
                    }
                }
            }
        }
        _ => {
            out.push_str(&pad);
            out.push_str(&scalar(tree));
            out.push('\n');
        }
    }
}

/// What follows `key:`: a scalar on the same line, or a block on the lines below.
fn value(tree: &Tree, indent: usize, out: &mut String) {
    match tree {
        Tree::Map(members) if !members.is_empty() => {
            out.push('\n');
            yaml(tree, indent + 2, out);
        }
        Tree::List(items) if !items.is_empty() => {
            out.push('\n');
            yaml(tree, indent + 2, out);
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(tree));
            out.push('\n');
        }
    }
}

fn scalar(tree: &Tree) -> String {
    match tree {
        Tree::Str(s) => string(s),
        Tree::Literal(l) => l.clone(),
        Tree::List(_) => "[]".to_owned(),
        Tree::Map(_) => "{}".to_owned(),
    }
}

fn key(name: &str) -> String {
    string(name)
}

/// A YAML string: plain when no YAML 1.1 or 1.2 reader could take it for anything else,
/// single-quoted otherwise, double-quoted (JSON escapes, which YAML shares) when it holds
/// control characters. Plain strings start with a letter, so they are never numbers,
/// dates or times; they hold no space, so a `:` in them (`sts:AssumeRole`, `Fn::GetAtt`)
/// never starts a value; the YAML 1.1 booleans and nulls (`yes`, `off`, `null`, ...) are
/// quoted.
fn string(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/' | '*' | '@' | '-' | ':')
        })
        && !text.ends_with(':')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "true" | "false" | "on" | "off" | "null"
        );
    if plain {
        text.to_owned()
    } else if text.chars().any(char::is_control) {
        serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
    } else {
        format!("'{}'", text.replace('\'', "''"))
    }
}

fn comment(out: &mut String, text: &str) {
    let text = text.replace(['\n', '\r'], " ");
    if text.is_empty() {
        out.push_str("#\n");
    } else {
        out.push_str(&format!("# {text}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_plain_only_when_unambiguous() {
        assert_eq!(string("Allow"), "Allow");
        assert_eq!(string("sts:AssumeRole"), "sts:AssumeRole");
        assert_eq!(string("Fn::GetAtt"), "Fn::GetAtt");
        assert_eq!(string("ends:"), "'ends:'");
        assert_eq!(string("1"), "'1'");
        assert_eq!(string("12:30"), "'12:30'");
        assert_eq!(string("2015-09-01"), "'2015-09-01'");
        assert_eq!(string("yes"), "'yes'");
        assert_eq!(string("*"), "'*'");
        assert_eq!(string("it's"), "'it''s'");
        assert_eq!(string("a\nb"), "\"a\\nb\"");
        assert_eq!(string("a b"), "'a b'");
    }

    #[test]
    fn documents_take_the_shapes_ros_documents() {
        let permission = Tree::map([
            ("Version", Tree::str("1")),
            (
                "Statement",
                Tree::map([
                    ("Effect", Tree::str("Allow")),
                    ("Action", Tree::str("oss:GetObject")),
                    ("Resource", Tree::str("*")),
                ]),
            ),
        ]);
        let (shaped, unchecked) = permission_document(&permission);
        assert!(!unchecked);
        let statement = &statements(&shaped)[0];
        assert_eq!(
            statement.get("Action"),
            Some(&Tree::List(vec![Tree::str("oss:GetObject")]))
        );
        assert!(matches!(shaped.get("Statement"), Some(Tree::List(_))));

        let not_action = Tree::map([(
            "Statement",
            Tree::List(vec![Tree::map([("NotAction", Tree::str("ram:*"))])]),
        )]);
        assert!(permission_document(&not_action).1);

        let trust = Tree::map([(
            "Statement",
            Tree::List(vec![Tree::map([
                ("Action", Tree::List(vec![Tree::str("sts:AssumeRole")])),
                (
                    "Principal",
                    Tree::map([("Service", Tree::str("ecs.aliyuncs.com"))]),
                ),
            ])]),
        )]);
        let shaped = trust_document(&trust);
        let statement = &statements(&shaped)[0];
        assert_eq!(statement.get("Action"), Some(&Tree::str("sts:AssumeRole")));
        assert_eq!(
            statement.get("Principal").and_then(|p| p.get("Service")),
            Some(&Tree::List(vec![Tree::str("ecs.aliyuncs.com")]))
        );
    }

    #[test]
    fn lists_of_maps_share_the_dash_line() {
        let tree = Tree::map([(
            "Statement",
            Tree::List(vec![Tree::map([
                ("Effect", Tree::str("Allow")),
                ("Action", Tree::List(vec![Tree::str("oss:GetObject")])),
            ])]),
        )]);
        let mut out = String::new();
        yaml(&tree, 0, &mut out);
        assert_eq!(
            out,
            "Statement:\n  - Effect: Allow\n    Action:\n      - oss:GetObject\n"
        );
    }
}
