use crate::finding::Severity;
use crate::json::{pointer_extend, pointer_extend_index, Node, Value};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP002",
        name: "duplicate-key",
        severity: Severity::Warning,
        summary: "An object has the same key twice.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP002",
    why: "Most JSON parsers (serde_json among them) silently keep only the last value, so the earlier one is ignored without a word. RAM's documentation does not say whether it refuses a repeated key or which value it keeps, so this is a warning: whichever RAM keeps, one of the two values does not do what its author meant.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Action": "oss:PutObject", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject"], "Resource": "*"}]}"#,
    references: &[
        "RFC 8259 §4: names within an object should be unique",
        "Research notes, section 9 (duplicate keys: no Alibaba source): docs/research/rule-facts.md",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    walk(ctx.root, &mut String::new(), &mut found);
    for (pointer, key, span) in found {
        let message = tr!(
            ctx.lang,
            format!("duplicate key `{key}`; only one of its values takes effect"),
            format!("重复的键 `{key}`；只有其中一个值会生效")
        );
        ctx.report(&RULE.meta, &pointer, Some(span), message);
    }
}

fn walk(node: &Node, pointer: &mut String, found: &mut Vec<(String, String, crate::position::Span)>) {
    match &node.value {
        Value::Object(members) => {
            // A set, not a scan of the earlier keys, when there are many: an object may have
            // many thousands; most have a handful.
            let mut seen = std::collections::HashSet::new();
            let few = members.len() <= 16;
            for (i, member) in members.iter().enumerate() {
                let at = pointer.len();
                pointer_extend(pointer, &member.key);
                let repeated = if few {
                    members
                        .get(..i)
                        .is_some_and(|before| before.iter().any(|m| m.key == member.key))
                } else {
                    !seen.insert(member.key.as_str())
                };
                if repeated {
                    found.push((pointer.clone(), member.key.clone(), member.key_span));
                }
                walk(&member.value, pointer, found);
                pointer.truncate(at);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = pointer.len();
                pointer_extend_index(pointer, i);
                walk(item, pointer, found);
                pointer.truncate(at);
            }
        }
        _ => {}
    }
}
