//! The doctor: golden answers for every error shape (`tests/fixtures/doctor/<case>.input.*`
//! -> `<case>.en.txt`, `<case>.zh.txt`, `<case>.json`; rewritten with
//! `UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test doctor`), and the property that the
//! proposed statement, added to the identity's policies, makes the simulator allow the
//! denied request and removing it denies it again.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use ramplan_core::catalogue;
use ramplan_core::doctor::{self, Denial, ErrorKind};
use ramplan_core::simulate::{self, Outcome, PolicySource, Request};
use ramplan_core::Lang;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/doctor")
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            let (case, _) = name.split_once(".input.")?;
            Some((case.to_owned(), p))
        })
        .collect();
    ramplan_core::sort::sort(&mut out);
    out
}

fn snapshot(rel: &str, actual: &str) {
    let path = fixtures().join(rel);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
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
fn every_shape_has_reviewed_answers_in_both_languages() {
    let cases = cases();
    assert!(cases.len() >= 10, "only {} cases", cases.len());
    let mut shapes = Vec::new();
    for (case, path) in &cases {
        let text = fs::read_to_string(path).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let d =
                doctor::diagnose(&text, lang).unwrap_or_else(|e| panic!("{case}: {}", e.message));
            snapshot(
                &format!("{case}.{}.txt", lang.code()),
                &doctor::text(&d, lang),
            );
            if lang == Lang::En {
                snapshot(&format!("{case}.json"), &doctor::to_json(&d));
                shapes.push(d.shape);
            }
        }
    }
    shapes.sort_unstable();
    shapes.dedup();
    assert_eq!(
        shapes,
        [
            "console",
            "decoded",
            "encoded-only",
            "openapi-json",
            "oss-xml",
            "sdk-text"
        ]
    );
}

#[test]
fn every_sample_has_a_recorded_source() {
    let sources = fs::read_to_string(fixtures().join("SOURCES.md")).unwrap();
    for (_, path) in cases() {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(sources.contains(name), "{name} is not in SOURCES.md");
    }
}

#[test]
fn answers_are_deterministic() {
    for (case, path) in cases() {
        let text = fs::read_to_string(path).unwrap();
        let a = doctor::diagnose(&text, Lang::En).unwrap();
        let b = doctor::diagnose(&text, Lang::En).unwrap();
        assert_eq!(doctor::to_json(&a), doctor::to_json(&b), "{case}");
    }
}

#[test]
fn an_explicit_deny_never_proposes_an_allow() {
    for (case, path) in cases() {
        let text = fs::read_to_string(path).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let d = doctor::diagnose(&text, lang).unwrap();
            if d.denial == Denial::Explicit {
                assert!(d.fix.is_none(), "{case}");
                let steps: String = d.steps.iter().map(|s| s.text.as_str()).collect();
                assert!(
                    !steps.contains("Grant the statement") && !steps.contains("授予该身份"),
                    "{case}"
                );
            }
        }
    }
}

#[test]
fn every_proposal_is_proven() {
    let mut proposals = 0;
    for (case, path) in cases() {
        let text = fs::read_to_string(path).unwrap();
        let d = doctor::diagnose(&text, Lang::En).unwrap();
        if let Some(fix) = &d.fix {
            proposals += 1;
            assert!(fix.proven, "{case}: {:#?}", fix.checks);
        }
    }
    assert!(proposals >= 5, "only {proposals} proposals");
}

