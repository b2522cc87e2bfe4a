//! The lint engine: parse, build the typed view, run every rule, return sorted findings.

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Lang, Location, Severity};
use crate::json::{self, Node};
use crate::policy::{Policy, PolicyKind};
use crate::position::{LineIndex, Span, TextRange};
use crate::rules;
use crate::secrets;

/// Which kind of policy to lint the text as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KindChoice {
    /// Guess from the document (`Principal`, `sts:AssumeRole`).
    #[default]
    Auto,
    Permission,
    Trust,
    #[serde(rename = "bucket-policy")]
    BucketPolicy,
}

impl KindChoice {
    pub fn parse(text: &str) -> Option<KindChoice> {
        match text {
            "auto" => Some(KindChoice::Auto),
            "permission" => Some(KindChoice::Permission),
            "trust" => Some(KindChoice::Trust),
            "bucket-policy" => Some(KindChoice::BucketPolicy),
            _ => None,
        }
    }

    /// The kind chosen, or `None` for `Auto`.
    pub fn kind(self) -> Option<PolicyKind> {
        match self {
            KindChoice::Auto => None,
            KindChoice::Permission => Some(PolicyKind::Permission),
            KindChoice::Trust => Some(PolicyKind::Trust),
            KindChoice::BucketPolicy => Some(PolicyKind::BucketPolicy),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LintOptions {
    pub kind: KindChoice,
    pub lang: Lang,
    /// The name the policy will be created under, checked against RAM's naming limits.
    pub policy_name: Option<String>,
    /// The role the trust policy belongs to, checked against RAM's naming limits.
    pub role_name: Option<String>,
    /// The policy's or role's description, checked against RAM's length limit.
    pub description: Option<String>,
    /// The text is a policy as a Terraform or ROS template holds it: `${...}` interpolations
    /// are placeholders for values ramplan cannot know, so findings on values that hold one
    /// are left out.
    pub template: bool,
    /// Entries no statement may allow (`--must-not-grant`): each grant is an RP606 error.
    pub must_not_grant: Vec<crate::diff::Forbidden>,
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::parse(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language `{code}`")))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LintReport {
    pub kind: PolicyKind,
    /// True when the kind was guessed from the document rather than chosen.
    pub kind_guessed: bool,
    pub findings: Vec<Finding>,
    /// False when the text could not be read as JSON (or as a template); one finding says why
    /// and no rule ran.
    pub parsed: bool,
    /// Where the text holds what looks like a credential (the first one). Found in the raw
    /// text even when it is not JSON, so a pasted key is refused before a missing comma is
    /// fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<TextRange>,
}

impl Default for LintReport {
    /// No findings about an empty permission policy whose kind is to be guessed.
    fn default() -> Self {
        LintReport {
            kind: PolicyKind::Permission,
            kind_guessed: true,
            findings: Vec::new(),
            parsed: true,
            credential: None,
        }
    }
}

impl LintReport {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// What a rule is: what the linter needs at run time.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable, never reused.
    pub code: &'static str,
    /// Kebab-case name (`invalid-effect`).
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
}

/// A rule's documentation, kept apart from `RuleMeta` so that builds which never print the
/// rule reference (the web app) leave the text out.
#[derive(Debug)]
pub struct RuleDocs {
    pub code: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A document that triggers the rule.
    pub example: &'static str,
    /// The same document fixed.
    pub instead: &'static str,
    /// Where the underlying fact comes from.
    pub references: &'static [&'static str],
}

pub struct Rule {
    pub meta: RuleMeta,
    pub check: fn(&mut Ctx<'_>),
}

/// Everything a rule sees, and where it puts what it finds.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub root: &'a Node,
    pub policy: &'a Policy<'a>,
    pub kind: PolicyKind,
    pub options: &'a LintOptions,
    pub lang: Lang,
    index: &'a LineIndex<'a>,
    findings: Vec<Finding>,
}

impl Ctx<'_> {
    /// Picks the message text for the chosen language.
    /// Reports a finding with the rule's own severity.
    pub fn report(&mut self, rule: &RuleMeta, path: &str, span: Option<Span>, message: String) {
        self.push(rule.code, rule.severity, path, span, message, None);
    }

    pub fn report_help(
        &mut self,
        rule: &RuleMeta,
        path: &str,
        span: Option<Span>,
        message: String,
        help: String,
    ) {
        self.push(rule.code, rule.severity, path, span, message, Some(help));
    }

    /// Reports with a severity other than the rule's default, where the rule documents why.
    pub fn report_as(
        &mut self,
        rule: &RuleMeta,
        severity: Severity,
        path: &str,
        span: Option<Span>,
        message: String,
        help: Option<String>,
    ) {
        self.push(rule.code, severity, path, span, message, help);
    }

    /// Adds a finding a rule built itself, if it found one.
    pub fn add(&mut self, finding: Option<Finding>) {
        self.findings.extend(finding);
    }

    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        path: &str,
        span: Option<Span>,
        message: String,
        help: Option<String>,
    ) {
        self.findings.push(
            Finding::new(code, severity, message, Location::pointer(path))
                .with_span(span.map(|s| self.index.range(s)))
                .with_help(help),
        );
    }
}

/// The rules that judge a value's own form (an action name, an ARN, an account, a principal,
/// a condition value): in template mode they say nothing about a value holding `${...}`.
const VALUE_RULES: &[&str] = &[
    "RP011", "RP102", "RP204", "RP205", "RP206", "RP302", "RP303", "RP304", "RP305", "RP307",
    "RP402", "RP403", "RP404", "RP406", "RP407", "RP504", "RP505", "RP508", "RP510",
];

/// Lints one policy document. Never panics, whatever the text.
pub fn lint(text: &str, options: &LintOptions) -> LintReport {
    let index = LineIndex::new(text);
    let parsed = if options.template {
        json::parse_template(text)
    } else {
        json::parse(text)
    };
    let root = match parsed {
        Ok(root) => root,
        Err(error) => {
            let kind = options.kind.kind().unwrap_or(PolicyKind::Permission);
            let findings = redacted(vec![rules::json_syntax::finding(
                &error,
                text,
                &index,
                options.lang,
            )]);
            let credential = secrets::find_credential(text)
                .map(|found| index.range(Span::new(found.start, found.end)));
            return LintReport {
                kind,
                kind_guessed: options.kind == KindChoice::Auto,
                findings,
                parsed: false,
                credential,
            };
        }
    };
    let policy = Policy::from_root(&root);
    let (kind, kind_guessed) = match options.kind.kind() {
        None => (policy.guess_kind(), true),
        Some(kind) => (kind, false),
    };
    let mut ctx = Ctx {
        text,
        root: &root,
        policy: &policy,
        kind,
        options,
        lang: options.lang,
        index: &index,
        findings: Vec::new(),
    };
    for rule in rules::RULES {
        (rule.check)(&mut ctx);
    }
    let mut findings = ctx.findings;
    if options.template {
        // A finding about the form of a value that holds an interpolation depends on what
        // the template fills in, which ramplan cannot know. Findings about the document's
        // shape (a bucket action on `${var.bucket}/*`) still stand.
        findings.retain(|f| {
            !VALUE_RULES.contains(&f.code)
                || !f.span.is_some_and(|s| {
                    text.get(s.start.offset..s.end.offset)
                        .is_some_and(crate::placeholder::holds_interpolation)
                })
        });
    }
    // Findings on the same place with the same code and message are reported once.
    crate::sort::sort_by(&mut findings, report_order);
    findings.dedup();
    let credential = findings
        .iter()
        .find(|f| f.code == rules::credential_in_policy::RULE.meta.code)
        .and_then(|f| f.span);
    LintReport {
        kind,
        kind_guessed,
        findings: redacted(findings),
        parsed: true,
        credential,
    }
}

/// The order of a report's findings: text order first, so output reads top to bottom; then
/// by code for ties, then by place and message.
fn report_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let key = |f: &Finding| f.span.map(|s| (s.start.offset, s.end.offset));
    key(a)
        .cmp(&key(b))
        .then_with(|| a.code.cmp(b.code))
        .then_with(|| a.path().cmp(b.path()))
        .then_with(|| a.message.cmp(&b.message))
}

