use super::*;

#[test]
fn empty_text_is_an_error() {
    assert_eq!(
        diagnose("  ", Lang::En).map_err(|e| e.kind),
        Err(ErrorKind::Empty)
    );
}

#[test]
fn the_api_answers_with_the_diagnosis_or_a_problem() {
    let ok = crate::api::doctor(
        Some(
            r#""{\"Code\":\"NoPermission\",\"AccessDeniedDetail\":{\"AuthAction\":\"oss:GetObject\",\"NoPermissionType\":\"ImplicitDeny\"}}""#,
        ),
        Some(r#"{"lang": "zh"}"#),
    );
    let json = ok.to_json();
    assert!(json.starts_with(r#"{"type":"success""#), "{json}");
    assert!(json.contains("隐式拒绝"), "{json}");
    let refused = crate::api::doctor(Some(r#""hello""#), None).to_json();
    assert!(refused.contains(r#""type":"failure""#), "{refused}");
    assert!(refused.contains(r#""argument":"text""#), "{refused}");
}

#[test]
fn a_role_display_name_splits_into_role_and_session() {
    let d = diagnose(
        r#"{"AccessDeniedDetail":{"AuthPrincipalType":"AssumedRoleUser","AuthPrincipalDisplayName":"r1:s:1","AuthAction":"ecs:StartInstance"}}"#,
        Lang::En,
    )
    .map_err(|e| e.message);
    let identity = d.ok().and_then(|d| d.identity);
    assert_eq!(
        identity.map(|i| (i.role_name, i.session_name)),
        Some((Some("r1".to_owned()), Some("s:1".to_owned())))
    );
}

#[test]
fn an_sso_identity_is_told_to_grant_its_mapped_role_without_a_snippet() {
    let d = diagnose(
        r#"{"AccessDeniedDetail":{"AuthPrincipalType":"Federated","AuthPrincipalDisplayName":"saml-provider/AzureAD","AuthAction":"ecs:StartInstance","NoPermissionType":"ImplicitDeny"}}"#,
        Lang::En,
    );
    let Ok(d) = d else {
        unreachable!("the error is read");
    };
    let fix = d.fix.as_ref();
    assert!(fix.is_some_and(|f| f.proven && f.aliyun_cli.is_none() && f.terraform.is_none()));
    assert!(d
        .steps
        .iter()
        .any(|s| s.text.starts_with("An SSO identity")));
}
