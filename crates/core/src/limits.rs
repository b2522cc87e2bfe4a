//! RAM's documented limits, each with its source. Where sources disagree the current value
//! is used and the disagreement is recorded here.

/// Custom policy documents: 6,144 characters (CreatePolicy, CreatePolicyVersion). Older
/// pages say 2,048. Source: https://alibabacloud.com/help/en/resource-management/api-createpolicy
pub const POLICY_DOCUMENT_MAX: usize = 6_144;

/// All of a bucket's policies: 16 KB, as OSS's ossutil documentation said in 2021.
pub const BUCKET_POLICY_MAX_BYTES: usize = 16 * 1024;

/// Policy names: 1-128 characters of letters, digits and `-`. Source: CreatePolicy API.
pub const POLICY_NAME_MAX: usize = 128;

/// Role names: 1-64 characters of letters, digits, `.` and `-` (CreateRole API). Older ROS
/// and Terraform docs also allow `_`. Source:
/// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole
pub const ROLE_NAME_MAX: usize = 64;

/// Policy and role descriptions: 1-1,024 characters (CreatePolicy, CreateRole).
pub const DESCRIPTION_MAX: usize = 1_024;

/// `diff` and `must-not-grant` (ramplan's own bounds, not RAM's): they keep a comparison
/// within a second or so on any input. RAM's 6,144-character limit keeps a real policy to
/// about a hundred statements and patterns, far below these. Past the statement and pattern
/// limits the comparison is refused; past the others it is cut short and says so
/// (`complete: false`).
pub const DIFF_MAX_STATEMENTS: usize = 2_000;
/// Distinct `Action`/`NotAction` values, and distinct `Resource`/`NotResource` values.
pub const DIFF_MAX_PATTERNS: usize = 2_000;
/// Overlaps of two wildcard patterns walked, per kind (actions, resources).
pub const DIFF_MAX_OVERLAPS: usize = 20_000;
/// Request contexts tried (combinations of condition values).
pub const DIFF_MAX_CONTEXTS: usize = 1_024;
/// Request shapes judged: action classes x resources x contexts.
pub const DIFF_MAX_SHAPES: usize = 2_000_000;

/// The largest ActionTrail file `generate` reads: 128 MiB. ActionTrail's own files are small
/// (it aggregates about five minutes of events into one OSS file); the cap keeps the page's
/// WebAssembly memory, which a parsed file takes several times over, from running out.
pub const ACTIONTRAIL_MAX_BYTES: usize = 128 * 1024 * 1024;

/// The most ActionTrail events `generate` reads across all files: 500,000. `LookupEvents`
/// returns at most 50 a page, so this is 10,000 pages.
pub const ACTIONTRAIL_MAX_EVENTS: usize = 500_000;

/// What is wrong with a name, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong {
        length: usize,
        max: usize,
    },
    BadCharacter(char),
    /// `_` in a role name: accepted by old ROS/Terraform docs, absent from the API's list.
    Underscore,
}

pub fn check_policy_name(name: &str) -> Option<NameProblem> {
    check_name(name, POLICY_NAME_MAX, |c| {
        c.is_ascii_alphanumeric() || c == '-'
    })
}

pub fn check_role_name(name: &str) -> Option<NameProblem> {
    let problem = check_name(name, ROLE_NAME_MAX, |c| {
        c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_'
    });
    if problem.is_none() && name.contains('_') {
        return Some(NameProblem::Underscore);
    }
    problem
}

fn check_name(name: &str, max: usize, allowed: impl Fn(char) -> bool) -> Option<NameProblem> {
    let length = name.chars().count();
    if length == 0 {
        return Some(NameProblem::Empty);
    }
    if length > max {
        return Some(NameProblem::TooLong { length, max });
    }
    name.chars()
        .find(|&c| !allowed(c))
        .map(NameProblem::BadCharacter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_names() {
        assert_eq!(check_policy_name("read-oss-logs"), None);
        assert_eq!(check_policy_name(""), Some(NameProblem::Empty));
        assert_eq!(
            check_policy_name("a_b"),
            Some(NameProblem::BadCharacter('_'))
        );
        assert_eq!(
            check_policy_name(&"a".repeat(129)),
            Some(NameProblem::TooLong {
                length: 129,
                max: 128
            })
        );
    }

    #[test]
    fn role_names() {
        assert_eq!(check_role_name("EMRRole"), None);
        assert_eq!(check_role_name("emr.role-1"), None);
        assert_eq!(check_role_name("emr_role"), Some(NameProblem::Underscore));
        assert_eq!(
            check_role_name("emr role"),
            Some(NameProblem::BadCharacter(' '))
        );
        assert_eq!(
            check_role_name(&"r".repeat(65)),
            Some(NameProblem::TooLong {
                length: 65,
                max: 64
            })
        );
    }
}
