//! The simulator under the checker's findings: a request (an action on a resource, or a
//! principal for a trust policy, with its context) and RAM's decision on it under the
//! policy being edited, from the core's `simulate` / `simulate_trust`. The decision comes
//! first; then, statement by statement, what matched. Selecting a statement selects its
//! text in the editor, as selecting a finding does.
//!
//! The answer is derived, never stored: recomputed when the text, its kind, the request or
//! the language change. The request itself lives in the page state only, never in storage;
//! a request value that looks like a credential is refused by the core.

use std::rc::Rc;

use ramplan_core::i18n::statement_label;
use ramplan_core::json;
use ramplan_core::policy::Effect;
use ramplan_core::position::TextRange;
use ramplan_core::simulate::{
    simulate, simulate_trust, suggestions, ConditionResult, Decision, ErrorKind, Outcome,
    PolicySource, PrincipalCheck, SimulateError, Suggestions, TrustDecision,
};
use ramplan_core::{Lang, LintReport, PolicyKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::strings;
use crate::pages::checker::context_rows::ContextRows;
use crate::state::{PageAction, PageHandle, SimEdit, SimRequest};
use crate::widgets::finding_item::with_code;
use strings::SimulateStrings;

#[derive(Properties, PartialEq)]
pub struct SimulatePanelProps {
    pub report: Rc<LintReport>,
    /// The policy holds what looks like a credential: nothing is evaluated or echoed.
    pub withheld: bool,
    /// The text is far larger than RAM accepts: not worked on here, to keep the page quick.
    #[prop_or_default]
    pub too_large: bool,
    /// Selects a range of the policy text in the editor.
    pub on_select: Callback<TextRange>,
}

/// What the panel has to show for the current inputs.
enum Answer {
    /// Too large to simulate in the page.
    TooLarge,
    Withheld,
    /// Nothing asked yet.
    Blank,
    Permission(Result<Decision, SimulateError>),
    Trust(Result<TrustDecision, SimulateError>),
}

/// The name the one policy goes by in answers; the panel shows pointers only.
const POLICY_NAME: &str = "policy";

const ACTIONS_LIST: &str = "sim-actions";
const KEYS_LIST: &str = "sim-keys";

fn answer(
    text: &str,
    kind: PolicyKind,
    request: &SimRequest,
    withheld: bool,
    lang: Lang,
) -> Answer {
    if withheld {
        return Answer::Withheld;
    }
    let source = PolicySource::new(POLICY_NAME, text);
    match kind {
        PolicyKind::Permission | PolicyKind::BucketPolicy if request.is_blank_permission() => {
            Answer::Blank
        }
        PolicyKind::Permission => {
            Answer::Permission(simulate(&[source], &request.permission(), lang))
        }
        PolicyKind::BucketPolicy => Answer::Permission(simulate(
            &[source],
            &request
                .permission()
                .with_principal(request.principal.trim()),
            lang,
        )),
        PolicyKind::Trust if request.is_blank_trust() => Answer::Blank,
        PolicyKind::Trust => Answer::Trust(simulate_trust(&source, &request.trust(), lang)),
    }
}

#[component]
pub fn SimulatePanel(props: &SimulatePanelProps) -> Html {
    let page = use_context::<PageHandle>();
    let inputs = page.as_ref().filter(|_| !props.too_large).map(|page| {
        (
            page.text.clone(),
            props.report.kind,
            page.request.clone(),
            props.withheld,
            page.lang,
        )
    });
    let too_large = props.too_large;
    let answer: Rc<Answer> = use_memo(inputs, move |inputs| match inputs {
        Some((text, kind, request, withheld, lang)) => {
            answer(text, *kind, request, *withheld, *lang)
        }
        None if too_large => Answer::TooLarge,
        None => Answer::Blank,
    });
    let text = page
        .as_ref()
        .filter(|_| !props.too_large)
        .map(|page| page.text.clone());
    let suggested: Rc<Suggestions> = use_memo(text, |text| {
        text.as_deref().map(suggestions).unwrap_or_default()
    });
    let Some(page) = page else {
        return Html::default();
    };
    let lang = page.lang;
    let access = strings::simulate_strings(lang);
    let kind = props.report.kind;
    let on_statement = {
        let text = page.text.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |path: String| {
            if let Some(range) = json::locate(&text, &path) {
                on_select.emit(range);
            }
        })
    };
    let text_input = |id: &'static str, value: &str, make: fn(String) -> SimEdit| {
        let page = page.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                page.dispatch(PageAction::EditRequest(make(input.value())));
            }
        });
        (id, value.to_owned(), oninput)
    };
    let fields = match kind {
        PolicyKind::Permission | PolicyKind::BucketPolicy => {
            let (principal_id, principal, on_principal) =
                text_input("sim-principal", &page.request.principal, SimEdit::Principal);
            let bucket_principal = html! {
                <div class="sim-field">
                    <label for={principal_id}>{ access.sim_principal }</label>
                    <p id="sim-principal-help" class="field-help">{ with_code(access.sim_bucket_principal_help) }</p>
                    <input type="text" id={principal_id} class="sim-input" aria-describedby="sim-principal-help"
                        placeholder={strings::example(access.sim_example_principal, lang)} autocomplete="off"
                        autocapitalize="off" spellcheck="false" value={principal} oninput={on_principal} />
                </div>
            };
            let (action_id, action, on_action) =
                text_input("sim-action", &page.request.action, SimEdit::Action);
            let (resource_id, resource, on_resource) =
                text_input("sim-resource", &page.request.resource, SimEdit::Resource);
            html! {
                <>
                    <div class="sim-field">
                        <label for={action_id}>{ access.sim_action }</label>
                        <input type="text" id={action_id} class="sim-input" list={ACTIONS_LIST}
                            placeholder={strings::example(suggested.example_action.as_deref().unwrap_or("oss:GetObject"), lang)} autocomplete="off" autocapitalize="off"
                            spellcheck="false" value={action} oninput={on_action} />
                    </div>
                    <div class="sim-field">
                        <label for={resource_id}>{ access.sim_resource }</label>
                        <input type="text" id={resource_id} class="sim-input"
                            placeholder={strings::example(suggested.example_resource.as_deref().unwrap_or("acs:oss:*:*:examplebucket/a.txt"), lang)} autocomplete="off"
                            autocapitalize="off" spellcheck="false" value={resource} oninput={on_resource} />
                    </div>
                    if kind == PolicyKind::BucketPolicy {
                        { bucket_principal }
                    }
                </>
            }
        }
        PolicyKind::Trust => {
            let (principal_id, principal, on_principal) =
                text_input("sim-principal", &page.request.principal, SimEdit::Principal);
            html! {
                <div class="sim-field">
                    <label for={principal_id}>{ access.sim_principal }</label>
                    <p id="sim-principal-help" class="field-help">{ with_code(access.sim_principal_help) }</p>
                    <input type="text" id={principal_id} class="sim-input" aria-describedby="sim-principal-help"
                        placeholder={strings::example("1234567890123456@emr.dataworks.aliyuncs.com", lang)} autocomplete="off"
                        autocapitalize="off" spellcheck="false" value={principal} oninput={on_principal} />
                </div>
            }
        }
    };
    let hint = match kind {
        PolicyKind::Permission => access.sim_hint_permission,
        PolicyKind::Trust => access.sim_hint_trust,
        PolicyKind::BucketPolicy => access.sim_hint_bucket,
    };
    html! {
        <section id="simulate" class="pane simulate" aria-labelledby="simulate-heading" data-kind={kind.as_str()}>
            <h2 id="simulate-heading" class="pane-heading">{ access.sim_heading }</h2>
            <p class="hint">{ hint }</p>
            <form class="sim-form" novalidate=true autocomplete="off" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { fields }
                <ContextRows keys_list={KEYS_LIST} />
            </form>
            <Completions suggested={suggested.clone()} />
            { result(&answer, kind, access, lang, &on_statement) }
        </section>
    }
}

