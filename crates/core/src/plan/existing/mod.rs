//! Check an existing setup: the trust policy (and permission policy) a role has today,
//! judged against what a scenario needs. The plan is built from the inputs as usual; its
//! expectations (`plan::verify`) then run against the pasted documents with the simulator,
//! and every difference becomes a finding in the scenario's words: the principal uses
//! `@engine.dataworks.aliyuncs.com` where registering an EMR cluster needs
//! `@emr.dataworks.aliyuncs.com`, it names the resource account instead of the DataWorks
//! account, the OSS policy lacks the `bucket/*` resource.
//!
//! A document's kind is guessed as the linter guesses it (`Policy::guess_kind`) unless the
//! caller says. Permission policies are evaluated together, as RAM evaluates the policies
//! attached to one role; each trust policy is evaluated on its own.
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means. Reading and
//! comparing are here; `trust` explains a failed trust expectation, `permission` a failed
//! permission expectation and a policy broader than needed, `text` renders the report.

mod permission;
mod text;
mod trust;

pub use text::text;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Lang, Location, Severity};
use crate::json::{self, Node};
use crate::lint::{lint, KindChoice, LintOptions, LintReport};
use crate::plan::verify::{self, Check, CheckResult, Evaluated, Expectation};
use crate::plan::{ArtifactKind, Plan, UnknownScenario};
use crate::policy::{Policy, PolicyKind};
use crate::position::{LineIndex, TextRange};
use crate::render::{self, Linted};
use crate::secrets;
use crate::simulate::{Decision, Outcome, PolicySource, TrustDecision};
use crate::tr;

/// The code of a document refused because it holds what looks like a credential.
const CREDENTIAL_REFUSED: &str = "PL702";

/// What a document is, when the caller knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    Trust,
    Permission,
}

impl DocumentKind {
    /// The linter's kind for a document of this kind.
    pub fn policy_kind(self) -> PolicyKind {
        match self {
            DocumentKind::Trust => PolicyKind::Trust,
            DocumentKind::Permission => PolicyKind::Permission,
        }
    }
}

/// A document the check of an existing setup compares: of which kind, on which role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedDocument {
    pub kind: DocumentKind,
    /// The role whose trust policy this is, or that the permission policy is attached to.
    pub role: String,
}

impl Plan {
    /// The documents `check_existing` compares for this plan, trust policy first, read
    /// from the plan's own checks. `None` while the plan has errors: it then has no checks,
    /// and what it will compare is not known yet.
    pub fn expected_documents(&self) -> Option<Vec<ExpectedDocument>> {
        if self.has_errors() {
            return None;
        }
        let mut trust = None;
        let mut permission = None;
        for check in &self.checks {
            match &check.expectation {
                Expectation::Assume { role, .. } | Expectation::NoAssume { role, .. } => {
                    trust.get_or_insert_with(|| role.clone());
                }
                Expectation::Allow { role, .. } | Expectation::Deny { role, .. } => {
                    permission.get_or_insert_with(|| role.clone());
                }
                Expectation::SystemPolicy { .. } | Expectation::Outside { .. } => {}
            }
        }
        let trust = trust.map(|role| ExpectedDocument {
            kind: DocumentKind::Trust,
            role,
        });
        let permission = permission.map(|role| ExpectedDocument {
            kind: DocumentKind::Permission,
            role,
        });
        Some(trust.into_iter().chain(permission).collect())
    }
}

/// A policy as it exists today, pasted or read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExistingDocument {
    /// What to call it in answers (a file name, `trust policy`).
    pub name: String,
    pub text: String,
    /// `None`: guessed from the document, as the linter guesses.
    pub kind: Option<DocumentKind>,
}

impl ExistingDocument {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        ExistingDocument {
            name: name.into(),
            text: text.into(),
            kind: None,
        }
    }

    #[must_use]
    pub fn with_kind(mut self, kind: DocumentKind) -> Self {
        self.kind = Some(kind);
        self
    }
}

/// One document as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentReport {
    pub name: String,
    /// `None` when the document could not be read (PL701, PL702).
    pub kind: Option<DocumentKind>,
    pub kind_guessed: bool,
    /// The linter's findings, as `ramplan lint` reports them.
    pub lint: Vec<Finding>,
}

