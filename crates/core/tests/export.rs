//! The exports (aliyun CLI script, Terraform, ROS template) of every valid scenario fixture,
//! against golden snapshots, and read back by the real thing: bash and shellcheck run the
//! scripts (bash with a stand-in `aliyun` that records its arguments), an HCL parser reads
//! the Terraform, a YAML parser the templates. Every document must come back out exactly
//! as the plan's artifact holds it.
//!
//! Snapshots: `tests/fixtures/scenarios/<id>/<case>.<lang>.{sh,tf,ros.yaml}`, beside the
//! plan snapshots. `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test export` rewrites
//! them; review the diff before committing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ramplan_core::export::{self, ConvertError, ConvertOptions, Format};
use ramplan_core::plan::{self, Plan, PolicyType, SCENARIOS};
use ramplan_core::{KindChoice, Lang};

fn fixtures(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/scenarios")
        .join(id)
}

/// `(scenario id, case name, input text)` for every fixture whose name starts with `prefix`.
fn cases(prefix: &str) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    for scenario in SCENARIOS {
        let Ok(entries) = fs::read_dir(fixtures(scenario.id)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(prefix) && n.ends_with(".input.json"))
            .collect();
        ramplan_core::sort::sort(&mut names);
        for name in names {
            let input = fs::read_to_string(fixtures(scenario.id).join(&name)).unwrap();
            let case = name.trim_end_matches(".input.json").to_owned();
            out.push((scenario.id, case, input));
        }
    }
    out
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Shell => "sh",
        Format::Terraform => "tf",
        Format::Ros => "ros.yaml",
    }
}

fn check_snapshot(path: PathBuf, actual: &str, problems: &mut Vec<String>) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, actual).unwrap();
        return;
    }
    match fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => problems.push(format!(
            "snapshot differs: {}\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )),
        Err(_) => problems.push(format!(
            "missing snapshot {} (run with UPDATE_SNAPSHOTS=1)",
            path.display()
        )),
    }
}

/// A valid plan with its three exports.
struct Exported {
    label: String,
    plan: Plan,
    exports: Vec<(Format, String)>,
}

impl Exported {
    fn text(&self, format: Format) -> &str {
        &self.exports.iter().find(|(f, _)| *f == format).unwrap().1
    }
}

/// Every valid plan in both languages, with its three exports.
fn valid_exports() -> Vec<Exported> {
    let mut out = Vec::new();
    for (id, case, input) in cases("valid-") {
        for lang in [Lang::En, Lang::Zh] {
            let plan = plan::plan(id, &input, lang).unwrap();
            assert!(!plan.has_errors(), "{id}/{case}: {:#?}", plan.findings);
            let exports = Format::ALL
                .into_iter()
                .map(|f| {
                    (
                        f,
                        export::plan_export(&plan, f).expect("valid plans export"),
                    )
                })
                .collect();
            out.push(Exported {
                label: format!("{id}/{case}.{}", lang.code()),
                plan,
                exports,
            });
        }
    }
    assert!(out.len() >= 20, "only {} valid plans", out.len());
    out
}

fn artifact_json(plan: &Plan, id: &str) -> serde_json::Value {
    serde_json::from_str(&plan.artifact(id).unwrap().content).unwrap()
}

