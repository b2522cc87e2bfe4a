//! Terraform (`.tf`): the policy arguments of the alicloud provider's RAM and OSS resources
//! and the `alicloud_ram_policy_document` data source, read with hcl-edit (which keeps every
//! node's byte range).
//!
//! A value can be a heredoc (`<<EOF ... EOF`, linted as the text it holds, `${...}` and
//! all), a quoted string (decoded, each byte mapped back to its escape), `jsonencode({...})`
//! (written out as JSON by ramplan, each value mapped back), or `local.NAME` for a local in
//! the same file holding any of these. Anything else (`var.policy`, `file(...)`) is a value
//! ramplan cannot know, reported as skipped.

use std::collections::BTreeMap;
use std::ops::Range;

use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::{Element, Template};
use hcl_edit::Span as _;

use crate::map::{OffsetMap, Piece};
use crate::strings::{self, Flavour};
use crate::tree::{self, placeholder_piece, Member, Node, Value};
use crate::{
    Document, Engine, Extracted, FileReference, Placeholder, PolicyKind, Problem, Skipped, Why,
};

/// The resource arguments that hold a policy document, and the kind of policy each is.
const ARGUMENTS: &[(&str, &str, PolicyKind)] = &[
    (
        "alicloud_ram_policy",
        "policy_document",
        PolicyKind::Permission,
    ),
    // Deprecated since provider v1.114.0, still in published modules.
    ("alicloud_ram_policy", "document", PolicyKind::Permission),
    (
        "alicloud_ram_role",
        "assume_role_policy_document",
        PolicyKind::Trust,
    ),
    // Deprecated since provider v1.252.0.
    ("alicloud_ram_role", "document", PolicyKind::Trust),
    (
        "alicloud_oss_bucket_policy",
        "policy",
        PolicyKind::BucketPolicy,
    ),
    // `alicloud_oss_bucket` has taken a bucket policy as its `policy` argument since long
    // before `alicloud_oss_bucket_policy` existed.
    ("alicloud_oss_bucket", "policy", PolicyKind::BucketPolicy),
];

const DATA_SOURCE: &str = "alicloud_ram_policy_document";

/// How deep `local.a` -> `local.b` -> ... is followed; a cycle stops here.
const MAX_LOCAL_DEPTH: usize = 8;

