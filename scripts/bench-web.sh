#!/usr/bin/env bash
# How long the page takes from a keystroke to what it shows (issue 17): serves a release
# build and runs tests/bench/keystrokes.mjs in headless Chromium, which prints p50, p95 and
# the slowest of 200 edits on the checker (a 6,144-character policy), a filled scenario form
# and the builder with 20 cards; and the startup, cold and warm, until the checker answers.
#
#   bash scripts/bench-web.sh [DIST_DIR]    default dist/, built first when it is missing
#
# RAMPLAN_BENCH_EDITS=N changes the number of edits. Expects the tools from scripts/setup.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/env.sh
. scripts/env.sh
dist="${1:-dist}"
if [[ ! -f "$dist/index.html" ]]; then
  trunk build --release --dist "$dist"
fi

log="$(mktemp)"
python3 -u -m http.server --bind 127.0.0.1 --directory "$dist" 0 >"$log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
port=""
for _ in $(seq 100); do
  port="$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$log")"
  if [[ -n "$port" ]]; then break; fi
  sleep 0.1
done
if [[ -z "$port" ]]; then
  echo "bench-web: the server did not start" >&2
  exit 1
fi
RAMPLAN_URL="http://127.0.0.1:$port/" node tests/bench/keystrokes.mjs
