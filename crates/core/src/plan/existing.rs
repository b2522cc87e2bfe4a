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
//! Its finding codes are in [`crate::plan::codes`], with what each means.

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
    findings.sort_by_key(|f| f.severity);
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

    fn explain_trust(
        &mut self,
        expectation: &Expectation,
        evaluated: &Evaluated,
        document: &Read<'_>,
        plan: &Plan,
    ) {
        let Some(decision) = &evaluated.trust else {
            // The simulator could not read the document; PL701 has said why.
            return;
        };
        match expectation {
            Expectation::Assume {
                principal,
                role,
                why,
                needed_by,
            } => self.missing_principal(
                MissingPrincipal {
                    principal,
                    role,
                    why,
                    needed_by,
                },
                decision,
                &evaluated.check.explanation,
                document,
                plan,
            ),
            Expectation::NoAssume {
                principal,
                role,
                why,
                severity,
            } => {
                let path = decision
                    .decided_by
                    .first()
                    .map(|r| r.principal.clone().unwrap_or_else(|| r.path.clone()))
                    .unwrap_or_default();
                let message = tr!(
                    self.lang,
                    format!("the trust policy also lets `{principal}` assume `{role}`, but {why}"),
                    format!("信任策略还允许 `{principal}` 扮演 `{role}`，但{why}")
                );
                let help = tr!(self.lang, "remove that principal, or replace the trust policy with the plan's `trust-policy.json`", "请删除该主体，或用计划中的 `trust-policy.json` 替换信任策略");
                self.push(
                    "PL708",
                    *severity,
                    Some(document),
                    &path,
                    message,
                    Some(help),
                );
            }
            _ => {}
        }
    }

    fn missing_principal(
        &mut self,
        wanted: MissingPrincipal<'_>,
        decision: &TrustDecision,
        explanation: &str,
        document: &Read<'_>,
        plan: &Plan,
    ) {
        let MissingPrincipal {
            principal,
            role,
            why,
            needed_by,
        } = wanted;
        let lang = self.lang;
        let (want_account, want_service) = split_principal(principal);
        let replace = tr!(
            self.lang,
            format!("replace it with `{principal}`: {why}"),
            format!("请改为 `{principal}`：{why}")
        );
        // Principal values of `Allow` statements, as (pointer, value, account, service).
        let mut trusted = Vec::new();
        let mut any_matched = false;
        let mut first_principal = None;
        let mut account_root = None;
        for statement in &decision.statements {
            if statement.effect != Some(crate::policy::Effect::Allow) {
                continue;
            }
            for value in &statement.principals {
                any_matched |= value.matched;
                first_principal.get_or_insert_with(|| value.path.clone());
                if let Some(account) = want_account {
                    if value.principal_type == "RAM"
                        && value.value == format!("acs:ram::{account}:root")
                    {
                        account_root.get_or_insert_with(|| value.path.clone());
                    }
                }
                if value.principal_type == "Service" {
                    let lower = value.value.to_ascii_lowercase();
                    let (account, service) = split_principal(&lower);
                    trusted.push((
                        value.path.clone(),
                        value.value.clone(),
                        account.map(str::to_owned),
                        service.to_owned(),
                    ));
                }
            }
        }
        if decision.decision == Outcome::ImplicitDeny && !any_matched {
            // The same account (or the role's own account) through another service.
            if let Some((path, value, _, service)) =
                trusted.iter().find(|(_, _, account, service)| {
                    account.as_deref() == want_account && service != want_service
                })
            {
                let message = match want_account {
                    Some(_) => tr!(self.lang, format!("the principal `{value}` uses `@{service}`{}, but {needed_by} needs `@{want_service}`", service_use(service, lang)), format!("主体 `{value}` 使用的是 `@{service}`{}，而{needed_by}需要 `@{want_service}`", service_use(service, lang))),
                    None => tr!(self.lang, format!("the role trusts `{value}`{}, but {needed_by} needs `{want_service}`", service_use(service, lang)), format!("该角色信任的是 `{value}`{}，而{needed_by}需要 `{want_service}`", service_use(service, lang))),
                };
                self.push(
                    "PL706",
                    Severity::Error,
                    Some(document),
                    path,
                    message,
                    Some(replace),
                );
                return;
            }
            // The right service acting for another account.
            if let Some(want_account) = want_account {
                if let Some((path, value, Some(account), _)) =
                    trusted.iter().find(|(_, _, account, service)| {
                        account.is_some()
                            && account.as_deref() != Some(want_account)
                            && service == want_service
                    })
                {
                    let resource_uid = plan.inputs.str("resource_account_uid");
                    let whose = if resource_uid == Some(account.as_str()) {
                        tr!(
                            self.lang,
                            " (the resource account, where the role is)",
                            "（资源账号，即角色所在的账号）"
                        )
                    } else {
                        String::new()
                    };
                    let expected = if plan.inputs.str("dataworks_account_uid") == Some(want_account)
                    {
                        tr!(
                            self.lang,
                            format!("the DataWorks account is `{want_account}`"),
                            format!("DataWorks 所属账号为 `{want_account}`")
                        )
                    } else {
                        tr!(
                            self.lang,
                            format!("the plan trusts account `{want_account}`"),
                            format!("计划信任的账号为 `{want_account}`")
                        )
                    };
                    let message = tr!(self.lang, format!("the principal `{value}` names account `{account}`{whose}, but {expected}"), format!("主体 `{value}` 中的账号为 `{account}`{whose}，而{expected}"));
                    self.push(
                        "PL707",
                        Severity::Error,
                        Some(document),
                        path,
                        message,
                        Some(replace),
                    );
                    return;
                }
            }
        }
        if let (Some(path), Some(account), Outcome::ImplicitDeny, false) =
            (&account_root, want_account, decision.decision, any_matched)
        {
            // The trust policy the console writes when the role is created, not yet replaced.
            let message = tr!(self.lang, format!("the trust policy trusts every RAM user and role of account `{account}`, as the console writes it when the role is created, but not DataWorks acting for that account: {needed_by} needs `{principal}`"), format!("信任策略信任的是账号 `{account}` 下的所有 RAM 用户和角色（即创建角色时控制台写入的内容），而不是代表该账号的 DataWorks：{needed_by}需要 `{principal}`"));
            let help = tr!(self.lang, format!("replace the whole trust policy with the plan's `trust-policy.json`, which trusts only `{principal}`: {why}"), format!("请用计划中只信任 `{principal}` 的 `trust-policy.json` 替换整份信任策略：{why}"));
            self.push(
                "PL705",
                Severity::Error,
                Some(document),
                path,
                message,
                Some(help),
            );
            return;
        }
        let path = decision
            .decided_by
            .first()
            .map(|r| r.path.clone())
            .or(first_principal)
            .or_else(|| decision.statements.first().map(|s| s.path.clone()))
            .unwrap_or_default();
        let message = tr!(
            self.lang,
            format!("`{principal}` cannot assume `{role}` under this trust policy: {explanation}"),
            format!("在该信任策略下，`{principal}` 不能扮演 `{role}`：{explanation}")
        );
        let help = tr!(
            self.lang,
            format!(
                "{needed_by} needs it: {why}; the plan's `trust-policy.json` trusts `{principal}`"
            ),
            format!("{needed_by}需要它：{why}；计划中的 `trust-policy.json` 信任 `{principal}`")
        );
        self.push(
            "PL705",
            Severity::Error,
            Some(document),
            &path,
            message,
            Some(help),
        );
    }

    fn explain_permission(
        &mut self,
        expectation: &Expectation,
        evaluated: &Evaluated,
        documents: &[&Read<'_>],
    ) {
        let Some(decision) = &evaluated.permission else {
            return;
        };
        let document_of = |source: &str| documents.iter().copied().find(|d| d.name == source);
        let only = match documents {
            [one] => Some(*one),
            _ => None,
        };
        match expectation {
            Expectation::Allow {
                action,
                resource,
                grant,
                why,
                ..
            } => {
                let help = tr!(
                    self.lang,
                    format!("the scenario needs it: {why}"),
                    format!("场景需要它：{why}")
                );
                if decision.decision == Outcome::ExplicitDeny {
                    let (document, path) = deciding(decision, &document_of);
                    let message = tr!(
                        self.lang,
                        format!("`{action}` on `{resource}` is explicitly denied by `{path}`"),
                        format!("对 `{resource}` 执行 `{action}` 被 `{path}` 显式拒绝")
                    );
                    self.push(
                        "PL709",
                        Severity::Error,
                        document.or(only),
                        &path,
                        message,
                        Some(help),
                    );
                    return;
                }
                let allows = |s: &&crate::simulate::StatementResult| {
                    s.effect == Some(crate::policy::Effect::Allow) && s.action_matched
                };
                if let Some(statement) = decision
                    .statements
                    .iter()
                    .filter(allows)
                    .find(|s| s.resource_matched && !s.condition_matched)
                {
                    let conditions: Vec<String> = statement
                        .conditions
                        .iter()
                        .filter(|c| !c.matched)
                        .map(|c| format!("`{}` `{}`", c.operator, c.key))
                        .collect();
                    let message = tr!(self.lang, format!("`{action}` on `{resource}` is allowed only when the condition of `{}` holds ({}); ramplan evaluated it without a request context", statement.path, conditions.join(", ")), format!("只有在 `{}` 的条件（{}）成立时才允许对 `{resource}` 执行 `{action}`；ramplan 评估时没有请求上下文", statement.path, conditions.join("、")));
                    let path = format!("{}/Condition", statement.path);
                    self.push(
                        "PL711",
                        Severity::Warning,
                        document_of(&statement.source),
                        &path,
                        message,
                        Some(help),
                    );
                    return;
                }
                if let Some(statement) = decision
                    .statements
                    .iter()
                    .filter(allows)
                    .find(|s| !s.resource_matched)
                {
                    let message = match grant.strip_prefix("acs:oss:*:*:") {
                        Some(short) => tr!(self.lang, format!("the OSS policy lacks the `{short}` resource: `{action}` on `{resource}` is not allowed"), format!("OSS 策略缺少 `{short}` 资源：不允许对 `{resource}` 执行 `{action}`")),
                        None => tr!(self.lang, format!("the policy lacks the `{grant}` resource: `{action}` on `{resource}` is not allowed"), format!("策略缺少 `{grant}` 资源：不允许对 `{resource}` 执行 `{action}`")),
                    };
                    let help = tr!(
                        self.lang,
                        format!(
                            "add `{grant}` to the `Resource` of `{}`: {why}",
                            statement.path
                        ),
                        format!(
                            "请在 `{}` 的 `Resource` 中加入 `{grant}`：{why}",
                            statement.path
                        )
                    );
                    let path = format!("{}/Resource", statement.path);
                    self.push(
                        "PL710",
                        Severity::Error,
                        document_of(&statement.source),
                        &path,
                        message,
                        Some(help),
                    );
                    return;
                }
                let message = tr!(
                    self.lang,
                    format!("no statement allows `{action}` on `{resource}`"),
                    format!("没有任何语句允许对 `{resource}` 执行 `{action}`")
                );
                self.push("PL709", Severity::Error, only, "", message, Some(help));
            }
            Expectation::Deny {
                action,
                resource,
                why,
                severity,
                ..
            } => {
                let (document, path) = deciding(decision, &document_of);
                let message = tr!(
                    self.lang,
                    format!("`{path}` allows `{action}` on `{resource}`, but {why}"),
                    format!("`{path}` 允许对 `{resource}` 执行 `{action}`，但{why}")
                );
                let help = tr!(self.lang, "narrow the statement's `Action` or `Resource`, or replace the policy with the plan's `permission-policy.json`", "请收窄该语句的 `Action` 或 `Resource`，或用计划中的 `permission-policy.json` 替换该策略");
                self.push(
                    "PL712",
                    *severity,
                    document.or(only),
                    &path,
                    message,
                    Some(help),
                );
            }
            _ => {}
        }
    }

    /// `Allow` statements with a wildcard action, `NotAction` or an all-covering resource
    /// the plan's own policy does not have.
    fn broader_than_needed(&mut self, plan: &Plan, documents: &[&Read<'_>]) {
        let mut needed_actions: Vec<String> = Vec::new();
        let mut needed_resources: Vec<String> = Vec::new();
        for artifact in plan
            .artifacts
            .iter()
            .filter(|a| a.kind == ArtifactKind::PermissionPolicy)
        {
            let Ok(root) = json::parse(&artifact.content) else {
                continue;
            };
            let policy = Policy::from_root(&root);
            for statement in &policy.statements {
                for item in statement.actions() {
                    if !needed_actions
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(item.value))
                    {
                        needed_actions.push(item.value.to_owned());
                    }
                }
                for item in statement.resources() {
                    if !needed_resources.iter().any(|r| r == item.value) {
                        needed_resources.push(item.value.to_owned());
                    }
                }
            }
        }
        let list = |items: &[String]| {
            items
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(self.lang.pick(", ", "、"))
        };
        let actions = list(&needed_actions);
        let resources = list(&needed_resources);
        for document in documents {
            let Some(root) = &document.root else {
                continue;
            };
            let policy = Policy::from_root(root);
            let mut found = Vec::new();
            for statement in policy.statements.iter().filter(|s| s.is_allow()) {
                if let Some(field) = statement.not_action {
                    found.push((
                        field.pointer(&statement.pointer),
                        tr!(self.lang, format!("`NotAction` in an `Allow` statement allows every action it does not list; this scenario needs only {actions}"), format!("`Allow` 语句中的 `NotAction` 允许其未列出的所有操作；本场景只需要 {actions}")),
                    ));
                }
                for item in statement.actions() {
                    let value = item.value.trim();
                    if value.contains('*')
                        && !needed_actions.iter().any(|a| a.eq_ignore_ascii_case(value))
                    {
                        found.push((
                            item.pointer.clone(),
                            tr!(self.lang, format!("`{value}` allows every action it matches; this scenario needs only {actions}"), format!("`{value}` 允许其匹配的所有操作；本场景只需要 {actions}")),
                        ));
                    }
                }
                for item in statement.resources() {
                    let value = item.value.trim();
                    let everything = value.rsplit(':').next() == Some("*");
                    if everything && !needed_resources.iter().any(|r| r == value) {
                        found.push((
                            item.pointer.clone(),
                            tr!(self.lang, format!("`{value}` covers every resource; this scenario needs only {resources}"), format!("`{value}` 涵盖所有资源；本场景只需要 {resources}")),
                        ));
                    }
                }
            }
            for (path, message) in found {
                let help = tr!(
                    self.lang,
                    "the plan's `permission-policy.json` grants exactly what the scenario needs",
                    "计划中的 `permission-policy.json` 只授予场景所需的权限"
                );
                self.push(
                    "PL713",
                    Severity::Warning,
                    Some(document),
                    &path,
                    message,
                    Some(help),
                );
            }
        }
    }
}

