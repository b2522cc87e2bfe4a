//! What is asked: an action on a resource, or a principal assuming a role, with the request
//! context the conditions read.

use serde::{Deserialize, Serialize};

use crate::arn;
use crate::catalogue::{self, ActionList, KeyType};
use crate::finding::Lang;
use crate::iso8601;
use crate::secrets;
use crate::text::did_you_mean;

use super::{ErrorKind, SimulateError};
use crate::tr;

/// One request-context value: `acs:SourceIp` = `192.168.0.1`. A key given several times
/// has several values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextEntry {
    pub key: String,
    pub value: String,
}

/// An action on a resource, for permission policies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Request {
    /// `oss:GetObject`.
    pub action: String,
    /// `acs:oss:*:*:examplebucket/a.txt`. Taken literally: `*` and `?` in the request are
    /// ordinary characters.
    pub resource: String,
    pub context: Vec<ContextEntry>,
    /// Who asks, for bucket policies: an account or RAM user UID, or
    /// `arn:sts::<uid>:assumed-role/<role>/<session>`. Empty: an anonymous request, which
    /// only statements for `*` can match. Identity policies ignore it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub principal: String,
}

impl Request {
    pub fn new(action: impl Into<String>, resource: impl Into<String>) -> Self {
        Request {
            action: action.into(),
            resource: resource.into(),
            context: Vec::new(),
            principal: String::new(),
        }
    }

    #[must_use]
    pub fn with_principal(mut self, principal: impl Into<String>) -> Self {
        self.principal = principal.into();
        self
    }

    #[must_use]
    pub fn with_context(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.context.push(ContextEntry {
            key: key.into(),
            value: value.into(),
        });
        self
    }
}

/// A principal asking to assume a role, for trust policies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrustRequest {
    /// `1234567890123456`, `acs:ram::<uid>:root`, `acs:ram::<uid>:user/<name>`,
    /// `ecs.aliyuncs.com`, `<uid>@engine.dataworks.aliyuncs.com`, or a SAML/OIDC provider ARN.
    pub principal: String,
    pub context: Vec<ContextEntry>,
}

impl TrustRequest {
    pub fn new(principal: impl Into<String>) -> Self {
        TrustRequest {
            principal: principal.into(),
            context: Vec::new(),
        }
    }

    #[must_use]
    pub fn with_context(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.context.push(ContextEntry {
            key: key.into(),
            value: value.into(),
        });
        self
    }
}

/// The request context as conditions read it. Keys compare ignoring ASCII case, as RAM's
/// condition keys are written in varying case across its documentation (`acs:SourceIp`,
/// `acs:SourceIP`); values keep their case.
pub(crate) struct Context<'r> {
    entries: &'r [ContextEntry],
}

impl<'r> Context<'r> {
    pub(crate) fn new(entries: &'r [ContextEntry]) -> Self {
        Context { entries }
    }

    /// Every value given for a key, in the order given, duplicates removed.
    pub(crate) fn values(&self, key: &str) -> Vec<&'r str> {
        let mut out: Vec<&'r str> = Vec::new();
        for entry in self.entries {
            if entry.key.eq_ignore_ascii_case(key) && !out.contains(&entry.value.as_str()) {
                out.push(&entry.value);
            }
        }
        out
    }

    /// The distinct keys, as first written.
    pub(crate) fn keys(&self) -> Vec<&'r str> {
        let mut out: Vec<&'r str> = Vec::new();
        for entry in self.entries {
            if !out.iter().any(|k| k.eq_ignore_ascii_case(&entry.key)) {
                out.push(&entry.key);
            }
        }
        out
    }
}

/// Refuses a request value that looks like a credential, without echoing it.
pub(crate) fn refuse_credential(what: &str, value: &str, lang: Lang) -> Result<(), SimulateError> {
    let Some(found) = secrets::find_credential(value) else {
        return Ok(());
    };
    let token = value.get(found.start..found.end).unwrap_or_default();
    let masked = secrets::mask(token);
    Err(SimulateError::new(
        ErrorKind::Credential,
        tr!(lang, format!(
                "{what} looks like {} (`{masked}`); ramplan never takes credentials",
                found.kind.describe_en()
            ), format!(
                "{what} 疑似{}（`{masked}`）；ramplan 从不接收凭证",
                found.kind.describe_zh()
            )),
        Some(tr!(lang, "simulate with a made-up value of another shape; if the key is real, disable and rotate it", "请改用其他形式的虚构值模拟；如果是真实密钥，请立即禁用并轮换")),
    ))
}

