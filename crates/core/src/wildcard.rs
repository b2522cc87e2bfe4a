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
    if pattern.is_ascii() && text.is_ascii() {
        return matches_ascii(pattern.as_bytes(), text.as_bytes(), case);
    }
    matches_chars(pattern, text, case)
}

fn matches_chars(pattern: &str, text: &str, case: Case) -> bool {
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

/// [`matches`] on ASCII text, byte by byte: the same scan, without decoding characters or
/// Unicode case folding (ASCII letters fold only to ASCII letters).
fn matches_ascii(pattern: &[u8], text: &[u8], case: Case) -> bool {
    let same = |p: u8, t: u8| {
        p == b'?' || p == t || (case == Case::Insensitive && p.eq_ignore_ascii_case(&t))
    };
    let (mut p, mut t) = (0, 0);
    // After the last `*`: where the rest of the pattern starts, and the text position it
    // resumes from.
    let mut resume: Option<(usize, usize)> = None;
    loop {
        match pattern.get(p) {
            Some(b'*') => {
                p += 1;
                resume = Some((p, t));
                continue;
            }
            Some(&pc) => {
                if text.get(t).is_some_and(|&tc| same(pc, tc)) {
                    p += 1;
                    t += 1;
                    continue;
                }
            }
            None => {
                if t == text.len() {
                    return true;
                }
            }
        }
        // A mismatch: let the last `*` swallow one more character, or fail.
        let Some((p_star, t_star)) = resume else {
            return false;
        };
        if t_star >= text.len() {
            return false;
        }
        p = p_star;
        t = t_star + 1;
        resume = Some((p_star, t));
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

    /// The byte scan and the char scan agree on every pattern and text of up to five
    /// characters over `a`, `B`, `*`, `?` (both cases), and so on every ASCII input of
    /// those shapes.
    #[test]
    fn the_ascii_scan_agrees_with_the_char_scan() {
        fn all(len: usize) -> Vec<String> {
            let mut out = vec![String::new()];
            for _ in 0..len {
                let next: Vec<String> = out
                    .iter()
                    .flat_map(|s| ["a", "B", "b", "*", "?"].map(|c| format!("{s}{c}")))
                    .collect();
                out.extend(next);
            }
            crate::sort::sort(&mut out);
            out.dedup();
            out
        }
        let words = all(5);
        let mut checked = 0;
        for pattern in &words {
            for text in words.iter().filter(|t| t.len() <= 4) {
                for case in [Case::Insensitive, Case::Sensitive] {
                    assert_eq!(
                        matches_ascii(pattern.as_bytes(), text.as_bytes(), case),
                        matches_chars(pattern, text, case),
                        "{pattern:?} against {text:?}, {case:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1_000_000);
    }

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
