//! The aliyun CLI script: bash, strict mode, one section per account, each document passed
//! unchanged inside single quotes.
//!
//! Command and parameter names are RAM's API names, which the CLI takes as
//! `aliyun ram <Api> --<Param> <value>` (ram-facts §7: CreateRole S16, CreatePolicy S14,
//! AttachPolicyToRole S29, UpdateRole S17; CLI syntax S27). `--profile` picks a configured
//! profile (https://www.alibabacloud.com/help/en/cli/command-line-options). `GetRole` takes
//! `RoleName` (https://www.alibabacloud.com/help/doc-detail/159990.htm).

use super::{attachment_label, Export, Section};
use crate::plan::Account;
use crate::tr;

pub(super) fn render(export: &Export) -> String {
    let mut out = String::from("#!/usr/bin/env bash\n");
    let what = tr!(export.lang, "aliyun CLI script", "阿里云 CLI 脚本");
    for line in export.header(&what, &notes(export)) {
        comment(&mut out, &line);
    }
    out.push_str("\nset -euo pipefail\n\n");
    out.push_str("if ! command -v aliyun >/dev/null 2>&1; then\n");
    out.push_str(&format!(
        "  echo {} >&2\n",
        quote(&tr!(
            export.lang,
            "aliyun (the Alibaba Cloud CLI) is not installed or not on PATH",
            "未安装阿里云 CLI（aliyun），或其不在 PATH 中"
        ))
    ));
    out.push_str("  exit 1\nfi\n");

    for section in &export.sections {
        let (function, variable) = names(section.account);
        out.push('\n');
        comment(
            &mut out,
            &tr!(export.lang, format!(
                    "For {}: runs `aliyun ram ...` with profile ${variable} when it is set, otherwise with the CLI's current profile.",
                    section.label(export.lang)
                ), format!(
                    "用于{}：设置了 ${variable} 时使用该配置运行 `aliyun ram ...`，否则使用 CLI 当前的配置。",
                    section.label(export.lang)
                )),
        );
        out.push_str(&format!(
            "{function}() {{\n  if [ -n \"${{{variable}:-}}\" ]; then\n    aliyun ram \"$@\" --profile \"${variable}\"\n  else\n    aliyun ram \"$@\"\n  fi\n}}\n"
        ));
    }

    for section in &export.sections {
        body(export, section, &mut out);
    }

    out.push('\n');
    let done = if !export.creates_anything() {
        tr!(export.lang, "All the roles exist.", "所有角色均已存在。")
    } else {
        match export.remaining() {
            Some(rest) => format!("{}{rest}", tr!(export.lang, "Done. ", "完成。")),
            None => tr!(export.lang, "Done.", "完成。"),
        }
    };
    out.push_str(&format!("echo {}\n", quote(&done)));
    out
}

fn notes(export: &Export) -> Vec<String> {
    let mut lines = vec![tr!(export.lang, "Credentials: the script holds none, and ramplan never sees any. Each command runs with an aliyun CLI profile you set up yourself (`aliyun configure --profile NAME`), one per account:", "凭证：脚本中不含任何凭证，ramplan 也从不接触凭证。每条命令都使用您自己配置的阿里云 CLI 配置（`aliyun configure --profile NAME`），每个账号一个：")];
    for section in &export.sections {
        let (_, variable) = names(section.account);
        lines.push(format!("  {variable}=NAME  {}", section.label(export.lang)));
    }
    lines.push(tr!(export.lang, "Unset, the CLI's current profile is used. Make sure each profile belongs to the account it is set for.", "未设置时使用 CLI 当前的配置。请确认每个配置都属于对应的账号。"));
    if export.creates_anything() {
        lines.push(tr!(export.lang, "Run it once: CreateRole and CreatePolicy fail when a role or policy of that name already exists, and the script stops at the first failure. To change the trust policy of an existing role, use `aliyun ram UpdateRole --RoleName NAME --NewAssumeRolePolicyDocument '...'` instead.", "只运行一次：同名的角色或权限策略已存在时，CreateRole 和 CreatePolicy 会失败，脚本在第一个失败处停止。如需修改已有角色的信任策略，请改用 `aliyun ram UpdateRole --RoleName NAME --NewAssumeRolePolicyDocument '...'`。"));
    } else {
        lines.push(tr!(
            export.lang,
            "It changes nothing: it only reads, with GetRole, to check that the roles exist.",
            "它不做任何修改：只通过 GetRole 读取，检查这些角色是否存在。"
        ));
    }
    lines
}