#[derive(Properties)]
struct CompletionsProps {
    suggested: Rc<Suggestions>,
}

/// Equal when the lists are: the example request beside them is not shown here.
impl PartialEq for CompletionsProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&*self.suggested, &*other.suggested);
        a.actions == b.actions && a.condition_keys == b.condition_keys
    }
}

/// The completion lists of the action and condition key fields. A component of its own, so
/// that a keystroke which leaves the lists as they were (most do: they change with the
/// services the policy names and the keys it reads) re-renders none of their hundreds of
/// options.
#[component]
fn Completions(props: &CompletionsProps) -> Html {
    let options = |items: &[String]| -> Html {
        items
            .iter()
            .map(|item| html! { <option value={item.clone()} /> })
            .collect()
    };
    html! {
        <>
            <datalist id={ACTIONS_LIST}>{ options(&props.suggested.actions) }</datalist>
            <datalist id={KEYS_LIST}>{ options(&props.suggested.condition_keys) }</datalist>
        </>
    }
}

/// The decision, announced as it changes, and everything after it.
fn result(
    answer: &Answer,
    kind: PolicyKind,
    access: &SimulateStrings,
    lang: Lang,
    on_statement: &Callback<String>,
) -> Html {
    let status = |outcome: Option<Outcome>, body: Html| {
        let decision = outcome.map(Outcome::as_str).unwrap_or_default();
        html! {
            <p id="sim-decision" role="status" aria-live="polite" aria-atomic="true"
                class={classes!("sim-decision", outcome.map(|o| format!("sim-{}", o.as_str())))}
                data-decision={decision}>
                { body }
            </p>
        }
    };
    let note =
        |text: &'static str| status(None, html! { <span class="sim-prompt">{ text }</span> });
    match answer {
        Answer::Withheld => note(access.sim_withheld),
        Answer::TooLarge => note(strings::checker_strings(lang).too_large_here),
        Answer::Blank => note(match kind {
            PolicyKind::Permission | PolicyKind::BucketPolicy => access.sim_prompt_permission,
            PolicyKind::Trust => access.sim_prompt_trust,
        }),
        Answer::Permission(Err(error)) | Answer::Trust(Err(error)) => {
            refused(error, access, lang, &status)
        }
        Answer::Permission(Ok(decision)) => {
            let statements = decision.statements.iter().map(|s| {
                statement(
                    StatementView {
                        path: &s.path,
                        sid: s.sid.as_deref(),
                        effect: s.effect,
                        matched: s.matched,
                        deciding: s.deciding,
                        parts: [
                            Some(("action", access.sim_part_action, s.action_matched)),
                            Some(("resource", access.sim_part_resource, s.resource_matched)),
                            s.principal_matched
                                .map(|m| ("principal", access.sim_part_principal, m)),
                            Some(("condition", access.sim_part_condition, s.condition_matched)),
                        ],
                        principals: &[],
                        conditions: &s.conditions,
                        note: s.note.as_deref(),
                    },
                    access,
                    lang,
                    on_statement,
                )
            });
            let decided_by: Vec<String> =
                decision.decided_by.iter().map(|r| r.path.clone()).collect();
            html! {
                <>
                    { status(Some(decision.decision), decision_text(decision.decision, access, lang)) }
                    { decided(&decided_by, access, lang) }
                    { details(statements.collect(), &decision.notes, decision.warnings.len(), access, lang) }
                </>
            }
        }
        Answer::Trust(Ok(decision)) => {
            let statements = decision.statements.iter().map(|s| {
                statement(
                    StatementView {
                        path: &s.path,
                        sid: s.sid.as_deref(),
                        effect: s.effect,
                        matched: s.matched,
                        deciding: s.deciding,
                        parts: [
                            Some(("action", access.sim_part_action, s.action_matched)),
                            Some(("principal", access.sim_part_principal, s.principal_matched)),
                            Some(("condition", access.sim_part_condition, s.condition_matched)),
                            None,
                        ],
                        principals: &s.principals,
                        conditions: &s.conditions,
                        note: s.note.as_deref(),
                    },
                    access,
                    lang,
                    on_statement,
                )
            });
            let decided_by: Vec<String> = decision
                .decided_by
                .iter()
                .map(|r| r.principal.clone().unwrap_or_else(|| r.path.clone()))
                .collect();
            let miss = decision.nearest_miss.as_deref().map(|miss| {
                html! {
                    <p id="sim-nearest-miss" class="sim-nearest-miss">
                        <strong>{ format!("{}{}", access.sim_nearest_miss, lang.pick(": ", "：")) }</strong>
                        { with_code(miss) }
                    </p>
                }
            });
            html! {
                <>
                    { status(Some(decision.decision), decision_text(decision.decision, access, lang)) }
                    <p id="sim-asked" class="sim-asked">
                        { format!("{}{}", access.sim_asked, lang.pick(": ", "：")) }
                        <code>{ decision.principal.to_string() }</code>
                    </p>
                    { decided(&decided_by, access, lang) }
                    { miss }
                    { details(statements.collect(), &decision.notes, decision.warnings.len(), access, lang) }
                </>
            }
        }
    }
}

