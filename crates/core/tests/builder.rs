//! The policy builder: JSON -> cards -> JSON over the real-world corpus and every template,
//! raw statements kept byte for byte, edits, the OSS folder helper and the templates as
//! reviewed snapshots (`tests/fixtures/builder`, rewritten with `UPDATE_SNAPSHOTS=1`), and a
//! never-panic run over mutated documents.

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::Lcg;
use ramplan_core::builder::arn_builder::{self, parse_any};
use ramplan_core::builder::oss_folder::{oss_folder_access, FolderAccess};
use ramplan_core::builder::templates::{template, TEMPLATES};
use ramplan_core::builder::{
    apply, check_form, from_json, place_findings, to_json, BuilderDoc, BuilderStatement,
    ConditionEntry, Edit, EditError, Effect, Place, Reason, Slot, Target,
};
use ramplan_core::format::format;
use ramplan_core::json::{self, Node, Value};
use ramplan_core::{lint, KindChoice, Lang, LintOptions, Severity};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The corpus by file name.
fn corpus() -> Vec<(String, String)> {
    common::corpus()
        .into_iter()
        .map(|(path, text)| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                text,
            )
        })
        .collect()
}

/// Same JSON, member order and duplicates included; numbers and strings as written.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(p, q)| p.key == q.key && same(&p.value, &q.value))
        }
        (x, y) => x == y,
    }
}

fn codes(text: &str) -> Vec<&'static str> {
    let mut codes: Vec<_> = lint(text, &LintOptions::default())
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect();
    codes.sort_unstable();
    codes
}

fn read(text: &str) -> BuilderDoc {
    from_json(text).unwrap_or_else(|e| panic!("{e:?}: {text}"))
}

/// The round-trip property, for one document.
fn round_trip(name: &str, text: &str) -> bool {
    let doc = read(text);
    let out = to_json(&doc);
    let all_cards = doc.statements.iter().all(|s| s.card().is_some());
    if all_cards {
        assert_eq!(out, format(text, Lang::En).unwrap(), "{name}");
    }
    let before = json::parse(text).unwrap();
    let after = json::parse(&out).unwrap_or_else(|e| panic!("{name}: {e:?}\n{out}"));
    assert!(same(&before, &after), "{name}: JSON changed\n{out}");
    assert_eq!(codes(&out), codes(text), "{name}: findings changed");
    // The statements read back the same (top-level members the form does not show are laid
    // out like the formatter's output, so only their white space may change, once).
    let again = read(&out);
    assert_eq!(
        again.statements, doc.statements,
        "{name}: reading the output gives other cards"
    );
    assert_eq!(again.version, doc.version, "{name}");
    assert_eq!(read(&to_json(&again)), again, "{name}: not stable");
    assert_eq!(to_json(&again), out, "{name}: not stable");
    all_cards
}

#[test]
fn every_corpus_policy_survives_the_round_trip() {
    let corpus = corpus();
    assert!(corpus.len() >= 43);
    let mut cards = 0;
    let mut raw = Vec::new();
    for (name, text) in &corpus {
        if round_trip(name, text) {
            cards += 1;
        } else {
            raw.push(name.clone());
        }
    }
    // Trust policies (Principal) stay JSON; the permission policies all become cards.
    let permission = corpus
        .iter()
        .filter(|(_, t)| {
            lint(t, &LintOptions::default()).kind == ramplan_core::PolicyKind::Permission
        })
        .count();
    assert_eq!(cards, permission, "raw: {raw:?}");
}

#[test]
fn every_template_renders_clean_cards() {
    for t in TEMPLATES {
        let json = t.render(&t.example_params()).unwrap();
        assert!(round_trip(t.id, &json), "{}: a statement stayed raw", t.id);
        assert_eq!(format(&json, Lang::En).unwrap(), json, "{}", t.id);
        let report = lint(
            &json,
            &LintOptions {
                kind: KindChoice::Permission,
                ..LintOptions::default()
            },
        );
        let loud: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Suggestion)
            .map(|f| format!("{} {} at {}", f.code, f.message, f.path()))
            .collect();
        assert!(loud.is_empty(), "{}: {loud:#?}\n{json}", t.id);
        snapshot(&format!("builder/templates/{}.json", t.id), &json);
    }
}

