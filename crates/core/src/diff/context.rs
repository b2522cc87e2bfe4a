//! Request contexts to evaluate both policies in: for every condition key either policy
//! reads, a value on each side of every value the conditions name (or no value at all), and
//! every combination of those across keys.
//!
//! Each key holds one value or none. Values that no condition can tell apart are tried once:
//! two values of a key are the same to the policies when every operator/key entry on that
//! key (of every statement) holds for both or for neither, which the simulator decides.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::KeyType;
use crate::condition;
use crate::ip::Block;
use crate::iso8601;
use crate::json::{Node, Value};
use crate::policy::Statement;
use crate::simulate::{self, ContextEntry};
use crate::text;
use crate::wildcard::Case;

use super::shape::Shape;

/// One value of a context key, as shown: the value, or the pattern it stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Shown {
    pub key: String,
    /// The value for people: a pattern when `pattern` (`a/*`: a value starting `a/`).
    pub value: String,
    pub pattern: bool,
}

/// The contexts to try, each with how to show it.
pub(crate) struct Contexts {
    pub contexts: Vec<(Vec<ContextEntry>, Vec<Shown>)>,
    /// Every combination would be more than the limit: only the first ones are here.
    pub truncated: bool,
    /// How many keys the conditions read.
    pub keys: usize,
    /// How many combinations there are in all.
    pub combinations: usize,
}

/// A candidate value of a key (`None`: no value), and per conditional statement whether all
/// its entries on that key hold with it.
type Judged = (Option<Candidate>, Vec<bool>);

/// One candidate value of one key: what the evaluator is asked and what people see.
#[derive(Debug, Clone)]
struct Candidate {
    concrete: String,
    shown: String,
    pattern: bool,
}

/// Builds the contexts for the statements of both policies, at most `limit` of them.
///
/// A statement's condition holds when every operator/key entry holds, and each entry reads
/// one key; so a partial context (values for the first keys) matters to the keys still to
/// come only through which statements' entries on those first keys all hold. The contexts
/// are built key by key, keeping one partial context per such set: every way the statements'
/// conditions can come out is reached, without trying every combination of values.
pub(crate) fn contexts(statements: &[&Statement<'_>], limit: usize) -> Contexts {
    let conditional: Vec<&Statement<'_>> = statements
        .iter()
        .copied()
        .filter(|s| s.condition.is_some())
        .collect();
    // Keys by their lowercase form (keys compare ignoring ASCII case), each with the name as
    // first written and the values its conditions name, by operator type.
    let mut keys: BTreeMap<String, KeyValues> = BTreeMap::new();
    for statement in &conditional {
        collect(statement, &mut keys);
    }
    let mut per_key: Vec<(String, Vec<Judged>)> = Vec::new();
    for values in keys.values() {
        // A value first and no value last, so that where the two are the same to the
        // conditions the example shows a value (RAM fills most keys in).
        let mut candidates: Vec<Option<Candidate>> =
            values.candidates().into_iter().map(Some).collect();
        candidates.push(None);
        let kept = distinct(&values.name, candidates, &conditional);
        per_key.push((values.name.clone(), kept));
    }
    let combinations = per_key
        .iter()
        .try_fold(1usize, |product, (_, c)| product.checked_mul(c.len()))
        .unwrap_or(usize::MAX);
    // Partial contexts: which statements' entries hold so far, and the value chosen per key.
    let mut states: Vec<(Vec<bool>, Vec<usize>)> =
        vec![(vec![true; conditional.len()], Vec::new())];
    let mut truncated = false;
    for (_, candidates) in &per_key {
        let mut seen: BTreeSet<Vec<bool>> = BTreeSet::new();
        let mut next: Vec<(Vec<bool>, Vec<usize>)> = Vec::new();
        'states: for (holds, chosen) in &states {
            for (c, (_, verdicts)) in candidates.iter().enumerate() {
                let combined: Vec<bool> =
                    holds.iter().zip(verdicts).map(|(a, b)| *a && *b).collect();
                if !seen.insert(combined.clone()) {
                    continue;
                }
                if next.len() >= limit {
                    truncated = true;
                    break 'states;
                }
                let mut chosen = chosen.clone();
                chosen.push(c);
                next.push((combined, chosen));
            }
        }
        states = next;
    }
    let contexts = states
        .into_iter()
        .map(|(_, chosen)| {
            let mut entries = Vec::new();
            let mut shown = Vec::new();
            for ((name, candidates), c) in per_key.iter().zip(chosen) {
                if let Some((Some(candidate), _)) = candidates.get(c) {
                    entries.push(ContextEntry {
                        key: name.clone(),
                        value: candidate.concrete.clone(),
                    });
                    shown.push(Shown {
                        key: name.clone(),
                        value: candidate.shown.clone(),
                        pattern: candidate.pattern,
                    });
                }
            }
            (entries, shown)
        })
        .collect();
    Contexts {
        truncated,
        contexts,
        keys: per_key.len(),
        combinations,
    }
}