/// "Decision: allow" / "判定：允许".
fn decision_text(outcome: Outcome, access: &SimulateStrings, lang: Lang) -> Html {
    html! {
        <>
            <span class="sim-decision-label">{ format!("{}{}", access.sim_decision, lang.pick(": ", "：")) }</span>
            <strong class="sim-outcome">{ outcome.label(lang) }</strong>
        </>
    }
}

fn decided(paths: &[String], access: &SimulateStrings, lang: Lang) -> Html {
    if paths.is_empty() {
        return Html::default();
    }
    let paths = paths.iter().enumerate().map(|(i, path)| {
        let shown = statement_label(path, lang).unwrap_or_else(|| path.clone());
        html! { <>{ (i > 0).then(|| lang.pick(", ", "，")) }<span class="sim-statement-ref" data-path={path.clone()}>{ shown }</span></> }
    });
    html! {
        <p id="sim-decided-by" class="sim-decided-by">
            { format!("{}{}", access.sim_decided_by, lang.pick(": ", "：")) }
            { for paths }
        </p>
    }
}

/// Why there is no decision: the core's message, and its help. A credential is refused
/// with an alert; the message names only its masked start.
fn refused(
    error: &SimulateError,
    access: &SimulateStrings,
    lang: Lang,
    status: &dyn Fn(Option<Outcome>, Html) -> Html,
) -> Html {
    if error.kind == ErrorKind::Syntax {
        return status(
            None,
            html! { <span class="sim-prompt">{ access.sim_unparsed }</span> },
        );
    }
    let help = error.help.as_deref().map(|help| {
        html! { <span class="finding-help">{ with_code(help) }</span> }
    });
    let body = html! {
        <>
            <span class="sim-decision-label">{ format!("{}{}", access.sim_not_evaluated, lang.pick(": ", "：")) }</span>
            <span class="sim-error-message">{ with_code(&error.message) }</span>
            { help }
        </>
    };
    if error.kind == ErrorKind::Credential {
        return html! {
            <>
                { status(None, html! { <span class="sim-prompt">{ access.sim_not_evaluated }</span> }) }
                <div id="sim-refused" class="credential-alert sim-refused" role="alert" data-kind="credential">
                    <p class="credential-alert-text">{ body }</p>
                </div>
            </>
        };
    }
    html! {
        <>
            { status(None, html! { <span class="sim-prompt">{ access.sim_not_evaluated }</span> }) }
            <p id="sim-refused" class="sim-refused sim-request-error" data-kind="request">{ body }</p>
        </>
    }
}

