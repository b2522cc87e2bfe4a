# shellcheck shell=bash
# Puts ramplan's pinned build tools first on PATH. Source it: `. scripts/env.sh`.
#   tests/e2e/node_modules/.bin  wasm-opt (binaryen 132 from npm), playwright-core
#   ~/.cargo/bin                 trunk, wasm-bindgen (versions pinned by scripts/setup.sh)
# It changes nothing but these two variables, and adding the same entries twice is harmless.

ramplan_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
export PATH="$ramplan_root/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Every trunk command would otherwise ask crates.io for a newer trunk.
export TRUNK_SKIP_VERSION_CHECK=true
unset ramplan_root
