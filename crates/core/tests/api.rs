//! The JSON call -> answer API, as embeds call it: golden answers for every plan, export and
//! existing-setup fixture, the argument shapes each function reads, and no argument of any
//! type making it panic or echo a credential.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

mod cases {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::common::Lcg as Rng;
    use ramplan_core::api::*;
    use ramplan_core::export::Format;
    use ramplan_core::{lint as core_lint, plan, KindChoice, Lang, LintOptions};
    use serde_json::{Map, Value};

    const CREDENTIAL: &str = "LTAI5tAbCdEfGhIjKlMnOp";
    const POLICY: &str = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:examplebucket/*"}]}"#;
    const TRUST: &str = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::1234567890123456:root"]}}]}"#;

    fn fixtures(folder: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(folder)
    }

    fn sorted(dir: &Path) -> Vec<PathBuf> {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        ramplan_core::sort::sort(&mut entries);
        entries
    }

    fn name_of(path: &Path) -> String {
        path.file_name().unwrap().to_string_lossy().into_owned()
    }

    /// A string argument as JSON text.
    fn s(text: &str) -> String {
        serde_json::to_string(text).unwrap()
    }

    /// The answer as a JSON value, checking on the way that it has the documented shape.
    fn json(answer: &Answer) -> Value {
        let value: Value = serde_json::from_str(&answer.to_json()).unwrap();
        match value["type"].as_str() {
            Some("success") => assert!(answer.is_success()),
            Some("failure") => {
                assert!(!answer.is_success());
                let errors = value["errors"].as_array().unwrap();
                assert!(!errors.is_empty(), "{value}");
                for error in errors {
                    let message = error["message"].as_str().unwrap();
                    assert!(!message.is_empty() && !message.ends_with('.'), "{message}");
                }
            }
            _ => panic!("no type: {value}"),
        }
        value
    }

    fn failure_messages(answer: &Answer) -> Vec<String> {
        let value = json(answer);
        assert_eq!(value["type"], "failure", "{value}");
        value["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["message"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn the_answer_type_comes_first() {
        let text = lint(Some(&s(POLICY)), None).to_json();
        assert!(
            text.starts_with(r#"{"type":"success","report":{"kind":"permission""#),
            "{text}"
        );
        let text = lint(Some("5"), None).to_json();
        assert!(
            text.starts_with(r#"{"type":"failure","errors":[{"message":"#),
            "{text}"
        );
    }

    #[test]
    fn scenarios_match_the_cli_contract() {
        for lang in [Lang::En, Lang::Zh] {
            let options = format!(r#"{{"lang": "{}"}}"#, lang.code());
            let value = json(&scenarios(Some(&options)));
            let expected = serde_json::to_value(plan::describe_scenarios(lang)).unwrap();
            assert_eq!(value["scenarios"], expected);
        }
        assert_eq!(json(&scenarios(None)), json(&scenarios(Some("null"))));
        assert_eq!(
            failure_messages(&scenarios(Some(r#"{"lang": "fr"}"#))),
            ["`options`: unknown language `fr`"]
        );
        assert_eq!(
            failure_messages(&scenarios(Some(r#"{"language": "zh"}"#))),
            ["`options`: unknown field `language`, expected `lang`"]
        );
        assert_eq!(
            failure_messages(&scenarios(Some("[]"))),
            ["`options` must be an object, not a list"]
        );
    }

    /// Every scenario fixture, through the API with the inputs as an object and as a text,
    /// gives the golden plan and exports byte for byte.
    #[test]
    fn plans_and_exports_equal_the_golden_files() {
        let mut compared = 0;
        for scenario_dir in sorted(&fixtures("scenarios")) {
            let id = name_of(&scenario_dir);
            for path in sorted(&scenario_dir) {
                let file = name_of(&path);
                let Some(case) = file.strip_suffix(".input.json") else {
                    continue;
                };
                let input = fs::read_to_string(&path).unwrap();
                for lang in ["en", "zh"] {
                    let options = format!(r#"{{"lang": "{lang}"}}"#);
                    let golden: Value = serde_json::from_str(
                        &fs::read_to_string(scenario_dir.join(format!("{case}.{lang}.plan.json")))
                            .unwrap(),
                    )
                    .unwrap();
                    // As an object, when the fixture is one, and as the text of one.
                    let mut forms = vec![s(&input)];
                    if serde_json::from_str::<Map<String, Value>>(&input).is_ok() {
                        forms.push(input.clone());
                    }
                    for inputs in forms {
                        let value = json(&plan(Some(&s(&id)), Some(&inputs), Some(&options)));
                        assert_eq!(value["plan"], golden, "{id}/{case} {lang}");
                    }
                    for format in Format::ALL {
                        let golden =
                            scenario_dir.join(format!("{case}.{lang}.{}", golden_ext(format)));
                        let value = json(&export_plan(
                            Some(&s(&id)),
                            Some(&s(&input)),
                            Some(&s(format.code())),
                            Some(&options),
                        ));
                        match fs::read_to_string(&golden) {
                            Ok(expected) => {
                                assert_eq!(value["text"], expected.as_str(), "{golden:?}");
                                assert_eq!(value["filename"], format.filename());
                            }
                            // A plan with errors has no export: its errors are the answer.
                            Err(_) => {
                                assert_eq!(value["type"], "failure", "{id}/{case}");
                                assert!(value["errors"]
                                    .as_array()
                                    .unwrap()
                                    .iter()
                                    .all(|e| e["code"].is_string() && e["argument"] == "inputs"));
                            }
                        }
                    }
                    compared += 1;
                }
            }
        }
        assert!(compared >= 40, "only {compared} plans compared");
    }

    fn golden_ext(format: Format) -> &'static str {
        match format {
            Format::Shell => "sh",
            Format::Terraform => "tf",
            Format::Ros => "ros.yaml",
        }
    }

    #[test]
    fn existing_setups_equal_the_golden_reports() {
        let mut compared = 0;
        for scenario_dir in sorted(&fixtures("existing")) {
            let id = name_of(&scenario_dir);
            for dir in sorted(&scenario_dir) {
                let input = fs::read_to_string(dir.join("input.json")).unwrap();
                let documents: Vec<Value> = sorted(&dir)
                    .into_iter()
                    .filter_map(|path| {
                        let file = name_of(&path);
                        if file == "input.json" || file.starts_with("expected.") {
                            return None;
                        }
                        let text = fs::read_to_string(&path).unwrap();
                        let mut document = serde_json::json!({"name": file, "text": text});
                        for kind in ["trust", "permission"] {
                            if file.ends_with(&format!(".{kind}.json")) {
                                document["kind"] = kind.into();
                            }
                        }
                        Some(document)
                    })
                    .collect();
                let documents = serde_json::to_string(&documents).unwrap();
                let value = json(&check_existing(
                    Some(&s(&id)),
                    Some(&input),
                    Some(&documents),
                    None,
                ));
                let golden: Value = serde_json::from_str(
                    &fs::read_to_string(dir.join("expected.en.json")).unwrap(),
                )
                .unwrap();
                assert_eq!(value["report"], golden, "{dir:?}");
                compared += 1;
            }
        }
        assert!(compared >= 10, "only {compared} reports compared");
    }

    #[test]
    fn lint_takes_the_linters_options() {
        let value = json(&lint(
            Some(&s(
                r#"{"Version": "1", "Statement": [{"Effect": "allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
            )),
            Some(r#"{"kind": "permission", "lang": "zh", "policy_name": "bad name!"}"#),
        ));
        let report = &value["report"];
        assert_eq!(report["kind"], "permission");
        assert_eq!(report["kind_guessed"], false);
        let codes: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"RP102"), "{codes:?}");
        let expected = core_lint::lint(
            r#"{"Version": "1", "Statement": [{"Effect": "allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
            &LintOptions {
                kind: KindChoice::Permission,
                lang: Lang::Zh,
                policy_name: Some("bad name!".to_owned()),
                ..LintOptions::default()
            },
        );
        assert_eq!(*report, serde_json::to_value(expected).unwrap());
        assert_eq!(
            failure_messages(&lint(Some(&s(POLICY)), Some(r#"{"kind": "role"}"#))),
            ["`options`: unknown variant `role`, expected one of `auto`, `permission`, `trust`, `bucket-policy`"]
        );
    }

    #[test]
    fn a_credential_is_a_finding_in_data_and_a_failure_in_a_request() {
        let policy = POLICY.replace("examplebucket", CREDENTIAL);
        let answer = lint(Some(&s(&policy)), None);
        let text = answer.to_json();
        assert!(text.contains("RP605"), "{text}");
        assert!(!text.contains(CREDENTIAL), "{text}");

        let request =
            format!(r#"{{"action": "oss:GetObject", "resource": "acs:oss:*:*:{CREDENTIAL}/a"}}"#);
        let answer = simulate(Some(&s(POLICY)), Some(&request), None);
        assert_eq!(json(&answer)["errors"][0]["argument"], "request");
        assert!(!answer.to_json().contains(CREDENTIAL));

        let request = format!(
            r#"{{"principal": "1234567890123456", "context": {{"acs:AccessId": "{CREDENTIAL}"}}}}"#
        );
        let answer = simulate_trust(Some(&s(TRUST)), Some(&request), None);
        assert_eq!(json(&answer)["type"], "failure");
        assert!(!answer.to_json().contains(CREDENTIAL));

        // Anything the API echoes is masked too: an id, a format, a field name.
        for answer in [
            plan(Some(&s(CREDENTIAL)), Some("{}"), None),
            export_plan(
                Some(&s("dataworks-emr")),
                Some("{}"),
                Some(&s(CREDENTIAL)),
                None,
            ),
            lint(Some(&s(POLICY)), Some(&format!(r#"{{"{CREDENTIAL}": 1}}"#))),
            convert(
                Some(&s(POLICY)),
                Some(&s("sh")),
                Some(&format!(r#"{{"name": "{CREDENTIAL}"}}"#)),
            ),
            convert(Some(&s(&policy)), Some(&s("sh")), None),
        ] {
            assert_eq!(json(&answer)["type"], "failure");
            assert!(
                !answer.to_json().contains(CREDENTIAL),
                "{}",
                answer.to_json()
            );
        }
    }

    #[test]
    fn simulate_reads_every_shape_of_its_arguments() {
        let request =
            r#"{"action": "oss:GetObject", "resource": "acs:oss:*:*:examplebucket/a.txt"}"#;
        let lone = json(&simulate(Some(&s(POLICY)), Some(request), None));
        assert_eq!(lone["decision"]["decision"], "allow");
        assert_eq!(lone["decision"]["decided_by"][0]["source"], "policy 1");
        let named = json(&simulate(
            Some(&format!(
                r#"[{{"name": "oss.json", "text": {}}}]"#,
                s(POLICY)
            )),
            Some(request),
            Some(r#"{"lang": "zh"}"#),
        ));
        assert_eq!(named["decision"]["decided_by"][0]["source"], "oss.json");

        // Context as a list of entries and as an object of key to value(s) mean the same.
        let deny_outside = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}]}"#;
        let listed = json(&simulate(
            Some(&s(deny_outside)),
            Some(
                r#"{"action": "oss:GetObject", "resource": "acs:oss:*:*:b/a", "context": [{"key": "acs:SourceIp", "value": "10.1.2.3"}]}"#,
            ),
            None,
        ));
        let keyed = json(&simulate(
            Some(&s(deny_outside)),
            Some(
                r#"{"action": "oss:GetObject", "resource": "acs:oss:*:*:b/a", "context": {"acs:SourceIp": ["10.1.2.3"]}}"#,
            ),
            None,
        ));
        assert_eq!(listed["decision"]["decision"], "allow");
        assert_eq!(listed, keyed);

        let trust = json(&simulate_trust(
            Some(&s(TRUST)),
            Some(r#"{"principal": "acs:ram::1234567890123456:root"}"#),
            None,
        ));
        assert_eq!(trust["decision"]["decision"], "allow");

        // A policy that is not JSON: where, in which policy.
        let broken = simulate(
            Some(&format!(r#"[{}, "{{\"Version\": "]"#, s(POLICY))),
            Some(request),
            None,
        );
        let error = &json(&broken)["errors"][0];
        assert_eq!(error["argument"], "policies");
        assert_eq!(error["path"], "/1");
        assert_eq!(error["span"]["start"]["line"], 1);

        assert_eq!(
            failure_messages(&simulate(Some("[1, {\"text\": 2}]"), Some(request), None)),
            [
                "`policies` must be a policy text or an object `{\"name\", \"text\"}`, not a number",
                "`policies`: invalid type: integer `2`, expected a string",
            ]
        );
        assert_eq!(
            failure_messages(&simulate(None, Some(request), None)),
            ["`policies` is missing"]
        );
        assert_eq!(
            failure_messages(&simulate(Some(&s(POLICY)), Some(r#"{"action": 1}"#), None)),
            ["`request`: invalid type: integer `1`, expected a string"]
        );
    }

    #[test]
    fn plan_refuses_what_is_not_a_call() {
        assert_eq!(
            failure_messages(&plan(Some(&s("dataworks-emx")), Some("{}"), None)),
            ["unknown scenario `dataworks-emx`"]
        );
        let value = json(&plan(Some(&s("nope")), Some("{}"), None));
        assert!(value["errors"][0]["help"]
            .as_str()
            .unwrap()
            .starts_with("the scenarios are `"));
        assert_eq!(
            failure_messages(&plan(Some("42"), Some("{}"), None)),
            ["`scenarioId` must be a string, not a number"]
        );
        assert_eq!(
            failure_messages(&plan(Some(&s("dataworks-emr")), None, None)),
            ["`inputs` must be an object or the text of one, not null"]
        );
        assert_eq!(
            failure_messages(&plan(Some(&s("dataworks-emr")), Some("[1]"), None)),
            ["`inputs` must be an object or the text of one, not a list"]
        );
        assert_eq!(
            failure_messages(&plan(Some("{"), Some("{}"), None)),
            ["`scenarioId` is not JSON: EOF while parsing an object at line 1 column 1"]
        );
        // Inputs that are wrong are the plan's findings, not a failure.
        let value = json(&plan(
            Some(&s("dataworks-emr")),
            Some(r#"{"bogus": 1}"#),
            None,
        ));
        assert_eq!(value["type"], "success");
        assert!(!value["plan"]["findings"].as_array().unwrap().is_empty());
        assert_eq!(value["plan"]["artifacts"], serde_json::json!([]));
    }

    #[test]
    fn diff_answers_the_access_added_and_refuses_what_it_cannot_compare() {
        let wider = POLICY.replace(
            "\"oss:GetObject\"",
            "[\"oss:GetObject\", \"oss:PutObject\"]",
        );
        let value = json(&diff(
            Some(&s(POLICY)),
            Some(&format!(
                r#"[{{"name": "new.json", "text": {}}}]"#,
                s(&wider)
            )),
            Some(r#"{"must_not_grant": [{"action": "oss:Put*"}]}"#),
        ));
        assert_eq!(value["type"], "success", "{value}");
        assert_eq!(value["report"]["adds_access"], true);
        assert_eq!(
            value["report"]["added"][0]["actions"][0]["names"][0],
            "PutObject"
        );
        assert_eq!(value["report"]["must_not_grant"][0]["code"], "RP606");
        assert_eq!(value["report"]["must_not_grant"][0]["source"], "new.json");
        let value = json(&diff(Some(&s(POLICY)), Some(&s(TRUST)), None));
        assert_eq!(value["errors"][0]["argument"], "new");
        assert_eq!(value["errors"][0]["path"], "/0");
        assert_eq!(
            failure_messages(&diff(Some(&s(POLICY)), None, None)),
            ["`new` is missing"]
        );
        assert!(!failure_messages(&diff(
            Some(&s(POLICY)),
            Some(&s(POLICY)),
            Some(r#"{"must_not_grant": "ram:*"}"#)
        ))
        .is_empty());
    }

    #[test]
    fn convert_answers_a_file_or_the_findings_that_refuse_it() {
        let value = json(&convert(
            Some(&s(POLICY)),
            Some(&s("tf")),
            Some(r#"{"name": "oss-read"}"#),
        ));
        assert_eq!(value["format"], "tf");
        assert_eq!(value["filename"], "main.tf");
        assert!(value["text"].as_str().unwrap().contains("oss-read"));
        let bad = POLICY.replace("\"Allow\"", "\"allow\"");
        let value = json(&convert(Some(&s(&bad)), Some(&s("sh")), None));
        assert_eq!(value["errors"][0]["code"], "RP102");
        assert_eq!(value["errors"][0]["path"], "/Statement/0/Effect");
        assert_eq!(
            failure_messages(&convert(Some(&s(POLICY)), Some(&s("yaml")), None)),
            ["unknown export format `yaml`"]
        );
    }

    #[test]
    fn arguments_too_large_are_refused_before_reading() {
        let huge = s(&"a".repeat(MAX_ARGUMENT_BYTES));
        let messages = failure_messages(&lint(Some(&huge), None));
        assert_eq!(
            messages,
            ["`text` is longer than the 1048576 bytes accepted as JSON"]
        );
        assert_eq!(
            argument_too_large("text").to_json(),
            lint(Some(&huge), None).to_json()
        );
        assert_eq!(
            failure_messages(&unreadable_argument(
                "inputs",
                "Do not know how to serialize a BigInt"
            )),
            ["`inputs` cannot be written as JSON: Do not know how to serialize a BigInt"]
        );
        // Just under the cap is read, and an echoed value is cut short.
        let long_id = s(&"x".repeat(MAX_ARGUMENT_BYTES - 2));
        let messages = failure_messages(&plan(Some(&long_id), Some("{}"), None));
        assert!(messages[0].chars().count() <= MAX_MESSAGE_CHARS + 1);
        assert!(messages[0].ends_with('…'));
    }

    /// Arguments of every type and shape, and valid arguments broken at random: every call
    /// answers, in the documented shape, and no credential comes back.
    #[test]
    fn no_arguments_make_the_api_panic() {
        let trust_request =
            r#"{"principal": "1234567890123456", "context": {"acs:SourceIp": ["10.0.0.1", "x"]}}"#;
        let request = r#"{"action": "oss:GetObject", "resource": "acs:oss:*:*:b/a", "context": [{"key": "acs:SourceIp", "value": "10.0.0.1"}]}"#;
        let emr_input = fs::read_to_string(fixtures(
            "scenarios/dataworks-emr/valid-basic-hadoop.input.json",
        ))
        .unwrap();
        let credential = s(CREDENTIAL);
        let policy = s(POLICY);
        let trust = s(TRUST);
        let emr = s("dataworks-emr");
        let sh = s("sh");
        let odd: Vec<String> = vec![
            "null".into(),
            "0".into(),
            "-1e999".into(),
            "true".into(),
            "[]".into(),
            "{}".into(),
            "\"\"".into(),
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".into(),
            r#"{"lang": "zh", "kind": "trust", "name": null}"#.into(),
            r#"{"text": 1, "name": [], "context": {"k": {"v": 1}}}"#.into(),
            r#"[{"text": "{", "kind": "role"}, null, 3]"#.into(),
            "\"\\ud800\"".into(),
            "{\"a\":".into(),
            credential.clone(),
            format!(r#"{{"{CREDENTIAL}": {credential}}}"#),
            s(&format!("{{\"Statement\": [{{\"Resource\": {credential}}}]}}")),
        ];
        let valid: Vec<String> = vec![
            policy.clone(),
            trust.clone(),
            request.into(),
            trust_request.into(),
            emr_input.clone(),
            emr.clone(),
            sh.clone(),
            r#"{"lang": "zh"}"#.into(),
            format!("[{policy}, {{\"name\": \"t\", \"text\": {trust}}}]"),
        ];
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            "\"",
            ",",
            ":",
            "\\",
            "null",
            "1",
            "\u{7f}",
            "ä",
            "\u{1F600}",
            " LTAI5tAbCdEfGhIjKlMnOp ",
        ];
        let mut rng = Rng(0x5EED_1234_ABCD_0001);
        let mut calls = 0;
        for round in 0..3000 {
            let mut arg = || -> Option<String> {
                match rng.below(10) {
                    0 => None,
                    1..=3 => Some(odd[rng.below(odd.len())].clone()),
                    4..=6 => Some(valid[rng.below(valid.len())].clone()),
                    _ => {
                        let mut text = valid[rng.below(valid.len())].clone();
                        for _ in 0..=rng.below(3) {
                            let mut at = rng.below(text.len() + 1);
                            while !text.is_char_boundary(at) {
                                at -= 1;
                            }
                            if rng.below(2) == 0 {
                                text.insert_str(at, rng.pick(&pieces));
                            } else {
                                let end = (at + rng.below(8)).min(text.len());
                                if text.is_char_boundary(end) {
                                    text.replace_range(at..end, "");
                                }
                            }
                        }
                        Some(text)
                    }
                }
            };
            let a = arg();
            let b = arg();
            let c = arg();
            let d = arg();
            let (a, b, c, d) = (a.as_deref(), b.as_deref(), c.as_deref(), d.as_deref());
            let answer = match round % 9 {
                0 => scenarios(a),
                1 => plan(a.or(Some(&emr)), b, c),
                2 => lint(a, b),
                3 => simulate(a, b, c),
                4 => simulate_trust(a, b, c),
                5 => check_existing(a.or(Some(&emr)), b, c, d),
                6 => export_plan(a.or(Some(&emr)), b, c.or(Some(&sh)), d),
                7 => diff(a, b, c),
                _ => convert(a, b.or(Some(&sh)), c),
            };
            let text = answer.to_json();
            json(&answer);
            assert!(!text.contains(CREDENTIAL), "round {round}: {text}");
            calls += 1;
        }
        assert_eq!(calls, 3000);
    }
}
