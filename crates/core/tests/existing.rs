//! Checking an existing setup against a scenario (`plan::check_existing`): every case in
//! `tests/fixtures/existing/<scenario>/<case>/` against its snapshots, plus properties.
//!
//! A case folder holds `input.json` (the scenario's inputs) and the existing documents (every
//! other `*.json` but the snapshots, in file-name order; `*.trust.json` and
//! `*.permission.json` are passed with that kind, the rest guessed). Snapshots:
//! `expected.en.txt`, `expected.zh.txt` (text output) and `expected.en.json`. Case names say
//! what to expect: `ok-*` satisfies the scenario with at most suggestions, `warn-*` satisfies
//! it with warnings or security findings, `bad-*` does not satisfy it.
//! `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test existing` rewrites the snapshots.

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

use common::{existing_cases as cases, ExistingCase as Case};
use ramplan_core::plan::codes::{Reporter, PLAN_CODES};
use ramplan_core::plan::existing::{self, DocumentKind, ExistingDocument, ExistingReport};
use ramplan_core::plan::{self, CheckResult, SCENARIOS};
use ramplan_core::{secrets, Lang, Severity};

fn check(case: &Case, lang: Lang) -> ExistingReport {
    plan::check_existing(&case.scenario, &case.input, &case.documents, lang).unwrap()
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

#[test]
fn every_case_matches_its_snapshots_and_its_name() {
    let mut problems = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    for case in &cases {
        let label = format!("{}/{}", case.scenario, case.name);
        assert!(
            SCENARIOS.iter().any(|s| s.id == case.scenario),
            "{label}: unknown scenario"
        );
        for lang in [Lang::En, Lang::Zh] {
            let report = check(case, lang);
            let text = existing::text(&report, &case.documents);
            let json = existing::to_json(&report);
            check_snapshot(
                case.dir.join(format!("expected.{}.txt", lang.code())),
                &text,
                &mut problems,
            );
            if lang == Lang::En {
                check_snapshot(case.dir.join("expected.en.json"), &json, &mut problems);
            }
            if !report.input_findings.is_empty() {
                problems.push(format!("{label}: input errors {:?}", report.input_findings));
            }
            let worst = report.findings.iter().map(|f| f.severity).min();
            let expected = if case.name.starts_with("ok-") {
                report.satisfied && worst.is_none_or(|s| s == Severity::Suggestion)
            } else if case.name.starts_with("warn-") {
                report.satisfied && matches!(worst, Some(Severity::Security | Severity::Warning))
            } else if case.name.starts_with("bad-") {
                !report.satisfied
            } else {
                false
            };
            if !expected {
                problems.push(format!(
                    "{label} ({}): satisfied {}, findings {:#?}",
                    lang.code(),
                    report.satisfied,
                    report.findings
                ));
            }
            if report.satisfied == report.has_errors() {
                problems.push(format!("{label}: `satisfied` disagrees with the findings"));
            }
            // Findings cite a document by a name the report lists, and a pointer.
            for f in &report.findings {
                if let Some(document) = f.document() {
                    if !report.documents.iter().any(|d| d.name == document) {
                        problems.push(format!("{label}: {} cites unknown `{document}`", f.code));
                    }
                }
                if !(f.path().is_empty() || f.path().starts_with('/')) {
                    problems.push(format!("{label}: {} path `{}`", f.code, f.path()));
                }
                if f.message.ends_with('.') {
                    problems.push(format!("{label}: {} ends with a period", f.code));
                }
            }
            for output in [&text, &json] {
                if let Some(found) = secrets::find_credential(output) {
                    problems.push(format!("{label}: output echoes {:?}", found.kind));
                }
            }
            let again = check(case, lang);
            if again != report || existing::text(&again, &case.documents) != text {
                problems.push(format!("{label}: not deterministic"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_code_of_the_check_is_in_its_docs() {
    let docs = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/check-existing.md"),
    )
    .unwrap();
    let codes: Vec<&str> = PLAN_CODES
        .iter()
        .filter(|c| c.reporter == Reporter::Existing)
        .map(|c| c.code)
        .collect();
    assert_eq!(codes.len(), 15, "{codes:?}");
    // That each fires in a fixture, as registered, is `tests/registries.rs`.
    for code in codes {
        assert!(
            docs.contains(code),
            "{code} is not in docs/check-existing.md"
        );
    }
}

const A: &str = "1234567890123456";
const EMR_INPUT: &str = r#"{"dataworks_account_uid": "1234567890123456", "resource_account_uid": "6543210987654321", "region": "cn-hangzhou", "emr_version": "V3.38.3"}"#;

fn emr_trust(principal: &str) -> String {
    format!(
        r#"{{"Statement": [{{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {{"Service": ["{principal}"]}}}}], "Version": "1"}}"#
    )
}

#[test]
fn the_kind_can_be_set_instead_of_guessed() {
    // Without `Principal` or `sts:AssumeRole`, a document is guessed to be a permission policy.
    let bare = r#"{"Statement": [{"Effect": "Allow", "Action": "oss:GetObject"}], "Version": "1"}"#;
    let guessed = plan::check_existing(
        "dataworks-emr",
        EMR_INPUT,
        &[ExistingDocument::new("t.json", bare)],
        Lang::En,
    )
    .unwrap();
    assert_eq!(guessed.documents[0].kind, Some(DocumentKind::Permission));
    assert!(guessed.documents[0].kind_guessed);
    assert!(guessed.findings.iter().any(|f| f.code == "PL704"));
    assert!(guessed.findings.iter().any(|f| f.code == "PL703"));
    let set = plan::check_existing(
        "dataworks-emr",
        EMR_INPUT,
        &[ExistingDocument::new("t.json", bare).with_kind(DocumentKind::Trust)],
        Lang::En,
    )
    .unwrap();
    assert_eq!(set.documents[0].kind, Some(DocumentKind::Trust));
    assert!(!set.documents[0].kind_guessed);
    assert!(
        set.findings.iter().any(|f| f.code == "PL705"),
        "{:#?}",
        set.findings
    );
    assert!(!set.satisfied);
}

#[test]
fn each_trust_policy_is_checked_on_its_own() {
    let good = ExistingDocument::new(
        "good.json",
        emr_trust(&format!("{A}@emr.dataworks.aliyuncs.com")),
    );
    let bad = ExistingDocument::new("bad.json", emr_trust(&format!("{A}@cdp.aliyuncs.com")));
    let report = plan::check_existing("dataworks-emr", EMR_INPUT, &[good, bad], Lang::En).unwrap();
    assert!(!report.satisfied);
    let failed: Vec<&str> = report
        .checks
        .iter()
        .filter(|c| c.result == CheckResult::Failed)
        .flat_map(|c| c.documents.iter().map(String::as_str))
        .collect();
    assert_eq!(failed, ["bad.json"]);
    let pl706 = report.findings.iter().find(|f| f.code == "PL706").unwrap();
    assert_eq!(pl706.document(), Some("bad.json"));
    assert_eq!(pl706.path(), "/Statement/0/Principal/Service/0");
    assert!(pl706.span.is_some());
    assert!(
        pl706
            .message
            .contains("`@cdp.aliyuncs.com`, which is for Data Integration"),
        "{}",
        pl706.message
    );
}

#[test]
fn inputs_with_errors_compare_nothing() {
    let report = plan::check_existing(
        "dataworks-emr",
        r#"{"dataworks_account_uid": "1234"}"#,
        &[ExistingDocument::new("t.json", emr_trust("x"))],
        Lang::En,
    )
    .unwrap();
    assert!(!report.satisfied);
    assert!(!report.input_findings.is_empty());
    assert!(report.checks.is_empty() && report.findings.is_empty());
    let text = existing::text(&report, &[]);
    assert!(text.contains("the inputs have errors"), "{text}");
    assert!(plan::check_existing("no-such", "{}", &[], Lang::En).is_err());
}

#[test]
fn documents_without_names_are_numbered_and_json_is_an_object() {
    let report = plan::check_existing(
        "dataworks-emr",
        EMR_INPUT,
        &[ExistingDocument::new(" ", "[1, 2]")],
        Lang::En,
    )
    .unwrap();
    assert_eq!(report.documents[0].name, "document 1");
    let pl701 = report.findings.iter().find(|f| f.code == "PL701").unwrap();
    assert!(pl701.message.contains("found array"), "{}", pl701.message);
    let json: serde_json::Value = serde_json::from_str(&existing::to_json(&report)).unwrap();
    for key in [
        "scenario",
        "satisfied",
        "input_findings",
        "documents",
        "checks",
        "findings",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["checks"][0]["kind"], "assume");
    assert_eq!(json["checks"][0]["result"], "not-evaluated");
}

#[test]
fn no_document_makes_the_check_panic() {
    // Every prefix and a few mutations of every fixture document, against its scenario.
    for case in cases() {
        for document in &case.documents {
            let text = &document.text;
            let mut variants: Vec<String> = (0..text.len())
                .step_by(7)
                .filter(|i| text.is_char_boundary(*i))
                .map(|i| text[..i].to_owned())
                .collect();
            variants.push(text.replace('"', "'"));
            variants.push(text.replace("Allow", "Deny"));
            variants.push(text.replace("Principal", "principal"));
            variants.push(text.replace("Resource", "NotResource"));
            for variant in variants {
                let docs = [ExistingDocument::new("x.json", variant)];
                let report =
                    plan::check_existing(&case.scenario, &case.input, &docs, Lang::En).unwrap();
                let _ = existing::text(&report, &docs);
            }
        }
    }
}
