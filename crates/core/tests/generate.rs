//! `generate`: ActionTrail events -> least-privilege policies.
//!
//! Each fixture in `tests/fixtures/actiontrail` (sources in its `SOURCES.md`) is generated
//! and compared with its reviewed snapshots, `<fixture>.snap.txt` (the text output) and
//! `<fixture>.snap.json`; `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test generate`
//! rewrites them. Properties: every generated policy is lint-clean and, simulated, allows
//! every call it was generated from; shuffled input gives the same bytes; no credential
//! from the input reaches any output.

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use ramplan_core::generate::{self, Options};
use ramplan_core::simulate::{self, PolicySource, Request};
use ramplan_core::{Lang, Severity};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/actiontrail")
}

fn fixtures() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name.ends_with(".json") || name.ends_with(".jsonl")) && !name.contains(".snap.")
        })
        .collect();
    ramplan_core::sort::sort(&mut out);
    out
}

fn load(path: &Path) -> (String, Vec<u8>) {
    (
        path.file_name().unwrap().to_string_lossy().to_string(),
        fs::read(path).unwrap(),
    )
}

fn check_snapshot(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_SNAPSHOTS=1", path.display()));
    assert_eq!(
        expected,
        actual,
        "{} differs; review and run with UPDATE_SNAPSHOTS=1",
        path.display()
    );
}

#[test]
fn fixtures_match_their_snapshots() {
    let all = fixtures();
    assert!(all.len() >= 5, "fixtures: {all:?}");
    for path in &all {
        let file = load(path);
        let generated = generate::generate_files(&[file], &Options::default()).unwrap();
        let base = path.with_extension("");
        let text_path = PathBuf::from(format!("{}.snap.txt", base.display()));
        let json_path = PathBuf::from(format!("{}.snap.json", base.display()));
        check_snapshot(&text_path, &generate::text(&generated, Lang::En));
        check_snapshot(&json_path, &generate::to_json(&generated));
    }
}

#[test]
fn chinese_output_of_one_fixture() {
    let file = load(&fixtures_dir().join("lookup-events.json"));
    let options = Options {
        lang: Lang::Zh,
        ..Options::default()
    };
    let generated = generate::generate_files(&[file], &options).unwrap();
    check_snapshot(
        &fixtures_dir().join("lookup-events.zh.snap.txt"),
        &generate::text(&generated, Lang::Zh),
    );
}

/// Every policy lints without an error (and, unless services were collapsed to wildcards,
/// without a security finding: `ram:*` rightly gets one), and allows every action on every
/// resource it was generated from.
fn assert_policies_hold(generated: &generate::Generated, options: &Options) {
    for identity in &generated.identities {
        let findings: Vec<_> = identity.policies.iter().flat_map(|p| &p.findings).collect();
        assert!(
            !findings.iter().any(|f| f.severity == Severity::Error
                || (f.severity == Severity::Security && options.collapse_above.is_none())),
            "{}: {:?}",
            identity.id,
            findings
        );
        let policies: Vec<PolicySource> = identity
            .policies
            .iter()
            .enumerate()
            .map(|(i, p)| PolicySource::new(format!("generated {i}"), p.policy.clone()))
            .collect();
        for part in &identity.policies {
            assert!(part.policy.chars().count() <= 6_144, "{}", identity.id);
        }
        for used in &identity.actions {
            for resource in &used.resources {
                let decision =
                    simulate::simulate(&policies, &Request::new(&used.action, resource), Lang::En)
                        .unwrap();
                assert!(
                    decision.decision.is_allowed(),
                    "{}: {} on {resource} is not allowed by {:?}",
                    identity.id,
                    used.action,
                    identity.policies
                );
            }
        }
    }
}

#[test]
fn generated_policies_are_lint_clean_and_allow_every_call() {
    let files: Vec<_> = fixtures().iter().map(|p| load(p)).collect();
    for options in option_variants() {
        let generated = generate::generate_files(&files, &options).unwrap();
        // The windowed variant is for the random events; over the fixtures it keeps nobody.
        assert!(!generated.identities.is_empty() || options.identity.is_some());
        assert_policies_hold(&generated, &options);
        for identity in generated
            .identities
            .iter()
            .filter(|_| options.collapse_above.is_none())
        {
            // Nothing at all to fix in the fixtures' policies.
            for part in &identity.policies {
                assert!(
                    part.findings.is_empty(),
                    "{}: {:?}",
                    identity.id,
                    part.findings
                );
            }
        }
    }
}

fn option_variants() -> Vec<Options> {
    vec![
        Options::default(),
        Options {
            read_only: true,
            ..Options::default()
        },
        Options {
            collapse_above: Some(1),
            ..Options::default()
        },
        Options {
            collapse_above: Some(1),
            read_only: true,
            ..Options::default()
        },
        Options {
            since: Some("2026-11-05T00:00:00Z".to_owned()),
            until: Some("2026-11-20T12:00:00Z".to_owned()),
            identity: Some("alice".to_owned()),
            ..Options::default()
        },
    ]
}

