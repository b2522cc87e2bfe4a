//! The policy builder (`#/build`): the checker's policy text as statement cards beside the
//! checker's JSON editor. The cards are derived from the text; a card edit applies one core
//! `Edit` and writes the document back as the text, so either side follows the other.

pub mod actions;
pub mod card;
pub mod conditions;
pub mod findings;
pub mod insert;
pub mod moves;
pub mod raw;
pub mod resources;
pub mod strings;
pub mod templates;

use std::cell::RefCell;
use std::rc::Rc;

use ramplan_core::builder::{
    apply, from_json, place_findings, to_json, BuilderDoc, BuilderStatement, Edit, Effect,
    FromJsonError, Place, Placed, Slot,
};
use ramplan_core::{lint, Lang, LintOptions, LintReport};
use yew::prelude::*;

use crate::i18n;
use crate::pages::builder::card::BuilderCard;
use crate::pages::builder::findings::PlacedList;
use crate::pages::builder::insert::BuilderInsert;
use crate::pages::builder::raw::BuilderRaw;
use crate::pages::builder::templates::BuilderTemplates;
use crate::state::{PageAction, PageHandle};
use crate::widgets::copy_download::CopyDownload;
use crate::widgets::policy_editor::PolicyEditor;

/// Applies edits in order to the newest text and writes the result as the page's text.
/// `Err` carries the first edit's refusal, in the page's language; nothing is written then.
pub type OnEdit = Callback<Vec<Edit>>;

