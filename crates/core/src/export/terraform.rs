//! Terraform for the alicloud provider: `alicloud_ram_policy`, `alicloud_ram_role` and
//! `alicloud_ram_role_policy_attachment`, documents written with `jsonencode(...)`.
//!
//! Argument names and the versions that introduced them: ram-facts §6 (S22-S25):
//! `role_name` and `assume_role_policy_document` since v1.252.0 (they replaced `name` and
//! `document`), `policy_name` and `policy_document` since v1.114.0, and the attachment's
//! `role_name`, `policy_name`, `policy_type`.

use super::{attachment_label, snake_case, unique, Export, Section, Tree};
use crate::plan::{Account, PolicyType};
use crate::tr;

/// The provider version the role arguments need (ram-facts §6.1).
const ROLE_ARGUMENTS_SINCE: &str = "1.252.0";
/// The provider version the policy arguments need (ram-facts §6.2).
const POLICY_ARGUMENTS_SINCE: &str = "1.114.0";

pub(super) fn render(export: &Export) -> String {
    let creating: Vec<&Section> = export
        .sections
        .iter()
        .filter(|s| s.creates_anything())
        .collect();
    let aliases = creating.len() > 1;
    let mut out = String::new();
    let what = tr!(
        export.lang,
        "Terraform configuration for the alicloud provider",
        "适用于 alicloud provider 的 Terraform 配置"
    );
    for line in export.header(&what, &notes(export, aliases)) {
        comment(&mut out, &line);
    }
    if creating.is_empty() {
        return out;
    }
    let any_role = creating.iter().any(|s| !s.roles.is_empty());
    let version = if any_role {
        ROLE_ARGUMENTS_SINCE
    } else {
        POLICY_ARGUMENTS_SINCE
    };
    out.push_str(&format!(
        "\nterraform {{\n  required_providers {{\n    alicloud = {{\n      source  = \"aliyun/alicloud\"\n      version = \">= {version}\"\n    }}\n  }}\n}}\n"
    ));
    if aliases {
        for section in &creating {
            out.push('\n');
            comment(&mut out, &section.label(export.lang));
            out.push_str(&format!(
                "provider \"alicloud\" {{\n  alias = \"{}\"\n}}\n",
                alias(section.account)
            ));
        }
    }
    // Names are unique per resource type: a policy and a role may share one.
    let (mut policy_names, mut role_names, mut attachment_names) =
        (Vec::new(), Vec::new(), Vec::new());
    for section in creating {
        out.push('\n');
        comment(
            &mut out,
            &tr!(
                export.lang,
                format!("==== Apply as: {} ====", section.label(export.lang)),
                format!("==== 以此账号应用：{} ====", section.label(export.lang))
            ),
        );
        let provider = aliases.then(|| format!("alicloud.{}", alias(section.account)));
        let mut policy_ids = Vec::new();
        for policy in &section.policies {
            let id = unique(snake_case(&policy.name), &mut policy_names);
            policy_ids.push((policy.name.clone(), id.clone()));
            out.push('\n');
            comment(
                &mut out,
                &tr!(
                    export.lang,
                    format!("Custom policy `{}`", policy.name),
                    format!("自定义权限策略 `{}`", policy.name)
                ),
            );
            let mut attributes = Vec::new();
            if let Some(p) = &provider {
                attributes.push(("provider".to_owned(), p.clone()));
            }
            attributes.push(("policy_name".to_owned(), string(&policy.name)));
            attributes.push(("description".to_owned(), string(&export.description)));
            attributes.push((
                "policy_document".to_owned(),
                format!("jsonencode({})", expression(&policy.document.tree, 2)),
            ));
            block(&mut out, "alicloud_ram_policy", &id, &attributes);
        }
        for role in &section.roles {
            let id = unique(snake_case(&role.name), &mut role_names);
            out.push('\n');
            comment(
                &mut out,
                &tr!(
                    export.lang,
                    format!("Role `{}` with its trust policy", role.name),
                    format!("角色 `{}` 及其信任策略", role.name)
                ),
            );
            let mut attributes = Vec::new();
            if let Some(p) = &provider {
                attributes.push(("provider".to_owned(), p.clone()));
            }
            attributes.push(("role_name".to_owned(), string(&role.name)));
            attributes.push(("description".to_owned(), string(&export.description)));
            attributes.push((
                "assume_role_policy_document".to_owned(),
                format!("jsonencode({})", expression(&role.trust.tree, 2)),
            ));
            block(&mut out, "alicloud_ram_role", &id, &attributes);
            for attachment in &role.attachments {
                let created = policy_ids
                    .iter()
                    .find(|(name, _)| {
                        attachment.policy_type == PolicyType::Custom
                            && *name == attachment.policy_name
                    })
                    .map(|(_, policy_id)| policy_id.clone());
                let attachment_id = unique(
                    format!("{id}_{}", snake_case(&attachment.policy_name)),
                    &mut attachment_names,
                );
                out.push('\n');
                let kind = attachment_label(attachment, export.lang);
                comment(
                    &mut out,
                    &tr!(
                        export.lang,
                        format!(
                            "Attach the {kind} `{}` to `{}`",
                            attachment.policy_name, role.name
                        ),
                        format!("为 `{}` 授予{kind} `{}`", role.name, attachment.policy_name)
                    ),
                );
                let mut attributes = Vec::new();
                if let Some(p) = &provider {
                    attributes.push(("provider".to_owned(), p.clone()));
                }
                attributes.push((
                    "role_name".to_owned(),
                    format!("alicloud_ram_role.{id}.role_name"),
                ));
                attributes.push((
                    "policy_name".to_owned(),
                    match created {
                        Some(policy_id) => format!("alicloud_ram_policy.{policy_id}.policy_name"),
                        None => string(&attachment.policy_name),
                    },
                ));
                attributes.push((
                    "policy_type".to_owned(),
                    string(attachment.policy_type.as_str()),
                ));
                block(
                    &mut out,
                    "alicloud_ram_role_policy_attachment",
                    &attachment_id,
                    &attributes,
                );
            }
        }
    }
    out
}

