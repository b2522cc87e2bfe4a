//! A policy in plain words: one sentence per statement saying what it allows or denies, to
//! whom (trust policies), on what, and under which conditions. For reading, not for deciding
//! access; the evaluator does that.

use serde::Serialize;

use crate::arn;
use crate::catalogue;
use crate::condition;
use crate::finding::Lang;
use crate::policy::{Effect, Policy, PolicyKind, Statement};
use crate::principal::{self, Parsed};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The statement's JSON pointer.
    pub path: String,
    pub effect: Option<Effect>,
    pub text: String,
}

/// Describes every statement of a policy that parses; an unreadable policy has no sentences
/// (the linter says why).
pub fn explain(text: &str, kind: PolicyKind, lang: Lang) -> Vec<Sentence> {
    let Ok(root) = crate::json::parse(text) else {
        return Vec::new();
    };
    let policy = Policy::from_root(&root);
    let entries = condition::entries(&policy);
    let grouped = condition::by_statement(&entries);
    policy
        .statements
        .iter()
        .map(|s| {
            let conditions: Vec<String> = grouped
                .get(s.pointer.as_str())
                .into_iter()
                .flatten()
                .map(|e| {
                    describe_condition(
                        e.operator_name(),
                        e.key_name(),
                        &e.values.iter().map(|v| v.value).collect::<Vec<_>>(),
                        lang,
                    )
                })
                .collect();
            Sentence {
                path: s.pointer.clone(),
                effect: s.effect(),
                text: sentence(s, kind, &conditions, lang),
            }
        })
        .collect()
}

fn sentence(s: &Statement<'_>, kind: PolicyKind, conditions: &[String], lang: Lang) -> String {
    let verb = match (s.effect(), lang) {
        (Some(Effect::Allow), Lang::En) => "Allows",
        (Some(Effect::Deny), Lang::En) => "Denies",
        (None, Lang::En) => "Has no valid effect for",
        (Some(Effect::Allow), Lang::Zh) => "允许",
        (Some(Effect::Deny), Lang::Zh) => "拒绝",
        (None, Lang::Zh) => "（Effect 无效）",
    };
    let mut out = String::new();
    if kind == PolicyKind::Trust {
        let who = describe_principals(s, lang);
        match lang {
            Lang::En => out.push_str(&format!("{verb} {who} to assume this role")),
            Lang::Zh => out.push_str(&format!("{verb}{who}扮演此角色")),
        }
    } else if kind == PolicyKind::BucketPolicy {
        let who = describe_bucket_principals(s, lang);
        let actions = describe_actions(s, lang);
        let resources = describe_resources(s, lang);
        match lang {
            Lang::En => out.push_str(&format!("{verb} {who} {actions} on {resources}")),
            Lang::Zh => out.push_str(&format!("{verb}{who}对{resources}执行{actions}")),
        }
    } else {
        let actions = describe_actions(s, lang);
        let resources = describe_resources(s, lang);
        match lang {
            Lang::En => out.push_str(&format!("{verb} {actions} on {resources}")),
            Lang::Zh => out.push_str(&format!("{verb}对{resources}执行{actions}")),
        }
    }
    if !conditions.is_empty() {
        match lang {
            Lang::En => out.push_str(&format!(", only when {}", conditions.join(" and "))),
            Lang::Zh => out.push_str(&format!("，仅当{}时", conditions.join("且"))),
        }
    }
    out.push_str(lang.pick(".", "。"));
    out
}

fn list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => match lang {
            Lang::En => format!("{} and {last}", init.join(", ")),
            Lang::Zh => format!("{}和{last}", init.join("、")),
        },
    }
}

