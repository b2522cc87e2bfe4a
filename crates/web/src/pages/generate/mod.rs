//! Least privilege from ActionTrail (`#/generate`): drop or pick ActionTrail event files and
//! read, for each identity in them, the policy covering the calls it made, with Copy and
//! Download, why each action is there, the linter's findings and what was left out. The
//! files are read in the page and go nowhere; the core reads and generates.

pub mod strings;

use std::rc::Rc;

use ramplan_core::generate::{self, Generated, IdentityPolicy, Options, ReadError};
use ramplan_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::catalogue::CatalogueState;
use crate::i18n;
use crate::state::PageHandle;
use crate::widgets::copy_download::CopyDownload;
use crate::widgets::finding_item::FindingItem;
use crate::widgets::jump::Jump;

use strings::generate_strings;

/// The files read so far, compared by identity: a new list is a new value.
#[derive(Clone, Default)]
struct Files(Rc<Vec<(String, Vec<u8>)>>);

impl PartialEq for Files {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// One action per intent: files arrive, or the person removes them all.
enum FilesAction {
    Add(Vec<(String, Vec<u8>)>),
    Clear,
}

#[derive(Default, PartialEq)]
struct FilesState {
    files: Files,
}

impl Reducible for FilesState {
    type Action = FilesAction;