#[test]
fn templates_explain_every_statement() {
    for t in TEMPLATES {
        let rendered = t.render_explained(&t.example_params()).unwrap();
        let mut covered: Vec<usize> = rendered.explanations.iter().map(|e| e.statement).collect();
        covered.dedup();
        let all: Vec<usize> = (0..rendered.doc.statements.len()).collect();
        assert_eq!(covered, all, "{}", t.id);
        for e in &rendered.explanations {
            assert!(!e.text_en.is_empty() && !e.text_zh.is_empty(), "{}", t.id);
            assert!(!e.source.is_empty(), "{}", t.id);
        }
    }
}

fn snapshot(rel: &str, actual: &str) {
    let path = fixtures().join(rel);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_SNAPSHOTS=1", path.display()));
    assert_eq!(
        actual, expected,
        "{rel} differs; review and run with UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn oss_folder_outputs_are_clean_and_reviewed() {
    for (access, access_name) in [
        (FolderAccess::Read, "read"),
        (FolderAccess::ReadWrite, "read-write"),
    ] {
        for console in [false, true] {
            let (doc, explanations) =
                oss_folder_access("examplebucket", "/team/reports", access, console).unwrap();
            let json = to_json(&doc);
            assert!(round_trip("oss-folder", &json));
            let report = lint(&json, &LintOptions::default());
            let loud: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.severity != Severity::Suggestion)
                .map(|f| format!("{} {}", f.code, f.message))
                .collect();
            assert!(loud.is_empty(), "{loud:#?}\n{json}");
            let mut text = json.clone();
            for lang in [Lang::En, Lang::Zh] {
                text.push('\n');
                for e in &explanations {
                    let mark = if e.confirmed { "" } else { " (derived)" };
                    text.push_str(&format!(
                        "[{}]{mark} {}\n    source: {}\n",
                        e.statement,
                        e.text(lang),
                        e.source
                    ));
                }
            }
            let console_name = if console { "console" } else { "sdk" };
            snapshot(
                &format!("builder/oss-folder-{access_name}-{console_name}.txt"),
                &text,
            );
        }
    }
}

#[test]
fn the_console_folder_grant_has_the_documented_parent_prefixes() {
    let (doc, _) =
        oss_folder_access("myphotos", "hangzhou/2015/", FolderAccess::Read, true).unwrap();
    let listing: Vec<&ConditionEntry> = doc
        .statements
        .iter()
        .filter_map(Slot::card)
        .flat_map(|c| c.conditions.iter())
        .collect();
    let prefixes: Vec<&Vec<String>> = listing
        .iter()
        .filter(|e| e.key == "oss:Prefix")
        .map(|e| &e.values)
        .collect();
    assert_eq!(prefixes[0], &["", "hangzhou/"]);
    assert_eq!(prefixes[1], &["hangzhou/2015/*"]);
    assert!(listing
        .iter()
        .any(|e| e.key == "oss:Delimiter" && e.values == ["/"]));
}

const MIXED: &str = r#"{
  "Statement": [
    {"Action": ["oss:PutObject", "oss:GetObject"], "Resource": "acs:oss:*:*:b-1/*", "Effect": "Allow"},
    {"Effect": "Allow", "Action": 1, "Resource": "*"},
    {"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1234567890123456:root"}},
    {"Effect": "Deny", "Action": "*", "Resource": "*", "Extra": true},
    {"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:caf\u00e9/*"},
    {"Effect": "Allow", "Action": "oss:GetObject", "Action": "oss:PutObject", "Resource": "*"},
    {"Condition": {"StringLike": {"oss:Prefix": ["a/*"], "oss:Delimiter": "/"}, "Bool": {"acs:SecureTransport": "true"}}, "Effect": "Allow", "Resource": "acs:oss:*:*:b-1", "Action": "oss:ListObjects"}
  ],
  "Id": {"a":[1,2]},
  "Version": "1"
}"#;

