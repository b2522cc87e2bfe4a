//! The typed view of a RAM policy over the JSON tree. Every element keeps its JSON pointer
//! and the node (and so the span) it came from. Element names are matched case-insensitively
//! so that one wrongly cased key (`effect`) is reported once, by the element rule, instead of
//! also producing "missing Effect" and everything that follows from it.

use serde::Serialize;

use crate::json::{pointer_index, pointer_push, Member, Node, Value};
use crate::position::Span;

/// Top-level elements RAM documents.
pub const TOP_LEVEL_ELEMENTS: &[&str] = &["Version", "Statement"];

/// Statement elements RAM documents. `Sid` and `NotResource` are kept here because real
/// policies use them; rules warn that their support is not confirmed.
pub const STATEMENT_ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "Condition",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PolicyKind {
    /// An identity (permission) policy attached to users, groups or roles.
    Permission,
    /// A role's trust policy (`AssumeRolePolicyDocument`).
    Trust,
    /// An OSS bucket policy: a resource policy whose `Principal` lists who may act on the
    /// bucket (`*`, account and RAM user IDs, role sessions).
    #[serde(rename = "bucket-policy")]
    BucketPolicy,
}

impl PolicyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Permission => "permission",
            PolicyKind::Trust => "trust",
            PolicyKind::BucketPolicy => "bucket-policy",
        }
    }

    /// The kind in words, for messages and summaries.
    pub fn label(self, lang: crate::finding::Lang) -> &'static str {
        use crate::i18n::Phrase;
        match self {
            PolicyKind::Permission => Phrase::PermissionPolicy.text(lang),
            PolicyKind::Trust => Phrase::TrustPolicy.text(lang),
            PolicyKind::BucketPolicy => Phrase::BucketPolicy.text(lang),
        }
    }

    /// True for the kinds that carry a `Principal`: trust policies and bucket policies.
    pub fn is_resource_based(self) -> bool {
        matches!(self, PolicyKind::Trust | PolicyKind::BucketPolicy)
    }
}

/// One element as written: its key, the key's span and its value.
#[derive(Debug, Clone, Copy)]
pub struct Field<'n> {
    /// The key exactly as written, which may differ in case from the canonical name.
    pub key: &'n str,
    pub key_span: Span,
    pub node: &'n Node,
}

/// One string value inside an element that takes a string or an array of strings.
#[derive(Debug, Clone)]
pub struct Item<'n> {
    pub value: &'n str,
    pub node: &'n Node,
    /// The element's pointer, shared by its items, and the item's index in the element's
    /// array (none for a lone string): the item's own pointer is only written out for the
    /// few items a finding points at.
    field: std::rc::Rc<str>,
    index: Option<usize>,
}

impl<'n> Item<'n> {
    /// An item that is the whole value at `pointer`.
    pub fn whole(value: &'n str, node: &'n Node, pointer: &str) -> Item<'n> {
        Item {
            value,
            node,
            field: pointer.into(),
            index: None,
        }
    }

    /// The JSON pointer of the value (`/Statement/0/Action/2`).
    pub fn pointer(&self) -> String {
        match self.index {
            Some(i) => pointer_index(&self.field, i),
            None => self.field.to_string(),
        }
    }
}

#[derive(Debug)]
pub struct Policy<'n> {
    pub root: &'n Node,
    pub version: Option<Field<'n>>,
    pub statement: Option<Field<'n>>,
    pub statements: Vec<Statement<'n>>,
}

#[derive(Debug)]
pub struct Statement<'n> {
    /// The statement's place: `/Statement/0`, or `/Statement` for a lone object.
    pub pointer: String,
    pub node: &'n Node,
    pub sid: Option<Field<'n>>,
    pub effect: Option<Field<'n>>,
    pub action: Option<Field<'n>>,
    pub not_action: Option<Field<'n>>,
    pub resource: Option<Field<'n>>,
    pub not_resource: Option<Field<'n>>,
    pub principal: Option<Field<'n>>,
    pub condition: Option<Field<'n>>,
}

/// Finds an element by canonical name: an exact match wins, otherwise the last key that
/// matches ignoring case.
pub fn element<'n>(node: &'n Node, name: &str) -> Option<Field<'n>> {
    let members = node.as_object()?;
    let found = members.iter().rev().find(|m| m.key == name).or_else(|| {
        members
            .iter()
            .rev()
            .find(|m| m.key.eq_ignore_ascii_case(name))
    })?;
    Some(Field::from_member(found))
}

impl<'n> Field<'n> {
    fn from_member(member: &'n Member) -> Self {
        Field {
            key: &member.key,
            key_span: member.key_span,
            node: &member.value,
        }
    }

    /// The pointer of this element inside its parent.
    pub fn pointer(&self, parent: &str) -> String {
        pointer_push(parent, self.key)
    }

    /// The string values of an element that takes a string or an array of strings. Values
    /// of other types are skipped here; the value-type rule reports them.
    pub fn strings(&self, parent: &str) -> Vec<Item<'n>> {
        let pointer = self.pointer(parent);
        strings_of(self.node, &pointer)
    }
}

