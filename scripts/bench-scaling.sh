#!/usr/bin/env bash
# Time and peak memory of each entry point (lint, explain, simulate, format, builder sync,
# convert) on generated policies of six shapes at 1x, 10x and 100x, in an optimised build:
# a Markdown table whose "100x / 10x" column stays near 10 when nothing is superlinear.
#
#   bash scripts/bench-scaling.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh
cargo run --quiet --profile bench -p ramplan-core --example scaling
