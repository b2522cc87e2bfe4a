#!/usr/bin/env python3
"""Trunk post_build hook: move inline <script> bodies out of the built HTML into files.

ramplan's Content-Security-Policy allows scripts only from the page's own origin
(`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline', no hashes). Trunk 0.21 always
writes the wasm loader (and, under `trunk serve`, its live-reload client) as an inline
<script>; trunk-rs/trunk#288 asks for an option to avoid that and is still open. This hook
writes each inline body to `boot-<hash>.js` next to the HTML, references it by `src` with a
sub-resource integrity hash, and keeps every other attribute (`type="module"` stays a module,
so top-level `await` and the loader's imports work unchanged).

It also drops `integrity` from `<link rel="preload" as="fetch">` (Trunk's wasm preload):
Chromium ignores it for that destination and logs a warning on every load
(crbug.com/981419), which would hide real console problems.

It then refuses the build if anything the policy would block is left: an inline script,
an inline event handler, a <style> element or a `style` attribute. Better a failed build
than a page that dies silently in the browser.

Trunk runs hooks with TRUNK_STAGING_DIR (the finished build, before it is moved to dist/)
and TRUNK_PUBLIC_URL set. Standard library only.
"""

import base64
import hashlib
import os
import re
import sys

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
HAS_SRC = re.compile(r"\bsrc\s*=", re.I)
# What a strict CSP blocks besides inline scripts. Matched on tags only, not text.
TAG = re.compile(r"<[a-zA-Z][^>]*>")
BLOCKED_IN_TAG = re.compile(r"\s(?:style|on[a-z]+)\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
FETCH_PRELOAD = re.compile(r"<link\b[^>]*\bas=\"fetch\"[^>]*>", re.I)
INTEGRITY = re.compile(r"\s+integrity=\"[^\"]*\"", re.I)


def externalize(html, staging_dir, public_url):
    written = []

    def replace(match):
        attrs, body = match.group("attrs"), match.group("body")
        if HAS_SRC.search(attrs) or not body.strip():
            return match.group(0)
        data = body.strip().encode("utf-8") + b"\n"
        name = "boot-%s.js" % hashlib.sha256(data).hexdigest()[:16]
        with open(os.path.join(staging_dir, name), "wb") as out:
            out.write(data)
        written.append(name)
        integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
        return '<script%s src="%s%s" integrity="%s"></script>' % (
            attrs.rstrip(),
            public_url,
            name,
            integrity,
        )

    html = SCRIPT.sub(replace, html)
    html = FETCH_PRELOAD.sub(lambda match: INTEGRITY.sub("", match.group(0)), html)
    return html, written


def csp_problems(html):
    problems = []
    for match in SCRIPT.finditer(html):
        if not HAS_SRC.search(match.group("attrs")) and match.group("body").strip():
            problems.append("inline <script> left in the page")
    for tag in TAG.findall(html):
        if BLOCKED_IN_TAG.search(tag):
            problems.append("inline style or event handler: %s" % tag[:120])
    if STYLE_ELEMENT.search(html):
        problems.append("<style> element (put CSS in a stylesheet)")
    return problems


def main():
    staging_dir = os.environ.get("TRUNK_STAGING_DIR")
    if not staging_dir:
        sys.exit("externalize_scripts: TRUNK_STAGING_DIR is not set; run me as a Trunk hook")
    public_url = os.environ.get("TRUNK_PUBLIC_URL") or "/"
    if not public_url.endswith("/"):
        public_url += "/"
    html_name = sys.argv[1] if len(sys.argv) > 1 else "index.html"
    html_path = os.path.join(staging_dir, html_name)
    with open(html_path, encoding="utf-8") as source:
        html = source.read()
    html, written = externalize(html, staging_dir, public_url)
    problems = csp_problems(html)
    if problems:
        for problem in problems:
            print("externalize_scripts: %s" % problem, file=sys.stderr)
        sys.exit("externalize_scripts: %s would be blocked by the page's CSP" % html_name)
    with open(html_path, "w", encoding="utf-8") as out:
        out.write(html)
    for name in written:
        print("externalize_scripts: inline script -> %s" % name)


if __name__ == "__main__":
    main()
