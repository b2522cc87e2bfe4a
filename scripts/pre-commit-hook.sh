#!/usr/bin/env bash
# The `ramplan` pre-commit hook (.pre-commit-hooks.yaml): builds the ramplan command line from
# the checkout this script is in, then lints the files pre-commit passes. Files that hold no
# policy (package.json, a Kubernetes manifest) are skipped. Set RAMPLAN to a ramplan binary to
# use it instead of building; CARGO_TARGET_DIR is honoured, so a build can be shared.
set -euo pipefail
hook_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${RAMPLAN:-}" ]]; then
  ramplan="$RAMPLAN"
else
  target="${CARGO_TARGET_DIR:-$hook_repo/target}"
  cargo build --quiet --locked -p ramplan-cli --manifest-path "$hook_repo/Cargo.toml" --target-dir "$target"
  ramplan="$target/debug/ramplan"
fi
exec "$ramplan" lint --skip-unrecognized "$@"
