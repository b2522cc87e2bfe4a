use crate::arn;
use crate::catalogue;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;
use crate::wildcard::{self, Case};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP307",
        name: "unknown-resource-type",
        severity: Severity::Warning,
        summary: "A resource ARN's type differs in case, or by a typo, from the resource types the catalogue knows for its service (`Logstore` for `logstore`).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP307",
    why: "RAM matches resources case-sensitively, so `project/p/Logstore/l` never matches the Logstore `project/p/logstore/l`, and the statement grants nothing on it. Where the catalogue knows a service's resource types (from its RAM authorization or resource list page), a type that matches one only ignoring case, or that is one edit away from one, is reported with the documented spelling. Types the catalogue does not know are not reported: the lists are not complete.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "log:PostLogStoreLogs", "Resource": "acs:log:*:*:project/app/Logstore/events"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "log:PostLogStoreLogs", "Resource": "acs:log:*:*:project/app/logstore/events"}]}"#,
    references: &[
        "Simple Log Service resource list: https://www.alibabacloud.com/help/doc-detail/29050.htm",
        "RAM policy elements, Resource: https://www.alibabacloud.com/help/en/ram/policy-elements",
    ],
};

/// One segment of an ARN pattern's relative part.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Literal(&'static str),
    Variable,
}

fn segments(arn_pattern: &'static str) -> Option<Vec<Segment>> {
    let relative = arn_pattern.splitn(5, ':').nth(4)?;
    Some(
        relative
            .split('/')
            .map(|s| {
                if s.contains('{') || s.contains('*') || s.is_empty() {
                    Segment::Variable
                } else {
                    Segment::Literal(s)
                }
            })
            .collect(),
    )
}

/// Whether the resource's segments fit the pattern. A segment with a wildcard stands for one
/// segment, or, last, for whatever follows (RAM's `*` matches `/` too).
fn fits(pattern: &[Segment], resource: &[&str], case: Case) -> bool {
    match (pattern.split_first(), resource.split_first()) {
        (_, Some((last, []))) if last.contains('*') => true,
        (None, None) => true,
        (Some((segment, pattern_rest)), Some((value, resource_rest))) => {
            let here = match segment {
                Segment::Variable => !value.is_empty(),
                Segment::Literal(literal) => {
                    wildcard::matches(value, literal, case)
                        || (case == Case::Insensitive && value.eq_ignore_ascii_case(literal))
                }
            };
            here && fits(pattern_rest, resource_rest, case)
        }
        _ => false,
    }
}

/// The resource with the pattern's literals spelt as documented, for "did you mean".
fn respelt(pattern: &[Segment], resource: &[&str]) -> String {
    resource
        .iter()
        .enumerate()
        .map(|(i, value)| match pattern.get(i) {
            Some(Segment::Literal(literal)) if !value.contains(['*', '?']) => *literal,
            _ => value,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The first literal of the pattern that the resource misses by one or two edits, when every
/// literal before it matches exactly: (position, documented literal).
fn typo(pattern: &[Segment], resource: &[&str]) -> Option<(usize, &'static str)> {
    for (i, segment) in pattern.iter().enumerate() {
        let value = resource.get(i)?;
        if value.contains(['*', '?']) {
            return None;
        }
        if let Segment::Literal(literal) = segment {
            if value == literal {
                continue;
            }
            return crate::text::did_you_mean(value, [*literal])
                .filter(|_| crate::text::edit_distance(value, literal) <= 2)
                .map(|l| (i, l));
        }
    }
    None
}

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    // The patterns of each ARN service, looked up once per document.
    let mut patterns_of: std::collections::HashMap<String, Vec<Vec<Segment>>> =
        std::collections::HashMap::new();
    for statement in &policy.statements {
        for field in [statement.resource, statement.not_resource]
            .into_iter()
            .flatten()
        {
            for item in field.strings(&statement.pointer) {
                let Ok(parsed) = arn::parse(item.value) else {
                    continue;
                };
                let patterns = patterns_of
                    .entry(parsed.service.to_ascii_lowercase())
                    .or_insert_with(|| {
                        catalogue::services_for_arn(parsed.service)
                            .flat_map(|s| s.resource_types().collect::<Vec<_>>())
                            .filter_map(|r| segments(r.arn))
                            .filter(|p| matches!(p.first(), Some(Segment::Literal(_))))
                            .collect()
                    });
                if patterns.is_empty() {
                    continue;
                }
                let resource: Vec<&str> = parsed.relative_id.split('/').collect();
                if patterns.iter().any(|p| fits(p, &resource, Case::Sensitive)) {
                    continue;
                }
                let suggestion = patterns
                    .iter()
                    .find(|p| fits(p, &resource, Case::Insensitive))
                    .map(|p| respelt(p, &resource))
                    .or_else(|| {
                        patterns.iter().find_map(|p| {
                            typo(p, &resource).map(|(i, literal)| {
                                let mut fixed = resource.clone();
                                if let Some(slot) = fixed.get_mut(i) {
                                    *slot = literal;
                                }
                                fixed.join("/")
                            })
                        })
                    });
                let Some(fixed) = suggestion else {
                    continue;
                };
                let message = tr!(ctx.lang, format!(
                        "`{}` does not match a resource type of `{}` as documented; RAM compares resources case-sensitively",
                        crate::text::clip(parsed.relative_id),
                        parsed.service
                    ), format!(
                        "`{}` 与 `{}` 文档中的资源类型不一致；RAM 比较资源时区分大小写",
                        crate::text::clip(parsed.relative_id),
                        parsed.service
                    ));
                let help = tr!(
                    ctx.lang,
                    format!("did you mean `…:{}`?", crate::text::clip(&fixed)),
                    format!("是否想写 `…:{}`？", crate::text::clip(&fixed))
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
