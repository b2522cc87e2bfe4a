//! Does this change add access? What the new policies allow that the old ones did not, and
//! what they no longer allow, as actions on resources (the question AWS Access Analyzer's
//! `check-no-new-access` answers).
//!
//! Both sides are asked the same finite set of requests ([`space`]): every catalogued action,
//! grouped into classes the policies cannot tell apart, plus patterns standing for actions
//! the catalogue does not list; every resource pattern either side writes and every overlap
//! of two; and request contexts built from the values the conditions name ([`context`]).
//! Each request is judged by the simulator's own matching, so `Deny`s, `NotAction`,
//! `NotResource` and conditions count. Where this falls short of every possible request, the
//! report says so in `notes`, and where a limit stops it, `complete` is false.

mod context;
pub mod forbid;
mod render;
mod shape;
mod space;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::ActionList;
use crate::finding::{Finding, Lang, Location, Severity};
use crate::json::Node;
use crate::limits;
use crate::policy::{Policy, PolicyKind, Statement};
use crate::position::{LineIndex, TextRange};
use crate::simulate::{self, ContextEntry, Outcome, PolicySource, Warning};
use crate::tr;

pub use forbid::{Forbidden, ListError};
pub use render::{change_lines, summary, text, to_json};

use context::Shown;
use space::{ActionClass, Catalogue, Judged, ResourceClass};

/// What to compare, and how to answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiffOptions {
    pub lang: Lang,
    /// Entries no new policy may allow; each grant is reported in `must_not_grant`.
    pub must_not_grant: Vec<Forbidden>,
}

/// The answer: access added and removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffReport {
    /// True when the new policies allow a request the old ones did not.
    pub adds_access: bool,
    pub removes_access: bool,
    /// False when a limit stopped the comparison before every request shape was judged.
    pub complete: bool,
    pub added: Vec<Change>,
    pub removed: Vec<Change>,
    /// Grants of the new policies that the must-not-grant list forbids.
    pub must_not_grant: Vec<SourcedFinding>,
    /// What the comparison approximates, in words.
    pub notes: Vec<String>,
    /// Lint errors of either side: RAM would refuse such a policy.
    pub warnings: Vec<Warning>,
    pub counts: Counts,
}

/// A finding on one of the compared documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourcedFinding {
    pub source: String,
    #[serde(flatten)]
    pub finding: Finding,
}

/// How much was compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Classes of actions the policies cannot tell apart.
    pub action_classes: usize,
    /// Catalogued actions across those classes.
    pub catalogued_actions: usize,
    pub resources: usize,
    pub contexts: usize,
    /// Request shapes: action classes x resources x contexts.
    pub shapes: usize,
    pub evaluated: usize,
}

/// Actions on one resource that one side allows and the other does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The catalogued actions, by service.
    pub actions: Vec<ServiceActions>,
    /// Patterns standing for actions the catalogue does not list (`oss:Get*`, `*:*`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_actions: Vec<String>,
    /// The `Action`/`NotAction` values of either side that match these actions; empty for
    /// actions that none names (which only `NotAction` reaches).
    pub matches: Vec<String>,
    /// Resource patterns: each stands for the resources it matches that no narrower
    /// pattern of another change names.
    pub resources: Vec<String>,
    /// True when the change holds in every request context tried.
    pub always: bool,
    /// Up to three of the contexts it holds in (each key with one value; none listed when
    /// `always`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<Vec<ContextValue>>,
    /// In how many of the contexts tried it holds.
    pub context_count: usize,
    pub old: SideDecision,
    pub new: SideDecision,
}

/// One value of a request context, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextValue {
    pub key: String,
    pub value: String,
    /// True when `value` is a pattern: any value it matches (`a/*`), `*` any other value.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pattern: bool,
}

/// Catalogued actions of one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceActions {
    pub service: String,
    /// The actions, unless `all`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Every action the catalogue lists for the service.
    pub all: bool,
    pub count: usize,
    /// What the catalogue's list of this service rests on: `complete`, `partial`,
    /// `api-metadata`, `authorization-page`, `none`. Anything but `complete` may lack actions.
    pub action_list: &'static str,
}

/// One side's decision on a change, for the first context it holds in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideDecision {
    pub decision: Outcome,
    pub decided_by: Vec<StatementAt>,
}

