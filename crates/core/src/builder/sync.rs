//! JSON to cards and back.
//!
//! [`to_json`] writes cards in the layout of [`crate::format::format`] (two-space indent, one
//! member or item per line) and raw statements byte for byte, so that for any document whose
//! statements are all cards, `to_json(&from_json(x)?) == format(x)`; otherwise nothing is lost
//! or moved, and the raw statements read exactly as the user wrote them.
//!
//! [`place_findings`] puts each lint finding on the card and field its JSON pointer names, so
//! the form can show it where the user types.

use serde::Serialize;

use super::{
    ActionSet, BuilderDoc, BuilderStatement, ConditionEntry, DocLayout, Effect, Element,
    RawStatement, Reason, ResourceSet, Slot, StatementLayout, TopMember, CANONICAL_ORDER,
};
use crate::finding::{Finding, Lang};
use crate::json::{self, Member, Node, SyntaxError, Value};
use crate::lint::{lint, LintOptions, LintReport};

/// Why a text could not be read into cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromJsonError {
    /// Not JSON; the linter's `RP001` finding says where and why.
    Syntax(SyntaxError),
    /// JSON, but not an object: there is no policy to show.
    NotAnObject,
}

/// Reads a policy into cards. Never panics, whatever the text.
pub fn from_json(text: &str) -> Result<BuilderDoc, FromJsonError> {
    let root = json::parse(text).map_err(FromJsonError::Syntax)?;
    let members = root.as_object().ok_or(FromJsonError::NotAnObject)?;
    // RAM reads the last of duplicated keys; that one becomes the form's, the others stay raw.
    let version_at = members.iter().rposition(|m| {
        source(text, m.key_span) == "\"Version\"" && plain_string(&m.value, text).is_some()
    });
    let statement_at = members.iter().rposition(|m| {
        source(text, m.key_span) == "\"Statement\""
            && matches!(m.value.value, Value::Array(_) | Value::Object(_))
    });
    let mut layout = DocLayout {
        members: Vec::with_capacity(members.len()),
        statement_as_object: false,
    };
    let mut version = None;
    let mut statements = Vec::new();
    for (i, member) in members.iter().enumerate() {
        if Some(i) == version_at {
            version = plain_string(&member.value, text).map(str::to_owned);
            layout.members.push(TopMember::Version);
        } else if Some(i) == statement_at {
            match &member.value.value {
                Value::Array(items) => {
                    statements = items.iter().map(|item| slot(item, text)).collect();
                }
                _ => {
                    layout.statement_as_object = true;
                    statements = vec![slot(&member.value, text)];
                }
            }
            layout.members.push(TopMember::Statement);
        } else {
            layout.members.push(TopMember::Raw {
                key_source: source(text, member.key_span).to_owned(),
                value_source: source(text, member.value.span).to_owned(),
            });
        }
    }
    Ok(BuilderDoc {
        version,
        statements,
        layout,
    })
}

/// Reads one statement, as a card when the form can show all of it.
pub(super) fn slot(node: &Node, text: &str) -> Slot {
    match card(node, text) {
        Ok(card) => Slot::Card(card),
        Err(reason) => Slot::Raw(RawStatement {
            text: source(text, node.span).to_owned(),
            reason,
        }),
    }
}

