//! Templates: pick one, fill in its parameters (checked by the core, help in the page's
//! language), read what each statement does, then replace the policy or add its statements.

use std::rc::Rc;

use ramplan_core::builder::templates::{self, ParamKind, TEMPLATES};
use ramplan_core::builder::Explanation;
use ramplan_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::strings;
use crate::i18n;
use crate::pages::builder::insert::BuilderInsert;
use crate::pages::builder::OnEdit;
use crate::state::PageHandle;
use crate::widgets::finding_item::with_code;

#[derive(Properties, PartialEq)]
pub struct BuilderTemplatesProps {
    pub on_edit: OnEdit,
}

#[component]
pub fn BuilderTemplates(props: &BuilderTemplatesProps) -> Html {
    let chosen = use_state(|| TEMPLATES.first().map_or("", |t| t.id));
    // The parameters as typed, by name; a parameter not here takes its default.
    let typed = use_state(Vec::<(&'static str, String)>::new);
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = strings::builder_strings(lang);
    let Some(template) = templates::template(&chosen).or(TEMPLATES.first()) else {
        return Html::default();
    };
    let value_of = |name: &str, default: Option<&str>| -> String {
        typed
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| default.unwrap_or_default().to_owned())
    };
    let params: Vec<(&str, String)> = template
        .params
        .iter()
        .map(|p| (p.name, value_of(p.name, p.default)))
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    let pairs: Vec<(&str, &str)> = params.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let rendered = template.render_explained(&pairs);
    let errors = rendered.as_ref().err().cloned().unwrap_or_default();

    let on_template = {
        let chosen = chosen.clone();
        let typed = typed.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                if let Some(t) = templates::template(&select.value()) {
                    chosen.set(t.id);
                    typed.set(Vec::new());
                }
            }
        })
    };
    let set = {
        let typed = typed.clone();
        move |name: &'static str, value: String| {
            let mut next: Vec<(&'static str, String)> =
                typed.iter().filter(|(n, _)| *n != name).cloned().collect();
            next.push((name, value));
            typed.set(next);
        }
    };
    let fields = template.params.iter().map(|param| {
        let input_id = format!("template-param-{}", param.name);
        let value = value_of(param.name, param.default);
        // An empty required field is not an error yet, only unfinished.
        let error = errors
            .iter()
            .find(|e| e.param == param.name)
            .filter(|_| !value.trim().is_empty())
            .map(|e| e.message(lang).to_owned());
        let help_id = format!("{input_id}-help");
        let error_id = format!("{input_id}-error");
        let described = if error.is_some() {
            format!("{help_id} {error_id}")
        } else {
            help_id.clone()
        };
        let name = param.name;
        let control = match param.kind {
            ParamKind::Bool => {
                let set = set.clone();
                let onchange = Callback::from(move |event: Event| {
                    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                        set(name, input.checked().to_string());
                    }
                });
                html! {
                    <input id={input_id.clone()} type="checkbox" checked={value == "true"} aria-describedby={described} {onchange} />
                }
            }
            ParamKind::Choice(choices) => {
                let set = set.clone();
                let onchange = Callback::from(move |event: Event| {
                    if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                        set(name, select.value());
                    }
                });
                let options = choices.iter().map(|c| html! {
                    <option value={*c} selected={*c == value}>{ *c }</option>
                });
                html! {
                    <select id={input_id.clone()} aria-describedby={described} {onchange}>{ for options }</select>
                }
            }
            _ => {
                let set = set.clone();
                let oninput = Callback::from(move |event: InputEvent| {
                    if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                        set(name, input.value());
                    }
                });
                html! {
                    <input
                        id={input_id.clone()}
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder={param.example}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={described}
                        {value}
                        {oninput}
                    />
                }
            }
        };
        html! {
            <div class="template-param" data-param={param.name}>
                <label for={input_id} class="field-label">
                    <code>{ param.name }</code>
                    if param.default.is_none() { { format!(" ({})", i18n::strings(lang).required) } }
                </label>
                { control }
                <p id={help_id} class="hint">{ with_code(lang.pick(param.help_en, param.help_zh)) }</p>
                if let Some(error) = error {
                    <p id={error_id} class="field-error">{ with_code(&error) }</p>
                }
            </div>
        }
    });
    let options = TEMPLATES.iter().map(|t| {
        html! { <option value={t.id} selected={t.id == template.id}>{ t.title(lang) }</option> }
    });
    let (doc, explanations) = match &rendered {
        Ok(r) => (Some(Rc::new(r.doc.clone())), r.explanations.clone()),
        Err(_) => (None, Vec::new()),
    };
    let sources = template
        .sources
        .iter()
        .map(|s| html! { <li><code>{ *s }</code></li> });
    html! {
        <section id="templates" class="builder-helper" aria-labelledby="templates-heading" data-template={template.id}>
            <h3 id="templates-heading" class="helper-heading">{ strings.templates_heading }</h3>
            <span class="card-field">
                <label for="template" class="field-label">{ strings.template }</label>
                <select id="template" onchange={on_template}>{ for options }</select>
            </span>
            <p class="hint">{ with_code(template.description(lang)) }</p>
            { for fields }
            { explanation_list("template-explanations", &explanations, lang) }
            <details class="helper-sources">
                <summary>{ strings.template_sources }</summary>
                <ul>{ for sources }</ul>
            </details>
            <BuilderInsert
                id="template"
                {doc}
                replace_label={strings.replace_policy}
                confirm={strings.confirm_replace}
                append=true
                reveal={AttrValue::from("builder-result")}
                on_edit={props.on_edit.clone()}
            />
        </section>
    }
}

/// One sentence per statement a template or helper adds, with its source and whether the
/// source confirms it.
pub fn explanation_list(id: &'static str, explanations: &[Explanation], lang: Lang) -> Html {
    if explanations.is_empty() {
        return Html::default();
    }
    let strings = strings::builder_strings(lang);
    let items = explanations.iter().map(|e| {
        html! {
            <li class="explanation" data-statement={e.statement.to_string()} data-confirmed={e.confirmed.to_string()}>
                <span class="explanation-number">{ strings::statement_number(e.statement + 1, lang) }{ lang.pick(": ", "：") }</span>
                { with_code(e.text(lang)) }
                if !e.confirmed {
                    <strong class="explanation-unconfirmed">{ format!(" ({})", strings.not_confirmed) }</strong>
                }
                <span class="explanation-source">{ format!("{}{}", strings.source, lang.pick(": ", "：")) }<code>{ e.source }</code></span>
            </li>
        }
    });
    html! {
        <div class="explanations">
            <h4 class="explanations-heading">{ strings.explanations }</h4>
            <ol {id} class="explanation-list">{ for items }</ol>
        </div>
    }
}
