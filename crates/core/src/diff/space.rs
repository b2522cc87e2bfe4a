//! The finite set of requests both policies are asked about.
//!
//! Actions: every action of the catalogue, grouped into classes of actions that every
//! `Action`/`NotAction` value of either policy treats alike (matches all of them or none), so
//! that one evaluation speaks for the whole class; plus, for actions the catalogue does not
//! list, the generic point of each pattern and of each overlap of two patterns, and `*:*`.
//! Resources: the generic point of each `Resource`/`NotResource` value and of each overlap of
//! two, and `*`, grouped the same way. Each class is then evaluated with the simulator's own
//! matching, statement by statement.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::catalogue::{self, ActionList, ServiceRef};
use crate::policy::Statement;
use crate::simulate;
use crate::wildcard::{self, Case};

use super::shape::Shape;

/// One action of the catalogue: its service's code and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Catalogued {
    pub service: usize,
    pub name: &'static str,
}

/// Actions that every pattern of both policies treats alike.
#[derive(Debug, Clone)]
pub(crate) struct ActionClass {
    /// The action the evaluator is asked about.
    pub representative: String,
    pub catalogued: Vec<Catalogued>,
    /// Shapes standing for actions the catalogue does not list (`oss:Get*`, `*:*`).
    pub other: Vec<Shape>,
    /// The `Action`/`NotAction` values (and extra patterns) that match the class.
    pub matches: Vec<String>,
}

/// Resources that every pattern of both policies treats alike.
#[derive(Debug, Clone)]
pub(crate) struct ResourceClass {
    pub representative: String,
    /// The pattern it stands for: `acs:oss:*:*:b/*`, `*`.
    pub shown: String,
    /// The ARN's service, when it is written out (`oss`).
    pub service: Option<String>,
}

/// The catalogue's services, each with its actions.
pub(crate) struct Catalogue {
    pub services: Vec<(ServiceRef, Vec<&'static str>)>,
}

impl Catalogue {
    /// Built once, and again once the page has installed the generated catalogue.
    pub(crate) fn load() -> &'static Catalogue {
        static CURATED_ONLY: OnceLock<Catalogue> = OnceLock::new();
        static MERGED: OnceLock<Catalogue> = OnceLock::new();
        let build = || Catalogue {
            services: catalogue::services()
                .iter()
                .map(|s| (*s, s.actions().iter().map(|a| a.name).collect()))
                .collect(),
        };
        if catalogue::is_complete() {
            MERGED.get_or_init(build)
        } else {
            CURATED_ONLY.get_or_init(build)
        }
    }

    pub(crate) fn code(&self, service: usize) -> &'static str {
        self.services.get(service).map_or("", |(s, _)| s.code())
    }

    pub(crate) fn total(&self, service: usize) -> usize {
        self.services.get(service).map_or(0, |(_, a)| a.len())
    }

    pub(crate) fn action_list(&self, service: usize) -> ActionList {
        self.services
            .get(service)
            .map_or(ActionList::None, |(s, _)| s.action_list())
    }

    fn has(&self, action: &str) -> bool {
        action.split_once(':').is_some_and(|(code, name)| {
            catalogue::service(code).is_some_and(|s| s.action(name).is_some())
        })
    }
}

/// A bit set over patterns or statements.
pub(crate) type Bits = Vec<u64>;

pub(crate) fn bits(len: usize) -> Bits {
    vec![0; len.div_ceil(64).max(1)]
}

pub(crate) fn set(bits: &mut Bits, index: usize) {
    if let Some(word) = bits.get_mut(index / 64) {
        *word |= 1 << (index % 64);
    }
}

pub(crate) fn test(bits: &Bits, index: usize) -> bool {
    bits.get(index / 64)
        .is_some_and(|word| word & (1 << (index % 64)) != 0)
}