/// The values one key's conditions name, by the type their operator reads.
#[derive(Default)]
struct KeyValues {
    name: String,
    literals: BTreeSet<String>,
    likes: BTreeSet<String>,
    numbers: Vec<f64>,
    dates: Vec<iso8601::Instant>,
    bools: bool,
    blocks: Vec<Block>,
}

fn collect(statement: &Statement<'_>, keys: &mut BTreeMap<String, KeyValues>) {
    let Some(operators) = statement.condition.and_then(|c| c.node.as_object()) else {
        return;
    };
    for operator in operators {
        let Some(known) = condition::operator(&operator.key) else {
            continue;
        };
        let Some(members) = operator.value.as_object() else {
            continue;
        };
        for member in members {
            let entry = keys
                .entry(member.key.to_ascii_lowercase())
                .or_insert_with(|| KeyValues {
                    name: member.key.clone(),
                    ..KeyValues::default()
                });
            for value in values_of(&member.value) {
                match known.kind {
                    KeyType::String if known.wildcards => {
                        entry.likes.insert(value);
                    }
                    KeyType::String => {
                        entry.literals.insert(value);
                    }
                    KeyType::Number => {
                        if condition::is_number(&value) {
                            if let Ok(n) = value.parse::<f64>() {
                                if n.is_finite() {
                                    entry.numbers.push(n);
                                }
                            }
                        }
                    }
                    KeyType::Date => entry.dates.extend(iso8601::parse(&value)),
                    KeyType::Boolean => entry.bools = true,
                    KeyType::Ip => entry.blocks.extend(Block::parse(&value)),
                }
            }
        }
    }
}

/// A key's values as the evaluator reads them: strings, and bare numbers and booleans as
/// their text.
fn values_of(node: &Node) -> Vec<String> {
    let one = |node: &Node| match &node.value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    match &node.value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        _ => one(node).into_iter().collect(),
    }
}

impl KeyValues {
    fn candidates(&self) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        let literal = |text: String| Candidate {
            concrete: text.clone(),
            shown: text,
            pattern: false,
        };
        // Strings: every literal, every pattern's generic point and every overlap of two
        // patterns, and a value none of them names.
        let mut shapes: Vec<Shape> = self.literals.iter().map(|v| Shape::literal(v)).collect();
        let likes: Vec<Shape> = self.likes.iter().map(|v| Shape::of_pattern(v)).collect();
        for (i, a) in likes.iter().enumerate() {
            for b in likes.iter().skip(i + 1) {
                if a.has_wildcard() && b.has_wildcard() {
                    shapes.extend(Shape::intersect(a, b, Case::Sensitive));
                }
            }
        }
        shapes.extend(likes);
        if !self.literals.is_empty() || !self.likes.is_empty() {
            shapes.push(Shape::any());
        }
        for shape in shapes {
            out.push(Candidate {
                concrete: shape.concrete(),
                pattern: shape.has_wildcard(),
                shown: shape.display(),
            });
        }
        // Numbers: each value, one either side, and the middle between two neighbours.
        let mut numbers = self.numbers.clone();
        crate::sort::sort_by(&mut numbers, f64::total_cmp);
        numbers.dedup();
        let mut points: Vec<f64> = Vec::new();
        for (i, n) in numbers.iter().enumerate() {
            points.extend([n - 1.0, *n, n + 1.0]);
            if let Some(next) = numbers.get(i + 1) {
                points.push(n + (next - n) / 2.0);
            }
        }
        for point in points {
            if let Some(text) = text::plain_decimal(point) {
                if condition::is_number(&text) {
                    out.push(literal(text));
                }
            }
        }
        // Dates: each instant and a second either side.
        for (seconds, nanos) in &self.dates {
            for delta in [-1i64, 0, 1] {
                if let Some(text) = iso8601::format((seconds.saturating_add(delta), *nanos)) {
                    out.push(literal(text));
                }
            }
        }
        if self.bools {
            out.push(literal("true".to_owned()));
            out.push(literal("false".to_owned()));
        }
        // Addresses: each block's first and last address, and the ones just outside it.
        for block in &self.blocks {
            out.extend(block_edges(*block).into_iter().map(literal));
        }
        let mut seen = BTreeSet::new();
        out.retain(|c| seen.insert(c.concrete.clone()));
        out
    }
}

