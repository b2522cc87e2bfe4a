use crate::finding::Severity;
use crate::json::{pointer_push, Node};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::{STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS};

use crate::text::did_you_mean;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP003",
        name: "unknown-element",
        severity: Severity::Error,
        summary:
            "A key is not a RAM policy element, or is a known element written in the wrong case.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP003",
    why: "RAM's grammar names each element exactly (`Version`, `Statement`, `Effect`, `Action`, `Resource`, `Condition`, `Principal`). Since November 2022 RAM rejects documents that break the grammar with `MalformedPolicyDocument`; a key in the wrong case (`statement`, `effect`) is at best ignored.",
    example: r#"{"Version": "1", "statement": [{"effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &[
        "RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html",
        "RAM policy elements: https://www.alibabacloud.com/help/en/ram/policy-elements",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    check_keys(ctx, ctx.root, "", TOP_LEVEL_ELEMENTS);
    let statements: Vec<(&Node, String)> = ctx
        .policy
        .statements
        .iter()
        .map(|s| (s.node, s.pointer.clone()))
        .collect();
    for (node, pointer) in statements {
        check_keys(ctx, node, &pointer, STATEMENT_ELEMENTS);
    }
}

fn check_keys(ctx: &mut Ctx<'_>, node: &Node, pointer: &str, known: &[&'static str]) {
    let Some(members) = node.as_object() else {
        return;
    };
    for member in members {
        if known.contains(&member.key.as_str()) {
            continue;
        }
        let path = pointer_push(pointer, &member.key);
        let key = &member.key;
        if let Some(canonical) = known.iter().find(|k| k.eq_ignore_ascii_case(key)) {
            let message = tr!(
                ctx.lang,
                format!("`{key}` must be written `{canonical}`"),
                format!("`{key}` 必须写作 `{canonical}`")
            );
            let help = tr!(
                ctx.lang,
                "RAM element names are case-sensitive",
                "RAM 策略元素名称区分大小写"
            );
            ctx.report_help(&RULE.meta, &path, Some(member.key_span), message, help);
            continue;
        }
        let message = tr!(
            ctx.lang,
            format!("`{key}` is not a RAM policy element"),
            format!("`{key}` 不是 RAM 策略元素")
        );
        let help = match did_you_mean(key, known.iter().copied()) {
            Some(suggestion) => crate::i18n::did_you_mean(suggestion, ctx.lang),
            None => tr!(
                ctx.lang,
                format!("the elements allowed here are {}", list(known)),
                format!("此处允许的元素为 {}", list(known))
            ),
        };
        ctx.report_help(&RULE.meta, &path, Some(member.key_span), message, help);
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
