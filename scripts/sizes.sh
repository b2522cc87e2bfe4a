#!/usr/bin/env bash
# Prints the size of everything the web page loads, raw and gzip -9, as a Markdown table
# for the README. Measures an existing build (dist/ unless told) and builds one if there is none.
#
#   bash scripts/sizes.sh [DIST_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dist="${1:-dist}"
if [ ! -f "$dist/index.html" ]; then
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
