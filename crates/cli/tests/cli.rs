//! The `ramplan` binary as a user runs it: formats, languages, exit codes.

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Output;

mod common;

use common::{path, ramplan, stderr, stdout};

/// `ramplan simulate --policy POLICY --action ACTION --resource RESOURCE`, nothing else.
fn simulate_policy(policy: &str, action: &str, resource: &str, stdin: Option<&str>) -> Output {
    ramplan(
        &[
            "simulate",
            "--policy",
            policy,
            "--action",
            action,
            "--resource",
            resource,
        ],
        stdin,
    )
}

const BROKEN: &str = "rules/RP102-invalid-effect/invalid/trailing-space.json";
const CLEAN: &str = "rules/RP102-invalid-effect/valid/deny.json";

#[test]
fn text_format_prints_location_code_source_line_and_caret() {
    let output = ramplan(&["lint", &path(BROKEN)], None);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let first = text.lines().next().unwrap();
    assert!(
        first.ends_with("trailing-space.json:4:16: error[RP102]: `Effect` must be `Allow` or `Deny`, found `\"allow \"`"),
        "{first}"
    );
    assert!(text.contains("4 |     {\"Effect\": \"allow \""), "{text}");
    assert!(text.contains("  |                ^^^^^^^^"), "{text}");
    assert!(text.contains("= help: write `\"Allow\"`"), "{text}");
    assert!(
        text.contains("1 error (permission policy, guessed; catalogue "),
        "{text}"
    );
}

#[test]
fn json_format_follows_the_contract() {
    let output = ramplan(
        &["lint", "--format", "json", &path(BROKEN), &path(CLEAN)],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let results = value["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert!(results[0]["source"]
        .as_str()
        .unwrap()
        .ends_with("trailing-space.json"));
    assert_eq!(results[0]["kind"], "permission");
    let finding = &results[0]["findings"][0];
    assert_eq!(finding["code"], "RP102");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["path"], "/Statement/0/Effect");
    assert_eq!(finding["span"]["start"]["line"], 4);
    assert_eq!(finding["span"]["start"]["column"], 16);
    assert_eq!(finding["span"]["end"]["column"], 24);
    assert!(finding["span"]["start"]["offset"].is_u64());
    assert_eq!(finding["help"], "write `\"Allow\"`");
    assert_eq!(results[1]["findings"].as_array().unwrap().len(), 0);
    assert!(value["catalogue"]["date"].is_string());
    // Results stream first, in the documented order; the catalogue closes the document.
    let text = stdout(&output);
    assert!(text.starts_with("{\n  \"results\": [\n    {\n"), "{text}");
    assert!(
        text.find("\"catalogue\"") > text.rfind("\"findings\""),
        "{text}"
    );
}

#[test]
fn clean_policy_exits_zero() {
    let output = ramplan(&["lint", &path(CLEAN)], None);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("no findings"));
}

