//! The generated policies as text and as JSON, and the policy document itself.

use serde::Serialize;

use super::{Generated, StatementExplained};
use crate::finding::Lang;
use crate::render as finding_render;
use crate::tr;

#[derive(Serialize)]
struct PolicyDoc<'a> {
    #[serde(rename = "Version")]
    version: &'static str,
    #[serde(rename = "Statement")]
    statement: Vec<StatementDoc<'a>>,
}

#[derive(Serialize)]
struct StatementDoc<'a> {
    #[serde(rename = "Effect")]
    effect: &'static str,
    #[serde(rename = "Action")]
    action: &'a [String],
    #[serde(rename = "Resource")]
    resource: &'a [String],
}

/// The permission policy, keys in RAM's documented order, two-space indents, final newline.
pub(crate) fn policy_json(statements: &[StatementExplained]) -> String {
    let doc = PolicyDoc {
        version: "1",
        statement: statements
            .iter()
            .map(|s| StatementDoc {
                effect: "Allow",
                action: &s.actions,
                resource: &s.resources,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// Everything generated, as JSON (the CLI's `--format json`, the embed's answer).
pub fn to_json(generated: &Generated) -> String {
    let mut out = serde_json::to_string_pretty(generated).unwrap_or_default();
    out.push('\n');
    out
}

/// Everything generated, for a person reading a terminal.
pub fn text(generated: &Generated, lang: Lang) -> String {
    let mut out = String::new();
    let s = &generated.summary;
    out.push_str(&tr!(
        lang,
        format!(
            "{} event(s) read from {} file(s); {} successful API call(s) used; {} identity(ies)\n",
            s.events_read,
            s.files,
            s.events_used,
            generated.identities.len()
        ),
        format!(
            "从 {} 个文件读取 {} 个事件；使用 {} 次成功的 API 调用；{} 个身份\n",
            s.files,
            s.events_read,
            s.events_used,
            generated.identities.len()
        )
    ));
    for note in &generated.notes {
        out.push_str(&format!("{}: {note}\n", tr!(lang, "note", "注")));
    }
    for identity in &generated.identities {
        out.push('\n');
        let owner = if identity.account.is_empty() {
            String::new()
        } else {
            tr!(
                lang,
                format!(", account {}", identity.account),
                format!("，账号 {}", identity.account)
            )
        };
        out.push_str(&tr!(
            lang,
            format!(
                "== {}{owner}: {} call(s), {} to {}\n",
                identity.id, identity.calls, identity.first_call, identity.last_call
            ),
            format!(
                "== {}{owner}：{} 次调用，{} 至 {}\n",
                identity.id, identity.calls, identity.first_call, identity.last_call
            )
        ));
        let count = identity.policies.len();
        let mut number = 0;
        for (index, part) in identity.policies.iter().enumerate() {
            if count > 1 {
                out.push_str(&tr!(
                    lang,
                    format!("-- policy {} of {count}\n", index + 1),
                    format!("-- 策略 {} / {count}\n", index + 1)
                ));
            }
            out.push_str(&part.policy);
            for statement in &part.statements {
                number += 1;
                out.push_str(&tr!(
                    lang,
                    format!("  statement {number}:\n"),
                    format!("  语句 {number}：\n")
                ));
                for why in &statement.why {
                    out.push_str(&format!("    - {why}\n"));
                }
            }
            if part.findings.is_empty() {
                out.push_str(&tr!(lang, "  lint: no findings\n", "  检查：无问题\n"));
            } else {
                let source = if count > 1 {
                    format!("{} ({})", identity.id, index + 1)
                } else {
                    identity.id.clone()
                };
                let rendered = finding_render::findings_text(
                    &source,
                    Some(&part.policy),
                    &part.findings,
                    lang,
                );
                for line in rendered.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
        for note in &identity.notes {
            out.push_str(&format!("  {}: {note}\n", tr!(lang, "note", "注")));
        }
    }
    if !generated.left_out.is_empty() {
        out.push('\n');
        out.push_str(&tr!(lang, "left out:\n", "未纳入：\n"));
        for left in &generated.left_out {
            out.push_str(&format!(
                "  {} x{}: {}\n",
                left.reason,
                left.count,
                left.examples.join(", ")
            ));
        }
    }
    out
}