fn block_edges(block: Block) -> Vec<String> {
    match block {
        Block::V4 { network, prefix } => {
            let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
            let first = network & mask;
            let last = first | !mask;
            [
                first.checked_sub(1),
                Some(first),
                Some(last),
                last.checked_add(1),
            ]
            .into_iter()
            .flatten()
            .map(|a| std::net::Ipv4Addr::from(a).to_string())
            .collect()
        }
        Block::V6 { network, prefix } => {
            let mask = u128::MAX.checked_shl(128 - prefix).unwrap_or(0);
            let first = network & mask;
            let last = first | !mask;
            [
                first.checked_sub(1),
                Some(first),
                Some(last),
                last.checked_add(1),
            ]
            .into_iter()
            .flatten()
            .map(|a| std::net::Ipv6Addr::from(a).to_string())
            .collect()
        }
    }
}

/// Keeps one candidate for each distinct way the conditions on this key judge it, with that
/// judgement: per statement, whether all its operator/key entries on this key hold, as the
/// simulator evaluates them with the key alone in the request.
fn distinct(
    key: &str,
    candidates: Vec<Option<Candidate>>,
    statements: &[&Statement<'_>],
) -> Vec<Judged> {
    let mut seen: BTreeSet<Vec<bool>> = BTreeSet::new();
    let mut kept = Vec::new();
    for candidate in candidates {
        let context: Vec<ContextEntry> = candidate
            .iter()
            .map(|c| ContextEntry {
                key: key.to_owned(),
                value: c.concrete.clone(),
            })
            .collect();
        let verdicts: Vec<bool> = statements
            .iter()
            .map(|statement| {
                simulate::condition_results(statement, &context)
                    .iter()
                    .filter(|r| r.key.eq_ignore_ascii_case(key))
                    .all(|r| r.matched)
            })
            .collect();
        if seen.insert(verdicts.clone()) {
            kept.push((candidate, verdicts));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::json::parse;
    use crate::policy::Policy;

    fn shown(policy: &str) -> Vec<Vec<String>> {
        let root = parse(policy).unwrap();
        let policy = Policy::from_root(&root);
        let statements: Vec<&Statement<'_>> = policy.statements.iter().collect();
        contexts(&statements, 100)
            .contexts
            .into_iter()
            .map(|(_, shown)| {
                shown
                    .into_iter()
                    .map(|s| format!("{}={}", s.key, s.value))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn one_value_per_way_the_conditions_judge_it() {
        let policy = r#"{"Statement":[
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}},
            {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIP":"10.1.0.0/16"}}}]}"#;
        // Outside both (the same as no address), in 10/8 only, in both.
        assert_eq!(
            shown(policy),
            [
                vec!["acs:SourceIp=9.255.255.255".to_owned()],
                vec!["acs:SourceIp=10.0.0.0".to_owned()],
                vec!["acs:SourceIp=10.1.0.0".to_owned()],
            ]
        );
    }

    #[test]
    fn keys_combine() {
        let policy = r#"{"Statement":[
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"},
              "StringLike":{"oss:Prefix":"a/*"}}}]}"#;
        // One statement: its condition holds or it does not.
        let all = shown(policy);
        assert_eq!(
            all,
            [
                vec![
                    "acs:SecureTransport=true".to_owned(),
                    "oss:Prefix=a/*".to_owned()
                ],
                vec![
                    "acs:SecureTransport=true".to_owned(),
                    "oss:Prefix=*".to_owned()
                ],
            ]
        );
        // Two statements on one key each: four ways.
        let policy = r#"{"Statement":[
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"}}},
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"oss:Prefix":"a/*"}}}]}"#;
        assert_eq!(shown(policy).len(), 4);
    }

    #[test]
    fn the_limit_is_kept_and_said() {
        let statements: Vec<String> = (0..4)
            .map(|i| format!(r#"{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{"Bool":{{"a:k{i}":"true"}}}}}}"#))
            .collect();
        let text = format!(r#"{{"Statement":[{}]}}"#, statements.join(","));
        let root = parse(&text).unwrap();
        let policy = Policy::from_root(&root);
        let statements: Vec<&Statement<'_>> = policy.statements.iter().collect();
        let all = contexts(&statements, 16);
        assert_eq!((all.contexts.len(), all.truncated), (16, false));
        let all = contexts(&statements, 5);
        assert_eq!(all.contexts.len(), 5);
        assert_eq!(all.combinations, 16);
        assert!(all.truncated);
    }
}
