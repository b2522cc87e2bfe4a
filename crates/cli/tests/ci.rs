//! `ramplan lint` in pipelines: policies read where they are (Terraform, ROS, aliyun CLI
//! output), SARIF and GitHub annotations, `ramplan.toml`, `--fail-on` and baselines.

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{fixture, stdout};

/// Runs `ramplan` in `dir`.
fn ramplan_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ramplan"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh folder under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ci-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn json_of(output: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).unwrap()
}

const IAC: &str = "tests/fixtures/iac";

/// The text output for every real file, as a reviewed snapshot. After a deliberate change,
/// `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-cli --test ci` rewrites it; review the diff.
#[test]
fn real_files_lint_as_their_snapshot() {
    let output = ramplan_in(&repo_root(), &["lint", IAC]);
    let text = stdout(&output);
    let snapshot = fixture("iac/LINT.snap");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    assert!(
        text == expected,
        "`ramplan lint {IAC}` differs from iac/LINT.snap; UPDATE_SNAPSHOTS=1 rewrites it\n{text}"
    );
    // Errors in the fixtures (bucket policies without `Principal`) fail the run.
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn every_finding_points_at_its_place_in_the_file() {
    let output = ramplan_in(&repo_root(), &["lint", "--format", "json", IAC]);
    let value = json_of(&output);
    let results = value["results"].as_array().unwrap();
    let formats: Vec<&str> = results
        .iter()
        .filter_map(|r| r["format"].as_str())
        .collect();
    for format in ["terraform", "ros-yaml", "aliyun-cli"] {
        assert!(formats.contains(&format), "no {format} document read");
    }
    let mut checked = 0;
    for result in results {
        let source = result["source"].as_str().unwrap();
        let text = std::fs::read_to_string(repo_root().join(source)).unwrap();
        assert!(!result["resource"].as_str().unwrap().is_empty());
        for finding in result["findings"].as_array().unwrap() {
            let start = finding["span"]["start"]["offset"].as_u64().unwrap() as usize;
            let end = finding["span"]["end"]["offset"].as_u64().unwrap() as usize;
            let at = &text[start..end];
            assert!(!at.is_empty(), "{source}: empty span for {finding}");
            assert_eq!(finding["document"], result["resource"]);
            // A finding that quotes an action or principal points at it.
            let message = finding["message"].as_str().unwrap();
            let code = finding["code"].as_str().unwrap();
            if ["RP206", "RP505", "RP801"].contains(&code) || message.contains("includes `") {
                let quoted = message.split('`').nth(1).unwrap();
                assert!(
                    at.contains(quoted),
                    "{source}: `{quoted}` is not at {start}..{end}: `{at}`"
                );
                checked += 1;
            }
            // The line and column are the file's, counted as the core counts.
            let line = finding["span"]["start"]["line"].as_u64().unwrap() as usize;
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(text[..start].matches('\n').count() + 1, line, "{source}");
            let column = finding["span"]["start"]["column"].as_u64().unwrap() as usize;
            assert_eq!(text[line_start..start].encode_utf16().count() + 1, column);
        }
    }
    assert!(
        checked >= 5,
        "only {checked} findings quoted what they point at"
    );
}

#[test]
fn placeholders_are_named_not_errors() {
    let output = ramplan_in(
        &repo_root(),
        &[
            "lint",
            "--format",
            "json",
            "tests/fixtures/iac/terraform/ram-policy-MaxComputeAccessOSSBucket.tf",
        ],
    );
    let value = json_of(&output);
    let finding = &value["results"][0]["findings"][0];
    assert_eq!(finding["code"], "RP702");
    assert_eq!(finding["depends_on"][0], "${var.oss_bucket_name}");
    assert_eq!(
        value["results"][0]["resource"],
        "alicloud_ram_policy.policy"
    );
    assert_eq!(value["results"][0]["attribute"], "policy_document");
    let text = stdout(&ramplan_in(
        &repo_root(),
        &[
            "lint",
            "tests/fixtures/iac/terraform/ram-policy-MaxComputeAccessOSSBucket.tf",
        ],
    ));
    assert!(
        text.contains(
            "depends on `${var.oss_bucket_name}`, which ramplan cannot know before it is filled in"
        ),
        "{text}"
    );
    // A value ramplan cannot read at all is a note, not a finding.
    let output = ramplan_in(
        &repo_root(),
        &[
            "lint",
            "tests/fixtures/iac/terraform/landing-zone-create-role-cross-account.tf",
        ],
    );
    assert!(stdout(&output).contains(
        "create-role-cross-account.tf:23:21: note: alicloud_ram_policy.policy: `policy_document` is `jsonencode(var.policy_document)`, a value ramplan cannot know before Terraform runs; not checked"
    ), "{}", stdout(&output));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn folders_skip_caches_and_files_that_hold_no_policy() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join(".terraform/modules/m")).unwrap();
    std::fs::create_dir_all(dir.join("infra")).unwrap();
    let broken = "resource \"alicloud_ram_policy\" \"p\" {\n  policy_document = <<EOF\n{\"Statement\": [{\"Effect\": \"allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}], \"Version\": \"1\"}\nEOF\n}\n";
    std::fs::write(dir.join(".terraform/modules/m/main.tf"), broken).unwrap();
    std::fs::write(dir.join("infra/main.tf"), broken).unwrap();
    std::fs::write(dir.join("package.json"), "{\"name\": \"x\"}").unwrap();
    std::fs::write(dir.join("values.yaml"), "a: 1\n").unwrap();
    std::fs::write(
        dir.join("policy.json"),
        "{\"Version\": \"1\", \"Statement\": []}",
    )
    .unwrap();
    let output = ramplan_in(&dir, &["lint", "--format", "json", "."]);
    let value = json_of(&output);
    let sources: Vec<&str> = value["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["infra/main.tf", "policy.json"]);
    assert_eq!(output.status.code(), Some(1));
    let empty = scratch("walk-empty");
    std::fs::write(empty.join("package.json"), "{\"name\": \"x\"}").unwrap();
    let output = ramplan_in(&empty, &["lint", "."]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "ramplan: no policy found in 0 file(s) read\n"
    );
    let text = stdout(&ramplan_in(&dir, &["lint", "infra"]));
    assert!(
        text.starts_with("infra/main.tf:3:27: error[RP102]: alicloud_ram_policy.p: `Effect` must be `Allow` or `Deny`, found `\"allow\"`"),
        "{text}"
    );
    assert!(
        text.contains("3 | {\"Statement\": [{\"Effect\": \"allow\""),
        "{text}"
    );
}

#[test]
fn unreadable_files_are_errors_with_their_place() {
    let dir = scratch("unreadable");
    std::fs::write(
        dir.join("main.tf"),
        "resource \"alicloud_ram_policy\" \"p\" {\n  policy_document = \n",
    )
    .unwrap();
    let output = ramplan_in(&dir, &["lint", "main.tf"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output)
            .starts_with("main.tf:2:21: error[IAC001]: not valid HCL: invalid expression"),
        "{}",
        stdout(&output)
    );
}

/// The SARIF output of the real fixtures validates against the official 2.1.0 schema.
#[test]
fn sarif_follows_the_official_schema() {
    let output = ramplan_in(&repo_root(), &["lint", "--format", "sarif", IAC]);
    assert_eq!(output.status.code(), Some(1));
    let sarif = json_of(&output);
    let schema_path = fixture("sarif/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    compiler.add_resource(url, schema).unwrap();
    let index = compiler.compile(url, &mut schemas).unwrap();
    if let Err(error) = schemas.validate(&sarif, index) {
        panic!("SARIF output does not validate: {error:#}");
    }
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() > 50);
    assert!(rules.iter().all(|r| r["help"]["text"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let rule = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("tests/fixtures/iac/"));
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    // The CEN fixture's folder name holds parentheses: the URI is percent-encoded.
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(!notes.is_empty());
    // Same input, same bytes.
    let again = ramplan_in(&repo_root(), &["lint", "--format", "sarif", IAC]);
    assert_eq!(output.stdout, again.stdout);
    // No finding still validates.
    let clean = ramplan_in(
        &repo_root(),
        &[
            "lint",
            "--format",
            "sarif",
            "tests/fixtures/iac/ros/role-case2.yml",
        ],
    );
    let clean = json_of(&clean);
    assert!(schemas.validate(&clean, index).is_ok());
}

#[test]
fn github_annotations() {
    let output = ramplan_in(
        &repo_root(),
        &[
            "lint",
            "--format",
            "github",
            "tests/fixtures/iac/terraform/lwt-oss-bucket-policy-heredoc.tf",
            "tests/fixtures/iac/terraform/landing-zone-kubernetes-identity.tf",
        ],
    );
    let text = stdout(&output);
    assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
    assert!(
        text.contains("::error file=tests/fixtures/iac/terraform/lwt-oss-bucket-policy-heredoc.tf,line=11,col=8,endLine=11,endColumn="),
        "{text}"
    );
    assert!(text.contains(",title=ramplan RP501 "), "{text}");
    assert!(
        text.contains(
            "::alicloud_oss_bucket.bucket-policy: the bucket policy statement has no `Principal`"
        ),
        "{text}"
    );
    assert!(text.contains("::notice file=tests/fixtures/iac/terraform/landing-zone-kubernetes-identity.tf,line=21,col=17"), "{text}");
    // Newlines in a message are escaped, so one annotation stays one line.
    assert!(text.contains("%0Ahelp: "), "{text}");
}

const POLICY_TF: &str = "resource \"alicloud_ram_policy\" \"p\" {\n  policy_document = <<EOF\n{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"oss:GetObject\", \"oss:GetObject\"], \"Resource\": \"acs:oss:*:*:b/*\"}], \"Version\": \"1\"}\nEOF\n}\n";

#[test]
fn config_ignores_and_raises_per_path_and_sets_fail_on() {
    let dir = scratch("config");
    std::fs::create_dir_all(dir.join("legacy")).unwrap();
    std::fs::create_dir_all(dir.join("new/sub")).unwrap();
    std::fs::write(dir.join("legacy/main.tf"), POLICY_TF).unwrap();
    std::fs::write(dir.join("new/main.tf"), POLICY_TF).unwrap();
    // No configuration: a suggestion (RP801, duplicate action) does not fail the run.
    let output = ramplan_in(&dir, &["lint", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        ramplan_in(&dir, &["lint", "--fail-on", "suggestion", "."])
            .status
            .code(),
        Some(1)
    );
    std::fs::write(
        dir.join("ramplan.toml"),
        "fail-on = \"warning\"\n\n[severity]\nRP801 = \"warning\"\n\n[[paths]]\nglob = \"legacy/**\"\nignore = [\"RP801\"]\n",
    )
    .unwrap();
    // Found from a sub-folder, upwards.
    let output = ramplan_in(&dir.join("new/sub"), &["lint", "--format", "json", "../.."]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let value = json_of(&output);
    let results = value["results"].as_array().unwrap();
    assert_eq!(results[0]["source"], "../../legacy/main.tf");
    assert_eq!(results[0]["findings"].as_array().unwrap().len(), 0);
    assert_eq!(results[1]["findings"][0]["code"], "RP801");
    assert_eq!(results[1]["findings"][0]["severity"], "warning");
    // The command line wins over the file.
    assert_eq!(
        ramplan_in(&dir, &["lint", "--fail-on", "error", "."])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        ramplan_in(&dir, &["lint", "--no-config", "."])
            .status
            .code(),
        Some(0)
    );
    // A bad configuration is an error with its line, exit 2.
    std::fs::write(
        dir.join("ramplan.toml"),
        "fail-on = \"warning\"\n[severity]\nRP801 = \"loud\"\n",
    )
    .unwrap();
    let output = ramplan_in(&dir, &["lint", "."]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        stderr.contains("ramplan.toml:3:10: unknown severity `loud`"),
        "{stderr}"
    );
    std::fs::write(dir.join("ramplan.toml"), "fail_on = \"warning\"\n").unwrap();
    let stderr = String::from_utf8_lossy(&ramplan_in(&dir, &["lint", "."]).stderr).into_owned();
    assert!(
        stderr.contains("ramplan.toml:1:1: unknown field `fail_on`"),
        "{stderr}"
    );
}

#[test]
fn a_baseline_accepts_old_findings_and_catches_new_ones() {
    let dir = scratch("baseline");
    std::fs::write(dir.join("main.tf"), POLICY_TF).unwrap();
    let output = ramplan_in(
        &dir,
        &[
            "lint",
            "--fail-on",
            "suggestion",
            "--write-baseline",
            "ramplan-baseline.json",
            ".",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let baseline = std::fs::read_to_string(dir.join("ramplan-baseline.json")).unwrap();
    assert!(baseline.contains("\"code\": \"RP801\""), "{baseline}");
    assert!(
        !baseline.contains("\"line\""),
        "a baseline holds no line numbers: {baseline}"
    );
    let output = ramplan_in(
        &dir,
        &[
            "lint",
            "--fail-on",
            "suggestion",
            "--baseline",
            "ramplan-baseline.json",
            ".",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("1 findings accepted by the baseline are not shown"));
    // Lines added above move the finding; the baseline still holds.
    std::fs::write(dir.join("main.tf"), format!("# a comment\n\n{POLICY_TF}")).unwrap();
    let output = ramplan_in(
        &dir,
        &[
            "lint",
            "--fail-on",
            "suggestion",
            "--baseline",
            "ramplan-baseline.json",
            ".",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    // A new finding fails.
    std::fs::write(
        dir.join("main.tf"),
        POLICY_TF.replace("\"Allow\"", "\"allow\""),
    )
    .unwrap();
    let output = ramplan_in(&dir, &["lint", "--baseline", "ramplan-baseline.json", "."]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("error[RP102]"));
    // A broken baseline is an error.
    std::fs::write(dir.join("bad.json"), "{\"findings\": 1}").unwrap();
    let output = ramplan_in(&dir, &["lint", "--baseline", "bad.json", "."]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn policies_in_files_of_their_own_are_read_as_the_argument_makes_them() {
    let dir = scratch("file-reference");
    std::fs::create_dir_all(dir.join("infra/policies")).unwrap();
    std::fs::write(
        dir.join("infra/main.tf"),
        "resource \"alicloud_ram_role\" \"app\" {\n  assume_role_policy_document = file(\"${path.module}/policies/trust.json\")\n}\nresource \"alicloud_ram_policy\" \"gone\" {\n  policy_document = file(\"missing.json\")\n}\n",
    )
    .unwrap();
    // A trust policy whose kind a guess would get wrong: no `Principal`.
    std::fs::write(
        dir.join("infra/policies/trust.json"),
        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}]}",
    )
    .unwrap();
    let output = ramplan_in(&dir, &["lint", "--format", "json", "."]);
    let value = json_of(&output);
    let results = value["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{value:#}");
    assert_eq!(results[0]["source"], "infra/policies/trust.json");
    assert_eq!(results[0]["kind"], "trust");
    assert_eq!(results[0]["kind_guessed"], false);
    assert_eq!(
        results[0]["findings"][0]["document"],
        "alicloud_ram_role.app"
    );
    let note = &value["notes"][0];
    assert_eq!(note["resource"], "alicloud_ram_policy.gone");
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .starts_with("`policy_document` reads `infra/missing.json`, which cannot be read ("),
        "{note}"
    );
    assert_eq!(note["span"]["start"]["line"], 5);
}

#[test]
fn notes_and_dependencies_speak_chinese_too() {
    let output = ramplan_in(
        &repo_root(),
        &[
            "lint",
            "--lang",
            "zh",
            "tests/fixtures/iac/terraform/landing-zone-kubernetes-identity.tf",
            "tests/fixtures/iac/terraform/ram-policy-MaxComputeAccessOSSBucket.tf",
        ],
    );
    let text = stdout(&output);
    assert!(
        text.contains("landing-zone-kubernetes-identity.tf:21:17: 说明: alicloud_ram_policy.ram_policy_kubernetes: `document` 的值是 `each.value.document`，在 Terraform 运行之前 ramplan 无法得知；未检查"),
        "{text}"
    );
    assert!(text.contains("取决于 `${var.oss_bucket_name}`"), "{text}");
}

#[test]
fn sarif_names_absolute_paths_as_file_uris() {
    let file = fixture("iac/terraform/lwt-oss-bucket-policy-heredoc.tf");
    let file = file.canonicalize().unwrap();
    let output = ramplan_in(
        &repo_root(),
        &["lint", "--format", "sarif", &file.to_string_lossy()],
    );
    let sarif = json_of(&output);
    let location =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert!(
        location["uri"].as_str().unwrap().starts_with("file:///"),
        "{location}"
    );
    assert!(location["uriBaseId"].is_null());
}

/// Alibaba's own stack-group template writes the trust policy's `Version: 1` as a YAML
/// number. Whether ROS hands RAM the string it requires is not confirmed, so that is a
/// warning saying so, not an error claiming RAM refuses it; the same number in policy JSON
/// stays an error.
#[test]
fn a_yaml_number_in_a_ros_template_is_a_warning_not_an_error() {
    let file = format!("{IAC}/ros/stack-group-administration-role.yml");
    let output = ramplan_in(&repo_root(), &["lint", "--format", "json", &file]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let value = json_of(&output);
    let findings: Vec<&serde_json::Value> = value["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap())
        .filter(|f| f["code"] == "RP004")
        .collect();
    assert_eq!(findings.len(), 1, "{value}");
    assert_eq!(findings[0]["severity"], "warning");
    assert!(findings[0]["help"]
        .as_str()
        .unwrap()
        .contains("not confirmed"));

    let dir = scratch("yaml-number");
    std::fs::write(
        dir.join("trust.json"),
        r#"{"Version": 1, "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ros.aliyuncs.com"]}}]}"#,
    )
    .unwrap();
    let plain = ramplan_in(&dir, &["lint", "trust.json"]);
    assert_eq!(plain.status.code(), Some(1), "{}", stdout(&plain));
}
