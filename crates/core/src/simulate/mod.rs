//! The evaluator: would RAM allow this request under these policies, and may this principal
//! assume a role with this trust policy? Each answer says which statements decided it and,
//! statement by statement, whether the action, the resource and each condition matched.
//!
//! RAM's documented logic (ram-facts 1.8, [S9, S10]): any matching explicit `Deny` gives an
//! explicit deny; otherwise any matching `Allow` gives allow; otherwise the request is
//! implicitly denied. Statement and policy order never matter.
//!
//! Choices where the documentation is silent, each also surfaced as a `note` where it
//! applies (docs/simulate.md lists them all):
//! - Action names compare ignoring case (RAM: "generally not case-sensitive"); resources and
//!   condition values compare with case, except under `...IgnoreCase` operators.
//! - Condition keys compare ignoring ASCII case; operators compare with case, as the linter
//!   requires (an unknown or wrongly cased operator never matches).
//! - An absent context key: a positive operator is false, a negated one true.
//! - Several request values of one key are ORed, like several policy values.
//! - A statement RAM would reject is still evaluated when its meaning is plain; when it is
//!   not (no valid `Effect`, no or both of `Action`/`NotAction`, no or both of
//!   `Resource`/`NotResource` in a permission policy), it never matches and says why.
//! - Policies that do not parse are an error (with line and column); lint errors in a
//!   policy that parses are returned as warnings beside the decision.

mod bucket;
mod condition_eval;
mod render;
mod request;
mod suggest;
mod trust;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::condition;
use crate::finding::{Finding, Lang, Severity};
use crate::json::{self, Node};
use crate::lint::{self, KindChoice, LintOptions};
use crate::policy::{Effect, Field, Policy, PolicyKind, Statement};
use crate::position::{LineIndex, TextRange};
use crate::secrets;
use crate::tr;
use crate::wildcard::{self, Case};

pub use condition_eval::ConditionResult;
pub use render::{text, to_json, trust_text, trust_to_json};
pub use request::{ContextEntry, Request, TrustRequest};
pub use suggest::{suggestions, Suggestions};
pub use trust::{
    parse_principal, simulate_trust, Principal, PrincipalCheck, TrustDecision, TrustRef,
    TrustStatementResult,
};

use condition_eval::ConditionOutcome;
use request::Context;

/// One policy document and the name to call it by in answers (a file name, `policy 1`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicySource {
    pub name: String,
    pub text: String,
}

impl PolicySource {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        PolicySource {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// RAM's three outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Allow,
    ExplicitDeny,
    ImplicitDeny,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allow => "allow",
            Outcome::ExplicitDeny => "explicit-deny",
            Outcome::ImplicitDeny => "implicit-deny",
        }
    }

    pub fn is_allowed(self) -> bool {
        self == Outcome::Allow
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Allow, Lang::En) => "allow",
            (Outcome::ExplicitDeny, Lang::En) => "explicit deny",
            (Outcome::ImplicitDeny, Lang::En) => "implicit deny",
            (Outcome::Allow, Lang::Zh) => "允许",
            (Outcome::ExplicitDeny, Lang::Zh) => "显式拒绝",
            (Outcome::ImplicitDeny, Lang::Zh) => "隐式拒绝",
        }
    }
}

/// A statement, by the policy it is in and its JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementRef {
    pub source: String,
    pub path: String,
}

/// One statement of a permission policy, as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementResult {
    pub source: String,
    /// RFC 6901 pointer: `/Statement/1`, or `/Statement` for a lone statement object.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// `None` when the statement has no valid `Effect` (it is then ignored).
    pub effect: Option<Effect>,
    pub action_matched: bool,
    pub resource_matched: bool,
    pub condition_matched: bool,
    /// For bucket policies: whether `Principal` covers the requester.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_matched: Option<bool>,
    /// Effect valid, and action, resource, condition (and principal) all matched.
    pub matched: bool,
    /// One of the statements that decided the outcome.
    pub deciding: bool,
    pub conditions: Vec<ConditionResult>,
    pub note: Option<String>,
}

/// A lint error in a policy that still parsed: evaluated anyway, but RAM would reject it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub source: String,
    #[serde(flatten)]
    pub finding: Finding,
}

