//! The evaluator against a table of cases taken from RAM's documented evaluation rules and
//! examples (`tests/fixtures/simulate/{permission,trust}/*.json`, each case citing its
//! source), property tests over random policies, and a never-panic test.
//!
//! A case file is `{"group", "about", "cases": [...]}`. A permission case gives its policies
//! inline (`policies`, named `p0`, `p1`, ...), as corpus files (`corpus`) or as raw text
//! (`policy_texts`), then `action`, `resource`, `context` (a key maps to a value or to a
//! list of values), the expected `decision`, the `deciding` statements (`/Statement/1` in
//! the first policy, `1:/Statement/0` in the second) and optionally a `note` that some
//! explanation must contain. A trust case gives `policy`, `corpus` or `policy_text`,
//! `principal`, `context`, `decision`, `deciding`, and optionally `principal_path` (the
//! principal value that matched), `nearest_miss` and `note` (substrings).

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use ramplan_core::simulate::{
    self, ContextEntry, Decision, Outcome, PolicySource, Request, TrustDecision, TrustRequest,
};
use ramplan_core::Lang;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every case of every file in a folder, with the file name for messages.
fn cases(folder: &str) -> Vec<(String, Value)> {
    let dir = fixtures().join("simulate").join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    ramplan_core::sort::sort(&mut files);
    let mut out = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(doc["group"].is_string(), "{name}: no group");
        assert!(doc["about"].is_string(), "{name}: no about");
        for case in doc["cases"].as_array().unwrap() {
            out.push((name.clone(), case.clone()));
        }
    }
    out
}

fn corpus_file(name: &str) -> String {
    fs::read_to_string(fixtures().join("corpus").join(name)).unwrap()
}

fn context_of(case: &Value) -> Vec<ContextEntry> {
    let mut out = Vec::new();
    if let Some(map) = case["context"].as_object() {
        for (key, value) in map {
            let values: Vec<&str> = match value {
                Value::Array(items) => items.iter().map(|v| v.as_str().unwrap()).collect(),
                other => vec![other.as_str().unwrap()],
            };
            for v in values {
                out.push(ContextEntry {
                    key: key.clone(),
                    value: v.to_owned(),
                });
            }
        }
    }
    out
}

fn permission_sources(case: &Value) -> Vec<PolicySource> {
    let mut sources = Vec::new();
    if let Some(policies) = case["policies"].as_array() {
        for (i, p) in policies.iter().enumerate() {
            sources.push(PolicySource::new(
                format!("p{i}"),
                serde_json::to_string_pretty(p).unwrap(),
            ));
        }
    }
    if let Some(files) = case["corpus"].as_array() {
        for f in files {
            let name = f.as_str().unwrap();
            sources.push(PolicySource::new(name, corpus_file(name)));
        }
    }
    if let Some(texts) = case["policy_texts"].as_array() {
        for (i, t) in texts.iter().enumerate() {
            sources.push(PolicySource::new(format!("t{i}"), t.as_str().unwrap()));
        }
    }
    sources
}

/// `/Statement/1` is in the first policy; `1:/Statement/0` in the second.
fn expected_deciding(case: &Value) -> BTreeSet<(usize, String)> {
    case["deciding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let d = d.as_str().unwrap();
            match d.split_once(":/") {
                Some((index, path)) => (index.parse().unwrap(), format!("/{path}")),
                None => (0, d.to_owned()),
            }
        })
        .collect()
}

fn all_notes(decision: &Decision) -> Vec<String> {
    let mut notes = decision.notes.clone();
    for s in &decision.statements {
        notes.extend(s.note.clone());
        notes.extend(s.conditions.iter().filter_map(|c| c.note.clone()));
    }
    notes
}

