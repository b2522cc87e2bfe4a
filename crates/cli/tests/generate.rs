//! `ramplan generate --from-actiontrail` as a user runs it: the fixtures print what core
//! generates (the snapshots are core's, `crates/core/tests/generate.rs`), the options narrow
//! it, file order does not matter, mistakes exit 2 and say what to do, and no credential
//! from the input is ever printed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{path, stderr, stdout};

fn ramplan(args: &[&str]) -> std::process::Output {
    common::ramplan(args, None)
}

const FIXTURES: &[&str] = &[
    "actiontrail/credential-values.json",
    "actiontrail/lookup-events.json",
    "actiontrail/oss-delivered.json",
    "actiontrail/single-event.json",
    "actiontrail/sls-export.jsonl",
];

#[test]
fn each_fixture_prints_its_snapshot() {
    for fixture in FIXTURES {
        let file = path(fixture);
        let out = ramplan(&["generate", "--from-actiontrail", &file]);
        assert_eq!(out.status.code(), Some(0), "{fixture}: {}", stderr(&out));
        let base = file.rsplit_once('.').unwrap().0;
        let expected = std::fs::read_to_string(format!("{base}.snap.txt")).unwrap();
        // The CLI names the file by the path it was given; core's snapshot by its name.
        let name = fixture.rsplit('/').next().unwrap();
        assert_eq!(stdout(&out).replace(&file, name), expected, "{fixture}");
        let json = ramplan(&["generate", "--from-actiontrail", &file, "--format", "json"]);
        let expected = std::fs::read_to_string(format!("{base}.snap.json")).unwrap();
        assert_eq!(stdout(&json).replace(&file, name), expected, "{fixture}");
    }
}

#[test]
fn options_narrow_the_policies() {
    let all: Vec<String> = FIXTURES.iter().map(|f| path(f)).collect();
    let mut args = vec!["generate", "--format", "json", "--from-actiontrail"];
    args.extend(all.iter().map(String::as_str));
    let run = |extra: &[&str]| {
        let mut full = args.clone();
        full.extend_from_slice(extra);
        let out = ramplan(&full);
        let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        (out.status.code(), value)
    };
    let (code, everything) = run(&[]);
    assert_eq!(code, Some(0));
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["identities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&everything),
        [
            "assumed-role/ops-auditor",
            "ram-user/alice",
            "ram-user/ci-bot",
            "ram-user/dashboards",
            "ram-user/etl",
            "root-account"
        ]
    );
    let (_, one) = run(&["--identity", "etl"]);
    assert_eq!(ids(&one), ["ram-user/etl"]);
    let (_, window) = run(&[
        "--since",
        "2026-11-06T00:00:00Z",
        "--until",
        "2026-11-06T23:59:59Z",
    ]);
    assert_eq!(ids(&window), ["ram-user/etl", "root-account"]);
    let (_, reads) = run(&["--read-only", "--identity", "ram-user/etl"]);
    let policy = reads["identities"][0]["policies"][0]["policy"]
        .as_str()
        .unwrap();
    assert!(
        policy.contains("oss:GetBucketInfo") && !policy.contains("PutBucketLifecycle"),
        "{policy}"
    );
    let (_, collapsed) = run(&["--collapse-above", "1", "--identity", "etl"]);
    let policy = collapsed["identities"][0]["policies"][0]["policy"]
        .as_str()
        .unwrap();
    assert!(policy.contains("\"oss:*\""), "{policy}");
    let (code, nobody) = run(&["--identity", "nobody"]);
    assert_eq!(code, Some(1), "no identity, no policy");
    assert!(ids(&nobody).is_empty());
}

#[test]
fn file_order_does_not_change_the_policies() {
    let policies = |files: &[&str]| {
        let mut args = vec!["generate", "--format", "json", "--from-actiontrail"];
        let paths: Vec<String> = files.iter().map(|f| path(f)).collect();
        args.extend(paths.iter().map(String::as_str));
        let value: serde_json::Value = serde_json::from_str(&stdout(&ramplan(&args))).unwrap();
        value["identities"].clone()
    };
    let mut reversed = FIXTURES.to_vec();
    reversed.reverse();
    assert_eq!(policies(FIXTURES), policies(&reversed));
}

#[test]
fn mistakes_exit_2_and_say_what_to_do() {
    let events = path("actiontrail/lookup-events.json");
    for (args, want) in [
        (
            vec!["--since", "yesterday"],
            "--since: `yesterday` is not an ISO 8601 time",
        ),
        (vec!["--collapse-above", "0"], "at least 1"),
        (
            vec!["--identity", "LTAI5tAbCdEfGhIjKlMnOp"],
            "looks like a credential",
        ),
    ] {
        let mut full = vec!["generate", "--from-actiontrail", &events];
        full.extend(args);
        let out = ramplan(&full);
        assert_eq!(out.status.code(), Some(2), "{want}");
        assert!(stderr(&out).contains(want), "{}", stderr(&out));
        assert!(!stderr(&out).contains("5tAb"), "{}", stderr(&out));
    }
    let out = common::ramplan(
        &["generate", "--from-actiontrail", "-"],
        Some("a,b,c\n1,2,3\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("CSV download is not read"),
        "{}",
        stderr(&out)
    );
    let out = ramplan(&["generate", "--from-actiontrail", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn access_key_ids_are_dropped_and_said_so() {
    let file = path("actiontrail/credential-values.json");
    for format in ["text", "json"] {
        let out = ramplan(&["generate", "--from-actiontrail", &file, "--format", format]);
        let printed = stdout(&out) + &stderr(&out);
        assert!(
            !printed.contains("LTAI5t") && !printed.contains("Q7xk2L"),
            "{printed}"
        );
        assert!(printed.contains("accessKeyId"), "{printed}");
    }
}
