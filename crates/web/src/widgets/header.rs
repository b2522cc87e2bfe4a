//! The page header: the product name (a link home), what it does, and the language toggle.

use yew::prelude::*;

use crate::i18n;
use crate::state::PageHandle;
use crate::widgets::lang_toggle::LangToggle;

#[component]
pub fn Header() -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    html! {
        <header class="page-header">
            <div class="brand">
                <h1 class="brand-name"><a class="brand-link" href="#/">{ "ramplan" }</a></h1>
                <p class="brand-tagline" id="tagline">{ strings.tagline }</p>
            </div>
            <LangToggle />
        </header>
    }
}
