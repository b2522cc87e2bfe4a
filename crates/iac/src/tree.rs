//! A document as a template language writes it (HCL `jsonencode({...})`, a data source's
//! blocks, a ROS template's YAML or JSON), before it is JSON: values with the file ranges they
//! came from. `to_json` writes the JSON text ramplan lints and its map back to the file.

use std::ops::Range;

use crate::map::{Piece, Writer};
use crate::Placeholder;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    /// Where the value is in the file.
    pub(crate) file: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// The number as written.
    Number(String),
    /// A string, in pieces: literal text and `${...}` placeholders for what the file
    /// computes (an HCL interpolation, a ROS `Ref`).
    String(Vec<Piece>),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    pub(crate) key: Vec<Piece>,
    pub(crate) key_file: Range<usize>,
    pub(crate) value: Node,
}

impl Node {
    pub(crate) fn new(value: Value, file: Range<usize>) -> Node {
        Node { value, file }
    }

    /// A string copied from the file (`file` holds the value's quotes, if it has any).
    pub(crate) fn text(text: &str, inner: Range<usize>, file: Range<usize>) -> Node {
        Node::new(
            Value::String(vec![Piece {
                text: text.to_owned(),
                file: inner,
            }]),
            file,
        )
    }

    /// A value ramplan cannot know (`var.actions`, `Fn::GetAtt`), written as the placeholder
    /// string `${...}` the core reads as a template interpolation.
    pub(crate) fn unknown(expression: &str, file: Range<usize>) -> Node {
        Node::new(
            Value::String(vec![placeholder_piece(expression, file.clone())]),
            file,
        )
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members
                .iter()
                .rev()
                .find(|m| pieces_text(&m.key) == key)
                .map(|m| &m.value),
            _ => None,
        }
    }

    pub(crate) fn as_text(&self) -> Option<String> {
        match &self.value {
            Value::String(pieces) => Some(pieces_text(pieces)),
            _ => None,
        }
    }
}

/// A `${...}` piece for an expression ramplan cannot evaluate. An expression that already
/// reads `${...}` is kept as it is.
pub(crate) fn placeholder_piece(expression: &str, file: Range<usize>) -> Piece {
    let expression = expression.trim();
    let text = if expression.starts_with("${") && expression.ends_with('}') {
        expression.to_owned()
    } else {
        format!("${{{}}}", expression.replace('}', ")"))
    };
    Piece { text, file }
}

pub(crate) fn pieces_text(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

/// The JSON text of `node`, pretty-printed the way serde_json does, with its map back to the
/// file, and the placeholders it holds.
pub(crate) fn to_json(node: &Node, source: &str) -> (Writer, Vec<Placeholder>) {
    let mut out = Emitter {
        writer: Writer::default(),
        source,
        placeholders: Vec::new(),
    };
    out.node(node, 0);
    (out.writer, out.placeholders)
}

struct Emitter<'a> {
    writer: Writer,
    source: &'a str,
    placeholders: Vec<Placeholder>,
}

impl Emitter<'_> {
    fn node(&mut self, node: &Node, depth: usize) {
        let file = &node.file;
        match &node.value {
            Value::Null => self.writer.whole("null", file),
            Value::Bool(b) => self.writer.whole(if *b { "true" } else { "false" }, file),
            Value::Number(n) => self.writer.whole(n, file),
            Value::String(pieces) => {
                self.note_placeholders(pieces);
                self.writer.string(pieces, file, self.source);
            }
            Value::Array(items) => {
                let open = file.start..file.start.saturating_add(1).min(file.end);
                let close = file.end.saturating_sub(1).max(file.start)..file.end;
                if items.is_empty() {
                    self.writer.whole("[", &open);
                    self.writer.whole("]", &close);
                    return;
                }
                self.writer.whole("[", &open);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.writer.whole(",", &item.file);
                    }
                    self.newline(depth + 1, &item.file);
                    self.node(item, depth + 1);
                }
                self.newline(depth, &close);
                self.writer.whole("]", &close);
            }
            Value::Object(members) => {
                let open = file.start..file.start.saturating_add(1).min(file.end);
                let close = file.end.saturating_sub(1).max(file.start)..file.end;
                if members.is_empty() {
                    self.writer.whole("{", &open);
                    self.writer.whole("}", &close);
                    return;
                }
                self.writer.whole("{", &open);
                for (i, member) in members.iter().enumerate() {
                    if i > 0 {
                        self.writer.whole(",", &member.key_file);
                    }
                    self.newline(depth + 1, &member.key_file);
                    self.note_placeholders(&member.key);
                    self.writer
                        .string(&member.key, &member.key_file, self.source);
                    self.writer.whole(": ", &member.key_file);
                    self.node(&member.value, depth + 1);
                }
                self.newline(depth, &close);
                self.writer.whole("}", &close);
            }
        }
    }

    fn newline(&mut self, depth: usize, file: &Range<usize>) {
        let mut s = String::from("\n");
        s.push_str(&"  ".repeat(depth));
        self.writer.whole(&s, file);
    }

    /// Records every `${...}` in the pieces, with its own range when the piece is copied from
    /// the file, else the piece's.
    fn note_placeholders(&mut self, pieces: &[Piece]) {
        for piece in pieces {
            let copied = self.source.get(piece.file.clone()) == Some(piece.text.as_str());
            let mut from = 0;
            while let Some(open) = piece.text.get(from..).and_then(|t| t.find("${")) {
                let start = from + open;
                let Some(close) = piece.text.get(start..).and_then(|t| t.find('}')) else {
                    break;
                };
                let end = start + close + 1;
                let span = if copied {
                    piece.file.start + start..piece.file.start + end
                } else {
                    piece.file.clone()
                };
                self.placeholders.push(Placeholder {
                    expression: piece.text.get(start..end).unwrap_or("").to_owned(),
                    span,
                });
                from = end;
            }
        }
    }
}

/// Writes a string as JSON, for tests and messages.
#[cfg(test)]
pub(crate) fn quoted(s: &str) -> String {
    format!("\"{}\"", crate::map::escape(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_json_with_a_map_back() {
        // `{Action = "oss:GetObject", Resource = var.arn}` as the HCL reader would give it.
        let source = r#"{Action = "oss:GetObject", Resource = var.arn}"#;
        let node = Node::new(
            Value::Object(vec![
                Member {
                    key: vec![Piece {
                        text: "Action".to_owned(),
                        file: 1..7,
                    }],
                    key_file: 1..7,
                    value: Node::text("oss:GetObject", 11..24, 10..25),
                },
                Member {
                    key: vec![Piece {
                        text: "Resource".to_owned(),
                        file: 27..35,
                    }],
                    key_file: 27..35,
                    value: Node::unknown("var.arn", 38..45),
                },
            ]),
            0..46,
        );
        let (w, placeholders) = to_json(&node, source);
        assert_eq!(
            w.text,
            "{\n  \"Action\": \"oss:GetObject\",\n  \"Resource\": \"${var.arn}\"\n}"
        );
        let at = w.text.find("oss:GetObject").unwrap_or_default();
        assert_eq!(w.map.file_range(at..at + 13), 11..24);
        let key = w.text.find("Resource").unwrap_or_default();
        assert_eq!(w.map.file_range(key - 1..key + 9), 27..35);
        assert_eq!(placeholders.len(), 1);
        assert_eq!(placeholders.first().map(|p| p.span.clone()), Some(38..45));
        assert_eq!(quoted("a\"b"), "\"a\\\"b\"");
    }
}
