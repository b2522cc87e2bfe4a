//! Exports: the RAM resources of a plan, or one pasted policy, as an aliyun CLI script
//! (`shell`), Terraform for the alicloud provider (`terraform`) or a ROS template (`ros`).
//!
//! Everything comes from the plan's data: its `resources` (which roles and custom policies,
//! which attachments, in which account, and which steps creating them replaces), its
//! artifacts (the documents, byte for byte) and its steps (the ones an export cannot do,
//! listed by title). A plan with errors has no export, as it has no artifacts.
//!
//! Comments follow the plan's language; commands, arguments and property names do not.

use crate::finding::{Lang, Severity};
use crate::json::{self, Node, Value};
use crate::lint::{lint, KindChoice, LintOptions, LintReport};
use crate::plan::runbook::account_name;
use crate::plan::{Account, ConsoleRole, Plan, PolicyAttachment, PolicyType};
use crate::policy::PolicyKind;
use crate::rules::RULES;
use crate::secrets;
use crate::tr;

mod ros;
mod shell;
mod terraform;

/// The three export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A bash script of `aliyun ram ...` commands.
    Shell,
    /// Terraform for the alicloud provider.
    Terraform,
    /// A Resource Orchestration Service template, in YAML.
    Ros,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Shell, Format::Terraform, Format::Ros];

    /// The short name the CLI takes (`--format sh|tf|ros`, `--to sh|tf|ros`).
    pub fn code(self) -> &'static str {
        match self {
            Format::Shell => "sh",
            Format::Terraform => "tf",
            Format::Ros => "ros",
        }
    }

    pub fn parse(code: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The file name the export is saved under (`--out`, the ZIP bundle, downloads).
    pub fn filename(self) -> &'static str {
        match self {
            Format::Shell => "aliyun-cli.sh",
            Format::Terraform => "main.tf",
            Format::Ros => "ros-template.yaml",
        }
    }
}

/// The plan's RAM resources in `format`, or `None` when the plan has errors.
pub fn plan_export(plan: &Plan, format: Format) -> Option<String> {
    let export = Export::from_plan(plan)?;
    Some(export.render(format))
}

/// How `convert` reads the policy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConvertOptions {
    /// Permission policy (becomes a custom policy), trust policy (becomes a role that
    /// trusts it), or guessed from the document.
    pub kind: KindChoice,
    /// The name of the policy or role; `ramplan-policy` or `ramplan-role` when not given.
    pub name: Option<String>,
    pub lang: Lang,
}

/// Why `convert` produced nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvertError {
    /// The policy, or the name, has error findings (or holds a credential): the whole report,
    /// as `ramplan lint` would show it.
    Refused(LintReport),
    /// The name looks like a credential. It is never shown back.
    CredentialInName,
    /// An OSS bucket policy: it belongs to a bucket (PutBucketPolicy), not to RAM, so there is
    /// no RAM policy or role to create from it.
    BucketPolicy,
}

/// Why `convert` refuses a bucket policy, for every surface to say the same.
pub const BUCKET_POLICY_NOT_CONVERTED: &str = "this is an OSS bucket policy: it is set on the bucket (PutBucketPolicy), not created in RAM, so there is no RAM policy or role to convert it to";

/// The default names of what `convert` creates.
pub const DEFAULT_POLICY_NAME: &str = "ramplan-policy";
pub const DEFAULT_ROLE_NAME: &str = "ramplan-role";

/// One policy document as a custom policy (permission) or as the trust policy of a role
/// (trust), in `format`. The document is linted first, with the name; any error finding,
/// or a credential anywhere, refuses it.
pub fn convert(
    text: &str,
    options: &ConvertOptions,
    format: Format,
) -> Result<String, ConvertError> {
    convert_linted(text, &lint(text, &lint_options(options)), options, format)
}