/// The answer: does the existing setup do what the scenario needs, and where it differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExistingReport {
    pub scenario: &'static str,
    /// No input error and no error finding: the documents do what the scenario needs.
    /// Security findings and warnings (broader than needed) do not change it.
    pub satisfied: bool,
    /// Error findings about the inputs; with any, nothing was compared.
    pub input_findings: Vec<Finding>,
    pub documents: Vec<DocumentReport>,
    /// The scenario's expectations, evaluated against the documents.
    pub checks: Vec<Check>,
    pub findings: Vec<Finding>,
    #[serde(skip)]
    pub lang: Lang,
}

impl ExistingReport {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Whether a document was refused unread because it holds what looks like a credential.
    pub fn refused_credential(&self) -> bool {
        self.findings.iter().any(|f| f.code == CREDENTIAL_REFUSED)
    }
}

/// A document after reading: its parsed tree when readable.
struct Read<'a> {
    name: String,
    text: &'a str,
    kind: Option<DocumentKind>,
    root: Option<Node>,
}

impl Read<'_> {
    fn source(&self) -> PolicySource {
        PolicySource::new(self.name.clone(), self.text)
    }

    fn span(&self, pointer: &str) -> Option<TextRange> {
        let node = self.root.as_ref()?.pointer(pointer)?;
        Some(LineIndex::new(self.text).range(node.span))
    }
}

/// Builds the scenario's plan from the inputs and judges the existing documents against its
/// expectations. Never panics; unreadable inputs or documents become findings.
pub fn check_existing(
    scenario_id: &str,
    input_text: &str,
    documents: &[ExistingDocument],
    lang: Lang,
) -> Result<ExistingReport, UnknownScenario> {
    let plan = super::plan(scenario_id, input_text, lang)?;
    let mut checker = Checker {
        lang,
        findings: Vec::new(),
        checks: Vec::new(),
    };
    let mut reports = Vec::new();
    let read: Vec<Read<'_>> = documents
        .iter()
        .enumerate()
        .map(|(i, document)| checker.read(i, document, &mut reports))
        .collect();
    let input_findings: Vec<Finding> = plan
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .cloned()
        .collect();
    if input_findings.is_empty() {
        checker.compare(&plan, &read);
    }
    let mut findings = checker.findings;
    crate::sort::sort_by_key(&mut findings, |f| f.severity);
    let satisfied =
        input_findings.is_empty() && !findings.iter().any(|f| f.severity == Severity::Error);
    Ok(ExistingReport {
        scenario: plan.scenario,
        satisfied,
        input_findings,
        documents: reports,
        checks: checker.checks,
        findings,
        lang,
    })
}

struct Checker {
    lang: Lang,
    findings: Vec<Finding>,
    checks: Vec<Check>,
}

