//! Reads the fields of an access-denied error out of whatever a person pastes: an OpenAPI
//! error body (JSON), an OSS error (XML), the text an SDK or the aliyun CLI prints around
//! them, the lines of the console's error dialog, or the decoded JSON of
//! `aliyun ram DecodeDiagnosticMessage`.
//!
//! Every reader yields the same thing, a list of `(path, value)` pairs (XML and lines in the
//! order of the text, a JSON object's members by name), so the model is built once
//! (`super::model`) and a field ramplan does not know is still there to be shown.

use serde_json::Value;

/// What the text was, as far as the readers can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The JSON body of an OpenAPI (RPC or ROA) error response.
    OpenApiJson,
    /// An OSS error response: `<Error>` with `<AccessDeniedDetail>`.
    OssXml,
    /// An SDK's printed exception or the aliyun CLI's error, with the body inside it.
    SdkText,
    /// The labelled lines of the console's "Permission Denied" dialog.
    Console,
    /// The answer of `DecodeDiagnosticMessage` (or its `DecodedDiagnosticMessage` object).
    Decoded,
    /// Only an `EncodedDiagnosticMessage`.
    EncodedOnly,
}

impl Shape {
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::OpenApiJson => "openapi-json",
            Shape::OssXml => "oss-xml",
            Shape::SdkText => "sdk-text",
            Shape::Console => "console",
            Shape::Decoded => "decoded",
            Shape::EncodedOnly => "encoded-only",
        }
    }
}

/// One field as the text wrote it: `AccessDeniedDetail/AuthAction` = `oss:PutObject`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField {
    /// The names of the enclosing objects or elements and the field's own, joined by `/`.
    pub path: String,
    pub value: String,
}

impl RawField {
    /// The field's own name, without its parents.
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// A condition of the request, from `AuthConditions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCondition {
    pub key: String,
    pub values: Vec<String>,
}

/// A policy `DecodeDiagnosticMessage` says matched, from `MatchedPolicies`: each of its
/// fields as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPolicy {
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub fields: Vec<RawField>,
    pub conditions: Vec<RawCondition>,
    pub matched_policies: Vec<RawPolicy>,
    pub json: bool,
    pub xml: bool,
    /// Labelled lines of the console dialog were read.
    pub console: bool,
    /// Fields of the decoded message (`DecodedDiagnosticMessage`, `ExplicitDeny`, ...).
    pub decoded: bool,
}

/// How many `{` a text may have tried as the start of an embedded JSON body. Each try is
/// linear in the text, so this keeps the whole read linear.
const MAX_JSON_TRIES: usize = 64;
/// How deep a JSON string holding JSON (the SDKs' `AccessDeniedDetail`) is read again.
const MAX_NESTED_JSON: usize = 3;
/// Elements deeper than this are read as if they were at this depth (OSS's document is 2
/// deep); it bounds the search for an element's opening when it closes.
const MAX_XML_DEPTH: usize = 16;
/// At most this many fields are kept; an error body has a few dozen.
const MAX_FIELDS: usize = 400;

pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    read_json_bodies(text, &mut parsed);
    read_xml(text, &mut parsed);
    read_lines(text, &mut parsed);
    parsed.fields.truncate(MAX_FIELDS);
    parsed
}

/// The shape, from what was read.
pub fn shape(parsed: &Parsed, text: &str) -> Option<Shape> {
    let trimmed = text.trim();
    if parsed.decoded {
        return Some(Shape::Decoded);
    }
    if parsed.xml {
        return Some(if trimmed.starts_with('<') {
            Shape::OssXml
        } else {
            Shape::SdkText
        });
    }
    if parsed.json {
        let whole = trimmed.starts_with('{') && trimmed.ends_with('}');
        return Some(if whole {
            Shape::OpenApiJson
        } else {
            Shape::SdkText
        });
    }
    if parsed.console {
        return Some(Shape::Console);
    }
    if !parsed.fields.is_empty() {
        return Some(Shape::SdkText);
    }
    if looks_encoded(trimmed) {
        return Some(Shape::EncodedOnly);
    }
    None
}

/// The shape of the documented `EncodedDiagnosticMessage` examples: base64 that begins with
/// `AQ` (`AQEAAAAAZBgx...`, `AQIBIAAAA...`), possibly masked with `*` in documentation.
pub fn looks_encoded(text: &str) -> bool {
    text.len() >= 16
        && text.starts_with("AQ")
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'*'))
}

// ---- JSON -------------------------------------------------------------------------------

