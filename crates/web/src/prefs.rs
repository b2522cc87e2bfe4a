//! What the page remembers in this browser: the language, and per scenario a draft of the
//! form and the steps ticked done. The policy text is never stored. A draft is the plan's
//! normalised inputs, from which the core has already dropped anything that looks like a
//! credential, and it is only written while the plan has no credential finding (PL005).
//! Ticks are step numbers and nothing else.

use std::collections::BTreeSet;

use ramplan_core::Lang;

const LANG_KEY: &str = "ramplan.lang";

/// The stored choice, else the browser's language when it is one ramplan speaks, else English.
pub fn initial_lang() -> Lang {
    stored_lang().or_else(browser_lang).unwrap_or_default()
}

/// Remembers the choice. Storage can be missing or full (private modes, quotas): the page
/// then simply forgets, which is harmless.
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

fn draft_key(scenario: &str) -> String {
    format!("ramplan.draft.{scenario}")
}

/// The stored draft of a scenario's form: its input JSON.
pub fn draft(scenario: &str) -> Option<String> {
    local_storage()?.get_item(&draft_key(scenario)).ok()?
}

/// Writes the draft, unless it holds the start of a credential: then the previous draft
/// stays. The core only recognises a whole credential, and a person typing one writes each
/// of its beginnings first.
pub fn save_draft(scenario: &str, json: &str) {
    if ramplan_core::secrets::starts_a_credential(json) {
        return;
    }
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&draft_key(scenario), json);
    }
}

pub fn clear_draft(scenario: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&draft_key(scenario));
    }
}

fn ticks_key(scenario: &str) -> String {
    format!("ramplan.steps.{scenario}")
}

/// The steps ticked done in a scenario's checklist, by the number the page shows. Steps
/// have no other identity, and each scenario's steps keep their numbers from one input to
/// the next.
pub fn ticks(scenario: &str) -> BTreeSet<usize> {
    local_storage()
        .and_then(|storage| storage.get_item(&ticks_key(scenario)).ok()?)
        .map(|text| parse_ticks(&text))
        .unwrap_or_default()
}

pub fn save_ticks(scenario: &str, ticks: &BTreeSet<usize>) {
    let Some(storage) = local_storage() else {
        return;
    };
    let key = ticks_key(scenario);
    let _ = if ticks.is_empty() {
        storage.remove_item(&key)
    } else {
        storage.set_item(&key, &format_ticks(ticks))
    };
}

pub fn clear_ticks(scenario: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&ticks_key(scenario));
    }
}

/// "1,3,4". Sorted, so the same ticks are always the same text.
fn format_ticks(ticks: &BTreeSet<usize>) -> String {
    ticks
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads what `format_ticks` wrote; anything else in the value is ignored.
fn parse_ticks(text: &str) -> BTreeSet<usize> {
    text.split(',')
        .filter_map(|item| item.trim().parse().ok())
        .filter(|number| (1..=MAX_STEP).contains(number))
        .collect()
}

/// No scenario comes near this many steps; a larger number in storage is not a tick.
const MAX_STEP: usize = 999;

fn stored_lang() -> Option<Lang> {
    let value = local_storage()?.get_item(LANG_KEY).ok()??;
    Lang::parse(&value)
}

fn browser_lang() -> Option<Lang> {
    let language = web_sys::window()?.navigator().language()?;
    Lang::parse(&language)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_round_trip_sorted_and_ignore_anything_else() {
        let ticks: BTreeSet<usize> = [4, 1, 3].into_iter().collect();
        assert_eq!(format_ticks(&ticks), "1,3,4");
        assert_eq!(parse_ticks("1,3,4"), ticks);
        assert_eq!(parse_ticks(" 3, x,,1,4,0,-2,99999999999999999999"), ticks);
        assert!(parse_ticks("").is_empty());
    }
}