fn notes(export: &Export, aliases: bool) -> Vec<String> {
    if !export.creates_anything() {
        let mut lines = vec![tr!(export.lang, "Terraform has nothing to create for this plan: the console creates these roles and attaches their system policies itself.", "此计划没有需要 Terraform 创建的资源：这些角色及其系统策略由控制台自动创建和授权。")];
        for section in &export.sections {
            for role in &section.console_roles {
                lines.push(format!("- {} ({})", role.name, role.system_policy));
            }
        }
        return lines;
    }
    let mut lines = vec![
        tr!(export.lang, format!("Provider version: `role_name` and `assume_role_policy_document` of alicloud_ram_role need alicloud provider v{ROLE_ARGUMENTS_SINCE} or later (they replaced `name` and `document`); `policy_name` and `policy_document` of alicloud_ram_policy need v{POLICY_ARGUMENTS_SINCE} or later. Source: the provider's documentation of both resources."), format!("Provider 版本：alicloud_ram_role 的 `role_name` 和 `assume_role_policy_document` 需要 alicloud provider v{ROLE_ARGUMENTS_SINCE} 或更高版本（它们取代了 `name` 和 `document`）；alicloud_ram_policy 的 `policy_name` 和 `policy_document` 需要 v{POLICY_ARGUMENTS_SINCE} 或更高版本。依据：provider 对这两个资源的文档。")),
        tr!(export.lang, "Credentials: this file holds none, and ramplan never sees any. Configure the alicloud provider for the account named in each section as you normally do.", "凭证：此文件不含任何凭证，ramplan 也从不接触凭证。请按您平常的方式，为每一部分所标明的账号配置 alicloud provider。"),
        tr!(export.lang, "Existing roles or policies: RAM refuses a second role or policy of the same name, so `terraform apply` fails on one created earlier (in the console, say). Import it into the state, or remove it, first.", "已有的角色或策略：RAM 不允许重复的角色名或策略名，因此若此前（例如在控制台中）已创建同名资源，`terraform apply` 会失败。请先将其导入 state，或将其删除。"),
    ];
    if aliases {
        lines.push(tr!(export.lang, "The resources belong to different accounts: each account has a provider alias below; give each alias that account's credentials.", "这些资源属于不同的账号：下面为每个账号定义了一个 provider 别名；请为每个别名配置对应账号的凭证。"));
    }
    lines
}

