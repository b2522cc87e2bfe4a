//! The diagnosis as the page shows it: who, what, why, the steps with their commands, the
//! proposed statement with its checks and the snippets to attach it, the matching set-ups,
//! and every field the core did not read.

use std::rc::Rc;

use ramplan_core::doctor::Diagnosis;
use yew::prelude::*;

use super::strings;
use crate::state::PageHandle;
use crate::widgets::copy_download::CopyDownload;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub diagnosis: Rc<Diagnosis>,
}

#[component]
pub fn Answer(props: &AnswerProps) -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let s = strings::doctor_strings(page.lang);
    let d = &props.diagnosis;
    let steps = d.steps.iter().enumerate().map(|(i, step)| {
        let command = step.command.as_ref().map(|c| {
            let text: Rc<str> = Rc::from(c.as_str());
            html! {
                <>
                    <pre class="artifact-content" tabindex="0"><code>{ c.clone() }</code></pre>
                    <CopyDownload id={format!("doctor-step-{}", i + 1)} {text} />
                </>
            }
        });
        html! { <li class="doctor-step">{ with_code(&step.text) }{ command }</li> }
    });
    let fix = d.fix.as_ref().map(|fix| {
        let policy: Rc<str> = Rc::from(fix.policy.as_str());
        let checks = fix.checks.iter().map(|c| {
            let decision = c.decision.map(|o| o.label(page.lang)).unwrap_or("?");
            html! {
                <li class={if c.ok { "check-ok" } else { "check-failed" }}>
                    { with_code(&c.about) }{ ": " }<code>{ c.action.clone() }</code>{ " → " }{ decision }
                    { " (" }{ if c.ok { s.check_ok } else { s.check_failed } }{ ")" }
                </li>
            }
        });
        let findings = fix.findings.iter().map(|f| {
            html! { <li class="finding">{ format!("{}[{}]: {}", f.severity.as_str(), f.code, f.message) }</li> }
        });
        let types = (!fix.resource_types.is_empty()).then(|| {
            let rows = fix.resource_types.iter().map(|r| {
                html! { <li><code>{ r.name.clone() }</code>{ " " }<code>{ r.arn.clone() }</code></li> }
            });
            html! { <><h4>{ with_code(s.resource_types) }</h4><ul class="doctor-resource-types">{ for rows }</ul></> }
        });
        let snippet = |id: &str, title: &str, text: &Option<String>, filename: &str| {
            text.as_ref().map(|t| {
                let content: Rc<str> = Rc::from(t.as_str());
                html! {
                    <>
                        <h4>{ title.to_owned() }</h4>
                        <pre id={id.to_owned()} class="artifact-content" tabindex="0"><code>{ t.clone() }</code></pre>
                        <CopyDownload id={id.to_owned()} text={content} filename={AttrValue::from(filename.to_owned())} />
                    </>
                }
            })
        };
        html! {
            <section id="doctor-fix" class="doctor-fix" data-proven={fix.proven.to_string()}>
                <h3>{ s.proposal_heading }</h3>
                <p class="plain-note">{ if fix.proven { s.proven } else { s.not_proven } }</p>
                <pre id="doctor-policy" class="artifact-content" tabindex="0"><code>{ fix.policy.clone() }</code></pre>
                <CopyDownload id="doctor-policy" text={policy} filename={AttrValue::from(format!("{}.json", fix.policy_name))} />
                <ul class="findings">{ for findings }</ul>
                { types }
                <h4>{ s.checks }</h4>
                <ul id="doctor-checks" class="doctor-checks">{ for checks }</ul>
                { snippet("doctor-cli", s.cli, &fix.aliyun_cli, "attach-policy.sh") }
                { snippet("doctor-terraform", s.terraform, &fix.terraform, "main.tf") }
            </section>
        }
    });
    let scenarios = (!d.scenarios.is_empty()).then(|| {
        let items = d.scenarios.iter().map(|m| {
            html! {
                <li class="doctor-scenario" data-scenario={m.id}>
                    <strong>{ m.title.clone() }</strong>{ ": " }{ with_code(&m.why) }{ " " }
                    <a class="doctor-plan-link" href={m.plan_link.clone()}>{ s.open_plan }</a>{ " · " }
                    <a class="doctor-check-link" href={m.check_link.clone()}>{ s.open_check }</a>
                </li>
            }
        });
        html! { <section id="doctor-scenarios"><h3>{ s.scenarios_heading }</h3><ul>{ for items }</ul></section> }
    });
    let others = (!d.other_fields.is_empty()).then(|| {
        let rows = d.other_fields.iter().map(|f| {
            html! { <tr><th scope="row"><code>{ f.key.clone() }</code></th><td>{ f.value.clone() }</td></tr> }
        });
        html! {
            <section id="doctor-other-fields">
                <h3>{ s.other_fields }</h3>
                <table class="doctor-fields"><tbody>{ for rows }</tbody></table>
            </section>
        }
    });
    let notes = d.notes.iter().map(|n| html! { <li>{ with_code(n) }</li> });
    html! {
        <div class="doctor-answer" data-shape={d.shape} data-denial={format!("{:?}", d.denial).to_lowercase()}>
            <dl class="doctor-summary">
                <dt>{ s.who }</dt><dd id="doctor-who">{ with_code(&d.who) }</dd>
                <dt>{ s.what }</dt><dd id="doctor-what">{ with_code(&d.what) }</dd>
                <dt>{ s.why }</dt><dd id="doctor-why">{ with_code(&d.why) }</dd>
            </dl>
            <h3>{ s.steps }</h3>
            <ol id="doctor-steps">{ for steps }</ol>
            { fix }
            { scenarios }
            { others }
            if !d.notes.is_empty() {
                <h3>{ s.notes }</h3>
                <ul id="doctor-notes">{ for notes }</ul>
            }
            <p class="hint">{ s.private }</p>
        </div>
    }
}
