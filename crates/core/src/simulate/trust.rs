//! May this principal assume a role with this trust policy? (ram-facts 2)
//!
//! - `RAM: acs:ram::<uid>:root` trusts the account and every RAM user and role in it
//!   [S16, S20]; `acs:ram::<uid>:user/<name>` one user; `acs:ram::<uid>:role/<name>` one
//!   role (unconfirmed in official text).
//! - `Service: <name>.aliyuncs.com` trusts that service of the role's own account;
//!   `<uid>@<name>.aliyuncs.com` that service acting for account `<uid>` [S26]. The two
//!   forms do not match each other. Service names compare ignoring ASCII case (they are DNS
//!   names); the linter asks for lowercase.
//! - A RAM user never matches a `Service` principal: "RAM users cannot assume RAM roles
//!   whose trusted entity is an Alibaba Cloud service" [S16].
//! - `Federated` provider ARNs match exactly.
//! - The action asked is `sts:AssumeRole`; for a SAML or OIDC provider,
//!   `sts:AssumeRoleWithSAML` / `sts:AssumeRoleWithOIDC` are accepted too, since sources
//!   disagree on the OIDC action (ram-facts 2, discrepancy 8).

use std::fmt;

use serde::Serialize;

use crate::arn;
use crate::finding::Lang;
use crate::policy::{Effect, Policy, PolicyKind, Statement};
use crate::principal::{self, Parsed};

use super::request::{self, Context, TrustRequest};
use super::{
    condition_keys, decide, evaluate_common, lint_warnings, parse_source, redact, sid, unread_keys,
    ConditionResult, ErrorKind, Outcome, PolicySource, SimulateError, Warning,
};
use crate::tr;

/// Who asks to assume the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Principal {
    /// An account (its root identity): `acs:ram::<uid>:root`, or the bare UID.
    Account {
        account: String,
    },
    User {
        account: String,
        name: String,
    },
    /// A RAM role (a session of it, when a session name follows).
    Role {
        account: String,
        name: String,
    },
    /// A service of the role's own account: `ecs.aliyuncs.com`.
    Service {
        service: String,
    },
    /// A service acting for an account: `<uid>@engine.dataworks.aliyuncs.com`.
    AccountService {
        account: String,
        service: String,
    },
    SamlProvider {
        account: String,
        name: String,
    },
    OidcProvider {
        account: String,
        name: String,
    },
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Principal::Account { account } => write!(f, "acs:ram::{account}:root"),
            Principal::User { account, name } => write!(f, "acs:ram::{account}:user/{name}"),
            Principal::Role { account, name } => write!(f, "acs:ram::{account}:role/{name}"),
            Principal::Service { service } => f.write_str(service),
            Principal::AccountService { account, service } => write!(f, "{account}@{service}"),
            Principal::SamlProvider { account, name } => {
                write!(f, "acs:ram::{account}:saml-provider/{name}")
            }
            Principal::OidcProvider { account, name } => {
                write!(f, "acs:ram::{account}:oidc-provider/{name}")
            }
        }
    }
}

impl Principal {
    fn account(&self) -> Option<&str> {
        match self {
            Principal::Account { account }
            | Principal::User { account, .. }
            | Principal::Role { account, .. }
            | Principal::AccountService { account, .. }
            | Principal::SamlProvider { account, .. }
            | Principal::OidcProvider { account, .. } => Some(account),
            Principal::Service { .. } => None,
        }
    }

    fn is_ram_identity(&self) -> bool {
        matches!(
            self,
            Principal::Account { .. } | Principal::User { .. } | Principal::Role { .. }
        )
    }

    fn is_service(&self) -> bool {
        matches!(
            self,
            Principal::Service { .. } | Principal::AccountService { .. }
        )
    }

    fn is_provider(&self) -> bool {
        matches!(
            self,
            Principal::SamlProvider { .. } | Principal::OidcProvider { .. }
        )
    }