    fn reduce(self: Rc<Self>, action: FilesAction) -> Rc<Self> {
        let files = match action {
            FilesAction::Add(added) => {
                let mut all: Vec<(String, Vec<u8>)> = self.files.0.as_ref().clone();
                // A file dropped again replaces the earlier copy of the same name.
                for (name, bytes) in added {
                    all.retain(|(existing, _)| *existing != name);
                    all.push((name, bytes));
                }
                all
            }
            FilesAction::Clear => Vec::new(),
        };
        Rc::new(FilesState {
            files: Files(Rc::new(files)),
        })
    }
}

/// What the options and files give: the policies, or why there are none.
#[derive(PartialEq)]
enum Outcome {
    NoFiles,
    Option(String),
    Unreadable(Vec<ReadError>),
    Generated(Box<Generated>),
}

/// The files as read, once per set of files: a change of the options only generates again.
#[derive(Clone)]
struct ReadFiles(Rc<Result<generate::Read, Vec<ReadError>>>, usize);

impl PartialEq for ReadFiles {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

type Inputs = (
    ReadFiles,
    String,
    String,
    String,
    String,
    bool,
    Lang,
    CatalogueState,
);

fn compute(inputs: &Inputs) -> Outcome {
    let (read, since, until, identity, collapse, read_only, lang, _) = inputs;
    if read.1 == 0 {
        return Outcome::NoFiles;
    }
    let some = |s: &String| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let collapse_above = match collapse.trim() {
        "" => None,
        text => match text.parse::<usize>() {
            Ok(n) => Some(n),
            Err(_) => {
                return Outcome::Option(
                    lang.pick(
                        "The collapse limit must be a whole number.",
                        "合并上限必须是整数。",
                    )
                    .to_owned(),
                )
            }
        },
    };
    let options = Options {
        since: some(since),
        until: some(until),
        identity: some(identity),
        collapse_above,
        read_only: *read_only,
        lang: *lang,
    };
    if let Err(error) = generate::check_options(&options) {
        return Outcome::Option(error.message);
    }
    match read.0.as_ref() {
        Ok(events) => Outcome::Generated(Box::new(generate::generate(events, read.1, &options))),
        Err(errors) => Outcome::Unreadable(errors.clone()),
    }
}

#[component]
pub fn GeneratePage() -> Html {
    let files = use_reducer(FilesState::default);
    let since = use_state(String::new);
    let until = use_state(String::new);
    let identity = use_state(String::new);
    let collapse = use_state(String::new);
    let read_only = use_state(|| false);
    let reading = use_state(|| 0usize);
    let dragging = use_state(|| false);
    let page = use_context::<PageHandle>();
    let lang = page.as_ref().map_or(Lang::En, |p| p.lang);
    let catalogue = page
        .as_ref()
        .map_or(CatalogueState::Loading, |p| p.catalogue.clone());
    // Derived, never stored: the files are read when they change, and the policies are
    // generated again when they, an option, the language or the catalogue change.
    let read = use_memo(files.files.clone(), |files| {
        ReadFiles(Rc::new(generate::read_files(&files.0)), files.0.len())
    });
    let outcome = use_memo(
        (
            (*read).clone(),
            (*since).clone(),
            (*until).clone(),
            (*identity).clone(),
            (*collapse).clone(),
            *read_only,
            lang,
            catalogue.clone(),
        ),
        compute,
    );
    let Some(page) = page else {
        return Html::default();
    };
    let strings = i18n::strings(page.lang);
    let s = generate_strings(page.lang);

    let add_files = {
        let files = files.dispatcher();
        let reading = reading.clone();
        Callback::from(move |list: web_sys::FileList| {
            let files = files.clone();
            let reading = reading.clone();
            let picked: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            if picked.is_empty() {
                return;
            }
            reading.set(*reading + 1);
            yew::platform::spawn_local(async move {
                let mut added = Vec::new();
                for file in picked {
                    if let Ok(buffer) = JsFuture::from(file.array_buffer()).await {
                        added.push((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
                    }
                }
                files.dispatch(FilesAction::Add(added));
                reading.set(0);
            });
        })
    };
    let on_pick = {
        let add_files = add_files.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(list) = input.files() {
                add_files.emit(list);
            }
            // The same file can be picked again after it was removed.
            input.set_value("");
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(list) = event.data_transfer().and_then(|d| d.files()) {
                add_files.emit(list);
            }
        })
    };
    let on_clear = {
        let files = files.dispatcher();
        Callback::from(move |_: MouseEvent| files.dispatch(FilesAction::Clear))
    };
    let text_input = |id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      value: &UseStateHandle<String>,
                      placeholder: &'static str| {
        let setter = value.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                setter.set(input.value());
            }
        });
        let hint_id = format!("{id}-hint");
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input type="text" {id} value={(**value).clone()} {oninput} {placeholder}
                    aria-describedby={hint_id.clone()} spellcheck="false" autocomplete="off" />
                <p id={hint_id} class="hint">{ hint }</p>
            </div>
        }
    };
    let on_read_only = {
        let read_only = read_only.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                read_only.set(input.checked());
            }
        })
    };
    let file_list = if files.files.0.is_empty() {
        html! { <p id="generate-no-files" class="hint">{ s.no_files }</p> }
    } else {
        html! {
            <>
                <ul id="generate-file-list" class="generate-files">
                    { for files.files.0.iter().map(|(name, bytes)| html! {
                        <li data-file={name.clone()}>{ format!("{name} ({} B)", bytes.len()) }</li>
                    }) }
                </ul>
                <button type="button" id="generate-clear" onclick={on_clear}>{ s.clear }</button>
            </>
        }
    };
    let catalogue_note = matches!(page.catalogue, CatalogueState::Loading).then(|| {
        html! { <p id="catalogue-note" class="plain-note" role="status">{ s.catalogue_loading }</p> }
    });
    let reading_note = (*reading > 0).then(
        || html! { <p id="generate-reading" class="plain-note" role="status">{ s.reading }</p> },
    );
    html! {
        <main class="generate">
            <nav class="breadcrumb"><a href="#/">{ strings.nav_home }</a></nav>
            <h2 id="generate-heading" class="home-heading">{ s.heading }</h2>
            <p class="hint">{ s.intro }</p>
            <p class="hint">{ s.privacy }</p>
            { jump(&outcome, page.lang) }
            <div class="workspace">
                <section class="pane" aria-labelledby="generate-files-heading">
                    <h3 id="generate-files-heading" class="pane-heading">{ s.files_heading }</h3>
                    <div id="generate-drop" class={classes!("drop-zone", dragging.then_some("dragging"))}
                        ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
                        <p class="drop-label">{ s.drop_label }</p>
                        <label for="generate-files" class="pick-label">{ s.pick }</label>
                        <input type="file" id="generate-files" multiple=true
                            accept=".json,.jsonl,.txt,.log,application/json" onchange={on_pick}
                            aria-describedby="generate-drop-hint" />
                        <p id="generate-drop-hint" class="hint">{ s.drop_hint }</p>
                    </div>
                    { reading_note }
                    { file_list }
                    <h3 class="pane-heading">{ s.options_heading }</h3>
                    { text_input("generate-since", s.since, s.time_hint, &since, "2026-11-01T00:00:00Z") }
                    { text_input("generate-until", s.until, s.time_hint, &until, "2026-11-30T23:59:59Z") }
                    { text_input("generate-identity", s.identity, s.identity_hint, &identity, "ram-user/alice") }
                    { text_input("generate-collapse", s.collapse_above, s.collapse_hint, &collapse, "10") }
                    <div class="field checkbox-field">
                        <input type="checkbox" id="generate-read-only" checked={*read_only} onchange={on_read_only} />
                        <label for="generate-read-only">{ s.read_only }</label>
                    </div>
                </section>
                <section class="pane" aria-labelledby="generate-results-heading">
                    <h3 id="generate-results-heading" class="pane-heading" tabindex="-1">{ s.results_heading }</h3>
                    { catalogue_note }
                    { results(&outcome, page.lang) }
                </section>
            </div>
        </main>
    }
}

/// On a narrow screen, where the policies come after the files: how many, and a way there.
fn jump(outcome: &Outcome, lang: Lang) -> Html {
    let s = generate_strings(lang);
    let (text, state) = match outcome {
        Outcome::NoFiles => (s.prompt.to_owned(), "not-ready"),
        Outcome::Option(message) => (message.clone(), "errors"),
        Outcome::Unreadable(_) => (
            s.unreadable.trim_end_matches([':', '：']).to_owned(),
            "errors",
        ),
        Outcome::Generated(generated) => {
            let documents: usize = generated.identities.iter().map(|i| i.policies.len()).sum();
            (
                lang.pick(
                    format!(
                        "{} identity(ies), {documents} policy document(s).",
                        generated.identities.len()
                    ),
                    format!(
                        "{} 个身份，{documents} 个策略文档。",
                        generated.identities.len()
                    ),
                ),
                "ready",
            )
        }
    };
    html! {
        <Jump id="generate-jump" {text} label={s.go_to_results} target="generate-results-heading" {state} />
    }
}

