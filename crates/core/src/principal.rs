//! Trust-policy principals: who may assume a role.

use crate::arn;
use crate::json::{pointer_push, Node, Value};
use crate::policy::{strings_of, Item, Statement};

/// The principal types RAM trust policies use.
pub const PRINCIPAL_TYPES: &[&str] = &["RAM", "Service", "Federated"];

/// One principal value with its type key.
#[derive(Debug)]
pub struct PrincipalValue<'n> {
    /// `RAM`, `Service`, `Federated` (or whatever key was written), or `*` for
    /// `"Principal": "*"`.
    pub principal_type: &'n str,
    pub item: Item<'n>,
}

/// Every principal value of a statement.
pub fn values<'n>(statement: &Statement<'n>) -> Vec<PrincipalValue<'n>> {
    let Some(field) = statement.principal else {
        return Vec::new();
    };
    let pointer = field.pointer(&statement.pointer);
    match &field.node.value {
        Value::String(s) => vec![PrincipalValue {
            principal_type: "*",
            item: Item::whole(s, field.node, &pointer),
        }],
        Value::Object(members) => members
            .iter()
            .flat_map(|m| {
                strings_of(&m.value, &pointer_push(&pointer, &m.key))
                    .into_iter()
                    .map(move |item| PrincipalValue {
                        principal_type: &m.key,
                        item,
                    })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// What a principal value names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed<'a> {
    /// Everyone (`*`).
    Wildcard,
    /// `acs:ram::<uid>:root`: every RAM user and role of an account.
    Account { account: &'a str },
    /// `acs:ram::<uid>:user/<name>`.
    User { account: &'a str, name: &'a str },
    /// `acs:ram::<uid>:role/<name>`: not confirmed in official docs.
    Role { account: &'a str, name: &'a str },
    /// `<name>.aliyuncs.com`: a service of the role's own account.
    Service { service: &'a str },
    /// `<uid>@<name>.aliyuncs.com`: a service acting for another account.
    AccountService { account: &'a str, service: &'a str },
    /// `acs:ram::<uid>:saml-provider/<name>`.
    SamlProvider { account: &'a str, name: &'a str },
    /// `acs:ram::<uid>:oidc-provider/<name>`.
    OidcProvider { account: &'a str, name: &'a str },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalError {
    UnknownType,
    NotRamArn,
    NotServiceName,
    NotProviderArn,
}

/// Reads a principal value of the given type. Account fields are returned as written; the
/// caller checks them (16 digits, placeholder, wildcard).
pub fn parse<'a>(principal_type: &str, value: &'a str) -> Result<Parsed<'a>, PrincipalError> {
    if value == "*" {
        return Ok(Parsed::Wildcard);
    }
    match principal_type {
        "RAM" => {
            let parsed = arn::parse(value).map_err(|_| PrincipalError::NotRamArn)?;
            if parsed.service != "ram" || !parsed.region.is_empty() {
                return Err(PrincipalError::NotRamArn);
            }
            let account = parsed.account;
            match parsed.relative_id.split_once('/') {
                None if parsed.relative_id == "root" => Ok(Parsed::Account { account }),
                Some(("user", name)) if !name.is_empty() => Ok(Parsed::User { account, name }),
                Some(("role", name)) if !name.is_empty() => Ok(Parsed::Role { account, name }),
                _ => Err(PrincipalError::NotRamArn),
            }
        }
        "Service" => {
            let (account, service) = match value.split_once('@') {
                Some((account, service)) => (Some(account), service),
                None => (None, value),
            };
            if !is_service_name(service) {
                return Err(PrincipalError::NotServiceName);
            }
            Ok(match account {
                Some(account) => Parsed::AccountService { account, service },
                None => Parsed::Service { service },
            })
        }
        "Federated" => {
            let parsed = arn::parse(value).map_err(|_| PrincipalError::NotProviderArn)?;
            if parsed.service != "ram" {
                return Err(PrincipalError::NotProviderArn);
            }
            let account = parsed.account;
            match parsed.relative_id.split_once('/') {
                Some(("saml-provider", name)) if !name.is_empty() => {
                    Ok(Parsed::SamlProvider { account, name })
                }
                Some(("oidc-provider", name)) if !name.is_empty() => {
                    Ok(Parsed::OidcProvider { account, name })
                }
                _ => Err(PrincipalError::NotProviderArn),
            }
        }
        _ => Err(PrincipalError::UnknownType),
    }
}

/// `ecs.aliyuncs.com`, `emr.dataworks.aliyuncs.com`: lowercase labels ending in
/// `.aliyuncs.com`.
pub fn is_service_name(text: &str) -> bool {
    let Some(name) = text.strip_suffix(".aliyuncs.com") else {
        return false;
    };
    !name.is_empty()
        && name.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// The account field of a parsed principal, if it has one.
pub fn account<'a>(parsed: &Parsed<'a>) -> Option<&'a str> {
    match parsed {
        Parsed::Account { account }
        | Parsed::User { account, .. }
        | Parsed::Role { account, .. }
        | Parsed::AccountService { account, .. }
        | Parsed::SamlProvider { account, .. }
        | Parsed::OidcProvider { account, .. } => Some(account),
        Parsed::Wildcard | Parsed::Service { .. } => None,
    }
}

/// Whether a node is a principal map holding this type key.
pub fn has_type(node: &Node, principal_type: &str) -> bool {
    node.get(principal_type).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_documented_form() {
        assert_eq!(
            parse("RAM", "acs:ram::1234567890123456:root"),
            Ok(Parsed::Account {
                account: "1234567890123456"
            })
        );
        assert_eq!(
            parse("RAM", "acs:ram::1234567890123456:user/alice"),
            Ok(Parsed::User {
                account: "1234567890123456",
                name: "alice"
            })
        );
        assert_eq!(
            parse("Service", "ecs.aliyuncs.com"),
            Ok(Parsed::Service {
                service: "ecs.aliyuncs.com"
            })
        );
        assert_eq!(
            parse("Service", "1234567890123456@emr.dataworks.aliyuncs.com"),
            Ok(Parsed::AccountService {
                account: "1234567890123456",
                service: "emr.dataworks.aliyuncs.com"
            })
        );
        assert_eq!(
            parse("Federated", "acs:ram::1234567890123456:saml-provider/idp"),
            Ok(Parsed::SamlProvider {
                account: "1234567890123456",
                name: "idp"
            })
        );
        assert_eq!(parse("RAM", "*"), Ok(Parsed::Wildcard));
    }

    #[test]
    fn rejects_malformed_values() {
        assert_eq!(
            parse("RAM", "1234567890123456"),
            Err(PrincipalError::NotRamArn)
        );
        assert_eq!(
            parse("RAM", "acs:ram::1234567890123456:group/g"),
            Err(PrincipalError::NotRamArn)
        );
        assert_eq!(parse("Service", "ecs"), Err(PrincipalError::NotServiceName));
        assert_eq!(
            parse("Service", "ECS.aliyuncs.com"),
            Err(PrincipalError::NotServiceName)
        );
        assert_eq!(
            parse("Federated", "acs:ram::1:user/x"),
            Err(PrincipalError::NotProviderArn)
        );
        assert_eq!(parse("AWS", "x"), Err(PrincipalError::UnknownType));
    }
}
