//! ramplan's core: everything the CLI, the page and the embed show.
//!
//! It parses and lints RAM permission, trust and OSS bucket policies against a catalogue of
//! Alibaba Cloud services, simulates requests, builds policies from forms, turns scenarios
//! (cross-account DataWorks, EMR, MaxCompute, Hologres) into plans with steps, artifacts and
//! checks of an existing set-up, and renders findings and exports. Surfaces call it through
//! [`api`]: one JSON call, one JSON answer.
//!
//! No I/O, no clock, no browser: the same code runs in the CLI and in WebAssembly.

pub mod api;
pub mod arn;
pub mod builder;
pub mod bundle;
pub mod catalogue;
pub mod condition;
pub mod diff;
pub mod doctor;
pub mod explain;
pub mod export;
pub mod finding;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod ip;
pub mod iso8601;
pub mod json;
pub mod limits;
pub mod lint;
pub mod placeholder;
pub mod plan;
pub mod policy;
pub mod position;
pub mod principal;
pub mod render;
pub mod rules;
pub mod secrets;
pub mod share;
pub mod simulate;
pub mod sort;
#[cfg(test)]
mod test_rng;
pub mod text;
pub mod wildcard;

pub use finding::{Finding, Lang, Location, Severity};
pub use lint::{lint, KindChoice, LintOptions, LintReport};
pub use policy::PolicyKind;
pub use simulate::{simulate, simulate_trust};
