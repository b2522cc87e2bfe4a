#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::*;
use crate::test_rng::Lcg;

fn run(old: &str, new: &str) -> DiffReport {
    diff(
        &[PolicySource::new("old.json", old)],
        &[PolicySource::new("new.json", new)],
        &DiffOptions::default(),
    )
    .unwrap()
}

/// Each change as `actions on resource`, actions listed by name (`ecs:*` for a whole service).
fn lines(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| {
            let mut actions: Vec<String> = c
                .actions
                .iter()
                .map(|g| {
                    if g.all {
                        format!("{}:*", g.service)
                    } else {
                        g.names
                            .iter()
                            .map(|n| format!("{}:{n}", g.service))
                            .collect::<Vec<_>>()
                            .join(",")
                    }
                })
                .collect();
            if !c.other_actions.is_empty() {
                actions.push(format!("other[{}]", c.other_actions.join(",")));
            }
            let when = if c.always { "" } else { " (some contexts)" };
            format!("{} on {}{when}", actions.join(" "), c.resources.join(" "))
        })
        .collect()
}

fn policy(statements: &str) -> String {
    format!(r#"{{"Version":"1","Statement":[{statements}]}}"#)
}

#[test]
fn an_added_action_is_added_access() {
    let old = policy(r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*"}"#);
    let new = policy(
        r#"{"Effect":"Allow","Action":["oss:GetObject","oss:PutObject"],"Resource":"acs:oss:*:*:b/*"}"#,
    );
    let report = run(&old, &new);
    assert!(report.adds_access && !report.removes_access && report.complete);
    assert_eq!(lines(&report.added), ["oss:PutObject on acs:oss:*:*:b/*"]);
    let change = &report.added[0];
    assert_eq!(change.old.decision, Outcome::ImplicitDeny);
    assert_eq!(change.new.decision, Outcome::Allow);
    assert_eq!(change.new.decided_by[0].path, "/Statement/0");
    assert_eq!(change.new.decided_by[0].source, "new.json");
    assert_eq!(change.new.decided_by[0].span.unwrap().start.line, 1);
    // And the other way round it is removed access.
    let back = run(&new, &old);
    assert!(!back.adds_access && back.removes_access);
    assert_eq!(lines(&back.removed), ["oss:PutObject on acs:oss:*:*:b/*"]);
}

#[test]
fn a_policy_adds_nothing_over_itself() {
    let p = policy(
        r#"{"Effect":"Allow","NotAction":"ram:*","NotResource":"acs:oss:*:*:secret/*"},
           {"Effect":"Deny","Action":"oss:Delete*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}}"#,
    );
    let report = run(&p, &p);
    assert!(!report.adds_access && !report.removes_access);
    assert!(report.complete);
}

#[test]
fn removing_a_deny_adds_the_access_it_denied() {
    let new = policy(r#"{"Effect":"Allow","Action":"oss:*","Resource":"*"}"#);
    let old = policy(
        r#"{"Effect":"Allow","Action":"oss:*","Resource":"*"},
           {"Effect":"Deny","Action":"oss:DeleteBucket","Resource":"*"}"#,
    );
    let report = run(&old, &new);
    assert_eq!(lines(&report.added), ["oss:DeleteBucket on *"]);
    assert_eq!(report.added[0].old.decision, Outcome::ExplicitDeny);
    assert_eq!(report.added[0].old.decided_by[0].path, "/Statement/1");
}

#[test]
fn wildcards_expand_through_the_catalogue() {
    let old = policy(r#"{"Effect":"Allow","Action":"oss:Get*","Resource":"*"}"#);
    let new = policy(r#"{"Effect":"Allow","Action":"oss:*","Resource":"*"}"#);
    let report = run(&old, &new);
    assert_eq!(report.added.len(), 1);
    let change = &report.added[0];
    let oss = &change.actions[0];
    assert_eq!(oss.service, "oss");
    assert!(!oss.all, "the Get actions were allowed before");
    assert!(oss.names.iter().any(|n| n == "PutObject"));
    assert!(!oss.names.iter().any(|n| n.starts_with("Get")));
    // Actions the catalogue does not list are covered by `oss:*` too.
    assert_eq!(change.other_actions, ["oss:*"]);
}

#[test]
fn not_action_grants_every_other_service() {
    let old = policy(r#"{"Effect":"Allow","Action":"oss:*","Resource":"*"}"#);
    let new = policy(r#"{"Effect":"Allow","NotAction":"ram:*","Resource":"*"}"#);
    let report = run(&old, &new);
    let change = &report.added[0];
    assert!(change.actions.len() > 100, "{}", change.actions.len());
    assert!(change
        .actions
        .iter()
        .all(|g| g.service != "ram" && g.service != "oss"));
    assert!(change.actions.iter().any(|g| g.service == "ecs" && g.all));
    assert!(change.other_actions.contains(&"*:*".to_owned()));
}

#[test]
fn a_narrower_resource_is_removed_access() {
    let old = policy(r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*"}"#);
    let new = policy(
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/public/*"}"#,
    );
    let report = run(&old, &new);
    assert!(!report.adds_access);
    assert_eq!(lines(&report.removed), ["oss:GetObject on acs:oss:*:*:b/*"]);
}

#[test]
fn overlapping_patterns_are_tried_where_they_meet() {
    // `a*` minus `*b` before, all of `a*` after: only `a...b` is new.
    let old = policy(
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:a*"},
           {"Effect":"Deny","Action":"oss:GetObject","Resource":"acs:oss:*:*:*b"}"#,
    );
    let new = policy(r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:a*"}"#);
    let report = run(&old, &new);
    assert_eq!(lines(&report.added), ["oss:GetObject on acs:oss:*:*:a*b"]);
}

#[test]
fn a_dropped_condition_adds_access_in_the_contexts_it_refused() {
    let old = policy(
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}}"#,
    );
    let new = policy(r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}"#);
    let report = run(&old, &new);
    assert_eq!(lines(&report.added), ["oss:GetObject on * (some contexts)"]);
    let change = &report.added[0];
    assert_eq!(change.contexts[0][0].key, "acs:SourceIp");
    assert_eq!(change.contexts[0][0].value, "9.255.255.255");
    // A tighter range is removed access only.
    let tighter = policy(
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.1.0.0/16"}}}"#,
    );
    let report = run(&old, &tighter);
    assert!(!report.adds_access);
    assert_eq!(
        lines(&report.removed),
        ["oss:GetObject on * (some contexts)"]
    );
    assert_eq!(report.removed[0].contexts[0][0].value, "10.0.0.0");
}

#[test]
fn resources_of_another_service_are_not_paired_with_an_action() {
    let old = policy(r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*"}"#);
    let new = policy(
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*"},
           {"Effect":"Allow","Action":"ecs:DescribeInstances","Resource":"*"}"#,
    );
    let report = run(&old, &new);
    assert_eq!(lines(&report.added), ["ecs:DescribeInstances on *"]);
}

#[test]
fn an_empty_old_policy_allows_nothing() {
    let new = policy(r#"{"Effect":"Allow","Action":"ecs:StartInstance","Resource":"*"}"#);
    let report = run("", &new);
    assert_eq!(lines(&report.added), ["ecs:StartInstance on *"]);
}

#[test]
fn uncatalogued_actions_are_their_own_pattern() {
    let old = policy(r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}"#);
    let new =
        policy(r#"{"Effect":"Allow","Action":["oss:GetObject","oss:GetObjekt"],"Resource":"*"}"#);
    let report = run(&old, &new);
    assert_eq!(lines(&report.added), ["other[oss:GetObjekt] on *"]);
}

#[test]
fn trust_policies_and_syntax_errors_are_refused() {
    let trust = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}"#;
    let error = diff(
        &[PolicySource::new("old.json", trust)],
        &[PolicySource::new("new.json", trust)],
        &DiffOptions::default(),
    )
    .unwrap_err();
    assert_eq!(error.kind, DiffErrorKind::Unsupported);
    let error = diff(
        &[PolicySource::new("old.json", "{\n  \"Version\": \"1\",\n}")],
        &[],
        &DiffOptions::default(),
    )
    .unwrap_err();
    assert_eq!(error.kind, DiffErrorKind::Syntax);
    assert_eq!(error.to_string(), "old.json:3:1: trailing comma");
}

#[test]
fn must_not_grant_points_at_the_statement() {
    let new = policy(
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"},
           {"Effect":"Allow","Action":"ram:*","Resource":"*"}"#,
    );
    let options = DiffOptions {
        must_not_grant: vec![Forbidden::new("ram:CreateUser", "*")],
        ..DiffOptions::default()
    };
    let report = diff(&[], &[PolicySource::new("new.json", new)], &options).unwrap();
    assert_eq!(report.must_not_grant.len(), 1);
    let finding = &report.must_not_grant[0].finding;
    assert_eq!(finding.code, "RP606");
    assert_eq!(finding.path(), "/Statement/1");
    assert!(
        finding.message.contains("`ram:CreateUser`"),
        "{}",
        finding.message
    );
}

#[test]
fn output_is_deterministic_and_credentials_are_masked() {
    let old = policy(r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}"#);
    let new = policy(
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*","Condition":{"StringEquals":{"acs:AccessId":"LTAI5tAbCdEfGhIjKlMnOp"}}},
           {"Effect":"Allow","Action":"oss:PutObject","Resource":"acs:oss:*:*:LTAI5tAbCdEfGhIjKlMnOp/*"}"#,
    );
    let a = to_json(&run(&old, &new));
    let b = to_json(&run(&old, &new));
    assert_eq!(a, b);
    assert!(!a.contains("LTAI5tAbCdEfGhIjKlMnOp"), "{a}");
    let sources = [PolicySource::new("new.json", new.as_str())];
    let t = text(&run(&old, &new), &sources, Lang::En);
    assert!(!t.contains("LTAI5tAbCdEfGhIjKlMnOp"), "{t}");
}

fn random_policy(rng: &mut Lcg) -> String {
    let actions = [
        "oss:GetObject",
        "oss:*",
        "oss:Get*",
        "*",
        "ecs:Describe*",
        "*:Describe*",
        "OSS:getobject",
        "oss:Get?bject",
    ];
    let resources = [
        "*",
        "acs:oss:*:*:b1",
        "acs:oss:*:*:b1/*",
        "acs:oss:*:*:b?/*",
        "acs:oss:*:*:*/x*",
        "acs:ecs:*:*:instance/*",
    ];
    let conditions = [
        "",
        r#","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}"#,
        r#","Condition":{"NotIpAddress":{"acs:SourceIp":"10.1.0.0/16"}}"#,
        r#","Condition":{"Bool":{"acs:SecureTransport":"true"}}"#,
        r#","Condition":{"StringLike":{"oss:Prefix":"a/*"}}"#,
        r#","Condition":{"StringNotEquals":{"acs:SourceVpc":"vpc-1"}}"#,
        r#","Condition":{"DateLessThan":{"acs:CurrentTime":"2026-01-01T00:00:00Z"}}"#,
    ];
    let statements: Vec<String> = (0..=rng.below(3))
        .map(|_| {
            let effect = rng.pick(&["Allow", "Allow", "Deny", "allow"]);
            let action = if rng.below(6) == 0 {
                "NotAction"
            } else {
                "Action"
            };
            let resource = if rng.below(8) == 0 {
                "NotResource"
            } else {
                "Resource"
            };
            format!(
                r#"{{"Effect":"{effect}","{action}":["{}","{}"],"{resource}":"{}"{}}}"#,
                rng.pick(&actions),
                rng.pick(&actions),
                rng.pick(&resources),
                rng.pick(&conditions)
            )
        })
        .collect();
    policy(&statements.join(","))
}

/// The diff's own evaluation of every request shape agrees with `simulate` on the same
/// request, decision and deciding statements alike.
#[test]
fn every_shape_is_judged_as_the_simulator_judges_it() {
    let mut rng = Lcg(7);
    let mut compared = 0;
    for _ in 0..60 {
        let text = random_policy(&mut rng);
        let root = crate::json::parse(&text).unwrap();
        let policy = Policy::from_root(&root);
        let statements: Vec<&Statement<'_>> = policy.statements.iter().collect();
        let space = Space::build(&statements, &[], &[]).unwrap();
        let entries = space.context_entries();
        let judged = Judged::new(&statements, &space.actions, &space.resources, &entries);
        for (a, class) in space.actions.iter().enumerate() {
            for (r, resource) in space.resources.iter().enumerate() {
                for (c, (context, _)) in space.contexts.iter().enumerate() {
                    let request = simulate::Request {
                        action: class.representative.clone(),
                        resource: resource.representative.clone(),
                        context: context.clone(),
                        principal: String::new(),
                    };
                    // The simulator refuses resources that are not ARNs (the `*` witness).
                    let Ok(decision) = simulate::simulate(
                        &[PolicySource::new("p", text.as_str())],
                        &request,
                        Lang::En,
                    ) else {
                        continue;
                    };
                    let (outcome, deciding) = judged.decide(a, r, c);
                    assert_eq!(outcome, decision.decision, "{text} {request:?}");
                    assert_eq!(judged.allows(a, r, c), outcome.is_allowed());
                    let paths: Vec<&str> = deciding
                        .iter()
                        .map(|&k| statements[k].pointer.as_str())
                        .collect();
                    let expected: Vec<&str> = decision
                        .decided_by
                        .iter()
                        .map(|d| d.path.as_str())
                        .collect();
                    assert_eq!(paths, expected, "{text} {request:?}");
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 1_000, "{compared}");
}