struct StatementView<'a> {
    path: &'a str,
    sid: Option<&'a str>,
    effect: Option<Effect>,
    matched: bool,
    deciding: bool,
    /// (data name, label, matched) for action, resource or principal, and condition.
    /// Missing parts (a principal in an identity policy) are `None`.
    parts: [Option<(&'static str, &'static str, bool)>; 4],
    principals: &'a [PrincipalCheck],
    conditions: &'a [ConditionResult],
    note: Option<&'a str>,
}

/// ✓ or ✗ before a label, with the outcome in words for screen readers.
fn mark(matched: bool, access: &SimulateStrings, lang: Lang) -> Html {
    let words = if matched {
        access.sim_matched
    } else {
        access.sim_not_matched
    };
    html! {
        <>
            <span class={classes!("sim-mark", if matched { "sim-yes" } else { "sim-no" })} aria-hidden="true">
                { if matched { "✓" } else { "✗" } }
            </span>
            <span class="visually-hidden">{ format!("{words}{}", lang.pick(": ", "：")) }</span>
        </>
    }
}

fn statement(
    view: StatementView<'_>,
    access: &SimulateStrings,
    lang: Lang,
    on_statement: &Callback<String>,
) -> Html {
    let onclick = {
        let on_statement = on_statement.clone();
        let path = view.path.to_owned();
        Callback::from(move |_: MouseEvent| on_statement.emit(path.clone()))
    };
    let effect = match view.effect {
        Some(Effect::Allow) => "Allow",
        Some(Effect::Deny) => "Deny",
        None => access.sim_ignored,
    };
    let sid = view
        .sid
        .map(|sid| html! { <span class="sim-sid">{ format!("Sid {sid}") }</span> });
    let deciding = view
        .deciding
        .then(|| html! { <span class="sim-decides">{ access.sim_decides }</span> });
    let parts = view.parts.iter().flatten().map(|(name, label, matched)| {
        html! {
            <li class="sim-part" data-part={*name} data-matched={matched.to_string()}>
                { mark(*matched, access, lang) }{ *label }
            </li>
        }
    });
    let principals = view.principals.iter().map(|p| {
        let reason = p.reason.as_deref().map(|reason| html! { <span class="sim-reason">{ format!(" · {reason}") }</span> });
        html! {
            <li class="sim-principal-check" data-matched={p.matched.to_string()} data-path={p.path.clone()}>
                { mark(p.matched, access, lang) }
                <span class="sim-principal-type">{ p.principal_type.clone() }</span>{ " " }
                <code>{ p.value.clone() }</code>
                { reason }
            </li>
        }
    });
    let conditions = view.conditions.iter().map(|c| condition(c, access, lang));
    let note = view.note.map(|note| {
        html! { <p class="sim-note">{ format!("{}{}", access.sim_note, lang.pick(": ", "：")) }{ with_code(note) }</p> }
    });
    let sub = |class: &'static str, items: Vec<Html>| {
        (!items.is_empty())
            .then(|| html! { <ul class={classes!("sim-sublist", class)}>{ for items }</ul> })
    };
    html! {
        <li
            class={classes!("sim-statement", view.matched.then_some("sim-statement-matched"), view.deciding.then_some("sim-statement-deciding"))}
            data-path={view.path.to_owned()}
            data-matched={view.matched.to_string()}
            data-deciding={view.deciding.to_string()}
            data-effect={view.effect.map_or("none", |e| if e == Effect::Allow { "allow" } else { "deny" })}
        >
            <button type="button" class="sim-statement-target" {onclick}>
                <span class="sim-statement-head">
                    <span class="sim-statement-name">{ statement_label(view.path, lang).unwrap_or_else(|| format!("{} {}", access.sim_statement, view.path)) }</span>
                    { sid }
                    <span class="sim-effect">{ effect }</span>
                    { deciding }
                </span>
            </button>
            <ul class="sim-parts">{ for parts }</ul>
            { sub("sim-principals", principals.collect()) }
            { sub("sim-conditions", conditions.collect()) }
            { note }
        </li>
    }
}

