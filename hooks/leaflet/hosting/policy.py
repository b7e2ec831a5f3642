"""The site's security policy, read off the built pages.

A patient's visit to a hip-injection page is health data: no page talks to
a third party, none tells another site where the reader came from, and no
script runs that the build did not put there. The Content-Security-Policy
allows scripts from the site's own files and, by their SHA-256 hashes, the
few inline scripts Material's templates write (its settings scope, its
tab-restoring script). Inline event handlers and ``javascript:`` links
cannot be allowed by a hash (CSP would need ``'unsafe-hashes'``): the build
refuses them, naming the template that writes them.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .. import processes
from ..model import Finding

CODE = "csp-unhashable"
#: scripts a browser runs; ``application/json`` (Material's settings) is data
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_URL_ATTRIBUTES = ("href", "src", "action", "formaction")

#: every browser feature the site does not use, denied (Chromium knows each one by name)
DENIED_FEATURES = (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
    "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
    "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
)


@dataclass(frozen=True)
class Inline:
    """What one page runs inline: script bodies, and what no hash can allow."""

    scripts: tuple[str, ...]
    unhashable: tuple[str, ...]  # on*="..." attributes, javascript: links, style attributes and elements


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.unhashable: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        for name, value in attrs:
            scripted = name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:")
            if name.startswith("on") or scripted or name == "style":
                self.unhashable.append(f'{name}="{value}"')
        if tag == "style":
            self.unhashable.append("<style>")
        if tag == "script" and "src" not in named and (named.get("type") or "").lower() in _EXECUTABLE:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def scan(html: str) -> Inline:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return Inline(tuple(scanner.scripts), tuple(scanner.unhashable))


#: pages scanned as the build wrote them, by the SHA-256 of their text as :func:`read_site`
#: reads it back: each process of a parallel build scans its own pages (:func:`mark`)
_scanned: dict[bytes, Inline] = {}


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def remember(html: str) -> None:
    """Scan a page as it is written (newlines as reading the file back gives them); a page
    written otherwise than remembered is scanned again, so :func:`read_site` reads what is on disk."""
    text = html.replace("\r\n", "\n").replace("\r", "\n")
    _scanned.setdefault(_key(text), scan(text))


def mark() -> int:
    return len(_scanned)


def added_since(mark: int) -> dict[bytes, Inline]:
    return processes.added_since(_scanned, mark)


def merge(added: dict[bytes, Inline]) -> None:
    _scanned.update(added)


def forget() -> None:
    """Once the site is read: ``mkdocs serve`` builds again and again in one process."""
    _scanned.clear()


def source_hash(script: str) -> str:
    """The CSP source for an inline script: ``'sha256-<base64>'`` of its UTF-8 text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """The policy: the site's own files, the hashed inline scripts, nothing else.

    ``img-src data:`` because Material's stylesheet draws its admonition and
    care-card icons as ``data:`` SVG masks; ``style-src 'self'`` with no
    ``'unsafe-inline'``: the pages carry no inline style.
    """
    directives = (
        ("default-src", "'self'"),
        ("script-src", " ".join(("'self'", *sorted(set(script_hashes))))),
        ("style-src", "'self'"),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("worker-src", "'self'"),
        ("manifest-src", "'self'"),
        ("object-src", "'none'"),
        ("frame-ancestors", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'none'"),
    )
    return "; ".join(f"{name} {value}" for name, value in directives)


def permissions_policy() -> str:
    return ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


def security_headers(script_hashes: Iterable[str]) -> dict[str, str]:
    """Every response's security headers, in the order hosts write them."""
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "Strict-Transport-Security": "max-age=63072000",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": permissions_policy(),
        "Cross-Origin-Opener-Policy": "same-origin",
    }


@dataclass(frozen=True)
class SitePolicy:
    script_hashes: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def headers(self) -> dict[str, str]:
        return security_headers(self.script_hashes)


def read_site(site: Path, templates: Sequence[Path], display: Callable[[Path], str] = str) -> SitePolicy:
    """Scan every built page; an unhashable inline is a finding at the template line that writes it."""
    hashes: set[str] = set()
    found: dict[str, Finding] = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        inline = _scanned.get(_key(text)) or scan(text)
        hashes.update(source_hash(script) for script in inline.scripts)
        for text in inline.unhashable:
            if text not in found:
                path, line = _written_by(text, templates) or (page, 1)
                found[text] = Finding(
                    display(path), line, CODE,
                    f"the page {page.relative_to(site).as_posix()} carries {text!r}, which no hash in the "
                    "Content-Security-Policy can allow; move it into a script or stylesheet file",
                )
    return SitePolicy(tuple(sorted(hashes)), tuple(found.values()))


def _written_by(text: str, templates: Sequence[Path]) -> tuple[Path, int] | None:
    """The first template (overrides before the theme) whose text holds the attribute's name and value."""
    name, _, value = text.partition("=")
    needle = value.strip('"')[:40] if value else name.strip("<>")
    for folder in templates:
        for template in sorted(folder.rglob("*.html")):
            for number, line in _lines(template):
                if needle and needle in line:
                    return template, number
    return None


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    yield from enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
