//! PLACEHOLDER to be replaced by the scenario's implementation (scaffolding, not done).

use crate::plan::input::Inputs;
use crate::plan::Builder;

use super::ScenarioSpec;

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "dataworks-di",
    title_en: "dataworks-di",
    title_zh: "dataworks-di",
    summary_en: "",
    summary_zh: "",
    source: "",
    fields: &[],
    build,
};

fn build(_inputs: &Inputs, _b: &mut Builder) {}