/// The witnesses a set of patterns calls for: each pattern's generic point and each overlap
/// of two patterns that both have a wildcard (at most `max_pairs` pairs). Returns them and
/// whether every pair was walked.
fn witnesses(shapes: &[Shape], case: Case, max_pairs: usize) -> (Vec<Shape>, bool) {
    let mut out: Vec<Shape> = shapes.to_vec();
    let wild: Vec<&Shape> = shapes.iter().filter(|s| s.has_wildcard()).collect();
    let mut pairs = 0usize;
    let mut complete = true;
    'outer: for (i, a) in wild.iter().enumerate() {
        for b in wild.iter().skip(i + 1) {
            if pairs >= max_pairs {
                complete = false;
                break 'outer;
            }
            pairs += 1;
            match Shape::intersect(a, b, case) {
                // A meeting point with more `:` than either pattern exists only because a
                // `*` spans a `:` (`acs:oss:*:*:b` and `acs:oss:*:*:b/*` both match
                // `acs:oss:x:y:b/z:b`): no ARN or action RAM sees looks like it.
                Some(point) if point.colons() > a.colons().max(b.colons()) => {}
                Some(point) => out.push(point),
                None if a.len() > super::shape::MAX_INTERSECTED_CHARS
                    || b.len() > super::shape::MAX_INTERSECTED_CHARS =>
                {
                    complete = false
                }
                None => {}
            }
        }
    }
    (out, complete)
}

fn signature(patterns: &[String], text: &str, case: Case) -> Bits {
    let mut sig = bits(patterns.len());
    for (i, p) in patterns.iter().enumerate() {
        if wildcard::matches(p, text, case) {
            set(&mut sig, i);
        }
    }
    sig
}

/// The action classes for these patterns (every `Action`/`NotAction` value, distinct).
/// Returns the classes and whether every overlap was walked.
pub(crate) fn action_classes(
    patterns: &[String],
    catalogue: &Catalogue,
    max_pairs: usize,
) -> (Vec<ActionClass>, bool) {
    let shapes: Vec<Shape> = patterns.iter().map(|p| Shape::of_pattern(p)).collect();
    // Patterns whose service is written out only concern that service's actions; the rest
    // (`*`, `*:Describe*`, `o?s:*`) concern all.
    let mut by_service: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut everywhere: Vec<usize> = Vec::new();
    for (i, shape) in shapes.iter().enumerate() {
        match shape.literal_prefix_field(0) {
            Some(code) => by_service
                .entry(code.to_ascii_lowercase())
                .or_default()
                .push(i),
            None => everywhere.push(i),
        }
    }
    // Catalogued names are ASCII: an ASCII pattern then matches exactly as the simulator's
    // case-insensitive comparison decides once both sides are lowercased, which is several
    // times faster on the whole catalogue.
    let lowered: Vec<Option<String>> = patterns
        .iter()
        .map(|p| p.is_ascii().then(|| p.to_ascii_lowercase()))
        .collect();
    let mut classes: BTreeMap<Bits, ActionClass> = BTreeMap::new();
    let mut sig = bits(patterns.len());
    let mut text = String::new();
    for (index, (service, actions)) in catalogue.services.iter().enumerate() {
        let code = service.code();
        let mut relevant: Vec<usize> = everywhere.clone();
        if let Some(own) = by_service.get(&code.to_ascii_lowercase()) {
            relevant.extend(own);
        }
        for name in actions {
            sig.iter_mut().for_each(|w| *w = 0);
            if !relevant.is_empty() {
                text.clear();
                text.push_str(code);
                text.push(':');
                text.push_str(name);
                let ascii = text.is_ascii();
                text.make_ascii_lowercase();
                for &i in &relevant {
                    let hit = match (lowered.get(i), ascii) {
                        (Some(Some(lower)), true) => quick_match(lower, &text),
                        _ => patterns
                            .get(i)
                            .is_some_and(|p| wildcard::matches(p, &text, Case::Insensitive)),
                    };
                    if hit {
                        set(&mut sig, i);
                    }
                }
            }
            let member = Catalogued {
                service: index,
                name,
            };
            match classes.get_mut(sig.as_slice()) {
                Some(class) => class.catalogued.push(member),
                None => {
                    classes.insert(
                        sig.clone(),
                        ActionClass {
                            representative: format!("{code}:{name}"),
                            catalogued: vec![member],
                            other: Vec::new(),
                            matches: Vec::new(),
                        },
                    );
                }
            }
        }
    }
    let (mut points, complete) = witnesses(&shapes, Case::Insensitive, max_pairs);
    points.push(Shape::of_pattern("*:*"));
    let mut seen: Vec<String> = Vec::new();
    for point in points {
        let Some(point) = point.with_colon() else {
            continue;
        };
        let concrete = point.concrete();
        let lower = concrete.to_lowercase();
        if seen.contains(&lower) || (!point.has_wildcard() && catalogue.has(&concrete)) {
            continue;
        }
        seen.push(lower);
        let sig = signature(patterns, &concrete, Case::Insensitive);
        let class = classes.entry(sig).or_insert_with(|| ActionClass {
            representative: concrete,
            catalogued: Vec::new(),
            other: Vec::new(),
            matches: Vec::new(),
        });
        class.other.push(point);
    }
    let mut out: Vec<ActionClass> = classes
        .into_iter()
        .map(|(sig, mut class)| {
            crate::sort::sort_by_key(&mut class.other, |s| s.display());
            class.matches = patterns
                .iter()
                .enumerate()
                .filter(|(i, _)| test(&sig, *i))
                .map(|(_, p)| p.clone())
                .collect();
            class
        })
        .collect();
    crate::sort::sort_by_cached_key(&mut out, |c| class_key(c, catalogue));
    (out, complete)
}