fn describe_actions(s: &Statement<'_>, lang: Lang) -> String {
    if let Some(not_action) = s.not_action {
        let excluded: Vec<String> = not_action
            .strings(&s.pointer)
            .iter()
            .map(|i| format!("`{}`", i.value))
            .collect();
        return match lang {
            Lang::En => format!("every action except {}", list(&excluded, lang)),
            Lang::Zh => format!("除{}之外的所有操作", list(&excluded, lang)),
        };
    }
    let items = s.actions();
    if items.iter().any(|i| i.value == "*" || i.value == "*:*") {
        return lang
            .pick("every action of every service", "所有服务的所有操作")
            .to_owned();
    }
    let described: Vec<String> = items
        .iter()
        .map(|i| match i.value.split_once(':') {
            Some((code, "*")) => {
                let name = catalogue::service(code)
                    .map(|svc| lang.pick(svc.name_en(), svc.name_zh()).to_owned())
                    .unwrap_or_else(|| format!("`{code}`"));
                match lang {
                    Lang::En => format!("every action of {name}"),
                    Lang::Zh => format!("{name}的所有操作"),
                }
            }
            _ => format!("`{}`", i.value),
        })
        .collect();
    if described.is_empty() {
        return lang.pick("no action", "无任何操作").to_owned();
    }
    list(&described, lang)
}

fn describe_resources(s: &Statement<'_>, lang: Lang) -> String {
    if let Some(not_resource) = s.not_resource {
        let excluded: Vec<String> = not_resource
            .strings(&s.pointer)
            .iter()
            .map(|i| describe_resource(i.value, lang))
            .collect();
        return match lang {
            Lang::En => format!("every resource except {}", list(&excluded, lang)),
            Lang::Zh => format!("除{}之外的所有资源", list(&excluded, lang)),
        };
    }
    let items = s.resources();
    if items.is_empty() {
        return lang.pick("no resource", "无任何资源").to_owned();
    }
    let described: Vec<String> = items
        .iter()
        .map(|i| describe_resource(i.value, lang))
        .collect();
    list(&described, lang)
}

fn describe_resource(resource: &str, lang: Lang) -> String {
    if resource == "*" {
        return lang.pick("every resource", "所有资源").to_owned();
    }
    let Ok(parsed) = arn::parse(resource) else {
        return format!("`{resource}`");
    };
    if parsed.service == "oss" {
        let id = parsed.relative_id;
        if id == "*" {
            return lang
                .pick("every OSS bucket and object", "所有 OSS 存储空间和对象")
                .to_owned();
        }
        return match id.split_once('/') {
            None => match lang {
                Lang::En => format!("bucket `{id}`"),
                Lang::Zh => format!("存储空间 `{id}`"),
            },
            Some((bucket, "*")) => match lang {
                Lang::En => format!("every object in `{bucket}`"),
                Lang::Zh => format!("`{bucket}` 中的所有对象"),
            },
            Some((bucket, key)) => match (key.strip_suffix('*'), lang) {
                (Some(prefix), Lang::En) => format!("objects under `{prefix}` in `{bucket}`"),
                (Some(prefix), Lang::Zh) => format!("`{bucket}` 中 `{prefix}` 下的对象"),
                (None, Lang::En) => format!("object `{key}` in `{bucket}`"),
                (None, Lang::Zh) => format!("`{bucket}` 中的对象 `{key}`"),
            },
        };
    }
    format!("`{resource}`")
}