/// [`convert`] for a text already linted: `unnamed` is `lint(text, …)` with the kind and
/// language of `options` and nothing else (the report the checker shows), so only the name
/// is checked here, not the whole document again. Gives exactly what `convert` gives.
pub fn convert_linted(
    text: &str,
    unnamed: &LintReport,
    options: &ConvertOptions,
    format: Format,
) -> Result<String, ConvertError> {
    if options
        .name
        .as_deref()
        .is_some_and(|n| secrets::find_credential(n).is_some())
    {
        return Err(ConvertError::CredentialInName);
    }
    // The kind lint chose or guessed; the name is checked against the rules for what it
    // will name.
    let kind = unnamed.kind;
    if kind == PolicyKind::BucketPolicy {
        return Err(ConvertError::BucketPolicy);
    }
    let name = options.name.clone().unwrap_or_else(|| {
        match kind {
            PolicyKind::Permission => DEFAULT_POLICY_NAME,
            PolicyKind::Trust | PolicyKind::BucketPolicy => DEFAULT_ROLE_NAME,
        }
        .to_owned()
    });
    let mut named = lint_options(options);
    match kind {
        PolicyKind::Permission => named.policy_name = Some(name.clone()),
        PolicyKind::Trust | PolicyKind::BucketPolicy => named.role_name = Some(name.clone()),
    }
    let report = crate::lint::with_names(unnamed, &named);
    if refuses(&report) {
        return Err(ConvertError::Refused(report));
    }
    let document = Document::new(text).ok_or_else(|| ConvertError::Refused(report.clone()))?;
    let lang = options.lang;
    let kind_name = kind.label(lang);
    let guessed = if report.kind_guessed {
        lang.pick(
            " (guessed from the document; `--kind` chooses)",
            "（根据文档内容推断；可用 `--kind` 指定）",
        )
    } else {
        ""
    };
    let mut section = Section::new(Account::Own, None);
    match kind {
        PolicyKind::Permission => section.policies.push(Policy { name, document }),
        PolicyKind::Trust | PolicyKind::BucketPolicy => section.roles.push(Role {
            name,
            trust: document,
            attachments: Vec::new(),
        }),
    }
    let export = Export {
        lang,
        title: lang.pick("Converted policy", "转换的策略").to_owned(),
        origin: Origin::Convert {
            kind: format!("{kind_name}{guessed}"),
        },
        description: "Created with ramplan convert".to_owned(),
        sections: vec![section],
        covered: Vec::new(),
        uncovered: Vec::new(),
        uncovered_numbers: Vec::new(),
        unconfirmed: Vec::new(),
    };
    Ok(export.render(format))
}

/// The options `convert` lints the document with before the name is known.
fn lint_options(options: &ConvertOptions) -> LintOptions {
    LintOptions {
        kind: options.kind,
        lang: options.lang,
        ..LintOptions::default()
    }
}

fn credential_rule_code() -> Option<&'static str> {
    RULES
        .iter()
        .find(|r| r.meta.name == "credential-in-policy")
        .map(|r| r.meta.code)
}

/// A policy document: the text as given (for the CLI script, which passes it on unchanged)
/// and its tree (for Terraform and ROS, which rewrite it in their own syntax).
struct Document {
    text: String,
    tree: Tree,
}

impl Document {
    fn new(text: &str) -> Option<Document> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim_end();
        let root = json::parse(text).ok()?;
        Some(Document {
            text: text.to_owned(),
            tree: Tree::from_json(&root),
        })
    }
}

struct Policy {
    name: String,
    document: Document,
}

struct Role {
    name: String,
    trust: Document,
    attachments: Vec<PolicyAttachment>,
}

/// What one account creates (or, for `console_roles`, should already have).
struct Section {
    account: Account,
    uid: Option<String>,
    policies: Vec<Policy>,
    roles: Vec<Role>,
    console_roles: Vec<ConsoleRole>,
}

impl Section {
    fn new(account: Account, uid: Option<String>) -> Section {
        Section {
            account,
            uid,
            policies: Vec::new(),
            roles: Vec::new(),
            console_roles: Vec::new(),
        }
    }

    /// `Resource account (B), 6543210987654321`, or just the account's name.
    fn label(&self, lang: Lang) -> String {
        let name = account_name(self.account, lang);
        match &self.uid {
            Some(uid) => format!("{name} · {uid}"),
            None => name,
        }
    }

    fn creates_anything(&self) -> bool {
        !self.policies.is_empty() || !self.roles.is_empty()
    }
}

