//! No input makes ramplan-iac panic, and every range it maps back lies inside the file.
//!
//! Every fixture under `tests/fixtures/iac` (real Terraform, ROS and aliyun CLI files) is cut
//! short at many points, has bytes deleted, and has the characters that matter to these
//! formats spliced in (quotes, braces, `${`, `<<EOF`, escapes, YAML indicators, non-ASCII),
//! from a fixed seed so a failure is reproducible. Each mutant is read as every format, each
//! document found is linted by the core, and every finding's range is mapped back. Deeply
//! nested input is fed on a thread with the stack a command-line program's main thread has.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use ramplan_core::{lint, KindChoice, LintOptions};
use ramplan_iac::{extract, Format};

const FORMATS: [Format; 5] = [
    Format::Policy,
    Format::Terraform,
    Format::RosYaml,
    Format::RosJson,
    Format::AliyunCli,
];

const SPLICES: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    "${",
    "${var.x}",
    "}}",
    "\\",
    "\\u00",
    "\\\"",
    "<<EOF\n",
    "\nEOF\n",
    "<<-JSON\n",
    "%{ if x }",
    "$${",
    ":",
    "- ",
    "\n  ",
    "!Ref ",
    "&a ",
    "*a",
    "#",
    "é",
    "𝄞",
    "\t",
    "jsonencode(",
    ")",
    "=",
    ",",
    "\u{feff}",
    "\r\n",
    "'",
    "''",
    "|",
    ">",
    "\0",
];

/// A small deterministic generator (xorshift64*), so the mutants are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutants(text: &str, rng: &mut Rng, count: usize) -> Vec<String> {
    let mut out = Vec::new();
    // Cut short at evenly spread points.
    for i in 1..=24 {
        let at = boundary(text, text.len() * i / 25);
        out.push(text[..at].to_owned());
    }
    for _ in 0..count {
        let mut m = text.to_owned();
        for _ in 0..=rng.below(3) {
            let at = boundary(&m, rng.below(m.len() + 1));
            match rng.below(3) {
                0 => {
                    let splice = SPLICES[rng.below(SPLICES.len())];
                    m.insert_str(at, splice);
                }
                1 => {
                    let end = boundary(&m, at + rng.below(16));
                    m.replace_range(at..end.max(at), "");
                }
                _ => {
                    // Repeat a range, as a bad copy-paste does.
                    let end = boundary(&m, at + rng.below(64));
                    let piece = m[at..end.max(at)].to_owned();
                    m.insert_str(at, &piece);
                }
            }
        }
        out.push(m);
    }
    out
}

/// Reads `text` as every format, lints what is found, maps every finding back.
fn exercise(text: &str) {
    for format in FORMATS {
        let found = extract(format, text);
        for problem in &found.problems {
            assert!(problem.span.end <= text.len(), "problem span past the end");
        }
        for skipped in &found.skipped {
            assert!(skipped.span.end <= text.len());
        }
        for doc in &found.documents {
            assert!(doc.span.end <= text.len() && doc.span.start <= doc.span.end);
            assert_eq!(
                doc.map.len(),
                doc.text.len(),
                "map and text differ in length"
            );
            for p in &doc.placeholders {
                assert!(p.span.end <= text.len());
            }
            let options = LintOptions {
                kind: KindChoice::Auto,
                template: true,
                ..LintOptions::default()
            };
            let report = lint(&doc.text, &options);
            for finding in &report.findings {
                if let Some(span) = finding.span {
                    let file = doc.file_range(span.start.offset..span.end.offset);
                    assert!(
                        file.start <= file.end && file.end <= text.len(),
                        "{file:?} past the end"
                    );
                    assert!(text.is_char_boundary(file.start) && text.is_char_boundary(file.end));
                }
            }
            // Ranges past the text map to its end, never out of the file.
            let past = doc.file_range(doc.text.len() + 5..doc.text.len() + 9);
            assert!(past.end <= text.len());
        }
    }
    let _ = ramplan_iac::detect("x.tf", text);
    let _ = ramplan_iac::detect("x.yaml", text);
    let _ = ramplan_iac::detect("x.json", text);
}

fn fixtures() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/iac");
    let mut out = Vec::new();
    for dir in ["terraform", "ros", "aliyun-cli"] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        ramplan_core::sort::sort(&mut entries);
        for path in entries {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    assert!(out.len() >= 20, "fixtures missing");
    out
}

#[test]
fn mutated_fixtures_never_panic() {
    let mut rng = Rng(0x005e_ed1a_c0de);
    let mut total = 0;
    for (name, text) in fixtures() {
        for mutant in mutants(&text, &mut rng, 60) {
            total += 1;
            if let Err(cause) = catch_unwind(AssertUnwindSafe(|| exercise(&mutant))) {
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("iac-never-panic");
                std::fs::create_dir_all(&dir).unwrap();
                let kept = dir.join(format!("failing-{total}"));
                std::fs::write(&kept, &mutant).unwrap();
                panic!(
                    "mutant of {name} panicked (kept in {}): {cause:?}",
                    kept.display()
                );
            }
        }
    }
    assert!(total > 1500, "{total} mutants");
}

/// Deep nesting in every format, on a thread with the 8 MiB stack of a main thread.
#[test]
fn deep_nesting_is_refused_without_overflow() {
    let handle = std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(|| {
            let depth = 20_000;
            let deep_json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let tf = format!(
                "resource \"alicloud_ram_policy\" \"p\" {{\n  policy_document = jsonencode({})\n}}\n",
                deep_json
            );
            let yaml = format!(
                "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  P:\n    Type: ALIYUN::RAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {}\n",
                deep_json
            );
            let ros_json = format!(
                "{{\"ROSTemplateFormatVersion\": \"2015-09-01\", \"Resources\": {{\"P\": {{\"Type\": \"ALIYUN::RAM::ManagedPolicy\", \"Properties\": {{\"PolicyDocument\": {deep_json}}}}}}}}}"
            );
            for text in [&tf, &yaml, &ros_json, &deep_json] {
                exercise(text);
            }
        })
        .unwrap();
    handle.join().unwrap();
}
