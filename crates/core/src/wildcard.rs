//! RAM's wildcards, shared by the linter and the evaluator: `*` matches any run of
//! characters (also none), `?` exactly one character (ram-facts 1.3, [S2]).

/// Whether letter case matters when comparing a pattern with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Action names: RAM says they are "generally not case-sensitive" (ram-facts 1.2).
    Insensitive,
    /// Resource names and `StringLike` values.
    Sensitive,
}

/// Matches a pattern against a text. Works on chars without allocating, since the linter
/// calls it for every action against whole catalogues. The greedy scan with one backtrack
/// point is linear in practice and quadratic at worst, never exponential.
pub fn matches(pattern: &str, text: &str, case: Case) -> bool {
    let same = |p: char, t: char| {
        p == '?' || p == t || (case == Case::Insensitive && p.to_lowercase().eq(t.to_lowercase()))
    };
    let mut p = pattern.chars();
    let mut t = text.chars();
    // After the last `*`: the rest of the pattern, and the text position it resumes from.
    let mut resume: Option<(std::str::Chars<'_>, std::str::Chars<'_>)> = None;
    loop {
        let mut p_next = p.clone();
        match p_next.next() {
            Some('*') => {
                p = p_next;
                resume = Some((p.clone(), t.clone()));
                continue;
            }
            Some(pc) => {
                let mut t_next = t.clone();
                if t_next.next().is_some_and(|tc| same(pc, tc)) {
                    p = p_next;
                    t = t_next;
                    continue;
                }
            }
            None => {
                if t.clone().next().is_none() {
                    return true;
                }
            }
        }
        // A mismatch: let the last `*` swallow one more character, or fail.
        let Some((p_star, mut t_star)) = resume.take() else {
            return false;
        };
        if t_star.next().is_none() {
            return false;
        }
        p = p_star.clone();
        t = t_star.clone();
        resume = Some((p_star, t_star));
    }
}

/// Whether two strings are equal ignoring case, comparing lowercase forms char by char
/// (`StringEqualsIgnoreCase`).
pub fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Matches RAM's wildcards: `*` any run of characters (also none), `?` exactly one.
/// Case-insensitive, as RAM compares action names.
pub fn matches_action(pattern: &str, text: &str) -> bool {
    matches(pattern, text, Case::Insensitive)
}

pub fn has_wildcard(text: &str) -> bool {
    text.contains('*') || text.contains('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_like_ram() {
        assert!(matches_action("ecs:Describe*", "ecs:DescribeInstances"));
        assert!(matches_action("ECS:describe*", "ecs:DescribeInstances"));
        assert!(matches_action("oss:Get?bject", "oss:GetObject"));
        assert!(matches_action("*", ""));
        assert!(matches_action("a*b*c", "aXXbYYc"));
        assert!(!matches_action("a*b*c", "aXXbYY"));
        assert!(!matches_action("oss:Get?", "oss:Get"));
        assert!(matches_action("*:*", "oss:GetObject"));
        assert!(matches_action("*Object", "oss:GetObject"));
        assert!(!matches_action("*Object", "oss:GetObjects"));
        assert!(matches_action("a*", "a"));
        assert!(matches_action("**b", "ab"));
        assert!(!matches_action("", "a"));
        assert!(matches_action("", ""));
        assert!(matches_action("É*", "éa"));
    }

    #[test]
    fn case_sensitive_matching_keeps_case() {
        assert!(matches(
            "acs:oss:*:*:my*",
            "acs:oss:*:*:myphotos/a",
            Case::Sensitive
        ));
        assert!(!matches(
            "acs:oss:*:*:My*",
            "acs:oss:*:*:myphotos",
            Case::Sensitive
        ));
        assert!(matches(
            "acs:oss:*:*:My*",
            "acs:oss:*:*:myphotos",
            Case::Insensitive
        ));
        assert!(matches("a?c", "abc", Case::Sensitive));
        assert!(!matches("a?c", "ac", Case::Sensitive));
    }

    #[test]
    fn long_inputs_stay_fast() {
        let text = "a".repeat(5_000);
        let pattern = format!("{}b", "*a".repeat(200));
        assert!(!matches(&pattern, &text, Case::Sensitive));
    }

    #[test]
    fn ignore_case_equality() {
        assert!(eq_ignore_case("Apollo", "aPOLLO"));
        assert!(eq_ignore_case("É", "é"));
        assert!(!eq_ignore_case("Apollo", "Apoll"));
    }
}
