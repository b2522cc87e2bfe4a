//! Real RAM policies from public Alibaba Cloud documentation and repositories
//! (`tests/fixtures/corpus`, sources in SOURCES.md): none may get an error finding.
//! The same corpus feeds a never-panic test over truncated and mutated documents.

// Test helpers may panic: a failed read or a missing fixture is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

mod common;

use common::{corpus, Lcg};
use ramplan_core::{lint, KindChoice, Lang, LintOptions, PolicyKind, Severity};

#[test]
fn the_corpus_is_large_enough_and_sourced() {
    let files = corpus();
    assert!(files.len() >= 30, "only {} corpus policies", files.len());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus");
    let sources = fs::read_to_string(dir.join("SOURCES.md")).unwrap();
    for (path, _) in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(
            sources.contains(name.as_ref()),
            "{name} is not in SOURCES.md"
        );
    }
    let trust = files
        .iter()
        .filter(|(_, text)| lint(text, &LintOptions::default()).kind == PolicyKind::Trust)
        .count();
    assert!(trust >= 5, "only {trust} trust policies in the corpus");
}

#[test]
fn real_policies_get_no_error_findings() {
    let mut problems = Vec::new();
    for (path, text) in corpus() {
        let report = lint(&text, &LintOptions::default());
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            problems.push(format!(
                "{}: {} {} at {}",
                path.display(),
                f.code,
                f.message,
                f.path()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_input_makes_the_linter_panic() {
    let pieces = [
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "\\",
        "\\u",
        "\\ud83d",
        "*",
        "?",
        "/",
        "~",
        "é",
        "😀",
        "\"Effect\"",
        "\"Statement\"",
        "\"Principal\"",
        "\"Condition\"",
        "acs:",
        "null",
        "1e9",
        "\n",
        "\t",
        "LTAI",
        "\"\"",
        "[]",
        "{}",
    ];
    let mut rng = Lcg(0x5eed);
    let mut checked = 0usize;
    for (_, text) in corpus() {
        // Every prefix (truncation) of every document.
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let _ = lint(&text[..end], &LintOptions::default());
            checked += 1;
        }
        // Random splices of JSON-ish pieces.
        for _ in 0..200 {
            let mutated = rng.splice(&text, &pieces);
            for kind in [KindChoice::Auto, KindChoice::Trust] {
                let options = LintOptions {
                    kind,
                    lang: Lang::Zh,
                    ..LintOptions::default()
                };
                let _ = lint(&mutated, &options);
            }
            checked += 1;
        }
    }
    assert!(checked > 10_000);
}

#[test]
fn output_is_deterministic() {
    for (_, text) in corpus() {
        let a = lint(&text, &LintOptions::default());
        let b = lint(&text, &LintOptions::default());
        assert_eq!(a, b);
    }
}
