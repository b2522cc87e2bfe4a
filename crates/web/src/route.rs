//! Hash routing: the app is static files, so every page lives after `#` and the server
//! only ever serves `index.html`.
//!
//! `#/` home, `#/check` the policy checker, `#/build` the policy builder (on the checker's
//! text), `#/generate` least privilege from ActionTrail events, `#/scenario/<id>` one
//! scenario's form and plan.
//! `#/embed/<id>` is the same form and plan alone, for an iframe in documentation.
//! Input values reach the URL only when the person asks for a link: `?s=<payload>` after the
//! route, still inside the fragment, so it is never sent to a server.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Check,
    Build,
    Doctor,
    Generate,
    Scenario(String),
    Embed(String),
    NotFound,
}

impl Route {
    /// Reads `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.split_once('?').map_or(path, |(path, _)| path);
        let path = path.trim_end_matches('/');
        match path {
            "" => Route::Home,
            "check" => Route::Check,
            "build" => Route::Build,
            "doctor" => Route::Doctor,
            "generate" => Route::Generate,
            _ => {
                let one = |prefix: &str| {
                    path.strip_prefix(prefix)
                        .filter(|id| !id.is_empty() && !id.contains('/'))
                        .map(str::to_owned)
                };
                if let Some(id) = one("scenario/") {
                    Route::Scenario(id)
                } else if let Some(id) = one("embed/") {
                    Route::Embed(id)
                } else {
                    Route::NotFound
                }
            }
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_owned(),
            Route::Check => "#/check".to_owned(),
            Route::Build => "#/build".to_owned(),
            Route::Doctor => "#/doctor".to_owned(),
            Route::Generate => "#/generate".to_owned(),
            Route::Scenario(id) => format!("#/scenario/{id}"),
            Route::Embed(id) => format!("#/embed/{id}"),
        }
    }
}

/// The shared form state in a fragment (`#/scenario/<id>?s=<payload>`), if any.
pub fn share_param(hash: &str) -> Option<String> {
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("s="))
        .map(str::to_owned)
}

/// Which view of a scenario page a link asks for (`#/scenario/<id>?view=existing`), if any.
pub fn view_param(hash: &str) -> Option<String> {
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("view="))
        .map(str::to_owned)
}

/// The current fragment, `#` included.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

fn current() -> Route {
    Route::parse(&current_hash())
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
        assert_eq!(Route::parse("#/doctor"), Route::Doctor);
        assert_eq!(Route::Doctor.href(), "#/doctor");
        assert_eq!(
            Route::parse("#/scenario/emr-ecs-role?view=existing"),
            Route::Scenario("emr-ecs-role".to_owned())
        );
        assert_eq!(
            view_param("#/scenario/emr-ecs-role?view=existing").as_deref(),
            Some("existing")
        );
        assert_eq!(view_param("#/scenario/emr-ecs-role?s=abc"), None);
        assert_eq!(Route::parse("#/check/"), Route::Check);
        assert_eq!(Route::parse("#/build"), Route::Build);
        assert_eq!(Route::parse("#/generate"), Route::Generate);
        assert_eq!(
            Route::parse("#/scenario/emr-ecs-role"),
            Route::Scenario("emr-ecs-role".to_owned())
        );
        assert_eq!(Route::parse("#/scenario/"), Route::NotFound);
        assert_eq!(
            Route::parse("#/scenario/emr-ecs-role?s=v1.e30"),
            Route::Scenario("emr-ecs-role".to_owned())
        );
        assert_eq!(
            Route::parse("#/embed/emr-ecs-role?s=v1.e30"),
            Route::Embed("emr-ecs-role".to_owned())
        );
        assert_eq!(Route::parse("#/embed/"), Route::NotFound);
        assert_eq!(share_param("#/embed/x?s=v1.e30"), Some("v1.e30".to_owned()));
        assert_eq!(share_param("#/embed/x"), None);
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
    }

    #[test]
    fn hrefs_parse_back_to_their_route() {
        for route in [
            Route::Home,
            Route::Check,
            Route::Build,
            Route::Generate,
            Route::Scenario("dataworks-emr".to_owned()),
            Route::Embed("dataworks-emr".to_owned()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
