//! One scenario (`#/scenario/<id>`): the form on one side, the plan on the other. The plan is
//! the core's answer to the input JSON the form builds, recomputed as the person types.
//!
//! The form opens from a link's `?s=` payload if there is one, else from this browser's
//! draft, else fresh. Links and drafts hold the plan's normalised inputs, and neither is
//! made while the plan has a credential finding (PL005). The steps ticked done are
//! remembered too, and Clear forgets both. `#/embed/<id>` is the same page without the page
//! chrome, links, drafts or remembered ticks.
//!
//! Print runbook prints the plan as a document: the print style sheet hides the form and
//! the tabs and shows the [`PrintRunbook`] instead, which the screen never shows.
//!
//! Beside the plan, a second view checks a setup that exists today against the same form
//! ([`ExistingPanel`]); what is pasted there stays in this page's state. Embeds show the
//! plan only.

pub mod artifact_tabs;
pub mod existing_panel;
pub mod form;
pub mod form_field;
pub mod plan_status;
pub mod print_runbook;
pub mod record_list;
pub mod step_list;
pub mod strings;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use ramplan_core::plan::{labels, plan, scenario, ExpectedDocument, FieldKind, Plan, ScenarioSpec};
use ramplan_core::share::{self, ShareError};
use ramplan_core::{bundle, Lang};
use yew::prelude::*;

use crate::browser;
use crate::i18n;
use crate::pages::scenario::artifact_tabs::ArtifactTabs;
use crate::pages::scenario::existing_panel::ExistingPanel;
use crate::pages::scenario::form::{
    Form, FormAction, FormFindings, FormHandle, VisitAction, Visits,
};
use crate::pages::scenario::form_field::FormField;
use crate::pages::scenario::plan_status::PlanStatus;
use crate::pages::scenario::print_runbook::PrintRunbook;
use crate::pages::scenario::record_list::RecordList;
use crate::pages::scenario::step_list::StepList;
use crate::prefs;
use crate::route::{current_hash, share_param, view_param, Route};
use crate::state::{ExistingSetup, PageHandle};
use crate::widgets::jump::Jump;

/// The current plan, for every part of the page that shows some of it.
pub type PlanContext = Rc<Plan>;

/// Where the person has been in the form, for the parts that reveal what is missing.
pub type VisitsHandle = UseReducerHandle<Visits>;

#[derive(Properties, PartialEq)]
pub struct ScenarioPageProps {
    pub id: &'static str,
    /// `#/embed/<id>`: only the form and the plan.
    #[prop_or_default]
    pub embed: bool,
}

/// What the page says about where the form's first values came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opened {
    Fresh,
    Link,
    Draft,
    DamagedLink,
    CredentialLink,
}

/// What the last Copy link did, for which form state.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LinkStatus {
    Copied,
    CopyFailed,
    Credential,
    Refused,
}

/// What the plan pane shows: the plan, or the check of an existing setup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Plan,
    Existing,
}

impl View {
    fn id(self) -> &'static str {
        match self {
            View::Plan => "plan",
            View::Existing => "existing",
        }
    }
}

/// The form a page opens with: a link's values take precedence over a draft.
fn opening(spec: &'static ScenarioSpec, embed: bool) -> (Form, Opened) {
    if let Some(payload) = share_param(&current_hash()) {
        return match share::decode(&payload) {
            Ok(text) => match Form::from_json(spec, &text) {
                Some(form) => (form, Opened::Link),
                None => (Form::new(spec), Opened::DamagedLink),
            },
            Err(ShareError::Credential) => (Form::new(spec), Opened::CredentialLink),
            Err(_) => (Form::new(spec), Opened::DamagedLink),
        };
    }
    if !embed {
        if let Some(form) = prefs::draft(spec.id).and_then(|text| Form::from_json(spec, &text)) {
            return (form, Opened::Draft);
        }
    }
    (Form::new(spec), Opened::Fresh)
}

fn empty_form(id: &'static str) -> Form {
    Form {
        scenario: id,
        values: Vec::new(),
    }
}