#[test]
fn every_valid_plan_matches_its_export_snapshots() {
    let mut problems = Vec::new();
    for (id, case, input) in cases("valid-") {
        for lang in [Lang::En, Lang::Zh] {
            let plan = plan::plan(id, &input, lang).unwrap();
            for format in Format::ALL {
                let text = export::plan_export(&plan, format).unwrap();
                let again = export::plan_export(&plan::plan(id, &input, lang).unwrap(), format);
                if again.as_deref() != Some(text.as_str()) {
                    problems.push(format!("{id}/{case}: {format:?} is not deterministic"));
                }
                let name = format!("{case}.{}.{}", lang.code(), extension(format));
                check_snapshot(fixtures(id).join(name), &text, &mut problems);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn plans_with_errors_have_no_export() {
    let invalid = cases("invalid-");
    assert!(!invalid.is_empty());
    for (id, case, input) in invalid {
        let plan = plan::plan(id, &input, Lang::En).unwrap();
        assert!(plan.has_errors(), "{id}/{case}");
        for format in Format::ALL {
            assert_eq!(export::plan_export(&plan, format), None, "{id}/{case}");
        }
    }
}

#[test]
fn exports_list_the_steps_they_leave_to_the_runbook() {
    for Exported {
        label,
        plan,
        exports,
    } in valid_exports()
    {
        for (format, text) in &exports {
            for step in &plan.steps {
                let line = format!("{} {} ·", plan.lang.pick("Step", "步骤"), step.number);
                assert!(
                    text.contains(&line) && text.contains(&step.title),
                    "{label} {format:?}: step {} `{}` not listed",
                    step.number,
                    step.title
                );
            }
            assert!(
                !text.contains("LTAI") && !text.to_lowercase().contains("accesskeysecret"),
                "{label} {format:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Terraform, read by an HCL parser.

fn hcl_to_json(expr: &hcl::Expression) -> serde_json::Value {
    use hcl::eval::Evaluate;
    let value = expr
        .evaluate(&hcl::eval::Context::new())
        .unwrap_or_else(|e| panic!("cannot evaluate {expr}: {e}"));
    serde_json::to_value(value).unwrap()
}

fn attribute<'a>(block: &'a hcl::Block, key: &str) -> &'a hcl::Expression {
    block
        .body()
        .attributes()
        .find(|a| a.key() == key)
        .unwrap_or_else(|| panic!("no `{key}` in {block:?}"))
        .expr()
}

fn string_attribute(block: &hcl::Block, key: &str) -> String {
    match attribute(block, key) {
        hcl::Expression::String(s) => s.clone(),
        other => panic!("`{key}` is not a plain string: {other}"),
    }
}

/// The one argument of `jsonencode(...)`, as JSON.
fn jsonencode_argument(block: &hcl::Block, key: &str) -> serde_json::Value {
    match attribute(block, key) {
        hcl::Expression::FuncCall(call) => {
            assert_eq!(call.name.to_string(), "jsonencode");
            assert_eq!(call.args.len(), 1);
            hcl_to_json(&call.args[0])
        }
        other => panic!("`{key}` is not jsonencode(...): {other}"),
    }
}

#[test]
fn terraform_parses_and_its_documents_round_trip() {
    for exported in valid_exports() {
        let (label, plan, text) = (
            &exported.label,
            &exported.plan,
            exported.text(Format::Terraform),
        );
        let body = hcl::parse(text).unwrap_or_else(|e| panic!("{label}: {e}\n{text}"));
        let resources: Vec<&hcl::Block> = body
            .blocks()
            .filter(|b| b.identifier() == "resource")
            .collect();
        let of_type = |kind: &str| -> Vec<&hcl::Block> {
            resources
                .iter()
                .copied()
                .filter(|b| b.labels()[0].as_str() == kind)
                .collect()
        };
        let names: Vec<String> = resources
            .iter()
            .map(|b| format!("{}.{}", b.labels()[0].as_str(), b.labels()[1].as_str()))
            .collect();

        let r = &plan.resources;
        let policies = of_type("alicloud_ram_policy");
        assert_eq!(policies.len(), r.policies.len(), "{label}");
        for (block, policy) in policies.iter().zip(&r.policies) {
            assert_eq!(
                string_attribute(block, "policy_name"),
                policy.name,
                "{label}"
            );
            assert_eq!(
                jsonencode_argument(block, "policy_document"),
                artifact_json(plan, &policy.document),
                "{label}"
            );
        }
        let roles = of_type("alicloud_ram_role");
        assert_eq!(roles.len(), r.roles.len(), "{label}");
        for (block, role) in roles.iter().zip(&r.roles) {
            assert_eq!(string_attribute(block, "role_name"), role.name, "{label}");
            assert_eq!(
                jsonencode_argument(block, "assume_role_policy_document"),
                artifact_json(plan, &role.trust_policy),
                "{label}"
            );
            assert!(!string_attribute(block, "description").is_empty());
        }
        let attachments = of_type("alicloud_ram_role_policy_attachment");
        let expected: Vec<_> = r.roles.iter().flat_map(|r| &r.attachments).collect();
        assert_eq!(attachments.len(), expected.len(), "{label}");
        for (block, attachment) in attachments.iter().zip(expected) {
            assert_eq!(
                string_attribute(block, "policy_type"),
                attachment.policy_type.as_str()
            );
            // References point at resources of this file; literal names are system policies.
            for key in ["role_name", "policy_name"] {
                match attribute(block, key) {
                    hcl::Expression::Traversal(t) => {
                        let text = hcl::Expression::Traversal(t.clone()).to_string();
                        assert!(
                            names.iter().any(|n| text.starts_with(&format!("{n}."))),
                            "{label}: {text} refers to nothing"
                        );
                    }
                    hcl::Expression::String(s) => {
                        assert_eq!(key, "policy_name");
                        assert_eq!(attachment.policy_type, PolicyType::System);
                        assert_eq!(*s, attachment.policy_name);
                    }
                    other => panic!("{label}: {key} = {other}"),
                }
            }
        }
        if r.roles.is_empty() && r.policies.is_empty() {
            assert!(body.blocks().next().is_none(), "{label}: nothing to create");
        } else {
            let terraform = body
                .blocks()
                .find(|b| b.identifier() == "terraform")
                .unwrap();
            let providers = terraform.body().blocks().next().unwrap();
            let alicloud = providers
                .body()
                .attributes()
                .find(|a| a.key() == "alicloud")
                .unwrap();
            let value = hcl_to_json(alicloud.expr());
            assert_eq!(value["source"], "aliyun/alicloud");
            let version = if r.roles.is_empty() {
                ">= 1.114.0"
            } else {
                ">= 1.252.0"
            };
            assert_eq!(value["version"], version, "{label}");
            assert!(
                text.contains(&version.replace(">= ", "v")),
                "{label}: version comment"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// ROS, read by a YAML parser.

fn yaml_to_json(yaml: &yaml_rust2::Yaml) -> serde_json::Value {
    use yaml_rust2::Yaml;
    match yaml {
        Yaml::String(s) => serde_json::Value::from(s.as_str()),
        Yaml::Integer(i) => serde_json::Value::from(*i),
        Yaml::Real(r) => serde_json::Value::from(r.parse::<f64>().unwrap()),
        Yaml::Boolean(b) => serde_json::Value::from(*b),
        Yaml::Null => serde_json::Value::Null,
        Yaml::Array(items) => items.iter().map(yaml_to_json).collect(),
        Yaml::Hash(map) => serde_json::Value::Object(
            map.iter()
                .map(|(k, v)| (k.as_str().expect("string keys").to_owned(), yaml_to_json(v)))
                .collect(),
        ),
        other => panic!("unexpected YAML node {other:?}"),
    }
}

/// A document with every single value that RAM reads like a one-element list written as a
/// list (ram-facts §1.2), so documents that differ only in that compare equal.
fn canonical(document: &serde_json::Value) -> serde_json::Value {
    let list = |v: &serde_json::Value| match v {
        serde_json::Value::String(_) => serde_json::Value::Array(vec![v.clone()]),
        other => other.clone(),
    };
    let mut out = document.clone();
    let statements = match &document["Statement"] {
        serde_json::Value::Array(items) => items.clone(),
        single => vec![single.clone()],
    };
    let statements: Vec<serde_json::Value> = statements
        .iter()
        .map(|st| {
            let mut st = st.clone();
            for key in ["Action", "NotAction", "Resource", "NotResource"] {
                if let Some(v) = st.get(key).cloned() {
                    st[key] = list(&v);
                }
            }
            if let Some(serde_json::Value::Object(principal)) = st.get("Principal").cloned() {
                st["Principal"] = principal
                    .iter()
                    .map(|(k, v)| (k.clone(), list(v)))
                    .collect();
            }
            st
        })
        .collect();
    out["Statement"] = serde_json::Value::Array(statements);
    out
}

#[test]
fn ros_templates_parse_and_their_documents_round_trip() {
    for exported in valid_exports() {
        let (label, plan, text) = (&exported.label, &exported.plan, exported.text(Format::Ros));
        let docs = yaml_rust2::YamlLoader::load_from_str(text)
            .unwrap_or_else(|e| panic!("{label}: {e}\n{text}"));
        // Every scenario creates in one account at most: one template.
        assert_eq!(docs.len(), 1, "{label}");
        let template = yaml_to_json(&docs[0]);
        assert_eq!(
            template["ROSTemplateFormatVersion"], "2015-09-01",
            "{label}"
        );
        assert!(template["Description"].is_string());
        let resources = template["Resources"].as_object().unwrap();
        let of_type = |kind: &str| -> Vec<&serde_json::Value> {
            resources.values().filter(|r| r["Type"] == kind).collect()
        };
        let r = &plan.resources;
        let policies = of_type("ALIYUN::RAM::ManagedPolicy");
        assert_eq!(policies.len(), r.policies.len(), "{label}");
        for (resource, policy) in policies.iter().zip(&r.policies) {
            let p = &resource["Properties"];
            assert_eq!(p["PolicyName"], policy.name.as_str());
            assert_eq!(
                canonical(&p["PolicyDocument"]),
                canonical(&artifact_json(plan, &policy.document)),
                "{label}"
            );
            assert!(p["PolicyDocument"]["Statement"].is_array());
        }
        let roles = of_type("ALIYUN::RAM::Role");
        assert_eq!(roles.len(), r.roles.len(), "{label}");
        for (resource, role) in roles.iter().zip(&r.roles) {
            let p = &resource["Properties"];
            assert_eq!(p["RoleName"], role.name.as_str());
            let trust = &p["AssumeRolePolicyDocument"];
            assert_eq!(
                canonical(trust),
                canonical(&artifact_json(plan, &role.trust_policy)),
                "{label}"
            );
            // ROS documents a trust statement's Action as a string.
            for statement in trust["Statement"].as_array().unwrap() {
                assert!(statement["Action"].is_string(), "{label}");
            }
        }
        let attachments = of_type("ALIYUN::RAM::AttachPolicyToRole");
        let expected: Vec<_> = r.roles.iter().flat_map(|r| &r.attachments).collect();
        assert_eq!(attachments.len(), expected.len(), "{label}");
        for (resource, attachment) in attachments.iter().zip(expected) {
            let p = &resource["Properties"];
            assert_eq!(p["PolicyType"], attachment.policy_type.as_str());
            for key in ["RoleName", "PolicyName"] {
                if let Some(target) = p[key]["Fn::GetAtt"].as_array() {
                    let id = target[0].as_str().unwrap();
                    assert!(
                        resources.contains_key(id),
                        "{label}: {id} is not a resource"
                    );
                    assert_eq!(target[1], key);
                } else {
                    assert_eq!(p[key], attachment.policy_name.as_str(), "{label}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The scripts, read by bash and shellcheck, and run against a stand-in `aliyun`.

fn run_tool(program: &str, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("`{program}` is needed for this test (scripts/setup.sh installs it): {e}")
        });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn scripts_pass_bash_n_and_shellcheck() {
    for exported in valid_exports() {
        let (label, text) = (&exported.label, exported.text(Format::Shell));
        assert!(text.starts_with("#!/usr/bin/env bash\n"));
        assert!(text.contains("\nset -euo pipefail\n"));
        let bash = run_tool("bash", &["-n"], text);
        assert!(
            bash.status.success(),
            "{label}: bash -n: {}",
            String::from_utf8_lossy(&bash.stderr)
        );
        let check = run_tool("shellcheck", &["--shell=bash", "-"], text);
        assert!(
            check.status.success(),
            "{label}: shellcheck:\n{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

/// Runs a script with a stand-in `aliyun` first on PATH, which records each call's
/// arguments; returns the calls.
fn run_script(script: &str, env: &[(&str, &str)]) -> Vec<Vec<String>> {
    let dir = std::env::temp_dir().join(format!(
        "ramplan-export-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let log = dir.join("calls");
    let stub = dir.join("aliyun");
    // One record per call: arguments separated by NUL, then a record separator.
    fs::write(
        &stub,
        "#!/usr/bin/env bash\nprintf '%s\\0' \"$@\" >> \"$RAMPLAN_LOG\"\nprintf '\\036' >> \"$RAMPLAN_LOG\"\necho '{}'\n",
    )
    .unwrap();
    Command::new("chmod").arg("+x").arg(&stub).status().unwrap();
    let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap());
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(script)
        .env("PATH", path)
        .env("RAMPLAN_LOG", &log)
        .env_remove("ALIYUN_PROFILE")
        .env_remove("ALIYUN_PROFILE_RESOURCE")
        .env_remove("ALIYUN_PROFILE_DATAWORKS");
    for (k, v) in env {
        command.env(k, v);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "script failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = fs::read_to_string(&log).unwrap_or_default();
    let _ = fs::remove_dir_all(&dir);
    text.split('\u{1e}')
        .filter(|r| !r.is_empty())
        .map(|r| {
            r.trim_end_matches('\0')
                .split('\0')
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fn param<'a>(call: &'a [String], name: &str) -> &'a str {
    let at = call
        .iter()
        .position(|a| a == &format!("--{name}"))
        .unwrap_or_else(|| panic!("no --{name} in {call:?}"));
    &call[at + 1]
}

#[test]
fn scripts_pass_every_document_unchanged() {
    for exported in valid_exports() {
        let (label, plan, text) = (
            &exported.label,
            &exported.plan,
            exported.text(Format::Shell),
        );
        if plan.lang == Lang::Zh {
            continue;
        }
        let calls = run_script(text, &[]);
        let r = &plan.resources;
        let mut expected = Vec::new();
        for p in &r.policies {
            expected.push(("CreatePolicy", p.name.clone()));
        }
        for role in &r.roles {
            expected.push(("CreateRole", role.name.clone()));
            for a in &role.attachments {
                expected.push(("AttachPolicyToRole", a.policy_name.clone()));
            }
        }
        for role in &r.console_roles {
            expected.push(("GetRole", role.name.clone()));
        }
        let seen: Vec<(&str, String)> = calls
            .iter()
            .map(|c| {
                assert_eq!(c[0], "ram", "{label}");
                let api = c[1].as_str();
                let name = match api {
                    "CreatePolicy" => param(c, "PolicyName"),
                    "AttachPolicyToRole" => param(c, "PolicyName"),
                    _ => param(c, "RoleName"),
                };
                (api, name.to_owned())
            })
            .collect();
        let expected: Vec<(&str, String)> = expected;
        assert_eq!(seen, expected, "{label}");
        for call in &calls {
            assert!(!call.iter().any(|a| a == "--profile"), "{label}: {call:?}");
            match call[1].as_str() {
                "CreatePolicy" => {
                    let policy = r
                        .policies
                        .iter()
                        .find(|p| p.name == param(call, "PolicyName"))
                        .unwrap();
                    let document = &plan.artifact(&policy.document).unwrap().content;
                    assert_eq!(param(call, "PolicyDocument"), document.trim_end());
                }
                "CreateRole" => {
                    let role = r
                        .roles
                        .iter()
                        .find(|x| x.name == param(call, "RoleName"))
                        .unwrap();
                    let document = &plan.artifact(&role.trust_policy).unwrap().content;
                    assert_eq!(param(call, "AssumeRolePolicyDocument"), document.trim_end());
                    assert!(param(call, "Description").contains(plan.scenario));
                }
                "AttachPolicyToRole" => {
                    let role = param(call, "RoleName");
                    let attachment = r
                        .roles
                        .iter()
                        .filter(|x| x.name == role)
                        .flat_map(|x| &x.attachments)
                        .find(|a| a.policy_name == param(call, "PolicyName"))
                        .unwrap();
                    assert_eq!(param(call, "PolicyType"), attachment.policy_type.as_str());
                }
                _ => {}
            }
        }
    }
}

#[test]
fn scripts_use_the_profile_of_each_account() {
    let input = fs::read_to_string(fixtures("dataworks-emr").join("valid-basic-hadoop.input.json"))
        .unwrap();
    let plan = plan::plan("dataworks-emr", &input, Lang::En).unwrap();
    let script = export::plan_export(&plan, Format::Shell).unwrap();
    let calls = run_script(&script, &[("ALIYUN_PROFILE_RESOURCE", "account b")]);
    assert_eq!(calls.len(), 2);
    for call in calls {
        assert_eq!(
            call[call.len() - 2..],
            ["--profile".to_owned(), "account b".to_owned()]
        );
    }
}

// ---------------------------------------------------------------------------------------
// `convert`: one pasted policy.

/// A permission policy with everything that needs care: a condition key with a colon, a
/// single quote, an HCL template sequence, non-ASCII text.
const TRICKY_PERMISSION: &str = r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["oss:GetObject", "oss:ListObjects"],
      "Resource": ["acs:oss:*:*:it's-${bucket}", "acs:oss:*:*:it's-${bucket}/数据/*"],
      "Condition": {"IpAddress": {"acs:SourceIp": ["192.0.2.0/24"]}}
    }
  ]
}
"#;

const TRUST: &str = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}"#;

fn options(kind: KindChoice, name: Option<&str>) -> ConvertOptions {
    ConvertOptions {
        kind,
        name: name.map(str::to_owned),
        lang: Lang::En,
    }
}

#[test]
fn a_permission_policy_becomes_a_custom_policy_in_every_format() {
    let expected: serde_json::Value = serde_json::from_str(TRICKY_PERMISSION).unwrap();
    let o = options(KindChoice::Permission, Some("oss-read"));

    let tf = export::convert(TRICKY_PERMISSION, &o, Format::Terraform).unwrap();
    let body = hcl::parse(&tf).unwrap_or_else(|e| panic!("{e}\n{tf}"));
    let block = body
        .blocks()
        .find(|b| b.identifier() == "resource")
        .unwrap();
    assert_eq!(block.labels()[0].as_str(), "alicloud_ram_policy");
    assert_eq!(string_attribute(block, "policy_name"), "oss-read");
    assert_eq!(jsonencode_argument(block, "policy_document"), expected);
    assert!(tf.contains("$${bucket}"), "{tf}");
    assert_eq!(
        body.blocks()
            .filter(|b| b.identifier() == "resource")
            .count(),
        1
    );

    let ros = export::convert(TRICKY_PERMISSION, &o, Format::Ros).unwrap();
    let docs = yaml_rust2::YamlLoader::load_from_str(&ros).unwrap();
    let template = yaml_to_json(&docs[0]);
    let resources = template["Resources"].as_object().unwrap();
    assert_eq!(resources.len(), 1);
    let policy = resources.values().next().unwrap();
    assert_eq!(policy["Type"], "ALIYUN::RAM::ManagedPolicy");
    assert_eq!(
        canonical(&policy["Properties"]["PolicyDocument"]),
        canonical(&expected)
    );

    // Elements ROS's PolicyDocument does not model go through PolicyDocumentUnchecked.
    let not_action = r#"{"Version": "1", "Statement": {"Effect": "Deny", "NotAction": "oss:Get*", "Resource": "*"}}"#;
    let ros = export::convert(not_action, &o, Format::Ros).unwrap();
    let template = yaml_to_json(&yaml_rust2::YamlLoader::load_from_str(&ros).unwrap()[0]);
    let properties = &template["Resources"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()["Properties"];
    assert!(properties.get("PolicyDocument").is_none());
    assert_eq!(
        properties["PolicyDocumentUnchecked"],
        serde_json::from_str::<serde_json::Value>(not_action).unwrap()
    );

    let sh = export::convert(TRICKY_PERMISSION, &o, Format::Shell).unwrap();
    let check = run_tool("shellcheck", &["--shell=bash", "-"], &sh);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let calls = run_script(&sh, &[("ALIYUN_PROFILE", "mine")]);
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0][1], "CreatePolicy");
    assert_eq!(
        param(&calls[0], "PolicyDocument"),
        TRICKY_PERMISSION.trim_end()
    );
    assert_eq!(param(&calls[0], "profile"), "mine");
}

#[test]
fn a_trust_policy_becomes_a_role_and_the_kind_can_be_guessed() {
    let tf = export::convert(TRUST, &options(KindChoice::Auto, None), Format::Terraform).unwrap();
    assert!(tf.contains("guessed from the document"), "{tf}");
    let body = hcl::parse(&tf).unwrap();
    let block = body
        .blocks()
        .find(|b| b.identifier() == "resource")
        .unwrap();
    assert_eq!(block.labels()[0].as_str(), "alicloud_ram_role");
    assert_eq!(
        string_attribute(block, "role_name"),
        export::DEFAULT_ROLE_NAME
    );
    assert_eq!(
        jsonencode_argument(block, "assume_role_policy_document"),
        serde_json::from_str::<serde_json::Value>(TRUST).unwrap()
    );
    let sh = export::convert(
        TRUST,
        &options(KindChoice::Trust, Some("ecs-app")),
        Format::Shell,
    )
    .unwrap();
    let calls = run_script(&sh, &[]);
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0][1], "CreateRole");
    assert_eq!(param(&calls[0], "RoleName"), "ecs-app");
    assert_eq!(param(&calls[0], "AssumeRolePolicyDocument"), TRUST);
}

#[test]
fn convert_refuses_errors_bad_names_and_credentials() {
    let broken = r#"{"Version": "1", "Statement": [{"Effect": "allow ", "Action": "oss:GetObject", "Resource": "*"}]}"#;
    let Err(ConvertError::Refused(report)) =
        export::convert(broken, &options(KindChoice::Auto, None), Format::Shell)
    else {
        panic!("an invalid Effect must be refused");
    };
    assert!(report.findings.iter().any(|f| f.code == "RP102"));

    let bad_name = export::convert(
        TRICKY_PERMISSION,
        &options(KindChoice::Permission, Some("no spaces allowed")),
        Format::Terraform,
    );
    assert!(matches!(bad_name, Err(ConvertError::Refused(_))));

    let secret = TRICKY_PERMISSION.replace("192.0.2.0/24", "LTAI5tAbCdEfGhIjKlMnOp");
    let refused = export::convert(&secret, &options(KindChoice::Auto, None), Format::Ros);
    assert!(matches!(refused, Err(ConvertError::Refused(_))));

    let named = export::convert(
        TRUST,
        &options(KindChoice::Trust, Some("LTAI5tAbCdEfGhIjKlMnOp")),
        Format::Shell,
    );
    assert_eq!(named, Err(ConvertError::CredentialInName));
}