enum Origin {
    Plan { scenario: &'static str },
    Convert { kind: String },
}

/// Everything the three renderers need, in the plan's language.
struct Export {
    lang: Lang,
    title: String,
    origin: Origin,
    /// The `Description` given to every role and policy created.
    description: String,
    sections: Vec<Section>,
    /// `Step 1 · Resource account (B) · Create the role`: the steps the export does.
    covered: Vec<String>,
    /// The steps that stay in the runbook.
    uncovered: Vec<String>,
    uncovered_numbers: Vec<usize>,
    /// `about: assumption`, from the plan.
    unconfirmed: Vec<String>,
}

impl Export {
    fn from_plan(plan: &Plan) -> Option<Export> {
        if plan.has_errors() {
            return None;
        }
        let lang = plan.lang;
        let spec = crate::plan::scenario(plan.scenario)?;
        let title = lang.pick(spec.title_en, spec.title_zh).to_owned();
        let mut sections: Vec<Section> = Vec::new();
        for account in [Account::Resource, Account::Dataworks, Account::Own] {
            let uid = match account {
                Account::Resource => plan.inputs.str("resource_account_uid"),
                Account::Dataworks => plan.inputs.str("dataworks_account_uid"),
                Account::Own => None,
            };
            let mut section = Section::new(account, uid.map(str::to_owned));
            let resources = &plan.resources;
            for p in resources.policies.iter().filter(|p| p.account == account) {
                let document = Document::new(&plan.artifact(&p.document)?.content)?;
                section.policies.push(Policy {
                    name: p.name.clone(),
                    document,
                });
            }
            for r in resources.roles.iter().filter(|r| r.account == account) {
                let trust = Document::new(&plan.artifact(&r.trust_policy)?.content)?;
                section.roles.push(Role {
                    name: r.name.clone(),
                    trust,
                    attachments: r.attachments.clone(),
                });
            }
            section.console_roles = resources
                .console_roles
                .iter()
                .filter(|r| r.account == account)
                .cloned()
                .collect();
            if section.creates_anything() || !section.console_roles.is_empty() {
                sections.push(section);
            }
        }
        let step_line = |s: &crate::plan::Step| {
            format!(
                "{} {} · {} · {}",
                lang.pick("Step", "步骤"),
                s.number,
                account_name(s.account, lang),
                s.title
            )
        };
        let done = &plan.resources.steps;
        Some(Export {
            lang,
            description: format!("{title} (ramplan {})", plan.scenario),
            title,
            origin: Origin::Plan {
                scenario: plan.scenario,
            },
            sections,
            covered: plan
                .steps
                .iter()
                .filter(|s| done.contains(&s.number))
                .map(step_line)
                .collect(),
            uncovered: plan
                .steps
                .iter()
                .filter(|s| !done.contains(&s.number))
                .map(step_line)
                .collect(),
            uncovered_numbers: plan
                .steps
                .iter()
                .map(|s| s.number)
                .filter(|n| !done.contains(n))
                .collect(),
            unconfirmed: plan
                .unconfirmed
                .iter()
                .map(|u| format!("{}{}{}", u.about, lang.pick(": ", "："), u.assumption))
                .collect(),
        })
    }

    fn render(&self, format: Format) -> String {
        match format {
            Format::Shell => shell::render(self),
            Format::Terraform => terraform::render(self),
            Format::Ros => ros::render(self),
        }
    }

    fn creates_anything(&self) -> bool {
        self.sections.iter().any(Section::creates_anything)
    }

    /// The comment lines every format starts with (without the comment marker); `what`
    /// names the format and `specific` holds its own notes.
    fn header(&self, what: &str, specific: &[String]) -> Vec<String> {
        let mut lines = vec![self.title.clone()];
        lines.push(match &self.origin {
            Origin::Plan { scenario } => tr!(
                self.lang,
                format!("{what}, generated by ramplan from scenario `{scenario}`."),
                format!("{what}，由 ramplan 根据场景 `{scenario}` 生成。")
            ),
            Origin::Convert { kind } => tr!(
                self.lang,
                format!("{what}, generated by `ramplan convert` from a {kind}."),
                format!("{what}，由 `ramplan convert` 根据{kind}生成。")
            ),
        });
        if let Origin::Plan { .. } = self.origin {
            lines.push(String::new());
            if self.covered.is_empty() {
                lines.push(tr!(
                    self.lang,
                    "It does none of the plan's steps for you: every step happens in a console.",
                    "它不能代替计划中的任何步骤：所有步骤都需在控制台中完成。"
                ));
            } else {
                lines.push(tr!(
                    self.lang,
                    "It does these steps of the runbook, creating the RAM resources directly:",
                    "它可代替操作手册中的以下步骤，直接创建所需的 RAM 资源："
                ));
                lines.extend(self.covered.iter().map(|s| format!("  {s}")));
            }
            if !self.uncovered.is_empty() {
                lines.push(tr!(self.lang, "Not covered: these steps need a console or a SQL client; do them by hand as the runbook says:", "不包括以下步骤：它们需要在控制台或 SQL 客户端中完成，请按操作手册手动执行："));
                lines.extend(self.uncovered.iter().map(|s| format!("  {s}")));
            }
        }
        if !specific.is_empty() {
            lines.push(String::new());
            lines.extend(specific.iter().cloned());
        }
        if !self.unconfirmed.is_empty() {
            lines.push(String::new());
            lines.push(tr!(
                self.lang,
                "Not confirmed by the sources (the runbook explains each):",
                "尚未经资料确认的内容（操作手册中有详细说明）："
            ));
            lines.extend(self.unconfirmed.iter().map(|u| format!("- {u}")));
        }
        lines
    }

