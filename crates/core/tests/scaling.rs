//! Lint time grows linearly with the input: at 10x and 100x the size of a generated policy,
//! the larger takes about ten times as long, not a hundred. Quadratic paths (a scan of every
//! earlier key or statement, a column counted from the start of a long line) show up here as
//! a ratio near 100. The bound is loose so that a noisy machine cannot fail it; figures are in
//! `scripts/bench-scaling.sh`.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use ramplan_core::{lint, LintOptions};

fn statements(n: usize) -> String {
    let st: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "{{\"Effect\": \"allow\", \"Action\": [\"oss:GetObject\", \"ecs:Describe*\", \"oss:GetObject{i}\"], \"Resource\": [\"acs:oss:*:*:bucket-{i}/*\", \"acs:log:*:*:project/p{i}/Logstore/l\"], \"Condition\": {{\"IpAddress\": {{\"acs:SourceIp\": [\"10.0.0.0/8\"]}}}}}}"
            )
        })
        .collect();
    // One line: columns of findings near its end must not be counted from its start.
    format!("{{\"Version\": \"1\", \"Statement\": [{}]}}", st.join(", "))
}

fn keys(n: usize) -> String {
    let keys: Vec<String> = (0..n)
        .map(|i| format!("\"Action\": \"oss:Get{i}*\""))
        .collect();
    format!(
        "{{\"Version\": \"1\", \"Statement\": [{{\"Effect\": \"Allow\", {}, \"Resource\": \"*\"}}]}}",
        keys.join(", ")
    )
}

fn fastest(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let report = lint(text, &LintOptions::default());
            assert!(!report.findings.is_empty());
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn lint_time_grows_linearly() {
    for (name, make) in [
        ("statements", statements as fn(usize) -> String),
        ("keys", keys),
    ] {
        let ten = fastest(&make(200));
        let hundred = fastest(&make(2000));
        let ratio = hundred.as_secs_f64() / ten.as_secs_f64().max(1e-6);
        assert!(
            ratio < 30.0,
            "{name}: 10x took {ten:?}, 100x took {hundred:?}: a ratio of {ratio:.1} is not linear"
        );
    }
}
