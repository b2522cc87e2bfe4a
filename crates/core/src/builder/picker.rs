//! The action picker's data: one service's catalogued actions, searched, grouped by access
//! level, and the wildcards worth offering, with the actions each one covers.
//!
//! Access levels are the catalogue's. As the catalogue records (`catalogue/services/mod.rs`),
//! a level comes from the service's RAM authorization page where the page gives one, and
//! otherwise from the operation's verb (List, Get/Describe/Query, Create/Delete/...), a naming
//! convention rather than a documented fact; [`LEVEL_BASIS_EN`] says so wherever groups are
//! shown.

use serde::Serialize;

use crate::catalogue::{self, AccessLevel, ActionRef, ServiceRef};
use crate::finding::Lang;
use crate::text::leading_word;
use crate::wildcard::{self, Case};

/// How the levels were decided, for the form to show beside the groups.
pub const LEVEL_BASIS_EN: &str = "Access levels as the catalogue records them: from the service's RAM authorization page where it gives one, otherwise from the action's verb (List, Get, Describe, Create, ...), a naming convention.";
pub const LEVEL_BASIS_ZH: &str = "访问级别取自目录：服务的 RAM 授权信息页面给出时以其为准，否则按操作名称的动词（List、Get、Describe、Create 等）推断，属于命名惯例。";

/// [`LEVEL_BASIS_EN`] or [`LEVEL_BASIS_ZH`].
pub fn level_basis(lang: Lang) -> &'static str {
    lang.pick(LEVEL_BASIS_EN, LEVEL_BASIS_ZH)
}

/// One action as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionInfo {
    /// `oss:GetObject`.
    pub action: String,
    pub name: &'static str,
    #[serde(serialize_with = "level_code")]
    pub level: AccessLevel,
    pub confirmed: bool,
    pub source: &'static str,
}

fn level_code<S: serde::Serializer>(level: &AccessLevel, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(level_id(*level))
}

/// The levels in the order the picker shows them.
pub const LEVELS: [AccessLevel; 6] = [
    AccessLevel::List,
    AccessLevel::Read,
    AccessLevel::Write,
    AccessLevel::PermissionManagement,
    AccessLevel::Tagging,
    AccessLevel::Unknown,
];

/// The level's id in the picker: as the JSON outputs write it, but "other" for a level the
/// catalogue does not record (the picker's group of the rest).
pub fn level_id(level: AccessLevel) -> &'static str {
    match level {
        AccessLevel::Unknown => "other",
        known => known.as_str(),
    }
}

pub fn level_label(level: AccessLevel, lang: Lang) -> &'static str {
    match (level, lang) {
        (AccessLevel::List, Lang::En) => "List",
        (AccessLevel::Read, Lang::En) => "Read",
        (AccessLevel::Write, Lang::En) => "Write",
        (AccessLevel::PermissionManagement, Lang::En) => "Permission management",
        (AccessLevel::Tagging, Lang::En) => "Tagging",
        (AccessLevel::Unknown, Lang::En) => "Other (level not recorded)",
        (AccessLevel::List, Lang::Zh) => "列出",
        (AccessLevel::Read, Lang::Zh) => "读取",
        (AccessLevel::Write, Lang::Zh) => "写入",
        (AccessLevel::PermissionManagement, Lang::Zh) => "权限管理",
        (AccessLevel::Tagging, Lang::Zh) => "标签",
        (AccessLevel::Unknown, Lang::Zh) => "其他（未记录级别）",
    }
}

fn info(service: &ServiceRef, action: &ActionRef) -> ActionInfo {
    ActionInfo {
        action: format!("{}:{}", service.code(), action.name),
        name: action.name,
        level: action.level,
        confirmed: action.confirmed,
        source: action.source,
    }
}

/// Every catalogued action of a service, sorted by name; empty for an unknown service.
pub fn actions(service: &str) -> Vec<ActionInfo> {
    let Some(svc) = catalogue::service(service) else {
        return Vec::new();
    };
    let mut out: Vec<ActionInfo> = svc.actions().iter().map(|a| info(&svc, a)).collect();
    crate::sort::sort_by(&mut out, |a, b| a.name.cmp(b.name));
    out
}

/// Actions whose name (or `code:name`) contains the query, ignoring case. Best first: the
/// exact name, then names that start with the query, then names where it starts a word
/// (`Object` in `GetObjectAcl`), then the rest; alphabetical within each.
pub fn search(service: &str, query: &str) -> Vec<ActionInfo> {
    let query = query.trim().to_ascii_lowercase();
    let query = match query.split_once(':') {
        Some((_, name)) => name.to_owned(),
        None => query,
    };
    let mut ranked: Vec<(u8, ActionInfo)> = actions(service)
        .into_iter()
        .filter_map(|a| rank(a.name, &query).map(|r| (r, a)))
        .collect();
    crate::sort::sort_by(&mut ranked, |(ra, a), (rb, b)| {
        ra.cmp(rb).then_with(|| a.name.cmp(b.name))
    });
    ranked.into_iter().map(|(_, a)| a).collect()
}

fn rank(name: &str, query: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    if query.is_empty() {
        return Some(3);
    }
    if lower == query {
        return Some(0);
    }
    if lower.starts_with(query) {
        return Some(1);
    }
    let word_start = name
        .char_indices()
        .filter(|(_, c)| c.is_ascii_uppercase())
        .any(|(i, _)| lower.get(i..).is_some_and(|rest| rest.starts_with(query)));
    if word_start {
        return Some(2);
    }
    lower.contains(query).then_some(3)
}

