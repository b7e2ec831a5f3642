"""The pages of the leaflet, in the order of the site's navigation."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any

from ..model import CONFIG, LeafletError


def nav_pages(config: dict[str, Any]) -> list[str]:
    """Every Markdown page ``nav`` lists, depth first."""
    nav = config.get("nav")
    if not nav:
        raise LeafletError(CONFIG, 1, "nav: the leaflet prints the pages in the navigation's order, "
                           "but mkdocs.yml lists no nav", "invalid-settings")
    return [page for page in _flatten(nav) if page.endswith(".md") and "://" not in page]


def _flatten(items: Iterable[Any]) -> Iterable[str]:
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from _flatten(value if isinstance(value, list) else [value])


def page_path(src: str, directory_urls: bool = True) -> str:
    """The page's path under its language's root, as MkDocs writes it: ``risks/``, ``""`` for the home page."""
    stem = src[: -len(".md")]
    name = posixpath.basename(stem)
    if not directory_urls:
        return stem + ".html"
    folder = posixpath.dirname(stem) if name in ("index", "README") else stem
    return folder + "/" if folder else ""


def anchor(src: str) -> str:
    """The section's id in the leaflet: ``page-risks``, ``page-index``."""
    return "page-" + src[: -len(".md")].replace("/", "-")
