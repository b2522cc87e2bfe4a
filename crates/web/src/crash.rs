//! What the page shows when ramplan itself fails. A panic in WebAssembly stops the app for
//! good, so without this the page would simply freeze. The hook logs the panic to the
//! console and replaces the page with a message built straight from the DOM: Yew may be the
//! part that failed. It says that nothing was sent anywhere, which holds because the page
//! never sends inputs; reloading reopens a scenario from this browser's draft.

use std::panic::PanicHookInfo;

use ramplan_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::i18n;
use crate::prefs;

const CRASH_ID: &str = "crash";

/// Installs the hook. Must run before the app renders: Yew installs its own console-only
/// hook at render time unless one was set through it.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(hook));
}

fn hook(info: &PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    let _ = show();
}

/// What the message says, in the page's language.
#[derive(Debug, PartialEq, Eq)]
struct Message {
    html_lang: &'static str,
    title: &'static str,
    body: &'static str,
    reload: &'static str,
}

fn message(lang: Lang) -> Message {
    let strings = i18n::strings(lang);
    Message {
        html_lang: strings.html_lang,
        title: strings.crash_title,
        body: strings.crash_body,
        reload: strings.crash_reload,
    }
}

/// The language the page was showing: the app keeps `<html lang>` in step with it.
fn page_lang(document: &Document) -> Lang {
    document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|lang| Lang::parse(&lang))
        .unwrap_or_else(prefs::initial_lang)
}

fn show() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    // A second panic (the app can keep failing as events arrive) keeps the first message.
    if document.get_element_by_id(CRASH_ID).is_some() {
        return Some(());
    }
    let body = document.body()?;
    let text = message(page_lang(&document));
    let element = |tag: &str, class: &str, content: &str| -> Option<Element> {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        element.set_text_content(Some(content));
        Some(element)
    };
    let main = document.create_element("main").ok()?;
    main.set_id(CRASH_ID);
    main.set_class_name("crash");
    main.set_attribute("role", "alert").ok()?;
    main.set_attribute("lang", text.html_lang).ok()?;
    let title = element("h1", "crash-title", text.title)?;
    let body_text = element("p", "crash-body", text.body)?;
    let reload = element("button", "copy-button crash-reload", text.reload)?;
    reload.set_attribute("type", "button").ok()?;
    reload.set_id("crash-reload");
    let on_reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    reload
        .add_event_listener_with_callback("click", on_reload.as_ref().unchecked_ref())
        .ok()?;
    // The page lives until it reloads; so does its one listener.
    on_reload.forget();
    main.append_child(&title).ok()?;
    main.append_child(&body_text).ok()?;
    main.append_child(&reload).ok()?;
    body.replace_children_with_node_1(&main);
    document.set_title(text.title);
    if let Ok(button) = reload.dyn_into::<web_sys::HtmlElement>() {
        let _ = button.focus();
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_says_what_happened_and_what_to_do_in_both_languages() {
        let en = message(Lang::En);
        assert_eq!(en.title, "ramplan hit an internal error");
        assert!(en.body.contains("not sent anywhere"), "{}", en.body);
        assert!(en.body.contains("Reload the page"), "{}", en.body);
        let zh = message(Lang::Zh);
        assert_eq!(zh.html_lang, "zh-Hans");
        assert!(zh.title.contains("内部错误"), "{}", zh.title);
        assert!(zh.body.contains("没有发送到任何地方"), "{}", zh.body);
        assert!(zh.body.contains("重新加载页面"), "{}", zh.body);
    }
}
