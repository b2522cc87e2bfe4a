//! The lint rules, one file each, listed once in `RULES` sorted by code.
//!
//! Codes are stable and never reused. Hundreds group the rules: 0 structure, 1 effect,
//! 2 actions, 3 resources, 4 conditions, 5 trust policies, 6 security, 7 OSS,
//! 8 redundancy, 9 size and names.

use crate::json::Node;
use crate::lint::{Rule, RuleDocs};
use crate::position::Span;

pub mod json_syntax;

mod action_and_not_action;
mod admin_access;
mod allow_not_action;
mod allow_not_resource;
mod bucket_policy_principal;
mod bucket_policy_resource;
mod condition_key_type_mismatch;
mod condition_value_type;
pub(crate) mod credential_in_policy;
mod description_length;
mod duplicate_action;
mod duplicate_key;
mod duplicate_resource;
mod duplicate_statement;
mod empty_action;
mod empty_condition;
mod empty_resource;
mod empty_statement;
mod federated_condition;
mod invalid_arn;
mod invalid_arn_account;
mod invalid_condition_key;
mod invalid_condition_operator;
mod invalid_effect;
mod invalid_principal;
mod invalid_statement;
mod invalid_version;
mod malformed_action;
mod missing_action;
mod missing_effect;
mod missing_principal;
mod missing_resource;
mod missing_statement;
mod missing_version;
mod oss_bucket_resource;
mod oss_object_resource;
mod permission_management;
mod placeholder_in_arn;
mod policy_name;
mod policy_too_long;
mod principal_in_permission_policy;
mod private_source_ip;
mod public_bucket_policy;
mod redundant_action;
mod resource_in_trust_policy;
mod resource_service_mismatch;
mod role_name;
mod trust_action;
mod unconfirmed_element;
mod unknown_action;
mod unknown_condition_key;
mod unknown_element;
mod unknown_resource_type;
mod unknown_service;
mod value_type;
mod wildcard_principal;
mod wildcard_without_like;

/// Every rule, sorted by code.
pub static RULES: &[&Rule] = &[
    &json_syntax::RULE,
    &duplicate_key::RULE,
    &unknown_element::RULE,
    &value_type::RULE,
    &unconfirmed_element::RULE,
    &missing_version::RULE,
    &invalid_version::RULE,
    &missing_statement::RULE,
    &empty_statement::RULE,
    &invalid_statement::RULE,
    &missing_effect::RULE,
    &invalid_effect::RULE,
    &missing_action::RULE,
    &action_and_not_action::RULE,
    &empty_action::RULE,
    &malformed_action::RULE,
    &unknown_service::RULE,
    &unknown_action::RULE,
    &missing_resource::RULE,
    &invalid_arn::RULE,
    &invalid_arn_account::RULE,
    &placeholder_in_arn::RULE,
    &resource_service_mismatch::RULE,
    &empty_resource::RULE,
    &unknown_resource_type::RULE,
    &invalid_condition_operator::RULE,
    &invalid_condition_key::RULE,
    &condition_value_type::RULE,
    &wildcard_without_like::RULE,
    &empty_condition::RULE,
    &unknown_condition_key::RULE,
    &condition_key_type_mismatch::RULE,
    &private_source_ip::RULE,
    &missing_principal::RULE,
    &principal_in_permission_policy::RULE,
    &resource_in_trust_policy::RULE,
    &trust_action::RULE,
    &invalid_principal::RULE,
    &federated_condition::RULE,
    &wildcard_principal::RULE,
    &bucket_policy_principal::RULE,
    &public_bucket_policy::RULE,
    &bucket_policy_resource::RULE,
    &admin_access::RULE,
    &permission_management::RULE,
    &allow_not_action::RULE,
    &allow_not_resource::RULE,
    &credential_in_policy::RULE,
    &oss_object_resource::RULE,
    &oss_bucket_resource::RULE,
    &duplicate_action::RULE,
    &duplicate_resource::RULE,
    &redundant_action::RULE,
    &duplicate_statement::RULE,
    &policy_too_long::RULE,
    &policy_name::RULE,
    &role_name::RULE,
    &description_length::RULE,
];

