//! Scenario inputs: the declared fields, and reading a JSON input document against them.
//!
//! Reading never stops at the first problem: every unknown field, missing field, wrong type
//! and bad value becomes a finding naming the field. A value that looks like a credential is
//! an error and is dropped, so it can appear in no output.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::arn;
use crate::finding::{Finding, Location};
use crate::finding::{Lang, Severity};
use crate::json::{self, Member, Node, Value as JsonValue};
use crate::limits::{self, NameProblem};
use crate::plan::emr_version::EmrVersion;
use crate::plan::{Builder, ScenarioSpec};

use crate::position::LineIndex;
use crate::secrets;
use crate::text::did_you_mean;
use crate::tr;

/// The code of an input refused because it holds what looks like a credential.
pub(crate) const CREDENTIAL_IN_INPUT: &str = "PL005";

/// A list field's items: their fields, and what one item is called ("grant", "OSS bucket")
/// where a form adds or names one.
#[derive(Debug)]
pub struct RecordSpec {
    pub fields: &'static [FieldSpec],
    pub item_en: &'static str,
    pub item_zh: &'static str,
}

impl RecordSpec {
    /// One item, numbered from 1 as a form shows it: "Grant 2" / "授权 第 2 项".
    pub fn item_label(&self, number: usize, lang: Lang) -> String {
        match lang {
            Lang::En => {
                let mut chars = self.item_en.chars();
                let first: String = chars
                    .next()
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default();
                format!("{first}{} {number}", chars.as_str())
            }
            Lang::Zh => format!("{} 第 {number} 项", self.item_zh),
        }
    }

    /// "Add grant" / "添加授权".
    pub fn add_label(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Add {}", self.item_en),
            Lang::Zh => format!("添加{}", self.item_zh),
        }
    }
}

/// One input field of a scenario: the contract forms and embeds are built from.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub label_en: &'static str,
    pub label_zh: &'static str,
    /// What the value is and where to find it.
    pub help_en: &'static str,
    pub help_zh: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    pub default: Option<Default>,
}

#[derive(Debug, Clone, Copy)]
pub enum Default {
    Str(&'static str),
    Bool(bool),
}

#[derive(Debug)]
pub enum FieldKind {
    /// Free text; the scenario checks its shape.
    Text,
    /// A 16-digit Alibaba Cloud account ID.
    AccountUid,
    Bool,
    /// One of a fixed list (matched ignoring case, stored as listed).
    Choice(&'static [&'static str]),
    /// An E-MapReduce version: `V3.38.3`, `EMR-3.38.3` or `3.38.3`.
    EmrVersion,
    /// A region ID such as `cn-hangzhou`.
    Region,
    RoleName,
    PolicyName,
    /// A list of strings (a single string counts as a list of one).
    StringList,
    /// A list of objects with these fields.
    Records(&'static RecordSpec),
}

impl FieldKind {
    /// The type name published by `ramplan scenarios`.
    pub fn type_name(&self) -> &'static str {
        match self {
            FieldKind::Text => "string",
            FieldKind::AccountUid => "account-uid",
            FieldKind::Bool => "boolean",
            FieldKind::Choice(_) => "choice",
            FieldKind::EmrVersion => "emr-version",
            FieldKind::Region => "region",
            FieldKind::RoleName => "role-name",
            FieldKind::PolicyName => "policy-name",
            FieldKind::StringList => "string-list",
            FieldKind::Records(_) => "list",
        }
    }
}

/// A normalised input value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Str(String),
    Bool(bool),
    Strings(Vec<String>),
    Records(Vec<Record>),
}

/// One object of a `Records` field, its fields in declared order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub values: Vec<(&'static str, Value)>,
}

/// The normalised inputs of a plan, in declared field order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inputs {
    pub values: Vec<(&'static str, Value)>,
}

