//! `diff`: the fixture cases in `tests/fixtures/diff/` (verdicts stated in each `case.json`,
//! output compared with snapshots), and the laws over random policies: a policy adds nothing
//! over itself, adding an `Allow` never removes access, adding a `Deny` never adds any, and
//! every request the simulator allows under the new policy but not the old one is found.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test diff` rewrites the snapshots.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use ramplan_core::diff::{self, forbid, DiffOptions, DiffReport};
use ramplan_core::simulate::{self, PolicySource, Request};
use ramplan_core::Lang;
use serde_json::{json, Value};

use common::Lcg as Rng;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/diff")
}

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    ramplan_core::sort::sort(&mut dirs);
    dirs
}

fn read(dir: &Path, name: &str) -> Option<String> {
    fs::read_to_string(dir.join(name)).ok()
}

fn snapshot(dir: &Path, name: &str, actual: &str) -> Result<(), String> {
    let path = dir.join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, actual).unwrap();
        return Ok(());
    }
    let expected = fs::read_to_string(&path)
        .map_err(|_| format!("{}: missing (UPDATE_SNAPSHOTS=1 writes it)", path.display()))?;
    if expected != actual {
        return Err(format!(
            "{}: output differs\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ));
    }
    Ok(())
}

fn run_case(dir: &Path) -> Result<(), String> {
    let case: Value = serde_json::from_str(&read(dir, "case.json").unwrap()).unwrap();
    let old = PolicySource::new("old.json", read(dir, "old.json").unwrap_or_default());
    let new = PolicySource::new("new.json", read(dir, "new.json").unwrap());
    let must_not_grant = read(dir, "must-not-grant.txt")
        .map(|t| forbid::parse(&t).unwrap())
        .unwrap_or_default();
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        let options = DiffOptions {
            lang,
            must_not_grant: must_not_grant.clone(),
        };
        let report = diff::diff(
            std::slice::from_ref(&old),
            std::slice::from_ref(&new),
            &options,
        )
        .map_err(|e| e.to_string())?;
        if lang == Lang::En {
            for flag in ["adds_access", "removes_access"] {
                let actual = match flag {
                    "adds_access" => report.adds_access,
                    _ => report.removes_access,
                };
                if case[flag].as_bool() != Some(actual) {
                    return Err(format!("{}: {flag} is {actual}", dir.display()));
                }
            }
            if !report.complete {
                return Err(format!("{}: incomplete", dir.display()));
            }
            if must_not_grant.is_empty() != report.must_not_grant.is_empty() {
                return Err(format!("{}: must-not-grant findings", dir.display()));
            }
            if dir.join("expected.json").exists() {
                snapshot(dir, "expected.json", &diff::to_json(&report))?;
            }
        }
        out.push(format!(
            "--- {} ---\n{}",
            lang.code(),
            diff::text(&report, &[old.clone(), new.clone()], lang)
        ));
    }
    snapshot(dir, "expected.txt", &out.join("\n"))
}

#[test]
fn fixture_cases() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|dir| run_case(dir).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(cases().len() >= 10);
}

#[test]
fn output_is_the_same_bytes_every_time() {
    for dir in cases() {
        let old = PolicySource::new("old.json", read(&dir, "old.json").unwrap_or_default());
        let new = PolicySource::new("new.json", read(&dir, "new.json").unwrap());
        let a = diff::diff(
            std::slice::from_ref(&old),
            std::slice::from_ref(&new),
            &DiffOptions::default(),
        )
        .unwrap();
        let b = diff::diff(&[old], &[new], &DiffOptions::default()).unwrap();
        assert_eq!(diff::to_json(&a), diff::to_json(&b), "{}", dir.display());
    }
}

// ------------------------------------------------------------------ laws

const ACTIONS: &[&str] = &[
    "oss:GetObject",
    "oss:*",
    "oss:Get*",
    "*",
    "ecs:Describe*",
    "ecs:StopInstance",
    "OSS:getobject",
    "oss:Get?bject",
    "*:Describe*",
    "oss:Put*",
    "demo:Run*",
];
const RESOURCES: &[&str] = &[
    "*",
    "acs:oss:*:*:b1",
    "acs:oss:*:*:b1/*",
    "acs:oss:*:*:b?/*",
    "acs:oss:*:*:*/x*",
    "acs:ecs:*:*:instance/*",
    "acs:ecs:cn-hangzhou:*:*",
];

