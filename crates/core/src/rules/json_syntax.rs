use crate::finding::{Finding, Lang, Location, Severity};
use crate::json::{SyntaxError, SyntaxErrorKind};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::position::{LineIndex, Span};
use crate::tr;

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

/// The one finding for a document that does not parse.
pub fn finding(error: &SyntaxError, text: &str, index: &LineIndex<'_>, lang: Lang) -> Finding {
    let (en, zh) = describe(&error.kind);
    let end = text
        .get(error.offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(error.offset, |c| error.offset + c.len_utf8());
    let help = match error.kind {
        SyntaxErrorKind::TrailingComma => Some(tr!(lang, "JSON allows no comma after the last item of an array or object", "JSON 不允许在数组或对象的最后一项之后加逗号")),
        SyntaxErrorKind::TooLarge { .. } => Some(tr!(lang, "nothing in it was checked; split it, or check the policies it holds one by one", "未检查其中任何内容；请拆分文档，或逐个检查其中的策略")),
        SyntaxErrorKind::ExpectedKey => Some(tr!(lang, "keys must be strings in double quotes, such as `\"Effect\"`", "键必须是双引号中的字符串，例如 `\"Effect\"`")),
        SyntaxErrorKind::UnexpectedCharacter('$') if text.get(error.offset..).is_some_and(|r| r.starts_with("${")) => Some(tr!(lang, "this is a template interpolation: if the text comes from a Terraform or ROS template, lint it as one (`--template`)", "这是模板插值：如果文本来自 Terraform 或 ROS 模板，请按模板检查（`--template`）")),
        _ => None,
    };
    Finding::new(
        RULE.meta.code,
        RULE.meta.severity,
        lang.pick(en, zh),
        Location::pointer(""),
    )
    .with_span(Some(index.range(Span::new(error.offset, end))))
    .with_help(help)
}

fn describe(kind: &SyntaxErrorKind) -> (String, String) {
    match kind {
        SyntaxErrorKind::EmptyDocument => ("the document is empty".into(), "文档为空".into()),
        SyntaxErrorKind::UnexpectedEnd => (
            "unexpected end of the document".into(),
            "文档意外结束".into(),
        ),
        SyntaxErrorKind::UnexpectedCharacter(c) => {
            // Show the character itself; only invisible ones are escaped.
            let shown = if c.is_control() || c.is_whitespace() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            };
            (
                format!("unexpected character `{shown}`"),
                format!("意外的字符 `{shown}`"),
            )
        }
        SyntaxErrorKind::TrailingCharacters => (
            "unexpected text after the end of the document".into(),
            "文档结束后还有多余的内容".into(),
        ),
        SyntaxErrorKind::TrailingComma => ("trailing comma".into(), "多余的尾随逗号".into()),
        SyntaxErrorKind::ExpectedColon => {
            ("expected `:` after the key".into(), "键之后应为 `:`".into())
        }
        SyntaxErrorKind::ExpectedKey => (
            "expected a key in double quotes".into(),
            "此处应为双引号中的键".into(),
        ),
        SyntaxErrorKind::InvalidEscape => (
            "invalid escape sequence in a string".into(),
            "字符串中的转义序列无效".into(),
        ),
        SyntaxErrorKind::InvalidUnicodeEscape => (
            "invalid `\\u` escape in a string".into(),
            "字符串中的 `\\u` 转义无效".into(),
        ),
        SyntaxErrorKind::ControlCharacterInString => (
            "control character (such as a line break) inside a string".into(),
            "字符串中含有控制字符（如换行）".into(),
        ),
        SyntaxErrorKind::InvalidNumber => ("invalid number".into(), "数字格式无效".into()),
        SyntaxErrorKind::TooLarge { bytes } => (
            format!(
                "the document is {bytes} bytes; ramplan reads documents of at most {} bytes (RAM accepts 6,144 characters)",
                crate::json::MAX_DOCUMENT_BYTES
            ),
            format!(
                "文档为 {bytes} 字节；ramplan 最多读取 {} 字节的文档（RAM 接受 6,144 个字符）",
                crate::json::MAX_DOCUMENT_BYTES
            ),
        ),
        SyntaxErrorKind::TooDeep => (
            format!(
                "the document nests deeper than {} levels",
                crate::json::MAX_DEPTH
            ),
            format!("文档嵌套超过 {} 层", crate::json::MAX_DEPTH),
        ),
    }
}
