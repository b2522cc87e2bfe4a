use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::malformed_action;
use crate::tr;
use crate::wildcard::{has_wildcard, matches_action};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP803",
        name: "redundant-action",
        severity: Severity::Suggestion,
        summary: "An action is already covered by a wildcard action in the same statement.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP803",
    why: "`oss:GetObject` beside `oss:Get*` adds nothing. Either the wildcard is broader than intended, or the explicit action can go. Keeping one makes the policy's real reach visible.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:Get*", "oss:GetObject"], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": "*"}]}"#,
    references: &["Access Analyzer check REDUNDANT_ACTION (peer tool)"],
};

/// At most this many distinct wildcards of other shapes than `prefix*` are compared with each
/// action: past it, redundancy among unusual wildcards goes unreported rather than letting a
/// statement of many wildcards take quadratic time.
const GENERAL_WILDCARDS_MAX: usize = 256;

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.action, statement.not_action]
            .into_iter()
            .flatten()
        {
            let items = field.strings(&statement.pointer);
            // The statement's wildcards: `prefix*` ones by their lowercased prefix (a lookup
            // per prefix of an action, not a scan), the others in a short list.
            let mut prefixes: std::collections::HashMap<String, usize> =
                std::collections::HashMap::new();
            let mut general: Vec<usize> = Vec::new();
            for (index, item) in items.iter().enumerate() {
                let value = item.value;
                if !has_wildcard(value) || malformed_action::problem(value).is_some() {
                    continue;
                }
                match value.strip_suffix('*') {
                    Some(prefix) if !has_wildcard(prefix) => {
                        prefixes.entry(prefix.to_ascii_lowercase()).or_insert(index);
                    }
                    _ => {
                        if general.len() < GENERAL_WILDCARDS_MAX
                            && !general.iter().any(|&g| {
                                items
                                    .get(g)
                                    .is_some_and(|o| o.value.eq_ignore_ascii_case(value))
                            })
                        {
                            general.push(index);
                        }
                    }
                }
            }
            if prefixes.is_empty() && general.is_empty() {
                continue;
            }
            for item in &items {
                if malformed_action::problem(item.value).is_some() || item.value.trim().is_empty() {
                    continue;
                }
                let lower = item.value.to_ascii_lowercase();
                let by_prefix = lower
                    .char_indices()
                    .map(|(at, _)| at)
                    .chain(std::iter::once(lower.len()))
                    .filter_map(|at| lower.get(..at).and_then(|p| prefixes.get(p)).copied());
                let covers = |index: &usize| {
                    items.get(*index).is_some_and(|other| {
                        !other.value.eq_ignore_ascii_case(item.value)
                            && matches_action(other.value, item.value)
                            // Two wildcards covering each other both ways are left alone.
                            && !(has_wildcard(item.value) && matches_action(item.value, other.value))
                    })
                };
                // The first covering wildcard in the document, as a reader would find it.
                let cover = by_prefix
                    .chain(general.iter().copied())
                    .filter(covers)
                    .min()
                    .and_then(|index| items.get(index));
                let Some(cover) = cover else {
                    continue;
                };
                let message = tr!(
                    ctx.lang,
                    format!("`{}` is already covered by `{}`", item.value, cover.value),
                    format!("`{}` 已被 `{}` 覆盖", item.value, cover.value)
                );
                let help = tr!(
                    ctx.lang,
                    "keep the narrower one if the wildcard grants more than intended",
                    "如果通配符授予了超出预期的权限，请保留更窄的那一项"
                );
                ctx.report_help(
                    &RULE.meta,
                    &item.pointer(),
                    Some(item.node.span),
                    message,
                    help,
                );
            }
        }
    }
}
