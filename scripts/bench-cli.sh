#!/usr/bin/env bash
# `ramplan lint --format json` over many real policies, side by side with `jq -c .` merely
# reading the same files, in one run (issue 17):
#
#   bash scripts/bench-cli.sh [COUNT] [RUNS]     default 10000 files, 5 runs each
#
# The files are the real policies of tests/fixtures/corpus/real that are JSON (jq stops at
# the first file it cannot parse), copied round-robin
# under target/bench-cli/ until there are COUNT of them. Each command runs RUNS times,
# alternating, after one warm-up run each; the table gives the median and the fastest wall
# time. Needs jq (Debian's package); builds the CLI with the release profile.
# RAMPLAN_BEFORE=PATH adds a row for another ramplan binary (an earlier build), timed in the
# same runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

count="${1:-10000}"
runs="${2:-5}"
command -v jq >/dev/null || {
  echo "bench-cli: jq is needed (apt-get install jq)" >&2
  exit 2
}

echo "bench-cli: cargo build --release -p ramplan-cli" >&2
cargo build --quiet --release --locked -p ramplan-cli
target="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
ramplan="$target/release/ramplan"

dir="$target/bench-cli/policies-$count"
if [[ ! -f "$dir/.complete" ]]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  # Only the files jq reads (jq stops at the first file it cannot parse).
  mapfile -d '' all < <(find tests/fixtures/corpus/real -name '*.json' ! -name manifest.json -print0 | sort -z)
  sources=()
  for f in "${all[@]}"; do
    if jq -e . "$f" >/dev/null 2>&1; then sources+=("$f"); fi
  done
  for ((i = 0; i < count; i++)); do
    cp "${sources[i % ${#sources[@]}]}" "$(printf '%s/%05d.json' "$dir" "$i")"
  done
  touch "$dir/.complete"
fi
bytes="$(find "$dir" -name '*.json' -print0 | xargs -0 cat | wc -c)"
files=("$dir"/*.json)

# Wall time of one run in milliseconds; output goes to /dev/null, the exit status is ignored
# (lint exits 1 when a policy has errors).
time_ms() {
  local start end
  start="$(date +%s%N)"
  "$@" >/dev/null 2>&1 || true
  end="$(date +%s%N)"
  echo $(((end - start) / 1000000))
}

stats() {
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d\n", m, v[1] }'
}

jq_cmd=(jq -c . "${files[@]}")
lint_cmd=("$ramplan" lint --format json "${files[@]}")
before="${RAMPLAN_BEFORE:-}"
before_cmd=("$before" lint --format json "${files[@]}")
time_ms "${jq_cmd[@]}" >/dev/null
time_ms "${lint_cmd[@]}" >/dev/null
[[ -n "$before" ]] && time_ms "${before_cmd[@]}" >/dev/null
jq_times=()
lint_times=()
before_times=()
for ((r = 0; r < runs; r++)); do
  jq_times+=("$(time_ms "${jq_cmd[@]}")")
  lint_times+=("$(time_ms "${lint_cmd[@]}")")
  [[ -n "$before" ]] && before_times+=("$(time_ms "${before_cmd[@]}")")
done
read -r jq_median jq_best < <(printf '%s\n' "${jq_times[@]}" | stats)
read -r lint_median lint_best < <(printf '%s\n' "${lint_times[@]}" | stats)
out_bytes="$("${lint_cmd[@]}" 2>/dev/null | wc -c || true)"

cores="$(nproc)"
echo
echo "$count policies, $bytes bytes, $cores cores, $runs runs each (ms)"
echo
echo "| command | median | fastest |"
echo "|---|---:|---:|"
echo "| \`jq -c .\` | $jq_median | $jq_best |"
echo "| \`ramplan lint --format json\` | $lint_median | $lint_best |"
if [[ -n "$before" ]]; then
  read -r before_median before_best < <(printf '%s\n' "${before_times[@]}" | stats)
  echo "| \`ramplan lint --format json\` ($before) | $before_median | $before_best |"
fi
echo
awk -v l="$lint_median" -v j="$jq_median" 'BEGIN { printf "lint / jq (median): %.2f\n", l / j }'
awk -v o="$out_bytes" -v i="$bytes" 'BEGIN { printf "JSON output: %d bytes, %.2fx the input\n", o, o / i }'
