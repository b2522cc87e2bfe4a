//! Time and peak memory of each entry point on generated inputs at 1x, 10x and 100x, as a
//! Markdown table: the evidence that nothing is superlinear (`scripts/bench-scaling.sh`).
//!
//!   cargo run --profile bench -p ramplan-core --example scaling

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, Instant};

use ramplan_core::simulate::{PolicySource, Request};
use ramplan_core::{builder, explain, export, format, lint, Lang, LintOptions, PolicyKind};

/// Resets the kernel's peak-RSS mark of this process (Linux: `5` to `/proc/self/clear_refs`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory since the last reset, in bytes (`VmHWM`), if the kernel says.
fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A generated policy of `n` units of one shape.
fn shape(name: &str, n: usize) -> String {
    match name {
        "statements" => {
            let st: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        "    {{\"Effect\": \"Allow\", \"Action\": [\"oss:GetObject\", \"ecs:DescribeInstances\"], \"Resource\": [\"acs:oss:*:*:bucket-{i}/*\"], \"Condition\": {{\"IpAddress\": {{\"acs:SourceIp\": [\"10.0.0.0/8\"]}}}}}}"
                    )
                })
                .collect();
            format!(
                "{{\n  \"Version\": \"1\",\n  \"Statement\": [\n{}\n  ]\n}}\n",
                st.join(",\n")
            )
        }
        "actions, one line" => {
            let actions: Vec<String> = (0..n).map(|i| format!("\"oss:GetObjekt{i}\"")).collect();
            format!(
                "{{\"Version\": \"1\", \"Statement\": [{{\"Effect\": \"Allow\", \"Action\": [{}], \"Resource\": \"*\"}}]}}",
                actions.join(", ")
            )
        }
        "wildcard actions" => {
            let actions: Vec<String> = (0..n).map(|i| format!("\"oss:Get{i}*\"")).collect();
            format!(
                "{{\"Version\": \"1\", \"Statement\": [{{\"Effect\": \"Allow\", \"Action\": [{}], \"Resource\": \"*\"}}]}}",
                actions.join(", ")
            )
        }
        "duplicate keys" => {
            let keys: Vec<String> = (0..n)
                .map(|i| format!("\"Action\": \"oss:A{i}\""))
                .collect();
            format!(
                "{{\"Version\": \"1\", \"Statement\": [{{\"Effect\": \"Allow\", {}, \"Resource\": \"*\"}}]}}",
                keys.join(", ")
            )
        }
        "condition values" => {
            let values: Vec<String> = (0..n)
                .map(|i| format!("\"10.{}.{}.0/24\"", i / 250 % 250, i % 250))
                .collect();
            format!(
                "{{\"Version\": \"1\", \"Statement\": [{{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"*\", \"Condition\": {{\"IpAddress\": {{\"acs:SourceIp\": [{}]}}}}}}]}}",
                values.join(", ")
            )
        }
        "deep nesting" => {
            // Each statement's condition holds a value nested just under the parser's limit.
            let depth = ramplan_core::json::MAX_DEPTH - 8;
            let value = format!("{}\"x\"{}", "[".repeat(depth), "]".repeat(depth));
            let st: Vec<String> = (0..n)
                .map(|i| {
                    format!("{{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:*:b{i}/*\", \"Condition\": {{\"StringEquals\": {{\"acs:UserAgent\": {value}}}}}}}")
                })
                .collect();
            format!("{{\"Version\": \"1\", \"Statement\": [{}]}}", st.join(", "))
        }
        "nesting past the limit" => {
            format!("{{\"Version\": \"1\", \"Statement\": {}", "[".repeat(n))
        }
        _ => {
            // "long wildcard": one resource pattern of many `*`, compared with a long request.
            let pattern = "a*".repeat(n);
            format!(
                "{{\"Version\": \"1\", \"Statement\": [{{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:*:{pattern}b\"}}]}}"
            )
        }
    }
}

type Entry = (&'static str, fn(&str, usize));

fn entries() -> Vec<Entry> {
    vec![
        ("lint", |t, _| {
            let _ = lint(t, &LintOptions::default());
        }),
        ("explain", |t, _| {
            let _ = explain::explain(t, PolicyKind::Permission, Lang::En);
        }),
        ("simulate", |t, n| {
            let resource = format!("acs:oss:*:*:{}c", "a".repeat(n));
            let request =
                Request::new("oss:GetObject", resource).with_context("acs:SourceIp", "10.0.0.1");
            let _ = ramplan_core::simulate(&[PolicySource::new("p", t)], &request, Lang::En);
        }),
        ("format", |t, _| {
            let _ = format::format(t, Lang::En);
        }),
        ("builder sync", |t, _| {
            if let Ok(doc) = builder::from_json(t) {
                let _ = builder::to_json(&doc);
            }
        }),
        ("convert (tf)", |t, _| {
            let options = export::ConvertOptions::default();
            let _ = export::convert(t, &options, export::Format::Terraform);
        }),
    ]
}

/// The fastest of three runs, and how far resident memory rose above where it started.
fn measure(entry: fn(&str, usize), text: &str, n: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut peak = 0;
    for _ in 0..3 {
        let before = rss().unwrap_or(0);
        reset_peak();
        let start = Instant::now();
        entry(text, n);
        best = best.min(start.elapsed());
        peak = peak.max(peak_rss().unwrap_or(0).saturating_sub(before));
    }
    (best, peak)
}

fn main() {
    let shapes: &[(&str, usize)] = &[
        ("statements", 100),
        ("actions, one line", 1_000),
        ("wildcard actions", 1_000),
        ("duplicate keys", 1_000),
        ("condition values", 1_000),
        ("long wildcard", 100),
        ("deep nesting", 10),
        ("nesting past the limit", 10_000),
    ];
    println!(
        "| shape | entry point | 1x | 10x | 100x | 100x / 10x | ns per byte, 1x / 100x | memory at 100x |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for &(name, base) in shapes {
        let texts: Vec<(usize, String)> = [1, 10, 100]
            .iter()
            .map(|k| (base * k, shape(name, base * k)))
            .collect();
        for (entry_name, entry) in entries() {
            let results: Vec<(Duration, usize)> =
                texts.iter().map(|(n, t)| measure(entry, t, *n)).collect();
            let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
            let ratio = results[2].0.as_secs_f64() / results[1].0.as_secs_f64().max(1e-9);
            let per_byte =
                |i: usize| results[i].0.as_secs_f64() * 1e9 / texts[i].1.len().max(1) as f64;
            println!(
                "| {name} (1x: {base}, {} KB) | {entry_name} | {} | {} | {} | {ratio:.1} | {:.0} / {:.0} | {:.1} MB |",
                texts[0].1.len() / 1024,
                ms(results[0].0),
                ms(results[1].0),
                ms(results[2].0),
                per_byte(0),
                per_byte(2),
                results[2].1 as f64 / 1e6,
            );
        }
    }
}
