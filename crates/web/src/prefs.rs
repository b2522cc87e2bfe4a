//! What the page remembers in this browser: the language, and one draft per scenario form.
//! The policy text is never stored. A draft is the plan's normalised inputs, from which the
//! core has already dropped anything that looks like a credential, and it is only written
//! while the plan has no credential finding (PL005).

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

pub fn save_draft(scenario: &str, json: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&draft_key(scenario), json);
    }
}

pub fn clear_draft(scenario: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&draft_key(scenario));
    }
}

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
