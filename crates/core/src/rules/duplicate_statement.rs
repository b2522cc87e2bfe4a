use crate::finding::Severity;
use crate::json::{Node, Value};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP804",
        name: "duplicate-statement",
        severity: Severity::Suggestion,
        summary: "Two statements are identical (ignoring the order of keys).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP804",
    why: "The second copy changes nothing; it usually comes from merging two policies. Remove it to stay clear of the 6,144-character limit.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}, {"Resource": "*", "Action": "oss:GetObject", "Effect": "Allow"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["Access Analyzer check REDUNDANT_STATEMENT (peer tool)"],
};

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    if policy.statements.len() < 2 {
        return;
    }
    let canonical: Vec<String> = policy
        .statements
        .iter()
        .map(|s| canonical(s.node))
        .collect();
    let mut first_of: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(canonical.len());
    for (i, statement) in policy.statements.iter().enumerate() {
        let Some(text) = canonical.get(i) else {
            continue;
        };
        let first = *first_of.entry(text.as_str()).or_insert(i);
        if first == i {
            continue;
        }
        let Some(original) = policy.statements.get(first) else {
            continue;
        };
        let message = tr!(
            ctx.lang,
            format!("this statement repeats `{}`", original.pointer),
            format!("该语句与 `{}` 完全相同", original.pointer)
        );
        let help = tr!(ctx.lang, "remove it", "请删除它");
        let span = Some(super::opening(statement.node));
        ctx.report_help(&RULE.meta, &statement.pointer, span, message, help);
    }
}

/// A rendering with object keys sorted, so key order does not matter.
fn canonical(node: &Node) -> String {
    let mut out = String::new();
    canonical_into(node, &mut out);
    out
}

fn canonical_into(node: &Node, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(raw) => out.push_str(raw),
        Value::String(s) => quoted(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical_into(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut inner: Vec<String> = members
                .iter()
                .map(|m| {
                    let mut one = String::new();
                    quoted(&m.key, &mut one);
                    one.push(':');
                    canonical_into(&m.value, &mut one);
                    one
                })
                .collect();
            crate::sort::sort(&mut inner);
            out.push('{');
            out.push_str(&inner.join(","));
            out.push('}');
        }
    }
}

/// A string in quotes, its quotes and backslashes escaped, so no two strings render alike.
fn quoted(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}
