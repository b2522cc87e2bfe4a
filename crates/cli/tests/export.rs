//! `ramplan plan --format sh|tf|ros`, `--out`, and `ramplan convert` as a user runs them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{fixture, path, ramplan, stderr, stdout};

const EMR: &str = "scenarios/dataworks-emr/valid-basic-hadoop.input.json";
const EMR_INVALID: &str = "scenarios/dataworks-emr/invalid-masked-uid.input.json";

#[test]
fn plan_prints_each_export_as_its_snapshot() {
    for (format, extension) in [("sh", "sh"), ("tf", "tf"), ("ros", "ros.yaml")] {
        for lang in ["en", "zh"] {
            let output = ramplan(
                &[
                    "plan",
                    "dataworks-emr",
                    "--input",
                    &path(EMR),
                    "--format",
                    format,
                    "--lang",
                    lang,
                ],
                None,
            );
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            let expected = std::fs::read_to_string(fixture(&format!(
                "scenarios/dataworks-emr/valid-basic-hadoop.{lang}.{extension}"
            )))
            .unwrap();
            assert_eq!(stdout(&output), expected, "--format {format} --lang {lang}");
        }
    }
}

#[test]
fn plan_errors_give_no_export_and_exit_one() {
    for format in ["sh", "tf", "ros"] {
        let output = ramplan(
            &[
                "plan",
                "dataworks-emr",
                "--input",
                &path(EMR_INVALID),
                "--format",
                format,
            ],
            None,
        );
        assert_eq!(output.status.code(), Some(1));
        assert!(stdout(&output).is_empty());
        assert!(
            stderr(&output).contains("error[PL006] [dataworks_account_uid]"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn out_writes_the_exports_beside_the_artifacts() {
    let dir = std::env::temp_dir().join(format!("ramplan-export-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let output = ramplan(
        &[
            "plan",
            "dataworks-emr",
            "--input",
            &path(EMR),
            "--out",
            &dir.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    for file in [
        "trust-policy.json",
        "runbook.md",
        "aliyun-cli.sh",
        "main.tf",
        "ros-template.yaml",
    ] {
        assert!(dir.join(file).is_file(), "{file} not written");
    }
    let script = std::fs::read_to_string(dir.join("aliyun-cli.sh")).unwrap();
    assert!(script.starts_with("#!/usr/bin/env bash\n"));
    assert!(script.contains("CreateRole"));
    let _ = std::fs::remove_dir_all(&dir);

    // With errors nothing is written.
    let empty = dir.with_extension("errors");
    let _ = std::fs::remove_dir_all(&empty);
    let output = ramplan(
        &[
            "plan",
            "dataworks-emr",
            "--input",
            &path(EMR_INVALID),
            "--out",
            &empty.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
    let _ = std::fs::remove_dir_all(&empty);
}

const PERMISSION: &str = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:examplebucket/*"}]}"#;
const TRUST: &str = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}"#;

#[test]
fn convert_writes_each_format_to_stdout() {
    let tf = ramplan(
        &["convert", "-", "--to", "tf", "--name", "read-examplebucket"],
        Some(PERMISSION),
    );
    assert_eq!(tf.status.code(), Some(0), "{}", stderr(&tf));
    let text = stdout(&tf);
    assert!(text.contains("resource \"alicloud_ram_policy\" \"read_examplebucket\""));
    assert!(
        text.contains("policy_name     = \"read-examplebucket\""),
        "{text}"
    );

    let sh = ramplan(
        &[
            "convert", "-", "--to", "sh", "--kind", "trust", "--lang", "zh",
        ],
        Some(TRUST),
    );
    assert_eq!(sh.status.code(), Some(0));
    let text = stdout(&sh);
    assert!(
        text.contains("CreateRole \\\n  --RoleName 'ramplan-role'"),
        "{text}"
    );
    assert!(
        text.contains("# 角色 `ramplan-role` 及其信任策略"),
        "{text}"
    );

    let ros = ramplan(&["convert", "-", "--to", "ros"], Some(TRUST));
    assert_eq!(ros.status.code(), Some(0));
    assert!(stdout(&ros).contains("Type: ALIYUN::RAM::Role"));
}

#[test]
fn convert_refuses_errors_and_credentials_with_exit_one() {
    let broken = PERMISSION.replace("\"Allow\"", "\"allow \"");
    let output = ramplan(&["convert", "-", "--to", "tf"], Some(&broken));
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let text = stderr(&output);
    assert!(text.contains("error[RP102]"), "{text}");
    assert!(text.contains("not converted"), "{text}");

    // A credential is refused wherever it is, and never printed, not even in a message
    // that quotes the value.
    let key = "LTAI5tAbCdEfGhIjKlMnOp";
    for secret in [
        PERMISSION.replace("acs:oss:*:*:examplebucket/*", key),
        PERMISSION.replace(
            "}]}",
            &format!(", \"Condition\": {{\"StringEquals\": {{\"acs:AccessId\": \"{key}\"}}}}}}]}}"),
        ),
    ] {
        let output = ramplan(&["convert", "-", "--to", "sh"], Some(&secret));
        assert_eq!(output.status.code(), Some(1), "{secret}");
        assert!(stdout(&output).is_empty());
        assert!(!stderr(&output).contains(key), "{}", stderr(&output));
    }

    let output = ramplan(&["convert", "-", "--to", "sh", "--name", key], Some(TRUST));
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(!stderr(&output).contains(key));

    let output = ramplan(
        &["convert", "-", "--to", "tf", "--name", "bad name"],
        Some(PERMISSION),
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn convert_usage_and_io_errors_exit_two() {
    let missing = ramplan(&["convert", "/nonexistent.json", "--to", "sh"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read"));
    let bad_format = ramplan(&["convert", "-", "--to", "json"], Some(PERMISSION));
    assert_eq!(bad_format.status.code(), Some(2));
    let no_format = ramplan(&["convert", "-"], Some(PERMISSION));
    assert_eq!(no_format.status.code(), Some(2));
}