#[test]
fn what_the_form_cannot_show_stays_json_byte_for_byte() {
    let doc = read(MIXED);
    let reasons: Vec<Option<Reason>> = doc
        .statements
        .iter()
        .map(|s| match s {
            Slot::Card(_) => None,
            Slot::Raw(r) => Some(r.reason.clone()),
        })
        .collect();
    assert_eq!(
        reasons,
        [
            None,
            Some(Reason::NotStrings("Action".into())),
            Some(Reason::Element("Principal".into())),
            Some(Reason::Element("Extra".into())),
            Some(Reason::Escapes),
            Some(Reason::DuplicateElement("Action".into())),
            None,
        ]
    );
    let out = to_json(&doc);
    for raw in doc.statements.iter().filter_map(|s| match s {
        Slot::Raw(r) => Some(&r.text),
        Slot::Card(_) => None,
    }) {
        assert!(MIXED.contains(raw.as_str()));
        assert!(out.contains(raw.as_str()), "{raw}\n{out}");
    }
    // Order kept: statements, actions, elements inside a card, condition keys, top level.
    assert!(out.find("oss:PutObject") < out.find("oss:GetObject"));
    let last = doc.statements[6].card().unwrap();
    let keys: Vec<&str> = last.conditions.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["oss:Prefix", "oss:Delimiter", "acs:SecureTransport"]);
    assert!(
        out.find("\"Condition\"")
            < out.find("\"Effect\": \"Allow\",\n      \"Resource\": \"acs:oss:*:*:b-1\"")
    );
    assert!(out.find("\"Id\"") < out.find("\"Version\""));
    assert!(
        out.contains("\"Id\": {\n    \"a\": [\n      1,\n      2\n    ]\n  },"),
        "{out}"
    );
    round_trip("mixed", MIXED);
    assert_eq!(
        doc.statements[2].representable(),
        ramplan_core::builder::Representable::No(Reason::Element("Principal".into()))
    );
    assert!(Reason::Element("Principal".into())
        .message(Lang::En)
        .contains("permission policies"));
}

#[test]
fn single_values_and_lone_statements_keep_their_form() {
    let text = r#"{"Version": "1", "Statement": {"Effect": "Allow", "Action": "oss:GetObject", "Resource": ["acs:oss:*:*:b-1/*"], "Condition": {}}}"#;
    let doc = read(text);
    assert!(doc.layout.statement_as_object);
    let out = to_json(&doc);
    assert_eq!(out, format(text, Lang::En).unwrap());
    assert!(out.contains("\"Action\": \"oss:GetObject\""));
    assert!(out.contains("\"Condition\": {}"));
    // A second action turns the string into a list, and a second statement the object into
    // an array.
    let doc = apply(
        &doc,
        &Edit::AddAction {
            index: 0,
            action: "oss:GetObjectAcl".into(),
        },
    )
    .unwrap();
    let doc = apply(
        &doc,
        &Edit::AddStatement {
            at: None,
            statement: BuilderStatement::new(Effect::Deny, &["oss:DeleteObject"], &["*"]),
        },
    )
    .unwrap();
    let out = to_json(&doc);
    assert!(out.contains("\"Statement\": [\n"), "{out}");
    assert!(
        out.contains(
            "\"Action\": [\n        \"oss:GetObject\",\n        \"oss:GetObjectAcl\"\n      ]"
        ),
        "{out}"
    );
    assert!(!lint(&out, &LintOptions::default()).has_errors(), "{out}");
}

