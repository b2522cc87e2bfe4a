#!/usr/bin/env bash
# Fuzzes every api entry point for SECONDS (default 60) with a fresh seed, in an optimised
# build: mutants of every fixture, each call on a 1 MiB stack under catch_unwind and a time
# limit (crates/core/tests/fuzz.rs). The first input of each distinct failure goes to
# target/fuzz-findings/; copy it to tests/fixtures/fuzz/ once fixed, so it is replayed.
#
#   bash scripts/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-60}"
case "$seconds" in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [SEED]" >&2; exit 2 ;; esac
export RAMPLAN_FUZZ_SECONDS="$seconds"
if [ -n "${2:-}" ]; then export RAMPLAN_FUZZ_SEED="$2"; fi
# shellcheck source=scripts/env.sh
. scripts/env.sh
exec cargo test --profile bench -p ramplan-core --test fuzz -- --ignored --nocapture fuzz_for_a_while