/// A statement by document, JSON pointer and text range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementAt {
    pub source: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<TextRange>,
}

/// Why there is no comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffError {
    pub kind: DiffErrorKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Box<TextRange>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiffErrorKind {
    /// A policy is not JSON.
    Syntax,
    /// A trust policy or bucket policy: not compared (yet).
    Unsupported,
    /// Past a limit in `limits.rs`.
    TooLarge,
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.source, &self.span) {
            (Some(source), Some(span)) => write!(
                f,
                "{source}:{}:{}: {}",
                span.start.line, span.start.column, self.message
            ),
            (Some(source), None) => write!(f, "{source}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for DiffError {}

/// A limit the policies go past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TooLarge {
    Statements(usize),
    ActionPatterns(usize),
    ResourcePatterns(usize),
}

impl TooLarge {
    pub(crate) fn message(self, lang: Lang) -> String {
        let (what_en, what_zh, found, max) = match self {
            TooLarge::Statements(n) => ("statements", "条语句", n, limits::DIFF_MAX_STATEMENTS),
            TooLarge::ActionPatterns(n) => (
                "distinct `Action`/`NotAction` values",
                "个不同的 `Action`/`NotAction` 值",
                n,
                limits::DIFF_MAX_PATTERNS,
            ),
            TooLarge::ResourcePatterns(n) => (
                "distinct `Resource`/`NotResource` values",
                "个不同的 `Resource`/`NotResource` 值",
                n,
                limits::DIFF_MAX_PATTERNS,
            ),
        };
        tr!(
            lang,
            format!("{found} {what_en}, more than the {max} compared"),
            format!("共 {found} {what_zh}，超过可比较的上限 {max}")
        )
    }
}

/// The request shapes for a set of statements (and extra patterns).
pub(crate) struct Space {
    pub catalogue: &'static Catalogue,
    pub actions: Vec<ActionClass>,
    pub resources: Vec<ResourceClass>,
    pub contexts: Vec<(Vec<ContextEntry>, Vec<Shown>)>,
    /// Every overlap of two patterns was walked.
    pub overlaps_complete: bool,
    /// Every combination of context values was tried.
    pub contexts_complete: bool,
    pub context_keys: usize,
    /// Every combination of the keys' values, tried or not.
    pub context_combinations: usize,
    pub wild_resource_patterns: usize,
}

impl Space {
    pub(crate) fn build(
        statements: &[&Statement<'_>],
        extra_actions: &[String],
        extra_resources: &[String],
    ) -> Result<Space, TooLarge> {
        if statements.len() > limits::DIFF_MAX_STATEMENTS {
            return Err(TooLarge::Statements(statements.len()));
        }
        let mut action_patterns: Vec<String> = extra_actions.to_vec();
        let mut resource_patterns: Vec<String> = extra_resources.to_vec();
        for s in statements {
            for field in [s.action, s.not_action].into_iter().flatten() {
                action_patterns
                    .extend(field.strings(&s.pointer).iter().map(|i| i.value.to_owned()));
            }
            for field in [s.resource, s.not_resource].into_iter().flatten() {
                resource_patterns
                    .extend(field.strings(&s.pointer).iter().map(|i| i.value.to_owned()));
            }
        }
        crate::sort::sort(&mut action_patterns);
        action_patterns.dedup();
        crate::sort::sort(&mut resource_patterns);
        resource_patterns.dedup();
        if action_patterns.len() > limits::DIFF_MAX_PATTERNS {
            return Err(TooLarge::ActionPatterns(action_patterns.len()));
        }
        if resource_patterns.len() > limits::DIFF_MAX_PATTERNS {
            return Err(TooLarge::ResourcePatterns(resource_patterns.len()));
        }
        let catalogue = Catalogue::load();
        let (actions, actions_complete) =
            space::action_classes(&action_patterns, catalogue, limits::DIFF_MAX_OVERLAPS);
        let (resources, resources_complete) =
            space::resource_classes(&resource_patterns, limits::DIFF_MAX_OVERLAPS);
        let tried = context::contexts(statements, limits::DIFF_MAX_CONTEXTS);
        let contexts = space::distinct_contexts(statements, tried.contexts);
        Ok(Space {
            catalogue,
            actions,
            resources,
            contexts,
            overlaps_complete: actions_complete && resources_complete,
            contexts_complete: !tried.truncated,
            context_keys: tried.keys,
            context_combinations: tried.combinations,
            wild_resource_patterns: resource_patterns
                .iter()
                .filter(|p| p.contains(['*', '?']) && p.as_str() != "*")
                .count(),
        })
    }

    pub(crate) fn context_entries(&self) -> Vec<&[ContextEntry]> {
        self.contexts.iter().map(|(e, _)| e.as_slice()).collect()
    }

    /// An action of the class to name in a message: one that can apply to the resource (by
    /// its ARN's service) if any, catalogued first.
    pub(crate) fn example_action(
        &self,
        class: &ActionClass,
        resource: &ResourceClass,
    ) -> Option<String> {
        let fits = |code: &str| {
            resource
                .service
                .as_deref()
                .is_none_or(|arn| space::takes_arn_of(code, arn))
        };
        let catalogued =
            |m: &space::Catalogued| format!("{}:{}", self.catalogue.code(m.service), m.name);
        class
            .catalogued
            .iter()
            .find(|m| fits(self.catalogue.code(m.service)))
            .map(catalogued)
            .or_else(|| {
                class
                    .other
                    .iter()
                    .find(|s| s.literal_prefix_field(0).is_none_or(|code| fits(&code)))
                    .map(|s| s.display())
            })
            .or_else(|| class.catalogued.first().map(catalogued))
            .or_else(|| class.other.first().map(|s| s.display()))
    }
}

/// One parsed document.
struct Document<'s> {
    source: &'s PolicySource,
    new: bool,
    root: Option<Node>,
}

/// Compares the policies of two versions: what `new` allows that `old` did not (`added`)
/// and the reverse (`removed`). An empty text is a policy that allows nothing, so a file
/// that did not exist before can be compared. Never panics, whatever the input.
pub fn diff(
    old: &[PolicySource],
    new: &[PolicySource],
    options: &DiffOptions,
) -> Result<DiffReport, DiffError> {
    let lang = options.lang;
    let mut documents: Vec<Document<'_>> = Vec::new();
    for (source, is_new) in old
        .iter()
        .map(|s| (s, false))
        .chain(new.iter().map(|s| (s, true)))
    {
        let root = if source.text.trim().is_empty() {
            None
        } else {
            Some(simulate::parse_source(source, lang).map_err(|e| DiffError {
                kind: DiffErrorKind::Syntax,
                message: e.message,
                source: e.source,
                span: e.span,
                help: e.help,
            })?)
        };
        documents.push(Document {
            source,
            new: is_new,
            root,
        });
    }
    let policies: Vec<Option<Policy<'_>>> = documents
        .iter()
        .map(|d| d.root.as_ref().map(Policy::from_root))
        .collect();
    let mut warnings = Vec::new();
    for (document, policy) in documents.iter().zip(&policies) {
        let Some(policy) = policy else { continue };
        let kind = policy.guess_kind();
        if kind != PolicyKind::Permission {
            return Err(DiffError {
                kind: DiffErrorKind::Unsupported,
                message: tr!(
                    lang,
                    format!(
                        "`{}` looks like a {}; `diff` compares permission policies",
                        document.source.name,
                        kind.label(Lang::En)
                    ),
                    format!(
                        "`{}` 看起来是{}；`diff` 只比较权限策略",
                        document.source.name,
                        kind.label(Lang::Zh)
                    )
                ),
                source: Some(document.source.name.clone()),
                span: None,
                help: Some(tr!(
                    lang,
                    "compare the identity policies attached to users, groups or roles",
                    "请比较附加到用户、用户组或角色的身份策略"
                )),
            });
        }
        warnings.extend(simulate::lint_warnings(document.source, kind, lang));
    }
    // Every statement, and which document it is in.
    let mut all: Vec<&Statement<'_>> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    let mut old_side: Vec<usize> = Vec::new();
    let mut new_side: Vec<usize> = Vec::new();
    for (d, policy) in policies.iter().enumerate() {
        let Some(policy) = policy else { continue };
        let is_new = documents.get(d).is_some_and(|doc| doc.new);
        for statement in &policy.statements {
            if is_new {
                new_side.push(all.len());
            } else {
                old_side.push(all.len());
            }
            all.push(statement);
            owner.push(d);
        }
    }
    let space = Space::build(&all, &[], &[]).map_err(|too_large| DiffError {
        kind: DiffErrorKind::TooLarge,
        message: too_large.message(lang),
        source: None,
        span: None,
        help: Some(tr!(
            lang,
            "compare fewer or smaller policies at a time",
            "请每次比较更少或更小的策略"
        )),
    })?;
    let pick = |side: &[usize]| -> Vec<&Statement<'_>> {
        side.iter().filter_map(|&i| all.get(i).copied()).collect()
    };
    let old_statements = pick(&old_side);
    let new_statements = pick(&new_side);
    let entries = space.context_entries();
    let old_judged = Judged::new(&old_statements, &space.actions, &space.resources, &entries);
    let new_judged = Judged::new(&new_statements, &space.actions, &space.resources, &entries);

    let (na, nr, nc) = (
        space.actions.len(),
        space.resources.len(),
        space.contexts.len(),
    );
    let shapes = na.saturating_mul(nr).saturating_mul(nc);
    let mut evaluated = 0usize;
    let mut truncated = false;
    // (action class, resource) -> contexts where access was added, and where removed.
    let mut changed: BTreeMap<(usize, usize), (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    'all: for a in 0..na {
        for r in 0..nr {
            for c in 0..nc {
                if evaluated >= limits::DIFF_MAX_SHAPES {
                    truncated = true;
                    break 'all;
                }
                evaluated += 1;
                let before = old_judged.allows(a, r, c);
                let after = new_judged.allows(a, r, c);
                if before != after {
                    let slot = changed.entry((a, r)).or_default();
                    if after {
                        slot.0.push(c);
                    } else {
                        slot.1.push(c);
                    }
                }
            }
        }
    }

    let indexes: Vec<Option<LineIndex<'_>>> = documents
        .iter()
        .map(|d| d.root.as_ref().map(|_| LineIndex::new(&d.source.text)))
        .collect();
    let at = |side: &[usize], deciding: Vec<usize>| -> Vec<StatementAt> {
        deciding
            .into_iter()
            .filter_map(|k| {
                let i = *side.get(k)?;
                let statement = all.get(i)?;
                let d = *owner.get(i)?;
                let document = documents.get(d)?;
                Some(StatementAt {
                    source: document.source.name.clone(),
                    path: statement.pointer.clone(),
                    span: indexes
                        .get(d)
                        .and_then(Option::as_ref)
                        .map(|index| index.range(statement.node.span)),
                })
            })
            .collect()
    };
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for ((a, r), (plus, minus)) in &changed {
        let (Some(class), Some(resource)) = (space.actions.get(*a), space.resources.get(*r)) else {
            continue;
        };
        for (contexts, list) in [(plus, &mut added), (minus, &mut removed)] {
            let Some(&first) = contexts.first() else {
                continue;
            };
            let change = build_change(&space, class, resource, contexts, nc, |side_new| {
                let (judged, side) = if side_new {
                    (&new_judged, &new_side)
                } else {
                    (&old_judged, &old_side)
                };
                let (decision, deciding) = judged.decide(*a, *r, first);
                SideDecision {
                    decision,
                    decided_by: at(side, deciding),
                }
            });
            list.push(change);
        }
    }

    let added = merge(added);
    let removed = merge(removed);
    let mut must_not_grant = Vec::new();
    for (document, policy) in documents.iter().zip(&policies) {
        let (true, Some(policy)) = (document.new, policy) else {
            continue;
        };
        let index = LineIndex::new(&document.source.text);
        for v in forbid::check(policy, &options.must_not_grant, lang) {
            must_not_grant.push(SourcedFinding {
                source: document.source.name.clone(),
                finding: Finding::new(
                    crate::rules::must_not_grant::RULE.meta.code,
                    Severity::Error,
                    v.message,
                    Location::pointer(v.pointer),
                )
                .with_span(v.span.map(|s| index.range(s)))
                .with_help(Some(v.help)),
            });
        }
    }

    let notes = notes(&space, &added, &removed, truncated, shapes, lang);
    Ok(DiffReport {
        adds_access: !added.is_empty(),
        removes_access: !removed.is_empty(),
        complete: !truncated && space.overlaps_complete && space.contexts_complete,
        counts: Counts {
            action_classes: na,
            catalogued_actions: space.actions.iter().map(|c| c.catalogued.len()).sum(),
            resources: nr,
            contexts: nc,
            shapes,
            evaluated,
        },
        added,
        removed,
        must_not_grant,
        notes,
        warnings,
    })
}

