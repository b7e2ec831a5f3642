"""``make offline``: the built site as one zip that works with no server at all.

Opened from ``file://`` (a kiosk in the waiting room, a USB stick for an
outreach clinic), a browser neither turns ``risks/`` into ``risks/index.html``
nor starts a Web Worker nor fetches a JSON file. So, in a copy of ``site/``:

- every link to a folder points at its ``index.html``, in pages and in each
  language's search index;
- each language's search index is also written as a script
  (``search/search_index.js``, ``var __index = …``), which Material's search
  loads when it runs from ``file://``;
- every page loads the iframe-worker shim (vendored, see ``vendor/README.md``)
  before Material's script, so search starts without a Worker; the search
  worker is the real one, not the stand-in that loads it on first use online
  (the shim resolves its ``importScripts`` against the page, not the worker).

The zip's entries are sorted and dated ``SOURCE_DATE_EPOCH`` (else 1980), so
the same site gives the same bytes. The PDFs go with it when ``make leaflets``
has built them into the site.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SHIM = Path(__file__).parent / "vendor" / "iframe-worker-shim.js"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
#: what the host recipes are for; a zip opened from a file needs none of them
LEFT_OUT = ("_headers", ".htaccess", "_hosting")
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_BUNDLE = re.compile(r'<script src="([^"]*)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def file_link(url: str) -> str:
    """``risks/#x`` is ``risks/index.html#x``; ``..`` is ``../index.html``; other links stay."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("#", "/")) or not (parts.path or parts.query):
        return url
    path = parts.path
    if path in (".", ".."):
        path += "/"
    if not path.endswith("/"):
        return url
    return urlunsplit(("", "", path + "index.html", parts.query, parts.fragment))


def page_for_files(html: str) -> str:
    html = _LINK.sub(lambda m: m.group(1) + file_link(m.group(2)) + m.group(3), html)
    return _BUNDLE.sub(lambda m: f'<script src="{m.group(1)}{SHIM_PATH}"></script>\n    {m.group(0)}', html, count=1)


def search_for_files(index: dict) -> dict:
    docs = [{**doc, "location": file_link(doc["location"]) if doc["location"] else "index.html"}
            for doc in index.get("docs", [])]
    return {**index, "docs": docs}


def prepare(site: Path, target: Path) -> None:
    """A copy of ``site`` that works from ``file://``."""
    shutil.copytree(site, target, ignore=shutil.ignore_patterns(*LEFT_OUT))
    for page in target.rglob("*.html"):
        page.write_text(page_for_files(page.read_text(encoding="utf-8")), encoding="utf-8")
    for found in target.rglob("search/search_index.json"):
        index = search_for_files(json.loads(found.read_text(encoding="utf-8")))
        data = json.dumps(index, separators=(",", ":"), ensure_ascii=False)
        found.write_text(data, encoding="utf-8")
        found.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
    shutil.copyfile(SHIM, target / SHIM_PATH)
    for real in target.glob("assets/javascripts/workers/*.worker.min.js"):
        shutil.copyfile(real, real.with_name(real.name.replace(".worker.min.js", ".min.js")))


def write_zip(folder: Path, output: Path, top: str) -> None:
    stamp = time.gmtime(max(int(os.environ.get("SOURCE_DATE_EPOCH", 315532800)), 315532800))[:6]
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", stamp)
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            bundle.writestr(entry, path.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leaflet.hosting.offline", description=__doc__.split("\n")[0])
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    parser.add_argument("--output", default="dist/leaflet-offline.zip", help="the zip to write")
    args = parser.parse_args(argv)
    site, output = Path(args.site), Path(args.output)
    if not (site / "index.html").is_file() or not (site / "search" / "search_index.json").is_file():
        print(f"error: no built site in {site}/: run make site first (then make leaflets for the PDFs)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "leaflet"
        prepare(site, folder)
        write_zip(folder, output, output.stem)
    print(f"open {output.stem}/index.html from the unzipped folder; no server needed")
    print(output.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
