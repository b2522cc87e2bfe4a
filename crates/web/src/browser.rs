//! What the page hands to the browser: text for the clipboard, a file to save, the address
//! bar's fragment, the focus and the print dialog. Files go straight from generated
//! artifacts to the browser.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard. `false` when the browser refuses (no permission, no
/// secure context), so the page can say so instead of claiming success.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Saves `content` as a file named `filename`, through a same-origin `blob:` link.
pub fn download(filename: &str, content: &str, mime: &str) -> Result<(), JsValue> {
    save(filename, &JsValue::from_str(content), mime)
}

/// Saves binary `content` (a ZIP archive) as a file named `filename`.
pub fn download_bytes(filename: &str, content: &[u8], mime: &str) -> Result<(), JsValue> {
    save(filename, &js_sys::Uint8Array::from(content), mime)
}

/// Replaces the page's fragment without a new history entry or a `hashchange`, and returns
/// the full URL.
pub fn replace_fragment(fragment: &str) -> Option<String> {
    let window = web_sys::window()?;
    window
        .history()
        .ok()?
        .replace_state_with_url(&JsValue::NULL, "", Some(fragment))
        .ok()?;
    window.location().href().ok()
}

/// Calls `leaving` whenever the page is hidden or unloaded (tab switched, closed, reloaded,
/// navigated away). Returns what removes the listeners again.
pub fn on_leave(leaving: impl Fn() + 'static) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window();
    let listener = Closure::<dyn Fn()>::new(leaving);
    const EVENTS: [&str; 2] = ["pagehide", "visibilitychange"];
    if let Some(window) = &window {
        for event in EVENTS {
            let _ =
                window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
    move || {
        if let Some(window) = &window {
            for event in EVENTS {
                let _ = window
                    .remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
        drop(listener);
    }
}

fn save(filename: &str, part: &JsValue, mime: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Revoking at once can cancel the download in some browsers; let it start first.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// The media type for a generated file, from its extension.
pub fn mime_type(filename: &str) -> &'static str {
    match filename.rsplit_once('.').map(|(_, ext)| ext) {
        Some("json") => "application/json",
        Some("sql") => "application/sql",
        Some("md") => "text/markdown",
        _ => "text/plain",
    }
}

/// Moves the keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Opens the browser's print dialog; the print style sheet decides what goes on paper.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