pub(crate) fn check_context(entries: &[ContextEntry], lang: Lang) -> Result<(), SimulateError> {
    for entry in entries {
        refuse_credential(&tr!(lang, "a context key", "上下文键"), &entry.key, lang)?;
        if entry.key.trim().is_empty() {
            return Err(SimulateError::new(
                ErrorKind::Request,
                tr!(lang, "a context key is empty", "上下文键为空"),
                Some(tr!(
                    lang,
                    "write KEY=VALUE, such as `acs:SourceIp=192.168.0.1`",
                    "请写作 KEY=VALUE，例如 `acs:SourceIp=192.168.0.1`"
                )),
            ));
        }
        refuse_credential(
            &tr!(
                lang,
                format!("the value of `{}`", entry.key),
                format!("`{}` 的值", entry.key)
            ),
            &entry.value,
            lang,
        )?;
    }
    Ok(())
}

pub(crate) fn check_request(request: &Request, lang: Lang) -> Result<(), SimulateError> {
    refuse_credential(&tr!(lang, "the action", "操作"), &request.action, lang)?;
    refuse_credential(&tr!(lang, "the resource", "资源"), &request.resource, lang)?;
    refuse_credential(
        &tr!(lang, "the principal", "主体"),
        &request.principal,
        lang,
    )?;
    let action_ok = request
        .action
        .split_once(':')
        .is_some_and(|(service, name)| {
            !service.is_empty()
                && !name.is_empty()
                && !request.action.chars().any(char::is_whitespace)
        });
    if !action_ok {
        return Err(SimulateError::new(
            ErrorKind::Request,
            tr!(
                lang,
                format!(
                    "the action `{}` is not `<service>:<action>`",
                    request.action
                ),
                format!("操作 `{}` 不是 `<服务>:<操作>` 格式", request.action)
            ),
            Some(tr!(
                lang,
                "for example `oss:GetObject`",
                "例如 `oss:GetObject`"
            )),
        ));
    }
    if request.resource.trim().is_empty() {
        return Err(SimulateError::new(
            ErrorKind::Request,
            tr!(lang, "the resource is empty", "资源为空"),
            Some(tr!(
                lang,
                "give an ARN such as `acs:oss:*:*:examplebucket/a.txt`",
                "请给出 ARN，例如 `acs:oss:*:*:examplebucket/a.txt`"
            )),
        ));
    }
    check_resource(request, lang)?;
    check_context(&request.context, lang)?;
    check_context_values(&request.action, &request.context, lang)
}

/// A request names a resource by its ARN, or `*` for an action without resource-level
/// permission; anything else is a request RAM never receives, whose answer would mean
/// nothing.
fn check_resource(request: &Request, lang: Lang) -> Result<(), SimulateError> {
    let resource = request.resource.trim();
    if resource == "*" || arn::parse(resource).is_ok() {
        return Ok(());
    }
    let service = request.action.split_once(':').map_or("", |(s, _)| s);
    let example = if service.eq_ignore_ascii_case("oss") && !resource.starts_with("acs:") {
        format!("acs:oss:*:*:{resource}")
    } else {
        format!("acs:{}:*:*:{resource}", service.to_ascii_lowercase())
    };
    Err(SimulateError::new(
        ErrorKind::Request,
        tr!(
            lang,
            format!("the resource `{resource}` is not an ARN, so no request of RAM looks like this"),
            format!("资源 `{resource}` 不是 ARN，RAM 不会收到这样的请求")
        ),
        Some(tr!(
            lang,
            format!("write it as `acs:<service>:<region>:<account>:<relative-id>`, for example `{example}`; `*` for an action without resource-level permission"),
            format!("请写作 `acs:<服务>:<地域>:<账号>:<资源路径>`，例如 `{example}`；不支持资源级授权的操作请写 `*`")
        )),
    ))
}

