//! Pretty-printing a policy document: two-space indent, one member or item per line, in the
//! same layout as the policies ramplan generates.
//!
//! Only the white space between tokens changes. Keys, strings and numbers are copied from the
//! source exactly as written (escapes, `1.0`, duplicate keys and member order included), so
//! formatting never changes what RAM would read.

use crate::finding::Lang;
use crate::json::{self, Node, Value};
use crate::position::{LineIndex, Position, Span};

/// Why a document could not be formatted: it is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Where parsing stopped: 1-based line, column in UTF-16 units.
    pub position: Position,
    /// The same words as the json-syntax finding (`RP001`), in the requested language.
    pub message: String,
}

/// Formats `text`, or says where and why it is not JSON. `lang` only words the error.
pub fn format(text: &str, lang: Lang) -> Result<String, FormatError> {
    let root = json::parse(text).map_err(|error| FormatError {
        position: LineIndex::new(text).position(error.offset),
        message: error.message(lang),
    })?;
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    write(&root, text, 0, &mut out);
    out.push('\n');
    Ok(out)
}

fn write(node: &Node, text: &str, depth: usize, out: &mut String) {
    match &node.value {
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                write(item, text, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(members) => {
            out.push_str("{\n");
            for (i, member) in members.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(source(text, member.key_span));
                out.push_str(": ");
                write(&member.value, text, depth + 1, out);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {
            out.push_str(source(text, node.span));
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// The parser's spans fall on character boundaries of the text it parsed.
fn source(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lint, LintOptions};

    fn formatted(text: &str) -> String {
        match format(text, Lang::En) {
            Ok(out) => out,
            Err(error) => unreachable!("expected JSON, got {error:?}"),
        }
    }

    fn error(text: &str, lang: Lang) -> FormatError {
        match format(text, lang) {
            Err(error) => error,
            Ok(out) => unreachable!("expected an error, formatted {out:?}"),
        }
    }

    /// The text with white space outside strings removed: what formatting must not change.
    fn tokens(text: &str) -> String {
        let mut out = String::new();
        let mut in_string = false;
        let mut escaped = false;
        for c in text.trim_start_matches('\u{feff}').chars() {
            if in_string {
                out.push(c);
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
            } else if c == '"' {
                in_string = true;
                out.push(c);
            } else if !c.is_whitespace() {
                out.push(c);
            }
        }
        out
    }

    fn codes(text: &str) -> Vec<&'static str> {
        let mut codes: Vec<_> = lint(text, &LintOptions::default())
            .findings
            .into_iter()
            .map(|f| f.code)
            .collect();
        codes.sort_unstable();
        codes
    }

    const MINIFIED: &str = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject","oss:ListObjects"],"Resource":["acs:oss:*:*:example-bucket","acs:oss:*:*:example-bucket/*"]}]}"#;

    #[test]
    fn indents_two_spaces_one_member_per_line() {
        assert_eq!(
            formatted(MINIFIED),
            r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "oss:GetObject",
        "oss:ListObjects"
      ],
      "Resource": [
        "acs:oss:*:*:example-bucket",
        "acs:oss:*:*:example-bucket/*"
      ]
    }
  ]
}
"#
        );
    }

    #[test]
    fn formatting_twice_changes_nothing() {
        let inputs = [
            MINIFIED,
            "  {\n\n\"a\" :[ ] ,\"b\":{ },\"c\":[1,[2,{}]]}\n\n",
            "[]",
            "\"just a string\"",
            "\u{feff}{\"Version\": \"1\"}",
        ];
        for input in inputs {
            let once = formatted(input);
            assert_eq!(formatted(&once), once, "{input}");
            assert_eq!(tokens(&once), tokens(input), "{input}");
        }
    }

    #[test]
    fn keeps_key_order_duplicate_keys_and_values_as_written() {
        let text = r#"{"Statement": [], "Version": "1", "Version": "2", "n": 1.50e+2, "s": "\u00e9\/\"", "t": true, "z": null}"#;
        assert_eq!(
            formatted(text),
            "{\n  \"Statement\": [],\n  \"Version\": \"1\",\n  \"Version\": \"2\",\n  \"n\": 1.50e+2,\n  \"s\": \"\\u00e9\\/\\\"\",\n  \"t\": true,\n  \"z\": null\n}\n"
        );
    }

    #[test]
    fn keeps_unicode_and_tabs_inside_strings() {
        let text = "{\"Statement\":[{\"Sid\":\"读取日志😀\",\"Effect\":\"Allow\",\"Action\":\"log:GetLogStore\",\"Resource\":\"*\"}],\"Version\":\"1\"}";
        let out = formatted(text);
        assert!(out.contains("      \"Sid\": \"读取日志😀\",\n"), "{out}");
        assert_eq!(tokens(&out), tokens(text));
    }

    #[test]
    fn the_findings_are_the_same_before_and_after() {
        let inputs = [
            MINIFIED,
            r#"{"Version": "2", "Statement": [{"Effect": "allow ", "Action": ["oss:GetObject", "oss:GetObject"], "Resource": "acs:oss:*:*:bucket", "Action": "ecs:Nope"}]}"#,
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}"#,
        ];
        assert!(codes(inputs[1]).len() >= 4, "{:?}", codes(inputs[1]));
        for input in inputs {
            let before = codes(input);
            assert_eq!(codes(&formatted(input)), before, "{input}");
        }
    }

    #[test]
    fn invalid_json_is_an_error_with_line_and_column() {
        let text = "{\n  \"Version\": \"1\"\n  \"Statement\": []\n}";
        let found = error(text, Lang::En);
        assert_eq!((found.position.line, found.position.column), (3, 3));
        assert_eq!(found.message, "unexpected character `\"`");
        assert_eq!(error(text, Lang::Zh).message, "意外的字符 `\"`");
        assert_eq!(error("", Lang::En).message, "the document is empty");
        // Columns count UTF-16 units, as the page shows them.
        let wide = error("[\"策😀\" x]", Lang::En);
        assert_eq!((wide.position.line, wide.position.column), (1, 8));
    }

    #[test]
    fn deep_or_hostile_input_is_refused_without_panicking() {
        assert!(format(&"[".repeat(100_000), Lang::En).is_err());
        assert!(format("\u{0}\u{202e}{}", Lang::En).is_err());
        let nested = format!(
            "{}{}",
            "[".repeat(json::MAX_DEPTH),
            "]".repeat(json::MAX_DEPTH)
        );
        assert_eq!(tokens(&formatted(&nested)), nested);
    }
}