/// `wildcard::matches` with case, with shortcuts for the common shapes (`*`, a name, a
/// prefix and `*`), which the whole catalogue is matched against.
fn quick_match(pattern: &str, text: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    match pattern.find(['*', '?']) {
        None => pattern == text,
        Some(at) if at + 1 == pattern.len() && pattern.ends_with('*') => {
            text.starts_with(pattern.get(..at).unwrap_or_default())
        }
        Some(_) => wildcard::matches(pattern, text, Case::Sensitive),
    }
}

/// Orders classes by their first action as shown: catalogued ones by service and name.
fn class_key(class: &ActionClass, catalogue: &Catalogue) -> (String, String) {
    match class.catalogued.first() {
        Some(first) => (
            catalogue.code(first.service).to_ascii_lowercase(),
            first.name.to_ascii_lowercase(),
        ),
        None => (
            "\u{10ffff}".to_owned(),
            class
                .other
                .first()
                .map(|s| s.display().to_ascii_lowercase())
                .unwrap_or_default(),
        ),
    }
}

/// The resource classes for these patterns (every `Resource`/`NotResource` value).
pub(crate) fn resource_classes(
    patterns: &[String],
    max_pairs: usize,
) -> (Vec<ResourceClass>, bool) {
    let shapes: Vec<Shape> = patterns.iter().map(|p| Shape::of_pattern(p)).collect();
    let (mut points, complete) = witnesses(&shapes, Case::Sensitive, max_pairs);
    points.push(Shape::any());
    let mut by_signature: BTreeMap<Bits, usize> = BTreeMap::new();
    let mut out: Vec<ResourceClass> = Vec::new();
    for point in points {
        let concrete = point.concrete();
        let sig = signature(patterns, &concrete, Case::Sensitive);
        if by_signature.contains_key(&sig) {
            continue;
        }
        by_signature.insert(sig, out.len());
        let service = match point.literal_prefix_field(0).as_deref() {
            Some("acs") => point.literal_prefix_field(1),
            _ => None,
        };
        out.push(ResourceClass {
            representative: concrete,
            shown: point.display(),
            service,
        });
    }
    crate::sort::sort_by(&mut out, |a, b| a.shown.cmp(&b.shown));
    (out, complete)
}

/// Whether an action of service `code` can apply to a resource of ARN service `arn`: its
/// own service, or one the catalogue lists for its ARNs; an unknown service may take any.
pub(crate) fn takes_arn_of(code: &str, arn: &str) -> bool {
    if code.eq_ignore_ascii_case(arn) {
        return true;
    }
    match catalogue::service(code) {
        Some(service) => {
            let mut names = service.arn_services().peekable();
            names.peek().is_none() || names.any(|name| name.eq_ignore_ascii_case(arn))
        }
        None => true,
    }
}

/// One side's statements as the simulator judges them against every class.
pub(crate) struct Judged {
    pub allow: Bits,
    pub deny: Bits,
    pub actions: Vec<Bits>,
    pub resources: Vec<Bits>,
    pub contexts: Vec<Bits>,
}

