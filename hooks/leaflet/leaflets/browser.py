"""Chromium, through Playwright, over the built site served on 127.0.0.1.

Reads each built page as the browser lays it out, and prints the composed
leaflet with the site's own print stylesheet (tagged, with an outline).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from .tools import MissingTool

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]
_EXTRACT = resources.files(__package__).joinpath("extract.js").read_text(encoding="utf-8")
_HEADINGS = "[...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')].map((h) => h.textContent)"


@dataclass(frozen=True)
class Read:
    """One built page, read in the browser."""

    content: str
    contacts: str
    notice: str | None
    review: str | None
    canonical: str
    stylesheets: tuple[str, ...]
    body: tuple[tuple[str, str], ...]  # the body's attributes: Material's direction and colour scheme


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # Chromium drops requests it no longer needs (a page left for the next): not news


@contextmanager
def served(site_dir: Path) -> Iterator[str]:
    """The built site at ``http://127.0.0.1:<port>/`` while the block runs."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Printer:
    """One Chromium for every language of a run."""

    def __init__(self, executable: str) -> None:
        from playwright.sync_api import Error, sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=executable, args=ARGS)
        except Error as error:
            self._playwright.stop()
            raise MissingTool(f"Chromium at {executable} did not start: {str(error).splitlines()[0]}") from None
        self._page = self._browser.new_page()

    def read(self, url: str, arguments: dict[str, Any]) -> Read:
        self._page.goto(url, wait_until="load")
        found = self._page.evaluate(_EXTRACT, arguments)
        return Read(
            found["content"], found["contacts"], found["notice"], found["review"], found["canonical"],
            tuple(found["stylesheets"]), tuple((name, value) for name, value in found["body"]),
        )

    def print(self, document: str, paper: str) -> tuple[bytes, list[str]]:
        """``document`` printed as the browser prints (its print stylesheet, page size and margins from CSS),
        and the text of its headings in order, which the PDF's outline names."""
        self._page.set_content(document, wait_until="load")
        self._page.evaluate("document.fonts.ready.then(() => true)")
        headings = self._page.evaluate(_HEADINGS)
        printed = self._page.pdf(
            format=paper, print_background=True, prefer_css_page_size=True, tagged=True, outline=True
        )
        return printed, [" ".join(text.split()) for text in headings]

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()
