//! The policy checker (`#/check`): paste a policy, read the findings as you type, in the
//! list, beside the lines and under the text; format it, load an example, and read what it
//! allows and denies in plain words, and ask what RAM decides for one request.

pub mod compare_panel;
pub mod context_rows;
pub mod convert_panel;
pub mod findings_list;
pub mod kind_picker;
pub mod plain_words;
pub mod simulate_panel;
pub mod strings;
pub mod summary;

use std::rc::Rc;

use ramplan_core::position::TextRange;
use ramplan_core::{lint, KindChoice, Lang, LintOptions, LintReport};
use yew::prelude::*;

use crate::catalogue::CatalogueState;
use crate::editor_selection::select_range;
use crate::i18n;
use crate::pages::checker::findings_list::FindingsList;
use crate::pages::checker::kind_picker::KindPicker;
use crate::pages::checker::plain_words::PlainWords;
use crate::pages::checker::simulate_panel::SimulatePanel;
use crate::pages::checker::summary::Summary;
use crate::state::PageHandle;
use crate::widgets::credential_alert::CredentialAlert;
use crate::widgets::jump::Jump;
use crate::widgets::policy_editor::PolicyEditor;

#[component]
pub fn Checker() -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    // The report is derived, never stored: it is recomputed exactly when its inputs change.
    // A small document is checked as it is typed; a large one after a pause, so that the
    // page answers clicks and keys meanwhile and says that it is checking.
    let inputs = (
        page.text.clone(),
        page.kind,
        page.lang,
        page.catalogue.clone(),
    );
    let large = page.text.len() > LIVE_MAX_BYTES;
    let live: Rc<Option<Rc<LintReport>>> = use_memo(inputs.clone(), |(text, kind, lang, _)| {
        (text.len() <= LIVE_MAX_BYTES).then(|| Rc::new(lint(text, &options(*kind, *lang))))
    });
    let deferred = use_state(|| None::<(CheckInputs, Rc<LintReport>)>);
    let generation = use_mut_ref(|| 0u64);
    {
        let deferred = deferred.clone();
        let generation = generation.clone();
        use_effect_with(inputs.clone(), move |inputs| {
            *generation.borrow_mut() += 1;
            if inputs.0.len() > LIVE_MAX_BYTES {
                let mine = *generation.borrow();
                let inputs = inputs.clone();
                after(CHECK_PAUSE_MS, move || {
                    // Superseded by a later edit: that one's timer does the work.
                    if *generation.borrow() != mine {
                        return;
                    }
                    let (text, kind, lang, _) = &inputs;
                    let report = Rc::new(lint(text, &options(*kind, *lang)));
                    deferred.set(Some((inputs, report)));
                });
            }
        });
    }
    let checking = large && deferred.as_ref().is_none_or(|(done, _)| *done != inputs);
    let report: Rc<LintReport> = match (&*live, deferred.as_ref()) {
        (Some(report), _) => report.clone(),
        (None, Some((_, report))) => report.clone(),
        (None, None) => Rc::new(LintReport::default()),
    };
    let credential = report.credential;
    let editor = use_node_ref();
    let on_select = {
        let editor = editor.clone();
        let text = page.text.clone();
        Callback::from(move |range: TextRange| select_range(&editor, &text, range))
    };
    let strings = i18n::strings(page.lang);
    let page_strings = strings::checker_strings(page.lang);
    // Always one node, so the editor after it is never re-created (losing the focus and
    // the undo history) when the alert comes or goes.
    let alert: Html = credential.map_or_else(Html::default, |range| {
        html! { <CredentialAlert span={Some(range)} on_select={on_select.clone()} /> }
    });
    html! {
        <main class="checker">
            <nav class="breadcrumb"><a href="#/">{ strings.nav_home }</a></nav>
            { alert }
            <Jump
                id="findings-jump"
                text={i18n::counts(&report, page.lang)}
                label={page_strings.go_to_findings}
                target="findings-heading"
                state={if report.has_errors() { "errors" } else { "clean" }}
            />
            <div class="workspace">
                <section class="pane editor-pane" aria-labelledby="editor-label">
                    <PolicyEditor editor={editor} report={report.clone()} />
                    <KindPicker report={report.clone()} />
                    <PlainWords report={report.clone()} withheld={credential.is_some()} too_large={large} />
                    <crate::pages::checker::convert_panel::ConvertPanel report={report.clone()} withheld={credential.is_some()} too_large={large} />
                    <crate::pages::checker::compare_panel::ComparePanel report={report.clone()} withheld={credential.is_some()} too_large={large} on_select={on_select.clone()} />
                </section>
                <div class="checker-side">
                    <section class="pane findings-pane" aria-labelledby="findings-heading">
                        <h2 id="findings-heading" class="pane-heading" tabindex="-1">{ page_strings.findings_heading }</h2>
                        if checking {
                            <p id="checking" class="plain-note checking" role="status">{ page_strings.checking }</p>
                        }
                        <Summary report={report.clone()} />
                        { catalogue_note(&page.catalogue, page_strings) }
                        <FindingsList report={report.clone()} on_select={on_select.clone()} />
                    </section>
                    <SimulatePanel {report} withheld={credential.is_some()} too_large={large} {on_select} />
                </div>
            </div>
        </main>
    }
}

/// Documents up to this size are checked on every keystroke (RAM accepts 6,144 characters);
/// larger ones after a pause in typing, so the page never stops answering.
const LIVE_MAX_BYTES: usize = 64 * 1024;
/// How long the typing must pause before a large document is checked.
const CHECK_PAUSE_MS: i32 = 150;

type CheckInputs = (Rc<str>, KindChoice, Lang, CatalogueState);

fn options(kind: KindChoice, lang: Lang) -> LintOptions {
    LintOptions {
        kind,
        lang,
        ..LintOptions::default()
    }
}

/// Runs `work` once, after `ms` milliseconds, from the browser's event loop.
fn after(ms: i32, work: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(work);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// While the full catalogue is not in, unknown services are not reported: say so.
fn catalogue_note(state: &CatalogueState, page_strings: &strings::CheckerStrings) -> Html {
    let text = match state {
        CatalogueState::Ready => return Html::default(),
        CatalogueState::Loading => page_strings.catalogue_loading.to_owned(),
        CatalogueState::Failed(why) => format!("{} ({why})", page_strings.catalogue_failed),
    };
    html! { <p id="catalogue-note" class="plain-note" role="status">{ text }</p> }
}
