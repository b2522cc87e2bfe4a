//! "Why was I denied?" (`#/doctor`): a text area for the error and the core's diagnosis
//! beside it, recomputed as the text changes. The text lives in this page's state only: no
//! draft, no share link, nothing sent.

pub mod answer;
pub mod strings;

use std::rc::Rc;

use ramplan_core::doctor::{self, ErrorKind};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::i18n;
use crate::state::PageHandle;
use answer::Answer;

/// Errors to try the page with: the published OSS example (explicit deny), a Go SDK error
/// (implicit deny), the console's dialog in Chinese. The same files as the goldens.
const EXAMPLES: [(&str, &str); 3] = [
    (
        "oss-xml",
        include_str!("../../../../../tests/fixtures/doctor/oss-xml-explicit-deny.input.xml"),
    ),
    (
        "sdk-go",
        include_str!("../../../../../tests/fixtures/doctor/sdk-go-text.input.txt"),
    ),
    (
        "console-zh",
        include_str!("../../../../../tests/fixtures/doctor/console-zh.input.txt"),
    ),
];

#[component]
pub fn DoctorPage() -> Html {
    let text = use_state(String::new);
    let page = use_context::<PageHandle>();
    let inputs = page
        .as_ref()
        .map(|p| ((*text).clone(), p.lang, p.catalogue.clone()));
    // Derived from the text, the language and the catalogue, never stored beside them.
    let diagnosis = use_memo(inputs, |inputs| {
        inputs.as_ref().and_then(|(text, lang, _)| {
            (!text.trim().is_empty()).then(|| doctor::diagnose(text, *lang).map(Rc::new))
        })
    });
    let Some(page) = page else {
        return Html::default();
    };
    let lang = page.lang;
    let s = strings::doctor_strings(lang);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    let examples = EXAMPLES
        .iter()
        .zip(s.examples.iter())
        .map(|((id, sample), label)| {
            let onclick = {
                let text = text.clone();
                Callback::from(move |_: MouseEvent| text.set((*sample).to_owned()))
            };
            html! {
                <button type="button" class="tool-button" id={format!("doctor-example-{id}")} {onclick}>{ *label }</button>
            }
        });
    let body = match diagnosis.as_ref() {
        None => html! { <p id="doctor-empty" class="hint">{ s.empty }</p> },
        Some(Ok(d)) => html! { <Answer diagnosis={d.clone()} /> },
        Some(Err(e)) => {
            let role = if e.kind == ErrorKind::Credential {
                "alert"
            } else {
                "status"
            };
            html! {
                <div id="doctor-error" class="plain-note doctor-error" {role} data-kind={format!("{:?}", e.kind)}>
                    <p><strong>{ s.unreadable }</strong>{ ": " }{ crate::widgets::finding_item::with_code(&e.message) }</p>
                    if let Some(help) = &e.help {
                        <p class="hint">{ crate::widgets::finding_item::with_code(help) }</p>
                    }
                </div>
            }
        }
    };
    // On a narrow screen the answer is a long scroll away: say what it is, and go there.
    let jump = match diagnosis.as_ref() {
        Some(Ok(d)) => {
            let (text, state) = match (d.denial, d.fix.is_some()) {
                (doctor::Denial::Explicit, _) => (s.jump_explicit, "explicit"),
                (_, true) => (s.jump_fix, "fix"),
                _ => (s.jump_read, "read"),
            };
            html! {
                <crate::widgets::jump::Jump id="doctor-jump" text={text} label={s.go_to_answer}
                    target="doctor-answer-heading" state={state} />
            }
        }
        _ => Html::default(),
    };
    let strings = i18n::strings(lang);
    html! {
        <main class="doctor">
            <nav class="breadcrumb"><a href="#/">{ strings.nav_home }</a></nav>
            <h2 id="doctor-heading" class="home-heading">{ s.heading }</h2>
            <p class="hint">{ s.intro }</p>
            { jump }
            <div class="workspace">
                <section class="pane" aria-labelledby="doctor-input-label">
                    <label id="doctor-input-label" for="doctor-input" class="pane-heading">{ s.input_label }</label>
                    <p id="doctor-input-hint" class="hint">{ s.input_hint }</p>
                    <p class="doctor-examples">{ s.try_example }{ " " }{ for examples }</p>
                    <textarea id="doctor-input" class="doctor-input" rows="18" spellcheck="false"
                        autocomplete="off" aria-describedby="doctor-input-hint"
                        value={(*text).clone()} {oninput} />
                </section>
                <section class="pane" aria-labelledby="doctor-answer-heading">
                    <h2 id="doctor-answer-heading" class="pane-heading" tabindex="-1">{ s.answer_heading }</h2>
                    <div id="doctor-answer" aria-live="polite">{ body }</div>
                </section>
            </div>
        </main>
    }
}