/// One change per set of actions decided alike, listing every resource it concerns; of
/// those, the ones no action of the change can apply to (an OSS bucket beside `*` for
/// `ecs:DescribeInstances`) are left out, unless no other is left.
fn merge(changes: Vec<Change>) -> Vec<Change> {
    let mut merged = merge_alike(changes);
    for change in &mut merged {
        let fits = |resource: &String| {
            let Some(arn) = arn_service(resource) else {
                return true;
            };
            change
                .actions
                .iter()
                .any(|g| space::takes_arn_of(&g.service, arn))
                || change
                    .other_actions
                    .iter()
                    .any(|o| match o.split_once(':') {
                        Some((code, _)) if !code.contains(['*', '?']) => {
                            space::takes_arn_of(code, arn)
                        }
                        _ => true,
                    })
        };
        if change.resources.iter().any(fits) {
            let kept: Vec<String> = change
                .resources
                .iter()
                .filter(|r| fits(r))
                .cloned()
                .collect();
            change.resources = kept;
        }
    }
    merged
}

/// The service of an ARN pattern, when it is written out: `oss` in `acs:oss:*:*:b/*`.
fn arn_service(resource: &str) -> Option<&str> {
    let rest = resource.strip_prefix("acs:")?;
    let (service, _) = rest.split_once(':')?;
    (!service.contains(['*', '?'])).then_some(service)
}

