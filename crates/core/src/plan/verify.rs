//! Plans verify themselves. Each scenario declares, as data, what its generated documents
//! must do: who may assume the role and which near misses may not, which requests the
//! role's custom policies allow and which they refuse (`Expectation`). After building, the
//! plan runs every expectation through the simulator (`crate::simulate`) and lists the
//! results as its `checks`. A plan that fails one of its own checks gets an error finding,
//! so it carries no artifact.
//!
//! System policies are Alibaba Cloud's own: their content is not known here, so they are
//! listed as not evaluated rather than assumed to work; so are MaxCompute grants, which are
//! not RAM policies.
//!
//! The same expectations judge a user's existing documents (`plan::existing`).
//!
//! Its finding codes are in [`crate::plan::codes`], with what each means.

use std::fmt::Write as _;

use serde::Serialize;

use crate::finding::{Lang, Severity};
use crate::plan::{Artifact, Builder, PolicyType, RamResources};
use crate::simulate::{
    self, Decision, Outcome, PolicySource, Request, TrustDecision, TrustRequest,
};
use crate::tr;

/// What a scenario needs of its documents, derived from its inputs. `why` says it in the
/// scenario's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Expectation {
    /// `principal` may assume `role`.
    Assume {
        principal: String,
        role: String,
        why: String,
        /// Who needs the principal, as the subject of "... needs `<principal>`" in messages
        /// about an existing setup (`registering an EMR cluster`).
        #[serde(skip)]
        needed_by: String,
    },
    /// `principal`, a near miss of the right one, may not assume `role`.
    NoAssume {
        principal: String,
        role: String,
        why: String,
        /// How serious it is when an existing trust policy lets it in anyway.
        #[serde(skip)]
        severity: Severity,
    },
    /// The custom policies attached to `role` allow `action` on `resource`; `grant` is the
    /// `Resource` entry the plan writes for it.
    Allow {
        role: String,
        action: String,
        resource: String,
        grant: String,
        why: String,
    },
    /// The custom policies attached to `role` do not allow `action` on `resource`.
    Deny {
        role: String,
        action: String,
        resource: String,
        why: String,
        #[serde(skip)]
        severity: Severity,
    },
    /// A system policy attached to `role`: Alibaba Cloud's, its content unknown.
    SystemPolicy { role: String, policy: String },
    /// Something the plan sets up outside RAM (MaxCompute grants); `how` says how to check it.
    Outside { what: String, how: String },
}

impl Expectation {
    /// A trust check that `principal` may assume `role`.
    pub fn assume(principal: String, role: &str, why: String, needed_by: String) -> Self {
        Expectation::Assume {
            principal,
            role: role.to_owned(),
            why,
            needed_by,
        }
    }

    /// A trust check that `principal` may not assume `role`.
    pub fn no_assume(principal: String, role: &str, why: String, severity: Severity) -> Self {
        Expectation::NoAssume {
            principal,
            role: role.to_owned(),
            why,
            severity,
        }
    }

    pub fn allow(role: &str, action: &str, resource: String, grant: String, why: String) -> Self {
        Expectation::Allow {
            role: role.to_owned(),
            action: action.to_owned(),
            resource,
            grant,
            why,
        }
    }

    pub fn deny(
        role: &str,
        action: &str,
        resource: String,
        why: String,
        severity: Severity,
    ) -> Self {
        Expectation::Deny {
            role: role.to_owned(),
            action: action.to_owned(),
            resource,
            why,
            severity,
        }
    }

    /// The role the expectation is about, if any.
    pub fn role(&self) -> Option<&str> {
        match self {
            Expectation::Assume { role, .. }
            | Expectation::NoAssume { role, .. }
            | Expectation::Allow { role, .. }
            | Expectation::Deny { role, .. }
            | Expectation::SystemPolicy { role, .. } => Some(role),
            Expectation::Outside { .. } => None,
        }
    }

    /// The scenario's reason, where it gives one.
    pub fn why(&self) -> Option<&str> {
        match self {
            Expectation::Assume { why, .. }
            | Expectation::NoAssume { why, .. }
            | Expectation::Allow { why, .. }
            | Expectation::Deny { why, .. } => Some(why),
            Expectation::SystemPolicy { .. } | Expectation::Outside { .. } => None,
        }
    }