/// Who a bucket policy statement is for, as OSS writes it: `*`, UIDs, role sessions.
fn describe_bucket_principals(s: &Statement<'_>, lang: Lang) -> String {
    let Some(field) = s.principal else {
        return lang.pick("nobody", "无人").to_owned();
    };
    let values = crate::policy::strings_of(field.node, "");
    if values.is_empty() || values.iter().any(|v| v.value.trim() == "*") {
        return lang
            .pick(
                "anyone, anonymous users included,",
                "任何人（包括匿名用户）",
            )
            .to_owned();
    }
    let described: Vec<String> = values
        .iter()
        .map(|v| {
            let value = v.value.trim();
            match value
                .strip_prefix("arn:sts::")
                .and_then(|r| r.split_once(':'))
            {
                Some((account, path)) => {
                    let mut parts = path.splitn(3, '/').skip(1);
                    let role = parts.next().unwrap_or_default();
                    let session = parts.next().unwrap_or_default();
                    match (lang, session) {
                        (Lang::En, "*") => {
                            format!("any session of role `{role}` of account `{account}`")
                        }
                        (Lang::En, _) => {
                            format!("session `{session}` of role `{role}` of account `{account}`")
                        }
                        (Lang::Zh, "*") => format!("账号 `{account}` 的角色 `{role}` 的任意会话"),
                        (Lang::Zh, _) => {
                            format!("账号 `{account}` 的角色 `{role}` 的会话 `{session}`")
                        }
                    }
                }
                None => match lang {
                    Lang::En => format!("the account or RAM user `{value}`"),
                    Lang::Zh => format!("账号或 RAM 用户 `{value}`"),
                },
            }
        })
        .collect();
    list(&described, lang)
}

fn describe_principals(s: &Statement<'_>, lang: Lang) -> String {
    let described: Vec<String> = principal::values(s)
        .iter()
        .map(|v| match principal::parse(v.principal_type, v.item.value) {
            Ok(Parsed::Wildcard) => lang.pick("anyone", "任何人").to_owned(),
            Ok(Parsed::Account { account }) => match lang {
                Lang::En => format!("RAM users and roles of account `{account}`"),
                Lang::Zh => format!("账号 `{account}` 的 RAM 用户和角色"),
            },
            Ok(Parsed::User { account, name }) => match lang {
                Lang::En => format!("RAM user `{name}` of account `{account}`"),
                Lang::Zh => format!("账号 `{account}` 的 RAM 用户 `{name}`"),
            },
            Ok(Parsed::Role { account, name }) => match lang {
                Lang::En => format!("RAM role `{name}` of account `{account}`"),
                Lang::Zh => format!("账号 `{account}` 的 RAM 角色 `{name}`"),
            },
            Ok(Parsed::Service { service }) => match lang {
                Lang::En => format!("the service `{service}` of this account"),
                Lang::Zh => format!("本账号的服务 `{service}`"),
            },
            Ok(Parsed::AccountService { account, service }) => match lang {
                Lang::En => format!("the service `{service}` acting for account `{account}`"),
                Lang::Zh => format!("代表账号 `{account}` 的服务 `{service}`"),
            },
            Ok(Parsed::SamlProvider { account, name }) => match lang {
                Lang::En => {
                    format!("users signed in through SAML provider `{name}` of account `{account}`")
                }
                Lang::Zh => format!("通过账号 `{account}` 的 SAML 身份提供商 `{name}` 登录的用户"),
            },
            Ok(Parsed::OidcProvider { account, name }) => match lang {
                Lang::En => {
                    format!("holders of tokens from OIDC provider `{name}` of account `{account}`")
                }
                Lang::Zh => {
                    format!("持有账号 `{account}` 的 OIDC 身份提供商 `{name}` 所签发令牌的主体")
                }
            },
            Err(_) => format!("`{}`", v.item.value),
        })
        .collect();
    if described.is_empty() {
        return lang.pick("nobody", "无人").to_owned();
    }
    list(&described, lang)
}

