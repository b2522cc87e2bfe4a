//! The MaxCompute half of seed 001, end to end: plans from inputs, checked against the
//! guide's exact script, trust policy, steps and findings.

use super::*;
use crate::finding::Lang;
use crate::lint::{lint, KindChoice, LintOptions};
use crate::plan::scenarios::dataworks_engine::proposed_data_source_name;
use crate::plan::{plan, Plan};

const A: &str = "1111222233334444";
const B: &str = "5555666677778888";

fn run(input: serde_json::Value) -> Plan {
    plan("dataworks-maxcompute", &input.to_string(), Lang::En).unwrap()
}

fn with_grants(grants: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "dataworks_account_uid": A,
        "resource_account_uid": B,
        "role_name": "testRole",
        "region": "cn-hangzhou",
        "maxcompute_project": "sales_prj",
        "grants": grants,
    })
}

fn codes(plan: &Plan) -> Vec<(&'static str, Option<&str>)> {
    plan.findings.iter().map(|f| (f.code, f.field())).collect()
}

fn has(plan: &Plan, code: &str, field: &str) -> bool {
    plan.findings
        .iter()
        .any(|f| f.code == code && f.field() == Some(field))
}

fn sql(plan: &Plan) -> &str {
    &plan.artifact("maxcompute-sql").unwrap().content
}

#[test]
fn writes_the_exact_script_for_a_typical_input() {
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "project", "object_name": "sales_prj", "privileges": ["read", "LIST"]},
        {"object_type": "table", "object_name": "orders", "privileges": ["Select", "describe"], "columns": ["id", "amount"]},
        {"object_type": "table", "object_name": "customers", "privileges": "Select"}
    ])));
    assert!(!plan.has_errors(), "{:?}", plan.findings);
    let p = "`RAM$5555666677778888:role/testRole`";
    let expected = format!(
            "-- Run in MaxCompute project sales_prj as its owner (account B) or a project administrator.

-- Add the RAM role as a user of the project.
add user {p};
-- List the project's users; the role appears as MaxCompute stored it.
list users;

-- Allow Read, List on project sales_prj.
grant Read, List on project sales_prj to user {p};
-- Allow Select, Describe on table orders, columns id, amount only.
grant Select, Describe on table orders (id, amount) to user {p};
-- Allow Select on table customers.
grant Select on table customers to user {p};

-- Show the privileges the role now holds.
show grants for {p};
"
        );
    assert_eq!(sql(&plan), expected);
    assert_eq!(
        plan.artifact("maxcompute-sql").unwrap().filename,
        "maxcompute.sql"
    );
}

#[test]
fn writes_the_trust_policy_of_the_guide_and_it_lints_clean() {
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
    ])));
    let trust = &plan.artifact("trust-policy").unwrap().content;
    assert_eq!(
        trust,
        "{
  \"Statement\": [
    {
      \"Action\": \"sts:AssumeRole\",
      \"Effect\": \"Allow\",
      \"Principal\": {
        \"Service\": [
          \"1111222233334444@engine.dataworks.aliyuncs.com\"
        ]
      }
    }
  ],
  \"Version\": \"1\"
}
"
    );
    let report = lint(
        trust,
        &LintOptions {
            kind: KindChoice::Trust,
            ..LintOptions::default()
        },
    );
    assert!(
        report
            .findings
            .iter()
            .all(|f| !matches!(f.severity, Severity::Error | Severity::Security)),
        "{:?}",
        report.findings
    );
    assert!(!plan.findings.iter().any(|f| f.code == "PL900"));
    assert!(plan
        .unconfirmed
        .iter()
        .any(|u| u.assumption.contains("engine.dataworks.aliyuncs.com")));
}

#[test]
fn accepts_every_documented_privilege_in_any_case() {
    for object_type in OBJECT_TYPES {
        let name = if *object_type == "project" {
            "sales_prj"
        } else {
            "obj_1"
        };
        for privilege in maxcompute::privileges(object_type) {
            let plan = run(with_grants(serde_json::json!([
                {"object_type": object_type, "object_name": name, "privileges": [privilege.to_ascii_lowercase()]}
            ])));
            assert!(
                !plan.has_errors(),
                "{object_type} {privilege}: {:?}",
                plan.findings
            );
            let line = format!("grant {privilege} on {object_type} {name} to user");
            assert!(
                sql(&plan).contains(&line),
                "{object_type} {privilege}:\n{}",
                sql(&plan)
            );
        }
    }
}

