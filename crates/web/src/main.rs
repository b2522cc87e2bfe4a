//! ramplan in the browser: pick a scenario and fill in a form to get a checked plan, or paste
//! a policy and read the findings as you type. The same `ramplan-core` as the CLI runs here in
//! WebAssembly; this crate only builds its inputs and renders its answers.

mod browser;
mod catalogue;
mod components;
mod crash;
mod editor_selection;
mod i18n;
mod prefs;
mod route;
mod scenario_form;
mod state;

fn main() {
    crash::install();
    yew::Renderer::<components::app::App>::new().render();
}
