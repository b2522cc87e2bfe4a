//! A small JSON parser that keeps what serde_json throws away: the byte span of every
//! value and key, the order of members, and every duplicate key.
//!
//! RAM policies are short documents (6,144 characters at most), so a tree of owned nodes
//! is cheap; what matters is that every finding can point at the exact text it concerns.

use crate::finding::Lang;
use crate::position::{LineIndex, Span, TextRange};
use crate::tr;

/// Nesting deeper than this is refused rather than risking the stack. Real policies nest
/// four or five levels (`Statement` / item / `Condition` / operator / key / values).
pub const MAX_DEPTH: usize = 64;

/// Documents longer than this are refused before parsing: RAM accepts 6,144 characters, so
/// anything near this size is not a policy RAM would take, and refusing it keeps every entry
/// point (lint, simulate, explain, format, the builder) bounded in time and memory.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written, so `1` and `1.0` stay distinguishable in messages.
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The last member with exactly this key; RAM, like serde_json, is assumed to keep the
    /// last of duplicated keys (the duplicate-key rule reports them either way).
    pub fn get(&self, key: &str) -> Option<&Member> {
        self.as_object()?.iter().rev().find(|m| m.key == key)
    }

    pub fn type_name(&self) -> &'static str {
        self.value.type_name()
    }

    /// Resolves an RFC 6901 JSON pointer. With duplicate keys the last one is taken.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            node = match &node.value {
                Value::Object(_) => &node.get(&token)?.value,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Why a document is not JSON, and where the parser noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// Byte offset of the offending character (or the end of input).
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    EmptyDocument,
    UnexpectedEnd,
    UnexpectedCharacter(char),
    TrailingCharacters,
    TrailingComma,
    ExpectedColon,
    ExpectedKey,
    InvalidEscape,
    InvalidUnicodeEscape,
    ControlCharacterInString,
    InvalidNumber,
    TooDeep,
    /// Longer than [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        bytes: usize,
    },
}

impl SyntaxError {
    /// What is wrong, in one line: "trailing comma", "unexpected character `x`".
    pub fn message(&self, lang: Lang) -> String {
        let (en, zh) = self.describe();
        lang.pick(en, zh)
    }

    /// The character the parser stopped at (nothing at the end of the text).
    pub fn span(&self, text: &str) -> Span {
        let end = text
            .get(self.offset..)
            .and_then(|rest| rest.chars().next())
            .map_or(self.offset, |c| self.offset + c.len_utf8());
        Span::new(self.offset, end)
    }

    /// What to do about it, when there is more to say than the message.
    pub fn help(&self, text: &str, lang: Lang) -> Option<String> {
        match self.kind {
            SyntaxErrorKind::TrailingComma => Some(tr!(lang, "JSON allows no comma after the last item of an array or object", "JSON 不允许在数组或对象的最后一项之后加逗号")),
            SyntaxErrorKind::TooLarge { .. } => Some(tr!(lang, "nothing in it was checked; split it, or check the policies it holds one by one", "未检查其中任何内容；请拆分文档，或逐个检查其中的策略")),
            SyntaxErrorKind::ExpectedKey => Some(tr!(lang, "keys must be strings in double quotes, such as `\"Effect\"`", "键必须是双引号中的字符串，例如 `\"Effect\"`")),
            SyntaxErrorKind::UnexpectedCharacter('$') if text.get(self.offset..).is_some_and(|r| r.starts_with("${")) => Some(tr!(lang, "this is a template interpolation: if the text comes from a Terraform or ROS template, lint it as one (`--template`)", "这是模板插值：如果文本来自 Terraform 或 ROS 模板，请按模板检查（`--template`）")),
            _ => None,
        }
    }

    fn describe(&self) -> (String, String) {
        let kind = &self.kind;
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
}

pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    parse_with(text, false)
}

/// Parses a policy as a Terraform or ROS template holds it: a bare interpolation in value
/// position (`"Action": ${jsonencode(var.actions)}`) reads as a string holding its raw text,
/// so rules see a placeholder rather than a syntax error.
pub fn parse_template(text: &str) -> Result<Node, SyntaxError> {
    parse_with(text, true)
}

