//! Witnesses: one concrete string standing for everything a pattern matches, or for what two
//! overlapping patterns both match.
//!
//! A pattern's *generic point* replaces each `*` with [`ANY`] and each `?` with [`ONE`],
//! characters no real pattern uses, so that another pattern matches the generic point only
//! when it matches (nearly) everything the first one does: `acs:oss:*:*:b/*` stands for
//! `b/`-anything, and `acs:oss:*:*:b/secret/*` does not match it. Two patterns that overlap
//! without either containing the other (`a*` and `*b`) get a point of their own, found by
//! walking both patterns together: `a*b`.

use crate::wildcard::Case;

/// What a `*` becomes in a witness: four characters, so that no run of `?` in a written
/// pattern (which would match exactly that many characters) mistakes it for a short value.
pub(crate) const ANY: &str = "\u{a4}\u{a4}\u{a4}\u{a4}";
/// What a `?` becomes.
pub(crate) const ONE: char = '\u{a4}';

/// The longest pattern (in characters) walked together with another one; longer ones still
/// have their generic point. Bounds the walk to a million states.
pub(crate) const MAX_INTERSECTED_CHARS: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Part {
    Char(char),
    One,
    Any,
}

/// A pattern or a witness as a sequence of parts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Shape {
    parts: Vec<Part>,
}

impl Shape {
    /// A written pattern: `*` any run (consecutive ones are one), `?` one character.
    pub(crate) fn of_pattern(pattern: &str) -> Shape {
        let mut parts: Vec<Part> = Vec::new();
        for c in pattern.chars() {
            let part = match c {
                '*' => Part::Any,
                '?' => Part::One,
                c => Part::Char(c),
            };
            if part == Part::Any && parts.last() == Some(&Part::Any) {
                continue;
            }
            parts.push(part);
        }
        Shape { parts }
    }

    /// A literal value: every character stands for itself.
    pub(crate) fn literal(text: &str) -> Shape {
        Shape {
            parts: text.chars().map(Part::Char).collect(),
        }
    }

    pub(crate) fn any() -> Shape {
        Shape {
            parts: vec![Part::Any],
        }
    }