impl Checker {
    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        document: Option<&Read<'_>>,
        path: &str,
        message: String,
        help: Option<String>,
    ) {
        let location = Location::Document {
            document: document.map(|d| d.name.clone()),
            path: path.to_owned(),
        };
        let finding = Finding::new(code, severity, secrets::redact(&message), location)
            .with_span(document.and_then(|d| d.span(path)))
            .with_help(help.map(|h| secrets::redact(&h)));
        if !self.findings.contains(&finding) {
            self.findings.push(finding);
        }
    }

    /// Reads one document: refuses credentials, parses, settles the kind, lints.
    fn read<'a>(
        &mut self,
        index: usize,
        document: &'a ExistingDocument,
        reports: &mut Vec<DocumentReport>,
    ) -> Read<'a> {
        let name = match document.name.trim() {
            "" => tr!(
                self.lang,
                format!("document {}", index + 1),
                format!("文档 {}", index + 1)
            ),
            name => secrets::redact(name),
        };
        let mut read = Read {
            name,
            text: &document.text,
            kind: None,
            root: None,
        };
        let mut report = DocumentReport {
            name: read.name.clone(),
            kind: None,
            kind_guessed: false,
            lint: Vec::new(),
        };
        if let Some(found) = secrets::find_credential(&document.text) {
            let message = tr!(self.lang, format!("`{}` holds what looks like {}; ramplan never takes credentials, so the document was not read", read.name, found.kind.describe_en()), format!("`{}` 中疑似包含{}；ramplan 从不接收凭据，因此未读取该文档", read.name, found.kind.describe_zh()));
            let help = tr!(
                self.lang,
                "remove the value before checking; if this is a real key, disable and rotate it",
                "请先删除该值再检查；如果这是真实密钥，请立即禁用并轮换"
            );
            // No span: pointing at the value would show it.
            let location = Location::Document {
                document: Some(read.name.clone()),
                path: String::new(),
            };
            self.findings.push(
                Finding::new(CREDENTIAL_REFUSED, Severity::Error, message, location)
                    .with_help(Some(help)),
            );
            reports.push(report);
            return read;
        }
        let root = match json::parse(read.text) {
            Ok(root) => root,
            Err(error) => {
                let index = LineIndex::new(read.text);
                let why = error.message(self.lang);
                let message = tr!(
                    self.lang,
                    format!("`{}` is not valid JSON: {why}", read.name),
                    format!("`{}` 不是有效的 JSON：{why}", read.name)
                );
                let location = Location::Document {
                    document: Some(read.name.clone()),
                    path: String::new(),
                };
                self.findings.push(
                    Finding::new("PL701", Severity::Error, message, location)
                        .with_span(Some(index.range(error.span(read.text))))
                        .with_help(error.help(read.text, self.lang)),
                );
                reports.push(report);
                return read;
            }
        };
        if root.as_object().is_none() {
            let message = tr!(
                self.lang,
                format!(
                    "`{}` is not a policy: expected a JSON object, found {}",
                    read.name,
                    root.type_name()
                ),
                format!(
                    "`{}` 不是策略：应为 JSON 对象，实际为 {}",
                    read.name,
                    root.type_name()
                )
            );
            read.root = Some(root);
            self.push("PL701", Severity::Error, Some(&read), "", message, None);
            read.root = None;
            reports.push(report);
            return read;
        }
        let kind = document
            .kind
            .unwrap_or_else(|| match Policy::from_root(&root).guess_kind() {
                PolicyKind::Trust => DocumentKind::Trust,
                PolicyKind::Permission | PolicyKind::BucketPolicy => DocumentKind::Permission,
            });
        let lint_report = lint(
            read.text,
            &LintOptions {
                kind: match kind {
                    DocumentKind::Trust => KindChoice::Trust,
                    DocumentKind::Permission => KindChoice::Permission,
                },
                lang: self.lang,
                ..LintOptions::default()
            },
        );
        report.kind = Some(kind);
        report.kind_guessed = document.kind.is_none();
        report.lint = lint_report.findings;
        reports.push(report);
        read.kind = Some(kind);
        read.root = Some(root);
        read
    }

    fn compare(&mut self, plan: &Plan, documents: &[Read<'_>]) {
        let expectations: Vec<&Expectation> = plan.checks.iter().map(|c| &c.expectation).collect();
        let trusts: Vec<&Read<'_>> = documents
            .iter()
            .filter(|d| d.kind == Some(DocumentKind::Trust))
            .collect();
        let permissions: Vec<&Read<'_>> = documents
            .iter()
            .filter(|d| d.kind == Some(DocumentKind::Permission))
            .collect();
        let trust_expectations: Vec<&Expectation> = expectations
            .iter()
            .copied()
            .filter(|e| e.is_trust())
            .collect();
        let permission_expectations: Vec<&Expectation> = expectations
            .iter()
            .copied()
            .filter(|e| e.is_permission())
            .collect();

        // Trust policies, each on its own.
        if trust_expectations.is_empty() {
            for document in &trusts {
                let message = tr!(self.lang, format!("`{}` is a trust policy, but this scenario writes none: the console creates its roles, so there is nothing to compare it with", document.name), format!("`{}` 是信任策略，但本场景不编写信任策略：其角色由控制台创建，因此没有可对照的内容", document.name));
                self.push(
                    "PL704",
                    Severity::Warning,
                    Some(document),
                    "",
                    message,
                    None,
                );
            }
        } else if trusts.is_empty() {
            self.not_given(&trust_expectations, DocumentKind::Trust);
        } else {
            for document in &trusts {
                let source = document.source();
                for expectation in &trust_expectations {
                    let evaluated = verify::evaluate(expectation, Some(&source), &[], self.lang);
                    if evaluated.check.result == CheckResult::Failed {
                        self.explain_trust(expectation, &evaluated, document, plan);
                    }
                    self.checks.push(evaluated.check);
                }
            }
            // A principal already reported as the wrong one (PL705 to PL707) needs no second
            // finding saying it should not be there.
            let wrong: Vec<Location> = self
                .findings
                .iter()
                .filter(|f| matches!(f.code, "PL705" | "PL706" | "PL707"))
                .map(|f| f.location.clone())
                .collect();
            self.findings
                .retain(|f| f.code != "PL708" || !wrong.contains(&f.location));
        }

        // Permission policies, together.
        if permission_expectations.is_empty() {
            let attached: Vec<String> = expectations
                .iter()
                .filter_map(|e| match e {
                    Expectation::SystemPolicy { policy, .. } => Some(format!("`{policy}`")),
                    _ => None,
                })
                .collect();
            for document in &permissions {
                let message = tr!(self.lang, format!("`{}` is a permission policy, but this scenario attaches no custom policy to a role, so there is nothing to compare it with", document.name), format!("`{}` 是权限策略，但本场景没有为角色授权自定义策略，因此没有可对照的内容", document.name));
                let help = if attached.is_empty() {
                    None
                } else {
                    Some(tr!(
                        self.lang,
                        format!(
                            "the role's permissions come from the system policies {}",
                            attached.join(", ")
                        ),
                        format!("该角色的权限来自系统策略 {}", attached.join("、"))
                    ))
                };
                self.push(
                    "PL704",
                    Severity::Warning,
                    Some(document),
                    "",
                    message,
                    help,
                );
            }
        } else if permissions.is_empty() {
            self.not_given(&permission_expectations, DocumentKind::Permission);
        } else {
            let sources: Vec<PolicySource> = permissions.iter().map(|d| d.source()).collect();
            for expectation in &permission_expectations {
                let evaluated = verify::evaluate(expectation, None, &sources, self.lang);
                if evaluated.check.result == CheckResult::Failed {
                    self.explain_permission(expectation, &evaluated, &permissions);
                }
                self.checks.push(evaluated.check);
            }
            self.broader_than_needed(plan, &permissions);
        }

        // What the simulator cannot judge.
        for expectation in &expectations {
            match expectation {
                Expectation::SystemPolicy { role, policy } => {
                    let message = tr!(self.lang, format!("check that `{role}` has the system policy `{policy}` attached: ramplan sees no attachments, and a system policy's content is Alibaba Cloud's"), format!("请确认 `{role}` 已授权系统策略 `{policy}`：ramplan 看不到授权关系，系统策略的内容也由阿里云维护"));
                    let help = tr!(
                        self.lang,
                        "the role's Permissions tab in the RAM console lists its policies",
                        "RAM 控制台中角色的“权限管理”页签列出了其权限策略"
                    );
                    self.push("PL714", Severity::Suggestion, None, "", message, Some(help));
                }
                Expectation::Outside { what, how } => {
                    let message = tr!(
                        self.lang,
                        format!("{what} cannot be checked here: {how}"),
                        format!("{what}无法在此检查：{how}")
                    );
                    self.push("PL715", Severity::Suggestion, None, "", message, None);
                }
                _ => continue,
            }
            self.checks
                .push(verify::evaluate(expectation, None, &[], self.lang).check);
        }
    }

    /// The checks of a kind no document was given for.
    fn not_given(&mut self, expectations: &[&Expectation], kind: DocumentKind) {
        for expectation in expectations {
            let mut check = verify::evaluate(expectation, None, &[], self.lang).check;
            check.result = CheckResult::NotEvaluated;
            check.decision = None;
            check.documents.clear();
            check.explanation = match kind {
                DocumentKind::Trust => tr!(
                    self.lang,
                    "not evaluated: no readable trust policy was given",
                    "未评估：没有提供可读取的信任策略"
                ),
                DocumentKind::Permission => tr!(
                    self.lang,
                    "not evaluated: no readable permission policy was given",
                    "未评估：没有提供可读取的权限策略"
                ),
            };
            self.checks.push(check);
        }
        let count = expectations.len();
        let (message, help) = match kind {
            DocumentKind::Trust => (
                tr!(self.lang, format!("no readable trust policy was given, so {count} trust checks did not run"), format!("没有提供可读取的信任策略，因此有 {count} 项信任检查未运行")),
                tr!(self.lang, "add the role's trust policy as the RAM console shows it (Roles > the role > Trust Policy)", "请添加 RAM 控制台中显示的角色信任策略（角色 > 该角色 > 信任策略）"),
            ),
            DocumentKind::Permission => (
                tr!(self.lang, format!("no readable permission policy was given, so {count} permission checks did not run"), format!("没有提供可读取的权限策略，因此有 {count} 项权限检查未运行")),
                tr!(self.lang, "add the custom policy attached to the role as the RAM console shows it (Policies > the policy > Policy Document)", "请添加 RAM 控制台中显示的、授权给该角色的自定义策略（权限策略 > 该策略 > 策略内容）"),
            ),
        };
        self.push("PL703", Severity::Error, None, "", message, Some(help));
    }
}

/// The report as JSON, ending in a newline.
pub fn to_json(report: &ExistingReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}