#[component]
pub fn ScenarioPage(props: &ScenarioPageProps) -> Html {
    let page = use_context::<PageHandle>();
    let id = props.id;
    let embed = props.embed;
    let opened = use_memo((), move |_| match scenario(id) {
        Some(spec) => opening(spec, embed),
        None => (empty_form(id), Opened::Fresh),
    });
    let form = {
        let first = opened.0.clone();
        use_reducer(move || first)
    };
    // The form state last written or cleared, so opening or clearing writes nothing.
    let baseline = {
        let first = opened.0.clone();
        use_mut_ref(move || first)
    };
    let link_status = use_state(|| None::<(Form, LinkStatus)>);
    // What Clear took away, so Undo can bring it back; shown while the form is still clear.
    let cleared = use_state(|| None::<Cleared>);
    // The draft waiting to be written. It is written when the person leaves a field or the
    // page, not on every keystroke: typed key by key, a credential passes through beginnings
    // the core cannot recognise yet, and none of them may reach storage.
    let pending_draft = use_mut_ref(|| None::<String>);
    let flush_draft = {
        let pending_draft = pending_draft.clone();
        Rc::new(move || {
            if let Some(json) = pending_draft.borrow_mut().take() {
                prefs::save_draft(id, &json);
            }
        })
    };
    {
        let flush_draft = flush_draft.clone();
        use_effect_with((), move |_| browser::on_leave(move || flush_draft()));
    }
    let ticks = use_state(move || {
        if embed {
            BTreeSet::new()
        } else {
            prefs::ticks(id)
        }
    });
    // `?view=existing` opens the check of an existing setup (the doctor links it).
    let view = use_state(move || {
        if !embed && view_param(&current_hash()).as_deref() == Some("existing") {
            View::Existing
        } else {
            View::Plan
        }
    });
    // Which inputs the person has left; a form from a link or a draft shows everything.
    let visits = {
        let all = matches!(opened.1, Opened::Link | Opened::Draft);
        use_reducer(move || Visits {
            all,
            ..Visits::default()
        })
    };
    // The pasted documents of the existing-setup view: this page's state only.
    let existing = use_reducer(ExistingSetup::default);
    // What that view compares, from the last plan without errors, so its text areas stay
    // while a field is being retyped.
    let expected = use_mut_ref(|| None::<Vec<ExpectedDocument>>);
    // Clear also clears what the page said about where the values came from.
    let show_notice = use_state(|| true);
    let lang = page.as_ref().map(|page| page.lang).unwrap_or_default();
    // Derived, never stored: the core builds the plan from exactly what the form holds.
    let built: Rc<Option<PlanContext>> = use_memo(((*form).clone(), lang), |(form, lang)| {
        let spec = scenario(form.scenario)?;
        plan(spec.id, &form.input_json(spec), *lang)
            .ok()
            .map(Rc::new)
    });
    {
        let form = (*form).clone();
        let baseline = baseline.clone();
        let pending_draft = pending_draft.clone();
        use_effect_with(built.clone(), move |built| {
            if let Some(plan) = built.as_ref() {
                keep(id, embed, &form, plan, &baseline, &pending_draft);
            }
        });
    }
    let (Some(spec), Some(built)) = (scenario(id), (*built).clone()) else {
        return Html::default();
    };
    let strings = i18n::strings(lang);
    let page_strings = strings::scenario_strings(lang);
    if let Some(now) = built.expected_documents() {
        *expected.borrow_mut() = Some(now);
    }
    let fields = spec
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| match field.kind {
            FieldKind::Records(_) => html! { <RecordList field={index} /> },
            _ => html! { <FormField field={index} /> },
        });
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let onfocusout = {
        let flush_draft = flush_draft.clone();
        let visits = visits.clone();
        Callback::from(move |event: FocusEvent| {
            flush_draft();
            let left = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|element| element.get_attribute("name"));
            if let Some(path) = left.filter(|path| !path.is_empty()) {
                visits.dispatch(VisitAction::Left(path));
            }
        })
    };
    let form_findings = FormFindings {
        findings: Rc::new(labels::for_form(&built.findings, spec, lang)),
        visited: visits.visited.clone(),
        all: visits.all,
    };
    let onchange = Callback::from(move |_: Event| flush_draft());
    let notice = match if *show_notice { opened.1 } else { Opened::Fresh } {
        Opened::Fresh | Opened::Link => None,
        Opened::Draft => Some(("draft", "hint", page_strings.draft_restored)),
        Opened::DamagedLink => Some(("damaged", "notice-error", page_strings.share_damaged)),
        Opened::CredentialLink => Some(("credential", "notice-error", page_strings.share_credential)),
    }
    .map(|(kind, class, text)| {
        html! { <p id="open-notice" class={classes!("open-notice", class)} role="status" data-notice={kind}>{ text }</p> }
    });
    let actions = (!embed).then(|| {
        let state = ClearState {
            spec,
            form: form.clone(),
            link_status: link_status.clone(),
            show_notice: show_notice.clone(),
            baseline: baseline.clone(),
            ticks: ticks.clone(),
            pending_draft: pending_draft.clone(),
            cleared: cleared.clone(),
            visits: visits.clone(),
        };
        html! {
            <>
                { page_actions(&state, &built, lang) }
                { clear_status(&state, lang) }
            </>
        }
    });
    let on_tick = {
        let ticks = ticks.clone();
        Callback::from(move |(number, done): (usize, bool)| {
            let mut next = (*ticks).clone();
            if done {
                next.insert(number);
            } else {
                next.remove(&number);
            }
            if !embed {
                prefs::save_ticks(id, &next);
            }
            ticks.set(next);
        })
    };
    let download_all = (!built.has_errors() && !built.artifacts.is_empty()).then(|| {
        let plan = built.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let bytes = bundle::plan_zip(&plan);
            let filename = format!("{}-plan.zip", plan.scenario);
            let _ = browser::download_bytes(&filename, &bytes, "application/zip");
        });
        let on_print = Callback::from(|_: MouseEvent| browser::print());
        html! {
            <div class="bundle-bar">
                <button type="button" id="print-runbook-button" class="copy-button print-button" onclick={on_print}>{ page_strings.print_runbook }</button>
                <button type="button" id="download-all" class="download-button download-all" {onclick}>{ page_strings.download_all }</button>
            </div>
        }
    });
    let chrome = (!embed).then(|| {
        html! { <nav class="breadcrumb"><a href="#/">{ strings.nav_home }</a></nav> }
    });
    let showing_existing = !embed && *view == View::Existing;
    let view_tabs = (!embed).then(|| view_tabs(&view, lang));
    let existing_view = (!embed).then(|| {
        html! {
            <div id="view-panel-existing" class="view-panel" role="tabpanel"
                aria-labelledby="view-existing" hidden={!showing_existing}>
                <ExistingPanel setup={existing.clone()} expected={expected.borrow().clone()} />
            </div>
        }
    });
    let summary = (!embed).then(|| {
        html! { <p class="hint scenario-summary">{ lang.pick(spec.summary_en, spec.summary_zh) }</p> }
    });
    let jump = {
        let ready = !built.has_errors();
        let (text, state) = if ready {
            (page_strings.plan_short_ready, "ready")
        } else {
            (page_strings.plan_short_not_ready, "not-ready")
        };
        // While the existing-setup view is shown, its heading is where the results are.
        let target = if showing_existing {
            "existing-heading"
        } else {
            "plan-heading"
        };
        html! {
            <Jump id="plan-jump" {text} label={page_strings.go_to_plan} {target} {state} />
        }
    };
    html! {
        <ContextProvider<FormHandle> context={form.clone()}>
        <ContextProvider<PlanContext> context={built}>
        <ContextProvider<FormFindings> context={form_findings}>
        <ContextProvider<VisitsHandle> context={visits.clone()}>
            <main class={classes!("scenario", embed.then_some("embedded"))} data-scenario={spec.id} data-embed={if embed { "true" } else { "false" }}>
                { chrome }
                <h2 id="scenario-title" class="scenario-title">{ lang.pick(spec.title_en, spec.title_zh) }</h2>
                { summary }
                { notice }
                { actions }
                { jump }
                <div class="workspace">
                    <section class="pane form-pane" aria-labelledby="form-heading">
                        <h3 id="form-heading" class="pane-heading">{ page_strings.form_heading }</h3>
                        <form class="scenario-form" novalidate=true autocomplete="off" {onsubmit} {onfocusout} {onchange}>
                            { for fields }
                        </form>
                    </section>
                    <section class="pane plan-pane" aria-labelledby={if showing_existing { "existing-heading" } else { "plan-heading" }}>
                        { view_tabs }
                        <div id="view-panel-plan" class="view-panel" role={(!embed).then_some("tabpanel")}
                            aria-labelledby={(!embed).then_some("view-plan")} hidden={showing_existing}>
                            <h3 id="plan-heading" class="pane-heading" tabindex="-1">{ page_strings.plan_heading }</h3>
                            <PlanStatus />
                            <StepList ticks={(*ticks).clone()} {on_tick} />
                            { download_all }
                            <ArtifactTabs />
                        </div>
                        { existing_view }
                    </section>
                </div>
                <PrintRunbook ticks={(*ticks).clone()} />
            </main>
        </ContextProvider<VisitsHandle>>
        </ContextProvider<FormFindings>>
        </ContextProvider<PlanContext>>
        </ContextProvider<FormHandle>>
    }
}

