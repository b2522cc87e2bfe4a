//! The policy builder: a permission policy as a list of statement cards that a form edits,
//! kept in step with the JSON text of the policy checker.
//!
//! - [`sync`] reads JSON into a [`BuilderDoc`] and writes it back. A statement the form can
//!   show becomes a [`Slot::Card`]; anything else (a `Principal`, an unknown element, a number
//!   where a string belongs, a duplicated key) stays a [`Slot::Raw`] holding its exact source
//!   text, which is written back byte for byte. Order is kept everywhere: statements, elements
//!   inside a statement, actions, resources, condition operators and keys.
//! - [`edit`] changes a document one user intent at a time, as pure functions.
//! - [`picker`], [`arn_builder`] and [`conditions`] are the data behind the form's fields:
//!   actions by access level and search, ARN shapes per service, condition keys and values.
//! - [`oss_folder`] and [`templates`] build common least-privilege policies, each statement
//!   explained and sourced.
//!
//! The builder makes permission (identity) policies; trust policies stay in the JSON editor.

use serde::{Deserialize, Serialize};

use crate::finding::Lang;

pub mod arn_builder;
pub mod conditions;
pub mod edit;
pub mod oss_folder;
pub mod picker;
pub mod sync;
pub mod templates;

pub use edit::{apply, Edit, EditError};
pub use sync::{
    check_form, from_json, place_findings, to_json, FormView, FromJsonError, Place, Placed, Target,
};

/// A policy document as the builder holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderDoc {
    /// The `Version` string; `None` when the document has none (or one the form cannot
    /// show, which then stays a raw member).
    pub version: Option<String>,
    pub statements: Vec<Slot>,
    /// How the document is laid out beyond what the form shows.
    pub layout: DocLayout,
}

/// A policy with no statement yet: `{"Version": "1", "Statement": []}`.
impl Default for BuilderDoc {
    fn default() -> Self {
        BuilderDoc {
            version: Some("1".to_owned()),
            statements: Vec::new(),
            layout: DocLayout::default(),
        }
    }
}

/// The brief's name for the document the form edits.
pub type BuilderPolicy = BuilderDoc;

/// The top-level members in the order written, and how `Statement` was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocLayout {
    pub members: Vec<TopMember>,
    /// `"Statement": {...}` (one object) rather than an array. Honoured while there is
    /// exactly one statement.
    pub statement_as_object: bool,
}