/// A deterministic generator (no crate needed): xorshift.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// The property, over requests built from the catalogue: for an implicit deny of
/// `action` on `resource` by a RAM user whose policies already allow something else, the
/// proposal added to those policies allows the request, and without it the request is
/// denied again.
#[test]
fn the_proposal_allows_the_denied_request_and_removing_it_denies_again() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let services: Vec<_> = catalogue::services()
        .iter()
        .filter(|s| !s.actions().is_empty())
        .copied()
        .collect();
    assert!(services.len() > 50);
    let existing = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeRegions", "Resource": "*"}]}"#;
    let mut checked = 0;
    for i in 0..300 {
        let service = rng.pick(&services);
        let actions = service.actions();
        let action = rng.pick(actions);
        let full = format!("{}:{}", service.code(), action.name);
        if full.eq_ignore_ascii_case("ecs:DescribeRegions") {
            continue;
        }
        let resource = match i % 3 {
            0 => None,
            1 => Some(format!(
                "acs:{}:cn-hangzhou:1234567890123456:thing/t-{i}",
                service.code()
            )),
            _ => Some(format!("acs:{}:*:1234567890123456:*", service.code())),
        };
        let resource_field = resource
            .as_deref()
            .map(|r| format!(r#","AuthResource":"{r}""#))
            .unwrap_or_default();
        let error = format!(
            r#"{{"Code":"NoPermission","AccessDeniedDetail":{{"AuthAction":"{full}"{resource_field},"AuthPrincipalType":"SubUser","AuthPrincipalDisplayName":"209876543210987654","AuthPrincipalOwnerId":"1234567890123456","NoPermissionType":"ImplicitDeny","PolicyType":"AccountLevelIdentityBasedPolicy"}}}}"#
        );
        let d = doctor::diagnose(&error, Lang::En).unwrap();
        let fix = d.fix.unwrap_or_else(|| panic!("no proposal for {full}"));
        let request = Request::new(&full, resource.as_deref().unwrap_or("*"));
        let before = [PolicySource::new("existing", existing)];
        let with = [
            PolicySource::new("existing", existing),
            PolicySource::new("proposed", fix.policy.as_str()),
        ];
        let denied = simulate::simulate(&before, &request, Lang::En).unwrap();
        assert_eq!(denied.decision, Outcome::ImplicitDeny, "{full}");
        let allowed = simulate::simulate(&with, &request, Lang::En).unwrap();
        assert_eq!(allowed.decision, Outcome::Allow, "{full} on {resource:?}");
        assert!(fix.proven, "{full}: {:#?}", fix.checks);
        assert!(fix.policy.contains(&full));
        checked += 1;
    }
    assert!(checked > 250, "only {checked}");
}

#[test]
fn credentials_are_refused_and_not_echoed() {
    let key = ["LTAI", "5tQ8dV3kXb9Rm2Wz"].concat();
    let text = format!(
        r#"{{"Code":"NoPermission","AccessDeniedDetail":{{"AuthAction":"oss:GetObject","AuthPrincipalDisplayName":"{key}"}}}}"#
    );
    let e = doctor::diagnose(&text, Lang::En).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Credential);
    assert!(!e.message.contains(&key));
}

#[test]
fn the_encoded_message_is_not_taken_for_a_credential() {
    let path = fixtures().join("oss-xml-implicit-deny.input.xml");
    let text = fs::read_to_string(path).unwrap();
    assert!(doctor::diagnose(&text, Lang::En).is_ok());
}

#[test]
fn text_that_is_not_an_error_is_said_to_be_so() {
    for text in ["hello", "{\"Version\": \"1\"}", "<a>b</a>", "Code"] {
        let e = doctor::diagnose(text, Lang::En).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotAnError, "{text}");
    }
}

#[test]
fn any_input_gets_an_answer_in_bounded_time() {
    let mut rng = Rng(42);
    let samples: Vec<String> = cases()
        .into_iter()
        .map(|(_, p)| fs::read_to_string(p).unwrap())
        .collect();
    for sample in &samples {
        let bytes = sample.as_bytes();
        for _ in 0..40 {
            let cut = (rng.next() as usize) % (bytes.len() + 1);
            let mut mutated = bytes[..cut].to_vec();
            if rng.next().is_multiple_of(2) {
                mutated.extend_from_slice(&bytes[cut..]);
                if let Some(b) = mutated.get_mut(cut) {
                    *b = b"{}<>\"':\\/*"[(rng.next() % 10) as usize];
                }
            }
            let text = String::from_utf8_lossy(&mutated);
            let _ = doctor::diagnose(&text, Lang::En);
            let _ = doctor::diagnose(&text, Lang::Zh);
        }
    }
    // Pathological: many unclosed braces and tags, at the size limit.
    let start = std::time::Instant::now();
    let half = doctor::MAX_INPUT_BYTES / 2;
    let mut texts: Vec<String> = ["{", "{\"a\":", "<a>", "'", "Code: x\n", "</a><a>x</a>"]
        .iter()
        .map(|unit| unit.repeat(doctor::MAX_INPUT_BYTES / unit.len()))
        .collect();
    // Opening tags that never close, then closing tags that open nothing.
    texts.push(format!(
        "{}{}",
        "<a>".repeat(half / 3),
        "</b>".repeat(half / 4)
    ));
    // A body with many fields, then many labelled lines.
    let fields: String = (0..400).map(|i| format!("\"F{i}\":\"v\",")).collect();
    let body = format!("{{{fields}\"Code\":\"NoPermission\"}}\n");
    texts.push(format!(
        "{body}{}",
        "Auth Action: oss:GetObject\n".repeat((half - body.len()) / 27)
    ));
    for text in &texts {
        let one = std::time::Instant::now();
        let _ = doctor::diagnose(text, Lang::En);
        assert!(
            one.elapsed().as_secs() < 5,
            "{:?} for {:?}",
            one.elapsed(),
            text.get(..40)
        );
    }
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    let too_large = "a".repeat(doctor::MAX_INPUT_BYTES + 1);
    assert_eq!(
        doctor::diagnose(&too_large, Lang::En).unwrap_err().kind,
        ErrorKind::TooLarge
    );
}