    pub(crate) fn is_trust(&self) -> bool {
        matches!(
            self,
            Expectation::Assume { .. } | Expectation::NoAssume { .. }
        )
    }

    pub(crate) fn is_permission(&self) -> bool {
        matches!(self, Expectation::Allow { .. } | Expectation::Deny { .. })
    }

    /// The expectation as one line: "`A@emr.dataworks.aliyuncs.com` can assume `EMRRole`".
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Expectation::Assume {
                principal, role, ..
            } => tr!(
                lang,
                format!("`{principal}` can assume `{role}`"),
                format!("`{principal}` 可以扮演 `{role}`")
            ),
            Expectation::NoAssume {
                principal, role, ..
            } => tr!(
                lang,
                format!("`{principal}` cannot assume `{role}`"),
                format!("`{principal}` 不能扮演 `{role}`")
            ),
            Expectation::Allow {
                action, resource, ..
            } => tr!(
                lang,
                format!("`{action}` on `{resource}` is allowed"),
                format!("允许对 `{resource}` 执行 `{action}`")
            ),
            Expectation::Deny {
                action, resource, ..
            } => tr!(
                lang,
                format!("`{action}` on `{resource}` is denied"),
                format!("拒绝对 `{resource}` 执行 `{action}`")
            ),
            Expectation::SystemPolicy { role, policy } => tr!(
                lang,
                format!("system policy `{policy}` on `{role}`"),
                format!("`{role}` 的系统策略 `{policy}`")
            ),
            Expectation::Outside { what, .. } => what.clone(),
        }
    }
}

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckResult {
    Passed,
    Failed,
    /// The simulator cannot judge it (a system policy, a MaxCompute grant, a missing document).
    NotEvaluated,
}

/// One expectation, evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    #[serde(flatten)]
    pub expectation: Expectation,
    /// The documents evaluated, by file name; empty when not evaluated.
    pub documents: Vec<String>,
    pub result: CheckResult,
    /// The simulator's decision, when it ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Outcome>,
    /// The deciding statements, the nearest miss, or why it was not evaluated.
    pub explanation: String,
}

impl Check {
    pub fn passed(&self) -> bool {
        self.result == CheckResult::Passed
    }
}

/// A check together with the simulator's full answer, for callers that explain failures.
pub(crate) struct Evaluated {
    pub check: Check,
    pub trust: Option<TrustDecision>,
    pub permission: Option<Decision>,
}

/// Evaluates one expectation against a trust policy and the custom policies of its role.
/// `trust` is `None` when there is no trust policy to read.
pub(crate) fn evaluate(
    expectation: &Expectation,
    trust: Option<&PolicySource>,
    permissions: &[PolicySource],
    lang: Lang,
) -> Evaluated {
    let mut evaluated = Evaluated {
        check: Check {
            expectation: expectation.clone(),
            documents: Vec::new(),
            result: CheckResult::NotEvaluated,
            decision: None,
            explanation: String::new(),
        },
        trust: None,
        permission: None,
    };
    let check = &mut evaluated.check;
    match expectation {
        Expectation::Assume { principal, .. } | Expectation::NoAssume { principal, .. } => {
            let Some(trust) = trust else {
                check.explanation = tr!(
                    lang,
                    "there is no trust policy to evaluate",
                    "没有可评估的信任策略"
                );
                return evaluated;
            };
            check.documents.push(trust.name.clone());
            let want = matches!(expectation, Expectation::Assume { .. });
            match simulate::simulate_trust(trust, &TrustRequest::new(principal.clone()), lang) {
                Ok(decision) => {
                    check.result = result(decision.decision.is_allowed() == want);
                    check.decision = Some(decision.decision);
                    check.explanation = explain_trust(&decision, lang);
                    evaluated.trust = Some(decision);
                }
                Err(error) => {
                    check.result = CheckResult::Failed;
                    check.explanation = error.to_string();
                }
            }
        }
        Expectation::Allow {
            action, resource, ..
        }
        | Expectation::Deny {
            action, resource, ..
        } => {
            check.documents = permissions.iter().map(|p| p.name.clone()).collect();
            let want = matches!(expectation, Expectation::Allow { .. });
            match simulate::simulate(permissions, &Request::new(action, resource), lang) {
                Ok(decision) => {
                    check.result = result(decision.decision.is_allowed() == want);
                    check.decision = Some(decision.decision);
                    check.explanation = explain_permission(&decision, lang);
                    evaluated.permission = Some(decision);
                }
                Err(error) => {
                    check.result = CheckResult::Failed;
                    check.explanation = error.to_string();
                }
            }
        }
        Expectation::SystemPolicy { .. } => {
            check.explanation = tr!(lang, "not evaluated: a system policy is written and updated by Alibaba Cloud, and ramplan does not know its content; check in the RAM console that it is attached to the role", "未评估：系统策略由阿里云编写和更新，ramplan 不知道其内容；请在 RAM 控制台中确认它已授权给该角色");
        }
        Expectation::Outside { how, .. } => {
            check.explanation = tr!(lang, format!("not evaluated: this is not a RAM policy, so the simulator cannot read it; {how}"), format!("未评估：这不是 RAM 策略，模拟器无法评估；{how}"));
        }
    }
    evaluated
}