    /// The actions this principal's request may be, `sts:AssumeRole` first.
    fn actions(&self) -> &'static [&'static str] {
        match self {
            Principal::SamlProvider { .. } => &["sts:AssumeRole", "sts:AssumeRoleWithSAML"],
            Principal::OidcProvider { .. } => &["sts:AssumeRole", "sts:AssumeRoleWithOIDC"],
            _ => &["sts:AssumeRole"],
        }
    }

    fn from_parsed(parsed: Parsed<'_>) -> Option<Principal> {
        let own = |s: &str| s.to_owned();
        Some(match parsed {
            Parsed::Wildcard => return None,
            Parsed::Account { account } => Principal::Account {
                account: own(account),
            },
            Parsed::User { account, name } => Principal::User {
                account: own(account),
                name: own(name),
            },
            Parsed::Role { account, name } => Principal::Role {
                account: own(account),
                name: own(name),
            },
            Parsed::Service { service } => Principal::Service {
                service: service.to_ascii_lowercase(),
            },
            Parsed::AccountService { account, service } => Principal::AccountService {
                account: own(account),
                service: service.to_ascii_lowercase(),
            },
            Parsed::SamlProvider { account, name } => Principal::SamlProvider {
                account: own(account),
                name: own(name),
            },
            Parsed::OidcProvider { account, name } => Principal::OidcProvider {
                account: own(account),
                name: own(name),
            },
        })
    }
}

/// Reads the principal a user asks about. A bare string of digits is an account UID.
pub fn parse_principal(text: &str, lang: Lang) -> Result<Principal, SimulateError> {
    request::refuse_credential(&tr!(lang, "the principal", "主体"), text, lang)?;
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Principal::Account {
            account: text.to_owned(),
        });
    }
    let principal = if text.starts_with("acs:") {
        principal::parse("RAM", text)
            .or_else(|_| principal::parse("Federated", text))
            .ok()
            .and_then(Principal::from_parsed)
    } else {
        let lower = text.to_ascii_lowercase();
        principal::parse("Service", &lower)
            .ok()
            .and_then(Principal::from_parsed)
    };
    let principal = principal.map(|p| match p {
        // A role session (`role/<name>/<session>`) is the role.
        Principal::Role { account, name } => Principal::Role {
            account,
            name: name.split('/').next().unwrap_or_default().to_owned(),
        },
        other => other,
    });
    principal.ok_or_else(|| {
        SimulateError::new(
            ErrorKind::Request,
            tr!(lang, format!("`{text}` is not a principal ramplan can evaluate"), format!("`{text}` 不是 ramplan 能评估的主体")),
            Some(tr!(lang, "give an account UID (`1234567890123456` or `acs:ram::1234567890123456:root`), a RAM user (`acs:ram::<uid>:user/<name>`), a role (`acs:ram::<uid>:role/<name>`), a service (`ecs.aliyuncs.com`, `<uid>@engine.dataworks.aliyuncs.com`) or a provider ARN (`acs:ram::<uid>:saml-provider/<name>`)", "请给出账号 UID（`1234567890123456` 或 `acs:ram::1234567890123456:root`）、RAM 用户（`acs:ram::<uid>:user/<name>`）、角色（`acs:ram::<uid>:role/<name>`）、服务（`ecs.aliyuncs.com`、`<uid>@engine.dataworks.aliyuncs.com`）或身份提供商 ARN（`acs:ram::<uid>:saml-provider/<name>`）")),
        )
    })
}

/// One principal value of a trust statement, checked against the principal asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrincipalCheck {
    /// JSON pointer to the value: `/Statement/0/Principal/Service/0`.
    pub path: String,
    /// `RAM`, `Service`, `Federated` as written, or `*` for `"Principal": "*"`.
    #[serde(rename = "type")]
    pub principal_type: String,
    pub value: String,
    pub matched: bool,
    /// Why it did not match (`different account`), or what a match implies.
    pub reason: Option<String>,
    /// How near a miss is, for choosing the nearest one.
    #[serde(skip)]
    closeness: u8,
}