#[component]
pub fn BuilderPage() -> Html {
    let editor = use_node_ref();
    let status = use_state(String::new);
    // The newest text, for edits fired before the page has rendered the last one (a field's
    // `change` on blur, then the click that blurred it).
    let latest: Rc<RefCell<Rc<str>>> = use_mut_ref(|| Rc::from(""));
    let page = use_context::<PageHandle>();
    let text: Rc<str> = page
        .as_ref()
        .map_or_else(|| Rc::from(""), |page| page.text.clone());
    *latest.borrow_mut() = text.clone();
    let (kind, lang) = page
        .as_ref()
        .map_or((Default::default(), Lang::En), |page| {
            (page.kind, page.lang)
        });
    // Derived, never stored: the cards, the report and where each finding belongs.
    let doc: Rc<Result<BuilderDoc, FromJsonError>> = use_memo(text.clone(), |text| from_json(text));
    let catalogue = page.as_ref().map(|page| page.catalogue.clone());
    let report: Rc<LintReport> = use_memo(
        (text.clone(), kind, lang, catalogue),
        |(text, kind, lang, _)| {
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
    let placed: Rc<Vec<Placed>> =
        use_memo((doc.clone(), report.clone()), |(doc, report)| {
            match doc.as_ref() {
                Ok(doc) => place_findings(doc, &report.findings),
                Err(_) => Vec::new(),
            }
        });
    // One callback for as long as the language stays: the cards compare it in their props,
    // so a new one on every render would re-render every card on every keystroke. What it
    // reads that changes (the text) comes through `latest`; the dispatcher and the status
    // setter stay the same for the page's life. A hook, so before the return below.
    let on_edit: OnEdit = {
        let dispatcher = page.as_ref().map(|page| page.dispatcher());
        let latest = latest.clone();
        let status = status.setter();
        use_callback(lang, move |edits: Vec<Edit>, _| {
            let current: Rc<str> = latest.borrow().clone();
            let Ok(mut doc) = from_json(&current) else {
                return;
            };
            for edit in &edits {
                match apply(&doc, edit) {
                    Ok(next) => doc = next,
                    Err(error) => {
                        status.set(error.message(lang));
                        return;
                    }
                }
            }
            status.set(String::new());
            let json = to_json(&doc);
            if *json != *current {
                *latest.borrow_mut() = Rc::from(json.as_str());
                if let Some(dispatcher) = &dispatcher {
                    dispatcher.dispatch(PageAction::Edit(json));
                }
            }
        })
    };
    if page.is_none() {
        return Html::default();
    }
    let strings = strings::builder_strings(lang);

    let on_add = {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(vec![Edit::AddStatement {
                at: None,
                statement: BuilderStatement::new(Effect::Allow, &[], &[]),
            }]);
        })
    };

    let cards: Html = match doc.as_ref() {
        Err(_) => html! {
            <p id="builder-unreadable" class="builder-unreadable">{ strings.unreadable }</p>
        },
        Ok(doc) if doc.statements.is_empty() => html! {
            <p id="no-statements" class="hint">{ strings.no_statements }</p>
        },
        Ok(doc) => {
            let count = doc.statements.len();
            let items = doc.statements.iter().enumerate().map(|(index, slot)| {
                let mine: Vec<Placed> = placed
                    .iter()
                    .filter(|p| matches!(p.place, Place::Statement { index: i, .. } if i == index))
                    .cloned()
                    .collect();
                match slot {
                    Slot::Card(statement) => html! {
                        <BuilderCard
                            key={index}
                            {index}
                            {count}
                            statement={statement.clone()}
                            placed={mine}
                            on_edit={on_edit.clone()}
                        />
                    },
                    Slot::Raw(raw) => html! {
                        <BuilderRaw
                            key={index}
                            {index}
                            {count}
                            raw={raw.clone()}
                            placed={mine}
                            on_edit={on_edit.clone()}
                        />
                    },
                }
            });
            html! {
                <ol id="statement-cards" class="statement-cards" aria-labelledby="builder-cards-heading">
                    { for items }
                </ol>
            }
        }
    };
    let document_findings: Vec<Placed> = placed
        .iter()
        .filter(|p| matches!(p.place, Place::Document))
        .cloned()
        .collect();
    let finding_count = report.findings.len();
    let summary = if finding_count == 0 {
        strings.no_findings.to_owned()
    } else {
        i18n::counts(&report, lang)
    };
    let empty = Rc::new(BuilderDoc::default());
    html! {
        <main class="builder">
            <nav class="breadcrumb"><a href="#/">{ i18n::strings(lang).nav_home }</a></nav>
            <h2 class="builder-heading">{ strings.heading }</h2>
            <p class="hint builder-intro">{ strings.intro }</p>
            <div class="workspace builder-workspace">
                <section class="pane builder-pane" aria-labelledby="builder-cards-heading">
                    <h2 id="builder-cards-heading" class="pane-heading">{ strings.statements_heading }</h2>
                    <p
                        id="builder-summary"
                        class="builder-summary"
                        role="status"
                        aria-live="polite"
                        data-findings={finding_count.to_string()}
                    >
                        { summary }
                    </p>
                    <PlacedList id="document-findings" placed={document_findings} />
                    // One way to start: a template, first, so nobody scrolls past the cards to
                    // find it; what it builds is shown at `#builder-result`.
                    <BuilderTemplates on_edit={on_edit.clone()} />
                    <div class="builder-tools">
                        <BuilderInsert
                            id="new-policy"
                            doc={empty}
                            replace_label={strings.new_policy}
                            confirm={strings.confirm_new}
                            append=false
                            on_edit={on_edit.clone()}
                        />
                    </div>
                    <p id="builder-status" class="editor-status editor-status-error" role="status" aria-live="polite">
                        { crate::widgets::finding_item::with_code(&status) }
                    </p>
                    { cards }
                    <button type="button" id="add-statement" class="tool-button tool-button-primary" onclick={on_add}>
                        { strings.add_statement }
                    </button>
                </section>
                <section class="pane editor-pane" aria-labelledby="builder-result">
                    <div class="builder-result-head">
                        <h2 id="builder-result" class="pane-heading" tabindex="-1">{ strings.result_heading }</h2>
                        <CopyDownload id="builder-policy" text={text.clone()} filename={AttrValue::from("policy.json")} />
                    </div>
                    <PolicyEditor {editor} {report} />
                </section>
            </div>
        </main>
    }
}
