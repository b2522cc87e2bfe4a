//! What is asked: an action on a resource, or a principal assuming a role, with the request
//! context the conditions read.

use serde::{Deserialize, Serialize};

use crate::finding::Lang;
use crate::secrets;

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
    check_context(&request.context, lang)
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
