#!/usr/bin/env bash
# Installs what building and testing ramplan needs on a fresh Debian 12 machine (as root),
# each piece only when it is missing or at the wrong version, so a second run takes seconds.
#
#   bash scripts/setup.sh      or      . scripts/setup.sh
#
# Safe to source: the work runs in a subshell, so it changes neither your shell's options
# nor its directory, and it exports nothing. For PATH and TRUNK_SKIP_VERSION_CHECK, source
# scripts/env.sh afterwards.

_ramplan_setup() (
  set -euo pipefail

  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  cd "$root"
  cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  export PATH="$cargo_bin:$PATH"

  step() { printf 'setup: %s\n' "$*"; }

  # 1. The WebAssembly target for rustc.
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rust target wasm32-unknown-unknown: present"
  else
    step "rust target wasm32-unknown-unknown: adding"
    rustup target add wasm32-unknown-unknown
  fi

  # 2. Debian packages: the browser and driver for tests, shellcheck for these scripts, and
  #    a small CJK font so headless screenshots of the Chinese page show characters, not
  #    boxes (people's own machines have one already; the page ships no fonts).
  #    Debian's binaryen is too old for rustc's output; wasm-opt comes from npm (step 4).
  packages=(chromium chromium-driver shellcheck fonts-wqy-microhei)
  missing=()
  for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    step "apt packages ${packages[*]}: present"
  else
    step "apt packages: installing ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi

  # 3. trunk, and the wasm-bindgen CLI at exactly the crate version in Cargo.lock.
  cargo_tool() { # binary crate version
    local binary="$1" crate="$2" version="$3" found=""
    if [ -x "$cargo_bin/$binary" ]; then
      found="$("$cargo_bin/$binary" --version 2>/dev/null | awk '{print $2}')"
    fi
    if [ "$found" = "$version" ]; then
      step "$crate $version: present"
    else
      step "$crate $version: installing (found '${found:-none}'; takes minutes on 2 cores)"
      cargo install "$crate" --version "$version" --locked
    fi
  }
  cargo_tool trunk trunk 0.21.14
  bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
  if [ -z "$bindgen_version" ]; then
    echo "setup: no wasm-bindgen in Cargo.lock" >&2
    exit 1
  fi
  cargo_tool wasm-bindgen wasm-bindgen-cli "$bindgen_version"

  # 4. wasm-opt (binaryen) and playwright-core, from tests/e2e/package-lock.json.
  if ! command -v npm >/dev/null; then
    echo "setup: npm is missing; install Node.js 20 or newer" >&2
    exit 1
  fi
  lock_sum="$(sha256sum tests/e2e/package-lock.json | awk '{print $1}')"
  stamp=tests/e2e/node_modules/.ramplan-lock-sha256
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
    step "npm packages in tests/e2e: up to date"
  else
    step "npm packages in tests/e2e: npm ci"
    (cd tests/e2e && npm ci --no-audit --no-fund)
    echo "$lock_sum" >"$stamp"
  fi

  # 5. Every crate, so trunk's offline cargo build finds them.
  step "crates: cargo fetch --locked"
  cargo fetch --locked

  step "done. Now: . scripts/env.sh"
)

if (return 0 2>/dev/null); then
  # Sourced: report the outcome without leaving anything behind in the caller's shell.
  if _ramplan_setup; then
    unset -f _ramplan_setup
    return 0
  else
    unset -f _ramplan_setup
    return 1
  fi
fi
_ramplan_setup