pub fn strings_of<'n>(node: &'n Node, pointer: &str) -> Vec<Item<'n>> {
    match &node.value {
        Value::String(s) => vec![Item::whole(s, node, pointer)],
        Value::Array(items) => {
            let field: std::rc::Rc<str> = pointer.into();
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    item.as_str().map(|s| Item {
                        value: s,
                        node: item,
                        field: field.clone(),
                        index: Some(i),
                    })
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

impl<'n> Policy<'n> {
    pub fn from_root(root: &'n Node) -> Self {
        let version = element(root, "Version");
        let statement = element(root, "Statement");
        let mut statements = Vec::new();
        if let Some(field) = statement {
            let base = field.pointer("");
            match &field.node.value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if item.as_object().is_some() {
                            statements.push(Statement::new(item, pointer_index(&base, i)));
                        }
                    }
                }
                Value::Object(_) => statements.push(Statement::new(field.node, base)),
                _ => {}
            }
        }
        Policy {
            root,
            version,
            statement,
            statements,
        }
    }

    /// Guesses the kind. A statement that grants `sts:AssumeRole` to a `Principal`, or grants
    /// it without naming a resource, makes a trust policy; so does a `Principal` with no
    /// `Resource`. A permission policy that lets a user assume roles names the role in
    /// `Resource`, and one with a stray `Principal` still names resources, so both stay
    /// permission policies (where the principal rule reports the stray element).
    pub fn guess_kind(&self) -> PolicyKind {
        let trust_like = self.statements.iter().any(|s| {
            let no_resource = s.resource.is_none() && s.not_resource.is_none();
            let assume = s.action.is_some_and(|a| {
                strings_of(a.node, "")
                    .iter()
                    .any(|i| i.value.trim().eq_ignore_ascii_case("sts:AssumeRole"))
            });
            (s.principal.is_some() && (assume || no_resource)) || (assume && no_resource)
        });
        // OSS writes a bucket policy's principal as a string or a list of strings (UIDs,
        // `*`); RAM's resource policies use a map (`{"RAM": [...]}`).
        let bucket_like = self.statements.iter().any(|s| {
            s.principal.is_some_and(|principal| {
                matches!(principal.node.value, Value::String(_) | Value::Array(_))
            })
        });
        if trust_like {
            PolicyKind::Trust
        } else if bucket_like {
            PolicyKind::BucketPolicy
        } else {
            PolicyKind::Permission
        }
    }
}

impl<'n> Statement<'n> {
    fn new(node: &'n Node, pointer: String) -> Self {
        Statement {
            pointer,
            node,
            sid: element(node, "Sid"),
            effect: element(node, "Effect"),
            action: element(node, "Action"),
            not_action: element(node, "NotAction"),
            resource: element(node, "Resource"),
            not_resource: element(node, "NotResource"),
            principal: element(node, "Principal"),
            condition: element(node, "Condition"),
        }
    }

    /// The effect when it is exactly `Allow` or `Deny`.
    pub fn effect(&self) -> Option<Effect> {
        match self.effect?.node.as_str()? {
            "Allow" => Some(Effect::Allow),
            "Deny" => Some(Effect::Deny),
            _ => None,
        }
    }

    pub fn is_allow(&self) -> bool {
        self.effect() == Some(Effect::Allow)
    }

    /// The action strings of `Action` (not `NotAction`).
    pub fn actions(&self) -> Vec<Item<'n>> {
        self.action
            .map(|f| f.strings(&self.pointer))
            .unwrap_or_default()
    }

    pub fn resources(&self) -> Vec<Item<'n>> {
        self.resource
            .map(|f| f.strings(&self.pointer))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Effect {
    Allow,
    Deny,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn reads_statements_from_array_or_object() {
        let root = parse(r#"{"Version":"1","Statement":[{"Effect":"Allow"},1,{"effect":"Deny"}]}"#)
            .unwrap();
        let policy = Policy::from_root(&root);
        assert_eq!(policy.statements.len(), 2);
        assert_eq!(policy.statements[0].pointer, "/Statement/0");
        assert_eq!(policy.statements[1].pointer, "/Statement/2");
        assert_eq!(policy.statements[1].effect.unwrap().key, "effect");

        let root = parse(r#"{"Statement":{"Effect":"Allow"}}"#).unwrap();
        let policy = Policy::from_root(&root);
        assert_eq!(policy.statements[0].pointer, "/Statement");
    }

    #[test]
    fn exact_key_wins_over_wrong_case() {
        let root = parse(r#"{"Effect":"Allow","effect":"Deny"}"#).unwrap();
        assert_eq!(
            element(&root, "Effect").unwrap().node.as_str(),
            Some("Allow")
        );
    }

    #[test]
    fn guesses_kind() {
        let guess = |text: &str| Policy::from_root(&parse(text).unwrap()).guess_kind();
        assert_eq!(
            guess(
                r#"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1234567890123456:root"}}]}"#
            ),
            PolicyKind::Trust
        );
        assert_eq!(
            guess(r#"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"#),
            PolicyKind::Trust
        );
        assert_eq!(
            guess(
                r#"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"acs:ram::1234567890123456:role/r"}]}"#
            ),
            PolicyKind::Permission
        );
        assert_eq!(guess(r#"{"Statement":[]}"#), PolicyKind::Permission);
        assert_eq!(
            guess(
                r#"{"Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*","Principal":{"RAM":"acs:ram::1234567890123456:root"}}]}"#
            ),
            PolicyKind::Permission
        );
        assert_eq!(
            guess(
                r#"{"Statement":[{"Effect":"Allow","Action":"sts:*","Principal":{"RAM":"acs:ram::1234567890123456:root"}}]}"#
            ),
            PolicyKind::Trust
        );
    }
}
