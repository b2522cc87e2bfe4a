//! Cross-account plans: typed inputs in, a checked plan out (findings, artifacts, steps).
//!
//! Each scenario implements one seed document. A scenario declares its input fields (the
//! contract the CLI, the web forms and embeds share), checks the documented limitations, and
//! builds artifacts and ordered steps. The plan then checks itself: every generated policy
//! goes through the linter, and a policy with an error or security finding is withheld; and
//! the scenario's expectations (who may assume the role, what its policies allow and refuse)
//! run through the simulator (`verify`), their results published as the plan's `checks`.
//! `existing` judges a user's existing documents by the same expectations.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

use serde::Serialize;

use crate::finding::{Finding, Lang, Location, Severity};
use crate::lint::{lint, KindChoice, LintOptions};
use crate::tr;

pub mod codes;
pub mod console;
pub mod emr_version;
pub mod existing;
pub mod input;
pub mod labels;
pub mod maxcompute;
pub mod runbook;
pub mod scenarios;
pub mod verify;

pub use existing::{
    check_existing, DocumentKind, ExistingDocument, ExistingReport, ExpectedDocument,
};
pub use input::{FieldKind, FieldSpec, Inputs, ReadAs, RecordSpec, Value};
pub use scenarios::{scenario, ScenarioSpec, SCENARIOS};
pub use verify::{Check, CheckResult, Expectation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArtifactKind {
    TrustPolicy,
    PermissionPolicy,
    SystemPolicies,
    RequiredRoles,
    MaxcomputeSql,
    Runbook,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Artifact {
    pub id: String,
    pub kind: ArtifactKind,
    pub title: String,
    pub filename: String,
    pub content: String,
}

/// Whose console a step happens in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Account {
    /// The account that owns the cluster, project, instance or database.
    Resource,
    /// The account that owns the DataWorks workspace.
    Dataworks,
    /// The single account of a same-account scenario.
    Own,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parameter {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub number: usize,
    pub account: Account,
    pub title: String,
    /// Console and menu path.
    #[serde(rename = "where")]
    pub location: String,
    pub instructions: String,
    /// Form fields to fill, in the order the console shows them.
    pub parameters: Vec<Parameter>,
    /// Ids of the artifacts to paste in this step.
    pub artifacts: Vec<String>,
    /// Ids of artifacts to compare with what the console already shows (nothing to paste).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub compare: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
    /// Things that can go wrong in this step (running tasks may fail, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cautions: Vec<String>,
}

/// A fact the sources do not settle, and what the plan assumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unconfirmed {
    pub about: String,
    pub assumption: String,
    pub source: String,
}

/// Whether a policy attached to a role is one of Alibaba Cloud's or the account's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PolicyType {
    System,
    Custom,
}

impl PolicyType {
    /// The value RAM's `AttachPolicyToRole` and the tools built on it take.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyType::System => "System",
            PolicyType::Custom => "Custom",
        }
    }
}

/// A custom policy the plan creates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RamPolicy {
    pub account: Account,
    pub name: String,
    /// Id of the artifact holding the policy document.
    pub document: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyAttachment {
    pub policy_type: PolicyType,
    pub policy_name: String,
}

/// A role the plan creates, with its trust policy and the policies attached to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RamRole {
    pub account: Account,
    pub name: String,
    /// Id of the artifact holding the trust policy.
    pub trust_policy: String,
    pub attachments: Vec<PolicyAttachment>,
}

/// A role the plan expects a console to create (the exports can only check for it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsoleRole {
    pub account: Account,
    pub name: String,
    pub system_policy: String,
}

/// The RAM resources of a plan as data, for the exports (aliyun CLI, Terraform, ROS): they
/// turn this into commands and templates instead of re-deriving a scenario's logic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RamResources {
    /// Custom policies, in the order they are created.
    pub policies: Vec<RamPolicy>,
    pub roles: Vec<RamRole>,
    pub console_roles: Vec<ConsoleRole>,
    /// Numbers of the steps that creating `policies` and `roles` does: the RAM console
    /// work an export replaces. Every other step stays in the runbook.
    pub steps: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub scenario: &'static str,
    pub inputs: Inputs,
    pub findings: Vec<Finding>,
    pub artifacts: Vec<Artifact>,
    pub steps: Vec<Step>,
    /// What the plan proved about its own documents with the simulator; empty with errors.
    pub checks: Vec<Check>,
    pub unconfirmed: Vec<Unconfirmed>,
    /// Inputs the plan reads otherwise than written, for a form to show beside them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub read_as: Vec<ReadAs>,
    /// The language the plan's texts are in.
    #[serde(skip)]
    pub lang: Lang,
    /// Kept out of the plan's JSON, which is a published contract; empty with errors.
    #[serde(skip)]
    pub resources: RamResources,
}

