//! The page: owns the state, derives the lint report from it, lays out the parts.

use std::rc::Rc;

use ramplan_core::position::TextRange;
use ramplan_core::{lint, Lang, LintOptions, LintReport};
use yew::prelude::*;

use super::findings_list::FindingsList;
use super::header::Header;
use super::kind_picker::KindPicker;
use super::policy_editor::PolicyEditor;
use super::summary::Summary;
use crate::editor_selection::select_range;
use crate::i18n;
use crate::prefs;
use crate::state::{Page, PageHandle};

#[component]
pub fn App() -> Html {
    let page = use_reducer(|| Page::new(prefs::initial_lang()));
    // The report is derived, never stored: it is recomputed exactly when its inputs change.
    let report: Rc<LintReport> = use_memo(
        (page.text.clone(), page.kind, page.lang),
        |(text, kind, lang)| {
            lint(
                text,
                &LintOptions {
                    kind: *kind,
                    lang: *lang,
                    ..LintOptions::default()
                },
            )
        },
    );
    let editor = use_node_ref();

    use_effect_with(page.lang, |lang| label_document(*lang));

    let on_select = {
        let editor = editor.clone();
        let text = page.text.clone();
        Callback::from(move |range: TextRange| select_range(&editor, &text, range))
    };

    let strings = i18n::strings(page.lang);
    html! {
        <ContextProvider<PageHandle> context={page.clone()}>
            <Header />
            <main class="workspace">
                <section class="pane editor-pane" aria-labelledby="editor-label">
                    <PolicyEditor editor={editor} />
                    <KindPicker report={report.clone()} />
                </section>
                <section class="pane findings-pane" aria-labelledby="findings-heading">
                    <h2 id="findings-heading" class="pane-heading">{ strings.findings_heading }</h2>
                    <Summary report={report.clone()} />
                    <FindingsList report={report} {on_select} />
                </section>
            </main>
            <footer class="page-footer">
                <p>{ strings.privacy }</p>
            </footer>
        </ContextProvider<PageHandle>>
    }
}

/// Keeps the document's language and title in step with the page's, for screen readers,
/// fonts and the tab strip.
fn label_document(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let strings = i18n::strings(lang);
    document.set_title(strings.document_title);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", strings.html_lang);
    }
}