/// One statement of a trust policy, as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustStatementResult {
    pub source: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub effect: Option<Effect>,
    pub action_matched: bool,
    pub principal_matched: bool,
    pub condition_matched: bool,
    pub matched: bool,
    pub deciding: bool,
    pub principals: Vec<PrincipalCheck>,
    pub conditions: Vec<ConditionResult>,
    pub note: Option<String>,
}

/// A deciding trust statement and the principal value that matched in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustRef {
    pub source: String,
    pub path: String,
    /// Pointer to the matching principal value.
    pub principal: Option<String>,
}

/// The answer for a trust request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrustDecision {
    pub decision: Outcome,
    /// The principal asked about, as understood.
    pub principal: Principal,
    pub request: TrustRequest,
    pub decided_by: Vec<TrustRef>,
    pub statements: Vec<TrustStatementResult>,
    /// When denied, the `Allow` statement that came closest, and what differs.
    pub nearest_miss: Option<String>,
    pub notes: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// Evaluates whether a principal may assume a role with this trust policy. Never panics,
/// whatever the input.
pub fn simulate_trust(
    policy: &PolicySource,
    request: &TrustRequest,
    lang: Lang,
) -> Result<TrustDecision, SimulateError> {
    let asked = parse_principal(&request.principal, lang)?;
    request::check_context(&request.context, lang)?;
    let context = Context::new(&request.context);
    let root = parse_source(policy, lang)?;
    let parsed = Policy::from_root(&root);
    let warnings = lint_warnings(policy, PolicyKind::Trust, lang);
    let mut statements: Vec<TrustStatementResult> = parsed
        .statements
        .iter()
        .map(|s| evaluate_statement(&policy.name, s, &asked, &context, lang))
        .collect();
    let (decision, deciding) = decide(statements.iter().map(|s| (s.effect, s.matched)));
    let mut decided_by = Vec::new();
    for index in deciding {
        if let Some(s) = statements.get_mut(index) {
            s.deciding = true;
            decided_by.push(TrustRef {
                source: s.source.clone(),
                path: s.path.clone(),
                principal: s
                    .principals
                    .iter()
                    .find(|p| p.matched)
                    .map(|p| p.path.clone()),
            });
        }
    }
    let nearest_miss = match decision {
        Outcome::ImplicitDeny => nearest_miss(&statements, &asked, lang),
        Outcome::Allow | Outcome::ExplicitDeny => None,
    };
    let mut notes = Vec::new();
    if let Some(account) = asked.account() {
        if !arn::is_account_id(account) {
            notes.push(tr!(
                lang,
                format!("`{account}` is not a 16-digit account ID (S59)"),
                format!("`{account}` 不是 16 位账号 ID（S59）")
            ));
        }
    }
    if decision == Outcome::Allow {
        if let Principal::User { account, .. } | Principal::Role { account, .. } = &asked {
            notes.push(tr!(lang, format!("the trust policy lets `{asked}` in; it still needs an identity policy in account `{account}` that allows `sts:AssumeRole` on this role (ram-facts 2)"), format!("信任策略允许 `{asked}`；它仍需要账号 `{account}` 中允许对该角色执行 `sts:AssumeRole` 的身份策略（ram-facts 2）")));
        }
    }
    notes.extend(unread_keys(&context, &condition_keys(&parsed), lang));
    Ok(TrustDecision {
        decision,
        principal: asked,
        request: request.clone(),
        decided_by,
        statements,
        nearest_miss,
        notes,
        warnings,
    })
}

