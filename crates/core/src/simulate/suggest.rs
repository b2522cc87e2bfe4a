//! What a person is likely to ask about a policy: the catalogued actions of the services it
//! names, and the condition keys it reads or could read. For completion lists beside a
//! request form; never used to judge a request.

use crate::catalogue;
use crate::condition;
use crate::json;
use crate::policy::Policy;

/// Completion lists for a request against one policy, each without duplicates (ignoring
/// ASCII case) and in a fixed order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// `oss:GetObject`, ...: every catalogued action of each service the policy's `Action`
    /// or `NotAction` names, services in the order the policy first names them.
    pub actions: Vec<String>,
    /// The keys the policy's conditions read, as written, then the global keys and the
    /// keys of the services it names, in catalogue order. Key families (`acs:ResourceTag/`)
    /// are left out: they are not keys by themselves.
    pub condition_keys: Vec<String>,
}

/// The suggestions for a policy's text; empty lists when it is not JSON.
pub fn suggestions(text: &str) -> Suggestions {
    let Ok(root) = json::parse(text) else {
        return Suggestions::default();
    };
    let policy = Policy::from_root(&root);
    let mut services: Vec<catalogue::ServiceRef> = Vec::new();
    for statement in &policy.statements {
        let fields = [statement.action, statement.not_action];
        for field in fields.into_iter().flatten() {
            for item in field.strings(&statement.pointer) {
                let Some((code, _)) = item.value.trim().split_once(':') else {
                    continue;
                };
                if let Some(service) = catalogue::service(code) {
                    if !services.iter().any(|s| s.code() == service.code()) {
                        services.push(service);
                    }
                }
            }
        }
    }
    let mut out = Suggestions::default();
    for service in &services {
        for action in service.actions() {
            push(
                &mut out.actions,
                format!("{}:{}", service.code(), action.name),
            );
        }
    }
    for entry in condition::entries(&policy) {
        push(&mut out.condition_keys, entry.key_name().to_owned());
    }
    let catalogued = catalogue::global_condition_keys()
        .iter()
        .chain(services.iter().flat_map(|s| s.condition_keys()));
    for key in catalogued.filter(|k| !k.key.ends_with('/')) {
        push(&mut out.condition_keys, key.key.to_owned());
    }
    out
}

fn push(list: &mut Vec<String>, item: String) {
    if !item.trim().is_empty() && !list.iter().any(|i| i.eq_ignore_ascii_case(&item)) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = r#"{"Version":"1","Statement":[{"Effect":"Allow",
        "Action":["oss:Get*","ecs:DescribeInstances","nope:X","*"],"Resource":"*",
        "Condition":{"IpAddress":{"acs:SourceIP":"10.0.0.0/8"}}}]}"#;

    #[test]
    fn actions_come_from_the_services_the_policy_names() {
        let s = suggestions(POLICY);
        assert!(s.actions.iter().any(|a| a == "oss:GetObject"), "{s:?}");
        assert!(s.actions.iter().any(|a| a.starts_with("ecs:")), "{s:?}");
        let first_ecs = s.actions.iter().position(|a| a.starts_with("ecs:"));
        let last_oss = s.actions.iter().rposition(|a| a.starts_with("oss:"));
        assert!(
            last_oss < first_ecs,
            "services in the order the policy names them"
        );
        assert!(!s.actions.iter().any(|a| a.starts_with("nope:")));
        assert_eq!(s, suggestions(POLICY), "the same text, the same lists");
    }

    #[test]
    fn the_policy_s_own_keys_come_first_and_families_are_left_out() {
        let s = suggestions(POLICY);
        assert_eq!(
            s.condition_keys.first().map(String::as_str),
            Some("acs:SourceIP")
        );
        // Not again in the catalogue's spelling.
        assert!(!s.condition_keys.iter().any(|k| k == "acs:SourceIp"));
        assert!(s.condition_keys.iter().any(|k| k == "acs:CurrentTime"));
        assert!(!s.condition_keys.iter().any(|k| k.ends_with('/')));
    }

    #[test]
    fn text_that_is_not_json_suggests_nothing() {
        assert_eq!(suggestions("{\"Statement\": ["), Suggestions::default());
        assert!(suggestions(r#"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs.aliyuncs.com"}}]}"#)
            .condition_keys
            .iter()
            .any(|k| k == "acs:SourceIp"));
    }
}
