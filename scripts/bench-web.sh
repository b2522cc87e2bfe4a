#!/usr/bin/env bash
# How long the page takes from a keystroke to what it shows (issue 17): serves a release
# build and runs tests/bench/keystrokes.mjs in headless Chromium, which prints p50, p95 and
# the slowest of 200 edits on the checker (a 6,144-character policy), a filled scenario form
# and the builder with 20 cards; the browser's script, style and layout time per edit (its
# DevTools Protocol metrics, steadier than wall times on a busy machine); and the startup,
# cold and warm, until the checker answers.
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

# shellcheck source=scripts/serve-dist.sh
. scripts/serve-dist.sh
serve_dist "$dist"
RAMPLAN_URL="$served_url" node tests/bench/keystrokes.mjs