struct MissingPrincipal<'a> {
    principal: &'a str,
    role: &'a str,
    why: &'a str,
    needed_by: &'a str,
}

/// The first deciding statement: its document and pointer.
fn deciding<'d>(
    decision: &Decision,
    document_of: &dyn Fn(&str) -> Option<&'d Read<'d>>,
) -> (Option<&'d Read<'d>>, String) {
    match decision.decided_by.first() {
        Some(r) => (document_of(&r.source), r.path.clone()),
        None => (None, String::new()),
    }
}

/// `1234@emr.dataworks.aliyuncs.com` -> (Some(`1234`), `emr.dataworks.aliyuncs.com`);
/// `ecs.aliyuncs.com` -> (None, `ecs.aliyuncs.com`).
fn split_principal(principal: &str) -> (Option<&str>, &str) {
    match principal.split_once('@') {
        Some((account, service)) => (Some(account), service),
        None => (None, principal),
    }
}

/// What a service principal is for, as ", which is for ..." (empty for other services).
/// Sources: seeds 000 (`emr.dataworks`), 001 (`engine.dataworks`), 002 (`cdp`), 004
/// (`ecs`, `emr`).
fn service_use(service: &str, lang: Lang) -> String {
    let (en, zh) = match service {
        "emr.dataworks.aliyuncs.com" => (
            "registering EMR clusters of another account in DataWorks",
            "在 DataWorks 中注册其他账号的 EMR 集群",
        ),
        "engine.dataworks.aliyuncs.com" => (
            "MaxCompute and Hologres data sources of another account",
            "其他账号的 MaxCompute 和 Hologres 数据源",
        ),
        "cdp.aliyuncs.com" => (
            "Data Integration's RDS, Hive and Kafka sources of another account",
            "数据集成中其他账号的 RDS、Hive、Kafka 数据源",
        ),
        "ecs.aliyuncs.com" => (
            "the application role of EMR clusters later than V3.32.0 and V4.5.0",
            "晚于 V3.32.0 和 V4.5.0 的 EMR 集群的应用角色",
        ),
        "emr.aliyuncs.com" => (
            "the application role of EMR clusters of V3.32.0, V4.5.0 and earlier",
            "V3.32.0、V4.5.0 及更早版本 EMR 集群的应用角色",
        ),
        _ => return String::new(),
    };
    tr!(
        lang,
        format!(", which is for {en}"),
        format!("（用于{zh}）")
    )
}