#[test]
fn refuses_privileges_of_another_object_type_or_misspelt() {
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "project", "object_name": "sales_prj", "privileges": ["Select"]},
        {"object_type": "table", "object_name": "orders", "privileges": ["Selct"]},
        {"object_type": "instance", "object_name": "i1", "privileges": ["Delete"]},
        {"object_type": "resource", "object_name": "r.jar", "privileges": ["Run"]},
        {"object_type": "table", "object_name": "orders", "privileges": ["Download"]}
    ])));
    assert!(plan.artifacts.is_empty());
    for field in [
        "grants[0].privileges[0]",
        "grants[1].privileges[0]",
        "grants[2].privileges[0]",
        "grants[3].privileges[0]",
        "grants[4].privileges[0]",
    ] {
        assert!(has(&plan, "PL206", field), "{field}: {:?}", codes(&plan));
    }
    let help = |field: &str| {
        plan.findings
            .iter()
            .find(|f| f.field() == Some(field))
            .and_then(|f| f.help.clone())
            .unwrap()
    };
    assert!(help("grants[1].privileges[0]").starts_with("did you mean `Select`?"));
    assert!(help("grants[0].privileges[0]").starts_with("it is a privilege for `table`"));
    assert!(help("grants[3].privileges[0]").starts_with("it is a privilege for `function`"));
}

#[test]
fn function_run_and_execute_are_accepted_with_a_warning() {
    for privilege in ["run", "Execute"] {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "function", "object_name": "my_udf", "privileges": [privilege]}
        ])));
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        let finding = plan.findings.iter().find(|f| f.code == "PL207").unwrap();
        assert_eq!(finding.severity, Severity::Warning);
        assert_eq!(finding.field(), Some("grants[0].privileges[0]"));
        assert!(plan
            .unconfirmed
            .iter()
            .any(|u| u.about.contains("function privilege")));
    }
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "function", "object_name": "my_udf", "privileges": ["Read"]}
    ])));
    assert!(!plan.findings.iter().any(|f| f.code == "PL207"));
}

#[test]
fn flags_duplicates_all_and_empty_privileges() {
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select, select", "All"]},
        {"object_type": "project", "object_name": "sales_prj", "privileges": ["All"]}
    ])));
    assert!(!plan.has_errors(), "{:?}", plan.findings);
    assert!(has(&plan, "PL211", "grants[0].privileges[0]"));
    assert!(has(&plan, "PL212", "grants[0].privileges"));
    assert!(has(&plan, "PL213", "grants[1].privileges"));
    assert!(sql(&plan).contains("grant Select, All on table orders to user"));

    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": []}
    ])));
    assert!(has(&plan, "PL210", "grants[0].privileges"));
    assert!(plan.artifacts.is_empty());
}

#[test]
fn refuses_names_that_would_break_out_of_the_sql() {
    for bad in [
        "ord`ers",
        "ord'ers",
        "ord\"ers",
        "orders;drop",
        "ord ers",
        "orders`; drop table x; --",
    ] {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": "table", "object_name": "fine", "privileges": ["Select"]},
            {"object_type": "table", "object_name": bad, "privileges": ["Select"], "columns": ["id", bad]}
        ])));
        assert!(
            has(&plan, "PL205", "grants[1].object_name"),
            "{bad}: {:?}",
            codes(&plan)
        );
        assert!(
            has(&plan, "PL209", "grants[1].columns[1]"),
            "{bad}: {:?}",
            codes(&plan)
        );
        assert!(plan.artifacts.is_empty() && plan.steps.is_empty());
        let message = &plan
            .findings
            .iter()
            .find(|f| f.code == "PL205")
            .unwrap()
            .message;
        assert!(message.starts_with("`grants[1].object_name`"), "{message}");

        let mut input = with_grants(serde_json::json!([]));
        input["maxcompute_project"] = serde_json::json!(bad);
        input["principal_form"] = serde_json::json!("account-name");
        input["resource_account_name"] = serde_json::json!(bad);
        let plan = run(input);
        assert!(
            has(&plan, "PL204", "maxcompute_project"),
            "{bad}: {:?}",
            codes(&plan)
        );
        assert!(
            has(&plan, "PL203", "resource_account_name"),
            "{bad}: {:?}",
            codes(&plan)
        );
        assert!(plan.artifacts.is_empty());
    }
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select; drop table orders"]}
    ])));
    assert!(has(&plan, "PL206", "grants[0].privileges[0]"));
    assert!(plan.artifacts.is_empty());
}