    /// `Still to do by hand, as the runbook says: steps 4 and 5.`, for the end of the script.
    fn remaining(&self) -> Option<String> {
        let numbers: Vec<String> = self
            .uncovered_numbers
            .iter()
            .map(usize::to_string)
            .collect();
        let (last, rest) = numbers.split_last()?;
        let en = if rest.is_empty() {
            format!("step {last}")
        } else {
            format!("steps {} and {last}", rest.join(", "))
        };
        Some(tr!(
            self.lang,
            format!("Still to do by hand, as the runbook says: {en}."),
            format!("仍需按操作手册手动完成：第 {} 步。", numbers.join("、"))
        ))
    }
}

/// A JSON-like tree whose object members keep their order (with the last of duplicated
/// keys, as RAM reads them), for the formats that rewrite a document.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tree {
    Str(String),
    /// A number, `true`, `false` or `null`, written as in the JSON.
    Literal(String),
    List(Vec<Tree>),
    Map(Vec<(String, Tree)>),
}

impl Tree {
    fn from_json(node: &Node) -> Tree {
        match &node.value {
            Value::Null => Tree::Literal("null".to_owned()),
            Value::Bool(b) => Tree::Literal(b.to_string()),
            Value::Number(n) => Tree::Literal(n.clone()),
            Value::String(s) => Tree::Str(s.clone()),
            Value::Array(items) => Tree::List(items.iter().map(Tree::from_json).collect()),
            Value::Object(members) => Tree::Map(
                members
                    .iter()
                    .enumerate()
                    .filter(|(i, m)| !members.iter().skip(i + 1).any(|later| later.key == m.key))
                    .map(|(_, m)| (m.key.clone(), Tree::from_json(&m.value)))
                    .collect(),
            ),
        }
    }

    fn str(text: impl Into<String>) -> Tree {
        Tree::Str(text.into())
    }

    fn map<K: Into<String>>(members: impl IntoIterator<Item = (K, Tree)>) -> Tree {
        Tree::Map(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    fn get(&self, key: &str) -> Option<&Tree> {
        match self {
            Tree::Map(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// `EMRRole` -> `emr_role`, `emr-oss-access` -> `emr_oss_access`: a Terraform name.
fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let next = chars.get(i + 1).copied();
            let boundary = c.is_ascii_uppercase()
                && prev.is_some_and(|p| {
                    p.is_ascii_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
                });
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out
    } else {
        format!("r_{out}")
    }
}

/// `emr-oss-access` -> `EmrOssAccess`, `EMRRole` -> `EMRRole`: part of a ROS logical ID.
fn pascal_case(name: &str) -> String {
    let mut out = String::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// Makes `name` unique among `taken` by a numeric suffix, and takes it.
fn unique(name: String, taken: &mut Vec<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{name}{n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// `system policy` or `custom policy`, for comments.
fn attachment_label(attachment: &PolicyAttachment, lang: Lang) -> String {
    match attachment.policy_type {
        PolicyType::System => lang.pick("system policy", "系统策略"),
        PolicyType::Custom => lang.pick("custom policy", "自定义策略"),
    }
    .to_owned()
}

/// Whether a lint report stops a conversion: any error, or a credential (a security
/// finding, but nothing ramplan writes may carry one).
pub fn refuses(report: &LintReport) -> bool {
    report.findings.iter().any(refuses_finding)
}

/// Whether this one finding is reason enough to refuse an export: an error, or a credential.
pub fn refuses_finding(finding: &crate::finding::Finding) -> bool {
    finding.severity == Severity::Error || Some(finding.code) == credential_rule_code()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_identifiers() {
        assert_eq!(snake_case("EMRRole"), "emr_role");
        assert_eq!(snake_case("emr-oss-access"), "emr_oss_access");
        assert_eq!(snake_case("DataWorksDIRole"), "data_works_di_role");
        assert_eq!(snake_case("my.role-1"), "my_role_1");
        assert_eq!(snake_case("1role"), "r_1role");
        assert_eq!(pascal_case("emr-oss-access"), "EmrOssAccess");
        assert_eq!(pascal_case("EMRRole"), "EMRRole");
        let mut taken = vec!["a".to_owned()];
        assert_eq!(unique("a".to_owned(), &mut taken), "a2");
        assert_eq!(unique("a".to_owned(), &mut taken), "a3");
    }

    #[test]
    fn duplicate_keys_keep_the_last() {
        let root = json::parse(r#"{"a": "1", "b": "2", "a": "3"}"#).unwrap();
        assert_eq!(
            Tree::from_json(&root),
            Tree::map([("b", Tree::str("2")), ("a", Tree::str("3"))])
        );
    }
}