    /// The string the evaluator is asked about.
    pub(crate) fn concrete(&self) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Char(c) => out.push(*c),
                Part::One => out.push(ONE),
                Part::Any => out.push_str(ANY),
            }
        }
        out
    }

    /// The shape as a pattern again, for people: `*` and `?` where the wildcards were.
    pub(crate) fn display(&self) -> String {
        self.parts
            .iter()
            .map(|part| match part {
                Part::Char(c) => *c,
                Part::One => '?',
                Part::Any => '*',
            })
            .collect()
    }

    pub(crate) fn has_wildcard(&self) -> bool {
        self.parts.iter().any(|p| !matches!(p, Part::Char(_)))
    }

    pub(crate) fn colons(&self) -> usize {
        self.parts.iter().filter(|p| **p == Part::Char(':')).count()
    }

    pub(crate) fn len(&self) -> usize {
        self.parts.len()
    }

    /// The shape with `:` added in its first `*` (`oss*` becomes `oss*:*`), for an action
    /// pattern with no `:`, whose generic point would otherwise be no action at all. `None`
    /// when it has neither `:` nor `*`.
    pub(crate) fn with_colon(&self) -> Option<Shape> {
        if self.parts.contains(&Part::Char(':')) {
            return Some(self.clone());
        }
        let at = self.parts.iter().position(|p| *p == Part::Any)?;
        let mut parts = self.parts.clone();
        parts.splice(at..=at, [Part::Any, Part::Char(':'), Part::Any]);
        Some(Shape { parts })
    }

    /// The text before the first `:`, when it is written out (no `*` or `?`): the service
    /// of an action or an ARN's field.
    pub(crate) fn literal_prefix_field(&self, skip: usize) -> Option<String> {
        let mut field = 0;
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Char(':') => {
                    if field == skip {
                        return Some(out);
                    }
                    field += 1;
                }
                Part::Char(c) if field == skip => out.push(*c),
                Part::Char(_) => {}
                _ if field == skip => return None,
                _ => {}
            }
        }
        None
    }

    /// A most general shape matched by both patterns, if they overlap: a walk through the
    /// pairs of positions (one in each), shortest first, that emits `*` wherever both
    /// patterns are inside a `*` at once.
    pub(crate) fn intersect(a: &Shape, b: &Shape, case: Case) -> Option<Shape> {
        if a.len() > MAX_INTERSECTED_CHARS || b.len() > MAX_INTERSECTED_CHARS {
            return None;
        }
        let width = b.len() + 1;
        let states = (a.len() + 1) * width;
        // For each state, the state it was reached from and the part emitted on the way.
        let mut parent: Vec<Option<(usize, Option<Part>)>> = vec![None; states];
        let mut queue = std::collections::VecDeque::new();
        let start = 0usize;
        let goal = a.len() * width + b.len();
        let mut seen = vec![false; states];
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        queue.push_back(start);
        let same = |x: char, y: char| match case {
            Case::Sensitive => x == y,
            Case::Insensitive => x.to_lowercase().eq(y.to_lowercase()),
        };
        while let Some(state) = queue.pop_front() {
            if state == goal {
                break;
            }
            let (i, j) = (state / width, state % width);
            let pa = a.parts.get(i).copied();
            let pb = b.parts.get(j).copied();
            let mut next: Vec<(usize, Option<Part>)> = Vec::with_capacity(3);
            if pa == Some(Part::Any) {
                next.push(((i + 1) * width + j, None));
            }
            if pb == Some(Part::Any) {
                next.push((i * width + j + 1, None));
            }
            // One character consumed by both; `*` against `*` is the loop added afterwards.
            let emitted = match (pa, pb) {
                (Some(Part::Char(x)), Some(Part::Char(y))) => same(x, y).then_some(Part::Char(x)),
                (Some(Part::Char(x)), Some(_)) => Some(Part::Char(x)),
                (Some(_), Some(Part::Char(y))) => Some(Part::Char(y)),
                (Some(Part::Any), Some(Part::Any)) => None,
                (Some(_), Some(_)) => Some(Part::One),
                _ => None,
            };
            if let Some(part) = emitted {
                let ni = if pa == Some(Part::Any) { i } else { i + 1 };
                let nj = if pb == Some(Part::Any) { j } else { j + 1 };
                next.push((ni * width + nj, Some(part)));
            }
            for (to, part) in next {
                if let Some(flag) = seen.get_mut(to) {
                    if !*flag {
                        *flag = true;
                        if let Some(slot) = parent.get_mut(to) {
                            *slot = Some((state, part));
                        }
                        queue.push_back(to);
                    }
                }
            }
        }
        if !seen.get(goal).copied().unwrap_or(false) {
            return None;
        }
        // Walk back from the goal, then emit forwards, with `*` at every state where both
        // patterns sit on a `*`.
        let mut path = vec![(goal, None)];
        let mut at = goal;
        while at != start {
            let (from, part) = parent.get(at).copied().flatten()?;
            path.push((from, part));
            at = from;
        }
        path.reverse();
        // Each entry now holds a state and the part emitted on the edge leaving it.
        let mut parts: Vec<Part> = Vec::new();
        let mut emit = |part: Part| {
            if part == Part::Any && parts.last() == Some(&Part::Any) {
                return;
            }
            parts.push(part);
        };
        for &(state, part) in &path {
            let (i, j) = (state / width, state % width);
            if a.parts.get(i) == Some(&Part::Any) && b.parts.get(j) == Some(&Part::Any) {
                emit(Part::Any);
            }
            if let Some(part) = part {
                emit(part);
            }
        }
        Some(Shape { parts })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::wildcard::matches;

    fn meet(a: &str, b: &str) -> Option<String> {
        Shape::intersect(
            &Shape::of_pattern(a),
            &Shape::of_pattern(b),
            Case::Sensitive,
        )
        .map(|s| s.display())
    }

    #[test]
    fn generic_points_match_only_what_contains_them() {
        let point = Shape::of_pattern("acs:oss:*:*:b/*").concrete();
        assert!(matches("acs:oss:*:*:b/*", &point, Case::Sensitive));
        assert!(matches("*", &point, Case::Sensitive));
        assert!(!matches("acs:oss:*:*:b/secret/*", &point, Case::Sensitive));
        assert!(!matches("acs:oss:*:*:b/?", &point, Case::Sensitive));
        assert!(!matches("acs:oss:*:*:b/???", &point, Case::Sensitive));
        assert_eq!(Shape::of_pattern("a**b?").display(), "a*b?");
    }

    #[test]
    fn overlapping_patterns_meet_at_a_general_point() {
        assert_eq!(meet("a*", "*b").as_deref(), Some("a*b"));
        assert_eq!(meet("*a*", "*b*").as_deref(), Some("*a*b*"));
        assert_eq!(meet("a*", "*").as_deref(), Some("a*"));
        assert_eq!(meet("b?/*", "b1/*").as_deref(), Some("b1/*"));
        assert_eq!(meet("?", "*").as_deref(), Some("?"));
        assert_eq!(meet("a*", "b*"), None);
        assert_eq!(meet("abc", "abd"), None);
        assert_eq!(meet("abc", "abc").as_deref(), Some("abc"));
        for (a, b) in [("a*", "*b"), ("*x*y", "x*"), ("ab?d*", "*?c*"), ("*", "*")] {
            let point = Shape::intersect(
                &Shape::of_pattern(a),
                &Shape::of_pattern(b),
                Case::Sensitive,
            )
            .unwrap()
            .concrete();
            assert!(matches(a, &point, Case::Sensitive), "{a} {b}");
            assert!(matches(b, &point, Case::Sensitive), "{a} {b}");
        }
    }

    #[test]
    fn actions_meet_ignoring_case() {
        let point = Shape::intersect(
            &Shape::of_pattern("OSS:Get*"),
            &Shape::of_pattern("oss:*object"),
            Case::Insensitive,
        )
        .unwrap();
        assert_eq!(point.display(), "OSS:Get*object");
    }

    #[test]
    fn action_patterns_get_a_colon() {
        assert_eq!(
            Shape::of_pattern("oss*").with_colon().unwrap().display(),
            "oss*:*"
        );
        assert_eq!(
            Shape::of_pattern("*").with_colon().unwrap().display(),
            "*:*"
        );
        assert!(Shape::of_pattern("oss").with_colon().is_none());
        assert_eq!(
            Shape::of_pattern("oss:Get*")
                .literal_prefix_field(0)
                .as_deref(),
            Some("oss")
        );
        assert_eq!(Shape::of_pattern("o*:Get").literal_prefix_field(0), None);
        assert_eq!(
            Shape::of_pattern("acs:oss:*:*:b")
                .literal_prefix_field(1)
                .as_deref(),
            Some("oss")
        );
    }
}
