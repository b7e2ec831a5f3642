"""The weight of one page view, at 6 and at 20 languages (issue 13).

Run by hand from the repository root::

    .venv/bin/python benchmarks/page_view.py [--languages 6 20]

Builds the project (the 20-language case adds 14 copies of the French
catalog under other codes), serves it on 127.0.0.1 and loads /, /fr/risks/
and /ar/risks/ in Debian's Chromium through Playwright. Every request the
browser makes counts, failed ones and ones to other hosts included (those
are refused, never sent), as the gzip size of what came back (what a server
with gzip on would send). Also checks that the language switcher lands on
the same page. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright
from projects import EXTRA, add_languages, build, copy_project, languages_of

PAGES = ("", "fr/risks/", "ar/risks/")
CHROMIUM = "/usr/bin/chromium"
SETTLE_MS = 1500  # after the load: Material fetches what it wants once the document is ready


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def view(browser, url: str) -> tuple[int, int, list[str]]:
    """Requests made, their gzip bytes, and those that failed or left the machine."""
    context = browser.new_context()
    page = context.new_page()
    local = url.split("/", 3)[:3]
    refused: list[str] = []

    def route(route) -> None:
        if route.request.url.split("/", 3)[:3] == local:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    sizes: list[int] = []
    failed: list[str] = []
    page.on("requestfinished", lambda request: sizes.append(_gzip_size(request)))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(SETTLE_MS)
    errors = [u for u in failed if u not in refused]
    context.close()
    return len(sizes) + len(failed), sum(sizes), errors + [f"(other host) {u}" for u in refused]


def _gzip_size(request) -> int:
    response = request.response()
    body = response.body() if response is not None else b""
    headers = 200  # status line and headers, roughly, as sent
    return len(gzip.compress(body, 6)) + headers if body else headers


def switcher_keeps_page(browser, base: str) -> bool:
    page = browser.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.goto(base + "risks/")
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="fr"]').click()
    page.wait_for_load_state()
    landed = page.url
    page.close()
    return landed == base + "fr/risks/"


def measure(count: int, work: Path, browser) -> None:
    project = copy_project(work / "project")
    add_languages(project, EXTRA[: count - len(languages_of(project))])
    site = work / "site"
    build(project, site)
    server, base = serve(site)
    try:
        print(f"{len(languages_of(project))} languages")
        for path in PAGES:
            requests, size, problems = view(browser, base + path)
            print(f"  /{path:<12} {requests:3d} requests  {size / 1000:6.1f} KB gzip")
            for problem in problems:
                print(f"      failed: {problem}")
        print(f"  switcher lands on the same page: {switcher_keeps_page(browser, base)}")
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", type=int, nargs="+", default=[6, 20])
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for count in args.languages:
            with tempfile.TemporaryDirectory(prefix="leaflet-view-") as work:
                measure(count, Path(work), browser)
        browser.close()


if __name__ == "__main__":
    main()
