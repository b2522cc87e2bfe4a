//! The home page (`#/`): one card per scenario, in plain words, the policy checker and the
//! policy builder, the doctor ("Why was I denied?") and least privilege from ActionTrail.

use ramplan_core::plan::SCENARIOS;
use yew::prelude::*;

use crate::i18n;
use crate::route::Route;
use crate::state::PageHandle;

#[component]
pub fn Home() -> Html {
    let Some(page) = use_context::<PageHandle>() else {
        return Html::default();
    };
    let lang = page.lang;
    let strings = i18n::strings(lang);
    let builder = crate::pages::builder::strings::builder_strings(lang);
    let doctor = crate::pages::doctor::strings::doctor_strings(lang);
    let generate = crate::pages::generate::strings::generate_strings(lang);
    let cards = SCENARIOS.iter().map(|spec| {
        let href = Route::Scenario(spec.id.to_owned()).href();
        html! {
            <li class="card" data-scenario={spec.id}>
                <a class="card-link" {href}>
                    <h3 class="card-title">{ lang.pick(spec.title_en, spec.title_zh) }</h3>
                    <p class="card-summary">{ lang.pick(spec.summary_en, spec.summary_zh) }</p>
                </a>
            </li>
        }
    });
    html! {
        <main class="home">
            <h2 id="home-heading" class="home-heading">{ strings.home_heading }</h2>
            <p class="hint home-intro">{ strings.home_intro }</p>
            <ul id="cards" class="cards" aria-labelledby="home-heading">
                { for cards }
                <li class="card card-check" data-card="check">
                    <a class="card-link" href={Route::Check.href()}>
                        <h3 class="card-title">{ strings.check_card_title }</h3>
                        <p class="card-summary">{ strings.check_card_summary }</p>
                    </a>
                </li>
                <li class="card card-check" data-card="build">
                    <a class="card-link" href={Route::Build.href()}>
                        <h3 class="card-title">{ builder.card_title }</h3>
                        <p class="card-summary">{ builder.card_summary }</p>
                    </a>
                </li>
                <li class="card card-check" data-card="doctor">
                    <a class="card-link" href={Route::Doctor.href()}>
                        <h3 class="card-title">{ doctor.card_title }</h3>
                        <p class="card-summary">{ doctor.card_summary }</p>
                    </a>
                </li>
                <li class="card card-check" data-card="generate">
                    <a class="card-link" href={Route::Generate.href()}>
                        <h3 class="card-title">{ generate.card_title }</h3>
                        <p class="card-summary">{ generate.card_summary }</p>
                    </a>
                </li>
            </ul>
        </main>
    }
}