fn result(passed: bool) -> CheckResult {
    if passed {
        CheckResult::Passed
    } else {
        CheckResult::Failed
    }
}

fn explain_trust(decision: &TrustDecision, lang: Lang) -> String {
    let refs: Vec<String> = decision
        .decided_by
        .iter()
        .map(|r| {
            let pointer = r.principal.as_deref().unwrap_or(&r.path);
            format!("`{}` `{pointer}`", r.source)
        })
        .collect();
    match decision.decision {
        Outcome::Allow => tr!(
            lang,
            format!("allowed by {}", refs.join(", ")),
            format!("由 {} 允许", refs.join("、"))
        ),
        Outcome::ExplicitDeny => tr!(
            lang,
            format!("explicitly denied by {}", refs.join(", ")),
            format!("被 {} 显式拒绝", refs.join("、"))
        ),
        Outcome::ImplicitDeny => match &decision.nearest_miss {
            Some(miss) => tr!(
                lang,
                format!("no statement trusts it; nearest miss: {miss}"),
                format!("没有任何语句信任它；最接近的是：{miss}")
            ),
            None => tr!(lang, "no statement trusts it", "没有任何语句信任它"),
        },
    }
}

fn explain_permission(decision: &Decision, lang: Lang) -> String {
    let refs: Vec<String> = decision
        .decided_by
        .iter()
        .map(|r| format!("`{}` `{}`", r.source, r.path))
        .collect();
    match decision.decision {
        Outcome::Allow => tr!(
            lang,
            format!("allowed by {}", refs.join(", ")),
            format!("由 {} 允许", refs.join("、"))
        ),
        Outcome::ExplicitDeny => tr!(
            lang,
            format!("explicitly denied by {}", refs.join(", ")),
            format!("被 {} 显式拒绝", refs.join("、"))
        ),
        Outcome::ImplicitDeny => tr!(
            lang,
            "no statement allows it (implicit deny)",
            "没有任何语句允许它（隐式拒绝）"
        ),
    }
}

/// The role's trust policy and custom policies among the plan's artifacts.
pub(crate) fn documents_of(
    role: &str,
    resources: &RamResources,
    artifacts: &[Artifact],
) -> (Option<PolicySource>, Vec<PolicySource>) {
    let source = |id: &str| {
        artifacts
            .iter()
            .find(|a| a.id == id)
            .map(|a| PolicySource::new(a.filename.clone(), a.content.clone()))
    };
    let Some(ram_role) = resources.roles.iter().find(|r| r.name == role) else {
        return (None, Vec::new());
    };
    let permissions = ram_role
        .attachments
        .iter()
        .filter(|a| a.policy_type == PolicyType::Custom)
        .filter_map(|a| {
            resources
                .policies
                .iter()
                .find(|p| p.name == a.policy_name && p.account == ram_role.account)
        })
        .filter_map(|p| source(&p.document))
        .collect();
    (source(&ram_role.trust_policy), permissions)
}

