//! The one preference the page remembers: the language. The policy text is never stored,
//! so a pasted document (or a credential pasted by mistake) does not outlive the tab.

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