pub(crate) fn extract(original: &str) -> Extracted {
    // Editors on Windows save a byte-order mark; three spaces in its place keep every byte
    // offset the same, so the ranges found still index the user's file.
    let unmarked = crate::without_bom(original);
    let text = unmarked.as_ref();
    let body = match hcl_edit::parser::parse_body(text) {
        Ok(body) => body,
        Err(error) => {
            let at = error.location().offset().min(text.len());
            let message = error
                .message()
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned();
            return Extracted {
                problems: vec![Problem {
                    message: format!("not valid HCL: {}", lowercase_first(&message)),
                    span: at..at,
                }],
                ..Extracted::default()
            };
        }
    };
    let reader = Reader {
        source: text,
        locals: locals(&body),
    };
    let mut found = Extracted::default();
    // Which kind of policy each data source is, from the arguments that use it.
    let mut data_kinds: BTreeMap<String, PolicyKind> = BTreeMap::new();
    for block in body.blocks() {
        let [kind_label, name_label] = labels(block);
        if !block.has_ident("resource") {
            continue;
        }
        let (Some(resource_type), Some(name)) = (kind_label, name_label) else {
            continue;
        };
        for &(ty, argument, kind) in ARGUMENTS {
            if ty != resource_type {
                continue;
            }
            let Some(attribute) = block.body.get_attribute(argument) else {
                continue;
            };
            let resource = format!("{resource_type}.{name}");
            let mut reads = Vec::new();
            flatten(reader.document(&attribute.value, 0), &mut reads);
            // `cond ? local.a : local.b`, `coalesce(var.policy, local.default)`: every value
            // ramplan can read is checked; the others are Terraform's to fill in.
            let readable = reads.iter().filter(|r| !matches!(r, Read::Unknown)).count();
            let whole = attribute.value.span().unwrap_or(0..0);
            if readable == 0 {
                found.skipped.push(Skipped {
                    resource,
                    attribute: argument.to_owned(),
                    why: Why::Unknowable {
                        expression: shorten(reader.raw(&whole)),
                        engine: Engine::Terraform,
                    },
                    span: whole,
                });
                continue;
            }
            let mut nth = 0;
            for read in reads {
                match read {
                    Read::Document(text, map, placeholders, span) => {
                        nth += 1;
                        let attribute = if readable > 1 {
                            format!("{argument} (value {nth} of {readable})")
                        } else {
                            argument.to_owned()
                        };
                        found.documents.push(Document {
                            resource: resource.clone(),
                            attribute,
                            kind: Some(kind),
                            text,
                            map,
                            placeholders,
                            span,
                        });
                    }
                    Read::DataSource(data_name) => {
                        nth += 1;
                        data_kinds.entry(data_name).or_insert(kind);
                    }
                    Read::File(path, span) => {
                        nth += 1;
                        found.files.push(FileReference {
                            resource: resource.clone(),
                            attribute: argument.to_owned(),
                            kind,
                            path,
                            span,
                        });
                    }
                    Read::Unknown | Read::Choice(_) => {}
                }
            }
        }
    }
    for block in body.blocks() {
        let [kind_label, name_label] = labels(block);
        if !block.has_ident("data") || kind_label != Some(DATA_SOURCE) {
            continue;
        }
        let Some(name) = name_label else { continue };
        let resource = format!("data.{DATA_SOURCE}.{name}");
        let span = block.span().unwrap_or(0..0);
        if let Some(dynamic) = block
            .body
            .get_blocks("dynamic")
            .find(|b| labels(b).first().copied().flatten() == Some("statement"))
        {
            found.skipped.push(Skipped {
                resource: resource.clone(),
                attribute: "statement".to_owned(),
                why: Why::DynamicStatements,
                span: dynamic.span().unwrap_or(span.clone()),
            });
        }
        let node = reader.data_source(block);
        let (writer, placeholders) = tree::to_json(&node, text);
        found.documents.push(Document {
            resource,
            attribute: "document".to_owned(),
            kind: data_kinds.get(name).copied(),
            text: writer.text,
            map: writer.map,
            placeholders,
            span,
        });
    }
    found
}

/// A block's first two labels (`resource "alicloud_ram_policy" "oss_read"`).
fn labels(block: &Block) -> [Option<&str>; 2] {
    let mut labels = block.labels.iter().map(|l| l.as_str());
    [labels.next(), labels.next()]
}

fn locals(body: &Body) -> BTreeMap<String, &Expression> {
    body.get_blocks("locals")
        .flat_map(|block| block.body.attributes())
        .map(|a| (a.key.value().as_str().to_owned(), &a.value))
        .collect()
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An expression on one line, cut to a length a message can hold.
fn shorten(expression: &str) -> String {
    let one_line: String = expression.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 60 {
        let cut: String = one_line.chars().take(57).collect();
        format!("{cut}...")
    } else {
        one_line
    }
}

enum Read {
    /// JSON text, its map, its placeholders, where the value is.
    Document(String, OffsetMap, Vec<Placeholder>, Range<usize>),
    /// `data.alicloud_ram_policy_document.NAME.document`.
    DataSource(String),
    /// An expression ramplan cannot evaluate, as written.
    Unknown,
    /// One of several values (the branches of `?:`, the arguments of `coalesce`).
    Choice(Vec<Read>),
    /// A file of its own, relative to the module's folder, and the call that names it.
    File(String, Range<usize>),
}

fn flatten(read: Read, out: &mut Vec<Read>) {
    match read {
        Read::Choice(reads) => reads.into_iter().for_each(|r| flatten(r, out)),
        other => out.push(other),
    }
}

struct Reader<'a> {
    source: &'a str,
    locals: BTreeMap<String, &'a Expression>,
}

