//! Every scenario, in every format and both languages, against golden snapshots; plus
//! properties that hold for any input: no panic, no artifact next to an error, every
//! generated policy lints clean and passes the plan's own simulator checks (and, checked as
//! an existing setup, satisfies its scenario), names agree, no credential ever comes back out.
//!
//! Inputs: `tests/fixtures/scenarios/<id>/{valid,invalid}-*.input.json`. Snapshots sit beside
//! them as `<case>.<lang>.plan.json`, `<case>.<lang>.md` and `<case>.<lang>.sql`.
//! `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test scenarios` rewrites them; review the
//! diff before committing.

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::Lcg;
use ramplan_core::plan::input::{FieldKind, FieldSpec, RecordSpec};
use ramplan_core::plan::{
    self, maxcompute, ArtifactKind, CheckResult, ExistingDocument, Expectation, Plan, SCENARIOS,
};
use ramplan_core::{lint, secrets, KindChoice, Lang, LintOptions, Severity};

fn fixtures(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/scenarios")
        .join(id)
}

fn inputs(id: &str) -> Vec<PathBuf> {
    let dir = fixtures(id);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".input.json"))
        .collect();
    ramplan_core::sort::sort(&mut files);
    files
}

fn case_name(path: &Path) -> String {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .trim_end_matches(".input.json")
        .to_owned()
}

fn check_snapshot(path: PathBuf, actual: &str, problems: &mut Vec<String>) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, actual).unwrap();
        return;
    }
    match fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => problems.push(format!(
            "snapshot differs: {}\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )),
        Err(_) => problems.push(format!(
            "missing snapshot {} (run with UPDATE_SNAPSHOTS=1)",
            path.display()
        )),
    }
}

/// Checks that hold for every plan, whatever its input.
fn check_plan(plan: &Plan, input: &str, problems: &mut Vec<String>, label: &str) {
    let json = plan::to_json(plan);
    if let Some(found) = secrets::find_credential(&json) {
        problems.push(format!(
            "{label}: output holds a credential-like value {:?}",
            found.kind
        ));
    }
    // No input a person can write makes a generated document fail the plan's own check.
    for f in plan.findings.iter().filter(|f| f.code == "PL901") {
        problems.push(format!("{label}: fails its own check: {}", f.message));
    }
    if plan.has_errors() {
        if !plan.artifacts.is_empty() || !plan.steps.is_empty() || !plan.checks.is_empty() {
            problems.push(format!(
                "{label}: artifacts, steps or checks beside error findings"
            ));
        }
        return;
    }
    if plan.checks.is_empty() {
        problems.push(format!("{label}: no checks"));
    }
    for check in &plan.checks {
        let evaluable = !matches!(
            check.expectation,
            Expectation::SystemPolicy { .. } | Expectation::Outside { .. }
        );
        let expected = if evaluable {
            CheckResult::Passed
        } else {
            CheckResult::NotEvaluated
        };
        if check.result != expected {
            problems.push(format!("{label}: check {check:?}"));
        }
    }
    // The plan's own documents, checked as an existing setup, do what the scenario needs
    // and nothing the scenario rules out.
    let documents: Vec<ExistingDocument> = plan
        .artifacts
        .iter()
        .filter(|a| {
            matches!(
                a.kind,
                ArtifactKind::TrustPolicy | ArtifactKind::PermissionPolicy
            )
        })
        .map(|a| ExistingDocument::new(a.filename.clone(), a.content.clone()))
        .collect();
    let report = plan::check_existing(plan.scenario, input, &documents, plan.lang).unwrap();
    if !report.satisfied
        || report
            .findings
            .iter()
            .any(|f| f.severity != Severity::Suggestion)
    {
        problems.push(format!(
            "{label}: its own documents fail check-existing: {:#?}",
            report.findings
        ));
    }
    for (i, step) in plan.steps.iter().enumerate() {
        if step.number != i + 1 {
            problems.push(format!("{label}: step {} numbered {}", i + 1, step.number));
        }
        for id in step.artifacts.iter().chain(&step.compare) {
            if plan.artifact(id).is_none() {
                problems.push(format!(
                    "{label}: step {} pastes missing artifact `{id}`",
                    step.number
                ));
            }
        }
    }
    if plan.artifact("runbook").is_none() {
        problems.push(format!("{label}: no runbook"));
    }
    let mut filenames: Vec<&str> = plan.artifacts.iter().map(|a| a.filename.as_str()).collect();
    filenames.sort_unstable();
    let count = filenames.len();
    filenames.dedup();
    if filenames.len() != count {
        problems.push(format!("{label}: two artifacts share a filename"));
    }
    for artifact in &plan.artifacts {
        let kind = match artifact.kind {
            ArtifactKind::TrustPolicy => KindChoice::Trust,
            ArtifactKind::PermissionPolicy => KindChoice::Permission,
            ArtifactKind::SystemPolicies | ArtifactKind::RequiredRoles => {
                if serde_json::from_str::<serde_json::Value>(&artifact.content).is_err() {
                    problems.push(format!("{label}: `{}` is not JSON", artifact.filename));
                }
                continue;
            }
            _ => continue,
        };
        let report = lint(
            &artifact.content,
            &LintOptions {
                kind,
                ..LintOptions::default()
            },
        );
        for f in &report.findings {
            if matches!(f.severity, Severity::Error | Severity::Security) {
                problems.push(format!(
                    "{label}: `{}` lints with {} {}",
                    artifact.filename, f.code, f.message
                ));
            }
        }
    }
    // The role named in the inputs is the role in the steps and the SQL.
    if let Some(role) = plan.inputs.str("role_name") {
        let in_steps = plan.steps.iter().any(|s| {
            s.parameters.iter().any(|p| p.value.contains(role))
                || s.instructions.contains(role)
                || s.location.contains(role)
        });
        if !in_steps {
            problems.push(format!("{label}: role `{role}` appears in no step"));
        }
        for artifact in plan
            .artifacts
            .iter()
            .filter(|a| a.kind == ArtifactKind::MaxcomputeSql)
        {
            if !artifact.content.contains(&format!(":role/{role}`")) {
                problems.push(format!("{label}: the SQL does not name role `{role}`"));
            }
        }
    }
    let again = plan::plan(plan.scenario, input, Lang::En).unwrap();
    if plan.findings.len() != again.findings.len() {
        problems.push(format!("{label}: not deterministic"));
    }
}

