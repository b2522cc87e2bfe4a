#!/usr/bin/env bash
# Builds the JavaScript API for embeds (crates/js) into dist/js: ramplan.js (the ES module to
# import) with its TypeScript declarations ramplan.d.ts, the wasm-bindgen glue and .wasm it
# loads, and example.html, a page that embeds it. docs/js-api.md describes the API.
#
#   bash scripts/build-js.sh                    writes dist/js
#   RAMPLAN_DIST=DIR bash scripts/build-js.sh   writes DIR/js
#
# Run from a Trunk hook (TRUNK_STAGING_DIR set), it writes into Trunk's staging folder, since
# Trunk replaces dist/ on every build. The optimised module is cached in target/ramplan-js and
# rebuilt only when the compiled .wasm changes, so a second run takes seconds.
#
# Expects the tools from scripts/setup.sh: wasm-bindgen at the Cargo.lock version, wasm-opt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/env.sh
. scripts/env.sh

out="${TRUNK_STAGING_DIR:-${RAMPLAN_DIST:-dist}}/js"
target="${CARGO_TARGET_DIR:-target}"
cache="$target/ramplan-js"

# The same WebAssembly features as the web app's wasm-opt run, read from index.html so the
# two cannot drift.
features="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
if [ -z "$features" ]; then
  echo "build-js: no data-wasm-opt-params in index.html" >&2
  exit 1
fi

echo "build-js: cargo build --profile web -p ramplan-js (wasm32)"
cargo build --profile web --locked --target wasm32-unknown-unknown -p ramplan-js
wasm="$target/wasm32-unknown-unknown/web/ramplan_js.wasm"

stamp="$(cat "$wasm" <(wasm-bindgen --version) <(wasm-opt --version) <(echo "$features") | sha256sum | awk '{print $1}')"
if [ -f "$cache/.stamp" ] && [ "$(cat "$cache/.stamp")" = "$stamp" ]; then
  echo "build-js: module unchanged, reusing $cache"
else
  rm -rf "$cache"
  mkdir -p "$cache"
  echo "build-js: wasm-bindgen --target web"
  # ramplan.d.ts types ramplan.js, the module embeds import; the glue's own declarations
  # would only say `any`.
  wasm-bindgen --target web --no-typescript --out-dir "$cache" "$wasm"
  echo "build-js: wasm-opt -Oz"
  # shellcheck disable=SC2086 # the features are separate flags
  wasm-opt -Oz $features --output "$cache/ramplan_js_bg.opt.wasm" "$cache/ramplan_js_bg.wasm"
  mv "$cache/ramplan_js_bg.opt.wasm" "$cache/ramplan_js_bg.wasm"
  echo "$stamp" >"$cache/.stamp"
fi

rm -rf "$out"
mkdir -p "$out"
cp "$cache/ramplan_js.js" "$cache/ramplan_js_bg.wasm" "$out/"
cp crates/js/js/ramplan.js crates/js/js/ramplan.d.ts "$out/"
cp examples/embed/index.html "$out/example.html"
cp examples/embed/example.js examples/embed/example.css "$out/"
echo "build-js: wrote $out"
