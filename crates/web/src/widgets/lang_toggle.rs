//! English / 简体中文. Each option is labelled in its own language, so a person who reads
//! only one of them can always find it.

use ramplan_core::Lang;
use yew::prelude::*;

use crate::i18n;
use crate::prefs;
use crate::state::{PageAction, PageHandle};

const OPTIONS: [(Lang, &str); 2] = [(Lang::En, "English"), (Lang::Zh, "简体中文")];

#[component]
pub fn LangToggle() -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    let options = OPTIONS.into_iter().map(|(lang, name)| {
        let onclick = {
            let page = page.clone();
            Callback::from(move |_: MouseEvent| {
                prefs::remember_lang(lang);
                page.dispatch(PageAction::ChooseLang(lang));
            })
        };
        let pressed = page.lang == lang;
        html! {
            <button
                type="button"
                class="lang-option"
                lang={i18n::strings(lang).html_lang}
                data-lang={lang.code()}
                aria-pressed={if pressed { "true" } else { "false" }}
                {onclick}
            >
                { name }
            </button>
        }
    });
    html! {
        <div class="lang-toggle" role="group" aria-label={strings.language_group}>
            { for options }
        </div>
    }
}
