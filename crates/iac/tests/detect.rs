//! `detect_or_policy` skips the parse only where it cannot change the answer: over every
//! fixture file of the repository, under every name a file could have, and with the keys of
//! the other formats written with escapes or hidden inside strings, it agrees with
//! `detect(..).unwrap_or(Policy)`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use ramplan_iac::{detect, detect_or_policy, Format};

fn texts(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            texts(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push(text);
        }
    }
}

#[test]
fn skipping_the_parse_never_changes_the_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut all = Vec::new();
    texts(&root, &mut all);
    assert!(all.len() > 500, "fixtures missing: {}", all.len());
    all.extend(
        [
            r#"{"ROSTemplate\u0046ormatVersion": "2015-09-01", "Resources": {}}"#,
            r#"{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}"#,
            r#"{"Policy\u0044ocument": "x", "Statement": []}"#,
            r#"{"PolicyVersion": {"PolicyDocument": "{\"Version\": \"1\", \"Statement\": []}"}}"#,
            r#"{"Role": {"AssumeRolePolicyDocument": "{}", "RoleName": "r"}}"#,
            r#"{"Statement": [{"Effect": "Allow", "Action": "ROSTemplateFormatVersion"}]}"#,
            r#"{"Version": "1""#,
            "",
            "not json",
        ]
        .map(String::from),
    );
    let mut differing = 0;
    for text in &all {
        for name in [
            "a.json", "A.JSON", "a.txt", "a.yaml", "a.yml", "a.tf", "<stdin>",
        ] {
            let full = detect(name, text).unwrap_or(Format::Policy);
            assert_eq!(detect_or_policy(name, text), full, "{name}: {text:.200}");
            differing += usize::from(full != Format::Policy);
        }
    }
    // The check means something only if other formats are among the answers.
    assert!(differing > 100, "only {differing} non-policy answers");
}