fn read_json_bodies(text: &str, parsed: &mut Parsed) {
    let mut tries = 0;
    let mut from = 0;
    while let Some(offset) = text.get(from..).and_then(|rest| rest.find('{')) {
        let start = from + offset;
        if tries >= MAX_JSON_TRIES {
            break;
        }
        tries += 1;
        let Some(end) = matching_brace(text, start) else {
            from = start + 1;
            continue;
        };
        let Some(body) = text.get(start..end) else {
            break;
        };
        let value = serde_json::from_str::<Value>(body)
            .ok()
            .or_else(|| python_repr_to_json(body).and_then(|j| serde_json::from_str(&j).ok()));
        match value {
            Some(value @ Value::Object(_)) => {
                parsed.json = true;
                flatten(&value, "", parsed, 0);
                from = end;
            }
            _ => from = start + 1,
        }
    }
}

/// Where the object that opens at `start` closes (one past its `}`), minding strings in
/// either quote (Python prints dictionaries with `'`).
fn matching_brace(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Python's `repr` of a dict (the Python SDK prints the response so): `'` strings become
/// `"` strings, `True`/`False`/`None` their JSON words. `None` when there is nothing to do.
fn python_repr_to_json(body: &str) -> Option<String> {
    if !body.contains('\'') {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match word.as_str() {
            "True" => out.push_str("true"),
            "False" => out.push_str("false"),
            "None" => out.push_str("null"),
            w => out.push_str(w),
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                flush(&mut word, &mut out);
                let q = c;
                out.push('"');
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                if e == '\'' {
                                    out.push('\'');
                                } else {
                                    out.push('\\');
                                    out.push(e);
                                }
                            }
                        }
                        '"' if q == '\'' => out.push_str("\\\""),
                        d if d == q => break,
                        d => out.push(d),
                    }
                }
                out.push('"');
            }
            c if c.is_ascii_alphabetic() => word.push(c),
            c => {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut word, &mut out);
    Some(out)
}

fn flatten(value: &Value, prefix: &str, parsed: &mut Parsed, depth: usize) {
    let Value::Object(map) = value else {
        return;
    };
    for (key, value) in map {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}/{key}")
        };
        let name = normalise(key);
        if DECODED_NAMES.contains(&name.as_str()) {
            parsed.decoded = true;
        }
        match value {
            Value::Object(_) => flatten(value, &path, parsed, depth),
            Value::Array(items) if name == "authconditions" => {
                parsed.conditions.extend(items.iter().filter_map(condition));
            }
            Value::Array(items) if name == "matchedpolicies" => {
                parsed
                    .matched_policies
                    .extend(items.iter().filter_map(matched_policy));
            }
            Value::String(s) if depth < MAX_NESTED_JSON && s.trim_start().starts_with('{') => {
                match serde_json::from_str::<Value>(s) {
                    Ok(inner @ Value::Object(_)) => flatten(&inner, &path, parsed, depth + 1),
                    _ => push(parsed, path, s.clone()),
                }
            }
            Value::Null => {}
            other => push(parsed, path, scalar(other)),
        }
    }
}

/// Field names only the decoded message has.
const DECODED_NAMES: &[&str] = &[
    "decodeddiagnosticmessage",
    "explicitdeny",
    "nopermissionpolicytype",
    "authprincipal",
    "matchedpolicies",
];

fn condition(item: &Value) -> Option<RawCondition> {
    let map = item.as_object()?;
    let mut key = None;
    let mut values = Vec::new();
    for (k, v) in map {
        match normalise(k).as_str() {
            "conditionkey" => key = v.as_str().map(str::to_owned),
            "conditionvalues" | "conditionvalue" => match v {
                Value::Array(items) => values.extend(items.iter().map(scalar)),
                other => values.push(scalar(other)),
            },
            _ => {}
        }
    }
    Some(RawCondition { key: key?, values })
}

fn matched_policy(item: &Value) -> Option<RawPolicy> {
    let map = item.as_object()?;
    let fields: Vec<(String, String)> = map
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.clone(), scalar(v)))
        .collect();
    (!fields.is_empty()).then_some(RawPolicy { fields })
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

fn push(parsed: &mut Parsed, path: String, value: String) {
    if parsed.fields.len() < MAX_FIELDS
        && !parsed
            .fields
            .iter()
            .any(|f| f.path == path && f.value == value)
    {
        parsed.fields.push(RawField { path, value });
    }
}

/// A field name in one spelling: lowercase, without spaces, `_` or `-`. The services
/// write `AuthAction`, AgentRun `authAction`, the console "Auth Action".
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '\u{3000}'))
        .flat_map(char::to_lowercase)
        .collect()
}

// ---- XML --------------------------------------------------------------------------------