/// The rules that judge what is given with a document (the policy's name, the role's name,
/// the description) and read nothing of the document itself.
const OPTION_RULES: [fn(&LintOptions) -> Option<Finding>; 3] = [
    rules::policy_name::finding,
    rules::role_name::finding,
    rules::description_length::finding,
];

/// The report `lint(text, options)` gives, from `unnamed`: the report of the same text with
/// the same options but no name or description. Only [`OPTION_RULES`] read those, and they
/// read nothing else, so their findings join the unnamed report's instead of the text being
/// linted again (the checker's Convert names what it converts on every keystroke).
pub fn with_names(unnamed: &LintReport, options: &LintOptions) -> LintReport {
    let mut report = unnamed.clone();
    // Text that is not JSON gets one finding, about its syntax, and no rule runs.
    if !report.parsed {
        return report;
    }
    let found = OPTION_RULES.iter().filter_map(|rule| rule(options));
    for finding in redacted(found.collect()) {
        let at = report
            .findings
            .partition_point(|f| report_order(f, &finding).is_le());
        report.findings.insert(at, finding);
    }
    report
}

/// Rules quote the values they complain about; a quoted credential is masked here, once for
/// every rule, so no output (CLI, JSON, web page) can echo one back.
fn redacted(mut findings: Vec<Finding>) -> Vec<Finding> {
    for finding in &mut findings {
        finding.message = secrets::redact(&finding.message);
        if let Some(help) = &mut finding.help {
            *help = secrets::redact(help);
        }
    }
    findings
}
