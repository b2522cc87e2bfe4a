//! The app: owns the page state (language, checker text), follows the hash route and lays
//! out the header, the current page and the footer.

use ramplan_core::plan::scenario;
use ramplan_core::Lang;
use yew::prelude::*;

use crate::i18n;
use crate::pages::builder::BuilderPage;
use crate::pages::checker::Checker;
use crate::pages::doctor::DoctorPage;
use crate::pages::generate::GeneratePage;
use crate::pages::home::Home;
use crate::pages::scenario::ScenarioPage;
use crate::prefs;
use crate::route::{use_route, Route};
use crate::state::{Page, PageHandle, PageLang};
use crate::widgets::header::Header;

#[component]
pub fn App() -> Html {
    let page = use_reducer(|| Page::new(prefs::initial_lang()));
    let route = use_route();
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let state = crate::catalogue::load().await;
                page.dispatch(crate::state::PageAction::CatalogueLoaded(state));
            });
        });
    }

    use_effect_with((page.lang, route.clone()), |(lang, route)| {
        label_document(*lang, route);
    });
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
        Route::Build => (html! { <BuilderPage /> }, strings.privacy),
        Route::Doctor => (html! { <DoctorPage /> }, strings.privacy),
        Route::Generate => (
            html! { <GeneratePage /> },
            crate::pages::generate::strings::generate_strings(page.lang).privacy,
        ),
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
                <ContextProvider<PageLang> context={PageLang(page.lang)}>
                    { body }
                </ContextProvider<PageLang>>
            </ContextProvider<PageHandle>>
        };
    }
    html! {
        <ContextProvider<PageHandle> context={page.clone()}>
            <ContextProvider<PageLang> context={PageLang(page.lang)}>
                <Header />
                { body }
                <footer class="page-footer">
                    <p>{ privacy }</p>
                </footer>
            </ContextProvider<PageLang>>
        </ContextProvider<PageHandle>>
    }
}

/// Keeps the document's language and title in step with the page, for screen readers, fonts,
/// the tab strip and history: each route has its own title, in the page's language.
fn label_document(lang: Lang, route: &Route) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let strings = i18n::strings(lang);
    document.set_title(&document_title(lang, route));
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", strings.html_lang);
    }
}

fn document_title(lang: Lang, route: &Route) -> String {
    let strings = i18n::strings(lang);
    match route {
        Route::Home => strings.document_title.to_owned(),
        Route::Check => i18n::page_title(strings.check_card_title),
        Route::Build => {
            i18n::page_title(crate::pages::builder::strings::builder_strings(lang).card_title)
        }
        Route::Doctor => {
            i18n::page_title(crate::pages::doctor::strings::doctor_strings(lang).card_title)
        }
        Route::Generate => {
            i18n::page_title(crate::pages::generate::strings::generate_strings(lang).card_title)
        }
        Route::Scenario(id) | Route::Embed(id) => match scenario(id) {
            Some(spec) => i18n::page_title(lang.pick(spec.title_en, spec.title_zh)),
            None => i18n::page_title(strings.not_found_title),
        },
        Route::NotFound => i18n::page_title(strings.not_found_title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_its_own_title_in_each_language() {
        assert_eq!(
            document_title(Lang::En, &Route::Check),
            "Check a policy · ramplan"
        );
        assert_eq!(
            document_title(Lang::En, &Route::Build),
            "Build a policy · ramplan"
        );
        assert_eq!(
            document_title(Lang::Zh, &Route::Build),
            "构建策略 · ramplan"
        );
        assert_eq!(
            document_title(Lang::Zh, &Route::Check),
            "检查策略 · ramplan"
        );
        assert_eq!(
            document_title(Lang::En, &Route::Scenario("emr-ecs-role".to_owned())),
            "Custom ECS application role for an EMR cluster · ramplan"
        );
        assert_eq!(
            document_title(Lang::En, &Route::Scenario("nope".to_owned())),
            "Page not found · ramplan"
        );
        assert_eq!(
            document_title(Lang::En, &Route::Doctor),
            "Why was I denied? · ramplan"
        );
        assert_eq!(
            document_title(Lang::Zh, &Route::NotFound),
            "页面不存在 · ramplan"
        );
        assert_eq!(
            document_title(Lang::En, &Route::Home),
            i18n::strings(Lang::En).document_title
        );
    }
}