/// Plan | Check an existing setup, as WAI-ARIA tabs: one Tab stop, Left and Right (and Home
/// and End) move between them and select.
fn view_tabs(view: &UseStateHandle<View>, lang: Lang) -> Html {
    let page_strings = strings::scenario_strings(lang);
    let access = strings::existing_strings(lang);
    let tabs = [
        (View::Plan, page_strings.plan_heading),
        (View::Existing, access.mode_existing),
    ];
    let buttons = tabs.iter().map(|&(tab, label)| {
        let selected = **view == tab;
        let onclick = {
            let view = view.clone();
            Callback::from(move |_: MouseEvent| view.set(tab))
        };
        let onkeydown = {
            let view = view.clone();
            Callback::from(move |event: KeyboardEvent| {
                if event.alt_key() || event.ctrl_key() || event.meta_key() {
                    return;
                }
                let target = match (event.key().as_str(), tab) {
                    ("ArrowRight" | "ArrowLeft", View::Plan) | ("End", _) => View::Existing,
                    ("ArrowRight" | "ArrowLeft", View::Existing) | ("Home", _) => View::Plan,
                    _ => return,
                };
                event.prevent_default();
                browser::focus(&format!("view-{}", target.id()));
                view.set(target);
            })
        };
        html! {
            <button
                type="button"
                role="tab"
                class="tab view-tab"
                id={format!("view-{}", tab.id())}
                data-view={tab.id()}
                aria-selected={if selected { "true" } else { "false" }}
                aria-controls={format!("view-panel-{}", tab.id())}
                tabindex={if selected { "0" } else { "-1" }}
                {onclick}
                {onkeydown}
            >
                { label }
            </button>
        }
    });
    html! {
        <div class="tabs view-tabs" role="tablist" aria-label={access.modes_label}>
            { for buttons }
        </div>
    }
}

