//! ramplan in the browser: pick a scenario and fill in a form to get a checked plan, or paste
//! a policy and read the findings as you type. The same `ramplan-core` as the CLI runs here in
//! WebAssembly; this crate only builds its inputs and renders its answers.

mod app;
mod browser;
mod catalogue;
mod crash;
mod editor_selection;
mod i18n;
mod pages;
mod prefs;
mod route;
mod state;
mod widgets;

fn main() {
    crash::install();
    yew::Renderer::<app::App>::new().render();
}
