//! The comparison as people and programs read it: text with `+` for access added and `-`
//! for access removed, and the JSON contract of `ramplan diff --format json`. Every value
//! shown from a policy has passed through `redact`.

use std::fmt::Write as _;

use crate::catalogue::CATALOGUE_DATE;
use crate::finding::{Finding, Lang};
use crate::simulate::{Outcome, PolicySource};

use super::context::Shown;
use super::{Change, DiffReport, ServiceActions, SideDecision, StatementAt};

/// How many action names a text line lists per service before "and N more".
const NAMES_SHOWN: usize = 8;
/// How many services a text line lists before "N more services".
const GROUPS_SHOWN: usize = 6;

/// `1 resource`, `3 resources`, `2 action classes`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ if noun.ends_with("ss") => format!("{n} {noun}es"),
        _ => format!("{n} {noun}s"),
    }
}

/// The JSON contract, pretty-printed, ending in a newline; the same report always gives the
/// same bytes.
pub fn to_json(report: &DiffReport) -> String {
    let value = serde_json::json!({
        "adds_access": report.adds_access,
        "removes_access": report.removes_access,
        "complete": report.complete,
        "added": report.added,
        "removed": report.removed,
        "must_not_grant": report.must_not_grant,
        "notes": report.notes,
        "warnings": report.warnings,
        "counts": report.counts,
        "catalogue": {"date": CATALOGUE_DATE},
    });
    // Serialising plain structs of strings, numbers and booleans cannot fail.
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// The report in words. `sources` are the compared documents, for the lines findings quote.
pub fn text(report: &DiffReport, sources: &[PolicySource], lang: Lang) -> String {
    let mut out = String::new();
    for change in &report.added {
        change_text(&mut out, '+', change, lang);
    }
    for change in &report.removed {
        change_text(&mut out, '-', change, lang);
    }
    if !report.must_not_grant.is_empty() {
        let mut sources_seen: Vec<&str> = Vec::new();
        for f in &report.must_not_grant {
            if !sources_seen.contains(&f.source.as_str()) {
                sources_seen.push(&f.source);
            }
        }
        for source in sources_seen {
            let findings: Vec<Finding> = report
                .must_not_grant
                .iter()
                .filter(|f| f.source == source)
                .map(|f| f.finding.clone())
                .collect();
            let text = sources
                .iter()
                .find(|s| s.name == source)
                .map(|s| s.text.as_str());
            out.push_str(&crate::render::findings_text(source, text, &findings, lang));
        }
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("notes:", "说明："));
        for note in &report.notes {
            let _ = writeln!(out, "  - {note}");
        }
    }
    for w in &report.warnings {
        let at = match &w.finding.span {
            Some(span) => format!("{}:{}:{}", w.source, span.start.line, span.start.column),
            None => w.source.clone(),
        };
        let _ = writeln!(
            out,
            "{}{at}: [{}] {}",
            lang.pick("warning: ", "警告："),
            w.finding.code,
            w.finding.message
        );
    }
    out.push_str(&summary(report, lang));
    out
}

/// The last line: whether access was added, and how much was compared.
pub fn summary(report: &DiffReport, lang: Lang) -> String {
    let verdict = match (report.adds_access, report.removes_access) {
        (true, true) => lang.pick("adds and removes access", "既增加也减少了访问权限"),
        (true, false) => lang.pick("adds access", "增加了访问权限"),
        (false, true) => lang.pick("removes access only", "只减少了访问权限"),
        (false, false) => lang.pick("no change in access", "访问权限没有变化"),
    };
    let counts = &report.counts;
    let mut line = match lang {
        Lang::En => format!(
            "{verdict}: {} added, {} removed; judged {} ({} covering {} x {} x {}); catalogue {CATALOGUE_DATE}",
            report.added.len(),
            report.removed.len(),
            plural(counts.evaluated, "request shape"),
            plural(counts.action_classes, "action class"),
            plural(counts.catalogued_actions, "catalogued action"),
            plural(counts.resources, "resource"),
            plural(counts.contexts, "context"),
        ),
        Lang::Zh => format!(
            "{verdict}：新增 {} 项，移除 {} 项；判断了 {} 个请求形态（{} 类操作，覆盖目录中 {} 个操作 x {} 种资源 x {} 种上下文）；目录 {CATALOGUE_DATE}",
            report.added.len(),
            report.removed.len(),
            counts.evaluated,
            counts.action_classes,
            counts.catalogued_actions,
            counts.resources,
            counts.contexts
        ),
    };
    if !report.complete {
        line.push_str(lang.pick("; incomplete, see the notes", "；比较不完整，见说明"));
    }
    if !report.must_not_grant.is_empty() {
        let _ = write!(
            line,
            "{}",
            match lang {
                Lang::En => format!(
                    "; {}",
                    plural(report.must_not_grant.len(), "must-not-grant finding")
                ),
                Lang::Zh => format!("；{} 项禁止授予发现", report.must_not_grant.len()),
            }
        );
    }
    line.push('\n');
    line
}