impl<'a> Reader<'a> {
    /// `local.name.field...`: the local's value, walked into its object keys.
    fn local(&self, name: &str, fields: &[&str]) -> Option<&'a Expression> {
        let mut expr: &'a Expression = self.locals.get(name)?;
        for field in fields {
            let Expression::Object(object) = expr else {
                return None;
            };
            expr = object
                .iter()
                .find(|(key, _)| match key {
                    ObjectKey::Ident(ident) => ident.value().as_str() == *field,
                    ObjectKey::Expression(Expression::String(s)) => s.value() == field,
                    ObjectKey::Expression(_) => false,
                })
                .map(|(_, value)| value.expr())?;
        }
        Some(expr)
    }

    /// A path given as `"policy.json"`, `"${path.module}/policy.json"` or
    /// `"${path.module}/${"policy.json"}"`-free literal text: relative to the module's folder,
    /// with no other interpolation and no way out of it (`..`, an absolute path).
    fn module_path(&self, expr: &Expression) -> Option<String> {
        let text = match expr {
            Expression::String(s) => s.value().clone(),
            Expression::StringTemplate(t) => {
                let mut text = String::new();
                for element in t.iter() {
                    match element {
                        Element::Literal(l) => text.push_str(l.value()),
                        Element::Interpolation(i) => {
                            let span = i.expr.span()?;
                            if !matches!(self.raw(&span), "path.module") {
                                return None;
                            }
                            text.push_str("${path.module}");
                        }
                        Element::Directive(_) => return None,
                    }
                }
                text
            }
            _ => return None,
        };
        let rest = text
            .strip_prefix("${path.module}/")
            .unwrap_or(&text)
            .trim_start_matches("./");
        let safe = !rest.is_empty()
            && !rest.starts_with('/')
            && !rest.contains("${")
            && !rest.contains('\\')
            && rest.split('/').all(|part| part != "..");
        safe.then(|| rest.to_owned())
    }

    fn raw(&self, span: &Range<usize>) -> &'a str {
        self.source.get(span.clone()).unwrap_or("")
    }

    /// Reads the value of a policy argument.
    fn document(&self, expr: &Expression, depth: usize) -> Read {
        let span = expr.span().unwrap_or(0..0);
        match expr {
            Expression::HeredocTemplate(heredoc) => {
                // The heredoc's text as it stands in the file, indentation and `${...}`
                // included: JSON ignores the indentation, and the core reads interpolations
                // as placeholders. The text starts after the `<<EOF` line.
                let body = template_range(&heredoc.template).unwrap_or(span.end..span.end);
                let text = self.raw(&body).to_owned();
                let placeholders = template_placeholders(&heredoc.template, self.source);
                Read::Document(
                    text.clone(),
                    OffsetMap::verbatim(body.start, text.len()),
                    placeholders,
                    span,
                )
            }
            Expression::String(_) | Expression::StringTemplate(_) => {
                let inner =
                    span.start.saturating_add(1)..span.end.saturating_sub(1).max(span.start);
                let (text, map) = strings::decode(self.raw(&inner), inner.start, Flavour::Hcl);
                let placeholders = match expr {
                    Expression::StringTemplate(t) => template_placeholders(t, self.source),
                    _ => Vec::new(),
                };
                Read::Document(text, map, placeholders, span)
            }
            Expression::FuncCall(call)
                if call.name.namespace.is_empty()
                    && call.name.name.value().as_str() == "jsonencode"
                    && call.args.len() == 1 =>
            {
                let Some(arg) = call.args.iter().next() else {
                    return Read::Unknown;
                };
                let node = self.value(arg, 0);
                // `jsonencode(var.policy)`: the whole document is a value ramplan cannot know.
                if !matches!(node.value, Value::Object(_) | Value::Array(_)) {
                    return Read::Unknown;
                }
                let (writer, placeholders) = tree::to_json(&node, self.source);
                Read::Document(writer.text, writer.map, placeholders, span)
            }
            Expression::Parenthesis(inner) => self.document(inner.inner(), depth),
            Expression::Conditional(conditional) if depth < MAX_LOCAL_DEPTH => Read::Choice(vec![
                self.document(&conditional.true_expr, depth + 1),
                self.document(&conditional.false_expr, depth + 1),
            ]),
            // `file("${path.module}/policy.json")`, `templatefile("policy.tpl", {...})`: a
            // path the caller can read when it is a literal below the module's folder.
            Expression::FuncCall(call)
                if call.name.namespace.is_empty()
                    && matches!(call.name.name.value().as_str(), "file" | "templatefile") =>
            {
                match call.args.iter().next().and_then(|a| self.module_path(a)) {
                    Some(path) => Read::File(path, span),
                    None => Read::Unknown,
                }
            }
            Expression::FuncCall(call)
                if call.name.namespace.is_empty()
                    && matches!(call.name.name.value().as_str(), "coalesce" | "try")
                    && depth < MAX_LOCAL_DEPTH =>
            {
                Read::Choice(
                    call.args
                        .iter()
                        .map(|a| self.document(a, depth + 1))
                        .collect(),
                )
            }
            Expression::Traversal(traversal) => {
                let path = traversal_path(traversal);
                match path.as_slice() {
                    ["local", name, fields @ ..] if depth < MAX_LOCAL_DEPTH => {
                        match self.local(name, fields) {
                            Some(local) => self.document(local, depth + 1),
                            None => Read::Unknown,
                        }
                    }
                    // `[0]` and `[each.key]` pick an instance of a data source with `count`
                    // or `for_each`; every instance has the statements written here.
                    ["data", DATA_SOURCE, name, "document"] => Read::DataSource((*name).to_owned()),
                    _ => Read::Unknown,
                }
            }
            _ => Read::Unknown,
        }
    }

    /// An HCL value inside `jsonencode(...)` or a data source, as a tree of JSON values.
    fn value(&self, expr: &Expression, depth: usize) -> Node {
        let span = expr.span().unwrap_or(0..0);
        match expr {
            Expression::Null(_) => Node::new(Value::Null, span),
            Expression::Bool(b) => Node::new(Value::Bool(*b.value()), span),
            Expression::Number(n) => {
                let raw = self.raw(&span);
                let written = if raw.is_empty() {
                    n.value().to_string()
                } else {
                    raw.to_owned()
                };
                Node::new(Value::Number(written), span)
            }
            Expression::String(s) => {
                let inner = quoted_inner(&span, self.source);
                Node::text(s.value(), inner, span)
            }
            Expression::StringTemplate(t) => {
                Node::new(Value::String(template_pieces(t, self.source)), span)
            }
            Expression::HeredocTemplate(h) => Node::new(
                Value::String(template_pieces(&h.template, self.source)),
                span,
            ),
            Expression::Array(items) => Node::new(
                Value::Array(items.iter().map(|i| self.value(i, depth + 1)).collect()),
                span,
            ),
            Expression::Object(object) => {
                let members = object
                    .iter()
                    .map(|(key, value)| {
                        let key_span = key.span().unwrap_or(0..0);
                        let key_pieces = match key {
                            ObjectKey::Ident(ident) => vec![Piece {
                                text: ident.value().as_str().to_owned(),
                                file: key_span.clone(),
                            }],
                            ObjectKey::Expression(Expression::String(s)) => vec![Piece {
                                text: s.value().clone(),
                                file: quoted_inner(&key_span, self.source),
                            }],
                            ObjectKey::Expression(Expression::StringTemplate(t)) => {
                                template_pieces(t, self.source)
                            }
                            ObjectKey::Expression(other) => {
                                let inner = other.span().unwrap_or(key_span.clone());
                                vec![placeholder_piece(self.raw(&inner), inner)]
                            }
                        };
                        Member {
                            key: key_pieces,
                            key_file: key_span,
                            value: self.value(value.expr(), depth + 1),
                        }
                    })
                    .collect();
                Node::new(Value::Object(members), span)
            }
            Expression::Parenthesis(inner) => self.value(inner.inner(), depth),
            Expression::Traversal(traversal) if depth < MAX_LOCAL_DEPTH * 8 => {
                // `local.actions` defined in this file: read what it holds.
                match traversal_path(traversal).as_slice() {
                    ["local", name, fields @ ..] => match self.local(name, fields) {
                        // Findings point into the local's value, where the text is.
                        Some(local) => self.value(local, depth + MAX_LOCAL_DEPTH),
                        None => Node::unknown(self.raw(&span), span),
                    },
                    _ => Node::unknown(self.raw(&span), span),
                }
            }
            _ => Node::unknown(self.raw(&span), span),
        }
    }

    /// `data "alicloud_ram_policy_document"` as the JSON the provider makes of it: `Version`
    /// (default "1"), then per `statement` block `Effect` (default "Allow"), `Action` and
    /// `Resource` (one value as a string, more as a list, as the provider writes them),
    /// `Principal` (entity -> identifiers) and `Condition` (operator -> variable -> values).
    /// The provider sorts a principal's identifiers; ramplan keeps the file's order so each
    /// finding points at the identifier it is about.
    fn data_source(&self, block: &Block) -> Node {
        let span = block.span().unwrap_or(0..0);
        let body = &block.body;
        let mut members = Vec::new();
        let version = match body.get_attribute("version") {
            Some(a) => (
                self.value(&a.value, 0),
                a.key.span().unwrap_or(span.clone()),
            ),
            None => (Node::text("1", span.clone(), span.clone()), span.clone()),
        };
        members.push(member("Version", version.1, version.0));
        let statements: Vec<Node> = body
            .get_blocks("statement")
            .map(|statement| self.statement(statement))
            .collect();
        let statements_span = body
            .get_blocks("statement")
            .next()
            .and_then(|b| b.span())
            .unwrap_or(span.clone());
        members.push(member(
            "Statement",
            statements_span,
            Node::new(Value::Array(statements), span.clone()),
        ));
        Node::new(Value::Object(members), span)
    }

    fn statement(&self, block: &Block) -> Node {
        let span = block.span().unwrap_or(0..0);
        let body = &block.body;
        let mut members = Vec::new();
        match body.get_attribute("effect") {
            Some(a) => members.push(member(
                "Effect",
                a.key.span().unwrap_or(span.clone()),
                self.value(&a.value, 0),
            )),
            None => members.push(member(
                "Effect",
                span.clone(),
                Node::text("Allow", span.clone(), span.clone()),
            )),
        }
        for (argument, key) in [("action", "Action"), ("resource", "Resource")] {
            if let Some(a) = body.get_attribute(argument) {
                let value = one_or_all(self.value(&a.value, 0));
                let empty = matches!(&value.value, Value::Array(items) if items.is_empty());
                if key == "Action" || !empty {
                    members.push(member(key, a.key.span().unwrap_or(span.clone()), value));
                }
            }
        }
        let mut principals: Vec<Member> = Vec::new();
        for principal in body.get_blocks("principal") {
            let p_span = principal.span().unwrap_or(span.clone());
            let entity = principal.body.get_attribute("entity");
            let identifiers = principal.body.get_attribute("identifiers");
            let (Some(entity), Some(identifiers)) = (entity, identifiers) else {
                continue;
            };
            let entity_node = self.value(&entity.value, 0);
            let entity_name = entity_node.as_text().unwrap_or_default();
            let ids = self.value(&identifiers.value, 0);
            let ids = match ids.value {
                Value::Array(_) => ids,
                _ => Node::new(Value::Array(vec![ids.clone()]), ids.file.clone()),
            };
            // Several blocks for one entity make one list, as the provider merges them.
            if let Some(existing) = principals
                .iter_mut()
                .find(|m| tree::pieces_text(&m.key) == entity_name)
            {
                if let (Value::Array(have), Value::Array(more)) =
                    (&mut existing.value.value, ids.value)
                {
                    have.extend(more);
                }
                continue;
            }
            let key = match &entity_node.value {
                Value::String(pieces) => pieces.clone(),
                _ => vec![placeholder_piece(
                    self.raw(&entity_node.file),
                    entity_node.file.clone(),
                )],
            };
            principals.push(Member {
                key,
                key_file: entity_node.file.clone(),
                value: Node::new(ids.value, ids.file.clone()),
            });
            let _ = p_span;
        }
        if let Some(first) = body.get_blocks("principal").next() {
            let p_span = first.span().unwrap_or(span.clone());
            members.push(member(
                "Principal",
                p_span.clone(),
                Node::new(Value::Object(principals), p_span),
            ));
        }
        let mut operators: Vec<Member> = Vec::new();
        for condition in body.get_blocks("condition") {
            let c_span = condition.span().unwrap_or(span.clone());
            let attr = |name: &str| condition.body.get_attribute(name);
            let (Some(operator), Some(variable), Some(values)) =
                (attr("operator"), attr("variable"), attr("values"))
            else {
                continue;
            };
            let operator = self.value(&operator.value, 0);
            let variable = self.value(&variable.value, 0);
            let values = one_or_all(self.value(&values.value, 0));
            let variable_member = Member {
                key: key_pieces(&variable, self.source),
                key_file: variable.file.clone(),
                value: values,
            };
            let operator_name = operator.as_text().unwrap_or_default();
            match operators
                .iter_mut()
                .find(|m| tree::pieces_text(&m.key) == operator_name)
            {
                Some(existing) => {
                    if let Value::Object(vars) = &mut existing.value.value {
                        vars.push(variable_member);
                    }
                }
                None => operators.push(Member {
                    key: key_pieces(&operator, self.source),
                    key_file: operator.file.clone(),
                    value: Node::new(Value::Object(vec![variable_member]), c_span),
                }),
            }
        }
        if let Some(first) = body.get_blocks("condition").next() {
            let c_span = first.span().unwrap_or(span.clone());
            members.push(member(
                "Condition",
                c_span.clone(),
                Node::new(Value::Object(operators), c_span),
            ));
        }
        Node::new(Value::Object(members), span)
    }
}

