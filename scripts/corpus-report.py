#!/usr/bin/env python3
"""Findings of a `ramplan` binary on the working policies of the real corpus, by kind.

    python3 scripts/corpus-report.py [path/to/ramplan]     (default: target/debug/ramplan)

Reads tests/fixtures/corpus/real/*/manifest.json. Policies extracted from Terraform files are
linted with `--template` when the binary has it (older ones lint the text as it is). Prints a
Markdown table: policies, policies with an error, and findings by severity. Used for the
README's before/after figures; the test suite checks the same corpus itself.
"""

import collections
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests/fixtures/corpus/real"
binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/debug/ramplan")
has_template = "--template" in subprocess.run([binary, "lint", "--help"], capture_output=True,
                                              text=True).stdout
stats = collections.defaultdict(collections.Counter)
for manifest in sorted(CORPUS.glob("*/manifest.json")):
    for entry in json.loads(manifest.read_text()):
        if entry["verdict"] != "working":
            continue
        template = has_template and entry["source"].get("path", "").endswith(".tf")
        cmd = [binary, "lint", "--format", "json"] + (["--template"] if template else [])
        out = subprocess.run(cmd + [str(manifest.parent / entry["file"])], capture_output=True,
                             text=True).stdout
        findings = json.loads(out)["results"][0]["findings"]
        kind = entry["kind"]
        stats[kind]["policies"] += 1
        stats[kind]["with an error"] += any(f["severity"] == "error" for f in findings)
        for f in findings:
            stats[kind][f["severity"]] += 1
columns = ["policies", "with an error", "error", "security", "warning", "suggestion"]
print("| kind | " + " | ".join(columns) + " |")
print("|---|" + "---:|" * len(columns))
for kind in ["permission", "trust", "bucket-policy"]:
    print(f"| {kind} | " + " | ".join(str(stats[kind][c]) for c in columns) + " |")
total = collections.Counter()
for s in stats.values():
    total.update(s)
print("| all | " + " | ".join(str(total[c]) for c in columns) + " |")
