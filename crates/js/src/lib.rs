//! ramplan for embeds: every function of `ramplan_core::api` as a JavaScript function that
//! takes plain values and returns a plain object, `{type: "success", ...}` or
//! `{type: "failure", errors: [...]}`. Values cross as JSON text, which the core reads and
//! judges; nothing here throws, so an argument JSON cannot express (a `BigInt`, a cycle)
//! is a failure answer like any other. `scripts/build-js.sh` builds the ES module;
//! `js/ramplan.js` is what embeds import, and `js/ramplan.d.ts` types it.

use js_sys::JSON;
use ramplan_core::api::{self, Answer};
use wasm_bindgen::prelude::*;

/// One argument as JSON text; `None` for `undefined` and `null`, which mean "not given".
fn arg(argument: &'static str, value: &JsValue) -> Result<Option<String>, Answer> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let json = JSON::stringify(value).map_err(|error| {
        let reason = error
            .dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()));
        api::unreadable_argument(argument, &reason.unwrap_or_default())
    })?;
    if !json.is_string() {
        return Err(api::unreadable_argument(argument, "it has no JSON form"));
    }
    // UTF-16 units never outnumber UTF-8 bytes: what is refused here the core would refuse
    // too, and it is never copied into WebAssembly memory.
    if json.length() as usize > api::MAX_ARGUMENT_BYTES {
        return Err(api::argument_too_large(argument));
    }
    Ok(json.as_string())
}

/// Binds one core function: each parameter is read by `arg` under its JavaScript name.
macro_rules! bind {
    ($($js:ident => fn $name:ident($($param:ident: $js_param:literal),*);)*) => {$(
        #[wasm_bindgen(js_name = $js)]
        pub fn $name($($param: JsValue),*) -> JsValue {
            let call = || -> Result<Answer, Answer> {
                $(let $param = arg($js_param, &$param)?;)*
                Ok(api::$name($($param.as_deref()),*))
            };
            let answer = call().unwrap_or_else(|refused| refused);
            // The core writes valid JSON; `null` stands in should that ever not hold.
            JSON::parse(&answer.to_json()).unwrap_or(JsValue::NULL)
        }
    )*};
}

bind! {
    scenarios => fn scenarios(options: "options");
    plan => fn plan(scenario_id: "scenarioId", inputs: "inputs", options: "options");
    lint => fn lint(text: "text", options: "options");
    simulate => fn simulate(policies: "policies", request: "request", options: "options");
    simulateTrust => fn simulate_trust(policy: "policy", request: "request", options: "options");
    checkExisting => fn check_existing(
        scenario_id: "scenarioId", inputs: "inputs", documents: "documents", options: "options"
    );
    exportPlan => fn export_plan(
        scenario_id: "scenarioId", inputs: "inputs", format: "format", options: "options"
    );
    convert => fn convert(text: "text", format: "format", options: "options");
    diff => fn diff(old_policies: "old", new_policies: "new", options: "options");
    doctor => fn doctor(text: "text", options: "options");
    generate => fn generate(files: "files", options: "options");
}