fn merge_alike(changes: Vec<Change>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for change in changes {
        let key = serde_json::to_string(&Change {
            resources: Vec::new(),
            ..change.clone()
        })
        .unwrap_or_default();
        match index.get(&key).and_then(|&i| out.get_mut(i)) {
            Some(existing) => existing.resources.extend(change.resources),
            None => {
                index.insert(key, out.len());
                out.push(change);
            }
        }
    }
    out
}

fn build_change(
    space: &Space,
    class: &ActionClass,
    resource: &ResourceClass,
    contexts: &[usize],
    all_contexts: usize,
    side: impl Fn(bool) -> SideDecision,
) -> Change {
    let other: Vec<String> = class.other.iter().map(|s| s.display()).collect();
    let mut by_service: BTreeMap<usize, Vec<&'static str>> = BTreeMap::new();
    for m in &class.catalogued {
        by_service.entry(m.service).or_default().push(m.name);
    }
    let mut actions: Vec<ServiceActions> = by_service
        .into_iter()
        .map(|(service, mut names)| {
            crate::sort::sort_by(&mut names, |a, b| {
                crate::catalogue::generated::cmp_ignore_case(a, b)
            });
            let total = space.catalogue.total(service);
            let all = names.len() == total && total > 0;
            ServiceActions {
                service: space.catalogue.code(service).to_owned(),
                count: names.len(),
                names: if all {
                    Vec::new()
                } else {
                    names.into_iter().map(str::to_owned).collect()
                },
                all,
                action_list: action_list_code(space.catalogue.action_list(service)),
            }
        })
        .collect();
    crate::sort::sort_by(&mut actions, |a, b| a.service.cmp(&b.service));
    let always = contexts.len() == all_contexts;
    let examples = if always {
        Vec::new()
    } else {
        contexts
            .iter()
            .take(3)
            .filter_map(|&c| space.contexts.get(c))
            .map(|(_, shown)| {
                shown
                    .iter()
                    .map(|s| ContextValue {
                        key: simulate::redact(&s.key),
                        value: simulate::redact(&s.value),
                        pattern: s.pattern,
                    })
                    .collect()
            })
            .collect()
    };
    Change {
        actions,
        other_actions: other.iter().map(|o| simulate::redact(o)).collect(),
        matches: class.matches.iter().map(|m| simulate::redact(m)).collect(),
        resources: vec![simulate::redact(&resource.shown)],
        always,
        contexts: examples,
        context_count: contexts.len(),
        old: side(false),
        new: side(true),
    }
}

