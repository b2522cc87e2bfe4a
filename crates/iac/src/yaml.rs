//! YAML into the value tree, with byte ranges, from yaml-rust2's event parser.
//!
//! yaml-rust2 gives each event a marker at its start, counted in characters; the end of a
//! scalar is found in the text from its style (plain, quoted, block). Mappings and sequences
//! run from their first child to their last.

use std::ops::Range;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::map::Piece;
use crate::tree::{placeholder_piece, Member, Node, Value};

/// Past this depth a YAML document is not a template ramplan reads; the rest is dropped.
const MAX_DEPTH: usize = 128;

/// The first document of a YAML stream, or why it could not be read (message, byte offset).
pub(crate) fn parse(text: &str) -> Result<Option<Node>, (String, usize)> {
    let chars = CharIndex::new(text);
    let mut receiver = Receiver {
        text,
        chars: &chars,
        stack: Vec::new(),
        done: None,
        depth_exceeded: 0,
    };
    let mut parser = Parser::new_from_str(text).keep_tags(true);
    if let Err(error) = parser.load(&mut receiver, false) {
        let at = chars.byte(error.marker().index());
        return Err((error.info().to_owned(), at));
    }
    Ok(receiver.done)
}

/// Character index -> byte offset.
struct CharIndex {
    /// The byte offset of every character, and the text's length at the end; empty for
    /// ASCII text, where the two agree.
    bytes: Vec<usize>,
    len: usize,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let bytes = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(byte, _)| byte)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        CharIndex {
            bytes,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.bytes.is_empty() {
            return char_index.min(self.len);
        }
        self.bytes.get(char_index).copied().unwrap_or(self.len)
    }
}

enum Frame {
    Sequence {
        items: Vec<Node>,
        start: usize,
        tag: Option<String>,
    },
    Mapping {
        members: Vec<Member>,
        pending_key: Option<Node>,
        start: usize,
        tag: Option<String>,
    },
}

struct Receiver<'a> {
    text: &'a str,
    chars: &'a CharIndex,
    stack: Vec<Frame>,
    done: Option<Node>,
    depth_exceeded: usize,
}

impl Receiver<'_> {
    fn byte(&self, marker: Marker) -> usize {
        self.chars.byte(marker.index())
    }

    fn push_value(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.done.is_none() {
                    self.done = Some(node);
                }
            }
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping {
                members,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => *pending_key = Some(node),
                Some(key) => {
                    let key_pieces = match &key.value {
                        Value::String(pieces) => pieces.clone(),
                        _ => vec![placeholder_piece(
                            self.text.get(key.file.clone()).unwrap_or(""),
                            key.file.clone(),
                        )],
                    };
                    members.push(Member {
                        key: key_pieces,
                        key_file: key.file,
                        value: node,
                    });
                }
            },
        }
    }

    fn scalar(
        &self,
        value: String,
        style: TScalarStyle,
        start: usize,
        tag: Option<String>,
    ) -> Node {
        let rest = self.text.get(start..).unwrap_or("");
        let (inner, end) = match style {
            TScalarStyle::SingleQuoted => {
                let end = quoted_end(rest, '\'');
                (start + 1..start + end.saturating_sub(1).max(1), start + end)
            }
            TScalarStyle::DoubleQuoted => {
                let end = quoted_end(rest, '"');
                (start + 1..start + end.saturating_sub(1).max(1), start + end)
            }
            TScalarStyle::Plain if rest.starts_with(value.as_str()) => {
                (start..start + value.len(), start + value.len())
            }
            _ => {
                let line = rest.find('\n').unwrap_or(rest.len());
                (start..start + line, start + line)
            }
        };
        let file = start..end.min(self.text.len()).max(start);
        let inner =
            inner.start.min(file.end)..inner.end.min(file.end).max(inner.start.min(file.end));
        if let Some(tag) = tag {
            // `!Ref Name`, `!Sub '...'`: the short form of a ROS function.
            return function_node(&tag, Node::text(&value, inner, file.clone()), file);
        }
        if style == TScalarStyle::Plain {
            match value.as_str() {
                "null" | "Null" | "NULL" | "~" | "" => return Node::new(Value::Null, file),
                "true" | "True" | "TRUE" => return Node::new(Value::Bool(true), file),
                "false" | "False" | "FALSE" => return Node::new(Value::Bool(false), file),
                _ => {}
            }
            if is_number(&value) {
                return Node::new(Value::Number(value), file);
            }
        }
        Node::new(
            Value::String(vec![Piece {
                text: value,
                file: inner,
            }]),
            file,
        )
    }
}

/// A tagged value: `!Ref X` is `{"Ref": "X"}`, `!Sub s` is `{"Fn::Sub": s}`.
fn function_node(tag: &str, value: Node, file: Range<usize>) -> Node {
    let name = if tag == "Ref" {
        "Ref".to_owned()
    } else {
        format!("Fn::{tag}")
    };
    Node::new(
        Value::Object(vec![Member {
            key: vec![Piece {
                text: name,
                file: file.clone(),
            }],
            key_file: file.clone(),
            value,
        }]),
        file,
    )
}

fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.')
        // `01` is a string in YAML 1.2's core schema.
        && !(digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."))
}

/// The length of a quoted scalar including both quotes.
fn quoted_end(rest: &str, quote: char) -> usize {
    let mut chars = rest.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
            continue;
        }
        if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                continue;
            }
            return at + 1;
        }
    }
    rest.len()
}

fn tag_name(tag: Option<yaml_rust2::parser::Tag>) -> Option<String> {
    let tag = tag?;
    // Only local tags (`!Ref`) are ROS functions; `!!str` and the like are YAML's own.
    (tag.handle == "!").then_some(tag.suffix)
}

impl MarkedEventReceiver for Receiver<'_> {
    fn on_event(&mut self, event: Event, marker: Marker) {
        if self.done.is_some() {
            return;
        }
        let at = self.byte(marker);
        match event {
            Event::Scalar(value, style, _, tag) => {
                if self.depth_exceeded > 0 {
                    return;
                }
                let node = self.scalar(value, style, at, tag_name(tag));
                self.push_value(node);
            }
            Event::Alias(_) => {
                if self.depth_exceeded > 0 {
                    return;
                }
                let rest = self.text.get(at..).unwrap_or("");
                let len = rest
                    .find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}')
                    .unwrap_or(rest.len());
                let file = at..at + len;
                let name = self.text.get(file.clone()).unwrap_or("*alias").to_owned();
                self.push_value(Node::unknown(&name, file));
            }
            Event::SequenceStart(_, tag) => {
                if self.depth_exceeded > 0 || self.stack.len() >= MAX_DEPTH {
                    self.depth_exceeded += 1;
                    return;
                }
                self.stack.push(Frame::Sequence {
                    items: Vec::new(),
                    start: at,
                    tag: tag_name(tag),
                });
            }
            Event::MappingStart(_, tag) => {
                if self.depth_exceeded > 0 || self.stack.len() >= MAX_DEPTH {
                    self.depth_exceeded += 1;
                    return;
                }
                self.stack.push(Frame::Mapping {
                    members: Vec::new(),
                    pending_key: None,
                    start: at,
                    tag: tag_name(tag),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if self.depth_exceeded > 0 {
                    self.depth_exceeded -= 1;
                    return;
                }
                let Some(frame) = self.stack.pop() else {
                    return;
                };
                let (value, first, last, tag, start) = match frame {
                    Frame::Sequence { items, start, tag } => {
                        let first = items.first().map(|n| n.file.start);
                        let last = items.last().map(|n| n.file.end);
                        (Value::Array(items), first, last, tag, start)
                    }
                    Frame::Mapping {
                        members,
                        start,
                        tag,
                        ..
                    } => {
                        let first = members.first().map(|m| m.key_file.start);
                        let last = members.last().map(|m| m.value.file.end);
                        (Value::Object(members), first, last, tag, start)
                    }
                };
                // A flow collection (`[a, b]`, `{a: b}`) starts at its bracket; a block one
                // at its first entry.
                let opens = self.text.get(start..).and_then(|s| s.chars().next());
                let file = match (opens, first, last) {
                    (Some('[' | '{'), _, _) => {
                        let close = self.text.get(at..).and_then(|s| s.chars().next());
                        let end = if matches!(close, Some(']' | '}')) {
                            at + 1
                        } else {
                            at
                        };
                        start..end.max(start)
                    }
                    (_, Some(first), Some(last)) => first.min(start)..last,
                    _ => start..start,
                };
                let node = Node::new(value, file.clone());
                let node = match tag {
                    Some(tag) => function_node(&tag, node, file),
                    None => node,
                };
                self.push_value(node);
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::to_json;

    #[test]
    fn reads_yaml_with_positions() {
        let text = "a:\n  b: 'x''y'\n  c: \"é\"\n  d: [1, \"z\"]\n  e: !Ref Name\n";
        let node = parse(text).ok().flatten();
        let Some(node) = node else {
            panic!("no document")
        };
        let (w, placeholders) = to_json(&node, text);
        assert!(w.text.contains("\"b\": \"x'y\""), "{}", w.text);
        // `z` maps to its place in the file, after the multi-byte `é`.
        let z = w.text.find("\"z\"").unwrap_or_default();
        let range = w.map.file_range(z + 1..z + 2);
        assert_eq!(text.get(range), Some("z"));
        let d = w.text.find("\"d\"").unwrap_or_default();
        assert_eq!(text.get(w.map.file_range(d + 1..d + 2)), Some("d"));
        assert!(placeholders.is_empty());
        assert!(w.text.contains("\"Ref\": \"Name\""), "{}", w.text);
    }

    #[test]
    fn reports_what_does_not_parse() {
        assert!(parse("a: [b\n").is_err());
        assert!(matches!(parse(""), Ok(None)));
    }
}