#[test]
fn resource_names_may_hold_dots_and_hyphens_but_tables_may_not() {
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "resource", "object_name": "udf-v2.jar", "privileges": ["Read"]}
    ])));
    assert!(!plan.has_errors(), "{:?}", plan.findings);
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "sales_prj.orders", "privileges": ["Select"]}
    ])));
    assert!(has(&plan, "PL205", "grants[0].object_name"));
}

#[test]
fn account_name_form_needs_the_name_and_uses_it() {
    let mut input = with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
    ]));
    input["principal_form"] = serde_json::json!("account-name");
    let plan = run(input.clone());
    assert!(
        has(&plan, "PL201", "resource_account_name"),
        "{:?}",
        codes(&plan)
    );
    assert!(plan.artifacts.is_empty());

    input["resource_account_name"] = serde_json::json!("acme-ops");
    let plan = run(input);
    assert!(!plan.has_errors(), "{:?}", plan.findings);
    assert!(sql(&plan).contains("add user `RAM$acme-ops:role/testRole`;"));
    assert!(sql(&plan).contains("show grants for `RAM$acme-ops:role/testRole`;"));
    assert!(!sql(&plan).contains(B));
    assert!(plan
        .unconfirmed
        .iter()
        .any(|u| u.assumption.contains("list users;")));
    // Where the name comes from is not invented: the plan points at `list users;`.
    assert!(plan
        .unconfirmed
        .iter()
        .any(|u| u.about == "Where account B's name is shown"));
    assert!(plan.steps[2].instructions.contains("`acme-ops`"));
    assert!(plan.steps[2]
        .cautions
        .iter()
        .any(|c| c.contains("`account-id`")));
}

#[test]
fn account_id_form_ignores_a_given_name_with_a_warning() {
    let mut input = with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
    ]));
    input["resource_account_name"] = serde_json::json!("acme-ops");
    let plan = run(input);
    assert!(has(&plan, "PL202", "resource_account_name"));
    assert!(!plan
        .unconfirmed
        .iter()
        .any(|u| u.about == "Where account B's name is shown"));
    assert!(sql(&plan).contains("add user `RAM$5555666677778888:role/testRole`;"));
}

#[test]
fn columns_only_on_tables() {
    for object_type in ["project", "resource", "function", "instance"] {
        let plan = run(with_grants(serde_json::json!([
            {"object_type": object_type, "object_name": "sales_prj", "privileges": ["Read"], "columns": ["id"]}
        ])));
        assert!(
            has(&plan, "PL208", "grants[0].columns"),
            "{object_type}: {:?}",
            codes(&plan)
        );
        assert!(plan.artifacts.is_empty());
    }
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"], "columns": ["id", "ID"]}
    ])));
    assert!(has(&plan, "PL211", "grants[0].columns[1]"));
    assert!(sql(&plan).contains("on table orders (id) to user"));
}

#[test]
fn empty_grants_warn_but_still_plan() {
    for input in [with_grants(serde_json::json!([])), {
        let mut i = with_grants(serde_json::json!([]));
        i.as_object_mut().unwrap().remove("grants");
        i
    }] {
        let plan = run(input);
        assert!(!plan.has_errors(), "{:?}", plan.findings);
        let f = plan.findings.iter().find(|f| f.code == "PL215").unwrap();
        assert_eq!(f.severity, Severity::Warning);
        assert!(!sql(&plan).contains("grant "));
        assert!(sql(&plan).contains("show grants for"));
        let check = plan.steps[2].verification.as_deref().unwrap();
        assert!(check.contains("no privileges yet"), "{check}");
        assert!(!check.contains("every privilege"), "{check}");
    }
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
    ])));
    let check = plan.steps[2].verification.as_deref().unwrap();
    assert!(check.contains("every privilege"), "{check}");
}

