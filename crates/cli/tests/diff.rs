//! `ramplan diff` and `--must-not-grant`: exit codes, the JSON shape, standard input,
//! `git:REV:PATH`, and the must-not-grant list on `lint` and `diff`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{path, ramplan, stderr, stdout};

fn case(name: &str, file: &str) -> String {
    path(&format!("diff/{name}/{file}"))
}

fn diff(name: &str, extra: &[&str]) -> Output {
    let (old, new) = (case(name, "old.json"), case(name, "new.json"));
    let mut args = vec!["diff", old.as_str(), new.as_str()];
    args.extend(extra);
    ramplan(&args, None)
}

#[test]
fn exits_one_when_access_is_added_and_zero_otherwise() {
    let added = diff("added-action", &[]);
    assert_eq!(added.status.code(), Some(1), "{}", stderr(&added));
    let out = stdout(&added);
    assert!(out.contains("+ `oss:PutObject`"), "{out}");
    assert!(out.contains("adds access: 1 added, 0 removed"), "{out}");
    // Removing access only, or changing nothing, passes.
    for name in ["resource-narrowed", "reordered", "deny-added"] {
        let output = diff(name, &[]);
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stdout(&output));
    }
    assert!(stdout(&diff("resource-narrowed", &[])).contains("- `oss:PutObject`"));
}

#[test]
fn json_follows_the_contract() {
    let output = diff("condition-dropped", &["--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["adds_access"], true);
    assert_eq!(value["removes_access"], false);
    assert_eq!(value["complete"], true);
    let change = &value["added"][0];
    assert_eq!(change["actions"][0]["service"], "ecs");
    assert_eq!(change["actions"][0]["names"][0], "DescribeInstances");
    assert_eq!(change["resources"][0], "*");
    assert_eq!(change["always"], false);
    assert_eq!(change["contexts"][0][0]["key"], "acs:SecureTransport");
    assert_eq!(change["old"]["decision"], "implicit-deny");
    assert_eq!(change["new"]["decision"], "allow");
    assert_eq!(change["new"]["decided_by"][0]["path"], "/Statement/0");
    assert_eq!(change["new"]["decided_by"][0]["span"]["start"]["line"], 4);
    assert!(value["counts"]["shapes"].as_u64().unwrap() > 0);
    assert!(value["catalogue"]["date"].is_string());
    // Same input, same bytes.
    assert_eq!(
        stdout(&output),
        stdout(&diff("condition-dropped", &["--format", "json"]))
    );
}

#[test]
fn one_side_can_come_from_standard_input() {
    let old = std::fs::read_to_string(case("added-action", "old.json")).unwrap();
    let new = case("added-action", "new.json");
    let output = ramplan(&["diff", "-", &new, "--lang", "zh"], Some(&old));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("增加了访问权限"),
        "{}",
        stdout(&output)
    );
    let both = ramplan(&["diff", "-", "-"], Some(&old));
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn must_not_grant_fails_diff_and_lint() {
    let list = case("must-not-grant", "must-not-grant.txt");
    let output = diff("must-not-grant", &["--must-not-grant", &list]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("error[RP606]"), "{out}");
    assert!(out.contains("3 must-not-grant findings"), "{out}");
    // The same policy on both sides adds nothing, but still grants what the list forbids.
    let new = case("must-not-grant", "new.json");
    let same = ramplan(&["diff", &new, &new, "--must-not-grant", &list], None);
    assert_eq!(same.status.code(), Some(1), "{}", stdout(&same));
    let lint = ramplan(&["lint", &new, "--must-not-grant", &list], None);
    assert_eq!(lint.status.code(), Some(1));
    let out = stdout(&lint);
    assert!(
        out.contains("new.json:5:5: error[RP606]: this statement allows `ram:CreateUser`"),
        "{out}"
    );
    // Without the list the policy lints clean of errors.
    assert_eq!(ramplan(&["lint", &new], None).status.code(), Some(0));
}

#[test]
fn a_list_that_cannot_be_read_is_a_usage_error() {
    let dir = scratch("bad-list");
    let list = dir.join("list.txt");
    std::fs::write(&list, "ram:*\noss:GetObject a b\n").unwrap();
    let list = list.to_string_lossy().into_owned();
    let new = case("added-action", "new.json");
    for args in [
        vec!["lint", new.as_str(), "--must-not-grant", list.as_str()],
        vec![
            "diff",
            new.as_str(),
            new.as_str(),
            "--must-not-grant",
            list.as_str(),
        ],
    ] {
        let output = ramplan(&args, None);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr(&output).contains("list.txt:2: expected an action and at most one resource"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn what_cannot_be_compared_is_a_usage_error() {
    let policy = case("added-action", "new.json");
    let trust = path("corpus/trust-ecs.json");
    if Path::new(&trust).exists() {
        let output = ramplan(&["diff", &policy, &trust], None);
        assert_eq!(output.status.code(), Some(2));
    }
    let dir = scratch("trust");
    let trust = dir.join("trust.json");
    std::fs::write(
        &trust,
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}"#,
    )
    .unwrap();
    let output = ramplan(&["diff", &policy, &trust.to_string_lossy()], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`diff` compares permission policies"),
        "{}",
        stderr(&output)
    );
    for bad in ["git:HEAD", "git::x.json", "git:-x:p.json", "missing.json"] {
        let output = ramplan(&["diff", bad, &policy], None);
        assert_eq!(output.status.code(), Some(2), "{bad}");
    }
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ramplan-diff-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn ramplan_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ramplan"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn old_versions_come_from_git() {
    let dir = scratch("git");
    git(&dir, &["init", "-q"]);
    let old = std::fs::read_to_string(case("added-action", "old.json")).unwrap();
    let new = std::fs::read_to_string(case("added-action", "new.json")).unwrap();
    std::fs::write(dir.join("policy.json"), &old).unwrap();
    git(&dir, &["add", "policy.json"]);
    git(&dir, &["commit", "-q", "-m", "policy"]);
    std::fs::write(dir.join("policy.json"), &new).unwrap();
    let output = ramplan_in(&dir, &["diff", "git:HEAD:policy.json", "policy.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("+ `oss:PutObject`"));
    let same = ramplan_in(
        &dir,
        &["diff", "git:HEAD:policy.json", "git:HEAD:policy.json"],
    );
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    // A file that did not exist at the revision allows nothing.
    std::fs::write(dir.join("added.json"), &new).unwrap();
    let output = ramplan_in(&dir, &["diff", "git:HEAD:added.json", "added.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("does not exist at `HEAD`"),
        "{}",
        stderr(&output)
    );
    let output = ramplan_in(
        &dir,
        &["diff", "git:no-such-rev:policy.json", "policy.json"],
    );
    assert_eq!(output.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
