//! Compare: paste the earlier version of the policy, and read what the policy in the editor
//! allows that it did not, and what it no longer allows, from the core's `diff` (the same
//! function as `ramplan diff`). Each change's words come from the core; the page lays them
//! out and can select the statement that grants a change in the editor.

use std::rc::Rc;

use ramplan_core::diff::{self, Change, DiffError, DiffOptions, DiffReport};
use ramplan_core::position::TextRange;
use ramplan_core::secrets;
use ramplan_core::simulate::PolicySource;
use ramplan_core::LintReport;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::strings;
use crate::catalogue::CatalogueState;
use crate::state::PageHandle;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    pub report: Rc<LintReport>,
    /// The editor's text holds what looks like a credential: nothing is compared or shown.
    pub withheld: bool,
    /// The editor's text is far larger than RAM accepts: not worked on here.
    #[prop_or_default]
    pub too_large: bool,
    pub on_select: Callback<TextRange>,
}

/// The earlier version is compared up to this size, like the editor's text.
const OLD_MAX_BYTES: usize = 64 * 1024;

/// Why there is no report.
#[derive(Debug, Clone, PartialEq)]
enum Refused {
    OldCredential,
    OldTooLarge,
    Error(DiffError),
}

#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let old_text = use_state(String::new);
    let page = use_context::<PageHandle>();
    let inputs = page
        .as_ref()
        .filter(|_| !props.too_large && !props.withheld && props.report.parsed)
        .map(|page| {
            (
                (*old_text).clone(),
                page.text.clone(),
                page.lang,
                page.catalogue.clone(),
            )
        });
    // Derived: recomputed exactly when either version, the language or the catalogue change.
    let compared: Rc<Option<Result<DiffReport, Refused>>> = use_memo(inputs, |inputs| {
        let (old, new, lang, _): &(String, Rc<str>, _, CatalogueState) = inputs.as_ref()?;
        if old.trim().is_empty() {
            return None;
        }
        if secrets::find_credential(old).is_some() {
            return Some(Err(Refused::OldCredential));
        }
        if old.len() > OLD_MAX_BYTES {
            return Some(Err(Refused::OldTooLarge));
        }
        let words = strings::compare_strings(*lang);
        let options = DiffOptions {
            lang: *lang,
            ..DiffOptions::default()
        };
        Some(
            diff::diff(
                &[PolicySource::new(words.old_name, old.as_str())],
                &[PolicySource::new(words.new_name, &**new)],
                &options,
            )
            .map_err(Refused::Error),
        )
    });
    let Some(page) = page else {
        return Html::default();
    };
    let lang = page.lang;
    let words = strings::compare_strings(lang);
    let oninput = {
        let old_text = old_text.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
                old_text.set(area.value());
            }
        })
    };
    let note = |state: &'static str, text: String| {
        html! { <p class="plain-note" data-state={state}>{ with_code(&text) }</p> }
    };
    let body = if props.withheld {
        note("withheld", words.withheld.to_owned())
    } else if props.too_large {
        note(
            "too-large",
            strings::checker_strings(lang).too_large_here.to_owned(),
        )
    } else if !props.report.parsed {
        note("unparsed", words.unparsed.to_owned())
    } else {
        match &*compared {
            None => note("prompt", words.prompt.to_owned()),
            Some(Err(Refused::OldCredential)) => {
                note("old-credential", words.old_credential.to_owned())
            }
            Some(Err(Refused::OldTooLarge)) => note(
                "too-large",
                strings::checker_strings(lang).too_large_here.to_owned(),
            ),
            Some(Err(Refused::Error(error))) => {
                let mut text = error.to_string();
                if let Some(help) = &error.help {
                    text.push_str(lang.pick(": ", "："));
                    text.push_str(help);
                }
                note("error", text)
            }
            Some(Ok(report)) => report_view(report, words, lang, &props.on_select),
        }
    };
    html! {
        <section id="compare" class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading" class="plain-heading">{ words.heading }</h2>
            <p class="hint">{ with_code(words.hint) }</p>
            <div class="existing-document">
                <label for="compare-old" class="existing-label">{ words.old_label }</label>
                <p id="compare-old-help" class="field-help">{ words.old_help }</p>
                <textarea
                    id="compare-old"
                    class="existing-input"
                    rows="8"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                    aria-describedby="compare-old-help"
                    value={(*old_text).clone()}
                    {oninput}
                />
            </div>
            { body }
        </section>
    }
}

fn report_view(
    report: &DiffReport,
    words: &'static strings::CompareStrings,
    lang: ramplan_core::Lang,
    on_select: &Callback<TextRange>,
) -> Html {
    let verdict = diff::summary(report, lang);
    let list = |id: &'static str, kind: &'static str, heading: &'static str, changes: &[Change]| {
        if changes.is_empty() {
            return Html::default();
        }
        let items = changes
            .iter()
            .map(|change| change_item(change, kind, words, lang, on_select));
        html! {
            <>
                <h3 class="compare-heading">{ heading }</h3>
                <ol id={id} class="compare-changes">{ for items }</ol>
            </>
        }
    };
    let notes = (!report.notes.is_empty()).then(|| {
        let items = report
            .notes
            .iter()
            .map(|n| html! { <li>{ with_code(n) }</li> });
        html! {
            <details class="compare-notes">
                <summary>{ words.notes }</summary>
                <ul>{ for items }</ul>
            </details>
        }
    });
    html! {
        <div id="compare-report" data-adds={report.adds_access.to_string()} data-removes={report.removes_access.to_string()}>
            <p
                id="compare-verdict"
                class={classes!("compare-verdict", if report.adds_access { "compare-adds" } else { "compare-no-new" })}
                role="status"
            >
                { verdict.trim_end().to_owned() }
            </p>
            if !report.adds_access {
                <p class="plain-note" data-state="none-added">{ words.none_added }</p>
            }
            { list("compare-added", "added", words.added, &report.added) }
            { list("compare-removed", "removed", words.removed, &report.removed) }
            { notes }
        </div>
    }
}

fn change_item(
    change: &Change,
    kind: &'static str,
    words: &'static strings::CompareStrings,
    lang: ramplan_core::Lang,
    on_select: &Callback<TextRange>,
) -> Html {
    let lines = diff::change_lines(change, lang);
    let mut lines = lines.iter();
    let first = lines.next().cloned().unwrap_or_default();
    let rest = lines.map(|line| html! { <div class="change-line">{ with_code(line) }</div> });
    // The statement of the editor's policy that decides the change, to select it there.
    let granting = change
        .new
        .decided_by
        .iter()
        .find(|at| at.source == words.new_name)
        .and_then(|at| at.span);
    let show = granting.map(|range| {
        let on_select = on_select.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_select.emit(range));
        html! { <button type="button" class="tool-button change-show" {onclick}>{ words.show }</button> }
    });
    html! {
        <li class={classes!("change", format!("change-{kind}"))} data-kind={kind}>
            <div class="change-actions">{ with_code(&first) }</div>
            { for rest }
            { show }
        </li>
    }
}