impl Plan {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Whether an input was refused because it holds what looks like a credential: the
    /// inputs must then not be kept or shared.
    pub fn has_credential(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.code == input::CREDENTIAL_IN_INPUT)
    }

    pub fn artifact(&self, id: &str) -> Option<&Artifact> {
        self.artifacts.iter().find(|a| a.id == id)
    }
}

/// What a scenario's build function fills in.
pub struct Builder {
    pub lang: Lang,
    pub findings: Vec<Finding>,
    pub artifacts: Vec<Artifact>,
    pub steps: Vec<Step>,
    pub unconfirmed: Vec<Unconfirmed>,
    pub resources: RamResources,
    /// What the generated documents must do, checked with the simulator after building.
    pub expectations: Vec<Expectation>,
    /// The expectations, evaluated (filled by the plan after building).
    pub checks: Vec<Check>,
    /// Inputs read otherwise than written (see [`ReadAs`]).
    pub read_as: Vec<ReadAs>,
}

impl Builder {
    pub fn new(lang: Lang) -> Self {
        Builder {
            lang,
            findings: Vec::new(),
            artifacts: Vec::new(),
            steps: Vec::new(),
            unconfirmed: Vec::new(),
            read_as: Vec::new(),
            resources: RamResources::default(),
            expectations: Vec::new(),
            checks: Vec::new(),
        }
    }

    /// Records that the plan reads the input at `field` as `value`, not as written.
    pub fn read_as(&mut self, field: impl Into<String>, value: impl Into<String>) {
        self.read_as.push(ReadAs {
            field: field.into(),
            value: value.into(),
        });
    }

    /// Declares what a generated document must do; an expectation already declared (the
    /// same bucket listed twice) is kept once.
    pub fn expect(&mut self, expectation: Expectation) {
        if !self.expectations.contains(&expectation) {
            self.expectations.push(expectation);
        }
    }

    pub fn finding(
        &mut self,
        code: &'static str,
        severity: Severity,
        field: Option<&str>,
        message: String,
        help: Option<String>,
    ) {
        self.findings.push(
            Finding::new(
                code,
                severity,
                message,
                Location::field(field.unwrap_or_default()),
            )
            .with_help(help),
        );
    }

    pub fn artifact(
        &mut self,
        id: &str,
        kind: ArtifactKind,
        title: String,
        filename: &str,
        content: String,
    ) {
        self.artifacts.push(Artifact {
            id: id.to_owned(),
            kind,
            title,
            filename: filename.to_owned(),
            content,
        });
    }

    /// Adds a step; numbers follow the order of calls.
    pub fn push_step(&mut self, mut step: Step) {
        step.number = self.steps.len() + 1;
        self.steps.push(step);
    }

    /// Adds a step that only creates, edits or attaches the plan's RAM resources, which
    /// the exports do instead.
    pub fn push_ram_step(&mut self, step: Step) {
        self.push_step(step);
        self.resources.steps.push(self.steps.len());
    }

    /// Records a custom policy the plan creates from the artifact `document`.
    pub fn ram_policy(&mut self, account: Account, name: &str, document: &str) {
        self.resources.policies.push(RamPolicy {
            account,
            name: name.to_owned(),
            document: document.to_owned(),
        });
    }

    /// Records a role the plan creates with the trust policy in the artifact `trust_policy`.
    pub fn ram_role(
        &mut self,
        account: Account,
        name: &str,
        trust_policy: &str,
        attachments: &[(PolicyType, &str)],
    ) {
        self.resources.roles.push(RamRole {
            account,
            name: name.to_owned(),
            trust_policy: trust_policy.to_owned(),
            attachments: attachments
                .iter()
                .map(|(policy_type, name)| PolicyAttachment {
                    policy_type: *policy_type,
                    policy_name: (*name).to_owned(),
                })
                .collect(),
        });
    }

    /// Records a role a console creates with its system policy; the plan creates nothing.
    pub fn console_role(&mut self, account: Account, name: &str, system_policy: &str) {
        self.resources.console_roles.push(ConsoleRole {
            account,
            name: name.to_owned(),
            system_policy: system_policy.to_owned(),
        });
    }

    pub fn unconfirmed(&mut self, about: String, assumption: String, source: &str) {
        self.unconfirmed.push(Unconfirmed {
            about,
            assumption,
            source: source.to_owned(),
        });
    }
}

