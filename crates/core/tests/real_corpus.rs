//! The corpus of real policies copied verbatim from public repositories and documentation
//! (`tests/fixtures/corpus/real/<batch>/`, each batch with a `manifest.json` naming every
//! file's source, kind and verdict). Working policies must get no error finding and name only
//! catalogued services; the warnings they still get are a reviewed snapshot
//! (`tests/fixtures/corpus/real/WARNINGS.txt`, rewritten with `UPDATE_SNAPSHOTS=1`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use ramplan_core::{catalogue, lint, LintOptions, LintReport, PolicyKind, Severity};
use serde_json::Value;

struct Entry {
    batch: String,
    file: String,
    text: String,
    kind: String,
    working: bool,
    why: String,
    /// The source file is a Terraform or other template: `${...}` are placeholders.
    template: bool,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus/real")
}

fn entries() -> Vec<Entry> {
    let mut out = Vec::new();
    let mut batches: Vec<PathBuf> = fs::read_dir(root())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("manifest.json").is_file())
        .collect();
    ramplan_core::sort::sort(&mut batches);
    for dir in batches {
        let batch = dir.file_name().unwrap().to_string_lossy().into_owned();
        let manifest: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("manifest.json")).unwrap())
                .unwrap_or_else(|e| panic!("{batch}/manifest.json: {e}"));
        for item in manifest.as_array().unwrap() {
            let file = item["file"].as_str().unwrap().to_owned();
            let path = dir.join(&file);
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{batch}/{file}: {e}"));
            let source_path = item["source"]["path"].as_str().unwrap_or_default();
            out.push(Entry {
                batch: batch.clone(),
                template: [".tf", ".tpl", ".tftpl", ".hcl"]
                    .iter()
                    .any(|ext| source_path.ends_with(ext)),
                file,
                text,
                kind: item["kind"].as_str().unwrap().to_owned(),
                working: item["verdict"] == "working",
                why: item["why"].as_str().unwrap_or_default().to_owned(),
            });
        }
    }
    out
}

fn report(entry: &Entry) -> LintReport {
    lint(
        &entry.text,
        &LintOptions {
            template: entry.template,
            ..LintOptions::default()
        },
    )
}

#[test]
fn every_policy_is_sourced_and_judged() {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for dir in fs::read_dir(root()).unwrap().map(|e| e.unwrap().path()) {
        if !dir.is_dir() {
            continue;
        }
        let manifest: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
        let listed: Vec<&str> = manifest
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["file"].as_str().unwrap())
            .collect();
        for file in fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()) {
            let name = file.to_string_lossy();
            if name.ends_with(".json") && name != "manifest.json" {
                assert!(
                    listed.contains(&name.as_ref()),
                    "{name} has no manifest entry"
                );
            }
        }
        for item in manifest.as_array().unwrap() {
            let file = item["file"].as_str().unwrap();
            let source = &item["source"];
            let commit = source["commit"].as_str().unwrap_or_default();
            let by_repo = source["repo"].as_str().is_some_and(|r| r.contains('/'))
                && source["path"].as_str().is_some_and(|p| !p.is_empty())
                && commit.len() == 40
                && commit.bytes().all(|b| b.is_ascii_hexdigit());
            let by_url = source["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("http"));
            assert!(
                by_repo || by_url,
                "{file}: the source needs repo, path and commit, or a URL"
            );
            assert!(
                matches!(item["verdict"].as_str(), Some("working" | "suspicious")),
                "{file}: verdict"
            );
            if item["verdict"] == "suspicious" {
                assert!(
                    item["why"].as_str().is_some_and(|w| !w.trim().is_empty()),
                    "{file}: a suspicious policy says why"
                );
            }
            let kind = item["kind"].as_str().unwrap();
            assert!(
                matches!(kind, "permission" | "trust" | "bucket-policy"),
                "{file}: kind {kind}"
            );
            *kinds.entry(kind.to_owned()).or_default() += 1;
        }
    }
    let total: usize = kinds.values().sum();
    assert!(total >= 300, "only {total} real policies: {kinds:?}");
    assert!(kinds["trust"] >= 40, "{kinds:?}");
    assert!(kinds["bucket-policy"] >= 10, "{kinds:?}");
}