fn check_permission_case(file: &str, case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().unwrap_or("?");
    let sources = permission_sources(case);
    let request = Request {
        action: case["action"].as_str().unwrap().to_owned(),
        resource: case["resource"].as_str().unwrap().to_owned(),
        context: context_of(case),
        principal: case["principal"].as_str().unwrap_or_default().to_owned(),
    };
    let answer = simulate::simulate(&sources, &request, Lang::En);
    // A malformed request is refused, with a message that says why.
    if let Some(expected) = case["error"].as_str() {
        return match answer {
            Err(error) if error.message.contains(expected) => Ok(()),
            Err(error) => Err(format!(
                "{file}: {name}: error `{error}` does not say `{expected}`"
            )),
            Ok(decision) => Err(format!(
                "{file}: {name}: expected the request refused, got {}",
                decision.decision.as_str()
            )),
        };
    }
    let decision = answer.map_err(|e| format!("{file}: {name}: error {e}"))?;
    let expected = case["decision"].as_str().unwrap();
    if decision.decision.as_str() != expected {
        return Err(format!(
            "{file}: {name}: expected {expected}, got {}\n{}",
            decision.decision.as_str(),
            simulate::text(&decision, Lang::En)
        ));
    }
    let deciding: BTreeSet<(usize, String)> = decision
        .decided_by
        .iter()
        .map(|r| {
            let index = sources.iter().position(|s| s.name == r.source).unwrap();
            (index, r.path.clone())
        })
        .collect();
    if deciding != expected_deciding(case) {
        return Err(format!(
            "{file}: {name}: deciding {deciding:?}, expected {:?}",
            expected_deciding(case)
        ));
    }
    if let Some(note) = case["note"].as_str() {
        let notes = all_notes(&decision);
        if !notes.iter().any(|n| n.contains(note)) {
            return Err(format!(
                "{file}: {name}: no note contains `{note}`: {notes:?}"
            ));
        }
    }
    Ok(())
}