/// A context value of a typed key (an address for `acs:SourceIp`, a date for
/// `acs:CurrentTime`) must be of that type: RAM fills these in itself, so another value
/// describes no request it can receive.
fn check_context_values(
    action: &str,
    entries: &[ContextEntry],
    lang: Lang,
) -> Result<(), SimulateError> {
    let service = action
        .split_once(':')
        .and_then(|(code, _)| catalogue::service(code));
    for entry in entries {
        let key = entry.key.trim();
        let Some(known) = catalogue::global_condition_key(key)
            .or_else(|| service.and_then(|s| s.condition_key(key)))
        else {
            continue;
        };
        let value = entry.value.trim();
        let (fits, what_en, what_zh, example) = match known.value_type {
            KeyType::Ip => (
                value.parse::<std::net::IpAddr>().is_ok(),
                "an IP address",
                "IP 地址",
                "192.168.0.1",
            ),
            KeyType::Date => (
                iso8601::is_valid(value),
                "a date and time in ISO 8601",
                "ISO 8601 格式的日期时间",
                "2026-12-03T10:00:00Z",
            ),
            KeyType::Boolean => (
                value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false"),
                "`true` or `false`",
                "`true` 或 `false`",
                "true",
            ),
            KeyType::Number => (
                value.parse::<f64>().is_ok_and(f64::is_finite),
                "a number",
                "数字",
                "1",
            ),
            KeyType::String => continue,
        };
        if !fits {
            return Err(SimulateError::new(
                ErrorKind::Request,
                if value.is_empty() {
                    tr!(
                        lang,
                        format!("`{key}` has no value yet: it holds {what_en}"),
                        format!("`{key}` 还没有值：其值应为{what_zh}")
                    )
                } else {
                    tr!(
                        lang,
                        format!("`{key}` holds {what_en}, but `{value}` is not one"),
                        format!("`{key}` 的值应为{what_zh}，而 `{value}` 不是")
                    )
                },
                Some(tr!(
                    lang,
                    format!("for example `{key}={example}`"),
                    format!("例如 `{key}={example}`")
                )),
            ));
        }
    }
    Ok(())
}

/// What is odd about a well-formed request: the answer stands, but may not be about what was
/// meant. An action the catalogue does not know, or a resource of another service.
pub(crate) fn request_notes(request: &Request, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    let Some((code, name)) = request.action.split_once(':') else {
        return notes;
    };
    let Some(service) = catalogue::service(code) else {
        // Until the whole catalogue is in (the page fetches it after start), an unknown
        // service may only be one not loaded yet.
        if !catalogue::is_complete() {
            return notes;
        }
        notes.push(tr!(
            lang,
            format!("`{code}` is not a service in the catalogue; check the action's spelling"),
            format!("目录中没有服务 `{code}`；请检查操作的拼写")
        ));
        return notes;
    };
    let listed = matches!(
        service.action_list(),
        ActionList::Complete | ActionList::ApiMetadata
    );
    if listed && service.action(name).is_none() && !name.contains(['*', '?']) {
        let actions = service.actions();
        let suggestion = did_you_mean(name, actions.iter().map(|a| a.name))
            .map(|close| {
                tr!(
                    lang,
                    format!("; did you mean `{code}:{close}`?"),
                    format!("；是否想写 `{code}:{close}`？")
                )
            })
            .unwrap_or_default();
        notes.push(tr!(
            lang,
            format!(
                "{} has no action `{name}` in the catalogue{suggestion}",
                service.name_en()
            ),
            format!("目录中 {} 没有操作 `{name}`{suggestion}", service.name_zh())
        ));
    }
    if let Ok(arn) = arn::parse(request.resource.trim()) {
        let matches_service = arn.service == "*"
            || service
                .arn_services()
                .any(|s| s.eq_ignore_ascii_case(arn.service));
        if !matches_service {
            notes.push(tr!(
                lang,
                format!("the resource is an ARN of `{}`, but the action is {}'s: statements for {} resources will not match it", arn.service, service.name_en(), service.name_en()),
                format!("资源是 `{}` 的 ARN，而操作属于 {}：为 {} 资源编写的语句不会匹配它", arn.service, service.name_zh(), service.name_zh())
            ));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_values_keep_order() {
        let request = Request::new("oss:GetObject", "*")
            .with_context("acs:SourceIp", "10.0.0.1")
            .with_context("ACS:SOURCEIP", "10.0.0.2")
            .with_context("acs:SourceIp", "10.0.0.1");
        let context = Context::new(&request.context);
        assert_eq!(context.values("acs:sourceip"), ["10.0.0.1", "10.0.0.2"]);
        assert_eq!(context.keys(), ["acs:SourceIp"]);
        assert!(context.values("acs:SourceVpc").is_empty());
    }

    #[test]
    fn credentials_are_refused_without_echo() {
        let request = Request::new("oss:GetObject", "*")
            .with_context("acs:AccessId", "LTAI5tAbCdEfGhIjKlMnOp");
        let error = check_request(&request, Lang::En).unwrap_err();
        assert_eq!(error.kind, ErrorKind::Credential);
        assert!(!error.message.contains("LTAI5tAbCdEfGhIjKlMnOp"));
        assert!(error.message.contains("LTAI****"), "{}", error.message);
    }

    #[test]
    fn malformed_actions_are_refused() {
        for action in ["", "oss", "oss:", ":GetObject", "oss: GetObject"] {
            assert!(
                check_request(&Request::new(action, "*"), Lang::En).is_err(),
                "{action}"
            );
        }
        assert!(check_request(&Request::new("oss:GetObject", " "), Lang::En).is_err());
    }
}