fn member(key: &str, key_file: Range<usize>, value: Node) -> Member {
    Member {
        key: vec![Piece {
            text: key.to_owned(),
            file: key_file.clone(),
        }],
        key_file,
        value,
    }
}

/// A value used as an object key: its string pieces, or a placeholder.
fn key_pieces(node: &Node, source: &str) -> Vec<Piece> {
    match &node.value {
        Value::String(pieces) => pieces.clone(),
        _ => vec![placeholder_piece(
            source.get(node.file.clone()).unwrap_or(""),
            node.file.clone(),
        )],
    }
}

/// A list of one becomes that one value, as the provider writes `Action` and `Resource`.
fn one_or_all(node: Node) -> Node {
    match node.value {
        Value::Array(mut items) if items.len() == 1 => match items.pop() {
            Some(only) => only,
            None => Node::new(Value::Array(Vec::new()), node.file),
        },
        value => Node::new(value, node.file),
    }
}

/// The range inside a quoted string's quotes.
fn quoted_inner(span: &Range<usize>, source: &str) -> Range<usize> {
    let raw = source.get(span.clone()).unwrap_or("");
    if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
        span.start + 1..span.end - 1
    } else {
        span.clone()
    }
}

/// `local.name`, `data.type.name.attr` as its parts; empty when it is not a plain path.
fn traversal_path(traversal: &hcl_edit::expr::Traversal) -> Vec<&str> {
    let Expression::Variable(root) = &traversal.expr else {
        return Vec::new();
    };
    let mut path = vec![root.value().as_str()];
    for operator in &traversal.operators {
        match operator.value() {
            TraversalOperator::GetAttr(name) => path.push(name.value().as_str()),
            // An instance of a resource with `count` or `for_each`.
            TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_)
                if path.len() == 3 && path.first() == Some(&"data") => {}
            _ => return Vec::new(),
        }
    }
    path
}