/// A small deterministic generator, so the property runs without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

const SERVICES: &[(&str, &[&str])] = &[
    (
        "Ecs",
        &[
            "DescribeInstances",
            "StartInstance",
            "StopInstance",
            "DescribeRegions",
        ],
    ),
    (
        "Oss",
        &[
            "GetObject",
            "PutObject",
            "GetBucketInfo",
            "GetService",
            "ListObjects",
        ],
    ),
    (
        "Slb",
        &[
            "DescribeLoadBalancerAttribute",
            "DeleteLoadBalancer",
            "CreateLoadBalancer",
        ],
    ),
    (
        "Actiontrail",
        &["LookupEvents", "DescribeTrails", "UpdateTrail"],
    ),
    ("Ram", &["ListUsers", "GetUser", "CreateUser"]),
    ("Sls", &["GetLogStoreLogs", "ListProject"]),
];

fn random_events(seed: u64, count: usize) -> Vec<serde_json::Value> {
    let mut rng = Lcg(seed);
    let users = ["alice", "bob", "etl"];
    (0..count)
        .map(|i| {
            let (service, names) = SERVICES[(rng.next() as usize) % SERVICES.len()];
            let name = names[(rng.next() as usize) % names.len()];
            let user = users[(rng.next() as usize) % users.len()];
            let mut event = serde_json::json!({
                "eventName": name,
                "serviceName": service,
                "eventType": "ApiCall",
                "eventTime": format!("2026-11-{:02}T{:02}:00:00Z", 1 + rng.next() % 28, rng.next() % 24),
                "acsRegion": "cn-hangzhou",
                "eventId": format!("EVT-{i}"),
                "userIdentity": {
                    "type": "ram-user",
                    "accountId": "1234567890123456",
                    "principalId": format!("2{:015}", rng.next() % 1000),
                    "userName": user,
                    "accessKeyId": "LTAI5tAbCdEfGhIjKlMnOp"
                }
            });
            let resource = match service {
                "Oss" => Some(("ACS::OSS::Bucket", format!("bucket-{}", rng.next() % 3))),
                "Slb" => Some(("ACS::SLB::LoadBalancer", format!("lb-{}", rng.next() % 3))),
                "Ecs" => Some(("ACS::ECS::Instance", format!("i-{}", rng.next() % 3))),
                _ => None,
            };
            if let Some((kind, name)) = resource {
                event["referencedResources"] = serde_json::json!({ kind: [name] });
            }
            event
        })
        .collect()
}

#[test]
fn random_events_give_lint_clean_policies_that_allow_every_call() {
    for seed in 0..40 {
        let events = random_events(seed, 1 + (seed as usize * 7) % 60);
        let bytes = serde_json::to_vec(&events).unwrap();
        for options in option_variants() {
            let generated =
                generate::generate_files(&[("random.json".to_owned(), bytes.clone())], &options)
                    .unwrap();
            assert_policies_hold(&generated, &options);
            if options.collapse_above.is_none() {
                for part in generated.identities.iter().flat_map(|i| &i.policies) {
                    assert!(part.findings.is_empty(), "seed {seed}: {:?}", part.findings);
                }
            }
            if let Some(wanted) = &options.identity {
                assert!(generated
                    .identities
                    .iter()
                    .all(|i| i.id.ends_with(&format!("/{wanted}"))));
            }
            for identity in &generated.identities {
                if let Some(since) = &options.since {
                    assert!(
                        identity.first_call.as_str() >= since.as_str(),
                        "seed {seed}"
                    );
                }
                if let Some(until) = &options.until {
                    assert!(identity.last_call.as_str() <= until.as_str(), "seed {seed}");
                }
            }
            let output = generate::to_json(&generated) + &generate::text(&generated, Lang::En);
            assert!(
                !output.contains("LTAI5t"),
                "seed {seed}: an AccessKey ID was echoed"
            );
        }
    }
}

#[test]
fn shuffled_input_gives_the_same_bytes() {
    for seed in 0..20 {
        let mut events = random_events(seed, 50);
        let reference = serde_json::to_vec(&events).unwrap();
        let mut rng = Lcg(seed + 1000);
        for i in (1..events.len()).rev() {
            let j = (rng.next() as usize) % (i + 1);
            events.swap(i, j);
        }
        let shuffled = serde_json::to_vec(&events).unwrap();
        let run = |bytes: Vec<u8>| {
            let mut generated =
                generate::generate_files(&[("events.json".to_owned(), bytes)], &Options::default())
                    .unwrap();
            // Examples name record numbers, which move with the order; the rest must not.
            for left in &mut generated.left_out {
                left.examples.clear();
            }
            generate::to_json(&generated)
        };
        assert_eq!(run(reference), run(shuffled), "seed {seed}");
    }
}

