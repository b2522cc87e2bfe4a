#!/usr/bin/env bash
# Runs every ramplan test on a machine of this kind, installing what is missing first:
# formatting, clippy (native and wasm32), unit/fixture/snapshot/CLI tests, the wasm build of
# core and web, end-to-end tests in headless Chromium, and shellcheck on the scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

passed=0
failed=0
failures=()
step() {
  local name=$1
  shift
  echo
  echo "==> ${name}"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("${name}")
  fi
}

step "rustfmt" cargo fmt --all --check
step "clippy (native)" cargo clippy --workspace --exclude ramplan-web --all-targets --locked -- -D warnings
step "clippy (web unit tests, native)" cargo clippy -p ramplan-web --tests --locked -- -D warnings
step "clippy (wasm32)" cargo clippy -p ramplan-core -p ramplan-web -p ramplan-js --target wasm32-unknown-unknown --locked -- -D warnings
step "cargo test" cargo test --workspace --locked
step "core builds for wasm32" cargo build -p ramplan-core --target wasm32-unknown-unknown --locked
step "web build and end-to-end tests (headless Chromium)" bash scripts/e2e.sh
step "size budgets (scripts/size-budgets.tsv)" bash scripts/sizes.sh --check dist
step "pre-commit hooks (the real pre-commit, on a throwaway repository)" bash scripts/test-pre-commit.sh
step "shellcheck" shellcheck scripts/*.sh .ci/run

echo
if ((failed > 0)); then
  printf 'failed step: %s\n' "${failures[@]}"
fi
echo "steps: ${passed} passed, ${failed} failed"
((failed == 0))
