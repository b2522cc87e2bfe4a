//! Why a trust expectation failed: which principal the role should trust and how the one it
//! trusts differs (the wrong service suffix, the wrong account, a masked value).

use super::*;

impl Checker {
    pub(super) fn explain_trust(
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
}

struct MissingPrincipal<'a> {
    principal: &'a str,
    role: &'a str,
    why: &'a str,
    needed_by: &'a str,
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