/// The report as JSON, ending in a newline.
pub fn to_json(report: &ExistingReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// The report as text: the verdict, the findings under each document (with the source line),
/// the checks, then the linter's findings.
pub fn text(report: &ExistingReport, documents: &[ExistingDocument]) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let scenario = report.scenario;
    if !report.input_findings.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                lang,
                format!("`{scenario}`: the inputs have errors, so nothing was compared"),
                format!("`{scenario}`：输入有错误，因此未进行对照")
            )
        );
        out.push_str(&render::findings_text(
            scenario,
            None,
            &report.input_findings,
            lang,
        ));
        return out;
    }
    let counts = render::counts(&report.findings, lang);
    let verdict = if report.satisfied {
        tr!(
            lang,
            format!("`{scenario}`: the existing setup does what the scenario needs ({counts})"),
            format!("`{scenario}`：现有配置满足场景的需要（{counts}）")
        )
    } else {
        tr!(
            lang,
            format!(
                "`{scenario}`: the existing setup does not do what the scenario needs ({counts})"
            ),
            format!("`{scenario}`：现有配置不满足场景的需要（{counts}）")
        )
    };
    let _ = writeln!(out, "{verdict}\n");

    // Findings, under the document they concern, with its source line.
    for (i, doc) in report.documents.iter().enumerate() {
        let findings: Vec<Finding> = report
            .findings
            .iter()
            .filter(|f| f.document() == Some(doc.name.as_str()))
            .cloned()
            .collect();
        if findings.is_empty() {
            continue;
        }
        // A refused document's text is never shown, not even masked.
        let refused = findings.iter().any(|f| f.code == CREDENTIAL_REFUSED);
        let text = documents
            .get(i)
            .filter(|_| !refused)
            .map(|d| d.text.as_str());
        out.push_str(&render::findings_text(&doc.name, text, &findings, lang));
    }
    let general: Vec<Finding> = report
        .findings
        .iter()
        .filter(|f| f.document().is_none())
        .cloned()
        .collect();
    out.push_str(&render::findings_text(scenario, None, &general, lang));

    let _ = writeln!(out, "{}", lang.pick("checks:", "检查："));
    for check in &report.checks {
        let mark = match check.result {
            CheckResult::Passed => "✓",
            CheckResult::Failed => "✗",
            CheckResult::NotEvaluated => "○",
        };
        let documents = if check.documents.is_empty() {
            String::new()
        } else {
            format!(" [{}]", check.documents.join(", "))
        };
        let _ = writeln!(
            out,
            "  {mark} {}{documents}{}{}",
            check.expectation.describe(lang),
            lang.pick(": ", "："),
            check.explanation
        );
    }
    out.push('\n');

    let _ = writeln!(out, "{}", lang.pick("lint:", "策略自身的检查（lint）："));
    for (i, doc) in report.documents.iter().enumerate() {
        let Some(kind) = doc.kind else {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    format!("{}: not read", doc.name),
                    format!("{}：未读取", doc.name)
                )
            );
            continue;
        };
        let lint_report = LintReport {
            kind: kind.policy_kind(),
            kind_guessed: doc.kind_guessed,
            findings: doc.lint.clone(),
            ..LintReport::default()
        };
        let linted = Linted {
            source: &doc.name,
            text: documents.get(i).map_or("", |d| d.text.as_str()),
            report: &lint_report,
        };
        out.push_str(&render::text(&linted, lang));
        out.push_str(&render::summary(&linted, lang));
        out.push('\n');
    }
    out
}
