//! `ramplan build` as a user runs it: every template with its example parameters prints its
//! reviewed snapshot, the exports go through `convert`, and mistakes exit 2 with a message
//! that says what to do (and never echoes a credential).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Output;

mod common;

use common::{stderr, stdout};

use ramplan_core::builder::templates::TEMPLATES;

fn ramplan(args: &[&str]) -> Output {
    common::ramplan(args, None)
}

fn build(template: &str, sets: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["build", "--template", template];
    for set in sets {
        args.push("--set");
        args.push(set);
    }
    args.extend_from_slice(extra);
    ramplan(&args)
}

#[test]
fn every_template_prints_its_snapshot() {
    for t in TEMPLATES {
        let sets: Vec<String> = t
            .example_params()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
        let output = build(t.id, &sets, &[]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}: {}",
            t.id,
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{}", t.id);
        let expected = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/builder/templates")
                .join(format!("{}.json", t.id)),
        )
        .unwrap();
        assert_eq!(stdout(&output), expected, "{}", t.id);
    }
}

#[test]
fn defaults_fill_what_is_not_set() {
    let output = build("log-write-logstore", &["project=p-1", "logstore=l_1"], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("\"acs:log:*:*:project/p-1/logstore/l_1\""));
    let output = build(
        "log-write-logstore",
        &[
            "project=p-1",
            "logstore=l_1",
            "region=cn-hangzhou",
            "account=1234567890123456",
        ],
        &[],
    );
    assert!(stdout(&output)
        .contains("\"acs:log:cn-hangzhou:1234567890123456:project/p-1/logstore/l_1\""));
}

#[test]
fn exports_go_through_convert() {
    let sets = [
        "bucket=examplebucket",
        "dir=team/reports",
        "access=read-write",
    ];
    for (format, needle) in [
        ("tf", "resource \"alicloud_ram_policy\" \"team_reader\""),
        ("ros", "ALIYUN::RAM::ManagedPolicy"),
        ("sh", "CreatePolicy \\\n  --PolicyName 'team-reader'"),
    ] {
        let output = build(
            "oss-folder",
            &sets,
            &["--format", format, "--name", "team-reader"],
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stderr(&output)
        );
        let out = stdout(&output);
        assert!(out.contains(needle), "{format}: {out}");
        assert!(out.contains("team/reports/*"), "{format}");
    }
    // Without --name, the policy is named after the template.
    let output = build("require-https", &[], &["--format", "sh"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("require-https"));
}

#[test]
fn explain_writes_one_sentence_per_statement_to_stderr() {
    let output = build(
        "oss-folder",
        &["bucket=examplebucket", "dir=a/b"],
        &["--explain", "--lang", "zh"],
    );
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    for i in 0..5 {
        assert!(err.contains(&format!("# 语句 {i}")), "{err}");
    }
    assert!(err.contains("来源"), "{err}");
    assert!(stdout(&output).starts_with('{'));
}

#[test]
fn list_shows_templates_and_parameters() {
    let output = ramplan(&["build", "--list"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    for t in TEMPLATES {
        assert!(out.contains(t.id), "{}", t.id);
        for p in t.params {
            assert!(
                out.contains(&format!("    {} (", p.name)),
                "{} {}",
                t.id,
                p.name
            );
        }
    }
    let output = ramplan(&["build", "--list", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(TEMPLATES.len()));
    assert_eq!(listed[0]["params"][0]["required"], true);
    assert_eq!(
        ramplan(&["build", "--list", "--format", "tf"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn mistakes_exit_2_and_say_what_to_do() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["build", "--template", "oss-foldr"],
            "did you mean `oss-folder`?",
        ),
        (
            &["build", "--template", "nothing-like-it"],
            "`ramplan build --list` lists them",
        ),
        (
            &[
                "build",
                "--template",
                "oss-folder",
                "--set",
                "bucket=examplebucket",
            ],
            "`dir` is required",
        ),
        (
            &[
                "build",
                "--template",
                "oss-folder",
                "--set",
                "bucket=Example",
                "--set",
                "dir=a",
            ],
            "`Example` is not a bucket name",
        ),
        (
            &["build", "--template", "oss-folder", "--set", "bucket"],
            "`--set bucket` is not KEY=VALUE",
        ),
        (
            &[
                "build",
                "--template",
                "require-mfa",
                "--set",
                "action=ram:*",
            ],
            "did you mean `actions`?",
        ),
    ];
    for (args, needle) in cases {
        let output = ramplan(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(needle),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stdout(&output), "", "{args:?}");
    }
    let output = ramplan(&["build"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn credentials_are_refused_and_never_echoed() {
    let key = "LTAI5tAbCdEfGhIjKlMnOpQr";
    for args in [
        vec![
            "build",
            "--template",
            "oss-folder",
            "--set",
            "bucket=examplebucket",
            "--set",
        ],
        vec![
            "build",
            "--template",
            "oss-folder",
            "--set",
            "dir=a",
            "--set",
        ],
    ] {
        for set in [format!("bucket={key}"), format!("{key}=x"), key.to_owned()] {
            let mut args = args.clone();
            args.push(&set);
            let output = ramplan(&args);
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            assert!(!stderr(&output).contains(key), "{}", stderr(&output));
            assert!(!stdout(&output).contains(key));
        }
    }
    let output = build("require-https", &[], &["--format", "tf", "--name", key]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).contains(key));
}

#[test]
fn chosen_parameters_that_earn_warnings_still_print_with_the_warning() {
    let output = build("deny-outside-ip-range", &["cidrs=10.0.0.0/8"], &[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("RP408"), "{}", stderr(&output));
    assert!(stdout(&output).contains("10.0.0.0/8"));
}
