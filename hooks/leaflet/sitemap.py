"""One sitemap for every language, written once every language is built.

Each page is listed with its translations, and ``x-default`` (the English
page) for readers whose language is not offered. MkDocs renders a theme's
``sitemap.xml`` in every language's pass, each time into the site's root;
with languages built by several processes (:mod:`leaflet.parallel`) none of
them sees every language. So each pass keeps its pages as plain
:class:`Entry` values, and the first process writes the sitemap from all of
them at the end, as mkdocs-static-i18n's template would have in the last
pass (``sitemap.xml`` and its ``.gz``, the same bytes).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.utils import get_build_datetime

TEMPLATE = "sitemap.xml"
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)


@dataclass(frozen=True)
class Entry:
    """One page in one language: its address, its date and its translations' addresses."""

    loc: str
    lastmod: str | None
    alternates: tuple[tuple[str, str], ...]


def _href(file: Any, site_url: str, *, alternate: bool = False) -> str:
    """The address the template gave: escaped canonical or absolute URL, else site_url and the path."""
    page = file.page
    if page is not None and page.canonical_url:
        return str(escape(page.canonical_url))
    if page is not None and page.abs_url:
        return str(escape(page.abs_url))
    return site_url if alternate and file.url == "./" else site_url + file.url


def entries(files: Iterable[Any], site_url: str) -> list[Entry]:
    """One language's pages (mkdocs-static-i18n's files of that language's pass)."""
    found = []
    for file in files:
        page = file.page
        if page is None or page.is_link:
            continue
        alternates = tuple(
            (locale, _href(other, site_url, alternate=True)) for locale, other in file.alternates.items()
        )
        found.append(Entry(_href(file, site_url), page.update_date or None, alternates))
    return found


def render(by_language: Mapping[str, Sequence[Entry]], order: Sequence[str], source: str) -> str:
    lines = [_HEAD]
    for language in order:
        for entry in by_language.get(language, ()):
            lines += ["    <url>", f"        <loc>{entry.loc}</loc>"]
            if entry.lastmod:
                lines.append(f"        <lastmod>{entry.lastmod}</lastmod>")
            lines.append("        <changefreq>daily</changefreq>")
            for locale, href in entry.alternates:
                lines.append(f'        <xhtml:link rel="alternate" hreflang="{locale}" href="{href}"/>')
                if locale == source:
                    lines.append(f'        <xhtml:link rel="alternate" hreflang="x-default" href="{href}"/>')
            lines.append("    </url>")
    return "\n".join(lines) + "\n</urlset>"


def write(site_dir: Path, by_language: Mapping[str, Sequence[Entry]], order: Sequence[str], source: str) -> None:
    """``sitemap.xml`` and ``sitemap.xml.gz`` in the site's root, as MkDocs writes a theme's."""
    text = render(by_language, order, source).encode("utf-8")
    path = site_dir / TEMPLATE
    path.write_bytes(text)
    dates = [e.lastmod for found in by_language.values() for e in found if e.lastmod]
    when = datetime.fromisoformat(max(dates)).replace(tzinfo=UTC) if dates else get_build_datetime()
    gz_name = f"{path}.gz"
    with open(gz_name, "wb") as out, gzip.GzipFile(
        fileobj=out, filename=gz_name, mode="wb", mtime=int(when.timestamp())
    ) as compressed:
        compressed.write(text)