#[test]
fn edits_build_a_policy_step_by_step() {
    let doc = BuilderDoc::default();
    assert_eq!(
        to_json(&doc),
        "{\n  \"Version\": \"1\",\n  \"Statement\": []\n}\n"
    );
    let steps = [
        Edit::AddStatement {
            at: None,
            statement: BuilderStatement::new(
                Effect::Allow,
                &["oss:GetObject"],
                &["acs:oss:*:*:b-1/*"],
            ),
        },
        Edit::AddAction {
            index: 0,
            action: " oss:ListObjects ".into(),
        },
        Edit::AddResource {
            index: 0,
            resource: "acs:oss:*:*:b-1".into(),
        },
        Edit::SetResourceField {
            index: 0,
            position: 0,
            field: "key".into(),
            value: "reports/*".into(),
        },
        Edit::AddCondition {
            index: 0,
            entry: ConditionEntry {
                operator: "IpAddress".into(),
                key: "acs:SourceIp".into(),
                values: vec!["203.0.113.0/24".into()],
                as_string: false,
            },
        },
        Edit::AddStatement {
            at: Some(0),
            statement: BuilderStatement::new(
                Effect::Allow,
                &["oss:ListBuckets"],
                &["acs:oss:*:*:*"],
            ),
        },
        Edit::MoveStatement { from: 0, to: 1 },
        Edit::SetEffect {
            index: 1,
            effect: Effect::Deny,
        },
        Edit::SetSid {
            index: 1,
            sid: Some("ListAll".into()),
        },
        Edit::RemoveStatement { index: 1 },
        Edit::RemoveAction {
            index: 0,
            position: 1,
        },
    ];
    let mut doc = doc;
    for step in &steps {
        doc = apply(&doc, step).unwrap_or_else(|e| panic!("{step:?}: {e:?}"));
        round_trip("edits", &to_json(&doc));
    }
    let card = doc.statements[0].card().unwrap();
    assert_eq!(card.actions.values, ["oss:GetObject"]);
    assert_eq!(
        card.resources.values,
        ["acs:oss:*:*:b-1/reports/*", "acs:oss:*:*:b-1"]
    );
    assert_eq!(card.conditions.len(), 1);
    let doc = apply(
        &doc,
        &Edit::RemoveCondition {
            index: 0,
            position: 0,
        },
    )
    .unwrap();
    assert!(!to_json(&doc).contains("Condition"));

    // Refusals say why and change nothing.
    let errors = [
        apply(&doc, &Edit::RemoveStatement { index: 3 }),
        apply(
            &doc,
            &Edit::AddAction {
                index: 0,
                action: "oss:GetObject".into(),
            },
        ),
        apply(
            &doc,
            &Edit::AddAction {
                index: 0,
                action: " ".into(),
            },
        ),
        apply(
            &doc,
            &Edit::SetResourceField {
                index: 0,
                position: 0,
                field: "bucket".into(),
                value: "Bad_Bucket".into(),
            },
        ),
        apply(
            &doc,
            &Edit::SetRawText {
                index: 0,
                text: "{".into(),
            },
        ),
    ];
    assert!(matches!(errors[0], Err(EditError::NoStatement(3))));
    assert!(matches!(errors[1], Err(EditError::AlreadyPresent(_))));
    assert!(matches!(errors[2], Err(EditError::Empty)));
    assert!(matches!(errors[3], Err(EditError::Arn(_))));
    assert!(matches!(errors[4], Err(EditError::Json(_))));
    for e in errors.iter().filter_map(|r| r.as_ref().err()) {
        assert!(!e.message(Lang::En).is_empty() && !e.message(Lang::Zh).is_empty());
    }
}

#[test]
fn raw_statements_are_edited_as_text() {
    let doc = read(MIXED);
    assert!(matches!(
        apply(
            &doc,
            &Edit::SetEffect {
                index: 1,
                effect: Effect::Deny
            }
        ),
        Err(EditError::NotACard(1))
    ));
    let fixed = apply(
        &doc,
        &Edit::SetRawText {
            index: 1,
            text: r#"{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}"#
                .into(),
        },
    )
    .unwrap();
    assert!(fixed.statements[1].card().is_some());
    let still_raw = apply(
        &doc,
        &Edit::SetRawText {
            index: 1,
            text: r#"{"Effect": "Allow", "Action": 2, "Resource": "*"}"#.into(),
        },
    )
    .unwrap();
    assert!(still_raw.statements[1].card().is_none());
    assert!(to_json(&still_raw).contains(r#"{"Effect": "Allow", "Action": 2, "Resource": "*"}"#));
}

#[test]
fn findings_are_placed_on_cards_and_fields() {
    let text = r#"{"Version": "1", "Statement": [
        {"Effect": "Allow", "Action": ["oss:GetObject", "oss:Nope"], "Resource": "acs:oss:*:*:b-1/*"},
        {"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": {"RAM": "x"}},
        {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "x"]}}}
    ]}"#;
    let doc = read(text);
    let report = lint(text, &LintOptions::default());
    let placed = place_findings(&doc, &report.findings);
    let at = |code: &str| {
        placed
            .iter()
            .filter(|p| p.finding.code == code)
            .map(|p| p.place.clone())
            .collect::<Vec<_>>()
    };
    let unknown_action = report
        .findings
        .iter()
        .find(|f| f.path() == "/Statement/0/Action/1")
        .map(|f| f.code)
        .unwrap();
    assert_eq!(
        at(unknown_action),
        [Place::Statement {
            index: 0,
            target: Target::Action { value: Some(1) }
        }]
    );
    assert!(placed.iter().any(|p| p.place
        == Place::Statement {
            index: 1,
            target: Target::Raw
        }));
    let bad_value = report
        .findings
        .iter()
        .find(|f| f.path().ends_with("acs:SourceIp/1"))
        .map(|f| f.code)
        .unwrap();
    assert!(at(bad_value).contains(&Place::Statement {
        index: 2,
        target: Target::Condition {
            entry: Some(0),
            value: Some(1)
        }
    }));

    // The form's live check: after an edit, the same findings come back placed.
    let edited = apply(
        &doc,
        &Edit::RemoveAction {
            index: 0,
            position: 1,
        },
    )
    .unwrap();
    let view = check_form(&edited, &LintOptions::default());
    assert_eq!(view.json, to_json(&edited));
    assert!(!view.placed.iter().any(|p| p.place
        == Place::Statement {
            index: 0,
            target: Target::Action { value: Some(1) }
        }));
    assert_eq!(view.placed.len(), view.report.findings.len());
}