/// The answer for a permission request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub decision: Outcome,
    pub request: Request,
    /// The matching `Deny` statements for an explicit deny, the matching `Allow` statements
    /// for an allow, none for an implicit deny.
    pub decided_by: Vec<StatementRef>,
    pub statements: Vec<StatementResult>,
    /// Remarks about the request as a whole (a context key no condition reads).
    pub notes: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// Why there is no answer: the input is unreadable or the request is malformed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SimulateError {
    pub kind: ErrorKind,
    /// Lowercase, no final period, user values in backticks.
    pub message: String,
    /// The policy concerned, for syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where parsing stopped, for syntax errors (boxed to keep `Result`s small).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Box<TextRange>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// A policy is not JSON.
    Syntax,
    /// The request (action, resource, principal, context) is malformed.
    Request,
    /// A request value looks like a credential; it is refused and not echoed.
    Credential,
}

impl SimulateError {
    pub(crate) fn new(kind: ErrorKind, message: String, help: Option<String>) -> Self {
        SimulateError {
            kind,
            message,
            source: None,
            span: None,
            help,
        }
    }
}

impl fmt::Display for SimulateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.source, &self.span) {
            (Some(source), Some(span)) => write!(
                f,
                "{source}:{}:{}: {}",
                span.start.line, span.start.column, self.message
            ),
            (Some(source), None) => write!(f, "{source}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for SimulateError {}

/// Evaluates a request against identity policies, as RAM evaluates the policies attached to
/// one identity together. Never panics, whatever the input.
pub fn simulate(
    policies: &[PolicySource],
    request: &Request,
    lang: Lang,
) -> Result<Decision, SimulateError> {
    request::check_request(request, lang)?;
    let context = Context::new(&request.context);
    let mut statements = Vec::new();
    let mut warnings = Vec::new();
    let mut keys_read: Vec<String> = Vec::new();
    for source in policies {
        let root = parse_source(source, lang)?;
        let policy = Policy::from_root(&root);
        let kind = match policy.guess_kind() {
            PolicyKind::BucketPolicy => PolicyKind::BucketPolicy,
            _ => PolicyKind::Permission,
        };
        warnings.extend(lint_warnings(source, kind, lang));
        keys_read.extend(condition_keys(&policy));
        for statement in &policy.statements {
            statements.push(evaluate_statement(
                &source.name,
                statement,
                kind,
                request,
                &context,
                lang,
            ));
        }
    }
    let (decision, deciding) = decide(statements.iter().map(|s| (s.effect, s.matched)));
    let mut decided_by = Vec::new();
    for index in deciding {
        if let Some(s) = statements.get_mut(index) {
            s.deciding = true;
            decided_by.push(StatementRef {
                source: s.source.clone(),
                path: s.path.clone(),
            });
        }
    }
    Ok(Decision {
        decision,
        request: request.clone(),
        decided_by,
        statements,
        notes: request::request_notes(request, lang)
            .into_iter()
            .chain(unread_keys(&context, &keys_read, lang))
            .collect(),
        warnings,
    })
}

/// RAM's combination: any matching `Deny` wins, then any matching `Allow`, otherwise an
/// implicit deny. Returns the outcome and the indexes of the statements that decided it.
pub(crate) fn decide(
    statements: impl Iterator<Item = (Option<Effect>, bool)>,
) -> (Outcome, Vec<usize>) {
    let mut denies = Vec::new();
    let mut allows = Vec::new();
    for (i, (effect, matched)) in statements.enumerate() {
        match (effect, matched) {
            (Some(Effect::Deny), true) => denies.push(i),
            (Some(Effect::Allow), true) => allows.push(i),
            _ => {}
        }
    }
    if !denies.is_empty() {
        (Outcome::ExplicitDeny, denies)
    } else if !allows.is_empty() {
        (Outcome::Allow, allows)
    } else {
        (Outcome::ImplicitDeny, Vec::new())
    }
}

pub(crate) fn parse_source(source: &PolicySource, lang: Lang) -> Result<Node, SimulateError> {
    json::parse(&source.text).map_err(|error| {
        let index = LineIndex::new(&source.text);
        SimulateError {
            kind: ErrorKind::Syntax,
            message: error.message(lang),
            source: Some(source.name.clone()),
            span: Some(Box::new(index.range(error.span(&source.text)))),
            help: error.help(&source.text, lang),
        }
    })
}

/// The policy's lint errors: RAM would refuse the document, so the answer is hypothetical.
pub(crate) fn lint_warnings(source: &PolicySource, kind: PolicyKind, lang: Lang) -> Vec<Warning> {
    let options = LintOptions {
        kind: match kind {
            PolicyKind::Permission => KindChoice::Permission,
            PolicyKind::Trust => KindChoice::Trust,
            PolicyKind::BucketPolicy => KindChoice::BucketPolicy,
        },
        lang,
        ..LintOptions::default()
    };
    lint::lint(&source.text, &options)
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|mut finding| {
            finding.message = redact(&finding.message);
            finding.help = finding.help.map(|h| redact(&h));
            Warning {
                source: source.name.clone(),
                finding,
            }
        })
        .collect()
}

fn condition_keys(policy: &Policy<'_>) -> Vec<String> {
    condition::entries(policy)
        .iter()
        .map(|e| e.key_name().to_owned())
        .collect()
}

/// A note for every context key that no condition reads: most often a typo, which would
/// otherwise look like an absent key.
fn unread_keys(context: &Context<'_>, keys_read: &[String], lang: Lang) -> Vec<String> {
    context
        .keys()
        .into_iter()
        .filter(|key| !keys_read.iter().any(|k| k.eq_ignore_ascii_case(key)))
        .map(|key| {
            tr!(
                lang,
                format!("no condition reads the context key `{key}`"),
                format!("没有任何条件读取上下文键 `{key}`")
            )
        })
        .collect()
}

/// Effect, action and condition: what permission and trust statements share.
pub(crate) struct Common {
    pub effect: Option<Effect>,
    pub action_matched: bool,
    /// Which of the asked actions the statement matched (an index into `actions`).
    pub matched_action: Option<usize>,
    pub condition: ConditionOutcome,
    /// False when the statement cannot match whatever is asked.
    pub evaluable: bool,
    pub notes: Vec<String>,
}

/// Evaluates the parts every statement has. `actions` are the alternatives the request may
/// be: one for a permission request; for a trust request, `sts:AssumeRole` and the
/// federated variants.
pub(crate) fn evaluate_common(
    statement: &Statement<'_>,
    actions: &[&str],
    context: &Context<'_>,
    lang: Lang,
) -> Common {
    let mut notes = Vec::new();
    let mut evaluable = true;
    let effect = statement.effect();
    if effect.is_none() {
        evaluable = false;
        notes.push(match statement.effect.and_then(|f| f.node.as_str()) {
            None if statement.effect.is_none() => tr!(
                lang,
                "no `Effect`: the statement is ignored",
                "没有 `Effect`：该语句被忽略"
            ),
            Some(written) => tr!(
                lang,
                format!(
                    "`Effect` is `{}`, not `Allow` or `Deny` (exactly): the statement is ignored",
                    redact(written)
                ),
                format!(
                    "`Effect` 为 `{}`，不是 `Allow` 或 `Deny`（须完全一致）：该语句被忽略",
                    redact(written)
                )
            ),
            None => tr!(
                lang,
                "`Effect` is not a string: the statement is ignored",
                "`Effect` 不是字符串：该语句被忽略"
            ),
        });
    }
    let (action_matched, matched_action) = match (statement.action, statement.not_action) {
        (Some(_), None) | (None, Some(_)) => {
            let found = actions
                .iter()
                .position(|a| action_covers(statement, a) == Some(true));
            (found.is_some(), found)
        }
        (None, None) => {
            evaluable = false;
            notes.push(tr!(
                lang,
                "no `Action` or `NotAction`: the statement cannot match",
                "既没有 `Action` 也没有 `NotAction`：该语句无法匹配"
            ));
            (false, None)
        }
        (Some(_), Some(_)) => {
            evaluable = false;
            notes.push(tr!(lang, "both `Action` and `NotAction`: RAM accepts only one, so the statement cannot match", "同时有 `Action` 和 `NotAction`：RAM 只接受其一，该语句无法匹配"));
            (false, None)
        }
    };
    let condition = condition_eval::evaluate(statement, context, lang);
    if let Some(note) = &condition.note {
        notes.push(note.clone());
    }
    Common {
        effect,
        action_matched,
        matched_action,
        condition,
        evaluable,
        notes,
    }
}

/// Whether a statement's `Action` (any value matches) or `NotAction` (no value matches)
/// covers an action; `None` when it has neither or both, so that it can never match. The
/// evaluator and `diff`, which evaluates one statement against many requests, share it.
pub(crate) fn action_covers(statement: &Statement<'_>, action: &str) -> Option<bool> {
    match (statement.action, statement.not_action) {
        (Some(field), None) => Some(any_matches(
            field,
            &statement.pointer,
            action,
            Case::Insensitive,
        )),
        (None, Some(field)) => Some(!any_matches(
            field,
            &statement.pointer,
            action,
            Case::Insensitive,
        )),
        _ => None,
    }
}

/// The same for `Resource` and `NotResource`, comparing with case.
pub(crate) fn resource_covers(statement: &Statement<'_>, resource: &str) -> Option<bool> {
    match (statement.resource, statement.not_resource) {
        (Some(field), None) => Some(any_matches(
            field,
            &statement.pointer,
            resource,
            Case::Sensitive,
        )),
        (None, Some(field)) => Some(!any_matches(
            field,
            &statement.pointer,
            resource,
            Case::Sensitive,
        )),
        _ => None,
    }
}

/// Whether a statement's `Condition` holds in a request context (no `Condition` holds).
pub(crate) fn condition_holds(statement: &Statement<'_>, context: &[ContextEntry]) -> bool {
    condition_eval::evaluate(statement, &Context::new(context), Lang::En).matched
}

/// Each operator/key entry of a statement's `Condition`, evaluated in a request context.
pub(crate) fn condition_results(
    statement: &Statement<'_>,
    context: &[ContextEntry],
) -> Vec<ConditionResult> {
    condition_eval::evaluate(statement, &Context::new(context), Lang::En).entries
}

/// Whether any string value of an element matches the text (values of other types are
/// skipped; the linter reports them).
fn any_matches(field: Field<'_>, _parent: &str, text: &str, case: Case) -> bool {
    // The values `Field::strings` gives, read in place: `diff` asks this millions of times.
    let one = |node: &Node| {
        node.as_str()
            .is_some_and(|v| wildcard::matches(v, text, case))
    };
    match &field.node.value {
        json::Value::Array(items) => items.iter().any(one),
        _ => one(field.node),
    }
}

fn evaluate_statement(
    source: &str,
    statement: &Statement<'_>,
    kind: PolicyKind,
    request: &Request,
    context: &Context<'_>,
    lang: Lang,
) -> StatementResult {
    let common = evaluate_common(statement, &[request.action.as_str()], context, lang);
    let mut evaluable = common.evaluable;
    let mut notes = common.notes;
    let resource_matched = match (statement.resource, statement.not_resource) {
        (Some(_), None) => resource_covers(statement, &request.resource) == Some(true),
        (None, Some(_)) => {
            notes.push(tr!(lang, "`NotResource` is in RAM's older grammar only; whether RAM still accepts it is unconfirmed", "`NotResource` 只出现在 RAM 旧版语法中；当前 RAM 是否仍接受尚未确认"));
            resource_covers(statement, &request.resource) == Some(true)
        }
        (None, None) => {
            evaluable = false;
            notes.push(tr!(
                lang,
                "no `Resource`: RAM rejects a permission statement without one, so it cannot match",
                "没有 `Resource`：RAM 拒绝没有资源的权限语句，该语句无法匹配"
            ));
            false
        }
        (Some(_), Some(_)) => {
            evaluable = false;
            notes.push(tr!(
                lang,
                "both `Resource` and `NotResource`: the statement cannot match",
                "同时有 `Resource` 和 `NotResource`：该语句无法匹配"
            ));
            false
        }
    };
    let principal_matched = match (kind, statement.principal) {
        (PolicyKind::BucketPolicy, Some(principal)) => {
            let (matched, note) =
                bucket::principal_matches(principal.node, &request.principal, lang);
            notes.extend(note);
            Some(matched)
        }
        (PolicyKind::BucketPolicy, None) => {
            notes.push(tr!(
                lang,
                "no `Principal`: a bucket policy statement needs one, so it cannot match"
                    .to_owned(),
                "没有 `Principal`：Bucket Policy 的语句必须有主体，该语句无法匹配"
            ));
            Some(false)
        }
        (_, Some(_)) => {
            notes.push(tr!(
                lang,
                "`Principal` is ignored: this is evaluated as an identity policy",
                "`Principal` 被忽略：此处按身份策略评估"
            ));
            None
        }
        (_, None) => None,
    };
    let condition_matched = common.condition.matched;
    let matched = evaluable
        && common.effect.is_some()
        && common.action_matched
        && resource_matched
        && condition_matched
        && principal_matched != Some(false);
    StatementResult {
        source: source.to_owned(),
        path: statement.pointer.clone(),
        sid: sid(statement),
        effect: common.effect,
        action_matched: common.action_matched,
        resource_matched,
        condition_matched,
        principal_matched,
        matched,
        deciding: false,
        conditions: common.condition.entries,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

fn sid(statement: &Statement<'_>) -> Option<String> {
    statement.sid.and_then(|f| f.node.as_str()).map(redact)
}

/// Masks anything credential-like in policy text before it goes into an answer.
pub(crate) fn redact(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(found) = secrets::find_credential(rest) {
        out.push_str(rest.get(..found.start).unwrap_or_default());
        out.push_str(&secrets::mask(
            rest.get(found.start..found.end).unwrap_or_default(),
        ));
        rest = rest.get(found.end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(policy: &str, request: &Request) -> Decision {
        simulate(&[PolicySource::new("p", policy)], request, Lang::En).unwrap()
    }

    #[test]
    fn deny_wins_and_names_the_deciding_statement() {
        let policy = r#"{"Version":"1","Statement":[
            {"Effect":"Allow","Action":"ecs:*","Resource":"*"},
            {"Effect":"Deny","Action":"ecs:Delete*","Resource":"*"}]}"#;
        let d = run(
            policy,
            &Request::new("ecs:DeleteInstance", "acs:ecs:*:*:instance/i-1"),
        );
        assert_eq!(d.decision, Outcome::ExplicitDeny);
        assert_eq!(d.decided_by.len(), 1);
        assert_eq!(d.decided_by[0].path, "/Statement/1");
        assert!(d.statements[1].deciding && !d.statements[0].deciding);
        let d = run(policy, &Request::new("ecs:DescribeInstances", "*"));
        assert_eq!(d.decision, Outcome::Allow);
        assert_eq!(d.decided_by[0].path, "/Statement/0");
        let d = run(policy, &Request::new("oss:GetObject", "*"));
        assert_eq!(d.decision, Outcome::ImplicitDeny);
        assert!(d.decided_by.is_empty());
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let error = simulate(
            &[PolicySource::new("p.json", "{\n  \"Version\": \"1\",\n}")],
            &Request::new("oss:GetObject", "*"),
            Lang::En,
        )
        .unwrap_err();
        assert_eq!(error.kind, ErrorKind::Syntax);
        assert_eq!(error.to_string(), "p.json:3:1: trailing comma");
    }

    #[test]
    fn lint_errors_are_warnings_and_credentials_are_masked() {
        let policy = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*",
            "Condition":{"StringEquals":{"acs:AccessId":"LTAI5tAbCdEfGhIjKlMnOp"}}},
            {"Effect":"allow","Action":"oss:GetObject","Resource":"*"}]}"#;
        let d = run(policy, &Request::new("oss:GetObject", "*"));
        assert_eq!(d.decision, Outcome::ImplicitDeny);
        assert!(d.warnings.iter().any(|w| w.finding.code == "RP102"));
        let json = to_json(&d);
        assert!(!json.contains("LTAI5tAbCdEfGhIjKlMnOp"), "{json}");
        assert!(json.contains("LTAI****"), "{json}");
        assert!(!text(&d, Lang::En).contains("LTAI5tAbCdEfGhIjKlMnOp"));
        assert!(d.statements[1].note.as_deref().unwrap().contains("`allow`"));
    }

    #[test]
    fn unread_context_keys_are_noted() {
        let policy = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*",
            "Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}}]}"#;
        let d = run(
            policy,
            &Request::new("oss:GetObject", "*")
                .with_context("acs:SourceIP", "10.1.1.1")
                .with_context("acs:SorceVpc", "vpc-1"),
        );
        assert_eq!(d.decision, Outcome::Allow);
        assert_eq!(
            d.notes,
            ["no condition reads the context key `acs:SorceVpc`"]
        );
    }
}
