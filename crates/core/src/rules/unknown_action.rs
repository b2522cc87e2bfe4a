use crate::catalogue::{self, ActionBasis, ActionList, ActionRef, CATALOGUE_DATE};
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use super::malformed_action;
use crate::text::{did_you_mean, split_action};
use crate::tr;
use crate::wildcard::has_wildcard;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP206",
        name: "unknown-action",
        severity: Severity::Warning,
        summary: "An action is not in the catalogue of its service, or is written in a different case from the documented name.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP206",
    why: "A misspelt action (`oss:GetObjects`) matches no request. Action catalogues go stale, so an unknown action is only a warning, with the closest known name as a suggestion; a different case is a suggestion, since RAM compares action names case-insensitively but the documented spelling is easier to review.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObjects", "oss:listobjects"], "Resource": "*"}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": "*"}]}"#,
    references: &["RAM policy elements, Action: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

/// At most this many distinct unknown actions get a "did you mean" per document; past it the
/// help is the generic one, so that a policy of thousands of unknown actions stays linear.
const SUGGESTIONS_MAX: usize = 200;

fn check(ctx: &mut Ctx<'_>) {
    let policy = ctx.policy;
    // Per document: each distinct unknown name's help once.
    let mut helps: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for statement in &policy.statements {
        for field in [statement.action, statement.not_action]
            .into_iter()
            .flatten()
        {
            for item in field.strings(&statement.pointer) {
                if malformed_action::problem(item.value).is_some() {
                    continue;
                }
                let Some((written_code, name)) = split_action(item.value) else {
                    continue;
                };
                let Some(service) = catalogue::service(written_code) else {
                    continue;
                };
                let list = service.action_list();
                if list == ActionList::None || (!service.is_curated() && !catalogue::is_complete())
                {
                    continue;
                }
                let action = item.value;
                let code = service.code();
                let span = Some(item.node.span);
                let actions = service.actions();
                if has_wildcard(name) {
                    let matches_any = service.any_action_matches(name);
                    if !matches_any && list == ActionList::Complete {
                        let message = tr!(ctx.lang, format!("`{action}` matches no action of `{code}` in ramplan's catalogue ({CATALOGUE_DATE})"), format!("`{action}` 不匹配 ramplan 目录（{CATALOGUE_DATE}）中 `{code}` 的任何操作"));
                        ctx.report(&RULE.meta, &item.pointer(), span, message);
                    }
                    continue;
                }
                match service.action(name) {
                    Some(known) => {
                        let as_documented = written_code == code && name == known.name;
                        // Only a documented spelling is worth suggesting; an API name is not
                        // evidence of how RAM spells the action.
                        if !as_documented && known.basis != ActionBasis::ApiMetadata {
                            let documented = format!("{code}:{}", known.name);
                            let message = tr!(
                                ctx.lang,
                                format!("`{action}` is documented as `{documented}`"),
                                format!("`{action}` 的文档写法为 `{documented}`")
                            );
                            let help = tr!(ctx.lang, "RAM compares actions case-insensitively, but the documented spelling is easier to review", "RAM 比较操作名时不区分大小写，但按文档写法更便于审阅");
                            ctx.report_as(
                                &RULE.meta,
                                Severity::Suggestion,
                                &item.pointer(),
                                span,
                                message,
                                Some(help),
                            );
                        }
                    }
                    None => {
                        let (message, severity) = unknown_message(ctx, action, code, list);
                        let key = format!("{code}:{}", name.to_ascii_lowercase());
                        let help = match helps.get(&key) {
                            Some(help) => help.clone(),
                            None if helps.len() < SUGGESTIONS_MAX => {
                                let help = suggestion(ctx, actions, code, name);
                                helps.insert(key, help.clone());
                                help
                            }
                            None => generic_help(ctx),
                        };
                        ctx.report_as(
                            &RULE.meta,
                            severity,
                            &item.pointer(),
                            span,
                            message,
                            Some(help),
                        );
                    }
                }
            }
        }
    }
}

/// The message says what the catalogue's list rests on: an action missing from API metadata
/// is not the same claim as one missing from a complete authorization page.
fn unknown_message(
    ctx: &Ctx<'_>,
    action: &str,
    code: &str,
    list: ActionList,
) -> (String, Severity) {
    match list {
        ActionList::Complete => (
            tr!(ctx.lang, format!("`{action}` is not an action of `{code}` in ramplan's catalogue ({CATALOGUE_DATE})"), format!("`{action}` 不是 ramplan 目录（{CATALOGUE_DATE}）中 `{code}` 的操作")),
            Severity::Warning,
        ),
        ActionList::Partial => (
            tr!(ctx.lang, format!("`{action}` is not in ramplan's partial list of `{code}` actions ({CATALOGUE_DATE})"), format!("`{action}` 不在 ramplan 收录的部分 `{code}` 操作列表（{CATALOGUE_DATE}）中")),
            Severity::Warning,
        ),
        ActionList::ApiMetadata => {
            let date = catalogue::generated_info().map(|(_, _, d)| d).unwrap_or_default();
            (
                tr!(ctx.lang, format!("`{action}` is not an API of `{code}` in its API metadata ({date}); RAM actions are usually, not always, named after APIs"), format!("`{action}` 不在 `{code}` 的 API 元数据（{date}）中；RAM 操作名通常（并非总是）与 API 名相同")),
                Severity::Warning,
            )
        }
        ActionList::AuthorizationPage | ActionList::None => (
            tr!(ctx.lang, format!("`{action}` is not among the `{code}` actions ramplan read from its RAM authorization page"), format!("`{action}` 不在 ramplan 从 `{code}` 授权信息页面读到的操作中")),
            Severity::Suggestion,
        ),
    }
}

/// The closest action of the same service, else the services that have exactly this action.
/// What the catalogue offers in place of an unknown action: the closest of the service's own
/// actions, or the same name in other services.
#[derive(Clone)]
enum Closest {
    Spelling(&'static str),
    Elsewhere(Vec<String>),
    Nothing,
}

/// Unknown names recur across the files of one run (a repository's policies are copies of a
/// few): the search of every action of the service, then of every service, is made once per
/// name and catalogue state. A pure function of its key, so the cache never changes an answer.
fn closest(actions: &[ActionRef], code: &str, name: &str) -> Closest {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    const ENTRIES_MAX: usize = 4096;
    static CACHE: OnceLock<Mutex<HashMap<(String, bool), Closest>>> = OnceLock::new();
    let key = (
        format!("{code}:{}", name.to_ascii_lowercase()),
        catalogue::is_complete(),
    );
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let found = if let Some(close) = did_you_mean(name, actions.iter().map(|a| a.name)) {
        Closest::Spelling(close)
    } else {
        let elsewhere: Vec<String> = catalogue::services_with_action(name)
            .iter()
            .take(3)
            .filter_map(|s| s.action(name).map(|a| format!("`{}:{}`", s.code(), a.name)))
            .collect();
        if elsewhere.is_empty() {
            Closest::Nothing
        } else {
            Closest::Elsewhere(elsewhere)
        }
    };
    if let Ok(mut cache) = cache.lock() {
        if cache.len() >= ENTRIES_MAX {
            cache.clear();
        }
        cache.insert(key, found.clone());
    }
    found
}

fn suggestion(ctx: &Ctx<'_>, actions: &[ActionRef], code: &str, name: &str) -> String {
    let elsewhere = match closest(actions, code, name) {
        Closest::Spelling(close) => {
            return tr!(
                ctx.lang,
                format!("did you mean `{code}:{close}`?"),
                format!("是否想写 `{code}:{close}`？")
            );
        }
        Closest::Elsewhere(list) => list,
        Closest::Nothing => Vec::new(),
    };
    if !elsewhere.is_empty() {
        let list = elsewhere.join(", ");
        return tr!(
            ctx.lang,
            format!("another service has this action: did you mean {list}?"),
            format!("其他服务有此操作：是否想写 {list}？")
        );
    }
    generic_help(ctx)
}

fn generic_help(ctx: &Ctx<'_>) -> String {
    tr!(ctx.lang, "check the action on the service's \"RAM authorization\" page; the catalogue may be out of date", "请在该云产品的“授权信息”页面核对操作名；ramplan 的目录可能已过时")
}
