#!/usr/bin/env bash
# Where the page's WebAssembly bytes go, for deciding what to cut and for writing down what a
# cut saved. Builds crates/web the way Trunk does (the `web` profile) but keeps function names,
# runs wasm-bindgen, then prints:
#   1. the size after `wasm-opt -Oz`, raw and gzip -9 (what `scripts/sizes.sh` measures);
#   2. code by family: every copy of one generic function counted together (hashes and type
#      arguments removed), with how many copies there are, the largest families first;
#   3. code by ramplan module, and the constant data (text and tables).
# Installs twiggy 0.8.0 from crates.io when it is missing.
#
#   bash scripts/wasm-top.sh [ROWS]        (default 30 rows per table)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh
rows="${1:-30}"

if ! command -v twiggy >/dev/null; then
  echo "wasm-top: installing twiggy 0.8.0" >&2
  cargo install --locked --version 0.8.0 twiggy >&2
fi

out=target/wasm-top
target_dir=target/wasm-names
CARGO_TARGET_DIR=$target_dir CARGO_PROFILE_WEB_STRIP=false \
  cargo build -q --profile web --target wasm32-unknown-unknown -p ramplan-web
rm -rf "$out"
wasm-bindgen --target web --keep-debug --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/web/ramplan-web.wasm"
# The same wasm-opt step as index.html asks Trunk for.
wasm-opt -Oz --enable-bulk-memory --enable-multivalue --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
  --strip-debug "$out/ramplan-web_bg.wasm" -o "$out/optimized.wasm"
echo "after wasm-opt -Oz: $(wc -c <"$out/optimized.wasm") B raw, $(gzip -9 -c "$out/optimized.wasm" | wc -c) B gzip -9"
echo "(the tables below count the build before wasm-opt, with its names; wasm-opt shrinks each part)"

twiggy top -n 1000000 --format csv "$out/ramplan-web_bg.wasm" >"$out/top.csv"
python3 - "$out/top.csv" "$rows" <<'EOF'
import collections, csv, re, sys

path, rows = sys.argv[1], int(sys.argv[2])
families, copies, modules = collections.Counter(), collections.Counter(), collections.Counter()
data = code = 0
for row in csv.DictReader(open(path)):
    name, size = row["Name"], int(row["ShallowSize"])
    if name.startswith("custom section") or "function names" in name:
        continue  # names and debug info: wasm-opt and the release build remove them
    if name.startswith("data segment"):
        data += size
        continue
    code += size
    family = re.sub(r"::h[0-9a-f]{16}$", "", name)
    family = re.sub(r"\[[0-9a-f]+\]", "", family)
    for _ in range(6):
        family = re.sub(r"<[^<>]*>", "<>", family)
    families[family] += size
    copies[family] += 1
    owner = re.search(r"ramplan_(\w+)::(\w+)", name)
    if owner:
        modules["ramplan_%s::%s" % owner.groups()] += size
    else:
        crate = re.match(r"[<&*\s]*(?:dyn )?([a-z_0-9]+)", name)
        modules[crate.group(1) if crate else "other"] += size

print(f"\ncode {code} B, constant data {data} B\n")
print("| bytes | copies | function family |\n|---:|---:|---|")
for family, size in families.most_common(rows):
    print(f"| {size} | {copies[family]} | `{family[:110]}` |")
print("\n| bytes | module or crate (code only) |\n|---:|---|")
for module, size in modules.most_common(rows):
    print(f"| {size} | `{module}` |")
EOF