pub(crate) fn action_list_code(list: ActionList) -> &'static str {
    match list {
        ActionList::Complete => "complete",
        ActionList::Partial => "partial",
        ActionList::ApiMetadata => "api-metadata",
        ActionList::AuthorizationPage => "authorization-page",
        ActionList::None => "none",
    }
}

/// What the comparison approximates, said once each.
fn notes(
    space: &Space,
    added: &[Change],
    removed: &[Change],
    truncated: bool,
    shapes: usize,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut partial: Vec<String> = Vec::new();
    // Only where a pattern was expanded: a change that also covers actions the
    // catalogue does not list.
    for change in added.iter().chain(removed) {
        if change.other_actions.is_empty() {
            continue;
        }
        for group in &change.actions {
            if group.action_list != "complete" && !partial.contains(&group.service) {
                partial.push(group.service.clone());
            }
        }
    }
    crate::sort::sort(&mut partial);
    if !partial.is_empty() {
        let mut listed = partial
            .iter()
            .take(8)
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if partial.len() > 8 {
            listed.push_str(&tr!(
                lang,
                format!(" and {} more", partial.len() - 8),
                format!(" 等另外 {} 个服务", partial.len() - 8)
            ));
        }
        out.push(tr!(
            lang,
            format!("the catalogue's action lists of {listed} are not known to be complete: actions they lack are covered by the patterns under other actions"),
            format!("目录中 {listed} 的操作列表不一定完整：其中缺少的操作由“其他操作”下的模式代表")
        ));
    }
    if space.context_keys > 0 {
        out.push(tr!(
            lang,
            format!("conditions: {} tried, built from the values the conditions name on {} (each key with one value, on either side of every value, or none; contexts every condition judges alike counted once); several values of one key are not tried", render::plural(space.contexts.len(), "request context"), render::plural(space.context_keys, "key")),
            format!("条件：依据条件中 {} 个键出现的取值尝试了 {} 种请求上下文（每个键取一个值，位于每个取值的两侧，或不取值；所有条件判断相同的上下文只算一次）；未尝试同一键取多个值的情况", space.context_keys, space.contexts.len())
        ));
    }
    if space.resources.len() > 1 && added.iter().chain(removed).next().is_some() {
        out.push(tr!(
            lang,
            "each resource pattern of a change stands for the resources it matches that no narrower pattern of either policy names (`*`: every other resource)",
            "变化中的每个资源模式代表它所匹配、且未被任一策略中更窄的模式单独列出的资源（`*`：其余所有资源）"
        ));
    }
    if space.wild_resource_patterns >= 3 {
        out.push(tr!(
            lang,
            "resources: each pattern and each overlap of two patterns stand for the resources they match; a resource only three or more partly overlapping patterns single out is not tried",
            "资源：每个模式及每两个模式的重叠各代表其匹配的资源；仅由三个或更多部分重叠的模式共同界定的资源未被尝试"
        ));
    }
    if !space.overlaps_complete {
        out.push(tr!(
            lang,
            format!("incomplete: more than {} overlaps of two patterns, or a pattern longer than {} characters; the rest were not tried", limits::DIFF_MAX_OVERLAPS, shape::MAX_INTERSECTED_CHARS),
            format!("不完整：两两模式重叠超过 {} 个，或有模式长于 {} 个字符；其余未尝试", limits::DIFF_MAX_OVERLAPS, shape::MAX_INTERSECTED_CHARS)
        ));
    }
    if !space.contexts_complete {
        out.push(tr!(
            lang,
            format!("incomplete: the conditions' values combine into {} request contexts; only the first {} were tried", space.context_combinations, limits::DIFF_MAX_CONTEXTS),
            format!("不完整：条件取值组合成 {} 种请求上下文；只尝试了前 {} 种", space.context_combinations, limits::DIFF_MAX_CONTEXTS)
        ));
    }
    if truncated {
        out.push(tr!(
            lang,
            format!(
                "incomplete: {shapes} request shapes, of which the first {} were judged",
                limits::DIFF_MAX_SHAPES
            ),
            format!(
                "不完整：共 {shapes} 个请求形态，只判断了前 {} 个",
                limits::DIFF_MAX_SHAPES
            )
        ));
    }
    out
}

#[cfg(test)]
mod tests;
