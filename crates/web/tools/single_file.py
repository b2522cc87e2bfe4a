#!/usr/bin/env python3
"""Trunk post_build hook: write `ramplan-offline.html`, the whole app in one file.

For teams whose machines have no network: one HTML file that works when opened straight
from disk (`file://`), with no server. A page opened from disk cannot load its neighbours
(module scripts and `fetch` are refused for `file:` URLs), so everything is inlined:

- the style sheets, in one <style> element;
- the wasm-bindgen glue, as the body of one <script type="module">, with its `export`
  statement removed (an inline module is never imported; the init function is called in
  place under its local name);
- the WebAssembly module, base64 in that same script, handed to the glue's init as bytes
  (`module_or_path: bytes`), so the glue never computes a URL or fetches anything;
- the generated service catalogue (`catalogue.tsv`, which the served page fetches), as a
  data block: `<script type="text/plain" id="ramplan-catalogue">`, which browsers never run
  and the CSP therefore does not govern; the app reads its text.

The Content-Security-Policy stays strict: scripts and styles are allowed by the SHA-256 of
their exact text, computed here ('unsafe-inline' is never used), WebAssembly needs
'wasm-unsafe-eval', nothing may be fetched (`connect-src 'none'`), and Trusted Types stay
required, as on the served page.

It reads what Trunk and externalize_scripts.py left in TRUNK_STAGING_DIR (it must run after
that hook: Trunk starts the hooks of one stage concurrently, so Trunk.toml runs the two in
one command) and fails the build when the page does not have the expected shape, rather
than write a file that breaks in the browser. Same build, same bytes. Standard library only.
"""

import base64
import glob
import hashlib
import os
import re
import sys

OUTPUT = "ramplan-offline.html"
CATALOGUE = "catalogue.tsv"

COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
CSP_META = re.compile(
    r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*("\s*/?>)', re.I
)
STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>\s*", re.I)
PRELOAD = re.compile(r"<link\b[^>]*\brel=\"(?:modulepreload|preload)\"[^>]*>\s*", re.I)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>\s*", re.S | re.I)
HREF = re.compile(r"\bhref=\"([^\"]*)\"", re.I)
# What would end or confuse an inline <script> or <style> element early.
SCRIPT_BREAKERS = re.compile(r"</script|<!--|<script", re.I)
STYLE_BREAKERS = re.compile(r"</style", re.I)
# The glue's one export statement: `export { initSync, __wbg_init as default };`.
EXPORT = re.compile(r"^export\s*\{(?P<names>[^}]*)\}\s*;?\s*$", re.M)
STATEMENT_EXPORT_OR_IMPORT = re.compile(r"^\s*(?:export|import)\b(?!\.meta|\()", re.M)


class BuildError(Exception):
    pass


def sha256(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode(
        "ascii"
    )


def local_path(staging_dir, public_url, href):
    """The staged file an absolute or relative href of the built page names."""
    if href.startswith(public_url):
        href = href[len(public_url) :]
    href = href.lstrip("/")
    if not href or "/" in href or href.startswith(".") or ":" in href:
        raise BuildError("unexpected reference `%s` in the built page" % href)
    path = os.path.join(staging_dir, href)
    if not os.path.isfile(path):
        raise BuildError("the built page names `%s`, which is not in the build" % href)
    return path


def read(path):
    with open(path, encoding="utf-8") as source:
        return source.read()


def glue_script(glue, wasm_bytes):
    """The glue as an inline module that starts the app from the embedded bytes."""
    exports = EXPORT.findall(glue)
    if len(exports) != 1:
        raise BuildError("expected one `export { ... };` in the wasm-bindgen glue")
    init = None
    for entry in exports[0].split(","):
        parts = entry.split()
        if len(parts) == 3 and parts[1] == "as" and parts[2] == "default":
            init = parts[0]
    if not init or not re.search(r"\basync function %s\(" % re.escape(init), glue):
        raise BuildError("the wasm-bindgen glue has no default init function")
    body = EXPORT.sub("", glue).rstrip() + "\n"
    leftover = STATEMENT_EXPORT_OR_IMPORT.search(body)
    if leftover:
        raise BuildError(
            "the wasm-bindgen glue has an import or export an inline script cannot keep: %s"
            % body[leftover.start() : leftover.start() + 80].strip()
        )
    encoded = base64.b64encode(wasm_bytes).decode("ascii")
    # The same start as Trunk's loader, with the module given as bytes instead of a URL. In
    # a block, so its names cannot clash with the glue's top-level ones (`wasm` is taken).
    tail = (
        "\n// ramplan-offline: the WebAssembly module, embedded (a file opened from disk\n"
        "// cannot fetch its neighbours), and the start Trunk's loader would do.\n"
        "{\n"
        '  const bytes = Uint8Array.from(atob("%s"), (c) => c.charCodeAt(0));\n'
        "  const wasm = await %s({ module_or_path: bytes });\n"
        '  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));\n'
        "}\n"
    ) % (encoded, init)
    script = body + tail
    if SCRIPT_BREAKERS.search(script):
        raise BuildError("the glue holds text that would end an inline <script> early")
    return script


def single_file(html, staging_dir, public_url):
    # Comments describe the served page (its CSP, its loader file); this file has its own.
    html = COMMENT.sub("", html)
    styles = []
    for link in STYLESHEET.findall(html):
        href = HREF.search(link)
        if not href:
            raise BuildError("a stylesheet link without href: %s" % link.strip())
        styles.append(read(local_path(staging_dir, public_url, href.group(1))).rstrip())
    if not styles:
        raise BuildError("the built page links no style sheet")
    css = "\n".join(styles) + "\n"
    if STYLE_BREAKERS.search(css):
        raise BuildError("the style sheet holds text that would end a <style> element early")

    wasm_files = glob.glob(os.path.join(staging_dir, "*_bg.wasm"))
    if len(wasm_files) != 1:
        raise BuildError("expected one *_bg.wasm in the build, found %d" % len(wasm_files))
    wasm_path = wasm_files[0]
    glue_path = wasm_path[: -len("_bg.wasm")] + ".js"
    if not os.path.isfile(glue_path):
        raise BuildError("no wasm-bindgen glue %s" % os.path.basename(glue_path))
    with open(wasm_path, "rb") as source:
        wasm_bytes = source.read()
    script = glue_script(read(glue_path), wasm_bytes)

    html, replaced = CSP_META.subn(
        lambda m: m.group(1) + csp(script, css) + m.group(2), html
    )
    if replaced != 1:
        raise BuildError("expected one Content-Security-Policy <meta> in the built page")
    html = STYLESHEET.sub("", html)
    html = PRELOAD.sub("", html)
    html, scripts = SCRIPT.subn("", html)
    if scripts != 1:
        raise BuildError("expected Trunk's one loader <script>, found %d" % scripts)
    # Nothing may point outside the file any more, but the empty data: icon.
    for match in re.finditer(r"\b(?:src|href)\s*=\s*\"([^\"]*)\"", html, re.I):
        if not match.group(1).startswith("data:"):
            raise BuildError("the single file would still reference `%s`" % match.group(1))
    note = (
        "<!-- ramplan in one file: opened from disk (file://), it needs no server and no\n"
        "     network. Everything is inline; the CSP allows exactly this style and this script\n"
        "     by their SHA-256. Built by crates/web/tools/single_file.py. -->\n"
    )
    catalogue = read(local_path(staging_dir, public_url, CATALOGUE))
    if SCRIPT_BREAKERS.search(catalogue):
        raise BuildError("the catalogue holds text that would end its data block early")
    inline = (
        '%s<style>%s</style>\n<script type="text/plain" id="ramplan-catalogue">%s</script>\n'
        '<script type="module">%s</script>\n' % (note, css, catalogue, script)
    )
    if html.count("</head>") != 1:
        raise BuildError("expected one </head> in the built page")
    return html.replace("</head>", inline + "</head>")


def csp(script, css):
    return "; ".join(
        [
            "default-src 'none'",
            "script-src %s 'wasm-unsafe-eval'" % sha256(script),
            "style-src %s" % sha256(css),
            "img-src data:",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'",
        ]
    )


def main():
    staging_dir = os.environ.get("TRUNK_STAGING_DIR")
    if not staging_dir:
        sys.exit("single_file: TRUNK_STAGING_DIR is not set; run me as a Trunk hook")
    public_url = os.environ.get("TRUNK_PUBLIC_URL") or "/"
    if not public_url.endswith("/"):
        public_url += "/"
    html_name = sys.argv[1] if len(sys.argv) > 1 else "index.html"
    try:
        html = single_file(read(os.path.join(staging_dir, html_name)), staging_dir, public_url)
    except BuildError as error:
        sys.exit("single_file: %s" % error)
    data = html.encode("utf-8")
    with open(os.path.join(staging_dir, OUTPUT), "wb") as out:
        out.write(data)
    print("single_file: %s, %d bytes" % (OUTPUT, len(data)))


if __name__ == "__main__":
    main()
