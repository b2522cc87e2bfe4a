//! Fixture tests for every rule, Biome-style: `tests/fixtures/rules/<CODE>-<name>/invalid/*.json`
//! must fire the rule, `valid/*.json` must not, and each invalid fixture has a snapshot of the
//! rule's findings exactly as a user sees them, in English and Chinese.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test rules` rewrites the snapshots;
//! review the diff before committing.

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use ramplan_core::json;
use ramplan_core::lint::LintReport;
use ramplan_core::render::{self, Linted};
use ramplan_core::rules::{DOCS, RULES};
use ramplan_core::{lint, Lang, LintOptions};

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/rules")
}

fn rule_dir(code: &str, name: &str) -> PathBuf {
    fixtures_root().join(format!("{code}-{name}"))
}

/// The policy files of a fixture folder, sorted, without option sidecars.
fn policies(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".options.json")
        })
        .collect();
    ramplan_core::sort::sort(&mut files);
    files
}

fn options_for(policy: &Path, lang: Lang) -> LintOptions {
    let sidecar = policy.with_extension("options.json");
    let mut options: LintOptions = match fs::read_to_string(&sidecar) {
        Ok(text) => {
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()))
        }
        Err(_) => LintOptions::default(),
    };
    options.lang = lang;
    options
}

fn lint_file(path: &Path, lang: Lang) -> (String, LintReport) {
    let text = fs::read_to_string(path).unwrap();
    let report = lint(&text, &options_for(path, lang));
    (text, report)
}

fn only(report: &LintReport, code: &str) -> LintReport {
    LintReport {
        kind: report.kind,
        kind_guessed: report.kind_guessed,
        findings: report
            .findings
            .iter()
            .filter(|f| f.code == code)
            .cloned()
            .collect(),
        ..report.clone()
    }
}

fn snapshot_text(path: &Path, code: &str) -> String {
    let source = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut out = String::new();
    for lang in [Lang::En, Lang::Zh] {
        let (text, report) = lint_file(path, lang);
        let report = only(&report, code);
        let linted = Linted {
            source: &source,
            text: &text,
            report: &report,
        };
        out.push_str(&format!("--- {} ---\n", lang.code()));
        out.push_str(&render::text(&linted, lang));
    }
    out
}

