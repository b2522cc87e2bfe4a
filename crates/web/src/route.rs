//! Hash routing: the app is static files, so every page lives after `#` and the server
//! only ever serves `index.html`.
//!
//! `#/` home, `#/check` the policy checker, `#/scenario/<id>` one scenario's form and plan.
//! Only the scenario id ever appears in the URL, never an input value.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Check,
    Scenario(String),
    NotFound,
}

impl Route {
    /// Reads `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.trim_end_matches('/');
        match path {
            "" => Route::Home,
            "check" => Route::Check,
            _ => match path.strip_prefix("scenario/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Route::Scenario(id.to_owned()),
                _ => Route::NotFound,
            },
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_owned(),
            Route::Check => "#/check".to_owned(),
            Route::Scenario(id) => format!("#/scenario/{id}"),
        }
    }
}

fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// The current route, updated on every `hashchange` (links, back and forward).
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || route.set(current()));
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    (*route).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_parse_with_or_without_slashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/check"), Route::Check);
        assert_eq!(Route::parse("#/check/"), Route::Check);
        assert_eq!(
            Route::parse("#/scenario/emr-ecs-role"),
            Route::Scenario("emr-ecs-role".to_owned())
        );
        assert_eq!(Route::parse("#/scenario/"), Route::NotFound);
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
    }

    #[test]
    fn hrefs_parse_back_to_their_route() {
        for route in [
            Route::Home,
            Route::Check,
            Route::Scenario("dataworks-emr".to_owned()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