fn card(node: &Node, text: &str) -> Result<BuilderStatement, Reason> {
    let members = node.as_object().ok_or(Reason::NotAnObject)?;
    let mut seen: Vec<&str> = Vec::new();
    for m in members {
        if seen.contains(&m.key.as_str()) {
            return Err(Reason::DuplicateElement(m.key.clone()));
        }
        seen.push(&m.key);
    }
    let mut sid = None;
    let mut effect = None;
    let mut actions: Option<ActionSet> = None;
    let mut resources: Option<ResourceSet> = None;
    let mut conditions = Vec::new();
    let mut empty_condition = false;
    let mut order = Vec::new();
    for m in members {
        let key = source(text, m.key_span);
        let element = match key {
            "\"Sid\"" => {
                sid = Some(
                    plain_string(&m.value, text)
                        .ok_or_else(|| not_strings_or_escapes(&m.value, "Sid"))?
                        .to_owned(),
                );
                Element::Sid
            }
            "\"Effect\"" => {
                effect = match plain_string(&m.value, text) {
                    Some("Allow") => Some(Effect::Allow),
                    Some("Deny") => Some(Effect::Deny),
                    _ => return Err(Reason::Effect),
                };
                Element::Effect
            }
            "\"Action\"" | "\"NotAction\"" => {
                if actions.is_some() {
                    return Err(Reason::ActionAndNotAction);
                }
                let (values, as_string) = strings(&m.value, text, &m.key)?;
                actions = Some(ActionSet {
                    not_action: m.key == "NotAction",
                    values,
                    as_string,
                });
                Element::Action
            }
            "\"Resource\"" | "\"NotResource\"" => {
                if resources.is_some() {
                    return Err(Reason::ResourceAndNotResource);
                }
                let (values, as_string) = strings(&m.value, text, &m.key)?;
                resources = Some(ResourceSet {
                    not_resource: m.key == "NotResource",
                    values,
                    as_string,
                });
                Element::Resource
            }
            "\"Condition\"" => {
                conditions = condition(&m.value, text)?;
                empty_condition = conditions.is_empty();
                Element::Condition
            }
            _ => return Err(Reason::Element(m.key.clone())),
        };
        order.push(element);
    }
    Ok(BuilderStatement {
        sid,
        effect: effect.ok_or(Reason::Effect)?,
        actions: actions.ok_or(Reason::MissingAction)?,
        resources: resources.ok_or(Reason::MissingResource)?,
        conditions,
        layout: StatementLayout {
            order,
            empty_condition,
        },
    })
}

fn not_strings_or_escapes(node: &Node, element: &str) -> Reason {
    if node.as_str().is_some() {
        Reason::Escapes
    } else {
        Reason::NotStrings(element.to_owned())
    }
}

/// A string or an array of strings, each written the way the form writes it.
fn strings(node: &Node, text: &str, element: &str) -> Result<(Vec<String>, bool), Reason> {
    match &node.value {
        Value::String(_) => {
            let value = plain_string(node, text).ok_or(Reason::Escapes)?;
            Ok((vec![value.to_owned()], true))
        }
        Value::Array(items) => items
            .iter()
            .map(|item| {
                plain_string(item, text)
                    .map(str::to_owned)
                    .ok_or_else(|| not_strings_or_escapes(item, element))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|values| (values, false)),
        _ => Err(Reason::NotStrings(element.to_owned())),
    }
}

fn condition(node: &Node, text: &str) -> Result<Vec<ConditionEntry>, Reason> {
    let operators = node.as_object().ok_or(Reason::ConditionShape)?;
    let mut entries = Vec::new();
    let mut seen_operators: Vec<&str> = Vec::new();
    for operator in operators {
        let keys = operator.value.as_object().ok_or(Reason::ConditionShape)?;
        if keys.is_empty()
            || seen_operators.contains(&operator.key.as_str())
            || !plain_key(operator, text)
        {
            return Err(Reason::ConditionShape);
        }
        seen_operators.push(&operator.key);
        let mut seen_keys: Vec<&str> = Vec::new();
        for key in keys {
            if seen_keys.contains(&key.key.as_str()) || !plain_key(key, text) {
                return Err(Reason::ConditionShape);
            }
            seen_keys.push(&key.key);
            let (values, as_string) = match strings(&key.value, text, "Condition") {
                Ok(found) => found,
                Err(Reason::Escapes) => return Err(Reason::Escapes),
                Err(_) => return Err(Reason::ConditionShape),
            };
            entries.push(ConditionEntry {
                operator: operator.key.clone(),
                key: key.key.clone(),
                values,
                as_string,
            });
        }
    }
    Ok(entries)
}

fn plain_key(member: &Member, text: &str) -> bool {
    source(text, member.key_span) == quote(&member.key)
}

/// The string, when the source writes it exactly as [`quote`] would.
fn plain_string<'n>(node: &'n Node, text: &str) -> Option<&'n str> {
    let value = node.as_str()?;
    (source(text, node.span) == quote(value)).then_some(value)
}

fn source(text: &str, span: crate::position::Span) -> &str {
    text.get(span.start..span.end).unwrap_or_default()
}

