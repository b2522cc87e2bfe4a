//! A mutation fuzzer on stable Rust: every fixture in `tests/fixtures` is a seed; mutants go
//! through every entry point of the `api` (the functions the page and the embed call) and
//! the core functions the page calls directly (explain, format, the builder, share links),
//! each call in a thread with WebAssembly's 1 MiB stack, under `catch_unwind` and a time
//! limit. The first input of each distinct failure is written to `target/fuzz-findings/`.
//!
//! - `cargo test -p ramplan-core --test fuzz` runs a short deterministic pass (fixed seed and
//!   count) and replays `tests/fixtures/fuzz/*` (inputs that once failed), as part of the suite.
//! - `scripts/fuzz.sh SECONDS` runs for that long with a fresh seed (`RAMPLAN_FUZZ_SECONDS`,
//!   `RAMPLAN_FUZZ_SEED`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::fs;
use std::panic;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

mod common;

use common::Lcg;
use ramplan_core::{api, builder, explain, format, share, Lang, PolicyKind};

/// The stack of a wasm32 thread: what the page and embeds run with.
const STACK: usize = 1024 * 1024;
/// A call slower than this is a finding: on the page it would freeze the tab. The suite runs
/// unoptimised code (about 8x slower than the release build) on a 2-core machine that may be
/// busy, so its bound is wider; `scripts/fuzz.sh` runs optimised code against the 5 s bound.
const SLOW: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(20)
} else {
    Duration::from_secs(5)
};
/// The deterministic pass of the suite.
const SEED: u64 = 0x5eed_f022;
const ITERATIONS: usize = 5000;

const SCENARIOS: &[&str] = &[
    "dataworks-emr",
    "dataworks-maxcompute",
    "dataworks-hologres",
    "dataworks-di",
    "emr-default-roles",
    "emr-ecs-role",
];