fn alias(account: Account) -> &'static str {
    match account {
        Account::Resource => "resource_account",
        Account::Dataworks => "dataworks_account",
        Account::Own => "own_account",
    }
}

fn block(out: &mut String, kind: &str, name: &str, attributes: &[(String, String)]) {
    out.push_str(&format!("resource \"{kind}\" \"{name}\" {{\n"));
    attribute_lines(out, 2, attributes);
    out.push_str("}\n");
}

/// `key = value` lines with the `=` aligned as `terraform fmt` aligns them: over runs of
/// consecutive attributes, a run ending with one whose value spans several lines.
fn attribute_lines(out: &mut String, indent: usize, attributes: &[(String, String)]) {
    let pad = " ".repeat(indent);
    let mut start = 0;
    while start < attributes.len() {
        let mut end = start;
        while end < attributes.len() {
            let multiline = attributes.get(end).is_some_and(|(_, v)| v.contains('\n'));
            end += 1;
            if multiline {
                break;
            }
        }
        let group = attributes.get(start..end).unwrap_or_default();
        let width = group
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (key, value) in group {
            let gap = " ".repeat(width - key.chars().count());
            out.push_str(&format!("{pad}{key}{gap} = {value}\n"));
        }
        start = end;
    }
}

/// A document as an HCL expression. The first line starts where the caller puts it; the
/// lines after it are indented for a value at depth `indent`.
fn expression(tree: &Tree, indent: usize) -> String {
    match tree {
        Tree::Str(s) => string(s),
        Tree::Literal(l) => l.clone(),
        Tree::List(items) if items.is_empty() => "[]".to_owned(),
        Tree::Map(members) if members.is_empty() => "{}".to_owned(),
        Tree::List(items) => {
            let scalars = items
                .iter()
                .all(|i| matches!(i, Tree::Str(_) | Tree::Literal(_)));
            if scalars {
                let one_line: Vec<String> = items.iter().map(|i| expression(i, indent)).collect();
                let text = format!("[{}]", one_line.join(", "));
                if indent + text.chars().count() <= 80 {
                    return text;
                }
            }
            let pad = " ".repeat(indent + 2);
            let mut text = String::from("[\n");
            for item in items {
                text.push_str(&format!("{pad}{},\n", expression(item, indent + 2)));
            }
            text.push_str(&" ".repeat(indent));
            text.push(']');
            text
        }
        Tree::Map(members) => {
            let attributes: Vec<(String, String)> = members
                .iter()
                .map(|(k, v)| (key(k), expression(v, indent + 2)))
                .collect();
            let mut text = String::from("{\n");
            attribute_lines(&mut text, indent + 2, &attributes);
            text.push_str(&" ".repeat(indent));
            text.push('}');
            text
        }
    }
}

/// An object key: bare when it is an identifier HCL reads literally, quoted otherwise.
fn key(name: &str) -> String {
    let identifier = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !matches!(name, "true" | "false" | "null");
    if identifier {
        name.to_owned()
    } else {
        string(name)
    }
}

/// An HCL string literal. Besides the JSON escapes, `${` and `%{` start template
/// sequences in HCL and are doubled to stay literal.
fn string(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
    fn strings_escape_templates_and_quotes() {
        assert_eq!(string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(string("${x} %{y} $z"), r#""$${x} %%{y} $z""#);
        assert_eq!(key("Version"), "Version");
        assert_eq!(key("acs:SourceIp"), "\"acs:SourceIp\"");
        assert_eq!(key("null"), "\"null\"");
    }
}