fn random_condition(rng: &mut Rng) -> Value {
    let options = [
        json!({"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "192.168.1.1"]}}),
        json!({"NotIpAddress": {"acs:SourceIp": "10.0.0.0/8"}}),
        json!({"IpAddress": {"acs:SourceIp": "10.1.0.0/16"}}),
        json!({"Bool": {"acs:SecureTransport": "true"}}),
        json!({"StringLike": {"oss:Prefix": "a/*"}}),
        json!({"StringNotLike": {"oss:Prefix": "*/b"}}),
        json!({"StringNotEquals": {"acs:SourceVpc": "vpc-1"}}),
        json!({"StringEqualsIgnoreCase": {"acs:SourceVpc": "VPC-2"}}),
        json!({"DateLessThan": {"acs:CurrentTime": "2026-01-01T00:00:00Z"}}),
        json!({"DateGreaterThanEquals": {"acs:CurrentTime": "2026-01-01T08:00:00+08:00"}}),
        json!({"NumericLessThan": {"demo:Count": "5"}}),
        json!({"NumericGreaterThan": {"demo:Count": "2.5"}}),
        json!({"StringEqualsIfExists": {"acs:SourceVpc": "vpc-1"}}),
        json!({"Bool": {"acs:SecureTransport": "true"}, "NotIpAddress": {"acs:SourceIp": "192.168.0.0/16"}}),
    ];
    rng.item(&options).clone()
}

fn random_statement(rng: &mut Rng, effect: Option<&str>) -> Value {
    let effect = effect.unwrap_or_else(|| *rng.item(&["Allow", "Allow", "Deny", "allow"]));
    let action_key = if rng.chance(15) {
        "NotAction"
    } else {
        "Action"
    };
    let resource_key = if rng.chance(10) {
        "NotResource"
    } else {
        "Resource"
    };
    let actions: Vec<&str> = (0..=rng.below(2)).map(|_| *rng.item(ACTIONS)).collect();
    let resources: Vec<&str> = (0..=rng.below(2)).map(|_| *rng.item(RESOURCES)).collect();
    let mut statement = json!({"Effect": effect, action_key: actions, resource_key: resources});
    if rng.chance(40) {
        statement["Condition"] = random_condition(rng);
    }
    statement
}

fn random_statements(rng: &mut Rng, max: usize) -> Vec<Value> {
    (0..=rng.below(max))
        .map(|_| random_statement(rng, None))
        .collect()
}

fn policy(statements: &[Value]) -> String {
    json!({"Version": "1", "Statement": statements}).to_string()
}

fn compare(old: &[Value], new: &[Value]) -> DiffReport {
    diff::diff(
        &[PolicySource::new("old", policy(old))],
        &[PolicySource::new("new", policy(new))],
        &DiffOptions::default(),
    )
    .unwrap()
}

const ROUNDS: u64 = 120;

#[test]
fn a_policy_never_adds_access_over_itself() {
    let mut rng = Rng(41);
    for round in 0..ROUNDS {
        let statements = random_statements(&mut rng, 4);
        let report = compare(&statements, &statements);
        assert!(
            !report.adds_access && !report.removes_access,
            "round {round}: {}\n{}",
            policy(&statements),
            diff::to_json(&report)
        );
    }
}

#[test]
fn adding_an_allow_never_removes_access() {
    let mut rng = Rng(42);
    for round in 0..ROUNDS {
        let old = random_statements(&mut rng, 3);
        let mut new = old.clone();
        let at = rng.below(new.len() + 1);
        new.insert(at, random_statement(&mut rng, Some("Allow")));
        let report = compare(&old, &new);
        assert!(
            !report.removes_access,
            "round {round}: {} -> {}\n{}",
            policy(&old),
            policy(&new),
            diff::to_json(&report)
        );
    }
}

#[test]
fn adding_a_deny_never_adds_access() {
    let mut rng = Rng(43);
    for round in 0..ROUNDS {
        let old = random_statements(&mut rng, 3);
        let mut new = old.clone();
        let at = rng.below(new.len() + 1);
        new.insert(at, random_statement(&mut rng, Some("Deny")));
        let report = compare(&old, &new);
        assert!(
            !report.adds_access,
            "round {round}: {} -> {}\n{}",
            policy(&old),
            policy(&new),
            diff::to_json(&report)
        );
    }
}

/// Concrete requests, each key with one value or none.
fn random_request(rng: &mut Rng) -> Request {
    let mut request = Request::new(
        *rng.item(&[
            "oss:GetObject",
            "oss:PutObject",
            "oss:GetObjectAcl",
            "ecs:DescribeInstances",
            "ecs:StopInstance",
            "rds:DescribeDBInstances",
            "demo:RunJob",
            "ram:CreateUser",
        ]),
        *rng.item(&[
            "*",
            "acs:oss:*:*:b1",
            "acs:oss:*:*:b1/x",
            "acs:oss:*:*:b2/a/x",
            "acs:oss:*:*:b3/c/xy",
            "acs:ecs:cn-hangzhou:1234567890123456:instance/i-1",
            "acs:ecs:cn-beijing:1234567890123456:instance/i-1",
        ]),
    );
    let context: [(&str, &[&str]); 6] = [
        (
            "acs:SourceIp",
            &["10.1.2.3", "10.2.0.1", "192.168.1.1", "203.0.113.5", "::1"],
        ),
        ("acs:SecureTransport", &["true", "false"]),
        ("oss:Prefix", &["a/b", "c/", "a/x/b"]),
        ("acs:SourceVpc", &["vpc-1", "vpc-2", "VPC-2"]),
        (
            "acs:CurrentTime",
            &[
                "2025-06-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
                "2027-01-01T00:00:00+08:00",
            ],
        ),
        ("demo:Count", &["2", "3", "7"]),
    ];
    for (key, values) in context {
        if rng.chance(50) {
            request = request.with_context(key, *rng.item(values));
        }
    }
    request
}

fn allows(statements: &[Value], request: &Request) -> bool {
    simulate::simulate(
        &[PolicySource::new("p", policy(statements))],
        request,
        Lang::En,
    )
    .unwrap()
    .decision
    .is_allowed()
}

/// No false negatives: a request the simulator allows under the new policy and not under the
/// old is always reported as added access (and the reverse as removed), whatever the pair.
#[test]
fn every_request_the_simulator_tells_apart_is_found() {
    let mut rng = Rng(44);
    for round in 0..100 {
        let old = random_statements(&mut rng, 3);
        let new = if rng.chance(50) {
            let mut new = old.clone();
            let at = rng.below(new.len());
            new[at] = random_statement(&mut rng, None);
            new
        } else {
            random_statements(&mut rng, 3)
        };
        let report = compare(&old, &new);
        for _ in 0..40 {
            let request = random_request(&mut rng);
            let (before, after) = (allows(&old, &request), allows(&new, &request));
            if after && !before {
                assert!(
                    report.adds_access,
                    "round {round}: {request:?} is new under {} -> {}",
                    policy(&old),
                    policy(&new)
                );
            }
            if before && !after {
                assert!(
                    report.removes_access,
                    "round {round}: {request:?} is gone under {} -> {}",
                    policy(&old),
                    policy(&new)
                );
            }
        }
    }
}

#[test]
fn no_input_makes_diff_panic() {
    let mut rng = Rng(45);
    for (_, text) in common::corpus() {
        for _ in 0..3 {
            let broken = rng.splice(&text, &["*", "\"Deny\"", "]", "{", "\"NotAction\""]);
            let _ = diff::diff(
                &[PolicySource::new("a", text.as_str())],
                &[PolicySource::new("b", broken)],
                &DiffOptions::default(),
            );
        }
    }
}

/// Past the statement and pattern limits a comparison is refused; past the overlap, context
/// and shape limits it stops and says so (`complete: false`), so its time stays bounded.
#[test]
fn limits_bound_the_work() {
    use ramplan_core::limits;
    let many: Vec<Value> = (0..=limits::DIFF_MAX_STATEMENTS)
        .map(|i| json!({"Effect": "Allow", "Action": format!("oss:Get{i}"), "Resource": "*"}))
        .collect();
    let error = diff::diff(
        &[PolicySource::new("old", policy(&many))],
        &[],
        &DiffOptions::default(),
    )
    .unwrap_err();
    assert_eq!(error.kind, diff::DiffErrorKind::TooLarge);
    assert!(
        error.message.contains("2001 statements"),
        "{}",
        error.message
    );

    // 250 wildcard resources: 31,125 pairs, more than the overlaps walked.
    let resources: Vec<String> = (0..250).map(|i| format!("acs:oss:*:*:b{i}-*/x*")).collect();
    let old = [json!({"Effect": "Allow", "Action": "oss:GetObject", "Resource": resources[..200]})];
    let new = [json!({"Effect": "Allow", "Action": "oss:GetObject", "Resource": resources[50..]})];
    let start = std::time::Instant::now();
    let report = compare(&old, &new);
    assert!(!report.complete && report.adds_access && report.removes_access);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("incomplete: more than 20000 overlaps")),
        "{:?}",
        report.notes
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(60));

    // Twelve condition keys with two values each, on separate statements: 4,096 ways the
    // conditions can come out, more than the contexts tried.
    let conditional: Vec<Value> = (0..12)
        .map(|i| {
            json!({"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*",
            "Condition": {"StringEquals": {format!("demo:k{i}"): "a"}}})
        })
        .collect();
    let report = compare(&conditional, &conditional[..11]);
    assert!(!report.complete, "{:?}", report.counts);
    assert_eq!(report.counts.contexts, limits::DIFF_MAX_CONTEXTS);
}