/// Reads `<Name>text</Name>` elements, with the names of the elements around them. Enough
/// for OSS's error document, which has no attributes that matter and no mixed content.
fn read_xml(text: &str, parsed: &mut Parsed) {
    if !text.contains("</") {
        return;
    }
    let mut stack: Vec<String> = Vec::new();
    let mut rest = text;
    let mut found = false;
    while let Some(open) = rest.find('<') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('>') else {
            break;
        };
        let tag = after.get(..close).unwrap_or_default();
        rest = after.get(close + 1..).unwrap_or_default();
        if tag.starts_with('?') || tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if let Some(at) = stack.iter().rposition(|n| n == name) {
                stack.truncate(at);
            }
            continue;
        }
        let name = tag.split_whitespace().next().unwrap_or_default();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        let content_end = rest.find('<').unwrap_or(rest.len());
        let content = rest.get(..content_end).unwrap_or_default();
        let closing = format!("</{name}>");
        if rest
            .get(content_end..)
            .is_some_and(|r| r.starts_with(&closing))
        {
            let mut path = stack.join("/");
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(name);
            if stack.is_empty() {
                // A lone element is a value printed in prose, not an error document.
            } else {
                found = true;
                push(parsed, path, unescape_xml(content.trim()));
            }
            rest = rest.get(content_end + closing.len()..).unwrap_or_default();
        } else if stack.len() < MAX_XML_DEPTH {
            stack.push(name.to_owned());
        }
    }
    if found {
        parsed.xml = true;
    }
}

fn unescape_xml(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

// ---- labelled lines -----------------------------------------------------------------------

/// The labels of lines worth reading, as `normalise` writes them: what the SDKs and the CLI
/// print before the body, and what the console's dialog shows (in English and Chinese).
/// The field they stand for is the name `super::model` reads.
const LINE_LABELS: &[(&str, &str, bool)] = &[
    // (label, field, console)
    ("errorcode", "Code", false),
    ("code", "Code", false),
    ("statuscode", "StatusCode", false),
    ("message", "Message", false),
    ("requestid", "RequestId", false),
    ("hostid", "HostId", false),
    ("recommend", "Recommend", false),
    ("authaction", "AuthAction", true),
    ("authresource", "AuthResource", true),
    ("identitytype", "AuthPrincipalType", true),
    ("identityinformation", "AuthPrincipalDisplayName", true),
    ("accountid", "AuthPrincipalOwnerId", true),
    ("policytype", "PolicyType", true),
    ("nopermissiontype", "NoPermissionType", true),
    ("denytype", "NoPermissionType", true),
    ("encodeddiagnosticmessage", "EncodedDiagnosticMessage", true),
    ("diagnosticmessage", "EncodedDiagnosticMessage", true),
    ("身份类型", "AuthPrincipalType", true),
    ("身份信息", "AuthPrincipalDisplayName", true),
    ("账号id", "AuthPrincipalOwnerId", true),
    ("鉴权操作", "AuthAction", true),
    ("鉴权资源", "AuthResource", true),
    ("策略类型", "PolicyType", true),
    ("无权限类型", "NoPermissionType", true),
    ("诊断信息", "EncodedDiagnosticMessage", true),
];

fn read_lines(text: &str, parsed: &mut Parsed) {
    // The names already read, so that each line costs the same whatever the body held.
    let mut known: Vec<String> = parsed.fields.iter().map(|f| normalise(f.name())).collect();
    known.sort_unstable();
    known.dedup();
    for line in text.lines() {
        let line = line
            .trim()
            .trim_start_matches(['-', '*', '•', '|', '>'])
            .trim();
        let Some((label, value)) = split_label(line) else {
            continue;
        };
        let value = value.trim().trim_end_matches('|').trim();
        if value.is_empty() || value.starts_with('{') {
            continue;
        }
        let label = normalise(label);
        let Some((_, field, console)) = LINE_LABELS.iter().find(|(l, _, _)| *l == label) else {
            continue;
        };
        // A field the body already holds is not read again from the prose around it.
        let name = normalise(field);
        if known.binary_search(&name).is_ok() {
            continue;
        }
        if let Err(at) = known.binary_search(&name) {
            known.insert(at, name);
        }
        if *console {
            parsed.console = true;
        }
        push(parsed, (*field).to_owned(), value.to_owned());
    }
}

fn split_label(line: &str) -> Option<(&str, &str)> {
    let at = line.find([':', '：'])?;
    let label = line.get(..at)?;
    let sep = line.get(at..)?.chars().next()?;
    let value = line.get(at + sep.len_utf8()..)?;
    (label.chars().count() <= 40).then_some((label, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_dicts_read_as_json() {
        let json = python_repr_to_json("{'Code': 'NoPermission', 'ok': True, 'n': None}");
        assert_eq!(
            json.as_deref(),
            Some(r#"{"Code": "NoPermission", "ok": true, "n": null}"#)
        );
    }

    #[test]
    fn braces_inside_strings_do_not_close() {
        assert_eq!(matching_brace(r#"{"a": "}"}"#, 0), Some(10));
        assert_eq!(matching_brace("{{}", 0), None);
    }

    #[test]
    fn xml_fields_keep_their_parents() {
        let parsed = parse("<Error><Code>AccessDenied</Code><AccessDeniedDetail><AuthAction>oss:GetObject</AuthAction></AccessDeniedDetail></Error>");
        let paths: Vec<&str> = parsed.fields.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["Error/Code", "Error/AccessDeniedDetail/AuthAction"]);
    }
}