fn parse_with(text: &str, template: bool) -> Result<Node, SyntaxError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::TooLarge { bytes: text.len() },
            offset: 0,
        });
    }
    let mut parser = Parser {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        template,
    };
    // A leading byte-order mark is common in files saved by Windows editors.
    if text.starts_with('\u{feff}') {
        parser.pos = 3;
    }
    parser.skip_whitespace();
    if parser.pos >= parser.bytes.len() {
        return Err(parser.error(SyntaxErrorKind::EmptyDocument));
    }
    let node = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error(SyntaxErrorKind::TrailingCharacters));
    }
    Ok(node)
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    template: bool,
}

impl Parser<'_> {
    fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError {
            kind,
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn unexpected(&self) -> SyntaxError {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => self.error(SyntaxErrorKind::UnexpectedCharacter(c)),
            None => self.error(SyntaxErrorKind::UnexpectedEnd),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(SyntaxErrorKind::TooDeep));
        }
        let start = self.pos;
        let value = match self.peek() {
            None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b'$') if self.template && self.bytes.get(self.pos + 1) == Some(&b'{') => {
                self.interpolation()?
            }
            Some(_) => return Err(self.unexpected()),
        };
        Ok(Node {
            value,
            span: Span::new(start, self.pos),
        })
    }

    /// `${ ... }` with nested braces and quoted strings, as Terraform writes interpolations.
    fn interpolation(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        self.pos += 2;
        let mut depth = 1usize;
        let mut quoted = false;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match (quoted, b) {
                (true, b'\\') => self.pos = (self.pos + 1).min(self.bytes.len()),
                (true, b'"') => quoted = false,
                (true, _) => {}
                (false, b'"') => quoted = true,
                (false, b'{') => depth += 1,
                (false, b'}') => {
                    depth -= 1;
                    if depth == 0 {
                        let raw = self.text.get(start..self.pos).unwrap_or_default();
                        return Ok(Value::String(raw.to_owned()));
                    }
                }
                (false, _) => {}
            }
        }
        Err(self.error(SyntaxErrorKind::UnexpectedEnd))
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for expected in word.bytes() {
            match self.peek() {
                Some(b) if b == expected => self.pos += 1,
                _ => return Err(self.unexpected()),
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(SyntaxErrorKind::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxErrorKind::InvalidNumber));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxErrorKind::InvalidNumber));
            }
            self.digits();
        }
        let raw = self.text.get(start..self.pos).unwrap_or_default();
        Ok(Value::Number(raw.to_owned()))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        // Caller guarantees the opening quote.
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 || (b == b'$' && self.template) {
                    break;
                }
                self.pos += 1;
            }
            // The run stops only at ASCII bytes, so both ends are char boundaries.
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
                // In a template, an interpolation inside a string may hold quotes of its own
                // (`"${var.a == "" ? 1 : 2}"`): it is kept as written.
                Some(b'$') if self.bytes.get(self.pos + 1) == Some(&b'{') => {
                    if let Value::String(raw) = self.interpolation()? {
                        out.push_str(&raw);
                    }
                }
                Some(b'$') => {
                    out.push('$');
                    self.pos += 1;
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error(SyntaxErrorKind::ControlCharacterInString)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = match self.peek() {
            None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.error(SyntaxErrorKind::InvalidUnicodeEscape));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error(SyntaxErrorKind::InvalidUnicodeEscape));
                    }
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    char::from_u32(code)
                } else {
                    char::from_u32(first)
                };
                let c = c.ok_or_else(|| self.error(SyntaxErrorKind::InvalidUnicodeEscape))?;
                out.push(c);
                return Ok(());
            }
            Some(_) => return Err(self.error(SyntaxErrorKind::InvalidEscape)),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b) => (b as char).to_digit(16),
                None => None,
            };
            let digit = digit.ok_or_else(|| self.error(SyntaxErrorKind::InvalidUnicodeEscape))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            if self.peek() == Some(b']') {
                return Err(self.error(SyntaxErrorKind::TrailingComma));
            }
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.error(SyntaxErrorKind::TrailingComma)),
                None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxErrorKind::ExpectedKey)),
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error(SyntaxErrorKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxErrorKind::ExpectedColon)),
            }
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }
}

