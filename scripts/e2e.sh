#!/usr/bin/env bash
# Builds the release web app into dist/, serves it on a free loopback port and runs the
# browser tests in tests/e2e against it. Exits non-zero when the build or any test fails.
#
#   bash scripts/e2e.sh                        screenshots go to target/e2e-screenshots
#   bash scripts/e2e.sh --update-screenshots   screenshots go to docs/screenshots
#   bash scripts/e2e.sh tests/e2e/share.test.mjs   only these test files
#
# RAMPLAN_DIST=DIR builds and serves DIR instead of dist/ (so two runs can share a checkout).
#
# Expects the tools from scripts/setup.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

files=()
for arg in "$@"; do
  case "$arg" in
    --update-screenshots) export RAMPLAN_SCREENSHOTS_DIR=docs/screenshots ;;
    tests/e2e/*.test.mjs) files+=("$arg") ;;
    *)
      echo "usage: scripts/e2e.sh [--update-screenshots] [tests/e2e/NAME.test.mjs ...]" >&2
      exit 2
      ;;
  esac
done
if ((${#files[@]} == 0)); then files=(tests/e2e/); fi
dist="${RAMPLAN_DIST:-dist}"

# shellcheck source=scripts/env.sh
. scripts/env.sh

echo "e2e: trunk build --release"
# Trunk's post-build hook (Trunk.toml) also writes ramplan-offline.html and js/ into it.
trunk build --release --dist "$dist"

# shellcheck source=scripts/serve-dist.sh
. scripts/serve-dist.sh
serve_dist "$dist"

echo "e2e: serving $dist at $served_url"
# RAMPLAN_DIST_DIR: the build itself, for the test that opens ramplan-offline.html from disk.
RAMPLAN_URL="$served_url" RAMPLAN_DIST_DIR="$(cd "$dist" && pwd)" node --test --test-timeout=120000 "${files[@]}"
