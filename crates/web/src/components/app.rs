//! The app: owns the page state (language, checker text), follows the hash route and lays
//! out the header, the current page and the footer.

use ramplan_core::plan::scenario;
use ramplan_core::Lang;
use yew::prelude::*;

use super::checker::Checker;
use super::header::Header;
use super::home::Home;
use super::scenario_page::ScenarioPage;
use crate::i18n;
use crate::prefs;
use crate::route::{use_route, Route};
use crate::state::{Page, PageHandle};

#[component]
pub fn App() -> Html {
    let page = use_reducer(|| Page::new(prefs::initial_lang()));
    let route = use_route();

    use_effect_with(page.lang, |lang| label_document(*lang));
    // A new page starts at its top, as it would after a server navigation.
    use_effect_with(route.clone(), |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    let strings = i18n::strings(page.lang);
    let not_found = html! {
        <main class="not-found">
            <p id="not-found">{ strings.not_found }</p>
            <p><a href="#/">{ strings.nav_home }</a></p>
        </main>
    };
    let (body, privacy) = match &route {
        Route::Home => (html! { <Home /> }, strings.scenario_privacy),
        Route::Check => (html! { <Checker /> }, strings.privacy),
        Route::Scenario(id) => match scenario(id) {
            // Keyed by id: another scenario gets a fresh form, never the previous values.
            Some(spec) => (
                html! { <ScenarioPage key={spec.id} id={spec.id} /> },
                strings.scenario_privacy,
            ),
            None => (not_found, strings.scenario_privacy),
        },
        Route::NotFound | Route::Embed(_) => (not_found, strings.scenario_privacy),
    };
    // Embedded in another page: the form and the plan alone, no header or footer.
    if let Route::Embed(id) = &route {
        let body = match scenario(id) {
            Some(spec) => html! {
                <ScenarioPage key={format!("embed-{}", spec.id)} id={spec.id} embed=true />
            },
            None => body,
        };
        return html! {
            <ContextProvider<PageHandle> context={page.clone()}>
                { body }
            </ContextProvider<PageHandle>>
        };
    }
    html! {
        <ContextProvider<PageHandle> context={page.clone()}>
            <Header />
            { body }
            <footer class="page-footer">
                <p>{ privacy }</p>
            </footer>
        </ContextProvider<PageHandle>>
    }
}

/// Keeps the document's language and title in step with the page's, for screen readers,
/// fonts and the tab strip.
fn label_document(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let strings = i18n::strings(lang);
    document.set_title(strings.document_title);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", strings.html_lang);
    }
}
