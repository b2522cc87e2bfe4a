//! The policy checker (`#/check`): paste a policy, read the findings as you type.

use std::rc::Rc;

use ramplan_core::position::TextRange;
use ramplan_core::{lint, LintOptions, LintReport};
use yew::prelude::*;

use super::findings_list::FindingsList;
use super::kind_picker::KindPicker;
use super::policy_editor::PolicyEditor;
use super::summary::Summary;
use crate::editor_selection::select_range;
use crate::i18n;
use crate::state::PageHandle;

#[component]
pub fn Checker() -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
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
    let on_select = {
        let editor = editor.clone();
        let text = page.text.clone();
        Callback::from(move |range: TextRange| select_range(&editor, &text, range))
    };
    let strings = i18n::strings(page.lang);
    html! {
        <main class="checker">
            <nav class="breadcrumb"><a href="#/">{ strings.nav_home }</a></nav>
            <div class="workspace">
                <section class="pane editor-pane" aria-labelledby="editor-label">
                    <PolicyEditor editor={editor} />
                    <KindPicker report={report.clone()} />
                </section>
                <section class="pane findings-pane" aria-labelledby="findings-heading">
                    <h2 id="findings-heading" class="pane-heading">{ strings.findings_heading }</h2>
                    <Summary report={report.clone()} />
                    <FindingsList report={report} {on_select} />
                </section>
            </div>
        </main>
    }
}