impl Default for DocLayout {
    fn default() -> Self {
        DocLayout {
            members: vec![TopMember::Version, TopMember::Statement],
            statement_as_object: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TopMember {
    Version,
    Statement,
    /// A member the form does not show (`"Id"`, a misspelt `"version"`, a second
    /// `"Statement"`): the key token and the value exactly as written.
    Raw {
        key_source: String,
        value_source: String,
    },
}

/// One statement: a card the form can show, or raw JSON it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Slot {
    Card(BuilderStatement),
    Raw(RawStatement),
}

impl Slot {
    pub fn representable(&self) -> Representable {
        match self {
            Slot::Card(_) => Representable::Yes,
            Slot::Raw(raw) => Representable::No(raw.reason.clone()),
        }
    }

    pub fn card(&self) -> Option<&BuilderStatement> {
        match self {
            Slot::Card(card) => Some(card),
            Slot::Raw(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Representable {
    Yes,
    No(Reason),
}

/// A statement kept as JSON: its source text, exactly as written, and why the form cannot
/// show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawStatement {
    pub text: String,
    pub reason: Reason,
}

/// Why a statement stays JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// The `Statement` array holds something other than an object.
    NotAnObject,
    /// An element the form has no field for (`Principal`, a misspelling, a wrong case).
    Element(String),
    /// The same element written twice.
    DuplicateElement(String),
    /// `Effect` is missing or is not exactly `Allow` or `Deny`.
    Effect,
    /// Neither `Action` nor `NotAction`.
    MissingAction,
    /// Both `Action` and `NotAction`.
    ActionAndNotAction,
    /// Neither `Resource` nor `NotResource`.
    MissingResource,
    /// Both `Resource` and `NotResource`.
    ResourceAndNotResource,
    /// The element holds something other than a string or an array of strings.
    NotStrings(String),
    /// `Condition` is not an object of operators, each an object of keys, each a string or
    /// an array of strings (or an operator has no key, or a name repeats).
    ConditionShape,
    /// A string is written with escapes (`\u00e9`, `\/`) the form would write differently.
    Escapes,
}

impl Reason {
    /// One line for the raw card, in the style of findings.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::NotAnObject, Lang::En) => "this statement is not a JSON object".to_owned(),
            (Reason::NotAnObject, Lang::Zh) => "此语句不是 JSON 对象".to_owned(),
            (Reason::Element(key), Lang::En) if key == "Principal" => {
                "`Principal` belongs to trust and resource policies; the builder makes permission policies".to_owned()
            }
            (Reason::Element(key), Lang::Zh) if key == "Principal" => {
                "`Principal` 属于信任策略和资源策略；构建器只生成权限策略".to_owned()
            }
            (Reason::Element(key), Lang::En) => format!("the form has no field for `{key}`"),
            (Reason::Element(key), Lang::Zh) => format!("表单没有 `{key}` 字段"),
            (Reason::DuplicateElement(key), Lang::En) => format!("`{key}` is written twice"),
            (Reason::DuplicateElement(key), Lang::Zh) => format!("`{key}` 出现了两次"),
            (Reason::Effect, Lang::En) => {
                "`Effect` is missing or is not exactly `Allow` or `Deny`".to_owned()
            }
            (Reason::Effect, Lang::Zh) => "`Effect` 缺失，或不是 `Allow` / `Deny`".to_owned(),
            (Reason::MissingAction, Lang::En) => "no `Action` or `NotAction`".to_owned(),
            (Reason::MissingAction, Lang::Zh) => "缺少 `Action` 或 `NotAction`".to_owned(),
            (Reason::ActionAndNotAction, Lang::En) => {
                "both `Action` and `NotAction`".to_owned()
            }
            (Reason::ActionAndNotAction, Lang::Zh) => {
                "同时包含 `Action` 和 `NotAction`".to_owned()
            }
            (Reason::MissingResource, Lang::En) => "no `Resource` or `NotResource`".to_owned(),
            (Reason::MissingResource, Lang::Zh) => "缺少 `Resource` 或 `NotResource`".to_owned(),
            (Reason::ResourceAndNotResource, Lang::En) => {
                "both `Resource` and `NotResource`".to_owned()
            }
            (Reason::ResourceAndNotResource, Lang::Zh) => {
                "同时包含 `Resource` 和 `NotResource`".to_owned()
            }
            (Reason::NotStrings(key), Lang::En) => {
                format!("`{key}` holds something other than strings")
            }
            (Reason::NotStrings(key), Lang::Zh) => format!("`{key}` 中含有非字符串的值"),
            (Reason::ConditionShape, Lang::En) => {
                "`Condition` is not operators of keys of strings the form can show".to_owned()
            }
            (Reason::ConditionShape, Lang::Zh) => {
                "`Condition` 的结构不是表单可以显示的“运算符 → 条件键 → 字符串值”".to_owned()
            }
            (Reason::Escapes, Lang::En) => {
                "a string uses escapes (`\\u00e9`, `\\/`) the form would write differently"
                    .to_owned()
            }
            (Reason::Escapes, Lang::Zh) => {
                "字符串使用了转义（`\\u00e9`、`\\/`），表单会以不同方式写出".to_owned()
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    Allow,
    Deny,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

/// A statement the form shows as a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderStatement {
    pub sid: Option<String>,
    pub effect: Effect,
    pub actions: ActionSet,
    pub resources: ResourceSet,
    /// One entry per operator and key, in the order written. Entries with the same operator
    /// are written under one operator object, at the place of the first.
    pub conditions: Vec<ConditionEntry>,
    pub layout: StatementLayout,
}

impl BuilderStatement {
    /// A statement in the canonical layout: `Effect`, `Action`, `Resource`, `Condition`.
    pub fn new(effect: Effect, actions: &[&str], resources: &[&str]) -> Self {
        BuilderStatement {
            sid: None,
            effect,
            actions: ActionSet {
                not_action: false,
                values: actions.iter().map(|a| (*a).to_owned()).collect(),
                as_string: false,
            },
            resources: ResourceSet {
                not_resource: false,
                values: resources.iter().map(|r| (*r).to_owned()).collect(),
                as_string: false,
            },
            conditions: Vec::new(),
            layout: StatementLayout::default(),
        }
    }

    /// Adds a condition entry (builder style, for templates).
    pub fn with_condition(mut self, operator: &str, key: &str, values: &[&str]) -> Self {
        self.conditions.push(ConditionEntry {
            operator: operator.to_owned(),
            key: key.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            as_string: false,
        });
        self
    }
}

/// `Action` or `NotAction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionSet {
    pub not_action: bool,
    pub values: Vec<String>,
    /// Written as one string rather than an array of one; honoured while there is exactly
    /// one value.
    pub as_string: bool,
}

/// `Resource` or `NotResource`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceSet {
    pub not_resource: bool,
    pub values: Vec<String>,
    /// As for [`ActionSet::as_string`].
    pub as_string: bool,
}

/// One key under one operator, with its values (ORed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionEntry {
    pub operator: String,
    pub key: String,
    pub values: Vec<String>,
    /// As for [`ActionSet::as_string`].
    pub as_string: bool,
}

/// The statement's elements in the order written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Element {
    Sid,
    Effect,
    /// `Action` or `NotAction`.
    Action,
    /// `Resource` or `NotResource`.
    Resource,
    Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLayout {
    /// Elements in the order written. An element present in the card but missing here is
    /// written after these, in the canonical order.
    pub order: Vec<Element>,
    /// The statement had `"Condition": {}`; kept while it has no condition entries.
    pub empty_condition: bool,
}

impl Default for StatementLayout {
    fn default() -> Self {
        StatementLayout {
            order: CANONICAL_ORDER.to_vec(),
            empty_condition: false,
        }
    }
}

/// The order ramplan writes new statements in.
pub const CANONICAL_ORDER: [Element; 5] = [
    Element::Sid,
    Element::Effect,
    Element::Action,
    Element::Resource,
    Element::Condition,
];

/// A sentence about one statement a helper or template added: what it is for, where the
/// fact comes from, and whether that source confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The statement's index in the document.
    pub statement: usize,
    pub text_en: String,
    pub text_zh: String,
    pub source: &'static str,
    /// False when the statement goes beyond what the source shows (marked in the text too).
    pub confirmed: bool,
}

impl Explanation {
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.text_en, &self.text_zh)
    }
}
