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
    /// A request the policy is about, to show as an example: the first action of the first
    /// `Allow` statement (a catalogued one its pattern matches, for a wildcard) and that
    /// statement's first resource with its wildcards filled in (`example-bucket/*` ->
    /// `example-bucket/example.txt`).
    pub example_action: Option<String>,
    pub example_resource: Option<String>,
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
    let mut seen = Seen::default();
    if let Some(statement) = policy
        .statements
        .iter()
        .find(|s| s.effect.and_then(|f| f.node.as_str()) == Some("Allow"))
    {
        out.example_action = statement
            .action
            .and_then(|f| {
                f.strings(&statement.pointer)
                    .first()
                    .map(|i| i.value.trim().to_owned())
            })
            .and_then(|pattern| example_action(&pattern));
        out.example_resource = statement
            .resource
            .and_then(|f| {
                f.strings(&statement.pointer)
                    .first()
                    .map(|i| i.value.trim().to_owned())
            })
            .filter(|r| !r.is_empty())
            .map(|pattern| example_resource(&pattern));
    }
    for service in &services {
        for action in service.actions() {
            seen.push(
                &mut out.actions,
                format!("{}:{}", service.code(), action.name),
            );
        }
    }
    seen.clear();
    for entry in condition::entries(&policy) {
        seen.push(&mut out.condition_keys, entry.key_name().to_owned());
    }
    let catalogued = catalogue::global_condition_keys()
        .iter()
        .chain(services.iter().flat_map(|s| s.condition_keys()));
    for key in catalogued.filter(|k| !k.key.ends_with('/')) {
        seen.push(&mut out.condition_keys, key.key.to_owned());
    }
    out
}

/// The action itself, or for a pattern the first catalogued action it matches.
fn example_action(pattern: &str) -> Option<String> {
    if !crate::wildcard::has_wildcard(pattern) {
        return Some(pattern.to_owned());
    }
    let (code, _) = pattern.split_once(':')?;
    let service = catalogue::service(code)?;
    service
        .actions()
        .iter()
        .map(|a| format!("{}:{}", service.code(), a.name))
        .find(|action| crate::wildcard::matches_action(pattern, action))
}

/// A resource the pattern matches: a trailing `*` in the relative ID becomes
/// `example.txt` after a `/`, else `example`; `?` becomes `x`. The region and account keep
/// what they say.
fn example_resource(pattern: &str) -> String {
    if pattern == "*" {
        return pattern.to_owned();
    }
    let Ok(arn) = crate::arn::parse(pattern) else {
        return pattern.to_owned();
    };
    let relative = arn.relative_id;
    let mut filled = String::with_capacity(relative.len() + 8);
    let mut previous = None;
    for c in relative.chars() {
        match c {
            '*' if previous == Some('/') => filled.push_str("example.txt"),
            '*' => filled.push_str("example"),
            '?' => filled.push('x'),
            c => filled.push(c),
        }
        previous = Some(c);
    }
    format!(
        "{}:{}:{}:{}:{filled}",
        arn.prefix, arn.service, arn.region, arn.account
    )
}

/// What one list already holds, ignoring ASCII case: a policy naming a few large services
/// suggests thousands of actions, and looking each up in the list itself made the lists
/// quadratic to build.
#[derive(Default)]
struct Seen(std::collections::HashSet<String>);

impl Seen {
    /// Adds `item` to `list` unless it is blank or `list` has it already.
    fn push(&mut self, list: &mut Vec<String>, item: String) {
        if !item.trim().is_empty() && self.0.insert(item.to_ascii_lowercase()) {
            list.push(item);
        }
    }

    /// Forgets everything, for the next list.
    fn clear(&mut self) {
        self.0.clear();
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
        for list in [&s.actions, &s.condition_keys] {
            let mut lower: Vec<String> = list.iter().map(|a| a.to_ascii_lowercase()).collect();
            lower.sort_unstable();
            lower.dedup();
            assert_eq!(lower.len(), list.len(), "each once, ignoring case");
        }
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
    fn the_example_request_is_one_the_policy_is_about() {
        let policy = r#"{"Version":"1","Statement":[{"Effect":"Deny","Action":"ecs:*","Resource":"*"},
            {"Effect":"Allow","Action":["oss:Get*"],"Resource":["acs:oss:*:*:example-bucket/*"]}]}"#;
        let s = suggestions(policy);
        let action = s.example_action.unwrap();
        assert!(
            crate::wildcard::matches_action("oss:Get*", &action),
            "{action}"
        );
        assert_eq!(
            s.example_resource.as_deref(),
            Some("acs:oss:*:*:example-bucket/example.txt")
        );
        assert_eq!(
            example_resource("acs:log:*:*:project/p-?/logstore/*"),
            "acs:log:*:*:project/p-x/logstore/example.txt"
        );
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