fn results(outcome: &Outcome, lang: Lang) -> Html {
    let s = generate_strings(lang);
    match outcome {
        Outcome::NoFiles => html! { <p id="generate-prompt" class="hint">{ s.prompt }</p> },
        Outcome::Option(message) => {
            html! { <p id="generate-error" class="finding-error" role="alert">{ message.clone() }</p> }
        }
        Outcome::Unreadable(errors) => html! {
            <div id="generate-error" role="alert">
                <p>{ s.unreadable }</p>
                <ul>
                    { for errors.iter().map(|e| html! {
                        <li data-file={e.source.clone()}>
                            { format!("{}: {}", e.source, e.message) }
                            { for e.help.iter().map(|h| html! { <span class="hint">{ format!(" ({h})") }</span> }) }
                        </li>
                    }) }
                </ul>
            </div>
        },
        Outcome::Generated(generated) => {
            let summary = lang.pick(
                format!(
                    "{} event(s) read; {} successful API call(s) used; {} identity(ies).",
                    generated.summary.events_read,
                    generated.summary.events_used,
                    generated.identities.len()
                ),
                format!(
                    "读取 {} 个事件；使用 {} 次成功的 API 调用；{} 个身份。",
                    generated.summary.events_read,
                    generated.summary.events_used,
                    generated.identities.len()
                ),
            );
            html! {
                <>
                    <p id="generate-summary" role="status"
                        data-identities={generated.identities.len().to_string()}>{ summary }</p>
                    if !generated.notes.is_empty() {
                        <ul id="generate-notes" class="plain-note">
                            { for generated.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                        </ul>
                    }
                    if generated.identities.is_empty() {
                        <p id="generate-none" class="hint">{ s.no_identity }</p>
                    }
                    { for generated.identities.iter().enumerate().map(|(i, p)| identity_policy(i, p, lang)) }
                    if !generated.left_out.is_empty() {
                        <h4>{ s.left_out_heading }</h4>
                        <ul id="generate-left-out">
                            { for generated.left_out.iter().map(|l| html! {
                                <li data-count={l.count.to_string()}>
                                    { format!("{} × {}", l.reason, l.count) }
                                    if !l.examples.is_empty() {
                                        <span class="hint">{ format!(" ({})", l.examples.join(", ")) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    }
                </>
            }
        }
    }
}

fn identity_policy(index: usize, policy: &IdentityPolicy, lang: Lang) -> Html {
    let s = generate_strings(lang);
    let heading_id = format!("generate-identity-{index}");
    let filename: String = policy
        .id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let owner = if policy.account.is_empty() {
        String::new()
    } else {
        lang.pick(
            format!(", account {}", policy.account),
            format!("，账号 {}", policy.account),
        )
    };
    html! {
        <section class="generated-policy" data-identity={policy.id.clone()} aria-labelledby={heading_id.clone()}>
            <h4 id={heading_id}>{ policy.id.clone() }</h4>
            <p class="hint">{ format!("{} {}{owner} · {} – {}", policy.calls, s.calls, policy.first_call, policy.last_call) }</p>
            { for policy.policies.iter().enumerate().map(|(part, document)| {
                let many = policy.policies.len() > 1;
                let name = if many {
                    format!("ramplan-{filename}-{}.json", part + 1)
                } else {
                    format!("ramplan-{filename}.json")
                };
                html! {
                    <div class="generated-part" data-part={(part + 1).to_string()}>
                        if many {
                            <h5>{ lang.pick(
                                format!("Policy {} of {}", part + 1, policy.policies.len()),
                                format!("策略 {} / {}", part + 1, policy.policies.len()),
                            ) }</h5>
                        }
                        <CopyDownload id={format!("generate-policy-{index}-{part}")} text={Rc::<str>::from(document.policy.as_str())}
                            filename={Some(AttrValue::from(name))} />
                        <pre class="policy-text" tabindex="0"><code>{ document.policy.clone() }</code></pre>
                        <details class="generate-why">
                            <summary>{ s.explanation }</summary>
                            <ul>
                                { for document.statements.iter().flat_map(|st| st.why.iter()).map(|w| html! { <li>{ w.clone() }</li> }) }
                            </ul>
                        </details>
                        if document.findings.is_empty() {
                            <p class="lint-clean hint">{ s.lint_clean }</p>
                        } else {
                            <ul class="findings">
                                { for document.findings.iter().map(|f| html! { <FindingItem finding={f.clone()} /> }) }
                            </ul>
                        }
                    </div>
                }
            }) }
            if !policy.notes.is_empty() {
                <ul class="plain-note">
                    { for policy.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                </ul>
            }
        </section>
    }
}