impl Step {
    pub fn new(account: Account, title: String, location: String, instructions: String) -> Self {
        Step {
            number: 0,
            account,
            title,
            location,
            instructions,
            parameters: Vec::new(),
            artifacts: Vec::new(),
            compare: Vec::new(),
            verification: None,
            cautions: Vec::new(),
        }
    }

    /// Shows an artifact to compare against, without asking to paste it.
    pub fn compare_with(&mut self, artifact_id: &str) -> &mut Self {
        self.compare.push(artifact_id.to_owned());
        self
    }

    pub fn param(&mut self, name: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.parameters.push(Parameter {
            name: name.into(),
            value: value.into(),
        });
        self
    }

    pub fn paste(&mut self, artifact_id: &str) -> &mut Self {
        self.artifacts.push(artifact_id.to_owned());
        self
    }

    pub fn verify(&mut self, text: String) -> &mut Self {
        self.verification = Some(text);
        self
    }

    pub fn caution(&mut self, text: String) -> &mut Self {
        self.cautions.push(text);
        self
    }
}

/// Builds the plan for a scenario from input text (JSON). Never panics; unreadable or
/// invalid input becomes findings, and a plan with error findings carries no artifacts.
pub fn plan(scenario_id: &str, input_text: &str, lang: Lang) -> Result<Plan, UnknownScenario> {
    build_plan(scenario_id, input_text, lang, |_| {})
}

/// Like `plan`, but lets a test break the generated documents before the plan checks them.
#[cfg(test)]
pub(crate) fn plan_tampered(
    scenario_id: &str,
    input_text: &str,
    lang: Lang,
    tamper: impl FnOnce(&mut Builder),
) -> Result<Plan, UnknownScenario> {
    build_plan(scenario_id, input_text, lang, tamper)
}