/// The actions of one access level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelGroup {
    pub level: &'static str,
    pub label: &'static str,
    pub actions: Vec<ActionInfo>,
}

/// The service's actions by access level, in [`LEVELS`] order; empty levels are left out.
pub fn groups(service: &str, lang: Lang) -> Vec<LevelGroup> {
    let all = actions(service);
    LEVELS
        .iter()
        .map(|&level| LevelGroup {
            level: level_id(level),
            label: level_label(level, lang),
            actions: all.iter().filter(|a| a.level == level).cloned().collect(),
        })
        .filter(|g| !g.actions.is_empty())
        .collect()
}

/// A wildcard the picker offers, with how many catalogued actions it covers today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WildcardSuggestion {
    pub pattern: String,
    pub covers: usize,
}

/// `code:*`, then `code:<Verb>*` for every leading verb that two or more actions share,
/// most actions first.
pub fn wildcards(service: &str) -> Vec<WildcardSuggestion> {
    let Some(svc) = catalogue::service(service) else {
        return Vec::new();
    };
    let actions = svc.actions();
    let mut verbs: Vec<(&str, usize)> = Vec::new();
    for action in actions {
        let verb = leading_word(action.name);
        match verbs.iter_mut().find(|(v, _)| *v == verb) {
            Some((_, n)) => *n += 1,
            None => verbs.push((verb, 1)),
        }
    }
    verbs.retain(|(_, n)| *n >= 2);
    crate::sort::sort_by(&mut verbs, |(va, na), (vb, nb)| {
        nb.cmp(na).then_with(|| va.cmp(vb))
    });
    let mut out = vec![WildcardSuggestion {
        pattern: format!("{}:*", svc.code()),
        covers: actions.len(),
    }];
    out.extend(verbs.into_iter().map(|(verb, covers)| WildcardSuggestion {
        pattern: format!("{}:{verb}*", svc.code()),
        covers,
    }));
    out
}

/// Every catalogued action a pattern such as `oss:Get*` or `*:List*` covers, as RAM matches
/// action names (case-insensitively), sorted. Actions the catalogue does not know are not
/// counted, so this is a lower bound.
pub fn covered(pattern: &str) -> Vec<String> {
    let pattern = pattern.trim();
    // A pattern whose service part is literal (`oss:Get*`) only looks at that service.
    let literal_service = pattern
        .split_once(':')
        .map(|(code, _)| code)
        .filter(|code| !code.contains(['*', '?']));
    let mut out: Vec<String> = catalogue::services()
        .iter()
        .filter(|s| literal_service.is_none_or(|code| s.code().eq_ignore_ascii_case(code)))
        .flat_map(|s| {
            let code = s.code();
            s.actions()
                .iter()
                .map(move |a| format!("{code}:{}", a.name))
        })
        .filter(|full| pattern == "*" || wildcard::matches(pattern, full, Case::Insensitive))
        .collect();
    crate::sort::sort(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ranks_exact_then_prefix_then_word() {
        let names: Vec<&str> = search("oss", "getobject").iter().map(|a| a.name).collect();
        assert_eq!(names.first(), Some(&"GetObject"));
        let prefixed = names
            .iter()
            .take_while(|n| n.starts_with("GetObject"))
            .count();
        assert!(prefixed > 1 && prefixed < names.len(), "{names:?}");
        assert!(names.contains(&"WriteGetObjectResponse"), "{names:?}");
        assert_eq!(rank("GetObjectAcl", "acl"), Some(2));
        assert_eq!(rank("Search", "arc"), Some(3));
        assert_eq!(rank("Search", "xyz"), None);
        assert_eq!(search("OSS", "oss:ListObjects")[0].name, "ListObjects");
        assert!(search("nope", "x").is_empty());
    }

    #[test]
    fn groups_follow_the_catalogue_levels() {
        let groups = groups("oss", Lang::En);
        let levels: Vec<&str> = groups.iter().map(|g| g.level).collect();
        assert_eq!(levels.first(), Some(&"list"));
        let list = &groups[0];
        assert!(list.actions.iter().any(|a| a.name == "ListObjects"));
        let pm = groups
            .iter()
            .find(|g| g.level == "permission-management")
            .map(|g| g.actions.iter().any(|a| a.name == "PutBucketAcl"));
        assert_eq!(pm, Some(true));
    }

    #[test]
    fn wildcards_and_what_they_cover() {
        let suggestions = wildcards("oss");
        assert_eq!(suggestions[0].pattern, "oss:*");
        let get = suggestions.iter().find(|s| s.pattern == "oss:Get*");
        let covered_get = covered("oss:Get*");
        assert_eq!(get.map(|s| s.covers), Some(covered_get.len()));
        assert!(covered_get.contains(&"oss:GetObject".to_owned()));
        assert!(!covered_get.iter().any(|a| a.starts_with("oss:List")));
        assert!(covered("*:ListObjects").contains(&"oss:ListObjects".to_owned()));
        assert_eq!(leading_word("GetObjectAcl"), "Get");
        assert_eq!(leading_word("Search"), "Search");
    }
}
