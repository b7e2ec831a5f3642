"""One sitemap for every language, written once every language is built.

Each page is listed in every language, with its date. The pages say which
are translations of which (their ``hreflang`` links, ``x-default`` among
them); search engines read either, so the sitemap does not say it again:
listed in both, every page's translations made the sitemap grow with the
square of the number of languages. MkDocs renders a theme's
``sitemap.xml`` in every language's pass, each time into the site's root;
with languages built by several processes (:mod:`leaflet.parallel`) none of
them sees every language. So each pass keeps its pages as plain
:class:`Entry` values, and the first process writes the sitemap from all of
them at the end (``sitemap.xml`` and its ``.gz``, as MkDocs writes them).
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import escape

TEMPLATE = "sitemap.xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


@dataclass(frozen=True)
class Entry:
    """One page in one language: its address and its date."""

    loc: str
    lastmod: str | None


def _href(file: Any, site_url: str) -> str:
    """The page's canonical or absolute URL, escaped, else site_url and its path."""
    page = file.page
    if page.canonical_url:
        return str(escape(page.canonical_url))
    if page.abs_url:
        return str(escape(page.abs_url))
    return site_url + file.url


def entries(files: Iterable[Any], site_url: str) -> list[Entry]:
    """One language's pages (mkdocs-static-i18n's files of that language's pass)."""
    found = []
    for file in files:
        page = file.page
        if page is None or page.is_link:
            continue
        found.append(Entry(_href(file, site_url), page.update_date or None))
    return found


def render(by_language: Mapping[str, Sequence[Entry]], order: Sequence[str]) -> str:
    lines = [_HEAD]
    for language in order:
        for entry in by_language.get(language, ()):
            lines += ["    <url>", f"        <loc>{entry.loc}</loc>"]
            if entry.lastmod:
                lines.append(f"        <lastmod>{entry.lastmod}</lastmod>")
            lines += ["        <changefreq>daily</changefreq>", "    </url>"]
    return "\n".join(lines) + "\n</urlset>"


def write(site_dir: Path, by_language: Mapping[str, Sequence[Entry]], order: Sequence[str]) -> None:
    """``sitemap.xml`` and ``sitemap.xml.gz`` in the site's root, as MkDocs writes a theme's."""
    text = render(by_language, order).encode("utf-8")
    path = site_dir / TEMPLATE
    path.write_bytes(text)
    dates = [e.lastmod for found in by_language.values() for e in found if e.lastmod]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")  # as MkDocs dates a build with no page dated
    undated = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    when = datetime.fromisoformat(max(dates)).replace(tzinfo=UTC) if dates else undated
    gz_name = f"{path}.gz"
    with open(gz_name, "wb") as out, gzip.GzipFile(
        fileobj=out, filename=gz_name, mode="wb", mtime=int(when.timestamp())
    ) as compressed:
        compressed.write(text)