impl Record {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn bool(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Value::Bool(true)))
    }

    pub fn strings(&self, name: &str) -> &[String] {
        match self.get(name) {
            Some(Value::Strings(items)) => items,
            _ => &[],
        }
    }

    pub fn records(&self, name: &str) -> &[Record] {
        match self.get(name) {
            Some(Value::Records(items)) => items,
            _ => &[],
        }
    }
}

impl Inputs {
    fn as_record(&self) -> Record {
        Record {
            values: self.values.clone(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A string field that reading guaranteed (required or defaulted); empty if absent.
    pub fn text(&self, name: &str) -> &str {
        self.str(name).unwrap_or_default()
    }

    pub fn bool(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Value::Bool(true)))
    }

    pub fn records(&self, name: &str) -> &[Record] {
        match self.get(name) {
            Some(Value::Records(items)) => items,
            _ => &[],
        }
    }

    pub fn strings(&self, name: &str) -> Vec<String> {
        self.as_record().strings(name).to_vec()
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Str(s) => serializer.serialize_str(s),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Strings(items) => items.serialize(serializer),
            Value::Records(records) => {
                let mut seq = serializer.serialize_seq(Some(records.len()))?;
                for record in records {
                    seq.serialize_element(record)?;
                }
                seq.end()
            }
        }
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (name, value) in &self.values {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Serialize for Inputs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (name, value) in &self.values {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// Reads the input document against the scenario's fields. The flag says whether the
/// document was a readable JSON object at all.
pub fn read(spec: &ScenarioSpec, text: &str, builder: &mut Builder) -> (Inputs, bool) {
    let index = LineIndex::new(text);
    let mut reader = Reader {
        lang: builder.lang,
        index: &index,
        findings: Vec::new(),
        read_as: Vec::new(),
    };
    let readable;
    let values = match json::parse(text) {
        Err(error) => {
            // The parser's wording for syntax errors, under the plan's own code.
            let why = error.message(builder.lang);
            let message = tr!(
                reader.lang,
                format!("the input is not valid JSON: {why}"),
                format!("输入不是有效的 JSON：{why}")
            );
            reader.findings.push(
                Finding::new("PL001", Severity::Error, message, Location::field(""))
                    .with_span(Some(index.range(error.span(text)))),
            );
            readable = false;
            Vec::new()
        }
        Ok(root) => {
            readable = root.as_object().is_some();
            reader.object(&root, spec.fields, "")
        }
    };
    builder.findings.append(&mut reader.findings);
    builder.read_as.append(&mut reader.read_as);
    (Inputs { values }, readable)
}

struct Reader<'a> {
    lang: Lang,
    index: &'a LineIndex<'a>,
    findings: Vec<Finding>,
    read_as: Vec<ReadAs>,
}

/// An input the plan reads otherwise than written: `emr_version` `5.16` as `V5.16.0`, a
/// folder prefix `/warehouse` as `warehouse/`. Forms show it beside the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadAs {
    /// The input's path (`oss_buckets[0].prefix`).
    pub field: String,
    /// The value as the plan uses it.
    pub value: String,
}

impl Reader<'_> {
    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        field: &str,
        node: Option<&Node>,
        message: String,
        help: Option<String>,
    ) {
        self.findings.push(
            Finding::new(code, severity, message, Location::field(field))
                .with_span(node.map(|n| self.index.range(n.span)))
                .with_help(help),
        );
    }