#[test]
fn permission_table() {
    let all = cases("permission");
    assert!(all.len() >= 100, "only {} permission cases", all.len());
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for (file, case) in &all {
        let name = case["name"].as_str().unwrap();
        assert!(
            names.insert(name.to_owned()),
            "duplicate case name `{name}`"
        );
        let source = case["source"].as_str().unwrap_or_default();
        assert!(!source.trim().is_empty(), "{file}: {name}: no source");
        if let Err(e) = check_permission_case(file, case) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Reversing the statements of every inline policy, and the order of the policies, leaves
/// each table case's decision and deciding statements (by content) unchanged.
#[test]
fn permission_table_is_order_independent() {
    for (file, case) in cases("permission") {
        let Some(policies) = case["policies"].as_array() else {
            continue;
        };
        if case.get("error").is_some() {
            continue;
        }
        let request = Request {
            action: case["action"].as_str().unwrap().to_owned(),
            resource: case["resource"].as_str().unwrap().to_owned(),
            context: context_of(&case),
            principal: String::new(),
        };
        let sources = |policies: &[Value]| -> Vec<PolicySource> {
            policies
                .iter()
                .enumerate()
                .map(|(i, p)| PolicySource::new(format!("p{i}"), p.to_string()))
                .collect()
        };
        let reversed: Vec<Value> = policies
            .iter()
            .rev()
            .map(|p| {
                let mut p = p.clone();
                if let Some(statements) = p["Statement"].as_array_mut() {
                    statements.reverse();
                }
                p
            })
            .collect();
        let a_sources = sources(policies);
        let b_sources = sources(&reversed);
        let a = simulate::simulate(&a_sources, &request, Lang::En).unwrap();
        let b = simulate::simulate(&b_sources, &request, Lang::En).unwrap();
        assert_eq!(a.decision, b.decision, "{file}: {}", case["name"]);
        assert_eq!(
            deciding_texts(&a, &a_sources),
            deciding_texts(&b, &b_sources),
            "{file}: {}",
            case["name"]
        );
    }
}

fn check_trust_case(file: &str, case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().unwrap_or("?");
    let text = if let Some(p) = case.get("policy") {
        serde_json::to_string_pretty(p).unwrap()
    } else if let Some(f) = case["corpus"].as_str() {
        corpus_file(f)
    } else {
        case["policy_text"].as_str().unwrap().to_owned()
    };
    let request = TrustRequest {
        principal: case["principal"].as_str().unwrap().to_owned(),
        context: context_of(case),
    };
    let decision = simulate::simulate_trust(&PolicySource::new("trust", text), &request, Lang::En)
        .map_err(|e| format!("{file}: {name}: error {e}"))?;
    let shown = || simulate::trust_text(&decision, Lang::En);
    let expected = case["decision"].as_str().unwrap();
    if decision.decision.as_str() != expected {
        return Err(format!(
            "{file}: {name}: expected {expected}, got {}\n{}",
            decision.decision.as_str(),
            shown()
        ));
    }
    let deciding: BTreeSet<(usize, String)> = decision
        .decided_by
        .iter()
        .map(|r| (0, r.path.clone()))
        .collect();
    if deciding != expected_deciding(case) {
        return Err(format!(
            "{file}: {name}: deciding {deciding:?}\n{}",
            shown()
        ));
    }
    if let Some(path) = case["principal_path"].as_str() {
        let found = decision
            .decided_by
            .first()
            .and_then(|r| r.principal.clone());
        if found.as_deref() != Some(path) {
            return Err(format!(
                "{file}: {name}: matched principal {found:?}, expected {path}"
            ));
        }
    }
    if let Some(miss) = case["nearest_miss"].as_str() {
        let found = decision.nearest_miss.clone().unwrap_or_default();
        if !found.contains(miss) {
            return Err(format!(
                "{file}: {name}: nearest miss `{found}` lacks `{miss}`"
            ));
        }
    }
    if let Some(note) = case["note"].as_str() {
        let mut notes = decision.notes.clone();
        for s in &decision.statements {
            notes.extend(s.note.clone());
            notes.extend(s.principals.iter().filter_map(|p| p.reason.clone()));
        }
        if !notes.iter().any(|n| n.contains(note)) {
            return Err(format!(
                "{file}: {name}: no note contains `{note}`: {notes:?}"
            ));
        }
    }
    Ok(())
}

#[test]
fn trust_table() {
    let all = cases("trust");
    assert!(all.len() >= 30, "only {} trust cases", all.len());
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for (file, case) in &all {
        let name = case["name"].as_str().unwrap();
        assert!(
            names.insert(name.to_owned()),
            "duplicate case name `{name}`"
        );
        assert!(
            !case["source"]
                .as_str()
                .unwrap_or_default()
                .trim()
                .is_empty(),
            "{file}: {name}: no source"
        );
        if let Err(e) = check_trust_case(file, case) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn json_follows_the_contract() {
    let policy = corpus_file("11-ecs-deny-not-ip-address.json");
    let request = Request::new(
        "ecs:StopInstance",
        "acs:ecs:cn-hangzhou:1234567890123456:instance/i-1",
    )
    .with_context("acs:SourceIp", "198.51.100.1");
    let decision = simulate::simulate(
        &[PolicySource::new("deny.json", policy)],
        &request,
        Lang::En,
    )
    .unwrap();
    let value: Value = serde_json::from_str(&simulate::to_json(&decision)).unwrap();
    assert_eq!(value["decision"], "explicit-deny");
    let deny = &value["statements"][1];
    for field in [
        "source",
        "path",
        "effect",
        "action_matched",
        "resource_matched",
        "condition_matched",
        "conditions",
    ] {
        assert!(deny.get(field).is_some(), "no `{field}` in {deny}");
    }
    assert_eq!(deny["source"], "deny.json");
    assert_eq!(deny["path"], "/Statement/1");
    assert_eq!(deny["effect"], "Deny");
    assert_eq!(deny["deciding"], true);
    let condition = &deny["conditions"][0];
    assert_eq!(condition["operator"], "NotIpAddress");
    assert_eq!(condition["key"], "acs:SourceIp");
    assert_eq!(condition["values"], json!(["192.0.2.0/24", "203.0.113.2"]));
    assert_eq!(condition["request_values"], json!(["198.51.100.1"]));
    assert_eq!(condition["matched"], true);
    assert!(condition.get("note").is_some());
    assert_eq!(
        value["decided_by"],
        json!([{"source": "deny.json", "path": "/Statement/1"}])
    );
}

#[test]
fn chinese_explanations() {
    let policy = corpus_file("15-ecs-secure-transport-bool.json");
    let request = Request::new("ecs:StopInstance", "*");
    let decision =
        simulate::simulate(&[PolicySource::new("p.json", policy)], &request, Lang::Zh).unwrap();
    let text = simulate::text(&decision, Lang::Zh);
    assert!(text.starts_with("判定：隐式拒绝"), "{text}");
    assert!(text.contains("非否定运算符在键缺失时不匹配"), "{text}");
}

#[test]
fn output_is_deterministic() {
    for (_, case) in cases("permission") {
        if case.get("error").is_some() {
            continue;
        }
        let sources = permission_sources(&case);
        let request = Request {
            action: case["action"].as_str().unwrap().to_owned(),
            resource: case["resource"].as_str().unwrap().to_owned(),
            context: context_of(&case),
            principal: String::new(),
        };
        let a = simulate::simulate(&sources, &request, Lang::En).unwrap();
        let b = simulate::simulate(&sources, &request, Lang::En).unwrap();
        assert_eq!(simulate::to_json(&a), simulate::to_json(&b));
        assert_eq!(simulate::text(&a, Lang::En), simulate::text(&b, Lang::En));
    }
}

// ------------------------------------------------------------------ property tests

use common::Lcg as Rng;

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
];
const RESOURCES: &[&str] = &[
    "*",
    "acs:oss:*:*:b1",
    "acs:oss:*:*:b1/*",
    "acs:oss:*:*:b?/*",
    "acs:ecs:*:*:instance/*",
    "acs:ecs:cn-hangzhou:*:*",
];

fn random_condition(rng: &mut Rng) -> Value {
    let options = [
        json!({"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "192.168.1.1"]}}),
        json!({"NotIpAddress": {"acs:SourceIp": "10.0.0.0/8"}}),
        json!({"Bool": {"acs:SecureTransport": "true"}}),
        json!({"StringLike": {"oss:Prefix": "a/*"}}),
        json!({"StringNotEquals": {"acs:SourceVpc": "vpc-1"}}),
        json!({"StringEqualsIgnoreCase": {"acs:SourceVpc": "VPC-2"}}),
        json!({"DateLessThan": {"acs:CurrentTime": "2026-01-01T00:00:00Z"}}),
        json!({"NumericLessThan": {"demo:Count": "5"}}),
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

fn random_request(rng: &mut Rng) -> Request {
    let mut request = Request::new(
        *rng.item(&[
            "oss:GetObject",
            "oss:PutObject",
            "ecs:DescribeInstances",
            "ecs:StopInstance",
        ]),
        *rng.item(&[
            "acs:oss:*:*:b1",
            "acs:oss:*:*:b1/x",
            "acs:oss:*:*:b2/a/x",
            "acs:ecs:cn-hangzhou:1234567890123456:instance/i-1",
        ]),
    );
    let context: [(&str, &[&str]); 6] = [
        (
            "acs:SourceIp",
            &["10.1.2.3", "192.168.1.1", "203.0.113.5", "::1"],
        ),
        ("acs:SecureTransport", &["true", "false"]),
        ("oss:Prefix", &["a/b", "c/"]),
        ("acs:SourceVpc", &["vpc-1", "vpc-2"]),
        (
            "acs:CurrentTime",
            &["2025-06-01T00:00:00Z", "2027-01-01T00:00:00+08:00"],
        ),
        ("demo:Count", &["3", "7", "x"]),
    ];
    for (key, values) in context {
        for _ in 0..rng.below(3) {
            request = request.with_context(key, *rng.item(values));
        }
    }
    request
}

fn policy(statements: &[Value]) -> String {
    json!({"Version": "1", "Statement": statements}).to_string()
}

fn decide(statements: &[Value], extra_policy: Option<&[Value]>, request: &Request) -> Decision {
    let mut sources = vec![PolicySource::new("p0", policy(statements))];
    if let Some(extra) = extra_policy {
        sources.push(PolicySource::new("p1", policy(extra)));
    }
    simulate::simulate(&sources, request, Lang::En).unwrap()
}

/// The deciding statements by their JSON text, so that reordering can be compared.
fn deciding_texts(decision: &Decision, sources: &[PolicySource]) -> BTreeSet<String> {
    decision
        .decided_by
        .iter()
        .map(|r| {
            let source = sources.iter().find(|s| s.name == r.source).unwrap();
            let root: Value = serde_json::from_str(&source.text).unwrap();
            root.pointer(&r.path).unwrap().to_string()
        })
        .collect()
}

const ROUNDS: u64 = 1_500;

#[test]
fn adding_a_deny_never_turns_a_denial_into_an_allow() {
    let mut rng = Rng(0x5eed_0001);
    let mut checked_denials = 0;
    for _ in 0..ROUNDS {
        let statements: Vec<Value> = (0..=rng.below(4))
            .map(|_| random_statement(&mut rng, None))
            .collect();
        let request = random_request(&mut rng);
        let before = decide(&statements, None, &request);
        let deny = random_statement(&mut rng, Some("Deny"));
        let mut more = statements.clone();
        more.insert(rng.below(more.len() + 1), deny.clone());
        let after_same = decide(&more, None, &request);
        let after_other = decide(&statements, Some(&[deny]), &request);
        for after in [&after_same, &after_other] {
            if !before.decision.is_allowed() {
                checked_denials += 1;
                assert!(
                    !after.decision.is_allowed(),
                    "a Deny turned a denial into an allow: {}",
                    policy(&more)
                );
            }
            if before.decision == Outcome::ExplicitDeny {
                assert_eq!(after.decision, Outcome::ExplicitDeny);
            }
        }
    }
    assert!(
        checked_denials > 500,
        "only {checked_denials} denials checked"
    );
}

#[test]
fn adding_an_allow_never_turns_an_allow_into_a_deny() {
    let mut rng = Rng(0x5eed_0002);
    let mut checked_allows = 0;
    for _ in 0..ROUNDS {
        let statements: Vec<Value> = (0..=rng.below(4))
            .map(|_| random_statement(&mut rng, None))
            .collect();
        let request = random_request(&mut rng);
        let before = decide(&statements, None, &request);
        let allow = random_statement(&mut rng, Some("Allow"));
        let mut more = statements.clone();
        more.insert(rng.below(more.len() + 1), allow);
        let after = decide(&more, None, &request);
        if before.decision.is_allowed() {
            checked_allows += 1;
            assert!(
                after.decision.is_allowed(),
                "an Allow denied: {}",
                policy(&more)
            );
        }
        if before.decision == Outcome::ExplicitDeny {
            assert_eq!(after.decision, Outcome::ExplicitDeny);
        }
    }
    assert!(checked_allows > 150, "only {checked_allows} allows checked");
}

#[test]
fn statement_order_never_changes_a_decision() {
    let mut rng = Rng(0x5eed_0003);
    let mut seen = BTreeSet::new();
    for _ in 0..ROUNDS {
        let statements: Vec<Value> = (0..=rng.below(5))
            .map(|_| random_statement(&mut rng, None))
            .collect();
        let request = random_request(&mut rng);
        let sources = vec![PolicySource::new("p0", policy(&statements))];
        let before = simulate::simulate(&sources, &request, Lang::En).unwrap();
        seen.insert(before.decision.as_str());
        // A random permutation (Fisher-Yates), then a random split into two policies.
        let mut shuffled = statements.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let split = rng.below(shuffled.len() + 1);
        let (first, second) = shuffled.split_at(split);
        let shuffled_sources = vec![
            PolicySource::new("p0", policy(first)),
            PolicySource::new("p1", policy(second)),
        ];
        let after = simulate::simulate(&shuffled_sources, &request, Lang::En).unwrap();
        assert_eq!(before.decision, after.decision, "{}", policy(&statements));
        assert_eq!(
            deciding_texts(&before, &sources),
            deciding_texts(&after, &shuffled_sources),
            "{}",
            policy(&statements)
        );
    }
    assert_eq!(
        seen.len(),
        3,
        "the generator should reach all three outcomes: {seen:?}"
    );
}

const PRINCIPALS: &[&str] = &[
    "1234567890123456",
    "acs:ram::1234567890123456:user/alice",
    "acs:ram::6543210987654321:user/alice",
    "acs:ram::1234567890123456:role/r",
    "ecs.aliyuncs.com",
    "1234567890123456@engine.dataworks.aliyuncs.com",
    "acs:ram::1234567890123456:saml-provider/idp",
];

fn random_trust_statement(rng: &mut Rng, effect: Option<&str>) -> Value {
    let entries = [
        json!({"RAM": ["acs:ram::1234567890123456:root"]}),
        json!({"RAM": "acs:ram::1234567890123456:user/alice"}),
        json!({"Service": ["ecs.aliyuncs.com", "1234567890123456@engine.dataworks.aliyuncs.com"]}),
        json!({"Federated": ["acs:ram::1234567890123456:saml-provider/idp"]}),
        json!({"RAM": ["*"]}),
    ];
    let effect = effect.unwrap_or_else(|| *rng.item(&["Allow", "Allow", "Deny"]));
    let action = *rng.item(&["sts:AssumeRole", "sts:*", "sts:GetCallerIdentity"]);
    let mut statement =
        json!({"Effect": effect, "Action": action, "Principal": rng.item(&entries).clone()});
    if rng.chance(30) {
        statement["Condition"] =
            json!({"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}});
    }
    statement
}

#[test]
fn trust_properties_hold() {
    let mut rng = Rng(0x5eed_0004);
    for _ in 0..ROUNDS {
        let statements: Vec<Value> = (0..=rng.below(3))
            .map(|_| random_trust_statement(&mut rng, None))
            .collect();
        let mut request = TrustRequest::new(*rng.item(PRINCIPALS));
        if rng.chance(50) {
            request =
                request.with_context("saml:recipient", "https://signin.aliyun.com/saml-role/sso");
        }
        let run = |statements: &[Value]| -> TrustDecision {
            simulate::simulate_trust(
                &PolicySource::new("t", policy(statements)),
                &request,
                Lang::En,
            )
            .unwrap()
        };
        let before = run(&statements);
        let mut reversed = statements.clone();
        reversed.reverse();
        assert_eq!(
            before.decision,
            run(&reversed).decision,
            "{}",
            policy(&statements)
        );
        let mut with_deny = statements.clone();
        with_deny.push(random_trust_statement(&mut rng, Some("Deny")));
        if !before.decision.is_allowed() {
            assert!(
                !run(&with_deny).decision.is_allowed(),
                "{}",
                policy(&with_deny)
            );
        }
        if before.decision == Outcome::ImplicitDeny && !statements.is_empty() {
            let has_allow = statements.iter().any(|s| s["Effect"] == "Allow");
            assert_eq!(
                before.nearest_miss.is_some(),
                has_allow,
                "{}",
                policy(&statements)
            );
        }
    }
}

// ------------------------------------------------------------------ never panic

#[test]
fn no_input_makes_the_evaluator_panic() {
    let mut corpus: Vec<String> = fs::read_dir(fixtures().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    ramplan_core::sort::sort(&mut corpus);
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "\\",
        "*",
        "?",
        "/",
        "é",
        "😀",
        "\"Condition\"",
        "{\"IpAddress\":{\"acs:SourceIp\":\"1.2.3.4/99\"}}",
        "\"DateLessThan\"",
        "\"9999-12-31T23:59:60+14:00\"",
        "\"-0.0\"",
        "null",
        "1e999",
        "\"Principal\"",
        "\"*\"",
    ];
    let requests = [
        Request::new("ecs:StopInstance", "*"),
        Request::new("oss:GetObject", "acs:oss:*:*:myphotos/a.jpg")
            .with_context("acs:SourceIp", "192.168.1.1")
            .with_context("acs:CurrentTime", "2019-08-12T08:00:00Z")
            .with_context("acs:SecureTransport", "true")
            .with_context("oss:Prefix", "hangzhou/"),
        Request::new("a:😀", "é").with_context("acs:SourceIp", "::ffff:1.2.3.4"),
    ];
    let trust_requests = [
        TrustRequest::new("1234567890123456"),
        TrustRequest::new("acs:ram::1234567890123456:saml-provider/testprovider")
            .with_context("saml:recipient", "https://signin.aliyun.com/saml-role/sso"),
        TrustRequest::new("ecs.aliyuncs.com"),
    ];
    let mut rng = Rng(0x5eed_0005);
    let mut checked = 0usize;
    let run = |text: &str, rng: &mut Rng| {
        let request = rng.item(&requests);
        if let Ok(d) = simulate::simulate(&[PolicySource::new("p", text)], request, Lang::Zh) {
            let _ = simulate::text(&d, Lang::Zh);
            let _ = simulate::to_json(&d);
        }
        let trust = rng.item(&trust_requests);
        if let Ok(d) = simulate::simulate_trust(&PolicySource::new("t", text), trust, Lang::En) {
            let _ = simulate::trust_text(&d, Lang::En);
            let _ = simulate::trust_to_json(&d);
        }
    };
    for text in &corpus {
        for end in (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(3)
        {
            run(&text[..end], &mut rng);
            checked += 1;
        }
        for _ in 0..100 {
            let mut mutated = text.clone();
            for _ in 0..(1 + rng.below(4)) {
                let mut at = rng.below(mutated.len() + 1);
                while !mutated.is_char_boundary(at) {
                    at -= 1;
                }
                let piece = pieces[rng.below(pieces.len())];
                mutated.insert_str(at, piece);
            }
            run(&mutated, &mut rng);
            checked += 1;
        }
    }
    // Random request values, principals and context.
    let words = [
        "",
        "*",
        ":",
        "acs:ram::",
        "acs:ram::1:user/",
        "@",
        "@x.aliyuncs.com",
        "1234567890123456",
        ".aliyuncs.com",
        "é",
        "😀",
        "=",
        "acs:oss:*:*:b/*",
        "LTAI",
        "root",
        "/",
        "?",
    ];
    let text = corpus.first().unwrap();
    for _ in 0..2_000 {
        let word =
            |rng: &mut Rng| -> String { (0..rng.below(4)).map(|_| *rng.item(&words)).collect() };
        let request = Request::new(word(&mut rng), word(&mut rng))
            .with_context(word(&mut rng), word(&mut rng));
        let _ = simulate::simulate(&[PolicySource::new("p", text.as_str())], &request, Lang::En);
        let trust = TrustRequest::new(word(&mut rng)).with_context(word(&mut rng), word(&mut rng));
        let _ = simulate::simulate_trust(&PolicySource::new("t", text.as_str()), &trust, Lang::En);
        checked += 1;
    }
    assert!(checked > 5_000, "{checked}");
}