/// "✓ IpAddress `acs:SourceIp`: policy `10.0.0.0/8`; request `10.1.1.1`", and its note.
fn condition(c: &ConditionResult, access: &SimulateStrings, lang: Lang) -> Html {
    let colon = lang.pick(": ", "：");
    let codes = |values: &[String]| -> Html {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| html! { <>{ (i > 0).then(|| lang.pick(", ", "，")) }<code>{ v.clone() }</code></> })
            .collect()
    };
    let request = if c.request_values.is_empty() {
        html! { <span class="sim-absent">{ access.sim_absent }</span> }
    } else {
        codes(&c.request_values)
    };
    let note = c
        .note
        .as_deref()
        .map(|note| html! { <span class="sim-note">{ with_code(note) }</span> });
    html! {
        <li class="sim-condition" data-matched={c.matched.to_string()} data-key={c.key.clone()} data-path={c.path.clone()}>
            { mark(c.matched, access, lang) }
            <code>{ c.operator.clone() }</code>{ " " }<code>{ c.key.clone() }</code>{ colon }
            { format!("{}{}", access.sim_policy_values, lang.pick(" ", "：")) }{ codes(&c.values) }
            { lang.pick("; ", "；") }
            { format!("{}{}", access.sim_request_values, lang.pick(" ", "：")) }{ request }
            { note }
        </li>
    }
}

fn details(
    statements: Vec<Html>,
    notes: &[String],
    warnings: usize,
    access: &SimulateStrings,
    lang: Lang,
) -> Html {
    let notes = (!notes.is_empty()).then(|| {
        let items = notes
            .iter()
            .map(|note| html! { <li>{ with_code(note) }</li> });
        html! { <ul id="sim-notes" class="sim-notes">{ for items }</ul> }
    });
    let rejected = (warnings > 0).then(|| {
        html! { <p id="sim-rejected" class="sim-rejected">{ strings::sim_rejected(warnings, lang) }</p> }
    });
    html! {
        <>
            { notes }
            { rejected }
            <h3 class="sub-heading">{ access.sim_statements }</h3>
            <p class="hint">{ access.sim_select_hint }</p>
            <ol id="sim-statements" class="sim-statements">{ for statements }</ol>
        </>
    }
}