#[test]
fn every_rule_has_fixtures_that_fire_and_that_do_not() {
    let mut problems = Vec::new();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for rule in RULES {
        let meta = &rule.meta;
        let dir = rule_dir(meta.code, meta.name);
        let invalid = policies(&dir.join("invalid"));
        let valid = policies(&dir.join("valid"));
        if invalid.is_empty() || valid.is_empty() {
            problems.push(format!("{}: needs invalid and valid fixtures", meta.code));
        }
        for path in &invalid {
            let (_, report) = lint_file(path, Lang::En);
            if !report.findings.iter().any(|f| f.code == meta.code) {
                problems.push(format!("{}: did not fire on {}", meta.code, path.display()));
            }
            let snapshot = snapshot_text(path, meta.code);
            let snap_path = path.with_extension("snap");
            if update {
                fs::write(&snap_path, &snapshot).unwrap();
            } else {
                match fs::read_to_string(&snap_path) {
                    Ok(expected) if expected == snapshot => {}
                    Ok(expected) => problems.push(format!(
                        "{}: snapshot differs for {}\n--- expected\n{expected}\n--- actual\n{snapshot}",
                        meta.code,
                        path.display()
                    )),
                    Err(_) => problems.push(format!(
                        "{}: no snapshot {} (run with UPDATE_SNAPSHOTS=1)",
                        meta.code,
                        snap_path.display()
                    )),
                }
            }
        }
        for path in &valid {
            let (_, report) = lint_file(path, Lang::En);
            let fired: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.code == meta.code)
                .collect();
            if !fired.is_empty() {
                problems.push(format!(
                    "{}: fired on valid fixture {}: {fired:?}",
                    meta.code,
                    path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn fixture_folders_all_belong_to_a_rule() {
    for entry in fs::read_dir(fixtures_root()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            RULES
                .iter()
                .any(|r| name == format!("{}-{}", r.meta.code, r.meta.name)),
            "fixture folder `{name}` matches no rule (renamed or removed?)"
        );
    }
}

#[test]
fn documented_examples_fire_and_fixes_do_not() {
    for (rule, docs) in RULES.iter().zip(DOCS) {
        let meta = &rule.meta;
        assert_eq!(meta.code, docs.code);
        // Examples that are not JSON documents describe options or sizes in words.
        if json::parse(docs.example).is_err() && meta.code != "RP001" {
            continue;
        }
        let fired = |text: &str| {
            lint(text, &LintOptions::default())
                .findings
                .iter()
                .any(|f| f.code == meta.code)
        };
        assert!(
            fired(docs.example),
            "{}: documented example does not fire",
            meta.code
        );
        assert!(
            !fired(docs.instead),
            "{}: documented fix still fires",
            meta.code
        );
        let fixed = lint(docs.instead, &LintOptions::default());
        assert!(
            fixed
                .findings
                .iter()
                .all(|f| f.severity != ramplan_core::Severity::Error),
            "{}: documented fix has errors: {:?}",
            meta.code,
            fixed.findings
        );
    }
}

#[test]
fn every_finding_points_into_the_document() {
    for rule in RULES {
        let dir = rule_dir(rule.meta.code, rule.meta.name);
        for path in policies(&dir.join("invalid"))
            .into_iter()
            .chain(policies(&dir.join("valid")))
        {
            let (text, report) = lint_file(&path, Lang::En);
            let root = json::parse(&text).ok();
            for finding in &report.findings {
                assert!(!finding.message.is_empty());
                assert!(
                    !finding.message.ends_with('.'),
                    "{}: {}",
                    path.display(),
                    finding.message
                );
                if let Some(span) = finding.span {
                    assert!(span.start.offset <= span.end.offset);
                    assert!(span.end.offset <= text.len());
                    assert!(text.is_char_boundary(span.start.offset));
                }
                if let Some(root) = &root {
                    assert!(
                        root.pointer(finding.path()).is_some(),
                        "{}: {} points at missing `{}`",
                        path.display(),
                        finding.code,
                        finding.path()
                    );
                }
            }
        }
    }
}

#[test]
fn rule_docs_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let generated = render::rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let on_disk = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: run `cargo run -p ramplan-cli -- rules --markdown > docs/rules.md` (or UPDATE_DOCS=1 cargo test)"
    );
}

#[test]
fn every_rule_is_documented() {
    for (rule, docs) in RULES.iter().zip(DOCS) {
        let m = &rule.meta;
        assert!(m.code.starts_with("RP") && m.code.len() == 5, "{}", m.code);
        for (what, text) in [
            ("summary", m.summary),
            ("why", docs.why),
            ("example", docs.example),
            ("instead", docs.instead),
        ] {
            assert!(text.len() > 10, "{}: {what} is too short", m.code);
        }
        assert!(!docs.references.is_empty(), "{}: no references", m.code);
    }
}

/// Rules quote the values they complain about. Whatever rule quotes a credential-looking
/// value, no message, help or rendered output may carry it back, in either language.
#[test]
fn no_finding_echoes_a_credential() {
    let key = "LTAI5tAbCdEfGhIjKlMnOp";
    let secret = "Q7xk2LmPz9RtY4vBn3HcWj8Ds5FgAe";
    let policies = [
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:{key}/*"}}]}}"#
        ),
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Action":"{key}:Get","Resource":"{secret}"}}]}}"#
        ),
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Action":"oss:GetObject","Resource":"*","Condition":{{"StringEquals":{{"acs:AccessId":"{key}"}}}}}}]}}"#
        ),
        format!(r#"{{"Version":"1","Statement":[{{"Effect":"{key}"}}]}}"#),
        format!(r#"{{"Version":"1", "{secret}": 1 "#),
    ];
    for policy in &policies {
        for lang in [Lang::En, Lang::Zh] {
            let report = lint(
                policy,
                &LintOptions {
                    lang,
                    ..LintOptions::default()
                },
            );
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.code == "RP605" || f.code == "RP001"),
                "{policy}: {:#?}",
                report.findings
            );
            let rendered = render::text(
                &Linted {
                    source: "policy.json",
                    text: policy,
                    report: &report,
                },
                lang,
            );
            let json = serde_json::to_string(&report.findings).unwrap();
            for output in [rendered, json] {
                assert!(!output.contains(key), "{output}");
                assert!(!output.contains(secret), "{output}");
            }
        }
    }
}

/// `lint::with_names` gives what linting again with the names gives: on every fixture, as
/// each kind, with names RAM accepts, refuses and warns about, and an over-long description.
#[test]
fn names_join_the_unnamed_report_as_a_second_lint_would_report_them() {
    use ramplan_core::lint::{with_names, KindChoice};
    let names: [(Option<&str>, Option<&str>, Option<String>); 7] = [
        (None, None, None),
        (Some("read-oss-logs"), None, None),
        (Some("read_oss_logs"), Some("emr role"), None),
        (None, Some("EMR_Role"), None),
        (Some(""), Some(""), Some("d".repeat(1025))),
        (
            Some(&"p".repeat(129)),
            Some(&"r".repeat(65)),
            Some("short".to_owned()),
        ),
        (
            Some("策略"),
            Some("AKIA-looking-LTAI5tAbCdEfGhIjKlMnOpQr"),
            None,
        ),
    ];
    let mut checked = 0;
    for rule in RULES {
        let dir = rule_dir(rule.meta.code, rule.meta.name);
        for path in policies(&dir.join("invalid"))
            .iter()
            .chain(&policies(&dir.join("valid")))
        {
            let text = fs::read_to_string(path).unwrap();
            for kind in [KindChoice::Auto, KindChoice::Permission, KindChoice::Trust] {
                for lang in [Lang::En, Lang::Zh] {
                    let unnamed = LintOptions {
                        kind,
                        policy_name: None,
                        role_name: None,
                        description: None,
                        ..options_for(path, lang)
                    };
                    let report = lint(&text, &unnamed);
                    for (policy_name, role_name, description) in &names {
                        let named = LintOptions {
                            policy_name: policy_name.map(str::to_owned),
                            role_name: role_name.map(str::to_owned),
                            description: description.clone(),
                            ..unnamed.clone()
                        };
                        assert_eq!(
                            with_names(&report, &named),
                            lint(&text, &named),
                            "{} as {kind:?} with {policy_name:?} {role_name:?}",
                            path.display()
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} cases");
}