/// A JSON string literal: quotes, backslashes and control characters escaped, everything
/// else (non-ASCII included) as it is.
pub(super) fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the document: cards in the formatter's layout, raw statements as written.
pub fn to_json(doc: &BuilderDoc) -> String {
    // The members to write: each of `Version` and `Statement` once (a hand-made layout may
    // name them twice or not at all), raw members where they were.
    let mut members: Vec<Out<'_>> = Vec::with_capacity(doc.layout.members.len() + 2);
    for member in &doc.layout.members {
        let out = match member {
            TopMember::Version if doc.version.is_none() => continue,
            TopMember::Version => Out::Version,
            TopMember::Statement => Out::Statement,
            TopMember::Raw {
                key_source,
                value_source,
            } => Out::Raw(key_source, value_source),
        };
        if matches!(out, Out::Raw(..)) || !members.contains(&out) {
            members.push(out);
        }
    }
    if doc.version.is_some() && !members.contains(&Out::Version) {
        members.insert(0, Out::Version);
    }
    if !doc.statements.is_empty() && !members.contains(&Out::Statement) {
        members.push(Out::Statement);
    }
    let mut out = String::new();
    if members.is_empty() {
        out.push_str("{}\n");
        return out;
    }
    out.push_str("{\n");
    for (i, member) in members.iter().enumerate() {
        indent(&mut out, 1);
        match member {
            Out::Version => {
                out.push_str("\"Version\": ");
                out.push_str(&quote(doc.version.as_deref().unwrap_or_default()));
            }
            Out::Statement => {
                out.push_str("\"Statement\": ");
                write_statements(doc, &mut out);
            }
            Out::Raw(key_source, value_source) => {
                out.push_str(key_source);
                out.push_str(": ");
                out.push_str(&reformat(value_source, 1));
            }
        }
        out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
    }
    out.push_str("}\n");
    out
}

#[derive(PartialEq, Eq)]
enum Out<'d> {
    Version,
    Statement,
    Raw(&'d str, &'d str),
}

fn write_statements(doc: &BuilderDoc, out: &mut String) {
    match doc.statements.as_slice() {
        [one] if doc.layout.statement_as_object => write_slot(one, 1, out),
        [] => out.push_str("[]"),
        slots => {
            out.push_str("[\n");
            for (i, slot) in slots.iter().enumerate() {
                indent(out, 2);
                write_slot(slot, 2, out);
                out.push_str(if i + 1 < slots.len() { ",\n" } else { "\n" });
            }
            indent(out, 1);
            out.push(']');
        }
    }
}

fn write_slot(slot: &Slot, depth: usize, out: &mut String) {
    match slot {
        Slot::Card(card) => write_card(card, depth, out),
        Slot::Raw(raw) => out.push_str(&raw.text),
    }
}

/// The elements a card writes, in its layout's order, then any others in canonical order.
fn elements(card: &BuilderStatement) -> Vec<Element> {
    let present = |e: &Element| match e {
        Element::Sid => card.sid.is_some(),
        Element::Effect | Element::Action | Element::Resource => true,
        Element::Condition => !card.conditions.is_empty() || card.layout.empty_condition,
    };
    let mut out: Vec<Element> = Vec::with_capacity(5);
    for e in card.layout.order.iter().chain(CANONICAL_ORDER.iter()) {
        if present(e) && !out.contains(e) {
            out.push(*e);
        }
    }
    out
}

pub(super) fn write_card(card: &BuilderStatement, depth: usize, out: &mut String) {
    let elements = elements(card);
    out.push_str("{\n");
    for (i, element) in elements.iter().enumerate() {
        indent(out, depth + 1);
        match element {
            Element::Sid => {
                out.push_str("\"Sid\": ");
                out.push_str(&quote(card.sid.as_deref().unwrap_or_default()));
            }
            Element::Effect => {
                out.push_str("\"Effect\": ");
                out.push_str(&quote(card.effect.as_str()));
            }
            Element::Action => {
                let a = &card.actions;
                out.push_str(if a.not_action {
                    "\"NotAction\": "
                } else {
                    "\"Action\": "
                });
                write_values(&a.values, a.as_string, depth + 1, out);
            }
            Element::Resource => {
                let r = &card.resources;
                out.push_str(if r.not_resource {
                    "\"NotResource\": "
                } else {
                    "\"Resource\": "
                });
                write_values(&r.values, r.as_string, depth + 1, out);
            }
            Element::Condition => {
                out.push_str("\"Condition\": ");
                write_conditions(&card.conditions, depth + 1, out);
            }
        }
        out.push_str(if i + 1 < elements.len() { ",\n" } else { "\n" });
    }
    indent(out, depth);
    out.push('}');
}

