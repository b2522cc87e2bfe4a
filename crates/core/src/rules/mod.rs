//! The lint rules, one file each, declared once in the `rules!` list below, sorted by code.
//!
//! Codes are stable and never reused. Hundreds group the rules: 0 structure, 1 effect,
//! 2 actions, 3 resources, 4 conditions, 5 trust policies, 6 security, 7 OSS,
//! 8 redundancy, 9 size and names.

mod lists;

use crate::json::Node;
use crate::lint::{Rule, RuleDocs};
use crate::position::Span;

/// Declares every rule once, in code order: its module, its place in [`RULES`] and in
/// [`DOCS`]. Adding a rule is one file and one line here.
macro_rules! rules {
    ($($module:ident),* $(,)?) => {
        $(pub(crate) mod $module;)*

        /// Every rule, sorted by code.
        pub static RULES: &[&Rule] = &[$(&$module::RULE),*];

        /// The documentation of every rule, in the order of `RULES`.
        pub static DOCS: &[&RuleDocs] = &[$(&$module::DOCS),*];
    };
}

rules! {
    json_syntax,
    duplicate_key,
    unknown_element,
    value_type,
    unconfirmed_element,
    missing_version,
    invalid_version,
    missing_statement,
    empty_statement,
    invalid_statement,
    missing_effect,
    invalid_effect,
    missing_action,
    action_and_not_action,
    empty_action,
    malformed_action,
    unknown_service,
    unknown_action,
    missing_resource,
    invalid_arn,
    invalid_arn_account,
    placeholder_in_arn,
    resource_service_mismatch,
    empty_resource,
    unknown_resource_type,
    invalid_condition_operator,
    invalid_condition_key,
    condition_value_type,
    wildcard_without_like,
    empty_condition,
    unknown_condition_key,
    condition_key_type_mismatch,
    private_source_ip,
    missing_principal,
    principal_in_permission_policy,
    resource_in_trust_policy,
    trust_action,
    invalid_principal,
    federated_condition,
    wildcard_principal,
    bucket_policy_principal,
    public_bucket_policy,
    bucket_policy_resource,
    admin_access,
    permission_management,
    allow_not_action,
    allow_not_resource,
    credential_in_policy,
    must_not_grant,
    oss_object_resource,
    oss_bucket_resource,
    duplicate_action,
    duplicate_resource,
    redundant_action,
    duplicate_statement,
    policy_too_long,
    policy_name,
    role_name,
    description_length,
}

/// Looks a rule's documentation up by code.
pub fn docs(code: &str) -> Option<&'static RuleDocs> {
    DOCS.iter().copied().find(|d| d.code == code)
}

/// Looks a rule up by code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.meta.code == code)
}

/// The span of a node's first character: where "missing X" findings point, so that the
/// caret lands on the opening brace of the object that lacks X.
pub(crate) fn opening(node: &Node) -> Span {
    Span::new(node.span.start, node.span.start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_unique() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.meta.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "rule codes must be unique and sorted");
        let mut names: Vec<&str> = RULES.iter().map(|r| r.meta.name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(count, names.len(), "rule names must be unique");
        let doc_codes: Vec<&str> = DOCS.iter().map(|d| d.code).collect();
        assert_eq!(
            codes, doc_codes,
            "DOCS must list every rule in the order of RULES"
        );
    }
}