fn evaluate_statement(
    source: &str,
    statement: &Statement<'_>,
    asked: &Principal,
    context: &Context<'_>,
    lang: Lang,
) -> TrustStatementResult {
    let actions = asked.actions();
    let common = evaluate_common(statement, actions, context, lang);
    let mut notes = common.notes;
    let mut evaluable = common.evaluable;
    if let Some(action) = common.matched_action.and_then(|i| actions.get(i)) {
        if *action != "sts:AssumeRole" {
            notes.push(tr!(lang, format!("matched as `{action}`: whether RAM expects it instead of `sts:AssumeRole` is unconfirmed (ram-facts 2)"), format!("按 `{action}` 匹配：RAM 是否要求用它代替 `sts:AssumeRole` 尚未确认（ram-facts 2）")));
        }
    }
    if statement.resource.is_some() || statement.not_resource.is_some() {
        notes.push(tr!(
            lang,
            "a trust statement names no resource; `Resource` is ignored",
            "信任策略语句不指定资源；`Resource` 被忽略"
        ));
    }
    let principals: Vec<PrincipalCheck> = principal::values(statement)
        .iter()
        .map(|v| {
            let check = check_entry(v.principal_type, v.item.value, asked, lang);
            PrincipalCheck {
                path: v.item.pointer(),
                principal_type: redact(v.principal_type),
                value: redact(v.item.value),
                matched: check.matched,
                reason: check.reason,
                closeness: check.closeness,
            }
        })
        .collect();
    if statement.principal.is_none() {
        evaluable = false;
        notes.push(tr!(
            lang,
            "no `Principal`: the statement trusts no one",
            "没有 `Principal`：该语句不信任任何主体"
        ));
    }
    let principal_matched = principals.iter().any(|p| p.matched);
    let condition_matched = common.condition.matched;
    let matched = evaluable
        && common.effect.is_some()
        && common.action_matched
        && principal_matched
        && condition_matched;
    TrustStatementResult {
        source: source.to_owned(),
        path: statement.pointer.clone(),
        sid: sid(statement),
        effect: common.effect,
        action_matched: common.action_matched,
        principal_matched,
        condition_matched,
        matched,
        deciding: false,
        principals,
        conditions: common.condition.entries,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// The outcome of comparing one principal value with the principal asked about.
struct Check {
    matched: bool,
    /// How near a miss is: 3 one field differs, 2 same family but another kind, 1 another
    /// family, 0 unreadable. Meaningless for a match.
    closeness: u8,
    reason: Option<String>,
}

impl Check {
    fn hit(reason: Option<String>) -> Check {
        Check {
            matched: true,
            closeness: 4,
            reason,
        }
    }

    fn miss(closeness: u8, reason: String) -> Check {
        Check {
            matched: false,
            closeness,
            reason: Some(reason),
        }
    }
}

fn check_entry(principal_type: &str, value: &str, asked: &Principal, lang: Lang) -> Check {
    let t = |en: &str, zh: &str| tr!(lang, en.to_owned(), zh.to_owned());
    if principal_type == "*" && value != "*" {
        return Check::miss(
            0,
            t(
                "`Principal` must be an object such as {\"RAM\": [...]}",
                "`Principal` 必须是对象，例如 {\"RAM\": [...]}",
            ),
        );
    }
    // Service names are DNS names: compare them in lowercase.
    let lowered;
    let value = if principal_type == "Service" {
        lowered = value.to_ascii_lowercase();
        lowered.as_str()
    } else {
        value
    };
    let parsed = match principal::parse(principal_type, value) {
        Ok(parsed) => parsed,
        Err(principal::PrincipalError::UnknownType) => {
            return Check::miss(
                0,
                tr!(
                    lang,
                    format!(
                        "`{}` is not a principal type (RAM, Service, Federated)",
                        redact(principal_type)
                    ),
                    format!(
                        "`{}` 不是主体类型（RAM、Service、Federated）",
                        redact(principal_type)
                    )
                ),
            )
        }
        Err(_) => {
            return Check::miss(
                0,
                tr!(
                    lang,
                    format!("not a valid `{}` principal", redact(principal_type)),
                    format!("不是有效的 `{}` 主体", redact(principal_type))
                ),
            )
        }
    };
    let Some(trusted) = Principal::from_parsed(parsed) else {
        // `*`: everyone of the type's family.
        let covers = match principal_type {
            "RAM" => asked.is_ram_identity(),
            "Service" => asked.is_service(),
            "Federated" => asked.is_provider(),
            _ => true,
        };
        return if covers {
            Check::hit(Some(t(
                "`*` trusts everyone of this type, in every account",
                "`*` 信任所有账号中该类型的任何主体",
            )))
        } else {
            Check::miss(1, family_mismatch(principal_type, asked, lang))
        };
    };
    compare(&trusted, asked, lang)
}

fn family_mismatch(principal_type: &str, asked: &Principal, lang: Lang) -> String {
    let t = |en: &str, zh: &str| tr!(lang, en.to_owned(), zh.to_owned());
    if matches!(asked, Principal::User { .. }) && principal_type == "Service" {
        return t(
            "RAM users cannot assume RAM roles whose trusted entity is an Alibaba Cloud service (S16)",
            "RAM 用户不能扮演可信实体为阿里云服务的 RAM 角色（S16）",
        );
    }
    match principal_type {
        "RAM" => t(
            "trusts RAM identities (accounts, users, roles), not this kind of principal",
            "信任的是 RAM 身份（账号、用户、角色），不是这类主体",
        ),
        "Service" => t(
            "trusts an Alibaba Cloud service, not this kind of principal",
            "信任的是阿里云服务，不是这类主体",
        ),
        _ => t(
            "trusts an identity provider, not this kind of principal",
            "信任的是身份提供商，不是这类主体",
        ),
    }
}

fn compare(trusted: &Principal, asked: &Principal, lang: Lang) -> Check {
    use Principal as P;
    let t = |en: &str, zh: &str| tr!(lang, en.to_owned(), zh.to_owned());
    let different_account = || t("different account", "账号不同");
    match (trusted, asked) {
        (P::Account { account: a }, P::Account { account: b }) => {
            if a == b {
                Check::hit(None)
            } else {
                Check::miss(3, different_account())
            }
        }
        (P::Account { account: a }, P::User { account: b, .. } | P::Role { account: b, .. }) => {
            if a == b {
                Check::hit(Some(t(
                    "the account root trusts every RAM user and role of the account (S16, S20)",
                    "账号根身份信任该账号下所有 RAM 用户和角色（S16、S20）",
                )))
            } else {
                Check::miss(3, different_account())
            }
        }
        (P::User { account: a, name: n }, P::User { account: b, name: m })
        | (P::Role { account: a, name: n }, P::Role { account: b, name: m }) => {
            let role = matches!(trusted, P::Role { .. });
            match (a == b, n == m) {
                (true, true) if role => Check::hit(Some(t(
                    "roles as `RAM` principals are unconfirmed in official documentation (ram-facts 2)",
                    "以角色作为 `RAM` 主体在官方文档中尚未确认（ram-facts 2）",
                ))),
                (true, true) => Check::hit(None),
                (true, false) if role => Check::miss(3, t("different role", "角色不同")),
                (true, false) => Check::miss(3, t("different user", "用户不同")),
                (false, true) => Check::miss(3, different_account()),
                (false, false) => Check::miss(2, t("different account and name", "账号和名称都不同")),
            }
        }
        (P::User { account: a, .. } | P::Role { account: a, .. }, P::Account { account: b })
        | (P::User { account: a, .. }, P::Role { account: b, .. })
        | (P::Role { account: a, .. }, P::User { account: b, .. }) => {
            let reason = match trusted {
                P::User { .. } => t(
                    "trusts one RAM user, not the whole account or a role",
                    "只信任一个 RAM 用户，而不是整个账号或角色",
                ),
                _ => t(
                    "trusts one role, not the whole account or a user",
                    "只信任一个角色，而不是整个账号或用户",
                ),
            };
            Check::miss(if a == b { 2 } else { 1 }, reason)
        }
        (P::Service { service: s }, P::Service { service: u }) => {
            if s == u {
                Check::hit(None)
            } else {
                Check::miss(3, t("different service", "服务不同"))
            }
        }
        (
            P::AccountService {
                account: a,
                service: s,
            },
            P::AccountService {
                account: b,
                service: u,
            },
        ) => match (a == b, s == u) {
            (true, true) => Check::hit(None),
            (true, false) => Check::miss(3, t("different service", "服务不同")),
            (false, true) => Check::miss(3, different_account()),
            (false, false) => Check::miss(2, t("different account and service", "账号和服务都不同")),
        },
        (P::Service { service: s }, P::AccountService { service: u, .. }) => Check::miss(
            if s == u { 3 } else { 2 },
            t(
                "trusts the service of the role's own account, not the service acting for another account",
                "信任的是角色所属账号自己的服务，而不是代表其他账号的服务",
            ),
        ),
        (P::AccountService { service: s, .. }, P::Service { service: u }) => Check::miss(
            if s == u { 3 } else { 2 },
            t(
                "trusts the service acting for one account, not the service of the role's own account",
                "信任的是代表某个账号的服务，而不是角色所属账号自己的服务",
            ),
        ),
        (P::SamlProvider { account: a, name: n }, P::SamlProvider { account: b, name: m })
        | (P::OidcProvider { account: a, name: n }, P::OidcProvider { account: b, name: m }) => {
            match (a == b, n == m) {
                (true, true) => Check::hit(None),
                (true, false) => Check::miss(3, t("different identity provider", "身份提供商不同")),
                (false, true) => Check::miss(3, different_account()),
                (false, false) => Check::miss(2, t("different account and provider", "账号和身份提供商都不同")),
            }
        }
        (P::SamlProvider { .. }, P::OidcProvider { .. }) => {
            Check::miss(2, t("trusts a SAML provider, not an OIDC one", "信任的是 SAML 身份提供商，而不是 OIDC"))
        }
        (P::OidcProvider { .. }, P::SamlProvider { .. }) => {
            Check::miss(2, t("trusts an OIDC provider, not a SAML one", "信任的是 OIDC 身份提供商，而不是 SAML"))
        }
        (trusted, asked) => {
            let family = if trusted.is_ram_identity() {
                "RAM"
            } else if trusted.is_service() {
                "Service"
            } else {
                "Federated"
            };
            Check::miss(1, family_mismatch(family, asked, lang))
        }
    }
}

/// The `Allow` statement that came closest to admitting the principal, in words.
fn nearest_miss(
    statements: &[TrustStatementResult],
    asked: &Principal,
    lang: Lang,
) -> Option<String> {
    let mut best: Option<(u8, String)> = None;
    let mut consider = |score: u8, text: String| {
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, text));
        }
    };
    for s in statements
        .iter()
        .filter(|s| s.effect == Some(Effect::Allow))
    {
        let path = &s.path;
        if let Some(hit) = s.principals.iter().find(|p| p.matched) {
            let value = &hit.value;
            if !s.action_matched {
                consider(
                    9,
                    tr!(lang, format!("statement `{path}` trusts `{value}`, but its action does not match `sts:AssumeRole`"), format!("语句 `{path}` 信任 `{value}`，但其操作与 `sts:AssumeRole` 不匹配")),
                );
            } else if !s.condition_matched {
                let failed: Vec<String> = s
                    .conditions
                    .iter()
                    .filter(|c| !c.matched)
                    .map(|c| format!("`{}` `{}`", c.operator, c.key))
                    .collect();
                consider(
                    10,
                    tr!(lang, format!("statement `{path}` trusts `{value}`, but its condition does not hold: {}", failed.join(", ")), format!("语句 `{path}` 信任 `{value}`，但条件不成立：{}", failed.join("、"))),
                );
            } else if let Some(note) = &s.note {
                consider(
                    8,
                    tr!(
                        lang,
                        format!("statement `{path}` trusts `{value}`, but: {note}"),
                        format!("语句 `{path}` 信任 `{value}`，但：{note}")
                    ),
                );
            }
            continue;
        }
        for p in &s.principals {
            let (value, reason) = (&p.value, p.reason.as_deref().unwrap_or_default());
            consider(
                p.closeness * 2,
                tr!(
                    lang,
                    format!(
                        "statement `{path}` trusts `{value}`; you asked about `{asked}` ({reason})"
                    ),
                    format!("语句 `{path}` 信任 `{value}`；你询问的是 `{asked}`（{reason}）")
                ),
            );
        }
    }
    best.map(|(_, text)| text)
}
