//! ramplan in the browser: paste a policy, read the findings as you type. The same
//! `ramplan-core` as the CLI runs here in WebAssembly; this crate only renders it.

mod components;
mod editor_selection;
mod i18n;
mod prefs;
mod state;
mod text_index;

fn main() {
    yew::Renderer::<components::app::App>::new().render();
}