fn build_plan(
    scenario_id: &str,
    input_text: &str,
    lang: Lang,
    tamper: impl FnOnce(&mut Builder),
) -> Result<Plan, UnknownScenario> {
    let spec = scenario(scenario_id).ok_or_else(|| UnknownScenario {
        id: scenario_id.to_owned(),
        suggestion: crate::text::did_you_mean(scenario_id, SCENARIOS.iter().map(|s| s.id)),
    })?;
    let mut builder = Builder::new(lang);
    let (inputs, readable) = input::read(spec, input_text, &mut builder);
    // The scenario's own checks run even when some fields were bad, so that every problem
    // shows at once; the artifacts it builds are then discarded below.
    if readable {
        let input_errors = builder
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error);
        (spec.build)(&inputs, &mut builder);
        tamper(&mut builder);
        if !input_errors {
            self_check(&mut builder);
            verify::verify(&mut builder);
        }
    }
    let errors = builder
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    if errors {
        // No artifact that could be wrong leaves the core.
        builder.artifacts.clear();
        builder.steps.clear();
        builder.checks.clear();
        builder.resources = RamResources::default();
    } else {
        if lang == Lang::Zh {
            // The sources give console labels in English; the Chinese ones are ramplan's.
            builder.unconfirmed(
                "控制台中文名称".to_owned(),
                "步骤中的中文菜单、按钮和字段名称由 ramplan 根据英文文档翻译，可能与控制台实际显示略有不同；如有出入，请以对应的英文名称为准".to_owned(),
                spec.source,
            );
        }
        let runbook = runbook::render(spec, &inputs, &builder);
        builder.artifact(
            "runbook",
            ArtifactKind::Runbook,
            tr!(builder.lang, "Runbook", "操作手册"),
            "runbook.md",
            runbook,
        );
    }
    let mut findings = builder.findings;
    crate::sort::sort_by_key(&mut findings, |f| f.severity);
    Ok(Plan {
        scenario: spec.id,
        inputs,
        findings,
        artifacts: builder.artifacts,
        steps: builder.steps,
        checks: builder.checks,
        unconfirmed: builder.unconfirmed,
        read_as: builder.read_as,
        lang,
        resources: builder.resources,
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownScenario {
    pub id: String,
    pub suggestion: Option<&'static str>,
}

/// Lints every generated policy; one that would not pass is withheld behind an error.
fn self_check(builder: &mut Builder) {
    let mut problems = Vec::new();
    for artifact in &builder.artifacts {
        let kind = match artifact.kind {
            ArtifactKind::TrustPolicy => KindChoice::Trust,
            ArtifactKind::PermissionPolicy => KindChoice::Permission,
            _ => continue,
        };
        let report = lint(
            &artifact.content,
            &LintOptions {
                kind,
                lang: builder.lang,
                ..LintOptions::default()
            },
        );
        for f in report
            .findings
            .iter()
            .filter(|f| matches!(f.severity, Severity::Error | Severity::Security))
        {
            problems.push((artifact.filename.clone(), f.code, f.message.clone()));
        }
    }
    for (file, code, message) in problems {
        let text = tr!(
            builder.lang,
            format!("generated `{file}` fails its own check: {code} {message}"),
            format!("生成的 `{file}` 未通过自检：{code} {message}")
        );
        builder.finding("PL900", Severity::Error, None, text, None);
    }
}

/// A JSON value with object members in the order written, for generated documents:
/// RAM's element order (`Version`, then `Statement`; `Effect`, `Action`, ...) reads better
/// than alphabetical, and the output must be byte-for-byte stable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    pub fn strs<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Json {
        Json::Arr(items.into_iter().map(|s| Json::Str(s.into())).collect())
    }

    pub fn obj<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Obj(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// Two-space indented text ending in a newline.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let pad = |out: &mut String, depth: usize| out.push_str(&"  ".repeat(depth));
        match self {
            Json::Str(s) => out.push_str(&quote(s)),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(members) if members.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    pad(out, depth + 1);
                    item.write(out, depth + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                pad(out, depth);
                out.push(']');
            }
            Json::Obj(members) => {
                out.push_str("{\n");
                for (i, (key, value)) in members.iter().enumerate() {
                    pad(out, depth + 1);
                    out.push_str(&quote(key));
                    out.push_str(": ");
                    value.write(out, depth + 1);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

/// A JSON string literal.
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| String::from("\"\""))
}

/// A scenario as `ramplan scenarios --format json` publishes it: the contract forms are
/// built from.
#[derive(Debug, Serialize)]
pub struct ScenarioDescription {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub source: &'static str,
    pub fields: Vec<FieldDescription>,
}

#[derive(Debug, Serialize)]
pub struct FieldDescription {
    pub name: &'static str,
    pub label: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<&'static str>,
    pub help: &'static str,
    /// The fields of each item, for list fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldDescription>,
}

pub fn describe_scenarios(lang: Lang) -> Vec<ScenarioDescription> {
    SCENARIOS
        .iter()
        .map(|s| ScenarioDescription {
            id: s.id,
            title: lang.pick(s.title_en, s.title_zh),
            summary: lang.pick(s.summary_en, s.summary_zh),
            source: s.source,
            fields: describe_fields(s.fields, lang),
        })
        .collect()
}

fn describe_fields(fields: &'static [FieldSpec], lang: Lang) -> Vec<FieldDescription> {
    fields
        .iter()
        .map(|f| FieldDescription {
            name: f.name,
            label: lang.pick(f.label_en, f.label_zh),
            kind: f.kind.type_name(),
            required: f.required,
            default: f.default.map(|d| match d {
                input::Default::Str(s) => serde_json::Value::from(s),
                input::Default::Bool(b) => serde_json::Value::from(b),
            }),
            values: match &f.kind {
                FieldKind::Choice(values) => values.to_vec(),
                _ => Vec::new(),
            },
            help: lang.pick(f.help_en, f.help_zh),
            fields: match &f.kind {
                FieldKind::Records(RecordSpec { fields: inner, .. }) => {
                    describe_fields(inner, lang)
                }
                _ => Vec::new(),
            },
        })
        .collect()
}

/// The plan as `ramplan plan --format json` prints it.
pub fn to_json(plan: &Plan) -> String {
    let mut text = serde_json::to_string_pretty(plan).unwrap_or_default();
    text.push('\n');
    text
}

/// Test helper for the self-check tests: rewrites one generated artifact before the plan
/// checks it.
#[cfg(test)]
pub(crate) fn rewrite_artifact(builder: &mut Builder, id: &str, rewrite: impl Fn(&str) -> String) {
    for artifact in builder.artifacts.iter_mut().filter(|a| a.id == id) {
        artifact.content = rewrite(&artifact.content);
    }
}

/// Test helper for the self-check tests: the PL901 messages of a plan.
#[cfg(test)]
pub(crate) fn self_check_failures(plan: &Plan) -> Vec<&str> {
    plan.findings
        .iter()
        .filter(|f| f.code == "PL901")
        .map(|f| f.message.as_str())
        .collect()
}

/// Test helper shared by the scenario tests: the findings of one severity, by code and field.
#[cfg(test)]
pub(crate) fn codes_of(plan: &Plan, severity: Severity) -> Vec<(&'static str, Option<&str>)> {
    plan.findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| (f.code, f.field()))
        .collect()
}