fn write_values(values: &[String], as_string: bool, depth: usize, out: &mut String) {
    match values {
        [one] if as_string => out.push_str(&quote(one)),
        [] => out.push_str("[]"),
        values => {
            out.push_str("[\n");
            for (i, value) in values.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&quote(value));
                out.push_str(if i + 1 < values.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
    }
}

/// Entries grouped by operator, operators in order of first appearance, keys in entry order.
fn write_conditions(entries: &[ConditionEntry], depth: usize, out: &mut String) {
    let mut operators: Vec<&str> = Vec::new();
    for e in entries {
        if !operators.contains(&e.operator.as_str()) {
            operators.push(&e.operator);
        }
    }
    if operators.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push_str("{\n");
    for (i, operator) in operators.iter().enumerate() {
        indent(out, depth + 1);
        out.push_str(&quote(operator));
        out.push_str(": {\n");
        let keys: Vec<&ConditionEntry> =
            entries.iter().filter(|e| e.operator == *operator).collect();
        for (j, entry) in keys.iter().enumerate() {
            indent(out, depth + 2);
            out.push_str(&quote(&entry.key));
            out.push_str(": ");
            write_values(&entry.values, entry.as_string, depth + 2, out);
            out.push_str(if j + 1 < keys.len() { ",\n" } else { "\n" });
        }
        indent(out, depth + 1);
        out.push('}');
        out.push_str(if i + 1 < operators.len() { ",\n" } else { "\n" });
    }
    indent(out, depth);
    out.push('}');
}

/// A raw member's value in the formatter's layout at `depth`: only white space changes.
fn reformat(value_source: &str, depth: usize) -> String {
    let Ok(formatted) = crate::format::format(value_source, Lang::En) else {
        return value_source.to_owned();
    };
    let pad = "  ".repeat(depth);
    // JSON strings hold no raw line breaks, so every line break is layout.
    formatted
        .trim_end_matches('\n')
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                line.to_owned()
            } else {
                format!("{pad}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Where on the form a finding belongs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Place {
    /// The document as a whole, or a top-level member the form does not show.
    Document,
    Statement {
        index: usize,
        target: Target,
    },
}

/// The part of a card a finding concerns. `value` is the position in the list, when the
/// finding is about one value rather than the whole element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Target {
    /// The card as a whole (a missing element, a duplicated statement).
    Card,
    /// Somewhere in a raw statement's JSON.
    Raw,
    Sid,
    Effect,
    Action {
        value: Option<usize>,
    },
    Resource {
        value: Option<usize>,
    },
    Condition {
        entry: Option<usize>,
        value: Option<usize>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placed {
    pub place: Place,
    pub finding: Finding,
}

/// What the form shows after an edit: the JSON for the editor, its lint report, and each
/// finding placed on its card and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormView {
    pub json: String,
    pub report: LintReport,
    pub placed: Vec<Placed>,
}

/// Writes the document and lints it: the live check after every change on the form.
pub fn check_form(doc: &BuilderDoc, options: &LintOptions) -> FormView {
    let json = to_json(doc);
    let report = lint(&json, options);
    let placed = place_findings(doc, &report.findings);
    FormView {
        json,
        report,
        placed,
    }
}

/// Puts each finding (of the text `to_json(doc)`, or of the text `doc` was read from) on the
/// card and field its pointer names.
pub fn place_findings(doc: &BuilderDoc, findings: &[Finding]) -> Vec<Placed> {
    findings
        .iter()
        .map(|f| Placed {
            place: place(doc, f.path()),
            finding: f.clone(),
        })
        .collect()
}

fn place(doc: &BuilderDoc, pointer: &str) -> Place {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    if tokens.first().map(String::as_str) != Some("Statement") {
        return Place::Document;
    }
    let (index, rest) = if doc.layout.statement_as_object && doc.statements.len() == 1 {
        (0, tokens.get(1..).unwrap_or_default())
    } else {
        match tokens.get(1).and_then(|t| t.parse::<usize>().ok()) {
            Some(index) => (index, tokens.get(2..).unwrap_or_default()),
            None => return Place::Document,
        }
    };
    let Some(slot) = doc.statements.get(index) else {
        return Place::Document;
    };
    let target = match slot {
        Slot::Raw(_) => Target::Raw,
        Slot::Card(card) => target(card, rest),
    };
    Place::Statement { index, target }
}

fn target(card: &BuilderStatement, rest: &[String]) -> Target {
    let position = |i: usize| rest.get(i).and_then(|t| t.parse::<usize>().ok());
    let single = |as_string: bool, len: usize| (as_string && len == 1).then_some(0);
    match rest.first().map(String::as_str) {
        None => Target::Card,
        Some("Sid") => Target::Sid,
        Some("Effect") => Target::Effect,
        Some("Action" | "NotAction") => Target::Action {
            value: position(1).or(single(card.actions.as_string, card.actions.values.len())),
        },
        Some("Resource" | "NotResource") => Target::Resource {
            value: position(1).or(single(
                card.resources.as_string,
                card.resources.values.len(),
            )),
        },
        Some("Condition") => {
            let (operator, key) = (rest.get(1), rest.get(2));
            let entry = match (operator, key) {
                (Some(op), Some(key)) => card
                    .conditions
                    .iter()
                    .position(|e| &e.operator == op && &e.key == key),
                (Some(op), None) => card.conditions.iter().position(|e| &e.operator == op),
                _ => None,
            };
            let value = entry.and_then(|at| {
                let e = card.conditions.get(at)?;
                position(3).or(single(e.as_string, e.values.len()))
            });
            Target::Condition { entry, value }
        }
        Some(_) => Target::Card,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> BuilderDoc {
        match from_json(text) {
            Ok(doc) => doc,
            Err(e) => unreachable!("{e:?}"),
        }
    }

    fn formatted(text: &str) -> String {
        crate::format::format(text, Lang::En).unwrap_or_default()
    }

    #[test]
    fn minified_policies_come_back_formatted() {
        let text = r#"{"Statement":[{"Action":"ecs:*","Effect":"Allow","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"}}}],"Version":"1"}"#;
        let read = doc(text);
        assert!(read.statements.iter().all(|s| s.card().is_some()));
        assert_eq!(to_json(&read), formatted(text));
    }

    #[test]
    fn raw_statements_keep_their_bytes() {
        let text = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"},{"Effect":"Allow","Action":1,"Resource":"*"}, 7]}"#;
        let read = doc(text);
        assert!(
            matches!(read.statements[1], Slot::Raw(ref r) if r.reason == Reason::NotStrings("Action".into()))
        );
        assert!(
            matches!(read.statements[2], Slot::Raw(ref r) if r.reason == Reason::NotAnObject && r.text == "7")
        );
        let out = to_json(&read);
        assert!(
            out.contains(r#"{"Effect":"Allow","Action":1,"Resource":"*"}"#),
            "{out}"
        );
    }

    #[test]
    fn quoting_matches_the_parser() {
        for value in [
            "plain",
            "a\"b",
            "back\\slash",
            "tab\there",
            "\u{1}",
            "读取😀",
        ] {
            let quoted = quote(value);
            let node = json::parse(&quoted).unwrap_or_else(|e| unreachable!("{e:?}"));
            assert_eq!(node.as_str(), Some(value));
        }
    }

    #[test]
    fn findings_land_on_fields() {
        let text = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.1","x"]}}}]}"#;
        let read = doc(text);
        assert_eq!(
            place(&read, "/Statement/0/Condition/IpAddress/acs:SourceIp/1"),
            Place::Statement {
                index: 0,
                target: Target::Condition {
                    entry: Some(0),
                    value: Some(1)
                }
            }
        );
        assert_eq!(
            place(&read, "/Statement/0/Resource"),
            Place::Statement {
                index: 0,
                target: Target::Resource { value: Some(0) }
            }
        );
        assert_eq!(
            place(&read, "/Statement/0/Action/0"),
            Place::Statement {
                index: 0,
                target: Target::Action { value: Some(0) }
            }
        );
        assert_eq!(place(&read, "/Version"), Place::Document);
        assert_eq!(place(&read, "/Statement/9"), Place::Document);
    }
}