#[test]
fn every_scenario_matches_its_snapshots() {
    let mut problems = Vec::new();
    for scenario in SCENARIOS {
        let cases = inputs(scenario.id);
        let valid = cases
            .iter()
            .filter(|p| case_name(p).starts_with("valid-"))
            .count();
        let invalid = cases
            .iter()
            .filter(|p| case_name(p).starts_with("invalid-"))
            .count();
        if valid == 0 || invalid == 0 {
            problems.push(format!(
                "{}: needs valid-* and invalid-* inputs",
                scenario.id
            ));
        }
        for path in &cases {
            let name = case_name(path);
            let input = fs::read_to_string(path).unwrap();
            for lang in [Lang::En, Lang::Zh] {
                let plan = plan::plan(scenario.id, &input, lang).unwrap();
                let label = format!("{}/{name} ({})", scenario.id, lang.code());
                check_plan(&plan, &input, &mut problems, &label);
                if name.starts_with("valid-") && plan.has_errors() {
                    problems.push(format!("{label}: unexpected errors {:#?}", plan.findings));
                }
                if name.starts_with("invalid-") && !plan.has_errors() {
                    problems.push(format!("{label}: expected an error finding"));
                }
                let dir = fixtures(scenario.id);
                let base = format!("{name}.{}", lang.code());
                check_snapshot(
                    dir.join(format!("{base}.plan.json")),
                    &plan::to_json(&plan),
                    &mut problems,
                );
                for artifact in &plan.artifacts {
                    match artifact.kind {
                        ArtifactKind::Runbook => check_snapshot(
                            dir.join(format!("{base}.md")),
                            &artifact.content,
                            &mut problems,
                        ),
                        ArtifactKind::MaxcomputeSql => check_snapshot(
                            dir.join(format!("{base}.sql")),
                            &artifact.content,
                            &mut problems,
                        ),
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn scenario_ids_and_field_names_are_unique_and_documented() {
    let mut ids: Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), SCENARIOS.len());
    for scenario in SCENARIOS {
        assert!(!scenario.title_en.is_empty() && !scenario.title_zh.is_empty());
        assert!(
            scenario.source.starts_with("https://"),
            "{}: source",
            scenario.id
        );
        let mut names: Vec<&str> = scenario.fields.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            scenario.fields.len(),
            "{}: duplicate field",
            scenario.id
        );
        for field in scenario.fields {
            assert!(
                !field.help_en.is_empty() && !field.help_zh.is_empty(),
                "{}.{}",
                scenario.id,
                field.name
            );
        }
    }
}

#[test]
fn unknown_scenarios_are_refused_with_a_suggestion() {
    let err = plan::plan("dataworks-emrr", "{}", Lang::En).unwrap_err();
    assert_eq!(err.suggestion, Some("dataworks-emr"));
}

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const VERSIONS: &[&str] = &[
    "V3.32.0",
    "V3.32.1",
    "V3.38.1",
    "V3.38.2",
    "V3.38.3",
    "EMR-3.38.3",
    "3.38.2",
    "V4.5.0",
    "V4.5.1",
    "V4.10.0",
    "V5.0.0",
    "V5.16.0",
    "V2.4.0",
];
const REGIONS: &[&str] = &[
    "cn-hangzhou",
    "cn-shanghai",
    "ap-southeast-1",
    "eu-central-1",
];

fn generate_object(fields: &[FieldSpec], rng: &mut Lcg) -> serde_json::Value {
    let mut object = serde_json::Map::new();
    let mut object_type = None;
    for field in fields {
        // Optional and defaulted fields are sometimes left out.
        if (!field.required || field.default.is_some()) && rng.next().is_multiple_of(3) {
            continue;
        }
        let value = match &field.kind {
            FieldKind::AccountUid => {
                serde_json::Value::from(format!("1{}", rng.word("0123456789", 15, 15)))
            }
            FieldKind::Bool => serde_json::Value::from(rng.next().is_multiple_of(4)),
            FieldKind::Choice(values) => {
                let v = rng.pick(values);
                if field.name == "object_type" {
                    object_type = Some(v);
                }
                serde_json::Value::from(v)
            }
            FieldKind::EmrVersion => serde_json::Value::from(rng.pick(VERSIONS)),
            FieldKind::Region => serde_json::Value::from(rng.pick(REGIONS)),
            FieldKind::RoleName | FieldKind::PolicyName => {
                serde_json::Value::from(format!("R{}", rng.word("abcXYZ019-", 1, 20)))
            }
            FieldKind::Text => match field.name {
                "prefix" => serde_json::Value::from(format!("{}/", rng.word(LOWER, 1, 8))),
                "dataworks_service_principal" => continue,
                _ => {
                    serde_json::Value::from(format!("a{}", rng.word("abcdefghij0123456789", 3, 14)))
                }
            },
            FieldKind::StringList => {
                let choices = maxcompute::privileges(object_type.unwrap_or("table"));
                let count = 1 + (rng.next() as usize) % 2;
                if field.name == "columns" {
                    if object_type != Some("table") {
                        continue;
                    }
                    serde_json::Value::from(
                        (0..count)
                            .map(|_| rng.word(LOWER, 2, 6))
                            .collect::<Vec<_>>(),
                    )
                } else if choices.is_empty() {
                    serde_json::Value::from(vec![rng.word(LOWER, 3, 8)])
                } else {
                    serde_json::Value::from(
                        (0..count)
                            .map(|_| rng.pick(choices).to_owned())
                            .collect::<Vec<_>>(),
                    )
                }
            }
            FieldKind::Records(RecordSpec { fields: inner, .. }) => {
                let count = 1 + (rng.next() as usize) % 3;
                serde_json::Value::from(
                    (0..count)
                        .map(|_| generate_object(inner, rng))
                        .collect::<Vec<_>>(),
                )
            }
        };
        object.insert(field.name.to_owned(), value);
    }
    serde_json::Value::Object(object)
}

#[test]
fn generated_inputs_never_yield_a_broken_plan() {
    let mut rng = Lcg(0xD15EA5E);
    let mut problems = Vec::new();
    for scenario in SCENARIOS {
        let mut successes = 0;
        for i in 0..150 {
            let input = generate_object(scenario.fields, &mut rng).to_string();
            let lang = if i % 2 == 0 { Lang::En } else { Lang::Zh };
            let plan = plan::plan(scenario.id, &input, lang).unwrap();
            check_plan(
                &plan,
                &input,
                &mut problems,
                &format!("{} generated {input}", scenario.id),
            );
            if !plan.has_errors() {
                successes += 1;
            }
        }
        // Otherwise the properties above would hold vacuously.
        assert!(
            successes >= 5,
            "{}: only {successes} of 150 generated inputs planned cleanly",
            scenario.id
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