    /// Reads an object against fields; `prefix` names the enclosing list item.
    fn object(
        &mut self,
        node: &Node,
        fields: &'static [FieldSpec],
        prefix: &str,
    ) -> Vec<(&'static str, Value)> {
        let Some(members) = node.as_object() else {
            let message = tr!(
                self.lang,
                format!(
                    "expected a JSON object of input fields, found {}",
                    node.type_name()
                ),
                format!(
                    "输入应为包含各字段的 JSON 对象，实际为 {}",
                    node.type_name()
                )
            );
            self.push("PL003", Severity::Error, prefix, Some(node), message, None);
            return Vec::new();
        };
        let mut seen = std::collections::HashSet::with_capacity(members.len());
        for member in members {
            let path = join(prefix, &member.key);
            if !seen.insert(member.key.as_str()) {
                let message = tr!(
                    self.lang,
                    format!("`{}` is given twice; the last value is used", member.key),
                    format!("`{}` 出现了两次；将使用最后一个值", member.key)
                );
                self.push(
                    "PL008",
                    Severity::Warning,
                    &path,
                    Some(&member.value),
                    message,
                    None,
                );
            }
            if fields.iter().any(|f| f.name == member.key) {
                continue;
            }
            let message = tr!(
                self.lang,
                format!("unknown field `{}`", member.key),
                format!("未知字段 `{}`", member.key)
            );
            let help = did_you_mean(&member.key, fields.iter().map(|f| f.name))
                .map(|s| crate::i18n::did_you_mean(s, self.lang));
            self.push(
                "PL002",
                Severity::Warning,
                &path,
                Some(&member.value),
                message,
                help,
            );
        }
        let mut values = Vec::new();
        for field in fields {
            let path = join(prefix, field.name);
            let member: Option<&Member> = members.iter().rev().find(|m| m.key == field.name);
            let value = match member {
                Some(m) if !matches!(m.value.value, JsonValue::Null) => {
                    self.value(field, &m.value, &path)
                }
                _ => match field.default {
                    Some(Default::Str(s)) => Some(Value::Str(s.to_owned())),
                    Some(Default::Bool(b)) => Some(Value::Bool(b)),
                    None if field.required => {
                        let message = tr!(
                            self.lang,
                            format!("`{path}` is required"),
                            format!("缺少必填字段 `{path}`")
                        );
                        let help = Some(self.lang.pick(field.help_en, field.help_zh).to_owned());
                        self.push(
                            crate::plan::labels::MISSING_INPUT,
                            Severity::Error,
                            &path,
                            None,
                            message,
                            help,
                        );
                        None
                    }
                    None => None,
                },
            };
            if let Some(value) = value {
                values.push((field.name, value));
            }
        }
        values
    }