impl Judged {
    pub(crate) fn new(
        statements: &[&Statement<'_>],
        actions: &[ActionClass],
        resources: &[ResourceClass],
        contexts: &[&[simulate::ContextEntry]],
    ) -> Judged {
        let n = statements.len();
        let mut allow = bits(n);
        let mut deny = bits(n);
        for (k, s) in statements.iter().enumerate() {
            match s.effect() {
                Some(crate::policy::Effect::Allow) => set(&mut allow, k),
                Some(crate::policy::Effect::Deny) => set(&mut deny, k),
                None => {}
            }
        }
        let column = |test: &dyn Fn(&Statement<'_>) -> bool| {
            let mut b = bits(n);
            for (k, s) in statements.iter().enumerate() {
                if test(s) {
                    set(&mut b, k);
                }
            }
            b
        };
        Judged {
            allow,
            deny,
            actions: actions
                .iter()
                .map(|a| column(&|s| simulate::action_covers(s, &a.representative) == Some(true)))
                .collect(),
            resources: resources
                .iter()
                .map(|r| column(&|s| simulate::resource_covers(s, &r.representative) == Some(true)))
                .collect(),
            contexts: contexts
                .iter()
                .map(|c| column(&|s| simulate::condition_holds(s, c)))
                .collect(),
        }
    }

    /// RAM's decision for one request shape, and the statements that decided it.
    pub(crate) fn decide(
        &self,
        action: usize,
        resource: usize,
        context: usize,
    ) -> (simulate::Outcome, Vec<usize>) {
        let empty = Vec::new();
        let a = self.actions.get(action).unwrap_or(&empty);
        let r = self.resources.get(resource).unwrap_or(&empty);
        let c = self.contexts.get(context).unwrap_or(&empty);
        let mut denies = Vec::new();
        let mut allows = Vec::new();
        for (w, ((((a, r), c), deny), allow)) in a
            .iter()
            .zip(r)
            .zip(c)
            .zip(&self.deny)
            .zip(&self.allow)
            .enumerate()
        {
            let matched = a & r & c;
            for (list, mask) in [
                (&mut denies, matched & deny),
                (&mut allows, matched & allow),
            ] {
                let mut m = mask;
                while m != 0 {
                    let bit = m.trailing_zeros() as usize;
                    list.push(w * 64 + bit);
                    m &= m - 1;
                }
            }
        }
        if !denies.is_empty() {
            (simulate::Outcome::ExplicitDeny, denies)
        } else if !allows.is_empty() {
            (simulate::Outcome::Allow, allows)
        } else {
            (simulate::Outcome::ImplicitDeny, Vec::new())
        }
    }

    /// Only whether the shape is allowed, without collecting the deciding statements.
    pub(crate) fn allows(&self, action: usize, resource: usize, context: usize) -> bool {
        let empty = Vec::new();
        let a = self.actions.get(action).unwrap_or(&empty);
        let r = self.resources.get(resource).unwrap_or(&empty);
        let c = self.contexts.get(context).unwrap_or(&empty);
        let mut allowed = false;
        for ((((a, r), c), deny), allow) in a.iter().zip(r).zip(c).zip(&self.deny).zip(&self.allow)
        {
            let matched = a & r & c;
            if matched & deny != 0 {
                return false;
            }
            allowed |= matched & allow != 0;
        }
        allowed
    }
}

/// The context classes: contexts that every statement's condition judges alike are one.
pub(crate) fn distinct_contexts(
    statements: &[&Statement<'_>],
    contexts: Vec<(Vec<simulate::ContextEntry>, Vec<super::context::Shown>)>,
) -> Vec<(Vec<simulate::ContextEntry>, Vec<super::context::Shown>)> {
    let conditional: Vec<usize> = statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.condition.is_some())
        .map(|(i, _)| i)
        .collect();
    let mut seen: std::collections::BTreeSet<Bits> = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (entries, shown) in contexts {
        let mut sig = bits(conditional.len());
        for (k, &i) in conditional.iter().enumerate() {
            if statements
                .get(i)
                .is_some_and(|s| simulate::condition_holds(s, &entries))
            {
                set(&mut sig, k);
            }
        }
        if seen.insert(sig) {
            out.push((entries, shown));
        }
    }
    out
}