#[test]
fn every_corpus_arn_builds_back_to_itself() {
    let mut count = 0;
    for (name, text) in corpus() {
        let root = json::parse(&text).unwrap();
        let mut stack = vec![&root];
        while let Some(node) = stack.pop() {
            match &node.value {
                Value::String(s) if s.starts_with("acs:") => {
                    if let Some(parsed) = parse_any(s) {
                        let built = arn_builder::build(parsed.shape, &parsed.values());
                        assert_eq!(built.as_deref(), Ok(s.as_str()), "{name}");
                        count += 1;
                    }
                }
                Value::Array(items) => stack.extend(items),
                Value::Object(members) => stack.extend(members.iter().map(|m| &m.value)),
                _ => {}
            }
        }
    }
    assert!(count >= 20, "only {count} ARNs");
}

#[test]
fn templates_are_found_by_name_or_suggested() {
    assert!(template("require-https").is_some());
    assert!(template("require-http").is_none());
    assert_eq!(
        ramplan_core::builder::templates::suggest("require-http"),
        Some("require-https")
    );
}

#[test]
fn no_input_makes_the_builder_panic() {
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "\\",
        "\\u00e9",
        "*",
        "/",
        "~",
        "é",
        "😀",
        "\"Effect\"",
        "\"Statement\"",
        "\"Condition\"",
        "\"Action\"",
        "acs:",
        "null",
        "1e9",
        "\n",
        "[]",
        "{}",
        "\"Allow\"",
    ];
    let mut rng = Lcg(0xb111d);
    let mut checked = 0usize;
    for (_, text) in corpus() {
        for _ in 0..150 {
            let mutated = rng.splice(&text, &pieces);
            checked += 1;
            let Ok(doc) = from_json(&mutated) else {
                continue;
            };
            let out = to_json(&doc);
            let reparsed = json::parse(&out).unwrap_or_else(|e| panic!("{e:?}\n{mutated}\n{out}"));
            assert!(
                same(&json::parse(&mutated).unwrap(), &reparsed),
                "{mutated}\n{out}"
            );
            let report = lint(&mutated, &LintOptions::default());
            let _ = place_findings(&doc, &report.findings);
            let n = doc.statements.len() + 1;
            let i = (rng.next() as usize) % n;
            for edit in [
                Edit::RemoveAction {
                    index: i,
                    position: 0,
                },
                Edit::SetResourceField {
                    index: i,
                    position: 0,
                    field: "region".into(),
                    value: "cn-hangzhou".into(),
                },
                Edit::MoveStatement { from: i, to: 0 },
                Edit::SetRawText {
                    index: i,
                    text: mutated.clone(),
                },
                Edit::RemoveCondition {
                    index: i,
                    position: 0,
                },
            ] {
                if let Ok(edited) = apply(&doc, &edit) {
                    json::parse(&to_json(&edited)).unwrap();
                }
            }
        }
    }
    assert!(checked > 5_000);
}
