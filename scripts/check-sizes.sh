#!/usr/bin/env bash
# Fails when what the page loads weighs more than scripts/size-budgets.tsv allows (gzip -9),
# so the weight cannot creep back. Measures a build made by scripts/e2e.sh or trunk:
#
#   bash scripts/check-sizes.sh [DIST_DIR]     default dist/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dist="${1:-dist}"
if [[ ! -f "$dist/index.html" ]]; then
  echo "check-sizes: no build in $dist (run scripts/e2e.sh or trunk build --release first)" >&2
  exit 2
fi

gz() { gzip -9 -c "$1" | wc -c; }

# The first load: index.html and every file beside it except the two loaded apart.
first_load=0
while IFS= read -r file; do
  first_load=$((first_load + $(gz "$file")))
done < <(find "$dist" -maxdepth 1 -type f ! -name ramplan-offline.html ! -name catalogue.tsv | LC_ALL=C sort)

over=0
while IFS=$'\t' read -r name budget; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  case "$name" in
    first-load) size=$first_load ;;
    *)
      if [[ ! -f "$dist/$name" ]]; then
        echo "check-sizes: $name is missing from $dist" >&2
        over=1
        continue
      fi
      size=$(gz "$dist/$name")
      ;;
  esac
  if ((size > budget)); then
    echo "check-sizes: $name is $size B gzip, over its budget of $budget B (scripts/size-budgets.tsv)" >&2
    over=1
  else
    echo "check-sizes: $name $size B gzip (budget $budget B)"
  fi
done <scripts/size-budgets.tsv
exit "$over"