#[test]
fn working_policies_get_no_error_and_their_kind_is_recognised() {
    let mut problems = Vec::new();
    for entry in entries().iter().filter(|e| e.working) {
        let report = report(entry);
        if report.kind.as_str() != entry.kind {
            problems.push(format!(
                "{}/{}: read as a {} policy, but it is a {}",
                entry.batch,
                entry.file,
                report.kind.as_str(),
                entry.kind
            ));
        }
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            problems.push(format!(
                "{}/{}: {} {} at {}",
                entry.batch,
                entry.file,
                f.code,
                f.message,
                f.path()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_service_code_in_working_policies_is_catalogued() {
    let mut unknown: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in entries().iter().filter(|e| e.working) {
        let Ok(root) = ramplan_core::json::parse_template(&entry.text) else {
            continue;
        };
        let policy = ramplan_core::policy::Policy::from_root(&root);
        for statement in &policy.statements {
            let fields = [statement.action, statement.not_action];
            for item in fields.into_iter().flatten().flat_map(|f| f.strings("")) {
                let Some((code, _)) = item.value.trim().split_once(':') else {
                    continue;
                };
                let placeholder = ramplan_core::placeholder::holds_placeholder(code);
                if code.contains(['*', '?']) || placeholder || catalogue::service(code).is_some() {
                    continue;
                }
                unknown
                    .entry(code.to_owned())
                    .or_default()
                    .push(format!("{}/{}", entry.batch, entry.file));
            }
        }
    }
    assert!(unknown.is_empty(), "not catalogued: {unknown:#?}");
}

#[test]
fn findings_on_real_policies_are_the_reviewed_ones() {
    let entries = entries();
    let mut out = String::new();
    let mut summary: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let mut body = String::new();
    let mut missed = String::new();
    for entry in &entries {
        let report = report(entry);
        let relative = format!("{}/{}", entry.batch, entry.file);
        if !entry.working {
            if report.findings.is_empty() {
                let _ = writeln!(missed, "{relative}: {}", entry.why);
            }
            continue;
        }
        *summary.entry((entry.kind.clone(), "policies")).or_default() += 1;
        for f in &report.findings {
            let severity = f.severity.as_str();
            *summary.entry((entry.kind.clone(), severity)).or_default() += 1;
            if matches!(f.severity, Severity::Suggestion) {
                continue;
            }
            let at = f
                .span
                .map(|s| format!("{}:{}", s.start.line, s.start.column))
                .unwrap_or_default();
            let _ = writeln!(body, "{relative}:{at} {severity}[{}] {}", f.code, f.message);
        }
    }
    let _ = writeln!(
        out,
        "# Findings on the working policies of the real corpus, by kind (suggestions counted, not listed)"
    );
    for kind in ["permission", "trust", "bucket-policy"] {
        let get = |what: &str| summary.get(&(kind.to_owned(), what)).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "# {kind}: {} policies, {} error, {} security, {} warning, {} suggestion",
            get("policies"),
            get("error"),
            get("security"),
            get("warning"),
            get("suggestion")
        );
    }
    out.push_str(&body);
    let _ = writeln!(
        out,
        "\n# Suspicious policies that get no finding at all (the problem is one ramplan does not check)"
    );
    out.push_str(&missed);
    let snapshot = root().join("WARNINGS.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&snapshot, &out).unwrap();
        return;
    }
    let expected = fs::read_to_string(&snapshot).unwrap_or_default();
    assert!(
        expected == out,
        "the findings on the real corpus changed; review them and run with UPDATE_SNAPSHOTS=1\n--- now ---\n{out}"
    );
    // The kinds ramplan reads must be the kinds the manifests say.
    let kinds = [
        PolicyKind::Permission,
        PolicyKind::Trust,
        PolicyKind::BucketPolicy,
    ];
    assert!(kinds
        .iter()
        .all(|k| summary.contains_key(&(k.as_str().to_owned(), "policies"))));
}
