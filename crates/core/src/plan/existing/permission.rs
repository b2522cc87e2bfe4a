//! Why a permission expectation failed (an action not allowed, allowed on another resource,
//! only under a condition, explicitly denied), and what is broader than the scenario needs.

use super::*;

impl Checker {
    pub(super) fn explain_permission(
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
    pub(super) fn broader_than_needed(&mut self, plan: &Plan, documents: &[&Read<'_>]) {
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
                            item.pointer(),
                            tr!(self.lang, format!("`{value}` allows every action it matches; this scenario needs only {actions}"), format!("`{value}` 允许其匹配的所有操作；本场景只需要 {actions}")),
                        ));
                    }
                }
                for item in statement.resources() {
                    let value = item.value.trim();
                    let everything = value.rsplit(':').next() == Some("*");
                    if everything && !needed_resources.iter().any(|r| r == value) {
                        found.push((
                            item.pointer(),
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
