//! Every registry of codes, walked whole: the lint rules (`rules::RULES`, `rules::DOCS`) and
//! the plan codes (`plan::codes::PLAN_CODES`). Codes are unique and sorted, each is
//! documented, each fires in a fixture with the severity it is registered with, and nothing
//! fires that is not registered. The generated references, `docs/rules.md` and
//! `docs/plan-codes.md`, are what the registries say (`UPDATE_SNAPSHOTS=1` rewrites them).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

mod common;

use ramplan_core::plan::codes::{self, Reporter, PLAN_CODES};
use ramplan_core::plan::{self, SCENARIOS};
use ramplan_core::rules::{DOCS, RULES};
use ramplan_core::{render, Lang, Severity};

fn assert_sorted_unique(codes: &[&str], what: &str) {
    let mut sorted = codes.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted.as_slice(), "{what} must be unique and sorted");
}

fn assert_generated(relative: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{relative} is out of date: run `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test registries`"
    );
}

#[test]
fn lint_rules_are_one_sorted_documented_list() {
    let codes: Vec<&str> = RULES.iter().map(|r| r.meta.code).collect();
    assert_sorted_unique(&codes, "rule codes");
    let docs: Vec<&str> = DOCS.iter().map(|d| d.code).collect();
    assert_eq!(codes, docs, "DOCS must follow RULES");
    let mut names: Vec<&str> = RULES.iter().map(|r| r.meta.name).collect();
    names.sort_unstable();
    let count = names.len();
    names.dedup();
    assert_eq!(names.len(), count, "rule names must be unique");
    for (rule, docs) in RULES.iter().zip(DOCS) {
        assert!(rule.meta.code.starts_with("RP"), "{}", rule.meta.code);
        assert!(rule.meta.summary.ends_with('.'), "{}", rule.meta.code);
        assert!(!docs.why.is_empty(), "{} has no why", rule.meta.code);
    }
    // Each rule firing in its fixtures is `tests/rules.rs`.
    assert_generated("docs/rules.md", &render::rules_markdown());
}

#[test]
fn plan_codes_are_one_sorted_documented_list() {
    let codes: Vec<&str> = PLAN_CODES.iter().map(|c| c.code).collect();
    assert_sorted_unique(&codes, "plan codes");
    for code in PLAN_CODES {
        assert!(
            code.code.len() == 5 && code.code.starts_with("PL"),
            "{}",
            code.code
        );
        assert!(code.summary.ends_with('.'), "{}: summary", code.code);
        assert!(!code.also.contains(&code.severity), "{}: also", code.code);
        if let Reporter::Scenario(id) = code.reporter {
            assert!(
                SCENARIOS.iter().any(|s| s.id == id),
                "{}: no scenario `{id}`",
                code.code
            );
        }
        assert!(codes::plan_code(code.code).is_some());
    }
    assert_generated("docs/plan-codes.md", &codes::markdown());
}

/// Every finding the fixtures produce, as (code, severity, scenario).
fn fired() -> BTreeSet<(&'static str, Severity, String)> {
    let mut fired = BTreeSet::new();
    for (id, path) in common::scenario_inputs() {
        let input = fs::read_to_string(&path).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let plan = plan::plan(&id, &input, lang).unwrap();
            for f in plan.findings {
                fired.insert((f.code, f.severity, id.clone()));
            }
        }
    }
    for case in common::existing_cases() {
        let report =
            plan::check_existing(&case.scenario, &case.input, &case.documents, Lang::En).unwrap();
        for f in report.input_findings.into_iter().chain(report.findings) {
            fired.insert((f.code, f.severity, case.scenario.clone()));
        }
    }
    fired
}

#[test]
fn every_plan_code_fires_in_a_fixture_as_registered() {
    let fired = fired();
    let mut problems = Vec::new();
    for (code, severity, scenario) in &fired {
        let Some(entry) = codes::plan_code(code) else {
            problems.push(format!(
                "{code} fires ({scenario}) but is not in PLAN_CODES"
            ));
            continue;
        };
        if entry.retired {
            problems.push(format!("{code} is retired but fires ({scenario})"));
        }
        if entry.severity != *severity && !entry.also.contains(severity) {
            problems.push(format!(
                "{code} fires as {} ({scenario}), registered as {}",
                severity.as_str(),
                entry.severity.as_str()
            ));
        }
        if let Reporter::Scenario(id) = entry.reporter {
            if id != scenario {
                problems.push(format!("{code} is `{id}`'s but fires in `{scenario}`"));
            }
        }
    }
    for entry in PLAN_CODES {
        // The plan's self-checks fire only when ramplan itself is wrong: `plan::verify`'s own
        // tests break a generated document on purpose to see them.
        if entry.retired || entry.reporter == Reporter::Plan {
            continue;
        }
        for severity in std::iter::once(&entry.severity).chain(entry.also) {
            if !fired
                .iter()
                .any(|(c, s, _)| *c == entry.code && s == severity)
            {
                problems.push(format!(
                    "{} ({}) fires in no fixture under tests/fixtures/scenarios or tests/fixtures/existing",
                    entry.code,
                    severity.as_str()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
