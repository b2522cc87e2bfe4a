#!/usr/bin/env bash
# Builds the web app in release mode and serves it at http://127.0.0.1:8080, rebuilding on
# changes (reload the tab yourself). Live reload is off: Trunk's reload client is an inline
# script whose address Trunk fills in while serving, which the page's CSP rightly blocks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080 "$@"
