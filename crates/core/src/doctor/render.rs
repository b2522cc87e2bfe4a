//! The diagnosis as text (the CLI's default) and as JSON (a contract: `docs/doctor.md`).

use crate::finding::Lang;
use crate::simulate::Outcome;
use crate::tr;

use super::fix::error_count;
use super::Diagnosis;

pub fn to_json(diagnosis: &Diagnosis) -> String {
    let mut out = serde_json::to_string_pretty(diagnosis).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

fn shape_label(shape: &str, lang: Lang) -> String {
    match shape {
        "openapi-json" => tr!(lang, "OpenAPI error body", "OpenAPI 错误响应"),
        "oss-xml" => tr!(lang, "OSS error response", "OSS 错误响应"),
        "sdk-text" => tr!(
            lang,
            "SDK or aliyun CLI error text",
            "SDK 或 aliyun CLI 报错文本"
        ),
        "console" => tr!(lang, "console error dialog", "控制台报错对话框"),
        "decoded" => tr!(lang, "decoded diagnostic message", "解码后的诊断信息"),
        _ => tr!(
            lang,
            "encoded diagnostic message only",
            "仅有编码的诊断信息"
        ),
    }
}

fn indent(text: &str, pad: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}

pub fn text(d: &Diagnosis, lang: Lang) -> String {
    let mut out = String::new();
    let shape = shape_label(d.shape, lang);
    out.push_str(&match (d.error.code.as_deref(), lang) {
        (Some(code), Lang::En) => format!("access denied: `{code}` ({shape})\n"),
        (Some(code), Lang::Zh) => format!("无权限：`{code}`（{shape}）\n"),
        (None, Lang::En) => format!("access denied ({shape})\n"),
        (None, Lang::Zh) => format!("无权限（{shape}）\n"),
    });
    let colon = match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    };
    let field = |out: &mut String, label: String, value: &Option<String>| {
        if let Some(v) = value {
            out.push_str(&format!("  {label}{colon}{v}\n"));
        }
    };
    field(&mut out, tr!(lang, "message", "信息"), &d.error.message);
    field(
        &mut out,
        tr!(lang, "request ID", "请求 ID"),
        &d.error.request_id,
    );
    field(
        &mut out,
        tr!(lang, "OSS error code", "OSS 错误码"),
        &d.error.oss_ec,
    );
    out.push('\n');
    out.push_str(&format!("{}{colon}{}\n", tr!(lang, "who", "谁"), d.who));
    out.push_str(&format!("{}{colon}{}\n", tr!(lang, "what", "什么"), d.what));
    out.push_str(&format!("{}{colon}{}\n", tr!(lang, "why", "原因"), d.why));
    if !d.steps.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(lang, "what to do:", "怎么办：")));
        for (i, s) in d.steps.iter().enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, s.text));
            if let Some(command) = &s.command {
                out.push_str(&format!("     $ {command}\n"));
            }
        }
    }
    if let Some(fix) = &d.fix {
        let errors = error_count(&fix.findings);
        let ok = fix.checks.iter().filter(|c| c.ok).count();
        out.push_str(&format!(
            "\n{}\n",
            tr!(
                lang,
                format!(
                    "proposed statement ({}; simulated: {ok} of {} checks as expected):",
                    if errors == 0 {
                        "linted: no error".to_owned()
                    } else {
                        format!("linted: {errors} error(s)")
                    },
                    fix.checks.len()
                ),
                format!(
                    "建议的语句（{}；模拟：{} 项检查中 {ok} 项符合预期）：",
                    if errors == 0 {
                        "检查：无错误".to_owned()
                    } else {
                        format!("检查：{errors} 个错误")
                    },
                    fix.checks.len()
                )
            )
        ));
        out.push_str(&indent(&fix.policy, "  "));
        for f in &fix.findings {
            out.push_str(&format!(
                "  {}[{}]: {}\n",
                f.severity.as_str(),
                f.code,
                f.message
            ));
        }
        if let Some(level) = fix.access_level {
            out.push_str(&tr!(
                lang,
                format!("  access level in the catalogue: {level}\n"),
                format!("  目录中的访问级别：{level}\n")
            ));
        }
        if !fix.resource_types.is_empty() {
            out.push_str(&tr!(
                lang,
                "  resource types to narrow `*` to:\n",
                "  可将 `*` 收窄为以下资源类型：\n"
            ));
            for r in &fix.resource_types {
                out.push_str(&format!("    {}  {}\n", r.name, r.arn));
            }
        }
        out.push_str(&format!("  {}\n", tr!(lang, "checks:", "检查：")));
        for c in &fix.checks {
            let decision = c
                .decision
                .map_or_else(|| "?".to_owned(), |o: Outcome| o.label(lang).to_owned());
            let mark = if c.ok { "ok  " } else { "FAIL" };
            out.push_str(&match lang {
                Lang::En => format!(
                    "    {mark} {}: `{}` on `{}` -> {decision}\n",
                    c.about, c.action, c.resource
                ),
                Lang::Zh => format!(
                    "    {mark} {}：对 `{}` 执行 `{}` -> {decision}\n",
                    c.about, c.resource, c.action
                ),
            });
            if let Some(note) = &c.note {
                out.push_str(&format!("         {note}\n"));
            }
        }
        if let Some(cli) = &fix.aliyun_cli {
            out.push_str(&format!("\n  aliyun CLI ({}):\n", fix.policy_name));
            out.push_str(&indent(cli, "    "));
        }
        if let Some(tf) = &fix.terraform {
            out.push_str("\n  Terraform:\n");
            out.push_str(&indent(tf, "    "));
        }
    }
    if !d.scenarios.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(lang, "scenarios:", "场景：")));
        for s in &d.scenarios {
            out.push_str(&format!("  - {}{colon}{}\n    {}\n", s.id, s.title, s.why));
            out.push_str(&format!(
                "    {}: {}\n",
                tr!(lang, "plan", "计划"),
                s.plan_link
            ));
            out.push_str(&format!(
                "    {}{colon}{}\n      $ {}\n",
                tr!(lang, "check an existing setup", "检查现有配置"),
                s.check_link,
                s.check_command
            ));
        }
    }
    if !d.other_fields.is_empty() {
        out.push_str(&format!(
            "\n{}:\n",
            tr!(
                lang,
                "other fields (not read by ramplan)",
                "其他字段（ramplan 未解读）"
            )
        ));
        for f in &d.other_fields {
            out.push_str(&format!("  {}{colon}{}\n", f.key, f.value));
        }
    }
    if !d.notes.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(lang, "notes:", "说明：")));
        for n in &d.notes {
            out.push_str(&format!("  - {n}\n"));
        }
    }
    out
}