#[test]
fn every_console_step_before_the_test_has_a_check() {
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
    ])));
    for i in [0, 1, 2, 4] {
        assert!(plan.steps[i].verification.is_some(), "step {}", i + 1);
    }
    assert!(plan.steps[0]
        .verification
        .as_deref()
        .unwrap()
        .contains("`testRole`"));
}

#[test]
fn the_trust_step_follows_the_guide_s_policy_document_path() {
    let plan = run(with_grants(serde_json::json!([])));
    let step = &plan.steps[1];
    assert!(step
        .location
        .ends_with("testRole > Policy Document > Edit Policy Document"));
    assert!(step.instructions.contains("Trust Policy"));
    assert!(!step.instructions.contains("script"));
    let zh = crate::plan::plan(
        "dataworks-maxcompute",
        &with_grants(serde_json::json!([])).to_string(),
        Lang::Zh,
    )
    .unwrap();
    let text = crate::plan::to_json(&zh);
    assert!(!text.replace("阿里云账号", "").contains("云账号"), "{text}");
}

#[test]
fn the_data_source_name_is_proposed_or_taken_as_given() {
    let plan = run(with_grants(serde_json::json!([])));
    let name = |plan: &Plan| {
        plan.steps[3]
            .parameters
            .iter()
            .find(|p| p.name == "Data Source Name")
            .map(|p| p.value.clone())
            .unwrap()
    };
    assert_eq!(name(&plan), format!("sales_prj_from_{B}"));
    assert!(plan.steps[4]
        .verification
        .as_deref()
        .unwrap()
        .contains(&format!("`sales_prj_from_{B}`")));
    assert!(plan
        .unconfirmed
        .iter()
        .any(|u| u.about == "Rules for data source names"));

    let mut input = with_grants(serde_json::json!([]));
    input["data_source_name"] = serde_json::json!("sales_cross");
    let plan = run(input.clone());
    assert_eq!(name(&plan), "sales_cross");
    assert!(!plan.findings.iter().any(|f| f.code == "PL218"));

    input["data_source_name"] = serde_json::json!("sales-cross");
    let plan = run(input);
    assert!(!plan.has_errors());
    assert!(has(&plan, "PL218", "data_source_name"));
    assert_eq!(name(&plan), "sales-cross");

    for (target, want) in [
        ("sales_prj", "sales_prj_from_1"),
        ("hgprecn-cn-abc", "hgprecn_cn_abc_from_1"),
        ("my--holo.", "my_holo_from_1"),
        ("9lives", "ds_9lives_from_1"),
        ("实例", "ds_from_1"),
    ] {
        assert_eq!(proposed_data_source_name(target, "1"), want, "{target}");
    }
    assert_eq!(
        proposed_data_source_name(&"a".repeat(100), "1"),
        format!("{}_from_1", "a".repeat(40))
    );
}

#[test]
fn warns_on_a_grant_on_another_project_and_on_one_account() {
    let mut input = with_grants(serde_json::json!([
        {"object_type": "project", "object_name": "other_prj", "privileges": ["Read"]},
        {"object_type": "project", "object_name": "SALES_PRJ", "privileges": ["List"]}
    ]));
    input["resource_account_uid"] = serde_json::json!(A);
    let plan = run(input);
    assert!(has(&plan, "PL214", "grants[0].object_name"));
    assert!(!has(&plan, "PL214", "grants[1].object_name"));
    assert!(has(&plan, "PL216", "resource_account_uid"));
}

#[test]
fn shows_the_limitation_as_a_suggestion() {
    let plan = run(with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
    ])));
    let f = plan.findings.iter().find(|f| f.code == "PL217").unwrap();
    assert_eq!(f.severity, Severity::Suggestion);
    assert!(f.message.contains("data development or scheduling"));
}

