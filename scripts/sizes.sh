#!/usr/bin/env bash
# Prints the size of everything the web page loads, raw and gzip -9, as a Markdown table
# for the README. Measures an existing build (dist/ unless told) and builds one if there is none.
# With --check it also fails (exit 1) when a file weighs more than scripts/size-budgets.tsv
# allows, so the weight cannot creep back; the test command runs it on the e2e build.
#
#   bash scripts/sizes.sh [--check] [DIST_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

check=false
if [[ "${1:-}" == --check ]]; then
  check=true
  shift
fi
dist="${1:-dist}"
if [ ! -f "$dist/index.html" ]; then
  if $check; then
    echo "sizes: no build in $dist to check (run scripts/e2e.sh or trunk build --release first)" >&2
    exit 2
  fi
  # shellcheck source=scripts/env.sh
  . scripts/env.sh
  trunk build --release --dist "$dist" >&2
fi

# The page loads index.html and every file it references; dist/ holds exactly those, and
# ramplan-offline.html, the single-file build.
total_raw=0
total_gzip=0
echo "| file | raw bytes | gzip -9 bytes |"
echo "|---|---:|---:|"
while IFS= read -r file; do
  raw=$(wc -c <"$file")
  zipped=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + zipped))
  # Trunk's content hashes change with every build; the README names the kind of file.
  name=$(basename "$file" | sed -E 's/-[0-9a-f]{16}//')
  echo "| \`$name\` | $raw | $zipped |"
done < <(find "$dist" -maxdepth 1 -type f ! -name ramplan-offline.html ! -name catalogue.tsv | LC_ALL=C sort)
echo "| **first load** | **$total_raw** | **$total_gzip** |"
# The generated service catalogue is fetched once the app has started, not before it works.
catalogue="$dist/catalogue.tsv"
if [ -f "$catalogue" ]; then
  echo "| \`catalogue.tsv\` (fetched after start) | $(wc -c <"$catalogue") | $(gzip -9 -c "$catalogue" | wc -c) |"
fi
# The single-file build sits beside the page but is never loaded by it: shown apart.
offline="$dist/ramplan-offline.html"
if [ -f "$offline" ]; then
  echo "| \`ramplan-offline.html\` (single file, not loaded by the page) | $(wc -c <"$offline") | $(gzip -9 -c "$offline" | wc -c) |"
fi

$check || exit 0
# The budgets: a name (`first-load`, or a file in the build) and its most gzip -9 bytes.
over=0
while IFS=$'\t' read -r name budget; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if [[ "$name" == first-load ]]; then
    size=$total_gzip
  elif [[ -f "$dist/$name" ]]; then
    size=$(gzip -9 -c "$dist/$name" | wc -c)
  else
    echo "sizes: $name is missing from $dist" >&2
    over=1
    continue
  fi
  if ((size > budget)); then
    echo "sizes: $name is $size B gzip, over its budget of $budget B (scripts/size-budgets.tsv)" >&2
    over=1
  else
    echo "sizes: $name $size B gzip, within its budget of $budget B"
  fi
done <scripts/size-budgets.tsv
exit "$over"