fn change_text(out: &mut String, sign: char, change: &Change, lang: Lang) {
    let lines = change_lines(change, lang);
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{sign} {line}");
        } else {
            let _ = writeln!(out, "    {line}");
        }
    }
}

/// One change in words, line by line, as the text output prints it (without the `+`/`-`
/// and the indent): the actions, the resources, what matched them when the actions are
/// many, the contexts when not all, then each side's decision. Values are in backticks.
pub fn change_lines(change: &Change, lang: Lang) -> Vec<String> {
    let mut lines = vec![actions_words(change, lang)];
    let resources: Vec<String> = change.resources.iter().map(|r| format!("`{r}`")).collect();
    lines.push(format!(
        "{} {}",
        lang.pick("on", "作用于"),
        resources.join(", ")
    ));
    if change
        .actions
        .iter()
        .any(|g| g.all || g.names.len() > NAMES_SHOWN)
    {
        let matches: Vec<String> = change.matches.iter().map(|m| format!("`{m}`")).collect();
        lines.push(match (matches.is_empty(), lang) {
            (true, Lang::En) => {
                "matched by no `Action` value (reached through `NotAction`)".to_owned()
            }
            (true, Lang::Zh) => "不与任何 `Action` 值匹配（经由 `NotAction` 覆盖）".to_owned(),
            (false, Lang::En) => format!("matched by {}", matches.join(", ")),
            (false, Lang::Zh) => format!("匹配 {}", matches.join("、")),
        });
    }
    if !change.always {
        let examples: Vec<String> = change
            .contexts
            .iter()
            .map(|c| context_words_of(c.iter().map(|v| (&v.key, &v.value, v.pattern)), lang))
            .collect();
        lines.push(match lang {
            Lang::En => format!(
                "only in some request contexts ({} of those tried), such as {}",
                change.context_count,
                examples.join("; ")
            ),
            Lang::Zh => format!(
                "仅在部分请求上下文中成立（所尝试的上下文中有 {} 种），例如{}",
                change.context_count,
                examples.join("；")
            ),
        });
    }
    lines.push(format!(
        "{}: {}",
        lang.pick("old", "旧"),
        side_words(&change.old, lang)
    ));
    lines.push(format!(
        "{}: {}",
        lang.pick("new", "新"),
        side_words(&change.new, lang)
    ));
    lines
}

fn actions_words(change: &Change, lang: Lang) -> String {
    let mut parts: Vec<String> = change
        .actions
        .iter()
        .take(GROUPS_SHOWN)
        .map(|group| service_words(group, lang))
        .collect();
    let hidden = change.actions.get(GROUPS_SHOWN..).unwrap_or_default();
    if !hidden.is_empty() {
        let actions: usize = hidden.iter().map(|g| g.count).sum();
        parts.push(match lang {
            Lang::En => format!(
                "{} more {} ({})",
                hidden.len(),
                if hidden.len() == 1 {
                    "service"
                } else {
                    "services"
                },
                plural(actions, "action")
            ),
            Lang::Zh => format!("另外 {} 个服务（{} 个操作）", hidden.len(), actions),
        });
    }
    if !change.other_actions.is_empty() {
        let patterns = change
            .other_actions
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        parts.push(match lang {
            Lang::En => format!("actions the catalogue does not list matching {patterns}"),
            Lang::Zh => format!("目录未列出的、匹配 {patterns} 的操作"),
        });
    }
    parts.join(lang.pick("; ", "；"))
}