#[test]
fn files_in_any_order_give_the_same_policies() {
    let files: Vec<_> = fixtures().iter().map(|p| load(p)).collect();
    let mut reversed = files.clone();
    reversed.reverse();
    let a = generate::generate_files(&files, &Options::default()).unwrap();
    let b = generate::generate_files(&reversed, &Options::default()).unwrap();
    let policies = |g: &generate::Generated| {
        g.identities
            .iter()
            .map(|i| (i.id.clone(), i.policies.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(policies(&a), policies(&b));
}

#[test]
fn the_api_answers_what_the_cli_prints() {
    let path = fixtures_dir().join("lookup-events.json");
    let text = fs::read_to_string(&path).unwrap();
    let files = serde_json::json!([{"name": "lookup-events.json", "text": text}]).to_string();
    let answer = ramplan_core::api::generate(Some(&files), Some(r#"{"read_only": true}"#));
    let value: serde_json::Value = serde_json::from_str(&answer.to_json()).unwrap();
    assert_eq!(value["type"], "success", "{value}");
    let options = Options {
        read_only: true,
        ..Options::default()
    };
    let direct = generate::generate_files(&[load(&path)], &options).unwrap();
    let direct: serde_json::Value = serde_json::from_str(&generate::to_json(&direct)).unwrap();
    assert_eq!(value["generated"], direct);

    for (files, options, want) in [
        ("{}", "{}", "a list"),
        (r#"[{"name": "a", "text": "a,b"}]"#, "{}", "not JSON"),
        ("[]", r#"{"since": "soon"}"#, "ISO 8601"),
        (
            "[]",
            r#"{"identity": "LTAI5tAbCdEfGhIjKlMnOp"}"#,
            "credential",
        ),
        ("[]", r#"{"colour": 1}"#, "unknown field"),
    ] {
        let answer = ramplan_core::api::generate(Some(files), Some(options)).to_json();
        assert!(
            answer.contains("\"failure\"") && answer.contains(want),
            "{answer}"
        );
        assert!(!answer.contains("5tAb"), "{answer}");
    }
}

#[test]
fn never_panics_on_mutated_input() {
    let mut rng = Lcg(7);
    let seeds: Vec<Vec<u8>> = fixtures().iter().map(|p| fs::read(p).unwrap()).collect();
    for round in 0..300 {
        let mut bytes = seeds[round % seeds.len()].clone();
        match rng.next() % 3 {
            0 => bytes.truncate((rng.next() as usize) % (bytes.len() + 1)),
            1 => {
                for _ in 0..8 {
                    let at = (rng.next() as usize) % bytes.len().max(1);
                    if let Some(b) = bytes.get_mut(at) {
                        *b = b" {}[]\",:0aZ\n"[(rng.next() as usize) % 12];
                    }
                }
            }
            _ => {
                let at = (rng.next() as usize) % (bytes.len() + 1);
                let copy = bytes.clone();
                bytes.splice(at..at, copy);
            }
        }
        let _ = generate::generate_files(&[("m.json".to_owned(), bytes)], &Options::default());
    }
    // Deep nesting is refused by the JSON reader, not by the stack.
    let deep = "[".repeat(100_000);
    assert!(generate::generate_files(
        &[("d.json".to_owned(), deep.into_bytes())],
        &Options::default()
    )
    .is_err());
}

#[test]
fn a_policy_too_long_for_one_document_is_split_into_several_that_fit() {
    // 350 ECS actions on `*` and 300 buckets for one OSS action: far over 6,144 characters.
    let names: Vec<String> = ramplan_core::catalogue::service("ecs")
        .unwrap()
        .actions()
        .iter()
        .take(350)
        .map(|a| a.name.to_owned())
        .collect();
    assert_eq!(names.len(), 350);
    let mut events: Vec<serde_json::Value> = names
        .iter()
        .map(|name| {
            serde_json::json!({"eventName": name, "serviceName": "Ecs", "eventTime": "2026-11-01T00:00:00Z",
                "userIdentity": {"type": "ram-user", "userName": "busy", "accountId": "1234567890123456"}})
        })
        .collect();
    for i in 0..300 {
        events.push(serde_json::json!({"eventName": "GetBucketInfo", "serviceName": "Oss",
            "referencedResources": {"ACS::OSS::Bucket": [format!("bucket-number-{i:04}")]},
            "userIdentity": {"type": "ram-user", "userName": "busy", "accountId": "1234567890123456"}}));
    }
    let bytes = serde_json::to_vec(&events).unwrap();
    let options = Options::default();
    let generated = generate::generate_files(&[("busy.json".to_owned(), bytes)], &options).unwrap();
    let busy = &generated.identities[0];
    assert!(busy.policies.len() >= 3, "{}", busy.policies.len());
    for part in &busy.policies {
        assert!(part.findings.is_empty(), "{:?}", part.findings);
    }
    assert!(
        busy.notes.iter().any(|n| n.contains("split into")),
        "{:?}",
        busy.notes
    );
    assert_policies_hold(&generated, &options);
}
