//! The generated service catalogue, loaded after the page starts so that its first download
//! does not carry it: from an inline data block in the offline single file, otherwise from
//! `catalogue.tsv` beside the page (same origin, so the strict CSP allows it). Until it is in,
//! the core calls no service unknown (`catalogue::is_complete`), and the checker says so.

use ramplan_core::catalogue::generated;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the page's own copy lives, and the id of the offline file's inline copy.
const URL: &str = "catalogue.tsv";
const INLINE_ID: &str = "ramplan-catalogue";

/// Whether the catalogue is in, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueState {
    Loading,
    Ready,
    Failed(String),
}

/// Fetches and installs the catalogue; the answer is the new state.
pub async fn load() -> CatalogueState {
    match text().await {
        Ok(text) => match generated::install(text) {
            Ok(()) => CatalogueState::Ready,
            Err(error) => CatalogueState::Failed(error.to_string()),
        },
        Err(error) => CatalogueState::Failed(error),
    }
}

async fn text() -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    if let Some(inline) = window
        .document()
        .and_then(|d| d.get_element_by_id(INLINE_ID))
        .and_then(|e| e.text_content())
    {
        return Ok(inline);
    }
    let response = JsFuture::from(window.fetch_with_str(URL))
        .await
        .map_err(|_| format!("could not fetch {URL}"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("{URL}: HTTP {}", response.status()));
    }
    let body = response.text().map_err(|_| "unreadable body".to_owned())?;
    JsFuture::from(body)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "unreadable body".to_owned())
}