    fn value(&mut self, field: &'static FieldSpec, node: &Node, path: &str) -> Option<Value> {
        match &field.kind {
            FieldKind::Bool => match node.value {
                JsonValue::Bool(b) => Some(Value::Bool(b)),
                _ => {
                    self.wrong_type(path, node, "true or false", "true 或 false");
                    None
                }
            },
            FieldKind::StringList => match &node.value {
                JsonValue::String(_) => self
                    .string(field, node, path)
                    .map(|s| Value::Strings(vec![s])),
                JsonValue::Array(items) => {
                    let mut out = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        let item_path = format!("{path}[{i}]");
                        if item.as_str().is_none() {
                            self.wrong_type(&item_path, item, "a string", "字符串");
                            continue;
                        }
                        if let Some(s) = self.string(field, item, &item_path) {
                            out.push(s);
                        }
                    }
                    Some(Value::Strings(out))
                }
                _ => {
                    self.wrong_type(path, node, "a list of strings", "字符串列表");
                    None
                }
            },
            FieldKind::Records(RecordSpec { fields, .. }) => {
                let Some(items) = node.as_array() else {
                    self.wrong_type(path, node, "a list of objects", "对象列表");
                    return None;
                };
                let records = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| Record {
                        values: self.object(item, fields, &format!("{path}[{i}]")),
                    })
                    .collect();
                Some(Value::Records(records))
            }
            _ => {
                if node.as_str().is_none() {
                    self.wrong_type(path, node, "a string", "字符串");
                    return None;
                }
                self.string(field, node, path).map(Value::Str)
            }
        }
    }

    fn wrong_type(&mut self, path: &str, node: &Node, want_en: &str, want_zh: &str) {
        let message = tr!(
            self.lang,
            format!("`{path}` must be {want_en}, found {}", node.type_name()),
            format!("`{path}` 应为{want_zh}，实际为 {}", node.type_name())
        );
        self.push("PL003", Severity::Error, path, Some(node), message, None);
    }

    /// Checks a string value for credentials and against its field kind; returns the
    /// normalised value.
    /// A string value as the plan uses it; when that differs from what was written (a version
    /// `5.16` read as `V5.16.0`, a region in capitals), the reading is recorded for the form
    /// to show.
    fn string(&mut self, field: &FieldSpec, node: &Node, path: &str) -> Option<String> {
        let read = self.string_as_read(field, node, path)?;
        if node.as_str().is_some_and(|raw| raw.trim() != read) {
            self.read_as.push(ReadAs {
                field: path.to_owned(),
                value: read.clone(),
            });
        }
        Some(read)
    }

    fn string_as_read(&mut self, field: &FieldSpec, node: &Node, path: &str) -> Option<String> {
        let raw = node.as_str()?;
        if let Some(found) = secrets::find_credential(raw) {
            let message = tr!(self.lang, format!("`{path}` looks like it holds {}; ramplan never takes credentials, and the value was discarded", found.kind.describe_en()), format!("`{path}` 中疑似包含{}；ramplan 从不接收凭据，该值已被丢弃", found.kind.describe_zh()));
            let help = tr!(
                self.lang,
                "if this is a real key, disable and rotate it",
                "如果这是真实密钥，请立即禁用并轮换"
            );
            self.push(
                CREDENTIAL_IN_INPUT,
                Severity::Error,
                path,
                Some(node),
                message,
                Some(help),
            );
            return None;
        }
        let value = raw.trim();
        if value.is_empty() {
            let message = tr!(
                self.lang,
                format!("`{path}` is empty"),
                format!("`{path}` 为空")
            );
            self.push(
                crate::plan::labels::MISSING_INPUT,
                Severity::Error,
                path,
                Some(node),
                message,
                None,
            );
            return None;
        }
        if value.chars().any(char::is_control) {
            let message = tr!(
                self.lang,
                format!("`{path}` contains a control character"),
                format!("`{path}` 包含控制字符")
            );
            self.push("PL003", Severity::Error, path, Some(node), message, None);
            return None;
        }
        match &field.kind {
            FieldKind::AccountUid => {
                if arn::is_account_id(value) {
                    return Some(value.to_owned());
                }
                let (en, zh) = if arn::looks_like_placeholder(value) {
                    ("is a masked or placeholder value", "是脱敏值或占位符")
                } else {
                    ("is not a 16-digit account ID", "不是 16 位账号 ID")
                };
                let message = tr!(
                    self.lang,
                    format!("`{path}` `{}` {en}", crate::text::clip(value)),
                    format!("`{path}` 的值 `{}` {zh}", crate::text::clip(value))
                );
                let help = Some(tr!(self.lang, "log on with that account and hover over the profile picture in the console's top bar to see its ID", "用该账号登录控制台，将鼠标悬停在右上角头像上即可看到账号 ID"));
                self.push("PL006", Severity::Error, path, Some(node), message, help);
                None
            }
            FieldKind::Choice(choices) => {
                if let Some(choice) = choices.iter().find(|c| c.eq_ignore_ascii_case(value)) {
                    return Some((*choice).to_owned());
                }
                let list = choices
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let message = tr!(
                    self.lang,
                    format!("`{path}` must be one of {list}, found `{value}`"),
                    format!("`{path}` 必须是 {list} 之一，实际为 `{value}`")
                );
                let help = did_you_mean(value, choices.iter().copied())
                    .map(|s| crate::i18n::did_you_mean(s, self.lang));
                self.push("PL007", Severity::Error, path, Some(node), message, help);
                None
            }
            FieldKind::EmrVersion => match EmrVersion::parse(value) {
                Some(version) => Some(version.to_string()),
                None => {
                    let message = tr!(
                        self.lang,
                        format!("`{path}` `{value}` is not an E-MapReduce version"),
                        format!("`{path}` 的值 `{value}` 不是 E-MapReduce 版本号")
                    );
                    let help = Some(tr!(
                        self.lang,
                        "write it as `V3.38.3`, `EMR-3.38.3` or `3.38.3`",
                        "请写作 `V3.38.3`、`EMR-3.38.3` 或 `3.38.3`"
                    ));
                    self.push("PL010", Severity::Error, path, Some(node), message, help);
                    None
                }
            },
            FieldKind::Region => {
                let lower = value.to_ascii_lowercase();
                if is_region(&lower) {
                    return Some(lower);
                }
                let message = tr!(
                    self.lang,
                    format!("`{path}` `{value}` is not a region ID"),
                    format!("`{path}` 的值 `{value}` 不是地域 ID")
                );
                let help = Some(tr!(self.lang, "region IDs look like `cn-hangzhou` or `ap-southeast-1`; the console's top bar shows the current one", "地域 ID 形如 `cn-hangzhou`、`ap-southeast-1`；控制台顶部导航栏会显示当前地域"));
                self.push("PL011", Severity::Error, path, Some(node), message, help);
                None
            }
            FieldKind::RoleName => self.name(
                path,
                node,
                value,
                limits::check_role_name(value),
                "PL012",
                "role name",
                "角色名称",
            ),
            FieldKind::PolicyName => self.name(
                path,
                node,
                value,
                limits::check_policy_name(value),
                "PL013",
                "policy name",
                "策略名称",
            ),
            FieldKind::Text | FieldKind::StringList => Some(value.to_owned()),
            FieldKind::Bool | FieldKind::Records(_) => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn name(
        &mut self,
        path: &str,
        node: &Node,
        value: &str,
        problem: Option<NameProblem>,
        code: &'static str,
        what_en: &str,
        what_zh: &str,
    ) -> Option<String> {
        let Some(problem) = problem else {
            return Some(value.to_owned());
        };
        let (en, zh, severity) = match problem {
            NameProblem::Empty => ("is empty".to_owned(), "为空".to_owned(), Severity::Error),
            NameProblem::TooLong { length, max } => (
                format!("is {length} characters, over the limit of {max}"),
                format!("长 {length} 个字符，超出 {max} 的上限"),
                Severity::Error,
            ),
            NameProblem::BadCharacter(c) => (
                format!("contains `{c}`, which RAM does not allow"),
                format!("包含 RAM 不允许的字符 `{c}`"),
                Severity::Error,
            ),
            NameProblem::Underscore => (
                "contains `_`, which the CreateRole API does not list (older ROS and Terraform docs allow it)".to_owned(),
                "包含 CreateRole API 未列出的字符 `_`（较早的 ROS 和 Terraform 文档允许）".to_owned(),
                Severity::Warning,
            ),
        };
        let message = tr!(
            self.lang,
            format!("the {what_en} `{value}` {en}"),
            format!("{what_zh} `{value}` {zh}")
        );
        self.push(code, severity, path, Some(node), message, None);
        (severity != Severity::Error).then(|| value.to_owned())
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// `cn-hangzhou`, `ap-southeast-1`, `cn-shanghai-finance-1`.
fn is_region(text: &str) -> bool {
    let mut parts = text.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_lowercase()));
    let rest: Vec<&str> = parts.collect();
    first_ok
        && (1..=4).contains(&rest.len())
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions() {
        for ok in [
            "cn-hangzhou",
            "ap-southeast-1",
            "cn-shanghai-finance-1",
            "us-west-1",
        ] {
            assert!(is_region(ok), "{ok}");
        }
        for bad in [
            "hangzhou",
            "cn_hangzhou",
            "cn-",
            "CN-hangzhou",
            "c-hangzhou",
            "",
        ] {
            assert!(!is_region(bad), "{bad}");
        }
    }
}
