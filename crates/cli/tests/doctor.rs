//! `ramplan doctor` as a user runs it: a file or standard input, text or JSON, English or
//! Chinese, each answer the core's reviewed golden byte for byte; what it cannot read exits 2
//! with what to do, and never echoes a credential.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;

mod common;

use common::{fixture, path, ramplan, stderr, stdout};

/// Every sample in `tests/fixtures/doctor`, by file name.
fn cases() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixture("doctor"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".input."))
        .collect();
    ramplan_core::sort::sort(&mut names);
    names
}

fn golden(input: &str, suffix: &str) -> String {
    let case = input.split_once(".input.").unwrap().0;
    fs::read_to_string(fixture(&format!("doctor/{case}.{suffix}"))).unwrap()
}

#[test]
fn each_shape_prints_its_golden_answer() {
    let cases = cases();
    assert!(cases.len() >= 10);
    for input in &cases {
        let file = path(&format!("doctor/{input}"));
        let text = ramplan(&["doctor", &file], None);
        assert!(text.status.success(), "{input}: {}", stderr(&text));
        assert_eq!(stdout(&text), golden(input, "en.txt"), "{input}");
        let zh = ramplan(&["doctor", "--lang", "zh", &file], None);
        assert_eq!(stdout(&zh), golden(input, "zh.txt"), "{input}");
        let json = ramplan(&["doctor", "--format", "json", &file], None);
        assert_eq!(stdout(&json), golden(input, "json"), "{input}");
    }
}

#[test]
fn standard_input_is_read_with_a_dash_or_nothing() {
    let text = fs::read_to_string(fixture("doctor/console-en.input.txt")).unwrap();
    for args in [&["doctor", "-"][..], &["doctor"][..]] {
        let out = ramplan(args, Some(&text));
        assert!(out.status.success());
        assert_eq!(stdout(&out), golden("console-en.input.txt", "en.txt"));
    }
}

#[test]
fn a_credential_is_refused_without_being_echoed() {
    let key = ["LTAI", "5tQ8dV3kXb9Rm2Wz"].concat();
    let out = ramplan(
        &["doctor", "-"],
        Some(&format!(
            r#"{{"Code":"NoPermission","AuthAction":"{key}"}}"#
        )),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("AccessKey ID"));
    assert!(!stderr(&out).contains(&key) && !stdout(&out).contains(&key));
}

#[test]
fn what_is_not_an_error_exits_2_with_help() {
    let out = ramplan(&["doctor", "-"], Some("hello"));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no field of an access-denied error"));
    assert!(stderr(&out).contains("help:"));
    let missing = ramplan(&["doctor", "/nonexistent/error.json"], None);
    assert_eq!(missing.status.code(), Some(2));
}
