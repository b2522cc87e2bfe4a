#!/usr/bin/env python3
"""Writes crates/core/data/catalogue.tsv, the generated part of ramplan's catalogue.

    python3 scripts/gen-catalogue.py --meta /path/to/aliyun-openapi-meta \
        [--levels /path/to/acs-metadata] [--date YYYY-MM-DD]

--meta is a clone (or bare git directory) of https://github.com/aliyun/aliyun-openapi-meta
(Apache-2.0). Only its metadatas/products.json is read, at HEAD: the API names of every
product and version. --levels is a clone of https://github.com/dew-serverless/acs-metadata
(MIT), a weekly mirror of Alibaba Cloud's OpenMeta API metadata: only each API's
`systemTags.operationType` (get, list, create, update, delete) is read, as the API's access
level where the RAM authorization page gives none. The RAM side (which products form which RAM code, how sure that is,
resource types, condition keys, authorization-page actions) comes from the research files in
crates/core/data/sources: curated-products.json for the 19 hand-curated services and one
services/<ram_code>.json per other service, each fact with its source.

The output is deterministic for the same inputs and date. It needs no network. The format is
described in crates/core/src/catalogue/generated.rs; docs/catalogue.md says how to refresh it.
"""

import argparse
import datetime
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ROOT / "crates/core/data/sources"
OUT = ROOT / "crates/core/data/catalogue.tsv"

API_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
ACTION_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
RAM_CODE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KEY_TYPES = {"string": "String", "number": "Number", "numeric": "Number", "date": "Date",
             "boolean": "Boolean", "bool": "Boolean", "ip": "Ip", "ipaddress": "Ip"}
LEVELS = {"create", "list", "get", "update", "delete", "read", "write"}
SERVICES_LIST = ("https://www.alibabacloud.com/help/en/ram/user-guide/services-that-work-with-ram"
                 " (RAM code column; stored copy, search index file id 59308100466)")
BASES = {"authorization-page", "documentation", "published-policy", "unconfirmed"}
NAMINGS = {"api-names", "differs", "unknown"}


def fail(message):
    print(f"gen-catalogue: {message}", file=sys.stderr)
    sys.exit(1)


def git(meta, *args):
    return subprocess.run(["git", "-C", str(meta), *args], check=True, capture_output=True,
                          text=True).stdout


def clean(text):
    """One line of text, no tabs: the format's field separator."""
    return " ".join(str(text or "").split())


def normalise_arn(arn):
    """Writes every variable of an ARN pattern as {#Name}: pages use {#regionId}, older pages
    $regionid, <region>, {RegionId} or %s."""
    arn = clean(arn).replace("\\*", "*")
    arn = re.sub(r"\{#?([A-Za-z0-9_]+)\}", r"{#\1}", arn)
    arn = re.sub(r"\$\{?([A-Za-z][A-Za-z0-9_]*)\}?", r"{#\1}", arn)
    arn = re.sub(r"<([A-Za-z][A-Za-z0-9_ -]*)>", lambda m: "{#" + m.group(1).replace(" ", "") + "}", arn)
    arn = arn.replace("%s", "{#value}")
    return arn


def read_products(meta):
    commit = git(meta, "rev-parse", "HEAD").strip()
    date = git(meta, "log", "-1", "--format=%cs", "HEAD").strip()
    products = json.loads(git(meta, "show", "HEAD:metadatas/products.json"))["products"]
    apis = {}
    for p in products:
        names = apis.setdefault(p["code"], set())
        for name in p.get("apis") or []:
            if not API_NAME.match(name):
                fail(f"product {p['code']}: unexpected API name {name!r}")
            names.add(name)
    return commit, date, apis


LEVEL_CODES = {"create": "c", "list": "l", "get": "g", "update": "u", "delete": "d"}


def read_levels(levels_dir):
    """{product code lowercased: {api name: level code}} from acs-metadata's api-docs.json."""
    commit = git(levels_dir, "rev-parse", "HEAD").strip()
    date = git(levels_dir, "log", "-1", "--format=%cs", "HEAD").strip()
    out = {}
    for path in git(levels_dir, "ls-tree", "-r", "--name-only", "HEAD", "en_us").splitlines():
        parts = path.split("/")
        if len(parts) != 4 or parts[3] != "api-docs.json":
            continue
        try:
            doc = json.loads(git(levels_dir, "show", "HEAD:" + path))
        except subprocess.CalledProcessError:
            # A copy may lack its largest files; those products keep verb-derived levels.
            print(f"gen-catalogue: {path} is not readable in {levels_dir}; skipped", file=sys.stderr)
            continue
        table = out.setdefault(parts[1].lower(), {})
        for name, api in (doc.get("apis") or {}).items():
            level = LEVEL_CODES.get(((api.get("systemTags") or {}).get("operationType") or "").lower())
            if level:
                table.setdefault(name, level)
    return commit, date, out