/// Everything a mutant can be given to: a name and a call that must not panic or hang.
/// A named call a mutant is given to.
type Target = (&'static str, fn(&str));

fn targets() -> Vec<Target> {
    fn quoted(text: &str) -> String {
        serde_json::to_string(text).unwrap()
    }
    vec![
        ("lint", |t| {
            let _ = api::lint(Some(&quoted(t)), None);
        }),
        ("lint-options", |t| {
            let _ = api::lint(Some(r#""{}""#), Some(t));
        }),
        ("lint-trust-template", |t| {
            let _ = api::lint(
                Some(&quoted(t)),
                Some(r#"{"kind": "trust", "lang": "zh", "template": true}"#),
            );
        }),
        ("lint-bucket", |t| {
            let _ = api::lint(Some(&quoted(t)), Some(r#"{"kind": "bucket-policy"}"#));
        }),
        ("simulate", |t| {
            let _ = api::simulate(
                Some(&quoted(t)),
                Some(
                    r#"{"action": "oss:GetObject", "resource": "acs:oss:*:*:b/k", "principal": "1234567890123456", "context": {"acs:SourceIp": "10.0.0.1"}}"#,
                ),
                None,
            );
        }),
        ("simulate-request", |t| {
            let policy = r#""{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}""#;
            let _ = api::simulate(Some(policy), Some(t), None);
        }),
        ("simulate-trust", |t| {
            let _ = api::simulate_trust(
                Some(&quoted(t)),
                Some(r#"{"principal": "1234567890123456@emr.dataworks.aliyuncs.com"}"#),
                None,
            );
        }),
        ("plan", |t| {
            for id in SCENARIOS {
                let _ = api::plan(Some(&quoted(id)), Some(t), None);
            }
        }),
        ("export-plan", |t| {
            let _ = api::export_plan(Some(r#""emr-ecs-role""#), Some(t), Some(r#""tf""#), None);
        }),
        ("check-existing", |t| {
            let documents = format!("[{}]", quoted(t));
            let _ = api::check_existing(
                Some(r#""dataworks-emr""#),
                Some(
                    r#"{"dataworks_account_uid": "1234567890123456", "resource_account_uid": "6543210987654321", "emr_cluster_id": "C-1234567890ABCDEF"}"#,
                ),
                Some(&documents),
                None,
            );
        }),
        ("convert", |t| {
            let _ = api::convert(Some(&quoted(t)), Some(r#""ros""#), None);
        }),
        ("explain", |t| {
            for kind in [
                PolicyKind::Permission,
                PolicyKind::Trust,
                PolicyKind::BucketPolicy,
            ] {
                let _ = explain::explain(t, kind, Lang::Zh);
            }
        }),
        ("format", |t| {
            let _ = format::format(t, Lang::En);
        }),
        ("builder", |t| {
            if let Ok(doc) = builder::from_json(t) {
                let _ = builder::from_json(&builder::to_json(&doc));
            }
        }),
        ("share", |t| {
            let _ = share::decode(t);
            let _ = share::encode_text(t);
        }),
        ("diff", |t| {
            let old = r#""{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:Get*\",\"Resource\":\"*\"}]}""#;
            let _ = api::diff(Some(old), Some(&quoted(t)), None);
            let _ = api::diff(Some(&quoted(t)), Some(old), Some(r#"{"lang": "zh"}"#));
        }),
        ("doctor", |t| {
            let _ = api::doctor(Some(&quoted(t)), None);
        }),
        ("generate", |t| {
            let files = serde_json::json!([{"name": "events.json", "text": t}]).to_string();
            let _ = api::generate(
                Some(&files),
                Some(r#"{"read_only": true, "collapse_above": 3}"#),
            );
        }),
    ]
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every JSON fixture, in path order.
fn seeds() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        ramplan_core::sort::sort(&mut entries);
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&fixtures_dir(), &mut paths);
    paths
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .filter(|t| t.len() < 64 * 1024)
        .collect()
}

const PIECES: &[&str] = &[
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
    "\"Action\"",
    "\"Resource\"",
    "\"NotAction\"",
    "acs:",
    "acs:oss:*:*:",
    "null",
    "1e999",
    "-0",
    "\n",
    "\t",
    "\r\n",
    "LTAI",
    "\"\"",
    "[]",
    "{}",
    "${var.x}",
    "%s",
    "<x>",
    "****",
    "\u{feff}",
    "\u{202e}",
    "\"StringLike\"",
    "\"IpAddress\"",
    "\"acs:SourceIp\"",
    "0.0.0.0/0",
    "::/0",
    "\"*\"",
    "ForAllValues:",
    "\"sts:AssumeRole\"",
    "@engine.dataworks.aliyuncs.com",
];

/// One mutant: pieces spliced in or bytes removed, a range duplicated, deep nesting, or a
/// truncation.
fn mutate(rng: &mut Lcg, text: &str) -> String {
    match rng.next() % 6 {
        0 | 1 => rng.splice(text, PIECES),
        2 => {
            let cut = boundary(text, (rng.next() as usize) % (text.len() + 1));
            text[..cut].to_owned()
        }
        3 => {
            let a = boundary(text, (rng.next() as usize) % (text.len() + 1));
            let b = boundary(text, a + (rng.next() as usize) % (text.len() - a + 1));
            let copies = 1 + (rng.next() as usize) % 50;
            let mut out = text[..b].to_owned();
            for _ in 0..copies {
                out.push_str(&text[a..b]);
            }
            out.push_str(&text[b..]);
            out
        }
        4 => {
            let depth = 1 + (rng.next() as usize) % 200;
            let (open, close) = if rng.next().is_multiple_of(2) {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            format!("{}{text}{}", open.repeat(depth), close.repeat(depth))
        }
        _ => {
            let a = rng.splice(text, PIECES);
            rng.splice(&a, PIECES)
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

/// Runs one call on a wasm-sized stack; `Err` says how it failed.
fn run(call: fn(&str), input: String) -> Result<(), String> {
    let (done, wait) = mpsc::channel();
    let spawned = thread::Builder::new().stack_size(STACK).spawn(move || {
        let outcome = panic::catch_unwind(|| call(&input)).map_err(|payload| {
            payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "panic".to_owned())
        });
        let _ = done.send(outcome);
    });
    if spawned.is_err() {
        return Err("could not start a thread".to_owned());
    }
    match wait.recv_timeout(SLOW) {
        Ok(outcome) => outcome.map_err(|m| format!("panicked: {m}")),
        // A thread that overflows its stack aborts the process, so a lost thread is a hang.
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("took longer than {SLOW:?}")),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the thread died".to_owned()),
    }
}

/// The first input of each distinct failure, keyed by target and message.
fn fuzz(seed: u64, budget: impl Fn(usize) -> bool) -> BTreeMap<String, String> {
    let _quiet = QuietPanics::new();
    let seeds = seeds();
    assert!(seeds.len() > 100, "only {} seeds", seeds.len());
    let targets = targets();
    let mut rng = Lcg(seed);
    let mut failures = BTreeMap::new();
    let mut done = 0;
    while budget(done) {
        let seed_text = &seeds[(rng.next() as usize) % seeds.len()];
        let mut input = mutate(&mut rng, seed_text);
        if rng.next().is_multiple_of(4) {
            input = mutate(&mut rng, &input);
        }
        let (name, call) = targets[(rng.next() as usize) % targets.len()];
        if let Err(why) = run(call, input.clone()) {
            failures.entry(format!("{name}: {why}")).or_insert(input);
        }
        done += 1;
    }
    failures
}

/// Writes each failure to `target/fuzz-findings/` and says where.
fn report(failures: &BTreeMap<String, String>) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-findings");
    let _ = fs::create_dir_all(&dir);
    let mut out = String::new();
    for (i, (why, input)) in failures.iter().enumerate() {
        let path = dir.join(format!("finding-{i}.txt"));
        let _ = fs::write(&path, input);
        out.push_str(&format!("{why}\n  input: {}\n", path.display()));
    }
    out
}

#[test]
fn a_short_fixed_run_finds_no_panic_and_no_hang() {
    let failures = fuzz(SEED, |done| done < ITERATIONS);
    assert!(failures.is_empty(), "{}", report(&failures));
}

#[test]
fn inputs_that_once_failed_pass_every_target() {
    let dir = fixtures_dir().join("fuzz");
    let mut inputs: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    ramplan_core::sort::sort(&mut inputs);
    assert!(
        !inputs.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    let _quiet = QuietPanics::new();
    let mut problems = Vec::new();
    for path in &inputs {
        let input = fs::read_to_string(path).unwrap();
        for (name, call) in targets() {
            if let Err(why) = run(call, input.clone()) {
                problems.push(format!("{}: {name}: {why}", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `scripts/fuzz.sh`: as long as asked, from a seed given or taken from the clock.
#[test]
#[ignore = "long: run by scripts/fuzz.sh"]
fn fuzz_for_a_while() {
    let seconds: u64 = std::env::var("RAMPLAN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = std::env::var("RAMPLAN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(1)
        });
    let start = Instant::now();
    let end = start + Duration::from_secs(seconds);
    let counted = std::cell::Cell::new(0);
    let failures = fuzz(seed, |done| {
        counted.set(done);
        Instant::now() < end
    });
    println!(
        "fuzz: seed {seed}, {} executions in {:.0?}, {} distinct failures",
        counted.get(),
        start.elapsed(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", report(&failures));
}

type Hook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Silences the default panic message while fuzzing (panics are caught and reported).
struct QuietPanics {
    previous: Option<Hook>,
}

impl QuietPanics {
    fn new() -> Self {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(|_| {}));
        QuietPanics {
            previous: Some(previous),
        }
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            panic::set_hook(previous);
        }
    }
}
