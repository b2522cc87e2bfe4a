use crate::finding::{Finding, Lang, Location, Severity};
use crate::json::SyntaxError;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::position::LineIndex;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP001",
        name: "json-syntax",
        severity: Severity::Error,
        summary: "The document is not valid JSON.",
    },
    // Parsing happens before any rule runs; the engine calls `finding` when it fails.
    check: |_: &mut Ctx<'_>| {},
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP001",
    why: "RAM checks JSON validity (RFC 7159) when a policy is created or updated and rejects the document with `MalformedPolicyDocument`. ramplan reports the exact line and column where parsing stopped; nothing else can be checked until the syntax is fixed.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*",}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["RAM policy structure and syntax: https://www.alibabacloud.com/help/document_detail/93739.html"],
};

/// The one finding for a document that does not parse, in the parser's own words.
pub fn finding(error: &SyntaxError, text: &str, index: &LineIndex<'_>, lang: Lang) -> Finding {
    Finding::new(
        RULE.meta.code,
        RULE.meta.severity,
        error.message(lang),
        Location::pointer(""),
    )
    .with_span(Some(index.range(error.span(text))))
    .with_help(error.help(text, lang))
}
