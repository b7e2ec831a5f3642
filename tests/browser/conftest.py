"""A real Chromium over the built site, served on 127.0.0.1.

Locally, a missing browser or checker skips these tests with the reason;
with LEAFLET_REQUIRE_TOOLS=1 (set by .ci/run) it fails them instead.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from helpers import missing

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]



def read_headers_file(text: str) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """Netlify's ``_headers``: a path (``*`` matches anything) then its indented ``Name: value`` lines."""
    rules: ClassVar[list[tuple[re.Pattern[str], dict[str, str]]]] = []
    for line in text.splitlines():
        if line.strip() and not line.startswith((" ", "\t", "#")):
            rules.append((re.compile(".*".join(map(re.escape, line.strip().split("*"))) + "$"), {}))
        elif line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


class _Host(SimpleHTTPRequestHandler):
    """A static host that sends what the built site's ``_headers`` asks for, as Netlify does."""

    rules: ClassVar[list[tuple[re.Pattern[str], dict[str, str]]]] = []

    def end_headers(self) -> None:
        path = urlsplit(self.path).path
        for pattern, headers in self.rules:
            if pattern.match(path):
                for name, value in headers.items():
                    self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    headers_file = site / "_headers"
    assert headers_file.is_file(), "the build writes _headers; the browser tests run under it"
    handler = functools.partial(
        type("SiteHost", (_Host,), {"rules": read_headers_file(headers_file.read_text(encoding="utf-8"))}),
        directory=str(site),
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).is_file()):
        missing(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as error:
            missing(f"Chromium did not start: {str(error).splitlines()[0]}")
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """What a page load did: requests off the machine, failures, console errors."""

    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.foreign == [], f"requests that left 127.0.0.1: {self.foreign}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.console == [], f"console errors: {self.console}"


@pytest.fixture
def open_page(browser, base_url: str):
    """``open_page(path, width=360)`` -> (page, visit): a fresh page, watched."""
    contexts = []

    def opener(path: str, width: int = 360, height: int = 800, **context_options):
        context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
        contexts.append(context)
        visit = Visit()

        def route(route):
            host = urlsplit(route.request.url).hostname
            if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
                route.continue_()
            else:
                visit.foreign.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        # A blocked script, style or request under the site's policy fails the visit like any error.
        context.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => console.error("
            "`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`))"
        )
        page = context.new_page()
        page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.status} {r.url}"))
        page.on("requestfailed", lambda r: visit.failed.append(f"{r.failure} {r.url}") if "127.0.0.1" in r.url else None)
        page.on("console", lambda m: m.type == "error" and visit.console.append(m.text))
        page.on("pageerror", lambda e: visit.console.append(str(e)))
        page.goto(base_url + path.lstrip("/"))
        page.wait_for_load_state("networkidle")
        return page, visit

    yield opener
    for context in contexts:
        context.close()