/// After a change: readies the draft for writing (never while a credential is present), and
/// drops a link payload from the address bar once the form no longer matches it.
fn keep(
    id: &'static str,
    embed: bool,
    form: &Form,
    plan: &Plan,
    baseline: &Rc<RefCell<Form>>,
    pending_draft: &Rc<RefCell<Option<String>>>,
) {
    if *baseline.borrow() == *form {
        return;
    }
    *baseline.borrow_mut() = form.clone();
    let hash = current_hash();
    if share_param(&hash).is_some() {
        let route = if embed {
            Route::Embed(id.to_owned())
        } else {
            Route::Scenario(id.to_owned())
        };
        let _ = browser::replace_fragment(&route.href());
    }
    *pending_draft.borrow_mut() = if embed || plan.has_credential() {
        None
    } else {
        serde_json::to_string(&plan.inputs).ok()
    };
}

fn page_actions(state: &ClearState, plan: &PlanContext, lang: Lang) -> Html {
    let page_strings = strings::scenario_strings(lang);
    let (spec, form, link_status) = (state.spec, &state.form, &state.link_status);
    let on_clear = state.on_clear();
    let on_link = {
        let visits = state.visits.clone();
        let baseline = state.baseline.clone();
        let plan = plan.clone();
        let state = (**form).clone();
        let link_status = link_status.clone();
        Callback::from(move |_: MouseEvent| {
            // Asking for a link is asking for the result: say what is still missing.
            visits.dispatch(VisitAction::All);
            let done = {
                let link_status = link_status.clone();
                let state = state.clone();
                move |status| link_status.set(Some((state, status)))
            };
            if plan.has_credential() {
                done(LinkStatus::Credential);
                return;
            }
            let payload = match share::encode(&plan.inputs) {
                Ok(payload) => payload,
                Err(ShareError::Credential) => return done(LinkStatus::Credential),
                Err(_) => return done(LinkStatus::Refused),
            };
            let fragment = format!("{}?s={payload}", Route::Scenario(spec.id.to_owned()).href());
            // The address bar now matches the form: the next change drops the payload again.
            *baseline.borrow_mut() = state.clone();
            let Some(url) = browser::replace_fragment(&fragment) else {
                return done(LinkStatus::CopyFailed);
            };
            yew::platform::spawn_local(async move {
                let copied = browser::copy_text(&url).await;
                done(if copied {
                    LinkStatus::Copied
                } else {
                    LinkStatus::CopyFailed
                });
            });
        })
    };
    let status = link_status
        .as_ref()
        .filter(|(state, _)| state == &**form)
        .map(|(_, status)| match status {
            LinkStatus::Copied => html! { <span class="copy-ok link-ok">{ page_strings.link_copied }</span> },
            LinkStatus::CopyFailed => html! { <span class="copy-failed">{ page_strings.link_copy_failed }</span> },
            LinkStatus::Credential => html! { <span class="copy-failed link-refused" data-reason="credential">{ page_strings.link_refused_credential }</span> },
            LinkStatus::Refused => html! { <span class="copy-failed link-refused" data-reason="too-long">{ page_strings.link_refused }</span> },
        });
    html! {
        <div class="page-actions">
            <button type="button" id="copy-link" class="copy-button" onclick={on_link}>{ page_strings.copy_link }</button>
            <button type="button" id="clear-draft" class="copy-button" onclick={on_clear}>{ page_strings.clear_draft }</button>
            <span id="link-status" class="link-status" role="status" aria-live="polite">{ status }</span>
        </div>
    }
}