/// The documentation of every rule, in the order of `RULES`.
pub static DOCS: &[&RuleDocs] = &[
    &json_syntax::DOCS,
    &duplicate_key::DOCS,
    &unknown_element::DOCS,
    &value_type::DOCS,
    &unconfirmed_element::DOCS,
    &missing_version::DOCS,
    &invalid_version::DOCS,
    &missing_statement::DOCS,
    &empty_statement::DOCS,
    &invalid_statement::DOCS,
    &missing_effect::DOCS,
    &invalid_effect::DOCS,
    &missing_action::DOCS,
    &action_and_not_action::DOCS,
    &empty_action::DOCS,
    &malformed_action::DOCS,
    &unknown_service::DOCS,
    &unknown_action::DOCS,
    &missing_resource::DOCS,
    &invalid_arn::DOCS,
    &invalid_arn_account::DOCS,
    &placeholder_in_arn::DOCS,
    &resource_service_mismatch::DOCS,
    &empty_resource::DOCS,
    &unknown_resource_type::DOCS,
    &invalid_condition_operator::DOCS,
    &invalid_condition_key::DOCS,
    &condition_value_type::DOCS,
    &wildcard_without_like::DOCS,
    &empty_condition::DOCS,
    &unknown_condition_key::DOCS,
    &condition_key_type_mismatch::DOCS,
    &private_source_ip::DOCS,
    &missing_principal::DOCS,
    &principal_in_permission_policy::DOCS,
    &resource_in_trust_policy::DOCS,
    &trust_action::DOCS,
    &invalid_principal::DOCS,
    &federated_condition::DOCS,
    &wildcard_principal::DOCS,
    &bucket_policy_principal::DOCS,
    &public_bucket_policy::DOCS,
    &bucket_policy_resource::DOCS,
    &admin_access::DOCS,
    &permission_management::DOCS,
    &allow_not_action::DOCS,
    &allow_not_resource::DOCS,
    &credential_in_policy::DOCS,
    &oss_object_resource::DOCS,
    &oss_bucket_resource::DOCS,
    &duplicate_action::DOCS,
    &duplicate_resource::DOCS,
    &redundant_action::DOCS,
    &duplicate_statement::DOCS,
    &policy_too_long::DOCS,
    &policy_name::DOCS,
    &role_name::DOCS,
    &description_length::DOCS,
];

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

/// The closest candidate by edit distance, ignoring case, when it is close enough to be a
/// plausible typo.
pub(crate) fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let word_lower = word.to_ascii_lowercase();
    let limit = (word.chars().count() / 3).clamp(1, 4);
    let length = word_lower.chars().count();
    candidates
        .into_iter()
        // The length difference bounds the distance from below: skip what cannot be close.
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .filter_map(|c| {
            distance_within(&word_lower, &c.to_ascii_lowercase(), limit).map(|d| (d, c))
        })
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// The edit distance when it is at most `limit`, stopping as soon as it cannot be: a whole row
/// of the table over the limit means every later row is too.
pub(crate) fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let d = edit_distance_capped(a, b, limit);
    (d <= limit).then_some(d)
}

/// Edit distance over chars where swapping two neighbours counts as one edit (optimal string
/// alignment): `sbl` is one edit from `slb`, as a typist would count it.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    edit_distance_capped(a, b, usize::MAX)
}

/// [`edit_distance`], or some value over `cap` as soon as the distance must exceed it.
fn edit_distance_capped(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    // Three rows: two back (for transpositions), one back, and the current one.
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current = vec![0; width];
    for (i, &ca) in a.iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(j).copied().unwrap_or(0) + 1;
            let mut best = substitution.min(deletion).min(insertion);
            let swapped = i > 0
                && j > 0
                && a.get(i - 1) == Some(&cb)
                && b.get(j - 1) == Some(&ca)
                && ca != cb;
            if swapped {
                best = best.min(before.get(j - 1).copied().unwrap_or(0) + 1);
            }
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = best;
            }
        }
        if current.iter().min().is_some_and(|&m| m > cap) {
            return cap.saturating_add(1);
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// Matches RAM's wildcards: `*` any run of characters (also none), `?` exactly one.
/// Case-insensitive, as RAM compares action names.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    crate::wildcard::matches(pattern, text, crate::wildcard::Case::Insensitive)
}

pub(crate) fn has_wildcard(text: &str) -> bool {
    text.contains('*') || text.contains('?')
}

/// Splits `service:name` at the first colon.
pub(crate) fn split_action(action: &str) -> Option<(&str, &str)> {
    action.split_once(':')
}

/// Shortens a long user value for a one-line message.
pub(crate) fn clip(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX - 1).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_like_ram() {
        assert!(wildcard_match("ecs:Describe*", "ecs:DescribeInstances"));
        assert!(wildcard_match("ECS:describe*", "ecs:DescribeInstances"));
        assert!(wildcard_match("oss:Get?bject", "oss:GetObject"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a*b*c", "aXXbYYc"));
        assert!(!wildcard_match("a*b*c", "aXXbYY"));
        assert!(!wildcard_match("oss:Get?", "oss:Get"));
        assert!(wildcard_match("*:*", "oss:GetObject"));
        assert!(wildcard_match("*Object", "oss:GetObject"));
        assert!(!wildcard_match("*Object", "oss:GetObjects"));
        assert!(wildcard_match("a*", "a"));
        assert!(wildcard_match("**b", "ab"));
        assert!(!wildcard_match("", "a"));
        assert!(wildcard_match("", ""));
        assert!(wildcard_match("É*", "éa"));
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(did_you_mean("Efect", ["Effect", "Action"]), Some("Effect"));
        assert_eq!(
            did_you_mean("GetObjekt", ["GetObject", "PutObject"]),
            Some("GetObject")
        );
        assert_eq!(did_you_mean("Zebra", ["Effect", "Action"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("sbl", "slb"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3);
        assert_eq!(did_you_mean("sbl", ["slb", "alb"]), Some("slb"));
    }

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
