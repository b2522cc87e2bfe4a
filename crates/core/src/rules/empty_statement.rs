use crate::finding::Severity;
use crate::json::Value;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP013",
        name: "empty-statement",
        severity: Severity::Error,
        summary: "`Statement` is an empty array or an empty object.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP013",
    why: "RAM requires at least one statement. An empty policy grants nothing and RAM does not accept it.",
    example: r#"{"Version": "1", "Statement": []}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

fn check(ctx: &mut Ctx<'_>) {
    let Some(statement) = ctx.policy.statement else {
        return;
    };
    let empty = match &statement.node.value {
        Value::Array(items) => items.is_empty(),
        Value::Object(members) => members.is_empty(),
        _ => false,
    };
    if empty {
        let message = tr!(
            ctx.lang,
            "`Statement` is empty; a policy needs at least one statement",
            "`Statement` 为空；策略至少需要一条语句"
        );
        let pointer = statement.pointer("");
        ctx.report(&RULE.meta, &pointer, Some(statement.node.span), message);
    }
}