/// The range of a template's text in the file: from its first element to its last.
fn template_range(template: &Template) -> Option<Range<usize>> {
    let mut spans = template.iter().filter_map(element_span);
    let first = spans.next()?;
    let last = spans.last().unwrap_or(first.clone());
    Some(first.start..last.end.max(first.start))
}

fn element_span(element: &Element) -> Option<Range<usize>> {
    match element {
        Element::Literal(l) => l.span(),
        Element::Interpolation(i) => i.span(),
        Element::Directive(d) => d.span(),
    }
}

/// The `${...}` and `%{...}` of a template, as placeholders.
fn template_placeholders(template: &Template, source: &str) -> Vec<Placeholder> {
    template
        .iter()
        .filter(|e| !e.is_literal())
        .filter_map(element_span)
        .map(|span| Placeholder {
            expression: source.get(span.clone()).unwrap_or("").to_owned(),
            span,
        })
        .collect()
}

/// A string template as pieces: its literal text, and each interpolation as written.
fn template_pieces(template: &Template, source: &str) -> Vec<Piece> {
    template
        .iter()
        .map(|element| {
            let span = element_span(element).unwrap_or(0..0);
            match element {
                Element::Literal(literal) => {
                    // The file holds the literal escaped (`\"`); the piece is what it means.
                    Piece {
                        text: literal.value().clone(),
                        file: span,
                    }
                }
                _ => placeholder_piece(source.get(span.clone()).unwrap_or(""), span),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
