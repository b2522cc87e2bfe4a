//! The policy in plain words: one sentence per statement from the core's `explain`, saying
//! what it allows or denies, updated as the person types and in the page's language.

use std::rc::Rc;

use ramplan_core::explain::{explain, Sentence};
use ramplan_core::policy::Effect;
use ramplan_core::LintReport;
use yew::prelude::*;

use super::strings;
use crate::state::PageHandle;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct PlainWordsProps {
    pub report: Rc<LintReport>,
    /// The text holds what looks like a credential: describing it would show it back.
    pub withheld: bool,
    /// The text is far larger than RAM accepts: not described here, to keep the page quick.
    #[prop_or_default]
    pub too_large: bool,
}

/// The most statements put into words; a longer policy says how many more there are.
const MAX_SENTENCES: usize = 200;

#[component]
pub fn PlainWords(props: &PlainWordsProps) -> Html {
    let page = use_context::<PageHandle>();
    let inputs = page
        .as_ref()
        .filter(|_| !props.too_large)
        .map(|page| (page.text.clone(), props.report.kind, page.lang));
    // Derived like the report: recomputed exactly when the text, kind or language change.
    let sentences: Rc<Vec<Sentence>> = use_memo(inputs, |inputs| match inputs {
        Some((text, kind, lang)) => explain(text, *kind, *lang),
        None => Vec::new(),
    });
    let Some(page) = page else {
        return Html::default();
    };
    let page_strings = strings::checker_strings(page.lang);
    let unparsed = !props.report.parsed;
    let body = if props.withheld {
        html! { <p class="plain-note" data-state="withheld">{ page_strings.plain_withheld }</p> }
    } else if props.too_large {
        html! { <p class="plain-note" data-state="too-large">{ page_strings.too_large_here }</p> }
    } else if unparsed {
        html! { <p class="plain-note" data-state="unparsed">{ page_strings.plain_unparsed }</p> }
    } else if sentences.is_empty() {
        html! { <p class="plain-note" data-state="empty">{ page_strings.plain_empty }</p> }
    } else {
        let more = sentences.len().saturating_sub(MAX_SENTENCES);
        let items = sentences.iter().take(MAX_SENTENCES).map(|sentence| {
            let effect = match sentence.effect {
                Some(Effect::Allow) => "allow",
                Some(Effect::Deny) => "deny",
                None => "none",
            };
            html! {
                <li
                    class={classes!("sentence", format!("sentence-{effect}"))}
                    data-effect={effect}
                    data-path={sentence.path.clone()}
                >
                    { with_code(&sentence.text) }
                </li>
            }
        });
        html! {
            <>
                <ol id="plain-sentences" class="plain-sentences">{ for items }</ol>
                if more > 0 {
                    <p class="plain-note" data-state="more">{ page_strings.plain_more.replace("{n}", &more.to_string()) }</p>
                }
            </>
        }
    };
    html! {
        <section id="plain-words" class="plain-words" aria-labelledby="plain-heading">
            <h2 id="plain-heading" class="plain-heading">{ page_strings.plain_heading }</h2>
            <p class="hint">{ page_strings.plain_hint }</p>
            { body }
        </section>
    }
}