fn service_words(group: &ServiceActions, lang: Lang) -> String {
    let list = list_words(group.action_list, lang);
    if group.all {
        return match lang {
            Lang::En => format!(
                "`{}:*` (all {} catalogued actions, {list})",
                group.service, group.count
            ),
            Lang::Zh => format!(
                "`{}:*`（目录中全部 {} 个操作，{list}）",
                group.service, group.count
            ),
        };
    }
    let count = match lang {
        Lang::En if group.names.len() > NAMES_SHOWN => {
            format!("{} actions of `{}`: ", group.count, group.service)
        }
        Lang::Zh if group.names.len() > NAMES_SHOWN => {
            format!("`{}` 的 {} 个操作：", group.service, group.count)
        }
        _ => String::new(),
    };
    let shown: Vec<String> = group
        .names
        .iter()
        .take(NAMES_SHOWN)
        .map(|n| format!("`{}:{n}`", group.service))
        .collect();
    let mut words = count + &shown.join(", ");
    let more = group.names.len().saturating_sub(NAMES_SHOWN);
    if more > 0 {
        let _ = write!(
            words,
            "{}",
            match lang {
                Lang::En => format!(" and {more} more"),
                Lang::Zh => format!(" 等另外 {more} 个"),
            }
        );
    }
    words
}

fn list_words(code: &str, lang: Lang) -> &'static str {
    match (code, lang) {
        ("complete", Lang::En) => "list complete",
        ("partial", Lang::En) => "list partial",
        ("api-metadata", Lang::En) => "list from API metadata",
        ("authorization-page", Lang::En) => "list from the RAM page, partial",
        (_, Lang::En) => "no action list",
        ("complete", Lang::Zh) => "列表完整",
        ("partial", Lang::Zh) => "列表不完整",
        ("api-metadata", Lang::Zh) => "列表来自 API 元数据",
        ("authorization-page", Lang::Zh) => "列表来自 RAM 授权页，不完整",
        (_, Lang::Zh) => "无操作列表",
    }
}

fn side_words(side: &SideDecision, lang: Lang) -> String {
    let label = side.decision.label(lang);
    if side.decided_by.is_empty() {
        return label.to_owned();
    }
    let by: Vec<String> = side.decided_by.iter().map(statement_words).collect();
    match (side.decision, lang) {
        (Outcome::Allow, Lang::En) => format!("allowed by {}", by.join(", ")),
        (Outcome::Allow, Lang::Zh) => format!("由 {} 允许", by.join("、")),
        (_, Lang::En) => format!("denied by {}", by.join(", ")),
        (_, Lang::Zh) => format!("由 {} 拒绝", by.join("、")),
    }
}

fn statement_words(at: &StatementAt) -> String {
    match &at.span {
        Some(span) => format!(
            "{}:{}:{} `{}`",
            at.source, span.start.line, span.start.column, at.path
        ),
        None => format!("{} `{}`", at.source, at.path),
    }
}

/// A context in words: `` `acs:SourceIp` = `10.0.0.0` ``, patterns as "a value matching".
pub(crate) fn context_words(shown: &[Shown], lang: Lang) -> String {
    context_words_of(shown.iter().map(|s| (&s.key, &s.value, s.pattern)), lang)
}

fn context_words_of<'a>(
    entries: impl Iterator<Item = (&'a String, &'a String, bool)>,
    lang: Lang,
) -> String {
    let words: Vec<String> = entries
        .map(|(key, value, pattern)| {
            let key = crate::simulate::redact(key);
            let value = crate::simulate::redact(value);
            match (pattern, value.as_str(), lang) {
                (true, "*", Lang::En) => format!("`{key}` = a value no condition names"),
                (true, "*", Lang::Zh) => format!("`{key}` = 条件中未出现的值"),
                (true, _, Lang::En) => format!("`{key}` = a value matching `{value}`"),
                (true, _, Lang::Zh) => format!("`{key}` = 匹配 `{value}` 的值"),
                (false, _, _) => format!("`{key}` = `{value}`"),
            }
        })
        .collect();
    if words.is_empty() {
        lang.pick("no condition key in the request", "请求中没有任何条件键")
            .to_owned()
    } else {
        words.join(lang.pick(", ", "，"))
    }
}
