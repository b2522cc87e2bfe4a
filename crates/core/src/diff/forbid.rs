//! `must-not-grant`: actions (and resources) that no policy may allow, and the statement that
//! allows one anyway.
//!
//! The list is a text file, one entry per line: an action pattern, optionally followed by a
//! resource pattern (any resource when left out), separated by spaces; `#` starts a comment.
//!
//! ```text
//! # nobody gets to manage RAM or delete production buckets
//! ram:*
//! oss:DeleteBucket  acs:oss:*:*:prod-*
//! ```
//!
//! A policy grants an entry when some request the entry covers is allowed, with `Deny`s,
//! `NotAction`, `NotResource` and conditions counted, as [`super::diff`] judges requests.

use serde::{Deserialize, Serialize};

use crate::finding::Lang;
use crate::limits;
use crate::policy::{Policy, Statement};
use crate::position::Span;
use crate::simulate::redact;
use crate::tr;
use crate::wildcard::{self, Case};

use super::space::Judged;
use super::Space;

/// One entry of a must-not-grant list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forbidden {
    /// An action pattern: `ram:*`, `oss:Delete*`, `ecs:RunInstances`.
    pub action: String,
    /// A resource pattern; `*` (any resource) when not given.
    #[serde(default = "any_resource")]
    pub resource: String,
}

fn any_resource() -> String {
    "*".to_owned()
}

impl Forbidden {
    pub fn new(action: impl Into<String>, resource: impl Into<String>) -> Forbidden {
        Forbidden {
            action: action.into(),
            resource: resource.into(),
        }
    }

    /// The entry as written in a list: `ram:*`, or `oss:DeleteBucket acs:oss:*:*:prod-*`.
    pub fn written(&self) -> String {
        if self.resource == "*" {
            self.action.clone()
        } else {
            format!("{} {}", self.action, self.resource)
        }
    }
}

/// Why a must-not-grant list cannot be read: the line and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListError {
    /// 1-based.
    pub line: usize,
    pub message: String,
    pub help: Option<String>,
}

impl std::fmt::Display for ListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The most entries a list may have.
pub const MAX_ENTRIES: usize = 1_000;

/// Reads a must-not-grant list (the format in the module docs).
pub fn parse(text: &str) -> Result<Vec<Forbidden>, ListError> {
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line_no = number + 1;
        let content = line.split('#').next().unwrap_or_default().trim();
        if content.is_empty() {
            continue;
        }
        let fields: Vec<&str> = content.split_whitespace().collect();
        let (action, resource) = match fields.as_slice() {
            [action] => (*action, "*"),
            [action, resource] => (*action, *resource),
            _ => {
                return Err(ListError {
                    line: line_no,
                    message: format!(
                        "expected an action and at most one resource, found {} words",
                        fields.len()
                    ),
                    help: Some("write `ACTION [RESOURCE]`, such as `oss:DeleteBucket acs:oss:*:*:prod-*`; one entry per line".to_owned()),
                })
            }
        };
        if action != "*"
            && !action
                .split_once(':')
                .is_some_and(|(s, a)| !s.is_empty() && !a.is_empty())
        {
            return Err(ListError {
                line: line_no,
                message: format!(
                    "`{}` is not an action (`<service>:<action>`)",
                    redact(action)
                ),
                help: Some("for example `ram:*` or `oss:DeleteBucket`".to_owned()),
            });
        }
        out.push(Forbidden::new(action, resource));
        if out.len() > MAX_ENTRIES {
            return Err(ListError {
                line: line_no,
                message: format!("more than {MAX_ENTRIES} entries"),
                help: None,
            });
        }
    }
    Ok(out)
}

/// A statement that grants what the list forbids.
#[derive(Debug, Clone)]
pub(crate) struct Violation {
    pub pointer: String,
    pub span: Option<Span>,
    pub message: String,
    pub help: String,
}