fn body(export: &Export, section: &Section, out: &mut String) {
    let (function, _) = names(section.account);
    out.push('\n');
    let label = section.label(export.lang);
    comment(
        out,
        &tr!(
            export.lang,
            format!("==== Run as: {label} ===="),
            format!("==== 以此账号运行：{label} ====")
        ),
    );
    for policy in &section.policies {
        out.push('\n');
        comment(
            out,
            &tr!(
                export.lang,
                format!("Custom policy `{}`", policy.name),
                format!("自定义权限策略 `{}`", policy.name)
            ),
        );
        command(
            out,
            function,
            "CreatePolicy",
            &[
                ("PolicyName", quote(&policy.name)),
                ("Description", quote(&export.description)),
                ("PolicyDocument", quote(&policy.document.text)),
            ],
        );
    }
    for role in &section.roles {
        out.push('\n');
        comment(
            out,
            &tr!(
                export.lang,
                format!("Role `{}` with its trust policy", role.name),
                format!("角色 `{}` 及其信任策略", role.name)
            ),
        );
        command(
            out,
            function,
            "CreateRole",
            &[
                ("RoleName", quote(&role.name)),
                ("Description", quote(&export.description)),
                ("AssumeRolePolicyDocument", quote(&role.trust.text)),
            ],
        );
        for attachment in &role.attachments {
            out.push('\n');
            let kind = attachment_label(attachment, export.lang);
            comment(
                out,
                &tr!(
                    export.lang,
                    format!(
                        "Attach the {kind} `{}` to `{}`",
                        attachment.policy_name, role.name
                    ),
                    format!("为 `{}` 授予{kind} `{}`", role.name, attachment.policy_name)
                ),
            );
            command(
                out,
                function,
                "AttachPolicyToRole",
                &[
                    ("PolicyType", attachment.policy_type.as_str().to_owned()),
                    ("PolicyName", quote(&attachment.policy_name)),
                    ("RoleName", quote(&role.name)),
                ],
            );
        }
    }
    if !section.console_roles.is_empty() {
        out.push('\n');
        comment(
            out,
            &tr!(export.lang, "Check: the console creates these roles (see the runbook); GetRole fails, and the script stops, at the first one missing.", "检查：这些角色由控制台创建（见操作手册）；若某个角色不存在，GetRole 会失败，脚本随即停止。"),
        );
        for role in &section.console_roles {
            comment(
                out,
                &tr!(
                    export.lang,
                    format!(
                        "`{}`, with the system policy `{}`",
                        role.name, role.system_policy
                    ),
                    format!("`{}`，系统策略 `{}`", role.name, role.system_policy)
                ),
            );
            out.push_str(&format!(
                "{function} GetRole --RoleName {} >/dev/null\n",
                quote(&role.name)
            ));
            out.push_str(&format!(
                "echo {}\n",
                quote(&tr!(
                    export.lang,
                    format!("found {}", role.name),
                    format!("已找到 {}", role.name)
                ))
            ));
        }
    }
}

/// The shell function and the profile variable of an account.
fn names(account: Account) -> (&'static str, &'static str) {
    match account {
        Account::Resource => ("ram_resource_account", "ALIYUN_PROFILE_RESOURCE"),
        Account::Dataworks => ("ram_dataworks_account", "ALIYUN_PROFILE_DATAWORKS"),
        Account::Own => ("ram_own_account", "ALIYUN_PROFILE"),
    }
}

/// One command, a parameter per line.
fn command(out: &mut String, function: &str, api: &str, params: &[(&str, String)]) {
    if params.iter().any(|(_, v)| v.contains(['$', '`'])) {
        // shellcheck suspects a `$` in single quotes of being meant to expand; here it is
        // part of the document and must reach RAM as written.
        out.push_str("# shellcheck disable=SC2016\n");
    }
    out.push_str(&format!("{function} {api}"));
    for (name, value) in params {
        out.push_str(&format!(" \\\n  --{name} {value}"));
    }
    out.push('\n');
}

/// A comment line; a line break in the text would end the comment, so none is kept.
fn comment(out: &mut String, text: &str) {
    let text = text.replace(['\n', '\r'], " ");
    if text.is_empty() {
        out.push_str("#\n");
    } else {
        out.push_str(&format!("# {text}\n"));
    }
}

/// Single-quotes a word for bash: inside single quotes nothing is special but the quote
/// itself, which is written `'\''` (close, escaped quote, reopen).
pub(super) fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_survive_bash() {
        let tricky = "it's $HOME `x` \"y\" \\n ${a} !\n'";
        let output = std::process::Command::new("bash")
            .args(["-c", &format!("printf %s {}", quote(tricky))])
            .output()
            .expect("bash runs");
        assert_eq!(String::from_utf8_lossy(&output.stdout), tricky);
    }
}
