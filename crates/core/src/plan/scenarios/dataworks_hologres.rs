//! PLACEHOLDER to be replaced by the scenario's implementation (scaffolding, not done).

use crate::plan::input::Inputs;
use crate::plan::Builder;

use super::ScenarioSpec;

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "dataworks-hologres",
    title_en: "dataworks-hologres",
    title_zh: "dataworks-hologres",
    summary_en: "",
    summary_zh: "",
    source: "",
    fields: &[],
    build,
};

fn build(_inputs: &Inputs, _b: &mut Builder) {}
