use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP204",
        name: "malformed-action",
        severity: Severity::Error,
        summary: "An action is not of the form `<ram-code>:<action-name>`.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP204",
    why: "RAM matches actions as `<ram-code>:<action-name>` (`oss:GetObject`, `ecs:Describe*`) or the lone `*`. A space (`Oss: GetObject`), a missing name (`oss:`) or a missing code never matches any request (\"Invalid action format\" in the RAM console's checker). A documentation stand-in (`[ECS RAM Action]`, `<action>`) is reported as a warning: RAM refuses it as written, but it is a template to fill in, not a mistake.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["Oss: GetObject", "oss:"], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": "*"}]}"#,
    references: &[
        "RAM policy elements, Action: https://www.alibabacloud.com/help/en/ram/policy-elements",
        "RAM policy validation (Invalid action format): https://www.alibabacloud.com/help/en/ram/permission-policy-check",
    ],
};

/// Why an action string is malformed, if it is.
pub(crate) fn problem(action: &str) -> Option<Problem> {
    if is_well_formed(action) {
        return None;
    }
    problem_by_parts(action)
}

/// One pass over the bytes for the common case, `service:Name` in the allowed characters:
/// every rule that reads actions asks, for every action. Anything else goes to
/// [`problem_by_parts`], which says what is wrong.
fn is_well_formed(action: &str) -> bool {
    let mut colon = None;
    for (i, &b) in action.as_bytes().iter().enumerate() {
        let ok = match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'?' => true,
            b'-' => colon.is_none(),
            b'_' => colon.is_some(),
            b':' if colon.is_none() => {
                colon = Some(i);
                true
            }
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    colon.is_some_and(|at| at > 0 && at + 1 < action.len())
}

fn problem_by_parts(action: &str) -> Option<Problem> {
    if action == "*" {
        return None;
    }
    if action.trim().is_empty() {
        // Reported by the empty-action rule.
        return None;
    }
    if action.chars().any(char::is_whitespace) {
        return Some(Problem::Whitespace);
    }
    let Some((service, name)) = action.split_once(':') else {
        return Some(Problem::NoColon);
    };
    if service.is_empty() {
        return Some(Problem::NoService);
    }
    if name.is_empty() {
        return Some(Problem::NoName);
    }
    if name.contains(':') {
        return Some(Problem::ExtraColon);
    }
    let service_ok = service
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '*' | '?'));
    let name_ok = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '*' | '?' | '_'));
    if !service_ok || !name_ok {
        return Some(Problem::BadCharacter);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    Whitespace,
    NoColon,
    NoService,
    NoName,
    ExtraColon,
    BadCharacter,
}

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in [statement.action, statement.not_action]
            .into_iter()
            .flatten()
        {
            for item in field.strings(&statement.pointer) {
                let Some(problem) = problem(item.value) else {
                    continue;
                };
                let action = item.value;
                let (en, zh) = match problem {
                    Problem::Whitespace => ("contains white space", "包含空白字符"),
                    Problem::NoColon => (
                        "has no `:` between the service code and the action name",
                        "服务代码与操作名之间缺少 `:`",
                    ),
                    Problem::NoService => {
                        ("has no service code before `:`", "`:` 之前缺少服务代码")
                    }
                    Problem::NoName => ("has no action name after `:`", "`:` 之后缺少操作名"),
                    Problem::ExtraColon => ("has more than one `:`", "包含多个 `:`"),
                    Problem::BadCharacter => (
                        "contains a character not allowed in actions",
                        "包含操作中不允许的字符",
                    ),
                };
                let message = tr!(
                    ctx.lang,
                    format!("malformed action `{action}`: {en}"),
                    format!("操作 `{action}` 格式错误：{zh}")
                );
                let compact: String = action.chars().filter(|c| !c.is_whitespace()).collect();
                let help = if problem == Problem::Whitespace && problem_free(&compact) {
                    tr!(
                        ctx.lang,
                        format!("write `{}`", lower_service(&compact)),
                        format!("请写作 `{}`", lower_service(&compact))
                    )
                } else {
                    tr!(
                        ctx.lang,
                        "actions have the form `<ram-code>:<action-name>`, such as `oss:GetObject`"
                            .to_owned(),
                        "操作的格式为 `<RAM 代码>:<操作名>`，例如 `oss:GetObject`"
                    )
                };
                // A documentation stand-in (`[ECS RAM Action]`, `<action>`) is a template to
                // fill in: RAM refuses it as written, but it is not a mistake in the policy.
                if crate::placeholder::is_stand_in(action) {
                    let message = tr!(ctx.lang, format!("`{action}` is a placeholder, not an action; RAM refuses it until it is filled in"), format!("`{action}` 是占位符而不是操作；填入实际操作之前 RAM 不会接受"));
                    ctx.report_as(
                        &RULE.meta,
                        Severity::Warning,
                        &item.pointer(),
                        Some(item.node.span),
                        message,
                        Some(help),
                    );
                    continue;
                }
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

fn problem_free(action: &str) -> bool {
    !action.is_empty() && problem(action).is_none()
}

/// RAM codes are documented in lower case.
fn lower_service(action: &str) -> String {
    match action.split_once(':') {
        Some((service, name)) => format!("{}:{name}", service.to_ascii_lowercase()),
        None => action.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path may only say "well formed" where the full check finds nothing: every
    /// string of up to five characters over an alphabet of each class of byte.
    #[test]
    fn fast_path_agrees_with_the_full_check() {
        const ALPHABET: [char; 10] = ['a', 'Z', '7', '*', '?', '-', '_', ':', ' ', 'é'];
        let mut tried = 0;
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::new();
            for word in &words {
                for c in ALPHABET {
                    let candidate = format!("{word}{c}");
                    assert_eq!(
                        problem(&candidate),
                        problem_by_parts(&candidate),
                        "{candidate:?}"
                    );
                    if is_well_formed(&candidate) {
                        assert_eq!(problem_by_parts(&candidate), None, "{candidate:?}");
                    }
                    tried += 1;
                    next.push(candidate);
                }
            }
            words = next;
        }
        assert_eq!(tried, 10 + 100 + 1_000 + 10_000 + 100_000);
    }
}