/// What Clear took away: the form as it was and the steps ticked done.
#[derive(Debug, Clone, PartialEq)]
struct Cleared {
    form: Form,
    ticks: BTreeSet<usize>,
    /// The form right after clearing: Undo is offered while the form still equals it.
    fresh: Form,
}

/// Everything Clear and Undo change.
struct ClearState {
    spec: &'static ScenarioSpec,
    form: FormHandle,
    link_status: UseStateHandle<Option<(Form, LinkStatus)>>,
    show_notice: UseStateHandle<bool>,
    baseline: Rc<RefCell<Form>>,
    ticks: UseStateHandle<BTreeSet<usize>>,
    pending_draft: Rc<RefCell<Option<String>>>,
    cleared: UseStateHandle<Option<Cleared>>,
    visits: VisitsHandle,
}

impl ClearState {
    /// Clear: forgets the draft and the ticks and starts the form afresh, keeping what it
    /// took away in memory so that Undo can put it back.
    fn on_clear(&self) -> Callback<MouseEvent> {
        let spec = self.spec;
        let form = self.form.clone();
        let link_status = self.link_status.clone();
        let show_notice = self.show_notice.clone();
        let baseline = self.baseline.clone();
        let ticks = self.ticks.clone();
        let pending_draft = self.pending_draft.clone();
        let cleared = self.cleared.clone();
        let visits = self.visits.clone();
        Callback::from(move |_: MouseEvent| {
            visits.dispatch(VisitAction::Forget);
            let fresh = Form::new(spec);
            cleared.set(Some(Cleared {
                form: (*form).clone(),
                ticks: (*ticks).clone(),
                fresh: fresh.clone(),
            }));
            pending_draft.borrow_mut().take();
            prefs::clear_draft(spec.id);
            prefs::clear_ticks(spec.id);
            ticks.set(BTreeSet::new());
            show_notice.set(false);
            *baseline.borrow_mut() = fresh.clone();
            if share_param(&current_hash()).is_some() {
                let _ = browser::replace_fragment(&Route::Scenario(spec.id.to_owned()).href());
            }
            link_status.set(None);
            form.dispatch(FormAction::Reset(fresh));
        })
    }

    /// Undo: the form and the ticks as they were before Clear; the draft is written again
    /// the next time the person leaves a field or the page, as any change is.
    fn on_undo(&self, was: Cleared) -> Callback<MouseEvent> {
        let spec = self.spec;
        let form = self.form.clone();
        let ticks = self.ticks.clone();
        let cleared = self.cleared.clone();
        Callback::from(move |_: MouseEvent| {
            prefs::save_ticks(spec.id, &was.ticks);
            ticks.set(was.ticks.clone());
            cleared.set(None);
            form.dispatch(FormAction::Reset(was.form.clone()));
            browser::focus("clear-draft");
        })
    }
}

/// After Clear: what it did, with Undo, for as long as the form is still clear.
fn clear_status(state: &ClearState, lang: Lang) -> Html {
    let Some(was) = state
        .cleared
        .as_ref()
        .filter(|was| was.fresh == *state.form)
        .cloned()
    else {
        return html! { <p id="clear-status" class="clear-status" role="status" aria-live="polite"></p> };
    };
    let page_strings = strings::scenario_strings(lang);
    let onclick = state.on_undo(was.clone());
    html! {
        <p id="clear-status" class="clear-status hint" role="status" aria-live="polite">
            <span class="clear-status-text">{ strings::cleared(was.ticks.len(), lang) }</span>
            <button type="button" id="undo-clear" class="copy-button" {onclick}>{ page_strings.undo_clear }</button>
        </p>
    }
}
