//! ramplan's core: the RAM policy model, parser, lint rules and catalogue.
//!
//! No I/O, no clock, no browser: the same code runs in the CLI and in WebAssembly.

pub mod api;
pub mod arn;
pub mod builder;
pub mod bundle;
pub mod catalogue;
pub mod condition;
pub mod explain;
pub mod export;
pub mod finding;
pub mod format;
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
pub mod wildcard;

pub use finding::{Finding, Lang, Severity};
pub use lint::{lint, KindChoice, LintOptions, LintReport};
pub use policy::PolicyKind;
pub use simulate::{simulate, simulate_trust};