def load_research(apis):
    """Every service entry: the curated mapping first, then the research files."""
    entries = {}
    curated = json.loads((SOURCES / "curated-products.json").read_text())
    for c in curated["services"]:
        entries[c["ram_code"]] = {
            "ram_code": c["ram_code"],
            "products": c["products"] if c["feed"] else [],
            "code_basis": c["basis"],
            "code_source": c["source"],
            "action_naming": "api-names" if c["feed"] else "differs",
            "resource_types": c.get("resource_types", []),
            "curated": True,
        }
    for path in sorted((SOURCES / "services").glob("*.json")):
        entry = json.loads(path.read_text())
        code = entry.get("ram_code", "")
        if path.stem != code:
            fail(f"{path.name}: ram_code {code!r} does not match the file name")
        if code in entries:
            if entries[code].get("curated"):
                continue  # curated services take precedence; their mapping is above
            fail(f"{path.name}: {code} is described twice")
        entries[code] = entry
    # The RAM documentation's list of services: every code it names is catalogued, and it
    # confirms codes the research files could only guess.
    listed = {}
    for line in (SOURCES / "ram-services-list.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, service, sub, _granularity = line.split("\t")
        listed.setdefault(code, (service, sub))
    for code, (service, sub) in sorted(listed.items()):
        name = service if sub.startswith("-") or sub == service else f"{service}: {sub}"
        entry = entries.get(code)
        if entry is None:
            entries[code] = {"ram_code": code, "products": [], "name_en": name,
                             "code_basis": "documentation", "code_source": SERVICES_LIST,
                             "action_naming": "unknown"}
        elif entry.get("code_basis") == "unconfirmed":
            entry["code_basis"] = "documentation"
            entry["code_source"] = SERVICES_LIST
    for code, e in entries.items():
        if not RAM_CODE.match(code):
            fail(f"{code}: not a RAM code")
        if e.get("code_basis") not in BASES:
            fail(f"{code}: code_basis must be one of {sorted(BASES)}")
        if not e.get("code_source"):
            if e.get("code_basis") != "unconfirmed":
                fail(f"{code}: no code_source")
            products = ", ".join(e.get("products") or []) or "none"
            e["code_source"] = ("no source states this code: the candidate is the lowercased API "
                                f"metadata product code (products: {products})")
        for product in e.get("products", []):
            if product not in apis:
                fail(f"{code}: product {product!r} is not in the API metadata")
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meta", required=True, help="aliyun-openapi-meta clone or bare git dir")
    parser.add_argument("--levels", help="dew-serverless/acs-metadata clone or bare git dir")
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()

    commit, meta_date, apis = read_products(args.meta)
    levels_commit, levels_date, levels = read_levels(args.levels) if args.levels else ("", "", {})
    entries = load_research(apis)

    sources = []
    source_index = {}

    def src(url):
        url = clean(url) or "unknown"
        if url not in source_index:
            source_index[url] = len(sources)
            sources.append(url)
        return str(source_index[url])

    body = []
    for code in sorted(entries, key=str.lower):
        e = entries[code]
        naming = e.get("action_naming") or "unknown"
        if naming not in NAMINGS:
            fail(f"{code}: action_naming must be one of {sorted(NAMINGS)}")
        arn_services = [clean(a) for a in e.get("arn_services") or [code]]
        body.append("\t".join(["S", code, e["code_basis"], clean(e.get("name_en")) or code,
                               clean(e.get("name_zh")) or clean(e.get("name_en")) or code,
                               ",".join(arn_services), src(e["code_source"]), naming]))
        seen_types = set()
        for r in e.get("resource_types") or []:
            name = clean(r.get("type"))
            arn = normalise_arn(r.get("arn", ""))
            if not name or not arn.startswith("acs:") or (name, arn) in seen_types:
                continue
            seen_types.add((name, arn))
            body.append("\t".join(["R", name, arn, src(r.get("source") or e["code_source"])]))
        seen_keys = set()
        for k in e.get("condition_keys") or []:
            key = clean(k.get("key"))
            kind = KEY_TYPES.get(clean(k.get("type")).lower().replace(" ", ""))
            if not key or ":" not in key or kind is None or key.lower() in seen_keys:
                continue
            seen_keys.add(key.lower())
            body.append("\t".join(["K", key, kind, src(k.get("source") or e["code_source"])]))
        seen_actions = set()
        for a in sorted(e.get("actions") or [], key=lambda a: clean(a.get("name")).lower()):
            name = clean(a.get("name"))
            if ":" in name:
                prefix, name = name.split(":", 1)
                if prefix.lower() != code:
                    continue
            if not ACTION_NAME.match(name) or name.lower() in seen_actions:
                continue
            seen_actions.add(name.lower())
            level = clean(a.get("level")).lower()
            types = ",".join(clean(t) for t in a.get("resource_types") or [] if clean(t))
            body.append("\t".join(["P", name, level if level in LEVELS else "unknown", types,
                                   src(a.get("source") or e["code_source"])]))
        if naming != "differs":
            for product in sorted(e.get("products") or [], key=str.lower):
                names = sorted(apis[product], key=lambda n: (n.lower(), n))
                table = levels.get(product.lower(), {})
                coded = [n + ("=" + table[n] if n in table else "") for n in names]
                if coded:
                    body.append("A\t" + product + "\t" + " ".join(coded))

    header = [
        "# ramplan catalogue, generated by scripts/gen-catalogue.py: do not edit by hand.",
        "# Format: crates/core/src/catalogue/generated.rs. Sources: docs/catalogue.md.",
        "V\t1",
        "D\t" + args.date,
        "M\taliyun/aliyun-openapi-meta\t" + commit + "\t" + meta_date,
    ] + (["L\tdew-serverless/acs-metadata\t" + levels_commit + "\t" + levels_date]
         if args.levels else []) + ["U\t" + url for url in sources]
    pathlib.Path(args.out).write_text("\n".join(header + body) + "\n")
    services = sum(1 for line in body if line.startswith("S\t"))
    names = [n for line in body if line.startswith("A\t") for n in line.split("\t")[2].split(" ")]
    with_level = sum(1 for n in names if "=" in n)
    print(f"gen-catalogue: {services} services, {len(names)} API names ({with_level} with an "
          f"access level), {len(sources)} sources -> {args.out}")


if __name__ == "__main__":
    main()