#[test]
fn warnings_alone_exit_zero() {
    let output = ramplan(
        &[
            "lint",
            &path("rules/RP404-wildcard-without-like/invalid/string-equals-star.json"),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("warning[RP404]"));
}

#[test]
fn reads_standard_input() {
    let output = ramplan(&["lint", "-"], Some("{\"Version\": \"1\"}"));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("<stdin>:1:1: error[RP012]"),
        "{}",
        stdout(&output)
    );
    let output = ramplan(&["lint"], Some("[1,]"));
    assert!(
        stdout(&output).starts_with("<stdin>:1:4: error[RP001]: trailing comma"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn chinese_messages() {
    let output = ramplan(&["lint", "--lang", "zh", &path(BROKEN)], None);
    let text = stdout(&output);
    assert!(
        text.contains("错误[RP102]: `Effect` 必须为 `Allow` 或 `Deny`"),
        "{text}"
    );
    assert!(text.contains("= 帮助: 请写作 `\"Allow\"`"), "{text}");
    assert!(text.contains("目录日期"), "{text}");
}

#[test]
fn kind_override_changes_the_checks() {
    let permission = ramplan(&["lint", "--format", "json", &path(CLEAN)], None);
    let trust = ramplan(
        &["lint", "--format", "json", "--kind", "trust", &path(CLEAN)],
        None,
    );
    let codes = |o: &Output| {
        let v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
        v["results"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(codes(&permission).is_empty());
    let trust_codes = codes(&trust);
    assert!(trust_codes.contains(&"RP501".to_owned()), "{trust_codes:?}");
    assert!(trust_codes.contains(&"RP503".to_owned()), "{trust_codes:?}");
    assert_eq!(trust.status.code(), Some(1));
}

#[test]
fn names_are_checked_when_given() {
    let output = ramplan(&["lint", "--policy-name", "bad name", &path(CLEAN)], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("error[RP902]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn usage_and_io_errors_exit_two() {
    let missing = ramplan(&["lint", "/nonexistent/policy.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("cannot read `/nonexistent/policy.json`")
    );
    let bad_flag = ramplan(&["lint", "--format", "yaml"], None);
    assert_eq!(bad_flag.status.code(), Some(2));
    let not_utf8 = std::env::temp_dir().join("ramplan-not-utf8.json");
    std::fs::write(&not_utf8, [0xff, 0xfe, 0x00]).unwrap();
    let output = ramplan(&["lint", &not_utf8.to_string_lossy()], None);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn rules_markdown_matches_the_committed_docs() {
    let output = ramplan(&["rules", "--markdown"], None);
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md"))
            .unwrap();
    assert_eq!(stdout(&output), docs);
    let list = stdout(&ramplan(&["rules"], None));
    assert!(
        list.lines().any(|l| l.starts_with("RP102  error")),
        "{list}"
    );
}

#[test]
fn catalogue_lists_services_with_sources() {
    let list = stdout(&ramplan(&["catalogue"], None));
    assert!(list.starts_with("catalogue "), "{list}");
    for code in ["oss", "odps", "hologram", "ram", "sts"] {
        assert!(
            list.lines().any(|l| l.starts_with(code)),
            "{code} missing:\n{list}"
        );
    }
    let oss = ramplan(&["catalogue", "oss"], None);
    assert!(stdout(&oss).contains("oss:GetObject"));
    let unknown = ramplan(&["catalogue", "nosuch"], None);
    assert_eq!(unknown.status.code(), Some(2));
}

const ECS_ROLE_VALID: &str =
    "scenarios/emr-ecs-role/valid-old-version-read-write-prefix.input.json";

#[test]
fn scenarios_lists_ids_and_fields() {
    let text = stdout(&ramplan(&["scenarios"], None));
    assert!(
        text.contains("emr-ecs-role  Custom ECS application role"),
        "{text}"
    );
    assert!(text.contains("    oss_buckets (list, required"), "{text}");
    assert!(
        text.contains(
            "        access (choice, required, default \"read-only\", one of read-only|read-write)"
        ),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&ramplan(
        &["scenarios", "--format", "json", "--lang", "zh"],
        None,
    )))
    .unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "dataworks-emr",
            "dataworks-maxcompute",
            "dataworks-hologres",
            "dataworks-di",
            "emr-default-roles",
            "emr-ecs-role"
        ]
    );
    let ecs = json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "emr-ecs-role")
        .unwrap();
    assert_eq!(ecs["title"], "为 EMR 集群配置自定义 ECS 应用角色");
    assert_eq!(ecs["fields"][1]["name"], "role_name");
    assert_eq!(ecs["fields"][1]["default"], "EmrEcsOssRole");
}

#[test]
fn plan_json_md_and_out() {
    let output = ramplan(
        &["plan", "emr-ecs-role", "--input", &path(ECS_ROLE_VALID)],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(plan["scenario"], "emr-ecs-role");
    assert_eq!(plan["inputs"]["emr_version"], "V3.32.0");
    assert_eq!(
        plan["inputs"]["oss_buckets"][1]["prefix"],
        "/hive/warehouse"
    );
    let kinds: Vec<&str> = plan["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["permission-policy", "trust-policy", "runbook"]);
    assert_eq!(plan["steps"][0]["number"], 1);
    assert_eq!(plan["steps"][0]["account"], "own");
    assert!(plan["steps"][0]["where"].is_string());

    let md = ramplan(
        &[
            "plan",
            "emr-ecs-role",
            "--input",
            &path(ECS_ROLE_VALID),
            "--format",
            "md",
            "--lang",
            "zh",
        ],
        None,
    );
    assert_eq!(md.status.code(), Some(0));
    assert!(stdout(&md).starts_with("# 为 EMR 集群配置自定义 ECS 应用角色"));

    let dir = std::env::temp_dir().join(format!("ramplan-out-{}", std::process::id()));
    let out = ramplan(
        &[
            "plan",
            "emr-ecs-role",
            "--input",
            &path(ECS_ROLE_VALID),
            "--out",
            &dir.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    for file in ["permission-policy.json", "trust-policy.json", "runbook.md"] {
        assert!(dir.join(file).is_file(), "{file} not written");
    }
    let trust = std::fs::read_to_string(dir.join("trust-policy.json")).unwrap();
    assert!(trust.contains("\"emr.aliyuncs.com\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn plan_errors_exit_one_with_findings_and_no_artifacts() {
    let input = "{\"emr_version\": \"3.38.3\", \"oss_buckets\": [{\"bucket\": \"Bad_Name\"}], \"role_nmae\": \"x\"}";
    let output = ramplan(&["plan", "emr-ecs-role", "--input", "-"], Some(input));
    assert_eq!(output.status.code(), Some(1));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(plan["artifacts"].as_array().unwrap().is_empty());
    let findings = plan["findings"].as_array().unwrap();
    assert!(findings
        .iter()
        .any(|f| f["code"] == "PL605" && f["field"] == "oss_buckets[0].bucket"));
    let unknown = findings.iter().find(|f| f["code"] == "PL002").unwrap();
    assert_eq!(unknown["severity"], "warning");
    assert_eq!(unknown["help"], "did you mean `role_name`?");

    let md = ramplan(
        &["plan", "emr-ecs-role", "--input", "-", "--format", "md"],
        Some(input),
    );
    assert_eq!(md.status.code(), Some(1));
    assert!(stdout(&md).is_empty());
    assert!(String::from_utf8_lossy(&md.stderr).contains("error[PL605] [oss_buckets[0].bucket]"));
}

#[test]
fn plan_refuses_credentials_without_echoing_them() {
    let input = "{\"emr_version\": \"V5.16.0\", \"policy_name\": \"LTAI5tAbCdEfGhIjKlMnOp\", \"oss_buckets\": [{\"bucket\": \"examplebucket\"}]}";
    let output = ramplan(&["plan", "emr-ecs-role", "--input", "-"], Some(input));
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("PL005"), "{text}");
    assert!(!text.contains("LTAI5tAbCdEfGhIjKlMnOp"), "{text}");
}

#[test]
fn plan_usage_errors_exit_two() {
    let unknown = ramplan(&["plan", "emr-ecs-rol", "--input", "-"], Some("{}"));
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean `emr-ecs-role`?"));
    let missing = ramplan(
        &["plan", "emr-ecs-role", "--input", "/nonexistent.json"],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));
    let no_sql = ramplan(
        &[
            "plan",
            "emr-ecs-role",
            "--input",
            &path(ECS_ROLE_VALID),
            "--format",
            "sql",
        ],
        None,
    );
    assert_eq!(no_sql.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_sql.stderr).contains("produces no MaxCompute SQL"));
}

#[test]
fn unreadable_plan_input_points_at_line_and_column() {
    let output = ramplan(
        &["plan", "emr-ecs-role", "--input", "-"],
        Some("{\n  \"emr_version\": \"V5.16.0\",\n}"),
    );
    assert_eq!(output.status.code(), Some(1));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let finding = &plan["findings"][0];
    assert_eq!(finding["code"], "PL001");
    assert_eq!(finding["span"]["start"]["line"], 3);
    assert_eq!(finding["span"]["start"]["column"], 1);
}

// ------------------------------------------------------------------ simulate

const DENY_OUTSIDE: &str = "corpus/11-ecs-deny-not-ip-address.json";
const INSTANCE: &str = "acs:ecs:cn-hangzhou:1234567890123456:instance/i-001";

fn simulate_ecs(extra: &[&str]) -> Output {
    let policy = path(DENY_OUTSIDE);
    let mut args = vec![
        "simulate",
        "--policy",
        &policy,
        "--action",
        "ecs:StopInstance",
        "--resource",
        INSTANCE,
    ];
    args.extend_from_slice(extra);
    ramplan(&args, None)
}

#[test]
fn simulate_exits_zero_when_allowed_and_one_when_denied() {
    let inside = simulate_ecs(&["--context", "acs:SourceIp=192.0.2.10"]);
    assert_eq!(inside.status.code(), Some(0), "{}", stdout(&inside));
    assert!(stdout(&inside).starts_with("decision: allow\n"));

    let outside = simulate_ecs(&["--context", "acs:SourceIp=198.51.100.1"]);
    assert_eq!(outside.status.code(), Some(1));
    let text = stdout(&outside);
    assert!(text.starts_with("decision: explicit deny\n"), "{text}");
    assert!(text.contains("decided by: "), "{text}");
    let deny_line = text
        .lines()
        .find(|l| l.contains("/Statement/1  Deny"))
        .unwrap();
    assert!(
        deny_line.contains("Deny")
            && deny_line.contains("✓ action")
            && deny_line.contains("✓ condition")
            && deny_line.ends_with("<- decides"),
        "{deny_line}"
    );
    assert!(
        text.contains("✓ NotIpAddress `acs:SourceIp`: policy `192.0.2.0/24`, `203.0.113.2`; request `198.51.100.1`"),
        "{text}"
    );

    let other_action = simulate_policy(
        &path(DENY_OUTSIDE),
        "oss:GetObject",
        "acs:oss:*:*:examplebucket/a.txt",
        None,
    );
    assert_eq!(other_action.status.code(), Some(1));
    assert!(stdout(&other_action).starts_with("decision: implicit deny\n"));
}

#[test]
fn simulate_json_follows_the_contract() {
    let output = simulate_ecs(&["--context", "acs:SourceIp=198.51.100.1", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["decision"], "explicit-deny");
    let statements = value["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 2);
    for s in statements {
        for field in [
            "source",
            "path",
            "effect",
            "action_matched",
            "resource_matched",
            "condition_matched",
            "conditions",
        ] {
            assert!(s.get(field).is_some(), "no `{field}` in {s}");
        }
        assert!(s["source"]
            .as_str()
            .unwrap()
            .ends_with("11-ecs-deny-not-ip-address.json"));
    }
    assert_eq!(statements[1]["path"], "/Statement/1");
    assert_eq!(statements[1]["effect"], "Deny");
    assert_eq!(statements[1]["deciding"], true);
    let condition = &statements[1]["conditions"][0];
    assert_eq!(condition["operator"], "NotIpAddress");
    assert_eq!(condition["key"], "acs:SourceIp");
    assert_eq!(condition["request_values"][0], "198.51.100.1");
    assert_eq!(condition["matched"], true);
    assert!(condition["note"].is_null());
    assert_eq!(value["decided_by"][0]["path"], "/Statement/1");

    // An absent key under a negated operator: the choice is shown as a note.
    let absent = simulate_ecs(&["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&absent)).unwrap();
    assert_eq!(value["decision"], "explicit-deny");
    let note = value["statements"][1]["conditions"][0]["note"]
        .as_str()
        .unwrap();
    assert!(
        note.contains("negated operator matches an absent key"),
        "{note}"
    );
}

#[test]
fn simulate_evaluates_several_policies_together() {
    let output = ramplan(
        &[
            "simulate",
            "--policy",
            &path("corpus/07-readonly-all-except-billing-deny.json"),
            "--policy",
            &path("corpus/28-rds-full-access-deny-security-change.json"),
            "--action",
            "rds:ModifySecurityIps",
            "--resource",
            "*",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["decision"], "explicit-deny");
    assert!(value["decided_by"][0]["source"]
        .as_str()
        .unwrap()
        .ends_with("28-rds-full-access-deny-security-change.json"));
    assert_eq!(value["statements"].as_array().unwrap().len(), 4);
}

#[test]
fn simulate_reads_standard_input_and_speaks_chinese() {
    let output = ramplan(
        &[
            "simulate",
            "--policy",
            "-",
            "--action",
            "oss:GetObject",
            "--resource",
            "acs:oss:*:*:examplebucket/a.txt",
            "--lang",
            "zh",
        ],
        Some(
            r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:Get*", "Resource": "acs:oss:*:*:examplebucket/*"}]}"#,
        ),
    );
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("判定：允许\n"), "{text}");
    assert!(text.contains("<stdin> /Statement/0"), "{text}");
}

#[test]
fn simulate_trust_names_the_statement_and_the_nearest_miss() {
    let policy = path("corpus/21-trust-uid-at-log-service.json");
    let allowed = ramplan(
        &[
            "simulate",
            "--trust",
            &policy,
            "--principal",
            "1234567890123456@log.aliyuncs.com",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(allowed.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&allowed)).unwrap();
    assert_eq!(value["decision"], "allow");
    assert_eq!(value["principal"]["kind"], "account-service");
    assert_eq!(
        value["decided_by"][0]["principal"],
        "/Statement/0/Principal/Service/0"
    );
    assert_eq!(value["statements"][0]["principal_matched"], true);

    let denied = ramplan(
        &[
            "simulate",
            "--trust",
            &policy,
            "--principal",
            "6543210987654321@log.aliyuncs.com",
        ],
        None,
    );
    assert_eq!(denied.status.code(), Some(1));
    let text = stdout(&denied);
    assert!(
        text.contains("nearest miss: statement `/Statement/0` trusts `1234567890123456@log.aliyuncs.com`; you asked about `6543210987654321@log.aliyuncs.com` (different account)"),
        "{text}"
    );

    let user = ramplan(
        &[
            "simulate",
            "--trust",
            &path("corpus/09-trust-service-ecs.json"),
            "--principal",
            "acs:ram::1234567890123456:user/alice",
        ],
        None,
    );
    assert_eq!(user.status.code(), Some(1));
    assert!(stdout(&user).contains(
        "RAM users cannot assume RAM roles whose trusted entity is an Alibaba Cloud service"
    ));

    let saml = ramplan(
        &[
            "simulate",
            "--trust",
            &path("corpus/10-trust-saml-federated.json"),
            "--principal",
            "acs:ram::1234567890123456:saml-provider/testprovider",
            "--context",
            "saml:recipient=https://signin.alibabacloud.com/saml-role/sso",
        ],
        None,
    );
    assert_eq!(saml.status.code(), Some(0), "{}", stdout(&saml));
}

#[test]
fn simulate_usage_and_io_errors_exit_two() {
    let no_equals = simulate_ecs(&["--context", "acs:SourceIp"]);
    assert_eq!(no_equals.status.code(), Some(2));
    assert!(
        stderr(&no_equals).contains("`--context` takes KEY=VALUE, found `acs:SourceIp` (no `=`)"),
        "{}",
        stderr(&no_equals)
    );
    assert!(stdout(&no_equals).is_empty());

    let empty_key = simulate_ecs(&["--context", "=1.2.3.4"]);
    assert_eq!(empty_key.status.code(), Some(2));
    assert!(stderr(&empty_key).contains("a context key is empty"));

    let missing = simulate_policy("/nonexistent/policy.json", "oss:GetObject", "*", None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read `/nonexistent/policy.json`"));

    let syntax = simulate_policy(
        "-",
        "oss:GetObject",
        "*",
        Some("{\n  \"Version\": \"1\",\n}"),
    );
    assert_eq!(syntax.status.code(), Some(2));
    assert!(
        stderr(&syntax).contains("ramplan: <stdin>:3:1: trailing comma"),
        "{}",
        stderr(&syntax)
    );

    let malformed = simulate_policy(&path(DENY_OUTSIDE), "StopInstance", "*", None);
    assert_eq!(malformed.status.code(), Some(2));
    assert!(stderr(&malformed).contains("is not `<service>:<action>`"));

    let both = ramplan(
        &[
            "simulate",
            "--policy",
            &path(DENY_OUTSIDE),
            "--trust",
            &path(DENY_OUTSIDE),
            "--principal",
            "ecs.aliyuncs.com",
        ],
        None,
    );
    assert_eq!(both.status.code(), Some(2));
    let no_principal = ramplan(&["simulate", "--trust", &path(DENY_OUTSIDE)], None);
    assert_eq!(no_principal.status.code(), Some(2));
    let bad_principal = ramplan(
        &[
            "simulate",
            "--trust",
            &path("corpus/09-trust-service-ecs.json"),
            "--principal",
            "alice",
        ],
        None,
    );
    assert_eq!(bad_principal.status.code(), Some(2));
    assert!(stderr(&bad_principal).contains("`alice` is not a principal"));
}

#[test]
fn simulate_never_echoes_a_credential() {
    let key = "LTAI5tAbCdEfGhIjKlMnOp";
    for arg in [format!("acs:AccessId={key}"), key.to_owned()] {
        let output = simulate_ecs(&["--context", &arg]);
        assert_eq!(output.status.code(), Some(2));
        assert!(!stderr(&output).contains(key), "{}", stderr(&output));
        assert!(stderr(&output).contains("LTAI****"), "{}", stderr(&output));
    }
    let principal = ramplan(
        &[
            "simulate",
            "--trust",
            &path("corpus/09-trust-service-ecs.json"),
            "--principal",
            key,
        ],
        None,
    );
    assert_eq!(principal.status.code(), Some(2));
    assert!(!stderr(&principal).contains(key));

    let policy = format!(
        r#"{{"Version": "1", "Statement": [{{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {{"StringEquals": {{"acs:AccessId": "{key}"}}}}}}]}}"#
    );
    for format in ["text", "json"] {
        let output = ramplan(
            &[
                "simulate",
                "--policy",
                "-",
                "--action",
                "oss:GetObject",
                "--resource",
                "*",
                "--format",
                format,
            ],
            Some(&policy),
        );
        assert_eq!(output.status.code(), Some(1));
        assert!(!stdout(&output).contains(key), "{}", stdout(&output));
        assert!(stdout(&output).contains("LTAI****"), "{}", stdout(&output));
    }
}

#[test]
fn simulate_warns_about_lint_errors_but_still_decides() {
    let output = ramplan(
        &[
            "simulate",
            "--policy",
            "-",
            "--action",
            "oss:GetObject",
            "--resource",
            "*",
            "--format",
            "json",
        ],
        Some(
            r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}, {"Effect": "Deny ", "Action": "oss:*", "Resource": "*"}]}"#,
        ),
    );
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["decision"], "allow");
    let warning = &value["warnings"][0];
    assert_eq!(warning["code"], "RP102");
    assert_eq!(warning["source"], "<stdin>");
    assert_eq!(warning["path"], "/Statement/1/Effect");
    assert!(value["statements"][1]["effect"].is_null());
    assert!(value["statements"][1]["note"]
        .as_str()
        .unwrap()
        .contains("the statement is ignored"));
}

fn existing_case(scenario: &str, case: &str, file: &str) -> String {
    path(&format!("existing/{scenario}/{case}/{file}"))
}

fn check_existing(scenario: &str, case: &str, docs: &[&str], extra: &[&str]) -> Output {
    let input = existing_case(scenario, case, "input.json");
    let docs: Vec<String> = docs
        .iter()
        .map(|d| existing_case(scenario, case, d))
        .collect();
    let mut args = vec!["plan", scenario, "--input", input.as_str()];
    for doc in &docs {
        args.push("--check-existing");
        args.push(doc);
    }
    args.extend_from_slice(extra);
    ramplan(&args, None)
}

#[test]
fn check_existing_exits_zero_when_satisfied_and_one_when_not() {
    let ok = check_existing("dataworks-emr", "ok-correct", &["trust-policy.json"], &[]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let text = stdout(&ok);
    assert!(
        text.starts_with("`dataworks-emr`: the existing setup does what the scenario needs"),
        "{text}"
    );
    assert!(text.contains("✓ `1234567890123456@emr.dataworks.aliyuncs.com` can assume `EMRRole`"));

    let engine = check_existing(
        "dataworks-emr",
        "bad-engine-suffix",
        &["trust-policy.json"],
        &[],
    );
    assert_eq!(engine.status.code(), Some(1));
    let text = stdout(&engine);
    assert!(text.contains("trust-policy.json:8:11: error[PL706]: the principal `1234567890123456@engine.dataworks.aliyuncs.com` uses `@engine.dataworks.aliyuncs.com`"), "{text}");
    assert!(text.contains("but registering an EMR cluster needs `@emr.dataworks.aliyuncs.com`"));

    // Broader than needed, but it works: security findings do not fail the check.
    let broad = check_existing(
        "emr-ecs-role",
        "warn-over-broad",
        &["permission-policy.json", "trust-policy.json"],
        &[],
    );
    assert_eq!(broad.status.code(), Some(0));
    assert!(stdout(&broad).contains("security[PL712]"));

    let missing = check_existing(
        "emr-ecs-role",
        "bad-missing-objects",
        &["permission-policy.json", "trust-policy.json"],
        &["--lang", "zh"],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).contains("OSS 策略缺少 `examplebucket/*` 资源"));
}

#[test]
fn check_existing_json_follows_the_contract() {
    let output = check_existing(
        "dataworks-emr",
        "bad-resource-account",
        &["trust-policy.json"],
        &["--format", "json"],
    );
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["scenario"], "dataworks-emr");
    assert_eq!(value["satisfied"], false);
    assert_eq!(value["documents"][0]["kind"], "trust");
    assert_eq!(value["documents"][0]["kind_guessed"], true);
    let finding = &value["findings"][0];
    assert_eq!(finding["code"], "PL707");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["path"], "/Statement/0/Principal/Service/0");
    assert_eq!(finding["span"]["start"]["line"], 8);
    assert!(finding["document"]
        .as_str()
        .unwrap()
        .ends_with("trust-policy.json"));
    assert!(finding["message"]
        .as_str()
        .unwrap()
        .contains("but the DataWorks account is `1234567890123456`"));
    let check = &value["checks"][0];
    assert_eq!(check["kind"], "assume");
    assert_eq!(check["result"], "failed");
    assert_eq!(check["decision"], "implicit-deny");
}

#[test]
fn check_existing_sets_kinds_and_reads_standard_input() {
    // A trust policy without `Principal` is guessed to be a permission policy; `trust:` says.
    let bare = r#"{"Statement": [{"Effect": "Allow", "Action": "oss:GetObject"}], "Version": "1"}"#;
    let input = existing_case("dataworks-emr", "ok-correct", "input.json");
    let guessed = ramplan(
        &[
            "plan",
            "dataworks-emr",
            "--input",
            &input,
            "--check-existing",
            "-",
            "--format",
            "json",
        ],
        Some(bare),
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&guessed)).unwrap();
    assert_eq!(value["documents"][0]["name"], "<stdin>");
    assert_eq!(value["documents"][0]["kind"], "permission");
    let set = ramplan(
        &[
            "plan",
            "dataworks-emr",
            "--input",
            &input,
            "--check-existing",
            "trust:-",
            "--format",
            "json",
        ],
        Some(bare),
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&set)).unwrap();
    assert_eq!(value["documents"][0]["kind"], "trust");
    assert_eq!(value["documents"][0]["kind_guessed"], false);
    assert_eq!(set.status.code(), Some(1));
}

#[test]
fn check_existing_usage_and_io_errors_exit_two() {
    let input = existing_case("dataworks-emr", "ok-correct", "input.json");
    let trust = existing_case("dataworks-emr", "ok-correct", "trust-policy.json");
    for args in [
        vec![
            "plan",
            "dataworks-emr",
            "--input",
            &input,
            "--check-existing",
            "/no/such/file.json",
        ],
        vec![
            "plan",
            "dataworks-emrr",
            "--input",
            &input,
            "--check-existing",
            &trust,
        ],
        vec![
            "plan",
            "dataworks-emr",
            "--input",
            &input,
            "--check-existing",
            &trust,
            "--format",
            "md",
        ],
        vec![
            "plan",
            "dataworks-emr",
            "--input",
            &input,
            "--format",
            "text",
        ],
        vec![
            "plan",
            "dataworks-emr",
            "--input",
            "-",
            "--check-existing",
            "-",
        ],
        vec![
            "plan",
            "dataworks-emr",
            "--input",
            &input,
            "--check-existing",
            &trust,
            "--out",
            "/tmp/x",
        ],
    ] {
        let output = ramplan(&args, Some("{}"));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).is_empty());
    }
}

#[test]
fn check_existing_refuses_credentials_without_echoing_them() {
    let output = check_existing(
        "dataworks-emr",
        "bad-credential",
        &["trust-policy.json"],
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!all.contains("LTAI5tAbCdEfGhIjKlMnOp"), "{all}");
    assert!(all.contains("error[PL702]"), "{all}");
    let json = check_existing(
        "dataworks-emr",
        "bad-credential",
        &["trust-policy.json"],
        &["--format", "json"],
    );
    assert!(!stdout(&json).contains("LTAI5t"));
}

/// A reader that stops early (`ramplan lint ... | head`) closes the pipe: lint ends by
/// itself, quietly, with the status its findings so far give, not killed by the signal and
/// not with an error about the pipe.
#[test]
fn lint_stops_quietly_when_the_reader_closes_the_pipe() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = std::env::temp_dir().join(format!("ramplan-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = std::fs::read_to_string(path(BROKEN)).unwrap();
    for i in 0..2000 {
        std::fs::write(dir.join(format!("{i:04}.json")), &broken).unwrap();
    }
    for format in ["json", "text"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ramplan"))
            .args(["lint", "--format", format])
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // The read end is dropped here, with most of the output unwritten.
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {:?}",
            output.status
        );
        assert_eq!(stderr(&output), "", "{format}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