#[test]
fn names_agree_across_artifacts_and_steps() {
    let mut input = with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"]}
    ]));
    input["role_name"] = serde_json::json!("dw-reader.2");
    let plan = run(input);
    let role = "dw-reader.2";
    let principal = format!("`RAM${B}:role/{role}`");
    assert_eq!(plan.steps.len(), 5);
    let value = |step: usize, name: &str| {
        plan.steps[step]
            .parameters
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.value.clone())
            .unwrap()
    };
    // Step 1 creates the role; step 3 makes it a project user; step 4 names it in DataWorks.
    assert_eq!(value(0, "Role name"), role);
    assert!(plan.steps[1].location.contains(role));
    assert_eq!(plan.steps[1].artifacts, ["trust-policy"]);
    assert_eq!(plan.steps[2].artifacts, ["maxcompute-sql"]);
    assert_eq!(format!("`{}`", value(2, "MaxCompute user")), principal);
    assert!(sql(&plan).contains(&format!("add user {principal};")));
    assert!(sql(&plan).contains(&format!("to user {principal};")));
    assert_eq!(value(3, "RAM Role"), role);
    assert_eq!(value(3, "MaxCompute Project Name"), "sales_prj");
    assert_eq!(value(3, "UID Of Alibaba Cloud Account"), B);
    assert_eq!(
        value(3, "Alibaba Cloud Account"),
        "Another Alibaba Cloud Account"
    );
    assert_eq!(value(3, "Region"), "cn-hangzhou");
    assert_eq!(value(3, "Data Source Name"), format!("sales_prj_from_{B}"));
    assert!(value(0, "Principal name").contains(A));
    let accounts: Vec<Account> = plan.steps.iter().map(|s| s.account).collect();
    assert_eq!(
        accounts,
        [
            Account::Resource,
            Account::Resource,
            Account::Resource,
            Account::Dataworks,
            Account::Dataworks
        ]
    );
    assert!(plan
        .artifact("trust-policy")
        .unwrap()
        .content
        .contains(&format!("{A}@engine.dataworks")));
}

#[test]
fn speaks_chinese_in_the_script_and_steps() {
    let input = with_grants(serde_json::json!([
        {"object_type": "table", "object_name": "orders", "privileges": ["Select"], "columns": ["id"]}
    ]));
    let plan = plan("dataworks-maxcompute", &input.to_string(), Lang::Zh).unwrap();
    assert!(!plan.has_errors());
    let sql = sql(&plan);
    assert!(
        sql.contains("-- 授予表 orders 的 Select 权限，仅限列 id。"),
        "{sql}"
    );
    assert!(sql.contains("grant Select on table orders (id) to user"));
    assert_eq!(plan.steps[0].title, "创建 RAM 角色");
}

#[test]
fn missing_fields_are_errors_without_a_panic() {
    let plan = run(serde_json::json!({}));
    assert!(plan.has_errors());
    for field in [
        "dataworks_account_uid",
        "resource_account_uid",
        "region",
        "maxcompute_project",
    ] {
        assert!(has(&plan, "PL004", field), "{field}: {:?}", codes(&plan));
    }
    let plan = run(with_grants(
        serde_json::json!([{"object_type": "view", "object_name": "v"}]),
    ));
    assert!(has(&plan, "PL007", "grants[0].object_type"));
    assert!(has(&plan, "PL004", "grants[0].privileges"));
}

#[test]
fn a_trust_policy_for_the_wrong_account_fails_the_self_check() {
    let text = with_grants(serde_json::json!([])).to_string();
    let plan = run(with_grants(serde_json::json!([])));
    let passed = plan.checks.iter().filter(|c| c.passed()).count();
    // Assume, three near misses; the grants are outside RAM.
    assert_eq!(passed, 4, "{:#?}", plan.checks);
    assert!(plan.checks.iter().any(|c| matches!(
        &c.expectation,
        crate::plan::Expectation::Outside { how, .. } if how.contains("show grants for")
    )));
    let broken = crate::plan::plan_tampered("dataworks-maxcompute", &text, Lang::En, |b| {
        crate::plan::rewrite_artifact(b, "trust-policy", |t| t.replace(A, B));
    })
    .unwrap();
    let failures = crate::plan::self_check_failures(&broken);
    assert_eq!(failures.len(), 2, "{failures:#?}");
    assert!(failures[0].contains("different account"), "{}", failures[0]);
    assert!(failures[1].contains(&format!(
        "`{B}@engine.dataworks.aliyuncs.com` cannot assume"
    )));
    assert!(broken.artifacts.is_empty());
}