/// Every system policy the plan attaches or expects a console to attach.
pub(crate) fn system_policies(resources: &RamResources) -> Vec<Expectation> {
    let mut out = Vec::new();
    for role in &resources.roles {
        for attachment in &role.attachments {
            if attachment.policy_type == PolicyType::System {
                out.push(Expectation::SystemPolicy {
                    role: role.name.clone(),
                    policy: attachment.policy_name.clone(),
                });
            }
        }
    }
    for role in &resources.console_roles {
        out.push(Expectation::SystemPolicy {
            role: role.name.clone(),
            policy: role.system_policy.clone(),
        });
    }
    out
}

/// Runs the scenario's expectations against the generated documents; a failed one is PL901.
pub(crate) fn verify(builder: &mut Builder) {
    let lang = builder.lang;
    let mut expectations = std::mem::take(&mut builder.expectations);
    expectations.extend(system_policies(&builder.resources));
    let mut checks = Vec::new();
    for expectation in expectations {
        let (trust, permissions) = match expectation.role() {
            Some(role) => documents_of(role, &builder.resources, &builder.artifacts),
            None => (None, Vec::new()),
        };
        let mut check = evaluate(&expectation, trust.as_ref(), &permissions, lang).check;
        // A generated role without a trust policy is a broken plan, not an open question.
        if expectation.is_trust() && check.result == CheckResult::NotEvaluated {
            check.result = CheckResult::Failed;
        }
        checks.push(check);
    }
    for check in checks.iter().filter(|c| c.result == CheckResult::Failed) {
        let documents = check.documents.join("`, `");
        let expected = check.expectation.describe(lang);
        let explanation = &check.explanation;
        let message = if documents.is_empty() {
            tr!(
                lang,
                format!("the plan fails its own check: expected {expected}, but {explanation}"),
                format!("计划未通过自身检查：预期{expected}，但{explanation}")
            )
        } else {
            tr!(lang, format!("generated `{documents}` fails the plan's own check: expected {expected}, but {explanation}"), format!("生成的 `{documents}` 未通过计划自身的检查：预期{expected}，但{explanation}"))
        };
        let help = check.expectation.why().map(|why| {
            tr!(lang, format!("the scenario needs it because {why}; this is a bug in ramplan, please report it with the inputs"), format!("场景需要这一点，因为{why}；这是 ramplan 的缺陷，请附上输入报告此问题"))
        });
        builder.findings.push(
            crate::Finding::new(
                "PL901",
                Severity::Error,
                message,
                crate::Location::field(""),
            )
            .with_help(help),
        );
    }
    builder.checks = checks;
}

/// The checks as a runbook section.
pub(crate) fn runbook_section(out: &mut String, checks: &[Check], lang: Lang) {
    if checks.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}\n",
        lang.pick("What ramplan checked", "ramplan 已验证的内容")
    );
    let intro = if checks.iter().any(|c| c.result != CheckResult::NotEvaluated) {
        lang.pick(
            "ramplan ran the generated policies through its RAM simulator (`ramplan simulate`):",
            "ramplan 用其 RAM 模拟器（`ramplan simulate`）评估了生成的策略：",
        )
    } else {
        lang.pick(
            "This plan generates no policy for ramplan's RAM simulator (`ramplan simulate`) to evaluate:",
            "本计划没有生成可供 ramplan 的 RAM 模拟器（`ramplan simulate`）评估的策略：",
        )
    };
    let _ = writeln!(out, "{intro}\n");
    for check in checks {
        let mark = match check.result {
            CheckResult::Passed => "✓",
            CheckResult::Failed => "✗",
            CheckResult::NotEvaluated => "○",
        };
        let described = check.expectation.describe(lang);
        let reason = match (&check.result, check.expectation.why()) {
            (CheckResult::NotEvaluated, _) | (_, None) => check.explanation.clone(),
            (_, Some(why)) => why.to_owned(),
        };
        let _ = writeln!(out, "- {mark} {described}{}{reason}", lang.pick(": ", "："));
    }
    out.push('\n');
}