fn describe_condition(operator: &str, key: &str, values: &[&str], lang: Lang) -> String {
    let shown: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    let any = match lang {
        Lang::En => shown.join(" or "),
        Lang::Zh => shown.join("或"),
    };
    let (en, zh) = match operator {
        "StringEquals" | "StringEqualsIgnoreCase" | "NumericEquals" | "DateEquals" | "Bool" => {
            ("is", "等于")
        }
        "StringNotEquals" | "StringNotEqualsIgnoreCase" | "NumericNotEquals" | "DateNotEquals" => {
            ("is not", "不等于")
        }
        "StringLike" => ("matches", "匹配"),
        "StringNotLike" => ("does not match", "不匹配"),
        "NumericLessThan" | "DateLessThan" => ("is before or below", "小于"),
        "NumericLessThanEquals" | "DateLessThanEquals" => ("is at most", "不大于"),
        "NumericGreaterThan" | "DateGreaterThan" => ("is after or above", "大于"),
        "NumericGreaterThanEquals" | "DateGreaterThanEquals" => ("is at least", "不小于"),
        "IpAddress" => ("is in", "属于"),
        "NotIpAddress" => ("is not in", "不属于"),
        _ => (
            "is compared by an unsupported operator with",
            "以不受支持的运算符比较",
        ),
    };
    match lang {
        Lang::En => format!("`{key}` {en} {any}"),
        Lang::Zh => format!("`{key}` {zh} {any}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str, kind: PolicyKind) -> Vec<String> {
        explain(text, kind, Lang::En)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn permission_policies_read_as_sentences() {
        let text = r#"{"Version": "1", "Statement": [
            {"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:*:examplebucket", "acs:oss:*:*:examplebucket/*"]},
            {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"acs:SourceIp": ["203.0.113.0/24", "198.51.100.7"]}}}
        ]}"#;
        assert_eq!(
            en(text, PolicyKind::Permission),
            [
                "Allows `oss:GetObject` and `oss:ListObjects` on bucket `examplebucket` and every object in `examplebucket`.",
                "Denies every action of every service on every resource, only when `acs:SourceIp` is not in `203.0.113.0/24` or `198.51.100.7`.",
            ]
        );
        let zh = explain(text, PolicyKind::Permission, Lang::Zh);
        assert_eq!(zh[0].text, "允许对存储空间 `examplebucket`和`examplebucket` 中的所有对象执行`oss:GetObject`和`oss:ListObjects`。");
    }

    #[test]
    fn trust_policies_name_who_may_assume() {
        let text = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["1234567890123456@emr.dataworks.aliyuncs.com"], "RAM": "acs:ram::1234567890123456:root"}}]}"#;
        assert_eq!(
            en(text, PolicyKind::Trust),
            ["Allows the service `emr.dataworks.aliyuncs.com` acting for account `1234567890123456` and RAM users and roles of account `1234567890123456` to assume this role."]
        );
    }

    #[test]
    fn service_wildcards_and_not_action() {
        let text = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "acs:oss:*:*:logs/2026/*"}, {"Effect": "Allow", "NotAction": "ram:*", "Resource": "*"}]}"#;
        let sentences = en(text, PolicyKind::Permission);
        assert!(
            sentences[0].starts_with("Allows every action of Object Storage Service"),
            "{}",
            sentences[0]
        );
        assert!(
            sentences[0].ends_with("on objects under `2026/` in `logs`."),
            "{}",
            sentences[0]
        );
        assert_eq!(
            sentences[1],
            "Allows every action except `ram:*` on every resource."
        );
    }

    #[test]
    fn unreadable_policies_have_no_sentences() {
        assert!(explain("{", PolicyKind::Permission, Lang::En).is_empty());
        let bucket = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Principal": ["*"], "Resource": "acs:oss:*:1234567890123456:examplebucket/*"}, {"Effect": "Deny", "Action": "oss:DeleteObject", "Principal": ["1234567890123456", "arn:sts::1234567890123456:assumed-role/reader/*"], "Resource": "acs:oss:*:1234567890123456:examplebucket/*"}]}"#;
        let sentences = en(bucket, PolicyKind::BucketPolicy);
        assert!(
            sentences[0].starts_with("Allows anyone, anonymous users included, `oss:GetObject`"),
            "{sentences:?}"
        );
        assert!(sentences[1].contains("the account or RAM user `1234567890123456` and any session of role `reader` of account `1234567890123456`"), "{sentences:?}");
    }
}