/// Where the value at an RFC 6901 pointer sits in `text`, with lines and columns: how a
/// surface turns a pointer in an answer (a statement, a principal) back into a selection.
/// `None` when the text is not JSON or holds nothing there.
pub fn locate(text: &str, pointer: &str) -> Option<TextRange> {
    let root = parse(text).ok()?;
    let node = root.pointer(pointer)?;
    Some(LineIndex::new(text).range(node.span))
}

/// Appends one reference token to an RFC 6901 JSON pointer.
pub fn pointer_push(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    pointer_extend(&mut out, token);
    out
}

/// Appends one reference token to a pointer in place: a walk of a document keeps one buffer,
/// extends it on the way down and truncates it on the way back, instead of a new string for
/// every node.
pub fn pointer_extend(pointer: &mut String, token: &str) {
    pointer.push('/');
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Appends an array index to a pointer in place.
pub fn pointer_extend_index(pointer: &mut String, index: usize) {
    pointer.push('/');
    // The digits, most significant first, without the formatting machinery.
    let mut digits = [0u8; 20];
    let mut rest = index;
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            *d = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || start == 0 {
            break;
        }
    }
    for &d in digits.get(start..).unwrap_or_default() {
        pointer.push(char::from(d));
    }
}

/// A pointer with an array index appended.
pub fn pointer_index(pointer: &str, index: usize) -> String {
    let mut out = String::with_capacity(pointer.len() + 4);
    out.push_str(pointer);
    pointer_extend_index(&mut out, index);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn documents_over_the_limit_are_refused_at_once() {
        let at_limit = format!("\"{}\"", "a".repeat(MAX_DOCUMENT_BYTES - 2));
        assert!(parse(&at_limit).is_ok());
        let over = format!("\"{}\"", "a".repeat(MAX_DOCUMENT_BYTES - 1));
        assert_eq!(
            parse(&over).unwrap_err().kind,
            SyntaxErrorKind::TooLarge {
                bytes: MAX_DOCUMENT_BYTES + 1
            }
        );
    }

    #[test]
    fn templates_read_interpolations_as_placeholders() {
        let text = r#"{"Action": ${jsonencode(var.actions)}, "Resource": ["acs:ram::${var.a == "" ? var.b : var.a}:root"]}"#;
        assert!(parse(text).is_err());
        let root = parse_template(text).unwrap();
        let members = root.as_object().unwrap();
        assert_eq!(
            members[0].value.value,
            Value::String("${jsonencode(var.actions)}".to_owned())
        );
        let Value::Array(items) = &members[1].value.value else {
            panic!("array expected")
        };
        assert_eq!(
            items[0].as_str(),
            Some(r#"acs:ram::${var.a == "" ? var.b : var.a}:root"#)
        );
        // An unclosed interpolation is an error, not a hang or a panic.
        assert!(parse_template(r#"{"a": ${var.x"#).is_err());
        assert!(parse_template(r#"{"a": "${"#).is_err());
        assert!(parse_template(r#"{"a": "$5 and ${x}"}"#).is_ok());
    }

    use super::*;

    #[test]
    fn locate_finds_the_value_a_pointer_names() {
        let text = "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\"}\n  ]\n}";
        let range = locate(text, "/Statement/0").unwrap();
        assert_eq!((range.start.line, range.start.column), (3, 5));
        assert_eq!(
            text.get(range.start.offset..range.end.offset),
            Some("{\"Effect\": \"Allow\"}")
        );
        assert_eq!(locate(text, "").map(|r| r.start.offset), Some(0));
        assert_eq!(locate(text, "/Statement/1"), None);
        assert_eq!(locate("{", "/Statement"), None);
    }

    fn err(text: &str) -> SyntaxError {
        match parse(text) {
            Err(e) => e,
            Ok(node) => unreachable!("expected an error, parsed {node:?}"),
        }
    }

    #[test]
    fn parses_nested_document_with_spans() {
        let text = r#"{"a": [1, "x", true, null], "b": {"c": -2.5e3}}"#;
        let node = parse(text).unwrap();
        let a = node.get("a").unwrap();
        assert_eq!(&text[a.key_span.start..a.key_span.end], "\"a\"");
        assert_eq!(
            &text[a.value.span.start..a.value.span.end],
            r#"[1, "x", true, null]"#
        );
        let items = a.value.as_array().unwrap();
        assert_eq!(items[1].as_str(), Some("x"));
        assert_eq!(items[0].value, Value::Number("1".into()));
        let c = node.get("b").unwrap().value.get("c").unwrap();
        assert_eq!(c.value.value, Value::Number("-2.5e3".into()));
    }

    #[test]
    fn keeps_duplicate_keys_in_order() {
        let node = parse(r#"{"k": 1, "k": 2}"#).unwrap();
        let members = node.as_object().unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(
            node.get("k").unwrap().value.value,
            Value::Number("2".into())
        );
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let node = parse(r#""a\n\"\u00e9\ud83d\ude00""#).unwrap();
        assert_eq!(node.as_str(), Some("a\n\"é😀"));
    }

    #[test]
    fn reports_offsets_of_errors() {
        assert_eq!(err("").kind, SyntaxErrorKind::EmptyDocument);
        assert_eq!(err("{\"a\" 1}").kind, SyntaxErrorKind::ExpectedColon);
        assert_eq!(err("{\"a\" 1}").offset, 5);
        assert_eq!(err("[1,]").kind, SyntaxErrorKind::TrailingComma);
        assert_eq!(err("{\"a\":1,}").kind, SyntaxErrorKind::TrailingComma);
        assert_eq!(err("{\"a\":1} x").kind, SyntaxErrorKind::TrailingCharacters);
        assert_eq!(err("[01]").kind, SyntaxErrorKind::UnexpectedCharacter('1'));
        assert_eq!(err("\"\\x\"").kind, SyntaxErrorKind::InvalidEscape);
        assert_eq!(
            err("\"\\ud800\"").kind,
            SyntaxErrorKind::InvalidUnicodeEscape
        );
        assert_eq!(
            err("\"a\u{1}\"").kind,
            SyntaxErrorKind::ControlCharacterInString
        );
        assert_eq!(err("{'a': 1}").kind, SyntaxErrorKind::ExpectedKey);
        assert_eq!(err("[tru]").kind, SyntaxErrorKind::UnexpectedCharacter(']'));
        assert_eq!(err("[1").kind, SyntaxErrorKind::UnexpectedEnd);
        assert_eq!(err("-").kind, SyntaxErrorKind::InvalidNumber);
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let text = "[".repeat(100_000);
        assert_eq!(err(&text).kind, SyntaxErrorKind::TooDeep);
    }

    #[test]
    fn skips_a_byte_order_mark() {
        assert!(parse("\u{feff}{}").is_ok());
    }

    #[test]
    fn resolves_pointers() {
        let node = parse(r#"{"a/b": [{"~c": 1}]}"#).unwrap();
        let found = node.pointer("/a~1b/0/~0c").unwrap();
        assert_eq!(found.value, Value::Number("1".into()));
        assert!(node.pointer("/a~1b/1").is_none());
        assert!(node.pointer("/x").is_none());
        assert_eq!(node.pointer("").unwrap(), &node);
    }

    #[test]
    fn appends_indices() {
        for i in [0, 7, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(pointer_index("/Statement", i), format!("/Statement/{i}"));
        }
    }

    #[test]
    fn escapes_pointer_tokens() {
        assert_eq!(pointer_push("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer_push("/Statement", "0"), "/Statement/0");
    }
}