/// Every statement of the policy that allows a request an entry of the list covers, one
/// violation per entry and statement.
pub(crate) fn check(policy: &Policy<'_>, list: &[Forbidden], lang: Lang) -> Vec<Violation> {
    if list.is_empty() {
        return Vec::new();
    }
    let statements: Vec<&Statement<'_>> = policy.statements.iter().collect();
    let actions: Vec<String> = list.iter().map(|f| f.action.clone()).collect();
    let resources: Vec<String> = list.iter().map(|f| f.resource.clone()).collect();
    let space = match Space::build(&statements, &actions, &resources) {
        Ok(space) => space,
        Err(too_large) => {
            return vec![Violation {
                pointer: String::new(),
                span: None,
                message: tr!(
                    lang,
                    format!(
                        "the policy could not be checked against the must-not-grant list: {}",
                        too_large.message(Lang::En)
                    ),
                    format!(
                        "无法对照禁止授予列表检查该策略：{}",
                        too_large.message(Lang::Zh)
                    )
                ),
                help: tr!(
                    lang,
                    "split the policy, or shorten the list",
                    "请拆分策略或缩短列表"
                ),
            }]
        }
    };
    let judged = Judged::new(
        &statements,
        &space.actions,
        &space.resources,
        &space.context_entries(),
    );
    let mut out: Vec<Violation> = Vec::new();
    let mut reported: Vec<(usize, usize)> = Vec::new();
    let mut evaluated = 0usize;
    let mut truncated = false;
    for (k, entry) in list.iter().enumerate() {
        for (a, class) in space.actions.iter().enumerate() {
            if !wildcard::matches(&entry.action, &class.representative, Case::Insensitive) {
                continue;
            }
            for (r, resource) in space.resources.iter().enumerate() {
                if !wildcard::matches(&entry.resource, &resource.representative, Case::Sensitive) {
                    continue;
                }
                let Some(example) = space.example_action(class, resource) else {
                    continue;
                };
                for c in 0..space.contexts.len() {
                    evaluated += 1;
                    if evaluated > limits::DIFF_MAX_SHAPES {
                        truncated = true;
                        break;
                    }
                    let (outcome, deciding) = judged.decide(a, r, c);
                    if !outcome.is_allowed() {
                        continue;
                    }
                    for s in deciding {
                        if reported.contains(&(k, s)) {
                            continue;
                        }
                        reported.push((k, s));
                        let Some(statement) = statements.get(s) else {
                            continue;
                        };
                        let when = space
                            .contexts
                            .get(c)
                            .filter(|_| space.contexts.len() > 1)
                            .map(|(_, shown)| super::render::context_words(shown, lang));
                        out.push(violation(
                            statement,
                            entry,
                            &example,
                            &resource.shown,
                            when,
                            lang,
                        ));
                    }
                }
            }
        }
    }
    if truncated {
        out.push(Violation {
            pointer: String::new(),
            span: None,
            message: tr!(
                lang,
                format!("the must-not-grant check stopped after {} request shapes; some grants may not be reported", limits::DIFF_MAX_SHAPES),
                format!("禁止授予检查在 {} 个请求形态后停止；部分授予可能未报告", limits::DIFF_MAX_SHAPES)
            ),
            help: tr!(lang, "split the policy, or shorten the list", "请拆分策略或缩短列表"),
        });
    }
    crate::sort::sort_by(&mut out, |a, b| {
        (a.span.map(|s| s.start), &a.message).cmp(&(b.span.map(|s| s.start), &b.message))
    });
    out
}

fn violation(
    statement: &Statement<'_>,
    entry: &Forbidden,
    action: &str,
    resource: &str,
    when: Option<String>,
    lang: Lang,
) -> Violation {
    let action = redact(action);
    let resource = redact(resource);
    let written = redact(&entry.written());
    let when_en = when
        .as_deref()
        .map(|w| format!(" (for example {w})"))
        .unwrap_or_default();
    let when_zh = when
        .as_deref()
        .map(|w| format!("（例如{w}）"))
        .unwrap_or_default();
    Violation {
        pointer: statement.pointer.clone(),
        span: Some(statement.node.span),
        message: tr!(
            lang,
            format!("this statement allows `{action}` on `{resource}`{when_en}, which the must-not-grant list forbids (`{written}`)"),
            format!("该语句允许对 `{resource}` 执行 `{action}`{when_zh}，而禁止授予列表禁止这样做（`{written}`）")
        ),
        help: tr!(
            lang,
            "narrow the statement's `Action` or `Resource`, or add a `Deny` statement for it",
            "请收窄该语句的 `Action` 或 `Resource`，或为其添加 `Deny` 语句"
        ),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn lists_read_one_entry_per_line() {
        let list = parse("# comment\n\nram:*\n  oss:DeleteBucket   acs:oss:*:*:prod-*  # why\n*\n")
            .unwrap();
        assert_eq!(
            list,
            [
                Forbidden::new("ram:*", "*"),
                Forbidden::new("oss:DeleteBucket", "acs:oss:*:*:prod-*"),
                Forbidden::new("*", "*"),
            ]
        );
        let error = parse("ram:*\noss:GetObject a b\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(parse("GetObject\n").is_err());
        assert!(parse(":x\n").is_err());
    }
}
